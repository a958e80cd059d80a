// RandomState sized draws (the fast paths: block cursor, batched gaussians, binomial table)
// equal as many scalar draws, leave the same state (gaussian cache included), for many sizes.
#include "support/catch.hpp"
#include "support/probabilities.hpp"
#include "support/same_values.hpp"

#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/legacy/random_state.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace {

using nprandom::RandomState;

// Sizes around the block-cursor threshold (2048), the gaussian batch and MT's 624-word block.
const std::vector<std::size_t> kSizes = {0,   1,   2,    3,    7,    255,  256,
                                         257, 513, 1001, 2047, 2048, 2049, 5001};

// prefix: put the stream at an odd word position and (pre_gauss) leave a cached gaussian.
void prepare(RandomState& r, unsigned skip_words, bool pre_gauss) {
  if (skip_words != 0) r.bytes(4 * skip_words);
  if (pre_gauss) r.randn(1);
}

// Bit for bit (tests/support/same_values.hpp): one assertion per sequence.
template <class T>
void same_values(const std::vector<T>& v, const std::vector<T>& w) {
  REQUIRE_SAME_VALUES(v, w);
}

template <class T>
void check_method(const std::string& name,
                  std::function<std::vector<T>(RandomState&, std::size_t)> sized,
                  std::function<T(RandomState&)> scalar) {
  for (unsigned skip : {0u, 1u, 623u}) {
    for (bool pre_gauss : {false, true}) {
      for (std::size_t n : kSizes) {
        INFO(name << " n=" << n << " skip=" << skip << " pre_gauss=" << pre_gauss);
        RandomState a(12345), b(12345);
        prepare(a, skip, pre_gauss);
        prepare(b, skip, pre_gauss);
        const std::vector<T> v = sized(a, n);
        std::vector<T> w;
        for (std::size_t i = 0; i < n; ++i) w.push_back(scalar(b));
        same_values(v, w);
        const auto sa = a.get_state();
        const auto sb = b.get_state();
        CHECK(sa.pos == sb.pos);
        CHECK(sa.key == sb.key);
        CHECK(sa.has_gauss == sb.has_gauss);
        CHECK(sa.cached_gaussian == sb.cached_gaussian);
        CHECK(a.bit_generator().random_raw() == b.bit_generator().random_raw());
        // a following gaussian sees the same cache
        CHECK(a.randn() == b.randn());
      }
    }
  }
}

}  // namespace

TEST_CASE("RandomState sized: gaussian family equals scalar draws", "[random_state][sized]") {
  using R = RandomState&;
  using S = std::size_t;
  check_method<double>(
      "randn", [](R r, S n) { return r.randn(n); }, [](R r) { return r.randn(); });
  check_method<double>(
      "standard_normal", [](R r, S n) { return r.standard_normal(n); },
      [](R r) { return r.standard_normal(); });
  // two gaussians a value, numerator first (the kernel's fill divides gauss_fill's pairs)
  check_method<double>(
      "standard_cauchy", [](R r, S n) { return r.standard_cauchy(n); },
      [](R r) { return r.standard_cauchy(); });
  check_method<double>(
      "normal", [](R r, S n) { return r.normal(1.5, 2.25, n); },
      [](R r) { return r.normal(1.5, 2.25); });
  check_method<double>(
      "lognormal", [](R r, S n) { return r.lognormal(0.25, 0.75, n); },
      [](R r) { return r.lognormal(0.25, 0.75); });
}

