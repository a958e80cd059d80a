// Tests of Generator's discrete univariate distributions (binomial, negative_binomial, poisson,
// zipf, geometric, hypergeometric, logseries) against NumPy (golden data: tests/data/discrete.tsv
// and the 2.5.2 reference records), plus a statistical second net (moments and chi-square).
//
// The golden records are driven by their structured fields (method, typed arguments, size, form:
// a sized call, a list of scalar calls, either followed by raw draws, or an erroring call), which
// are replayed on nprandom, so every record of tools/golden/discrete.py is checked without
// repeating its parameters here.
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/generator.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Gen = nprandom::Generator<nprandom::PCG64>;
using I64 = std::int64_t;

Gen rng(std::uint64_t seed) { return Gen(nprandom::PCG64(seed)); }

// ---- the arguments of a golden record, as the methods take them -----------------------------
struct Value {
  bool is_int = true;
  I64 i = 0;
  double d = 0.0;
  double as_double() const { return is_int ? static_cast<double>(i) : d; }
  I64 as_int() const { return is_int ? i : static_cast<I64>(d); }  // NumPy: <int64_t> cast
};

Value to_value(const golden::Arg& a) {
  Value v;
  if (a.is_int()) {
    v.i = a.as_i64();
  } else {
    v.is_int = false;
    v.d = a.as_double();
  }
  return v;
}

// ---- the seven methods, in their three forms --------------------------------------------------
const std::vector<std::string> kMethods = {"binomial",  "negative_binomial", "poisson",  "zipf",
                                           "geometric", "hypergeometric",    "logseries"};

bool is_discrete_method(const std::string& m) {
  return std::find(kMethods.begin(), kMethods.end(), m) != kMethods.end();
}

template <class G>
I64 call_scalar(G& g, const std::string& m, const std::vector<Value>& a) {
  if (m == "binomial") return g.binomial(a.at(0).as_int(), a.at(1).as_double());
  if (m == "negative_binomial")
    return g.negative_binomial(a.at(0).as_double(), a.at(1).as_double());
  if (m == "poisson") return a.empty() ? g.poisson() : g.poisson(a.at(0).as_double());
  if (m == "zipf") return g.zipf(a.at(0).as_double());
  if (m == "geometric") return g.geometric(a.at(0).as_double());
  if (m == "hypergeometric") {
    return g.hypergeometric(a.at(0).as_int(), a.at(1).as_int(), a.at(2).as_int());
  }
  if (m == "logseries") return g.logseries(a.at(0).as_double());
  throw std::runtime_error("unknown method " + m);
}

template <class G>
std::vector<I64> call_sized(G& g, const std::string& m, const std::vector<Value>& a,
                            std::size_t n) {
  if (m == "binomial") return g.binomial(a.at(0).as_int(), a.at(1).as_double(), n);
  if (m == "negative_binomial") {
    return g.negative_binomial(a.at(0).as_double(), a.at(1).as_double(), n);
  }
  if (m == "poisson") return g.poisson(a.empty() ? 1.0 : a.at(0).as_double(), n);
  if (m == "zipf") return g.zipf(a.at(0).as_double(), n);
  if (m == "geometric") return g.geometric(a.at(0).as_double(), n);
  if (m == "hypergeometric") {
    return g.hypergeometric(a.at(0).as_int(), a.at(1).as_int(), a.at(2).as_int(), n);
  }
  if (m == "logseries") return g.logseries(a.at(0).as_double(), n);
  throw std::runtime_error("unknown method " + m);
}

template <class G>
void call_fill(G& g, const std::string& m, const std::vector<Value>& a, I64* out, std::size_t n) {
  if (m == "binomial") return g.binomial(a.at(0).as_int(), a.at(1).as_double(), out, n);
  if (m == "negative_binomial") {
    return g.negative_binomial(a.at(0).as_double(), a.at(1).as_double(), out, n);
  }
  if (m == "poisson") return g.poisson(a.empty() ? 1.0 : a.at(0).as_double(), out, n);
  if (m == "zipf") return g.zipf(a.at(0).as_double(), out, n);
  if (m == "geometric") return g.geometric(a.at(0).as_double(), out, n);
  if (m == "hypergeometric") {
    return g.hypergeometric(a.at(0).as_int(), a.at(1).as_int(), a.at(2).as_int(), out, n);
  }
  if (m == "logseries") return g.logseries(a.at(0).as_double(), out, n);
  throw std::runtime_error("unknown method " + m);
}

