// Same bits under every build (detail/fp.hpp): values must not depend on what the optimiser can
// see. The golden tests prove the values against NumPy with parameters read from data files (run
// time values) at -O0, -O2, -O3 -march=native and on aarch64; these tests prove that parameters
// written as literals -- which the compiler can propagate into the inlined kernels -- give the
// same bits as run-time parameters: no libm call folded at compile time, no pow(x, 2.0) rewritten
// as x * x, no product fused with its addition.
#include "support/catch.hpp"

#include <nprandom/nprandom.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace {

// The value, hidden from the optimiser: what a parameter read at run time looks like.
template <class T>
T runtime(T x) {
  volatile T v = x;
  return v;
}

namespace d = nprandom::distributions;

// A bit generator that replays chosen 64-bit words (kernels take any BitGen), to steer a kernel
// onto an input where the compiler's shortcut and the C library disagree.
struct Replay {
  std::vector<std::uint64_t> words;
  std::size_t at = 0;
  std::uint64_t next_uint64() noexcept { return words[at++ % words.size()]; }
  std::uint32_t next_uint32() noexcept { return static_cast<std::uint32_t>(next_uint64() >> 32); }
  double next_double() noexcept {
    return static_cast<double>(next_uint64() >> 11) * (1.0 / 9007199254740992.0);
  }
};

}  // namespace

TEST_CASE("same bits: libm wrappers are the C library's run-time results", "[same_bits]") {
  // GCC folds log1p(-0.45) with MPFR (correctly rounded) one ulp away from glibc's log1p.
  CHECK(nprandom::detail::log1p(-0.45) == std::log1p(runtime(-0.45)));
  CHECK(nprandom::detail::log1p(-0.3) == std::log1p(runtime(-0.3)));
  CHECK(nprandom::detail::exp(-3.0) == std::exp(runtime(-3.0)));
  CHECK(nprandom::detail::log(7.25) == std::log(runtime(7.25)));
  CHECK(nprandom::detail::expm1(0.125) == std::expm1(runtime(0.125)));
  CHECK(nprandom::detail::cos(1.5) == std::cos(runtime(1.5)));
  CHECK(nprandom::detail::acos(0.3) == std::acos(runtime(0.3)));
  CHECK(nprandom::detail::fmod(10.5, 3.25) == std::fmod(runtime(10.5), runtime(3.25)));
  CHECK(nprandom::detail::log1p(-0.45f) == std::log1p(runtime(-0.45f)));
  // pow with a literal exponent 2.0 (gamma(0.5), beta(0.5, b), weibull(0.5), power(0.5) have
  // 1/shape == 2.0): GCC rewrites pow(x, 2.0) as x * x, which differs from glibc's pow on exact
  // ties. Every odd m in [2^26.5, 2^27) has a tie square; some tie is rounded differently.
  int differs_from_square = 0;
  for (std::int64_t m = 94906267; m < 94906267 + 2000; m += 2) {
    const double x = static_cast<double>(m) * 0x1p-53;  // a uniform draw's magnitude
    const double p = nprandom::detail::pow(x, 2.0);
    REQUIRE(p == std::pow(runtime(x), runtime(2.0)));
    if (p != x * x) ++differs_from_square;
  }
  INFO("glibc pow(x, 2.0) != x * x on some ties (the reason pow stays a call)");
  CHECK(differs_from_square > 0);
}

TEST_CASE("same bits: fmod_below_twice is the C library's fmod", "[same_bits]") {
  // vonmises reduces |result| + pi modulo 2 pi; below 2y the call is replaced by x or x - y.
  const double two_pi = runtime(2.0 * 3.14159265358979323846);
  const auto same = [](double x, double y) {
    const double a = nprandom::detail::fmod_below_twice(x, y);
    const double b = std::fmod(runtime(x), runtime(y));
    INFO("x = " << x << ", y = " << y);
    if (std::isnan(b)) {
      CHECK(std::isnan(a));
    } else {
      CHECK(a == b);
      CHECK(std::signbit(a) == std::signbit(b));
    }
  };
  const double inf = std::numeric_limits<double>::infinity();
  for (double x :
       {0.0, -0.0, 1e-300, 3.0, two_pi, std::nextafter(two_pi, 0.0), std::nextafter(two_pi, 10.0),
        2 * two_pi, std::nextafter(2 * two_pi, 0.0), std::nextafter(2 * two_pi, 100.0), 3 * two_pi,
        1e300, -1.0, -7.0, inf, -inf, std::numeric_limits<double>::quiet_NaN()}) {
    same(x, two_pi);
    same(x, runtime(1.0));
  }
  nprandom::Generator<nprandom::PCG64> g(nprandom::PCG64(5));
  for (int i = 0; i < 50000; ++i) {
    same(g.uniform(0.0, 2.5 * two_pi), two_pi);  // the vonmises range and past 2y
    same(g.uniform(0.0, 5.0), runtime(g.uniform(0.1, 3.0)));
  }
}