TEST_CASE("RandomState sized: exponential and gamma family equals scalar draws",
          "[random_state][sized]") {
  using R = RandomState&;
  using S = std::size_t;
  // the uniforms: four-at-a-time conversion of the block cursor (random_sample) and the
  // uniform kernel's fill on it
  check_method<double>(
      "random_sample", [](R r, S n) { return r.random_sample(n); },
      [](R r) { return r.random_sample(); });
  check_method<double>(
      "uniform", [](R r, S n) { return r.uniform(-2.0, 3.5, n); },
      [](R r) { return r.uniform(-2.0, 3.5); });
  check_method<double>(
      "standard_exponential", [](R r, S n) { return r.standard_exponential(n); },
      [](R r) { return r.standard_exponential(); });
  check_method<double>(
      "exponential", [](R r, S n) { return r.exponential(3.5, n); },
      [](R r) { return r.exponential(3.5); });
  // triangular's prepared kernel (its branch a bit-mask selection): central, skewed, degenerate
  for (double mode : {0.5, 0.0, 0.9, 1.0}) {
    check_method<double>(
        "triangular(" + std::to_string(mode) + ")",
        [mode](R r, S n) { return r.triangular(0.0, mode, 1.0, n); },
        [mode](R r) { return r.triangular(0.0, mode, 1.0); });
  }
  // the log kernels' bulk forms (logs in batches, detail/vec_log.hpp)
  check_method<double>(
      "laplace", [](R r, S n) { return r.laplace(0.5, 2.0, n); },
      [](R r) { return r.laplace(0.5, 2.0); });
  check_method<double>(
      "gumbel", [](R r, S n) { return r.gumbel(0.5, 2.0, n); },
      [](R r) { return r.gumbel(0.5, 2.0); });
  check_method<double>(
      "logistic", [](R r, S n) { return r.logistic(0.5, 2.0, n); },
      [](R r) { return r.logistic(0.5, 2.0); });
  // the pow kernels' bulk forms (log, exp and pow in batches, detail/vec_log.hpp); a = 0: no draw
  for (double a : {0.0, 0.3, 1.7, 1e-3}) {
    check_method<double>(
        "weibull(" + std::to_string(a) + ")", [a](R r, S n) { return r.weibull(a, n); },
        [a](R r) { return r.weibull(a); });
  }
  for (double a : {0.3, 2.5, 1e-3}) {
    check_method<double>(
        "power(" + std::to_string(a) + ")", [a](R r, S n) { return r.power(a, n); },
        [a](R r) { return r.power(a); });
  }
  // pareto's bulk form: exp(E / a) - 1 with log and exp in batches (detail/vec_log.hpp)
  for (double a : {0.3, 3.0, 1e-3, 1e300}) {
    check_method<double>(
        "pareto(" + std::to_string(a) + ")", [a](R r, S n) { return r.pareto(a, n); },
        [a](R r) { return r.pareto(a); });
  }
  // the log1p kernel's bulk form (log1p in batches, detail/vec_expm1.hpp)
  for (double scale : {0.0, 1.0, 2.5}) {
    check_method<double>(
        "rayleigh(" + std::to_string(scale) + ")",
        [scale](R r, S n) { return r.rayleigh(scale, n); },
        [scale](R r) { return r.rayleigh(scale); });
  }
  for (double shape : {0.0, 0.05, 0.5, 0.99, 1e-300, 1.0, 1.0001, 1.01, 1.2, 2.5, 30.0}) {
    check_method<double>(
        "standard_gamma(" + std::to_string(shape) + ")",
        [shape](R r, S n) { return r.standard_gamma(shape, n); },
        [shape](R r) { return r.standard_gamma(shape); });
  }
  check_method<double>(
      "gamma", [](R r, S n) { return r.gamma(2.5, 1.5, n); },
      [](R r) { return r.gamma(2.5, 1.5); });
  check_method<double>(
      "chisquare(3)", [](R r, S n) { return r.chisquare(3.0, n); },
      [](R r) { return r.chisquare(3.0); });
  check_method<double>(
      "chisquare(1.5)", [](R r, S n) { return r.chisquare(1.5, n); },
      [](R r) { return r.chisquare(1.5); });
  // f's batched Marsaglia-Tsang pairs (both halves > 1), and the plain loop otherwise
  const std::pair<double, double> fs[] = {{5.0, 10.0}, {2.0000002, 3.0}, {1.0, 10.0}, {2.0, 7.0}};
  for (const auto& nd : fs) {
    const double num = nd.first, den = nd.second;
    check_method<double>(
        "f(" + std::to_string(num) + "," + std::to_string(den) + ")",
        [num, den](R r, S n) { return r.f(num, den, n); },
        [num, den](R r) { return r.f(num, den); });
  }
  check_method<double>(
      "beta(2,3)", [](R r, S n) { return r.beta(2.0, 3.0, n); },
      [](R r) { return r.beta(2.0, 3.0); });
  check_method<double>(
      "beta(1.01,2)", [](R r, S n) { return r.beta(1.01, 2.0, n); },
      [](R r) { return r.beta(1.01, 2.0); });
  // a gamma of shape 1 (the legacy exponential) beside a Marsaglia-Tsang one, batched
  check_method<double>(
      "beta(1,2.5)", [](R r, S n) { return r.beta(1.0, 2.5, n); },
      [](R r) { return r.beta(1.0, 2.5); });
  check_method<double>(
      "beta(3,1)", [](R r, S n) { return r.beta(3.0, 1.0, n); },
      [](R r) { return r.beta(3.0, 1.0); });
  check_method<double>(
      "beta(0.5,3)", [](R r, S n) { return r.beta(0.5, 3.0, n); },
      [](R r) { return r.beta(0.5, 3.0); });
  check_method<double>(
      "beta(0.5,0.5)", [](R r, S n) { return r.beta(0.5, 0.5, n); },
      [](R r) { return r.beta(0.5, 0.5); });
  // Johnk's branch batched by attempt (issue 12): the (1, 1) boundary and the log path (tiny a/b)
  for (const auto& ab : {std::pair<double, double>{0.1, 0.9},
                         {1.0, 1.0},
                         {1.0, 0.3},
                         {1e-3, 2e-3},
                         {1e-200, 0.5},
                         {1e-110, 1e-120}}) {
    const double a = ab.first, b = ab.second;
    check_method<double>(
        "beta(" + std::to_string(a) + "," + std::to_string(b) + ")",
        [a, b](R r, S n) { return r.beta(a, b, n); }, [a, b](R r) { return r.beta(a, b); });
  }
}