// ---- the record's structured call (tests/support/golden.hpp) -----------------------------------
struct Call {
  enum Form { sized, scalar_list, sized_raw, scalar_list_raw, single } form = single;
  std::uint64_t seed = 0;
  std::string bitgen = "PCG64";  // default_rng(seed) or Generator(np.random.<bitgen>(seed))
  std::string method;
  std::vector<Value> args;
  std::size_t size = 0;   // sized forms
  std::size_t reps = 0;   // scalar lists
  std::size_t n_raw = 0;  // *_raw forms
  std::size_t tail = 0;   // "[-tail:]" slice of a sized call, 0 = whole
};

// The record as a Call; false if it is not a Generator call of one of our methods.
bool to_call(const golden::Record& rec, Call& c) {
  using F = golden::Form;
  if (rec.front != "Generator" || !is_discrete_method(rec.method) || rec.dtype != "-") return false;
  c.seed = rec.seed();
  c.bitgen = rec.bitgen;
  c.method = rec.method;
  for (const golden::Arg& a : rec.args) {
    if (!a.name.empty()) return false;
    c.args.push_back(to_value(a));
  }
  if (rec.has_size) {
    if (rec.shape.size() != 1) return false;
    c.size = rec.shape[0];
  }
  const F& f = rec.form;
  if (f.base == F::call || f.base == F::tail) {
    if (f.probe == F::none) {
      c.form = rec.has_size ? Call::sized : Call::single;
      c.tail = f.base == F::tail ? f.count : 0;
      return true;
    }
    if (f.probe == F::raw && f.base == F::call && rec.has_size) {
      c.form = Call::sized_raw;
      c.n_raw = f.raw_count;
      return true;
    }
    return false;
  }
  if (f.base == F::repeat && !rec.has_size) {
    c.reps = f.count;
    if (f.probe == F::none) {
      c.form = Call::scalar_list;
      return true;
    }
    if (f.probe == F::raw) {
      c.form = Call::scalar_list_raw;
      c.n_raw = f.raw_count;
      return true;
    }
  }
  return false;
}

// Replays one parsed golden record on Generator<BG>.
template <class BG>
void replay_on(const golden::Record& rec, const Call& c) {
  using G = nprandom::Generator<BG>;
  const auto make = [&c] { return G(BG(c.seed)); };
  INFO("replaying " << rec.id << ": " << rec.call);
  G g = make();
  switch (c.form) {
    case Call::single:
      if (rec.kind == "error") {
        golden::check_error<std::invalid_argument>(rec,
                                                   [&] { (void)call_scalar(g, c.method, c.args); });
        // NumPy validates before sizing: a sized call with the same parameters raises too.
        G g2 = make();
        golden::check_error<std::invalid_argument>(
            rec, [&] { (void)call_sized(g2, c.method, c.args, 3); });
        G g3 = make();
        golden::check_error<std::invalid_argument>(
            rec, [&] { (void)call_sized(g3, c.method, c.args, 0); });
      } else {
        golden::check_scalar(rec, call_scalar(g, c.method, c.args));
      }
      break;
    case Call::sized: {
      if (rec.kind == "error") {
        golden::check_error<std::invalid_argument>(
            rec, [&] { (void)call_sized(g, c.method, c.args, c.size); });
        break;
      }
      std::vector<I64> got = call_sized(g, c.method, c.args, c.size);
      // The fill form must give the same values.
      G g2 = make();
      std::vector<I64> filled(c.size);
      call_fill(g2, c.method, c.args, filled.data(), filled.size());
      CHECK(filled == got);
      CHECK(g2.bit_generator().random_raw() == g.bit_generator().random_raw());
      if (c.tail != 0) got.erase(got.begin(), got.end() - static_cast<std::ptrdiff_t>(c.tail));
      golden::check(rec, got);
      break;
    }
    case Call::scalar_list: {
      std::vector<I64> got;
      for (std::size_t i = 0; i < c.reps; ++i) got.push_back(call_scalar(g, c.method, c.args));
      golden::check(rec, got);
      break;
    }
    case Call::sized_raw:
      (void)call_sized(g, c.method, c.args, c.size);
      golden::check(rec, g.bit_generator().random_raw(c.n_raw));
      break;
    case Call::scalar_list_raw:
      for (std::size_t i = 0; i < c.reps; ++i) (void)call_scalar(g, c.method, c.args);
      golden::check(rec, g.bit_generator().random_raw(c.n_raw));
      break;
  }
}