TEST_CASE("same bits: kernel setups with literal parameters equal run-time ones", "[same_bits]") {
  {
    d::binomial_cache lit, rt;
    nprandom::detail::binomial_inversion_setup(lit, 10, 0.45);  // qn = exp(n * log1p(-p))
    nprandom::detail::binomial_inversion_setup(rt, runtime<std::int64_t>(10), runtime(0.45));
    CHECK(lit.r == rt.r);
    CHECK(lit.m == rt.m);
  }
  {
    d::binomial_cache lit, rt;
    nprandom::detail::binomial_btpe_setup(lit, 1000, 0.3);
    nprandom::detail::binomial_btpe_setup(rt, runtime<std::int64_t>(1000), runtime(0.3));
    CHECK(lit.p1 == rt.p1);
    CHECK(lit.laml == rt.laml);
    CHECK(lit.lamr == rt.lamr);
    CHECK(lit.p4 == rt.p4);
  }
  {
    const d::poisson_ptrs_setup lit(37.5), rt(runtime(37.5));
    CHECK(lit.loglam == rt.loglam);
    CHECK(lit.a == rt.a);
    CHECK(lit.b == rt.b);
    CHECK(lit.log_invalpha == rt.log_invalpha);
  }
  CHECK(d::loggam(12.5) == d::loggam(runtime(12.5)));
  CHECK(d::logfactorial(200) == d::logfactorial(runtime<std::int64_t>(200)));
}

TEST_CASE("same bits: gamma(0.5) on a tie keeps glibc's pow(U, 2.0), not U * U", "[same_bits]") {
  // With shape 0.5 written as a literal and the kernel inlined, GCC used to turn
  // pow(U, 1 / 0.5) into U * U (seen in the benchmark binary). Find a U = k / 2^53 whose square
  // is an exact tie that glibc's pow rounds the other way, and replay it.
  std::uint64_t k = 94906267;
  while (std::pow(runtime(static_cast<double>(k) * 0x1p-53), runtime(2.0)) ==
         (static_cast<double>(k) * 0x1p-53) * (static_cast<double>(k) * 0x1p-53)) {
    k += 2;
  }
  const double u = static_cast<double>(k) * 0x1p-53;
  // U, then a ziggurat exponential word on the fast path (layer 200, small magnitude): V > U^2,
  // so the first attempt accepts X = U^(1/shape).
  const std::vector<std::uint64_t> words = {k << 11, (std::uint64_t{1000} << 11) | (200u << 3)};
  Replay lit{words}, rt{words};
  const double x_lit = d::standard_gamma(lit, 0.5);
  const double x_rt = d::standard_gamma(rt, runtime(0.5));
  CHECK(x_lit == x_rt);
  CHECK(x_lit == std::pow(runtime(u), runtime(2.0)));
  CHECK(x_lit != u * u);
  CHECK(lit.at == 2);
}

TEST_CASE("same bits: draws with literal parameters equal draws with run-time parameters",
          "[same_bits]") {
  constexpr std::size_t n = 2000;
  auto a = nprandom::default_rng(20261129);
  auto b = nprandom::default_rng(20261129);
  // Each pair: the literal call on `a`, the same call with run-time values on `b`.
  CHECK(a.logseries(0.45, n) == b.logseries(runtime(0.45), n));
  CHECK(a.geometric(0.05, n) == b.geometric(runtime(0.05), n));
  CHECK(a.binomial(10, 0.45, n) == b.binomial(runtime<std::int64_t>(10), runtime(0.45), n));
  CHECK(a.poisson(3.0, n) == b.poisson(runtime(3.0), n));
  CHECK(a.zipf(1.5, n) == b.zipf(runtime(1.5), n));
  CHECK(a.standard_gamma(0.5, n) == b.standard_gamma(runtime(0.5), n));
  CHECK(a.beta(0.5, 0.5, n) == b.beta(runtime(0.5), runtime(0.5), n));
  CHECK(a.weibull(0.5, n) == b.weibull(runtime(0.5), n));
  CHECK(a.uniform(-2.0, 5.0, n) == b.uniform(runtime(-2.0), runtime(5.0), n));
  CHECK(a.normal(3.0, 2.5, n) == b.normal(runtime(3.0), runtime(2.5), n));
  CHECK(a.vonmises(2.0, 8.0, n) == b.vonmises(runtime(2.0), runtime(8.0), n));
  CHECK(a.wald(1.5, 2.5, n) == b.wald(runtime(1.5), runtime(2.5), n));
  CHECK(a.bit_generator().random_raw() == b.bit_generator().random_raw());
  CHECK(a.standard_gamma(0.5) == b.standard_gamma(runtime(0.5)));
  CHECK(a.logseries(0.45) == b.logseries(runtime(0.45)));

  nprandom::RandomState r(12345), s(12345);
  CHECK(r.normal(3.0, 2.5, n) == s.normal(runtime(3.0), runtime(2.5), n));
  CHECK(r.gamma(0.5, 2.0, n) == s.gamma(runtime(0.5), runtime(2.0), n));
  CHECK(r.logseries(0.45, n) == s.logseries(runtime(0.45), n));
  CHECK(r.binomial(10, 0.45, n) == s.binomial(runtime<std::int64_t>(10), runtime(0.45), n));
  CHECK(r.zipf(1.5, n) == s.zipf(runtime(1.5), n));
  CHECK(r.randint(0, 1000000) == s.randint(0, 1000000));
}