TEST_CASE("RandomState sized: binomial equals scalar draws (cached setup)",
          "[random_state][sized]") {
  using R = RandomState&;
  using S = std::size_t;
  struct Case {
    std::int64_t n;
    double p;
  };
  for (const Case c : {Case{20, 0.3}, Case{20, 0.7}, Case{0, 0.3}, Case{5, 0.0}, Case{5, 1.0},
                       Case{1, 0.5}, Case{100, 0.3}, Case{1000, 0.03}, Case{1000000000, 1e-8},
                       Case{1000, 0.4}, Case{1000, 0.97}, Case{1000, 0.5}, Case{1000, 0.6},
                       Case{61, 0.5}, Case{100000, 0.5}, Case{1000000000, 0.25}}) {
    check_method<std::int64_t>(
        "binomial(" + std::to_string(c.n) + "," + std::to_string(c.p) + ")",
        [c](R r, S n) { return r.binomial(c.n, c.p, n); },
        [c](R r) { return r.binomial(c.n, c.p); });
  }
  // the cache left by a different (n, p) is replaced exactly as by a scalar call
  RandomState a(5), b(5);
  a.binomial(1000, 0.4, 3);
  b.binomial(1000, 0.4, 3);
  const auto v = a.binomial(20, 0.3, 3000);
  std::vector<std::int64_t> w;
  for (int i = 0; i < 3000; ++i) w.push_back(b.binomial(20, 0.3));
  CHECK(v == w);
  CHECK(a == b);
}