// Replays one golden record; returns false if its call is not one of ours.
bool replay(const golden::Record& rec) {
  Call c;
  if (!to_call(rec, c)) return false;
  if (c.bitgen == "PCG64") {
    replay_on<nprandom::PCG64>(rec, c);
  } else if (c.bitgen == "PCG64DXSM") {
    replay_on<nprandom::PCG64DXSM>(rec, c);
  } else if (c.bitgen == "MT19937") {
    replay_on<nprandom::MT19937>(rec, c);
  } else if (c.bitgen == "Philox") {
    replay_on<nprandom::Philox>(rec, c);
  } else if (c.bitgen == "SFC64") {
    replay_on<nprandom::SFC64>(rec, c);
  } else {
    FAIL("unknown bit generator " << c.bitgen << " in " << rec.id);
  }
  return true;
}

std::size_t replay_all(const std::string& family, const std::string& prefix) {
  std::size_t n = 0;
  for (const golden::Record* rec : golden::with_prefix(family, prefix)) {
    if (replay(*rec)) ++n;
  }
  return n;
}

}  // namespace

// ---- golden data ------------------------------------------------------------------------------

TEST_CASE("discrete: golden records carry typed arguments", "[discrete]") {
  // The Python argument expressions are evaluated by tools/make_golden.py; the record holds their
  // values, typed: 10**9 stays an int, 1 - 2**-53 is the double 1 - 2^-53, -0.0 keeps its sign.
  Call c;
  REQUIRE(to_call(golden::get("discrete", "hypergeometric(10**8, 3*10**8, 10**6)/1"), c));
  REQUIRE(c.args.size() == 3);
  CHECK(c.args[0].is_int);
  CHECK(c.args[0].i == 100000000);
  CHECK(c.args[1].i == 300000000);
  CHECK(c.size == 20);
  CHECK(c.form == Call::sized);
  REQUIRE(to_call(golden::get("discrete", "logseries(1 - 2**-53)/scalar/raw"), c = Call{}));
  CHECK(!c.args.at(0).is_int);
  CHECK(c.args.at(0).d == 1.0 - 0x1p-53);
  CHECK(c.form == Call::scalar_list_raw);
  CHECK(c.reps == 5);
  CHECK(c.n_raw == 2);
  REQUIRE(to_call(golden::get("discrete", "binomial(10, -0.0)/12345"), c = Call{}));
  CHECK(std::signbit(c.args.at(1).d));
  REQUIRE(to_call(golden::get("discrete", "bad/geometric/3"), c = Call{}));
  CHECK(std::isnan(c.args.at(0).d));
  REQUIRE(to_call(golden::get("discrete", "bad/poisson/4"), c = Call{}));
  CHECK(c.args.at(0).d == -std::numeric_limits<double>::infinity());
  REQUIRE(to_call(golden::get("discrete", "bitgen/SFC64/zipf(2.0)"), c = Call{}));
  CHECK(c.bitgen == "SFC64");
  CHECK(c.seed == 42);
}

