// Tests of Generator's discrete univariate distributions (binomial, negative_binomial, poisson,
// zipf, geometric, hypergeometric, logseries) against NumPy (golden data: tests/data/discrete.tsv
// and the 2.5.2 reference records), plus a statistical second net (moments and chi-square).
//
// The golden records are driven by their own call text: each record's Python call (a sized call,
// a list of scalar calls, either followed by raw draws, or an erroring call) is parsed and
// replayed on nprandom, so every record of tools/golden/discrete.py is checked without repeating
// its parameters here.
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
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Gen = nprandom::Generator<nprandom::PCG64>;
using I64 = std::int64_t;

Gen rng(std::uint64_t seed) { return Gen(nprandom::PCG64(seed)); }

// ---- a tiny evaluator for the Python argument expressions used in the calls ------------------
// Grammar: expr := term (('+' | '-') term)*;  term := unary (('*' | '/') unary)*;
//          unary := '-' unary | power;
//          power := atom ('**' unary)?;  atom := number | np.nan | np.inf.
struct Value {
  bool is_int = true;
  I64 i = 0;
  double d = 0.0;
  double as_double() const { return is_int ? static_cast<double>(i) : d; }
  I64 as_int() const { return is_int ? i : static_cast<I64>(d); }  // NumPy: <int64_t> cast
};

class ArgParser {
 public:
  explicit ArgParser(std::string s) : s_(std::move(s)) {}
  Value parse() {
    Value v = expr();
    skip();
    if (pos_ != s_.size()) throw std::runtime_error("cannot parse argument: " + s_);
    return v;
  }

 private:
  void skip() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
  }
  bool eat(const std::string& t) {
    skip();
    if (s_.compare(pos_, t.size(), t) == 0) {
      pos_ += t.size();
      return true;
    }
    return false;
  }
  Value expr() {
    Value v = term();
    for (;;) {
      skip();
      const bool plus = s_.compare(pos_, 1, "+") == 0;
      if (!plus && s_.compare(pos_, 1, "-") != 0) break;
      ++pos_;
      const Value w = term();
      if (v.is_int && w.is_int) {
        v.i = plus ? v.i + w.i : v.i - w.i;
      } else {
        v = flt(plus ? v.as_double() + w.as_double() : v.as_double() - w.as_double());
      }
    }
    return v;
  }
  Value term() {
    Value v = unary();
    for (;;) {
      skip();
      if (s_.compare(pos_, 2, "**") == 0) break;
      if (eat("*")) {
        const Value w = unary();
        if (v.is_int && w.is_int) {
          v.i *= w.i;
        } else {
          v = flt(v.as_double() * w.as_double());
        }
      } else if (eat("/")) {
        const Value w = unary();
        v = flt(v.as_double() / w.as_double());  // Python 3 true division
      } else {
        break;
      }
    }
    return v;
  }
  Value unary() {
    if (eat("-")) {
      Value v = unary();
      if (v.is_int) {
        v.i = -v.i;
      } else {
        v.d = -v.d;
      }
      return v;
    }
    return power();
  }
  Value power() {
    Value base = atom();
    if (eat("**")) {
      const Value e = unary();
      if (base.is_int && e.is_int && e.i >= 0) {
        I64 r = 1;
        for (I64 k = 0; k < e.i; ++k) r *= base.i;
        base.i = r;
      } else {
        base = flt(std::pow(base.as_double(), e.as_double()));
      }
    }
    return base;
  }
  Value atom() {
    if (eat("np.nan")) return flt(std::numeric_limits<double>::quiet_NaN());
    if (eat("np.inf")) return flt(std::numeric_limits<double>::infinity());
    skip();
    const std::size_t start = pos_;
    bool is_float = false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if ((c >= '0' && c <= '9') || c == '.') {
        is_float = is_float || c == '.';
        ++pos_;
      } else if ((c == 'e' || c == 'E') && pos_ > start) {
        is_float = true;
        ++pos_;
        if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) ++pos_;
      } else {
        break;
      }
    }
    if (pos_ == start) throw std::runtime_error("cannot parse argument: " + s_);
    const std::string tok = s_.substr(start, pos_ - start);
    if (is_float) return flt(std::strtod(tok.c_str(), nullptr));
    Value v;
    v.i = std::strtoll(tok.c_str(), nullptr, 10);
    return v;
  }
  static Value flt(double d) {
    Value v;
    v.is_int = false;
    v.d = d;
    return v;
  }

  std::string s_;
  std::size_t pos_ = 0;
};

