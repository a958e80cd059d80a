// Tests of Generator's continuous univariate distributions against NumPy (golden data), plus a
// statistical second net (moments / Kolmogorov-Smirnov) per distribution.
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/generator.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Gen = nprandom::Generator<nprandom::PCG64>;
using Args = std::vector<double>;

Gen rng(std::uint64_t seed) { return Gen(nprandom::PCG64(seed)); }

// One Generator method in its three forms, with the parameters as a vector.
template <class G>
struct Method {
  std::size_t arity;
  std::function<double(G&, const Args&)> scalar;
  std::function<std::vector<double>(G&, const Args&, std::size_t)> sized;
  std::function<void(G&, const Args&, double*, std::size_t)> fill;
};

// clang-format off
#define NPRANDOM_TEST_METHOD(name, arity, ...)                                         \
  {#name, Method<G>{arity,                                                             \
      [](G& g, const Args& a) { return g.name(__VA_ARGS__); },                        \
      [](G& g, const Args& a, std::size_t n) { return g.name(__VA_ARGS__, n); },      \
      [](G& g, const Args& a, double* o, std::size_t n) { g.name(__VA_ARGS__, o, n); }}}

template <class G>
const std::map<std::string, Method<G>>& methods() {
  static const std::map<std::string, Method<G>> table = {
      NPRANDOM_TEST_METHOD(beta, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(chisquare, 1, a[0]),
      NPRANDOM_TEST_METHOD(f, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(noncentral_chisquare, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(noncentral_f, 3, a[0], a[1], a[2]),
      {"standard_cauchy",
       Method<G>{0, [](G& g, const Args&) { return g.standard_cauchy(); },
                 [](G& g, const Args&, std::size_t n) { return g.standard_cauchy(n); },
                 [](G& g, const Args&, double* o, std::size_t n) { g.standard_cauchy(o, n); }}},
      NPRANDOM_TEST_METHOD(standard_t, 1, a[0]),
      NPRANDOM_TEST_METHOD(vonmises, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(pareto, 1, a[0]),
      NPRANDOM_TEST_METHOD(weibull, 1, a[0]),
      NPRANDOM_TEST_METHOD(power, 1, a[0]),
      NPRANDOM_TEST_METHOD(laplace, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(gumbel, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(logistic, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(lognormal, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(rayleigh, 1, a[0]),
      NPRANDOM_TEST_METHOD(wald, 2, a[0], a[1]),
      NPRANDOM_TEST_METHOD(triangular, 3, a[0], a[1], a[2]),
  };
  return table;
}

#undef NPRANDOM_TEST_METHOD
// clang-format on

// The method and numeric arguments of a golden record (its structured fields). Returns false if the
// record does not call one of our methods with plain positional numbers.
bool record_call(const golden::Record& rec, std::string& method, Args& args) {
  method = rec.method;
  if (methods<Gen>().count(method) == 0) return false;
  args.clear();
  for (const golden::Arg& a : rec.args) {
    if (!a.name.empty() || !(a.is_int() || a.is_float())) return false;
    args.push_back(a.as_double());
  }
  return args.size() == methods<Gen>().at(method).arity;
}

template <class G>
std::vector<std::uint64_t> raw2(G& g) {
  const std::uint64_t a = g.bit_generator().random_raw();
  const std::uint64_t b = g.bit_generator().random_raw();
  return {a, b};
}

// Sized form (and fill form) against `rec`; with `raw_rec`, the two raw outputs that follow.
template <class G, class MakeGen>
void check_sized(const Method<G>& m, const Args& args, MakeGen make, const golden::Record& rec,
                 const golden::Record* raw_rec) {
  const std::size_t n = rec.size();
  G g = make();
  golden::check(rec, m.sized(g, args, n));
  if (raw_rec != nullptr) golden::check(*raw_rec, raw2(g));
  G g2 = make();
  std::vector<double> buf(n);
  m.fill(g2, args, buf.data(), n);
  golden::check(rec, buf);
  if (raw_rec != nullptr) golden::check(*raw_rec, raw2(g2));
}

// Repeated scalar calls against `rec`.
template <class G, class MakeGen>
void check_scalar(const Method<G>& m, const Args& args, MakeGen make, const golden::Record& rec,
                  const golden::Record* raw_rec) {
  G g = make();
  std::vector<double> got;
  for (std::size_t i = 0; i < rec.size(); ++i) got.push_back(m.scalar(g, args));
  golden::check(rec, got);
  if (raw_rec != nullptr) golden::check(*raw_rec, raw2(g));
}

}  // namespace

TEST_CASE("continuous: golden family (sized, fill, scalar, following raw draws)", "[continuous]") {
  std::size_t checked = 0;
  std::size_t defaults = 0;
  for (const golden::Record* rec : golden::with_prefix("continuous", "")) {
    // The NumPy records of Generator(PCG64) calls; errors, the MT19937 records, the raw-word
    // probes (checked with their call below) and the models are checked elsewhere.
    if (rec->kind == "error" || rec->bitgen != "PCG64" || rec->form.probe != golden::Form::none ||
        rec->numpy == "model")
      continue;
    std::string method;
    Args args;
    INFO("record " << rec->id);
    if (!record_call(*rec, method, args)) {
      // method() with NumPy's default parameters (laplace(), gumbel(), ...): not a form the
      // method table spells.
      REQUIRE(rec->args.empty());
      ++defaults;
      continue;
    }
    const Method<Gen>& m = methods<Gen>().at(method);
    const golden::Record& raw = golden::get("continuous", rec->id + "/raw");
    const std::uint64_t seed = rec->seed();
    if (rec->form.base == golden::Form::repeat) {
      check_scalar(
          m, args, [seed] { return rng(seed); }, *rec, &raw);
    } else {
      REQUIRE(rec->form.base == golden::Form::call);
      check_sized(
          m, args, [seed] { return rng(seed); }, *rec, &raw);
    }
    ++checked;
  }
  CHECK(defaults == 5);
  CHECK(checked == 218);  // 69 cases x 3, 11 long

  // Models of NumPy 2.5.2 (numpy column "model", not NumPy output; see tools/golden/continuous.py):
  // beta with a, b < 3e-103 returns (a + b)*U < a, which NumPy 1.24.2 cannot run.
  std::size_t models = 0;
  for (const golden::Record* rec : golden::with_prefix("continuous", "model25/")) {
    CHECK(rec->numpy == "model");
    if (rec->form.probe == golden::Form::raw) continue;  // checked with its call
    std::string method;
    Args args;
    INFO("record " << rec->id);
    REQUIRE(record_call(*rec, method, args));
    REQUIRE(method == "beta");
    REQUIRE(rec->form.base == golden::Form::call);
    const std::uint64_t seed = rec->seed();
    check_sized(
        methods<Gen>().at("beta"), args, [seed] { return rng(seed); }, *rec,
        &golden::get("continuous", rec->id + "/raw"));
    ++models;
  }
  CHECK(models == 4);
}

TEST_CASE("continuous: Generator<MT19937>", "[continuous]") {
  using MtGen = nprandom::Generator<nprandom::MT19937>;
  std::size_t checked = 0;
  for (const golden::Record* rec : golden::with_prefix("continuous", "mt19937/")) {
    // mt19937/<method>(<args>)/42: Generator(MT19937(42)).<method>(<args>, size=20)
    REQUIRE(rec->bitgen == "MT19937");
    REQUIRE(rec->seed() == 42);
    std::string method;
    Args args;
    REQUIRE(record_call(*rec, method, args));
    check_sized(
        methods<MtGen>().at(method), args, [] { return MtGen(nprandom::MT19937(42)); }, *rec,
        nullptr);
    ++checked;
  }
  CHECK(checked == 9);
}

TEST_CASE("continuous: NumPy 2.5.2 reference records", "[continuous]") {
  std::size_t checked = 0;
  for (const golden::Record* rec : golden::with_prefix("reference", "Generator/")) {
    // Generator/<seed>/<method>(<args>)[/scalar]
    std::string method;
    Args args;
    if (rec->front != "Generator" || !record_call(*rec, method, args)) continue;
    const std::uint64_t seed = rec->seed();
    const Method<Gen>& m = methods<Gen>().at(method);
    if (rec->form.base == golden::Form::repeat) {
      check_scalar(
          m, args, [seed] { return rng(seed); }, *rec, nullptr);
    } else {
      check_sized(
          m, args, [seed] { return rng(seed); }, *rec, nullptr);
    }
    ++checked;
  }
  // 18 methods; the reference has 38 argument sets x 3 records (seeds 0, 42; scalar).
  CHECK(checked == 114);

  // Calls whose values changed after NumPy 1.24 (2.5.2 records only).
  {
    Gen g = rng(0);
    golden::check(golden::get("reference", "v25/beta-tiny"), g.beta(0.002, 0.002, 60));
  }
  {
    Gen g = rng(0);
    golden::check(golden::get("reference", "v25/beta-small"), g.beta(0.003, 0.5, 3000));
  }
  {
    Gen g = rng(42);
    golden::check(golden::get("reference", "v25/wald-extreme"), g.wald(1000.0, 0.001, 10));
  }
}

TEST_CASE("continuous: default parameters", "[continuous]") {
  auto run = [](const char* id, const std::function<double(Gen&)>& draw) {
    const golden::Record& rec = golden::get("continuous", id);
    Gen g = rng(1);
    std::vector<double> got;
    for (std::size_t i = 0; i < rec.size(); ++i) got.push_back(draw(g));
    golden::check(rec, got);
  };
  run("laplace()/scalar", [](Gen& g) { return g.laplace(); });
  run("gumbel()/scalar", [](Gen& g) { return g.gumbel(); });
  run("logistic()/scalar", [](Gen& g) { return g.logistic(); });
  run("lognormal()/scalar", [](Gen& g) { return g.lognormal(); });
  run("rayleigh()/scalar", [](Gen& g) { return g.rayleigh(); });
}

TEST_CASE("continuous: parameter validation (NumPy's messages, before any draw)", "[continuous]") {
  std::vector<const golden::Record*> recs = golden::with_prefix("continuous", "bad/");
  for (const char* ref : {"bad/14", "bad/15", "bad/17", "bad/27", "bad/28"})
    recs.push_back(&golden::get("reference", ref));
  std::size_t checked = 0;
  for (const golden::Record* rec : recs) {
    // np.random.default_rng(0).<method>(<args>[, size=0])
    REQUIRE(rec->front == "Generator");
    REQUIRE(rec->seed() == 0);
    std::string method;
    Args args;
    REQUIRE(record_call(*rec, method, args));
    const Method<Gen>& m = methods<Gen>().at(method);
    Gen g = rng(0);
    golden::check_error<std::invalid_argument>(*rec, [&] { m.scalar(g, args); });
    golden::check_error<std::invalid_argument>(*rec, [&] { m.sized(g, args, 0); });
    golden::check_error<std::invalid_argument>(*rec, [&] { m.sized(g, args, 5); });
    double out[3] = {0, 0, 0};
    golden::check_error<std::invalid_argument>(*rec, [&] { m.fill(g, args, out, 3); });
    // Nothing was drawn: the stream is still at its start.
    Gen fresh = rng(0);
    CHECK(g.bit_generator().random_raw() == fresh.bit_generator().random_raw());
    ++checked;
  }
  CHECK(checked == 48);  // 43 of ours + 5 reference bad/* records
}

// ---- statistical second net
// ----------------------------------------------------------------------

namespace {

double mean_of(const std::vector<double>& x) {
  double s = 0.0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

double var_of(const std::vector<double>& x) {
  const double m = mean_of(x);
  double s = 0.0;
  for (double v : x) s += (v - m) * (v - m);
  return s / static_cast<double>(x.size() - 1);
}

// Sample mean within `k` standard errors of `mean` (population variance `var`).
void check_mean(const std::vector<double>& x, double mean, double var, double k = 5.0) {
  const double se = std::sqrt(var / static_cast<double>(x.size()));
  INFO("sample mean " << mean_of(x) << ", expected " << mean << " +- " << k * se);
  CHECK(std::fabs(mean_of(x) - mean) < k * se);
}

// Sample variance within a relative tolerance of `var`.
void check_var(const std::vector<double>& x, double var, double rel = 0.05) {
  INFO("sample variance " << var_of(x) << ", expected " << var);
  CHECK(std::fabs(var_of(x) - var) < rel * var);
}

// One-sample Kolmogorov-Smirnov: sqrt(n) * D below 1.95 (p ~ 0.001 for a correct sampler).
void check_ks(std::vector<double> x, const std::function<double(double)>& cdf) {
  std::sort(x.begin(), x.end());
  const double n = static_cast<double>(x.size());
  double d = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double c = cdf(x[i]);
    d = std::max(d, std::max(c - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - c));
  }
  INFO("KS sqrt(n)*D = " << std::sqrt(n) * d);
  CHECK(std::sqrt(n) * d < 1.95);
}

constexpr double kPi = 3.14159265358979323846;
constexpr std::size_t kN = 40000;

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Modified Bessel function I_n(x) by its power series (fine for the small x used here).
double bessel_i(int n, double x) {
  double term = 1.0;
  for (int k = 1; k <= n; ++k) term *= (x / 2.0) / k;
  double sum = term;
  for (int m = 1; m < 200; ++m) {
    term *= (x / 2.0) * (x / 2.0) / (m * static_cast<double>(m + n));
    sum += term;
  }
  return sum;
}

}  // namespace

TEST_CASE("continuous: statistics", "[continuous][stats]") {
  Gen g = rng(20240601);

  SECTION("beta: Johnk (arcsine), gamma ratio, moments") {
    check_ks(g.beta(0.5, 0.5, kN), [](double x) { return 2.0 / kPi * std::asin(std::sqrt(x)); });
    check_ks(g.beta(2.0, 1.0, kN), [](double x) { return x * x; });
    check_ks(g.beta(1.0, 1.0, kN), [](double x) { return x; });
    const double a = 0.3, b = 0.7;
    const std::vector<double> x = g.beta(a, b, kN);
    check_mean(x, a / (a + b), a * b / ((a + b) * (a + b) * (a + b + 1.0)));
    const double a2 = 3.0, b2 = 5.0;
    const std::vector<double> y = g.beta(a2, b2, kN);
    check_mean(y, a2 / (a2 + b2), a2 * b2 / ((a2 + b2) * (a2 + b2) * (a2 + b2 + 1.0)));
  }
  SECTION("chisquare, f, standard_t, standard_cauchy") {
    check_ks(g.chisquare(2.0, kN), [](double x) { return 1.0 - std::exp(-x / 2.0); });
    const std::vector<double> c = g.chisquare(7.0, kN);
    check_mean(c, 7.0, 14.0);
    check_var(c, 14.0);
    const std::vector<double> fx = g.f(5.0, 20.0, kN);
    const double fvar = 2.0 * 400.0 * 23.0 / (5.0 * 324.0 * 16.0);
    check_mean(fx, 20.0 / 18.0, fvar);
    check_ks(g.standard_t(1.0, kN), [](double x) { return 0.5 + std::atan(x) / kPi; });
    const std::vector<double> t = g.standard_t(6.0, kN);
    check_mean(t, 0.0, 1.5);
    check_var(t, 1.5, 0.1);
    check_ks(g.standard_cauchy(kN), [](double x) { return 0.5 + std::atan(x) / kPi; });
  }
  SECTION("noncentral_chisquare (three paths), noncentral_f") {
    for (const Args& p : {Args{0.5, 2.0}, Args{3.0, 1.5}, Args{4.0, 0.0}, Args{1.0, 30.0}}) {
      const double k = p[0], lam = p[1];
      const std::vector<double> x = g.noncentral_chisquare(k, lam, kN);
      check_mean(x, k + lam, 2.0 * (k + 2.0 * lam));
      check_var(x, 2.0 * (k + 2.0 * lam), 0.1);
    }
    const double d1 = 3.0, d2 = 12.0, lam = 2.0;
    const std::vector<double> x = g.noncentral_f(d1, d2, lam, kN);
    const double mean = d2 * (d1 + lam) / (d1 * (d2 - 2.0));
    const double var = 2.0 * (d2 / d1) * (d2 / d1) *
                       ((d1 + lam) * (d1 + lam) + (d1 + 2.0 * lam) * (d2 - 2.0)) /
                       ((d2 - 2.0) * (d2 - 2.0) * (d2 - 4.0));
    check_mean(x, mean, var);
  }
  SECTION("vonmises: all kappa regimes, mean resultant length I1/I0") {
    for (const Args& p : {Args{0.7, 4.0}, Args{-2.0, 0.5}, Args{3.0, 20.0}, Args{1.0, 1e-6}}) {
      const double mu = p[0], kappa = p[1];
      const std::vector<double> x = g.vonmises(mu, kappa, kN);
      std::vector<double> c, s;
      for (double v : x) {
        REQUIRE(v >= -kPi);
        REQUIRE(v <= kPi);
        c.push_back(std::cos(v - mu));
        s.push_back(std::sin(v - mu));
      }
      const double r = bessel_i(1, kappa) / bessel_i(0, kappa);
      // Var(cos) = (1 + I2/I0)/2 - r^2; Var(sin) = (1 - I2/I0)/2.
      const double i2 = bessel_i(2, kappa) / bessel_i(0, kappa);
      check_mean(c, r, (1.0 + i2) / 2.0 - r * r);
      check_mean(s, 0.0, (1.0 - i2) / 2.0);
    }
    // kappa < 1e-8: uniform on [-pi, pi] (mu is ignored, as in NumPy).
    check_ks(g.vonmises(1.0, 1e-9, kN), [](double x) { return (x + kPi) / (2.0 * kPi); });
    // kappa > 1e6: wrapped normal, sd 1/sqrt(kappa), wrapped into [-pi, pi] around mu = pi.
    const std::vector<double> w = g.vonmises(kPi, 4e6, kN);
    std::vector<double> z;
    for (double v : w) {
      REQUIRE(std::fabs(v) <= kPi);
      z.push_back((v > 0 ? v - kPi : v + kPi) * std::sqrt(4e6));
    }
    check_ks(z, normal_cdf);
  }
  SECTION("pareto, weibull, power, rayleigh") {
    check_ks(g.pareto(3.0, kN), [](double x) { return 1.0 - std::pow(1.0 + x, -3.0); });
    check_ks(g.weibull(1.7, kN), [](double x) { return 1.0 - std::exp(-std::pow(x, 1.7)); });
    check_ks(g.power(2.5, kN), [](double x) { return std::pow(x, 2.5); });
    check_ks(g.rayleigh(2.0, kN), [](double x) { return 1.0 - std::exp(-x * x / 8.0); });
    const std::vector<double> zero = g.weibull(0.0, 10);
    CHECK(std::all_of(zero.begin(), zero.end(), [](double v) { return v == 0.0; }));
  }
  SECTION("laplace, gumbel, logistic, lognormal") {
    check_ks(g.laplace(1.0, 2.0, kN), [](double x) {
      return x < 1.0 ? 0.5 * std::exp((x - 1.0) / 2.0) : 1.0 - 0.5 * std::exp(-(x - 1.0) / 2.0);
    });
    check_ks(g.gumbel(-1.0, 0.5, kN),
             [](double x) { return std::exp(-std::exp(-(x + 1.0) / 0.5)); });
    check_ks(g.logistic(2.0, 3.0, kN),
             [](double x) { return 1.0 / (1.0 + std::exp(-(x - 2.0) / 3.0)); });
    check_ks(g.lognormal(0.5, 0.8, kN),
             [](double x) { return normal_cdf((std::log(x) - 0.5) / 0.8); });
  }
  SECTION("wald (inverse Gaussian CDF), triangular") {
    const double mu = 1.5, lam = 2.0;
    check_ks(g.wald(mu, lam, kN), [&](double x) {
      const double a = std::sqrt(lam / x);
      return normal_cdf(a * (x / mu - 1.0)) +
             std::exp(2.0 * lam / mu) * normal_cdf(-a * (x / mu + 1.0));
    });
    for (const Args& p : {Args{-3.0, 2.0, 8.0}, Args{0.0, 0.0, 1.0}, Args{0.0, 1.0, 1.0}}) {
      const double l = p[0], c = p[1], r = p[2];
      check_ks(g.triangular(l, c, r, kN), [=](double x) {
        if (x <= c) return c == l ? 0.0 : (x - l) * (x - l) / ((r - l) * (c - l));
        return 1.0 - (r - x) * (r - x) / ((r - l) * (r - c));
      });
    }
  }
}