TEST_CASE("discrete: every record of tools/golden/discrete.py", "[discrete][golden]") {
  for (const std::string& m : kMethods) {
    SECTION(m) { CHECK(replay_all("discrete", m + "(") >= 20); }
  }
  SECTION("other bit generators") { CHECK(replay_all("discrete", "bitgen/") >= 60); }
  SECTION("deep runs") { CHECK(replay_all("discrete", "deep/") >= 26); }
  SECTION("defaults") { CHECK(replay_all("discrete", "poisson()") == 2); }
  SECTION("errors") { CHECK(replay_all("discrete", "bad/") >= 48); }
  SECTION("nothing skipped") {
    // Every record is a replayable call except the fresh raw streams raw/<seed>.
    const std::size_t total = golden::with_prefix("discrete", "").size();
    CHECK(replay_all("discrete", "") + golden::with_prefix("discrete", "raw/").size() == total);
  }
}

TEST_CASE("discrete: NumPy 2.5.2 reference records", "[discrete][golden]") {
  // Generator/<seed>/<method>(...) (sized and scalar), v25/* (BTPE Step 52 with the 2.5 Stirling
  // fix, zipf near 1, geometric clamping) and bad/* of our methods.
  const std::size_t gen = replay_all("reference", "Generator/");
  CHECK(gen >= 80);
  const std::size_t v25 = replay_all("reference", "v25/");
  CHECK(v25 == 4);  // binomial-1000-deep, binomial-500-deep, geometric-tiny, zipf-1.5
  const std::size_t bad = replay_all("reference", "bad/");
  CHECK(bad == 9);  // bad/3, 4, 5, 6, 10, 11, 12, 16, 26
}

TEST_CASE("discrete: zipf with a >= 1025 returns 1 without drawing (NumPy >= 2.1)", "[discrete]") {
  // NumPy 1.24.2 hangs there, so there is no NumPy record of the values; the stream must be
  // untouched: the next raw draws equal a fresh generator's (record raw/<seed>).
  for (std::uint64_t seed : {1u, 12345u}) {
    for (double a : {1025.0, 1e6, std::numeric_limits<double>::infinity()}) {
      Gen g = rng(seed);
      CHECK(g.zipf(a) == 1);
      CHECK(g.zipf(a, 7) == std::vector<I64>(7, 1));
      golden::check(golden::get("discrete", "raw/" + std::to_string(seed)),
                    g.bit_generator().random_raw(2));
    }
  }
}

TEST_CASE("discrete: NumPy's POISSON_LAM_MAX boundary", "[discrete]") {
  // _common.pyx: <double>int64max - sqrt(int64max)*10 == 9.223372006484771e18 (accepted).
  Gen g = rng(3);
  CHECK_NOTHROW(g.poisson(9.223372006484771e18));
  CHECK_THROWS_AS(g.poisson(std::nextafter(9.223372006484771e18, 1e19)), std::invalid_argument);
}

// ---- kernels ----------------------------------------------------------------------------------

TEST_CASE("discrete: the binomial setup cache never changes values", "[discrete]") {
  // NumPy keeps one binomial_t per Generator across calls; alternating (n, p) through one shared
  // cache must equal fresh setups on the same stream.
  const std::vector<std::pair<I64, double>> params = {
      {20, 0.1}, {1000, 0.3}, {20, 0.1}, {20, 0.9}, {500, 0.7}, {500, 0.7}, {1, 0.5}, {61, 0.5}};
  nprandom::PCG64 a(9), b(9);
  nprandom::distributions::binomial_cache shared;
  for (int round = 0; round < 200; ++round) {
    for (const auto& np : params) {
      const I64 x = nprandom::distributions::binomial(a, np.first, np.second, shared);
      const I64 y = nprandom::distributions::binomial(b, np.first, np.second);
      REQUIRE(x == y);
    }
  }
  CHECK(a.random_raw() == b.random_raw());
}