std::vector<Value> parse_args(const std::string& text) {
  std::vector<Value> out;
  std::string cur;
  for (char c : text) {
    if (c == ',') {
      out.push_back(ArgParser(cur).parse());
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (cur.find_first_not_of(' ') != std::string::npos) out.push_back(ArgParser(cur).parse());
  return out;
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

// ---- call-text parsing ------------------------------------------------------------------------
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

// Splits "args, size=N" / "size=N" / "args" into the argument list and the size (0 = none).
void split_size(const std::string& inner, Call& c, bool want_size) {
  static const std::regex size_re(R"(^(.*?)(?:, )?size=(\d+)$)");
  std::smatch m;
  if (std::regex_match(inner, m, size_re)) {
    if (!want_size) throw std::runtime_error("unexpected size in " + inner);
    c.args = parse_args(m[1].str());
    c.size = std::stoul(m[2].str());
  } else {
    if (want_size) throw std::runtime_error("missing size in " + inner);
    c.args = parse_args(inner);
  }
}

bool parse_call(const std::string& text_in, Call& c) {
  // np.random.Generator(np.random.<BitGen>(<seed>)) is read as default_rng(<seed>) on <BitGen>.
  static const std::regex other_bg(R"(np\.random\.Generator\(np\.random\.(\w+)\((\d+)\)\))");
  std::string text = text_in;
  std::smatch bgm;
  if (std::regex_search(text_in, bgm, other_bg)) {
    c.bitgen = bgm[1].str();
    text = std::regex_replace(text_in, other_bg, "np.random.default_rng($2)");
  }
  static const std::regex direct(
      R"(^np\.random\.default_rng\((\d+)\)\.(\w+)\((.*)\)(?:\[-(\d+):\])?$)");
  static const std::regex slist(
      R"(^\(lambda g: \[g\.(\w+)\((.*)\) for _ in range\((\d+)\)\]\)\(np\.random\.default_rng\((\d+)\)\)$)");
  static const std::regex sized_raw(
      R"(^\(lambda g: \(g\.(\w+)\((.*)\), g\.bit_generator\.random_raw\((\d+)\)\)\[1\]\)\(np\.random\.default_rng\((\d+)\)\)$)");
  static const std::regex slist_raw(
      R"(^\(lambda g: \(\[g\.(\w+)\((.*)\) for _ in range\((\d+)\)\], g\.bit_generator\.random_raw\((\d+)\)\)\[1\]\)\(np\.random\.default_rng\((\d+)\)\)$)");
  std::smatch m;
  if (std::regex_match(text, m, direct)) {
    c.seed = std::stoull(m[1].str());
    c.method = m[2].str();
    if (!is_discrete_method(c.method)) return false;
    const std::string inner = m[3].str();
    c.form = inner.find("size=") != std::string::npos ? Call::sized : Call::single;
    split_size(inner, c, c.form == Call::sized);
    c.tail = m[4].matched ? std::stoul(m[4].str()) : 0;
    return true;
  }
  if (std::regex_match(text, m, slist)) {
    c.form = Call::scalar_list;
    c.method = m[1].str();
    if (!is_discrete_method(c.method)) return false;
    c.args = parse_args(m[2].str());
    c.reps = std::stoul(m[3].str());
    c.seed = std::stoull(m[4].str());
    return is_discrete_method(c.method);
  }
  if (std::regex_match(text, m, sized_raw)) {
    c.form = Call::sized_raw;
    c.method = m[1].str();
    if (!is_discrete_method(c.method)) return false;
    split_size(m[2].str(), c, true);
    c.n_raw = std::stoul(m[3].str());
    c.seed = std::stoull(m[4].str());
    return is_discrete_method(c.method);
  }
  if (std::regex_match(text, m, slist_raw)) {
    c.form = Call::scalar_list_raw;
    c.method = m[1].str();
    if (!is_discrete_method(c.method)) return false;
    c.args = parse_args(m[2].str());
    c.reps = std::stoul(m[3].str());
    c.n_raw = std::stoul(m[4].str());
    c.seed = std::stoull(m[5].str());
    return is_discrete_method(c.method);
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
  if (!parse_call(rec.call, c)) return false;
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

TEST_CASE("discrete: argument evaluator reads the golden call syntax", "[discrete]") {
  const auto a = parse_args("10**9, 3*10**8, -0.0, 1/3, 1e-10, np.nan, -np.inf, 2**40, 1 - 2**-53");
  REQUIRE(a.size() == 9);
  CHECK(a[8].d == 1.0 - 0x1p-53);
  CHECK(a[0].is_int);
  CHECK(a[0].i == 1000000000);
  CHECK(a[1].i == 300000000);
  CHECK(std::signbit(a[2].d));
  CHECK(a[3].d == 1.0 / 3.0);
  CHECK(a[4].d == 1e-10);
  CHECK(std::isnan(a[5].d));
  CHECK(a[6].d == -std::numeric_limits<double>::infinity());
  CHECK(a[7].i == (I64{1} << 40));
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