TEST_CASE("RandomState sized: setup-once kernels equal scalar draws (issue 12)",
          "[random_state][sized]") {
  using R = RandomState&;
  using S = std::size_t;
  for (auto ms : {std::pair<double, double>{1.0, 2.0}, {0.5, 1e-3}, {3.0, 50.0}}) {
    check_method<double>(
        "wald(" + std::to_string(ms.first) + "," + std::to_string(ms.second) + ")",
        [ms](R r, S n) { return r.wald(ms.first, ms.second, n); },
        [ms](R r) { return r.wald(ms.first, ms.second); });
  }
  for (double kappa : {0.0, 1e-9, 1e-6, 1e-5, 0.5, 4.0, 1e6, 1e7}) {
    check_method<double>(
        "vonmises(" + std::to_string(kappa) + ")",
        [kappa](R r, S n) { return r.vonmises(-0.5, kappa, n); },
        [kappa](R r) { return r.vonmises(-0.5, kappa); });
  }
  for (double p : {0.0, 0.01, 0.3, 0.9, 0.999999}) {
    check_method<std::int64_t>(
        "logseries(" + std::to_string(p) + ")", [p](R r, S n) { return r.logseries(p, n); },
        [p](R r) { return r.logseries(p); });
  }
  for (double a : {1.01, 1.5, 2.0, 5.0, 1000.0}) {  // 1.01: X > 2^63 rejected often
    check_method<std::int64_t>(
        "zipf(" + std::to_string(a) + ")", [a](R r, S n) { return r.zipf(a, n); },
        [a](R r) { return r.zipf(a); });
  }
  // noncentral_chisquare's Poisson mixture (df <= 1) with the Poisson setup kept: Knuth and PTRS
  for (auto dn : {std::pair<double, double>{0.5, 2.0}, {1.0, 30.0}, {0.5, 0.0}, {3.0, 2.0}}) {
    check_method<double>(
        "noncentral_chisquare(" + std::to_string(dn.first) + "," + std::to_string(dn.second) + ")",
        [dn](R r, S n) { return r.noncentral_chisquare(dn.first, dn.second, n); },
        [dn](R r) { return r.noncentral_chisquare(dn.first, dn.second); });
  }
  // the search table (p >= 1/3) and the inversion with log1p_batch (a tiny p: huge values)
  for (double p : {1e-300, 1e-9, 0.01, 0.2, 0.333333333333333333333333, 0.34, 0.5, 0.9, 1.0}) {
    check_method<std::int64_t>(
        "geometric(" + std::to_string(p) + ")", [p](R r, S n) { return r.geometric(p, n); },
        [p](R r) { return r.geometric(p); });
  }
  for (double lam : {0.0, 1e-3, 5.0, 10.0, 50.0, 1e7}) {  // 1e-3: one double a value
    check_method<std::int64_t>(
        "poisson(" + std::to_string(lam) + ")", [lam](R r, S n) { return r.poisson(lam, n); },
        [lam](R r) { return r.poisson(lam); });
  }
  // the gamma-Poisson mixture with PTRS's loggam(k + 1) kept across values: small k (the memo),
  // lam below 10 (Knuth), k beyond the memo (500 / 0.5: lam near 500)
  for (auto np : {std::pair<double, double>{5.0, 0.3}, {1.0, 0.9}, {500.0, 0.5}, {3.0, 0.05}}) {
    check_method<std::int64_t>(
        "negative_binomial(" + std::to_string(np.first) + "," + std::to_string(np.second) + ")",
        [np](R r, S n) { return r.negative_binomial(np.first, np.second, n); },
        [np](R r) { return r.negative_binomial(np.first, np.second); });
  }
  struct H {
    std::int64_t good, bad, sample;
  };
  for (const H h :
       {H{100, 200, 50}, H{100, 200, 5}, H{200, 100, 250}, H{10, 10, 15}, H{5, 3000, 40},
        H{1000000, 2000000, 500000}, H{0, 50, 20},
        // HYP (sample <= 10): a fixed number of doubles per value (batched chains:
        // good > bad, the d2 == d1 == sample edge, sample 1) and not (y reaches 0:
        // d2 < sample; steps of 2: d2 > d1)
        H{200, 100, 5}, H{10, 10, 10}, H{1, 1000, 1}, H{3, 500, 7}, H{6, 6, 10}, H{7, 4, 9}}) {
    check_method<std::int64_t>(
        "hypergeometric(" + std::to_string(h.good) + "," + std::to_string(h.bad) + "," +
            std::to_string(h.sample) + ")",
        [h](R r, S n) { return r.hypergeometric(h.good, h.bad, h.sample, n); },
        [h](R r) { return r.hypergeometric(h.good, h.bad, h.sample); });
  }
}

TEST_CASE("RandomState sized: dirichlet rows equal one-row calls (block cursor)",
          "[random_state][sized]") {
  // The batched gammas (every alpha > 1, issue 12): one column, shapes just above 1 (V <= 0 and
  // rejections are common), many columns; and the plain loop (an alpha of 1 or below 1).
  std::vector<double> many;
  for (int j = 0; j < 41; ++j) many.push_back(1.0 + 0.37 * (j + 1));
  for (const std::vector<double>& alpha :
       {std::vector<double>{1.0, 2.0, 3.0}, std::vector<double>{0.1, 0.2, 0.3, 0.4},
        std::vector<double>{2.5}, std::vector<double>{2.0, 3.0, 4.0},
        std::vector<double>{1.0000001, 50.0, 1.5}, std::vector<double>{1.0 + 1e-12, 1.0 + 1e-12},
        std::vector<double>{3.0, 1.0}, std::vector<double>{2.0, 0.5}, many}) {
    for (bool pre_gauss : {false, true}) {
      for (std::size_t n : {std::size_t{1}, std::size_t{700}, std::size_t{3001}}) {
        for (unsigned skip : {1u, 620u, 623u}) {
          INFO("k=" << alpha.size() << " alpha0=" << alpha[0] << " n=" << n << " skip=" << skip
                    << " pre_gauss=" << pre_gauss);
          RandomState a(777), b(777);
          prepare(a, skip, pre_gauss);
          prepare(b, skip, pre_gauss);
          const std::vector<double> v = a.dirichlet(alpha, n);
          std::vector<double> w;
          for (std::size_t i = 0; i < n; ++i) {
            const std::vector<double> row = b.dirichlet(alpha);
            w.insert(w.end(), row.begin(), row.end());
          }
          same_values(v, w);
          CHECK(a == b);
          CHECK(a.randn() == b.randn());  // the same gaussian cache
        }
      }
    }
  }
}