TEST_CASE("discrete: memoised sized paths equal the one-draw kernels", "[discrete]") {
  // binomial_fill, poisson_fill and hypergeometric_fill tabulate per-(n, p) / per-lam numbers for
  // long runs; the values must equal NumPy's per-draw arithmetic (the plain kernels) exactly.
  namespace d = nprandom::distributions;
  const std::size_t n = 6000;
  SECTION("binomial") {
    const std::vector<std::pair<I64, double>> cases = {{20, 0.3},           {60, 0.5},
                                                       {85, 0.35},          {100, 0.4},
                                                       {1000, 0.5},         {1000, 0.97},
                                                       {5000, 0.02},        {I64{1} << 31, 0.01},
                                                       {I64{1} << 40, 0.3}, {I64{1} << 40, 1e-11}};
    for (const auto& c : cases) {
      INFO("binomial(" << c.first << ", " << c.second << ")");
      Gen g = rng(11);
      const auto sized = g.binomial(c.first, c.second, n);
      nprandom::PCG64 bg(11);
      d::binomial_cache bc;
      std::vector<I64> one(n);
      for (auto& x : one) x = d::binomial(bg, c.first, c.second, bc);
      CHECK(sized == one);
      CHECK(g.bit_generator().random_raw() == bg.random_raw());
    }
  }
  SECTION("poisson") {
    for (double lam : {10.0, 12.5, 100.0, 1000.0, 123456.7, 1e12, 9e18}) {
      INFO("poisson(" << lam << ")");
      Gen g = rng(12);
      const auto sized = g.poisson(lam, n);
      nprandom::PCG64 bg(12);
      std::vector<I64> one(n);
      for (auto& x : one) x = d::poisson(bg, lam);
      CHECK(sized == one);
      CHECK(g.bit_generator().random_raw() == bg.random_raw());
    }
  }
  SECTION("hypergeometric") {
    const std::vector<std::vector<I64>> cases = {{100, 200, 50},
                                                 {500, 300, 600},
                                                 {20, 20, 20},
                                                 {100000000, 300000000, 1000000},
                                                 {999999999, 999999999, 1000000000}};
    for (const auto& c : cases) {
      INFO("hypergeometric(" << c[0] << ", " << c[1] << ", " << c[2] << ")");
      Gen g = rng(13);
      const auto sized = g.hypergeometric(c[0], c[1], c[2], n);
      nprandom::PCG64 bg(13);
      std::vector<I64> one(n);
      for (auto& x : one) x = d::hypergeometric(bg, c[0], c[1], c[2]);
      CHECK(sized == one);
      CHECK(g.bit_generator().random_raw() == bg.random_raw());
    }
  }
}

TEST_CASE("discrete: loggam and logfactorial against std::lgamma", "[discrete]") {
  using nprandom::distributions::logfactorial;
  using nprandom::distributions::loggam;
  CHECK(loggam(1.0) == 0.0);
  CHECK(loggam(2.0) == 0.0);
  for (double x : {0.5, 1.5, 3.0, 6.9, 7.0, 10.5, 123.0, 1e5, 1e12}) {
    INFO("x = " << x);
    CHECK(std::fabs(loggam(x) - std::lgamma(x)) <=
          1e-12 * std::max(1.0, std::fabs(std::lgamma(x))));
  }
  for (I64 k :
       {I64{0}, I64{1}, I64{2}, I64{10}, I64{125}, I64{126}, I64{127}, I64{1000}, I64{123456789}}) {
    INFO("k = " << k);
    const double want = std::lgamma(static_cast<double>(k) + 1);
    CHECK(std::fabs(logfactorial(k) - want) <= 1e-13 * std::max(1.0, want));
  }
}

// ---- statistical second net -------------------------------------------------------------------
namespace {

struct Moments {
  double mean, var, m4;
};

Moments moments(const std::vector<I64>& x) {
  double s = 0;
  for (I64 v : x) s += static_cast<double>(v);
  const double mean = s / static_cast<double>(x.size());
  double s2 = 0, s4 = 0;
  for (I64 v : x) {
    const double d = static_cast<double>(v) - mean;
    s2 += d * d;
    s4 += d * d * d * d;
  }
  const double n = static_cast<double>(x.size());
  return {mean, s2 / (n - 1), s4 / n};
}

// Mean within 6 standard errors of the true mean; sample variance within 6 of its own standard
// errors (estimated from the sample's fourth central moment) of the true variance.
void check_moments(const std::vector<I64>& x, double mu, double var) {
  const Moments m = moments(x);
  const double n = static_cast<double>(x.size());
  INFO("mean " << m.mean << " (want " << mu << "), var " << m.var << " (want " << var << ")");
  CHECK(std::fabs(m.mean - mu) <= 6 * std::sqrt(var / n));
  const double se_var = std::sqrt(std::max(m.m4 - m.var * m.var, 0.0) / n);
  CHECK(std::fabs(m.var - var) <= 6 * se_var + 1e-12 * var);
}

// Pearson chi-square of the sample against pmf(k) on the support [lo, hi]; cells with expected
// count < 5 are pooled into their neighbours. Passes when X^2 < df + 6*sqrt(2*df).
template <class Pmf>
void check_chi_square(const std::vector<I64>& x, I64 lo, I64 hi, Pmf pmf) {
  std::map<I64, double> counts;
  for (I64 v : x) {
    REQUIRE(v >= lo);
    REQUIRE(v <= hi);
    counts[v] += 1;
  }
  const double n = static_cast<double>(x.size());
  double chi2 = 0, exp_acc = 0, obs_acc = 0;
  int cells = 0;
  for (I64 k = lo; k <= hi; ++k) {
    exp_acc += n * pmf(k);
    auto it = counts.find(k);
    if (it != counts.end()) obs_acc += it->second;
    if (exp_acc >= 5) {
      chi2 += (obs_acc - exp_acc) * (obs_acc - exp_acc) / exp_acc;
      ++cells;
      exp_acc = obs_acc = 0;
    }
  }
  if (exp_acc > 0) {  // leftover tail pooled as a last cell
    chi2 += (obs_acc - exp_acc) * (obs_acc - exp_acc) / exp_acc;
    ++cells;
  }
  const double df = cells - 1;
  INFO("chi2 = " << chi2 << " on " << df << " df");
  REQUIRE(df >= 2);
  CHECK(chi2 < df + 6 * std::sqrt(2 * df));
}

double binom_pmf(I64 n, double p, I64 k) {
  const double nd = static_cast<double>(n), kd = static_cast<double>(k);
  return std::exp(std::lgamma(nd + 1) - std::lgamma(kd + 1) - std::lgamma(nd - kd + 1) +
                  kd * std::log(p) + (nd - kd) * std::log1p(-p));
}
double poisson_pmf(double lam, I64 k) {
  const double kd = static_cast<double>(k);
  return std::exp(kd * std::log(lam) - lam - std::lgamma(kd + 1));
}

constexpr std::size_t kStatN = 200000;

}  // namespace

TEST_CASE("discrete: binomial moments and chi-square", "[discrete][stats]") {
  const std::vector<std::pair<I64, double>> cases = {
      {20, 0.3}, {60, 0.5}, {30, 0.8}, {100, 0.4}, {80, 0.6}, {1000, 0.5}, {5000, 0.02}};
  std::uint64_t seed = 100;
  for (const auto& c : cases) {
    const I64 n = c.first;
    const double p = c.second;
    INFO("binomial(" << n << ", " << p << ")");
    Gen g = rng(seed++);
    const auto x = g.binomial(n, p, kStatN);
    const double nd = static_cast<double>(n);
    check_moments(x, nd * p, nd * p * (1 - p));
    check_chi_square(x, 0, n, [&](I64 k) { return binom_pmf(n, p, k); });
  }
  Gen g = rng(seed);
  const auto big = g.binomial(I64{1} << 31, 0.01, kStatN);
  const double nb = static_cast<double>(I64{1} << 31);
  check_moments(big, nb * 0.01, nb * 0.01 * 0.99);
  // 1 - p rounds to 1: NumPy 2.4+ (log1p) samples correctly where 1.24.2 returned only zeros.
  const auto tiny = g.binomial(I64{1} << 62, 1e-18, kStatN);
  const double nt = static_cast<double>(I64{1} << 62);
  check_moments(tiny, nt * 1e-18, nt * 1e-18 * (1 - 1e-18));
}