TEST_CASE("RandomState sized: masked randint equals scalar draws", "[random_state][sized]") {
  using R = RandomState&;
  using S = std::size_t;
  // 32-bit ranges (next_uint32 words on the block cursor), 2^32 and above (the 64-bit path)
  for (std::int64_t high : {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}, std::int64_t{1000},
                            std::int64_t{1} << 31, (std::int64_t{1} << 32) - 1,
                            std::int64_t{1} << 32, std::int64_t{1} << 40}) {
    check_method<std::int64_t>(
        "randint(" + std::to_string(high) + ")",
        [high](R r, S n) { return r.randint(std::int64_t{-5}, high, n); },
        [high](R r) { return r.randint(std::int64_t{-5}, high); });
  }
  for (std::int32_t high : {1, 7, 1000, 1 << 30}) {
    check_method<std::int32_t>(
        "randint<int32>(" + std::to_string(high) + ")",
        [high](R r, S n) { return r.randint<std::int32_t>(0, high, n); },
        [high](R r) { return r.randint<std::int32_t>(0, high); });
  }
}

TEST_CASE("RandomState sized: masked 8/16-bit randint on the cursor's runs equals the generic fill",
          "[random_state][sized]") {
  // NumPy's 8/16-bit buffer lives for one call, so a sized call is not n one-value calls; the
  // reference is the same kernel on a plain MT19937 copy (no run32: value by value).
  namespace dist = nprandom::distributions;
  for (unsigned skip : {0u, 1u, 623u}) {
    for (std::size_t n : kSizes) {
      for (std::uint8_t rng :
           {std::uint8_t{1}, std::uint8_t{6}, std::uint8_t{199}, std::uint8_t{254}}) {
        INFO("uint8 rng=" << int{rng} << " n=" << n << " skip=" << skip);
        RandomState a(777);
        prepare(a, skip, false);
        nprandom::MT19937 m = a.bit_generator();
        const auto v = a.randint<std::uint8_t>(1, std::int64_t{rng} + 2, n);  // [1, rng + 1]
        std::vector<std::uint8_t> w(n);
        dist::bounded_uint8_fill(m, std::uint8_t{1}, rng, n, true, w.data());
        same_values(std::vector<std::uint8_t>(v.begin(), v.end()), w);
        CHECK(a.bit_generator().state().key == m.state().key);
        CHECK(a.bit_generator().state().pos == m.state().pos);
      }
      for (std::uint16_t rng : {std::uint16_t{2}, std::uint16_t{999}, std::uint16_t{40000}}) {
        INFO("uint16 rng=" << rng << " n=" << n << " skip=" << skip);
        RandomState a(778);
        prepare(a, skip, false);
        nprandom::MT19937 m = a.bit_generator();
        const auto v = a.randint<std::uint16_t>(0, static_cast<std::int64_t>(rng) + 1, n);
        std::vector<std::uint16_t> w(n);
        dist::bounded_uint16_fill(m, std::uint16_t{0}, rng, n, true, w.data());
        same_values(std::vector<std::uint16_t>(v.begin(), v.end()), w);
        CHECK(a.bit_generator().state().key == m.state().key);
        CHECK(a.bit_generator().state().pos == m.state().pos);
      }
    }
  }
}

TEST_CASE("RandomState sized: choice with p equals one-value calls across the uniform chunks",
          "[random_state][sized]") {
  // the sized form draws its uniforms in chunks of 8192 (legacy_choice_indices), then counts
  // them in vector lanes (up to 8 entries: odd sizes leave a tail) or through a guide table
  const std::vector<double> p100 = nprandom_test::uneven_p(100, 9, 4, 3);
  for (const std::vector<double>& p : {std::vector<double>{0.1, 0.25, 0.0, 0.4, 0.25}, p100}) {
    const auto pop = static_cast<std::int64_t>(p.size());
    for (unsigned skip : {0u, 1u, 623u}) {
      for (std::size_t n :
           {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{2047}, std::size_t{2048},
            std::size_t{8191}, std::size_t{8192}, std::size_t{8193}, std::size_t{20001}}) {
        INFO("pop=" << pop << " n=" << n << " skip=" << skip);
        RandomState a(4321), b(4321);
        prepare(a, skip, true);
        prepare(b, skip, true);
        const std::vector<std::int64_t> v = a.choice(pop, n, true, p);
        std::vector<std::int64_t> w;
        for (std::size_t i = 0; i < n; ++i) w.push_back(b.choice(pop, true, p));
        same_values(v, w);
        CHECK(a == b);
      }
    }
  }
}