TEST_CASE("discrete: poisson moments and chi-square", "[discrete][stats]") {
  std::uint64_t seed = 200;
  for (double lam : {0.5, 3.0, 9.99, 10.0, 15.0, 1000.0}) {
    INFO("poisson(" << lam << ")");
    Gen g = rng(seed++);
    const auto x = g.poisson(lam, kStatN);
    check_moments(x, lam, lam);
    check_chi_square(x, 0, static_cast<I64>(lam * 3 + 50),
                     [&](I64 k) { return poisson_pmf(lam, k); });
  }
  Gen g = rng(seed);
  check_moments(g.poisson(1e12, kStatN), 1e12, 1e12);
}

TEST_CASE("discrete: moments of the other distributions", "[discrete][stats]") {
  std::uint64_t seed = 300;
  SECTION("negative_binomial") {
    for (const auto& c : std::vector<std::pair<double, double>>{
             {1.0, 0.5}, {10.5, 0.25}, {0.5, 0.9}, {1000.0, 0.3}}) {
      INFO("negative_binomial(" << c.first << ", " << c.second << ")");
      Gen g = rng(seed++);
      const double n = c.first, p = c.second;
      check_moments(g.negative_binomial(n, p, kStatN), n * (1 - p) / p, n * (1 - p) / (p * p));
    }
  }
  SECTION("geometric") {
    for (double p : {0.9, 0.5, 1.0 / 3.0, 0.33, 0.05, 1e-4}) {
      INFO("geometric(" << p << ")");
      Gen g = rng(seed++);
      check_moments(g.geometric(p, kStatN), 1 / p, (1 - p) / (p * p));
    }
  }
  SECTION("hypergeometric") {
    const std::vector<std::vector<I64>> cases = {{10, 10, 5},    {100, 200, 9},
                                                 {100, 200, 50}, {500, 300, 600},
                                                 {20, 20, 35},   {100000000, 300000000, 1000000},
                                                 {5, 1000, 100}};
    for (const auto& c : cases) {
      const double K = static_cast<double>(c[0]), N = static_cast<double>(c[0] + c[1]),
                   n = static_cast<double>(c[2]);
      INFO("hypergeometric(" << c[0] << ", " << c[1] << ", " << c[2] << ")");
      Gen g = rng(seed++);
      const auto x = g.hypergeometric(c[0], c[1], c[2], kStatN);
      check_moments(x, n * K / N, n * K / N * (N - K) / N * (N - n) / (N - 1));
    }
  }
  SECTION("logseries") {
    for (double p : {1e-3, 0.1, 0.5, 0.9}) {
      INFO("logseries(" << p << ")");
      Gen g = rng(seed++);
      const double l = std::log1p(-p);
      const double mu = -p / ((1 - p) * l);
      const double var = -p * (p + l) / ((1 - p) * (1 - p) * l * l);
      check_moments(g.logseries(p, kStatN), mu, var);
    }
  }
  SECTION("zipf") {
    // Frequencies of 1, 2, 3 against k^-a / zeta(a), and the mean for a > 3.
    for (double a : {2.0, 3.5, 6.0}) {
      INFO("zipf(" << a << ")");
      double zeta = 0, zeta1 = 0;
      for (int k = 1000000; k >= 1; --k) {
        zeta += std::pow(k, -a);
        zeta1 += std::pow(k, 1 - a);
      }
      Gen g = rng(seed++);
      const auto x = g.zipf(a, kStatN);
      for (I64 k = 1; k <= 3; ++k) {
        const double pk = std::pow(static_cast<double>(k), -a) / zeta;
        const double freq =
            static_cast<double>(std::count(x.begin(), x.end(), k)) / static_cast<double>(kStatN);
        CHECK(std::fabs(freq - pk) <= 6 * std::sqrt(pk * (1 - pk) / static_cast<double>(kStatN)));
      }
      if (a > 3) {
        const Moments m = moments(x);
        const double mu = zeta1 / zeta;
        CHECK(std::fabs(m.mean - mu) <= 6 * std::sqrt(m.var / static_cast<double>(kStatN)));
      }
    }
  }
}
