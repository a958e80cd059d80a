// One harness for every sized path: for each method and each bit generator, a sized call gives
// the values and the final bit-generator state of the same number of one-value calls, from a
// fresh state and from odd starting points (a buffered 32-bit half-word; a scalar cache already
// holding another parameter set). Covers the local engine copies of the fills
// (detail/engine_core.hpp), the BINV table and the scalar setup caches (binomial_sampler,
// poisson_sampler), and the word-at-a-time bool and bytes paths.
#include "support/catch.hpp"
#include "support/probabilities.hpp"
#include "support/same_values.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/generator.hpp>
#include <nprandom/legacy/random_state.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

using nprandom::Generator;

// 5001 crosses several refills of the block sources (detail/block_source.hpp, 1024 words).
const std::size_t kCounts[] = {0, 1, 2, 3, 17, 64, 65, 127, 128, 129, 300, 1001, 5001};

// Two generators in the same state; `offset` = 1 draws one next_uint32 first (a buffered half);
// 2 draws one next_uint32 and three next_uint64 (a buffered half, Philox in mid-block, MT19937 at
// an odd position).
template <class BitGen>
std::pair<Generator<BitGen>, Generator<BitGen>> twins(int offset) {
  Generator<BitGen> a{BitGen(20241126)}, b{BitGen(20241126)};
  for (int i = 0; i < (offset > 0 ? 1 : 0); ++i) {
    (void)a.bit_generator().next_uint32();
    (void)b.bit_generator().next_uint32();
  }
  for (int i = 0; i < (offset == 2 ? 3 : 0); ++i) {
    (void)a.bit_generator().next_uint64();
    (void)b.bit_generator().next_uint64();
  }
  return {std::move(a), std::move(b)};
}

// sized(g, n) must equal n calls of one(g), values and final state.
template <class BitGen, class Sized, class One>
void check(const char* what, Sized sized, One one) {
  for (int offset : {0, 1, 2}) {
    for (std::size_t n : kCounts) {
      CAPTURE(what, offset, n);
      auto gens = twins<BitGen>(offset);
      auto& bulk = gens.first;
      auto& scalar = gens.second;
      const auto got = sized(bulk, n);
      std::vector<std::decay_t<decltype(one(scalar))>> want;
      want.reserve(n);
      for (std::size_t i = 0; i < n; ++i) want.push_back(one(scalar));
      REQUIRE_SAME_VALUES(got, want);  // bit for bit
      REQUIRE(bulk.bit_generator() == scalar.bit_generator());
    }
  }
}

template <class BitGen>
void check_all() {
  using G = Generator<BitGen>;
  check<BitGen>(
      "random", [](G& g, std::size_t n) { return g.random(n); }, [](G& g) { return g.random(); });
  check<BitGen>(
      "random<float>", [](G& g, std::size_t n) { return g.template random<float>(n); },
      [](G& g) { return g.template random<float>(); });
  check<BitGen>(
      "uniform", [](G& g, std::size_t n) { return g.uniform(-2.0, 3.0, n); },
      [](G& g) { return g.uniform(-2.0, 3.0); });
  check<BitGen>(
      "standard_normal", [](G& g, std::size_t n) { return g.standard_normal(n); },
      [](G& g) { return g.standard_normal(); });
  check<BitGen>(
      "standard_normal<float>",
      [](G& g, std::size_t n) { return g.template standard_normal<float>(n); },
      [](G& g) { return g.template standard_normal<float>(); });
  check<BitGen>(
      "normal", [](G& g, std::size_t n) { return g.normal(1.5, 2.5, n); },
      [](G& g) { return g.normal(1.5, 2.5); });
  check<BitGen>(
      "standard_exponential", [](G& g, std::size_t n) { return g.standard_exponential(n); },
      [](G& g) { return g.standard_exponential(); });
  check<BitGen>(
      "standard_exponential<float>",
      [](G& g, std::size_t n) { return g.template standard_exponential<float>(n); },
      [](G& g) { return g.template standard_exponential<float>(); });
  check<BitGen>(
      "standard_exponential inv",
      [](G& g, std::size_t n) { return g.standard_exponential(n, "inv"); },
      [](G& g) { return g.standard_exponential("inv"); });
  check<BitGen>(
      "standard_exponential<float> inv",
      [](G& g, std::size_t n) { return g.template standard_exponential<float>(n, "inv"); },
      [](G& g) { return g.template standard_exponential<float>("inv"); });
  // standard_gamma(1): the fill is standard_exponential's
  check<BitGen>(
      "standard_gamma(1)", [](G& g, std::size_t n) { return g.standard_gamma(1.0, n); },
      [](G& g) { return g.standard_gamma(1.0); });
  check<BitGen>(
      "standard_gamma<float>(1)",
      [](G& g, std::size_t n) { return g.template standard_gamma<float>(1.0, n); },
      [](G& g) { return g.template standard_gamma<float>(1.0); });
  // the rejection samplers batched by attempt (issue 12): standard_gamma(shape < 1) and Johnk's
  // beta (log path when X or Y underflows: tiny a or b), (1, 1) the Johnk boundary, and both
  // below 3e-103 (scalar one-U path)
  for (double k : {0.05, 0.5, 0.99, 1e-300}) {
    check<BitGen>(
        "standard_gamma(<1)", [k](G& g, std::size_t n) { return g.standard_gamma(k, n); },
        [k](G& g) { return g.standard_gamma(k); });
  }
  const std::pair<double, double> betas[] = {{0.5, 0.5},       {0.1, 0.9},   {1.0, 1.0},
                                             {1.0, 0.3},       {1e-3, 2e-3}, {1e-200, 0.5},
                                             {1e-110, 1e-120}, {1.5, 0.5}};
  for (const auto& ab : betas) {
    const double a = ab.first, b = ab.second;
    check<BitGen>(
        "beta", [a, b](G& g, std::size_t n) { return g.beta(a, b, n); },
        [a, b](G& g) { return g.beta(a, b); });
  }
  // transforms of the ziggurat fills (exponential, rayleigh: the exponential fill; cauchy: the
  // normal fill, pairs divided) and triangular's prepared kernel (branch-free selection)
  for (double scale : {0.0, 2.5}) {
    check<BitGen>(
        "exponential", [scale](G& g, std::size_t n) { return g.exponential(scale, n); },
        [scale](G& g) { return g.exponential(scale); });
    check<BitGen>(
        "rayleigh", [scale](G& g, std::size_t n) { return g.rayleigh(scale, n); },
        [scale](G& g) { return g.rayleigh(scale); });
  }
  check<BitGen>(
      "standard_cauchy", [](G& g, std::size_t n) { return g.standard_cauchy(n); },
      [](G& g) { return g.standard_cauchy(); });
  for (double mode : {0.5, 0.0, 0.9, 1.0}) {
    check<BitGen>(
        "triangular", [mode](G& g, std::size_t n) { return g.triangular(-1.0, mode, 1.0, n); },
        [mode](G& g) { return g.triangular(-1.0, mode, 1.0); });
  }
  // Marsaglia-Tsang gammas (shape > 1) batched by attempt (shape 1 + 1e-7: about 1 attempt in 150
  // redraws its normal for V <= 0), and the methods built on gammas with their setups prepared
  // once (detail::prepared_kernel): shapes below, at and above 1 on each side
  for (double k : {1.0000001, 1.5, 2.5, 1e6}) {
    check<BitGen>(
        "standard_gamma(>1)", [k](G& g, std::size_t n) { return g.standard_gamma(k, n); },
        [k](G& g) { return g.standard_gamma(k); });
    check<BitGen>(
        "gamma", [k](G& g, std::size_t n) { return g.gamma(k, 3.0, n); },
        [k](G& g) { return g.gamma(k, 3.0); });
    check<BitGen>(
        "standard_gamma<float>(>1)",
        [k](G& g, std::size_t n) { return g.template standard_gamma<float>(k, n); },
        [k](G& g) { return g.template standard_gamma<float>(k); });
  }
  for (double df : {0.5, 2.0, 3.0, 40.0}) {
    check<BitGen>(
        "chisquare", [df](G& g, std::size_t n) { return g.chisquare(df, n); },
        [df](G& g) { return g.chisquare(df); });
    check<BitGen>(
        "standard_t", [df](G& g, std::size_t n) { return g.standard_t(df, n); },
        [df](G& g) { return g.standard_t(df); });
    check<BitGen>(
        "f", [df](G& g, std::size_t n) { return g.f(df, 10.0, n); },
        [df](G& g) { return g.f(df, 10.0); });
    check<BitGen>(
        "negative_binomial", [df](G& g, std::size_t n) { return g.negative_binomial(df, 0.3, n); },
        [df](G& g) { return g.negative_binomial(df, 0.3); });
  }
  // lam beyond PTRS's loggam memo (k >= 512) and lam mostly below 10
  for (auto np : {std::pair<double, double>{400.0, 0.4}, {1.0, 0.8}}) {
    check<BitGen>(
        "negative_binomial",
        [np](G& g, std::size_t n) { return g.negative_binomial(np.first, np.second, n); },
        [np](G& g) { return g.negative_binomial(np.first, np.second); });
  }
  const std::pair<double, double> ncs[] = {{3.0, 2.0}, {0.5, 2.0}, {3.0, 0.0}, {0.5, 30.0}};
  for (const auto& dn : ncs) {
    const double df = dn.first, nonc = dn.second;
    check<BitGen>(
        "noncentral_chisquare",
        [df, nonc](G& g, std::size_t n) { return g.noncentral_chisquare(df, nonc, n); },
        [df, nonc](G& g) { return g.noncentral_chisquare(df, nonc); });
    check<BitGen>(
        "noncentral_f",
        [df, nonc](G& g, std::size_t n) { return g.noncentral_f(df, 20.0, nonc, n); },
        [df, nonc](G& g) { return g.noncentral_f(df, 20.0, nonc); });
  }
  for (double b : {3.0, 0.5}) {
    check<BitGen>(
        "beta(2,b)", [b](G& g, std::size_t n) { return g.beta(2.0, b, n); },
        [b](G& g) { return g.beta(2.0, b); });
  }
  // the log kernels' bulk forms (uniforms in stream order, logs in batches: detail/vec_log.hpp)
  check<BitGen>(
      "laplace", [](G& g, std::size_t n) { return g.laplace(0.5, 2.0, n); },
      [](G& g) { return g.laplace(0.5, 2.0); });
  check<BitGen>(
      "gumbel", [](G& g, std::size_t n) { return g.gumbel(0.5, 2.0, n); },
      [](G& g) { return g.gumbel(0.5, 2.0); });
  check<BitGen>(
      "logistic", [](G& g, std::size_t n) { return g.logistic(0.5, 2.0, n); },
      [](G& g) { return g.logistic(0.5, 2.0); });
  check<BitGen>(
      "lognormal", [](G& g, std::size_t n) { return g.lognormal(0.5, 2.0, n); },
      [](G& g) { return g.lognormal(0.5, 2.0); });
  // the pow kernel's bulk form (exponentials first, then pow in batches); a = 0: no draw
  for (double a : {0.0, 0.3, 1.7, 1e-3}) {
    check<BitGen>(
        "weibull", [a](G& g, std::size_t n) { return g.weibull(a, n); },
        [a](G& g) { return g.weibull(a); });
  }
  // the expm1 kernels' bulk forms (exponentials first, then expm1 (and pow) in batches)
  for (double a : {0.3, 1.7, 1e-3, 50.0}) {
    check<BitGen>(
        "pareto", [a](G& g, std::size_t n) { return g.pareto(a, n); },
        [a](G& g) { return g.pareto(a); });
    check<BitGen>(
        "power", [a](G& g, std::size_t n) { return g.power(a, n); },
        [a](G& g) { return g.power(a); });
  }
  // 64/32-bit integers: sized == scalar (NumPy has no buffer across 8/16-bit or bool calls).
  check<BitGen>(
      "integers(0,1000)", [](G& g, std::size_t n) { return g.integers(0, 1000, n); },
      [](G& g) { return g.integers(0, 1000); });
  check<BitGen>(
      "integers<int32>(-5,2^31-9)",
      [](G& g, std::size_t n) { return g.template integers<std::int32_t>(-5, 2147483639, n); },
      [](G& g) { return g.template integers<std::int32_t>(-5, 2147483639); });
  check<BitGen>(
      "integers<uint64>(0,3e18)",
      [](G& g, std::size_t n) {
        return g.template integers<std::uint64_t>(0, 3000000000000000000ULL, n);
      },
      [](G& g) { return g.template integers<std::uint64_t>(0, 3000000000000000000ULL); });
  check<BitGen>(
      "integers<uint32>(0,2^32-1) raw",
      [](G& g, std::size_t n) { return g.template integers<std::uint32_t>(0, 4294967295u, n); },
      [](G& g) { return g.template integers<std::uint32_t>(0, 4294967295u); });
  check<BitGen>(
      "integers<int64>(-1,2^32-2) raw32",
      [](G& g, std::size_t n) { return g.template integers<std::int64_t>(-1, 4294967295LL, n); },
      [](G& g) { return g.template integers<std::int64_t>(-1, 4294967295LL); });
  check<BitGen>(
      "integers<uint64> full",
      [](G& g, std::size_t n) {
        return g.template integers<std::uint64_t>(0, 18446744073709551615ULL, n, true);
      },
      [](G& g) {
        return g.template integers<std::uint64_t>(0, 18446744073709551615ULL, nprandom::endpoint);
      });
  check<BitGen>(
      "integers<uint64>(0,2^63+2^62) heavy rejection",
      [](G& g, std::size_t n) {
        return g.template integers<std::uint64_t>(0, 13835058055282163712ULL, n);
      },
      [](G& g) { return g.template integers<std::uint64_t>(0, 13835058055282163712ULL); });
  // Binomial: inversion (n*p <= 30, with and without reflection) and BTPE; the scalar cache is
  // first filled with another (n, p) so that a stale setup would show.
  for (auto np : {std::pair<std::int64_t, double>{100, 0.3},
                  {1, 0.3},
                  {20, 0.9},
                  {1000, 0.4},
                  {1000, 0.75},
                  {0, 0.5},
                  {7, 0.0}}) {
    CAPTURE(np.first, np.second);
    check<BitGen>(
        "binomial", [np](G& g, std::size_t n) { return g.binomial(np.first, np.second, n); },
        [np](G& g) { return g.binomial(np.first, np.second); });
  }
  {  // the scalar caches follow parameter changes: alternating calls == fresh-setup kernels
    auto gens = twins<BitGen>(1);
    for (int i = 0; i < 600; ++i) {
      const std::int64_t bn = i % 2 ? 50 : 1000;
      const double bp = i % 3 ? 0.3 : 0.6;
      const double lam = i % 5 ? 4.0 : 150.0;
      CAPTURE(i);
      REQUIRE(gens.first.binomial(bn, bp) ==
              nprandom::distributions::binomial(gens.second.bit_generator(), bn, bp));
      REQUIRE(gens.first.poisson(lam) ==
              nprandom::distributions::poisson(gens.second.bit_generator(), lam));
    }
    REQUIRE(gens.first.bit_generator() == gens.second.bit_generator());
  }
  for (double lam : {0.0, 1e-3, 3.0, 9.99, 10.0, 100.0, 1e6}) {  // 1e-3: one double a value
    CAPTURE(lam);
    check<BitGen>(
        "poisson", [lam](G& g, std::size_t n) { return g.poisson(lam, n); },
        [lam](G& g) { return g.poisson(lam); });
  }
  // issue 12's kernels: branch-free wald / vonmises choices, setups made once per sized call
  // (vonmises s, logseries log1p(-p)), the geometric search table.
  for (auto ms : {std::pair<double, double>{1.0, 2.0}, {0.5, 1e-3}, {3.0, 50.0}}) {
    CAPTURE(ms.first, ms.second);
    check<BitGen>(
        "wald", [ms](G& g, std::size_t n) { return g.wald(ms.first, ms.second, n); },
        [ms](G& g) { return g.wald(ms.first, ms.second); });
  }
  for (double kappa : {0.0, 1e-9, 1e-6, 1e-5, 0.5, 4.0, 1e6, 1e7}) {
    CAPTURE(kappa);
    check<BitGen>(
        "vonmises", [kappa](G& g, std::size_t n) { return g.vonmises(-0.5, kappa, n); },
        [kappa](G& g) { return g.vonmises(-0.5, kappa); });
  }
  for (double p : {0.0, 0.01, 0.3, 0.9, 0.999999}) {
    CAPTURE(p);
    check<BitGen>(
        "logseries", [p](G& g, std::size_t n) { return g.logseries(p, n); },
        [p](G& g) { return g.logseries(p); });
  }
  for (double p : {0.01, 0.2, 0.333333333333333333333333, 0.34, 0.5, 0.9, 1.0}) {
    CAPTURE(p);
    check<BitGen>(
        "geometric", [p](G& g, std::size_t n) { return g.geometric(p, n); },
        [p](G& g) { return g.geometric(p); });
  }  // zipf batched by attempt (pow_batch): near 1 (huge X), moderate, steep, the 1025 cut-off
  for (double a : {1.01, 1.5, 2.0, 5.0, 1000.0, 1025.0}) {
    CAPTURE(a);
    check<BitGen>(
        "zipf", [a](G& g, std::size_t n) { return g.zipf(a, n); }, [a](G& g) { return g.zipf(a); });
  }
  // hypergeometric: the urn on the block source (its demand: min(sample, good, bad) candidates a
  // value; sample above half the total, an empty colour, everything drawn) and HRUA
  struct H {
    std::int64_t good, bad, sample;
  };
  for (const H h : {H{100, 200, 5}, H{5, 3000, 7}, H{1, 1, 1}, H{0, 50, 20}, H{50, 0, 3},
                    H{3, 5, 8}, H{10, 10, 15}, H{600, 2, 9}, H{100, 200, 50}}) {
    CAPTURE(h.good, h.bad, h.sample);
    check<BitGen>(
        "hypergeometric",
        [h](G& g, std::size_t n) { return g.hypergeometric(h.good, h.bad, h.sample, n); },
        [h](G& g) { return g.hypergeometric(h.good, h.bad, h.sample); });
  }
  // choice with p: the doubles drawn in blocks, then searched (counted up to 8 entries, a guide
  // table above; a zero p gives repeated cdf entries); the one-value form searches the sums
  const std::vector<double> p100 = nprandom_test::uneven_p(100, 7, 3, 5);
  for (const std::vector<double>& p :
       {std::vector<double>{0.1, 0.2, 0.3, 0.25, 0.15}, std::vector<double>{0.0, 1.0, 0.0}, p100}) {
    const auto pop = static_cast<std::int64_t>(p.size());
    CAPTURE(pop);
    check<BitGen>(
        "choice(p)", [pop, &p](G& g, std::size_t n) { return g.choice(pop, n, true, p); },
        [pop, &p](G& g) { return g.choice(pop, p); });
  }
}

TEMPLATE_TEST_CASE("sized == scalar for every method", "[bulk]", nprandom::PCG64,
                   nprandom::PCG64DXSM, nprandom::SFC64, nprandom::MT19937, nprandom::Philox) {
  check_all<TestType>();
}

// bool and bytes: the word-at-a-time sized forms against the per-bit / per-word fill reference.
TEMPLATE_TEST_CASE("integers<bool> and bytes word-at-a-time", "[bulk]", nprandom::PCG64,
                   nprandom::PCG64DXSM, nprandom::SFC64, nprandom::MT19937, nprandom::Philox) {
  std::vector<std::size_t> counts(std::begin(kCounts), std::end(kCounts));
  for (std::size_t big : {70001, 300001}) counts.push_back(big);  // several 1024-word blocks
  for (int offset : {0, 1, 2}) {
    for (std::size_t n : counts) {
      CAPTURE(offset, n);
      auto gens = twins<TestType>(offset);
      const std::vector<bool> v = gens.first.template integers<bool>(0, 2, n);
      std::unique_ptr<bool[]> ref(new bool[n + 1]);
      gens.second.integers(0, 1, ref.get(), n, true);
      REQUIRE(v == std::vector<bool>(ref.get(), ref.get() + n));
      REQUIRE(gens.first.bit_generator() == gens.second.bit_generator());

      const std::string s = gens.first.bytes(n);
      std::string want;
      for (std::size_t i = 0; i < (n == 0 ? 1 : (n + 3) / 4); ++i) {
        const std::uint32_t w = gens.second.bit_generator().next_uint32();
        for (int k = 0; k < 4; ++k)
          want.push_back(static_cast<char>(static_cast<unsigned char>(w >> (8 * k))));
      }
      want.resize(n);
      REQUIRE(s == want);
      REQUIRE(gens.first.bit_generator() == gens.second.bit_generator());
    }
  }
}

// One-value integers (the direct path, bounded_one_lemire) == the fill of one value, every dtype,
// with and without a buffered half-word, for ordinary, empty, full and near-full ranges.
template <class T, class BitGen>
void check_one_integers(T low, T high_inclusive) {
  for (int offset : {0, 1}) {
    for (int call = 0; call < 40; ++call) {
      CAPTURE(offset, call, +low, +high_inclusive);
      auto gens = twins<BitGen>(offset);
      for (int k = 0; k < call % 7; ++k) (void)gens.first.bit_generator().next_uint64();
      for (int k = 0; k < call % 7; ++k) (void)gens.second.bit_generator().next_uint64();
      const T one = gens.first.template integers<T>(low, high_inclusive, nprandom::endpoint);
      T ref[1];
      gens.second.integers(low, high_inclusive, ref, 1, true);
      REQUIRE(one == ref[0]);
      REQUIRE(gens.first.bit_generator() == gens.second.bit_generator());
    }
  }
}

TEMPLATE_TEST_CASE("one-value integers == the fill of one value", "[bulk]", nprandom::PCG64,
                   nprandom::SFC64, nprandom::MT19937, nprandom::Philox) {
  using L8 = std::numeric_limits<std::int8_t>;
  using L64 = std::numeric_limits<std::int64_t>;
  check_one_integers<std::int8_t, TestType>(-100, 99);
  check_one_integers<std::int8_t, TestType>(L8::min(), L8::max());
  check_one_integers<std::uint8_t, TestType>(3, 3);
  check_one_integers<std::uint8_t, TestType>(0, 254);
  check_one_integers<std::int16_t, TestType>(-3, 30000);
  check_one_integers<std::uint16_t, TestType>(0, 65535);
  check_one_integers<std::int32_t, TestType>(-5, 2147483639);
  check_one_integers<std::uint32_t, TestType>(0, 4294967295u);
  check_one_integers<std::uint32_t, TestType>(7, 7);
  check_one_integers<std::int64_t, TestType>(0, 999);
  check_one_integers<std::int64_t, TestType>(-1, 4294967294);
  check_one_integers<std::int64_t, TestType>(0, 4294967295);
  check_one_integers<std::int64_t, TestType>(0, 3000000000000000000);
  check_one_integers<std::int64_t, TestType>(L64::min(), L64::max());
  check_one_integers<std::uint64_t, TestType>(0, 18446744073709551614ULL);
  check_one_integers<bool, TestType>(false, true);
  check_one_integers<bool, TestType>(true, true);
  // every 8-bit range (the one-value path tests a word's four bytes at once)
  for (int r = 0; r < 256; ++r)
    check_one_integers<std::uint8_t, TestType>(0, static_cast<std::uint8_t>(r));
  for (int r = 0; r < 256; r += 17)
    check_one_integers<std::int8_t, TestType>(-128, static_cast<std::int8_t>(r - 128));
}

// RandomState.randint's one-value form (masked, distributions::bounded_one_masked) against the
// fill of one value, from several positions in the MT19937 block; values and final state.
template <class T, class Low, class High>
void check_one_randint(Low low, High high) {
  for (int call = 0; call < 40; ++call) {
    CAPTURE(call, +low, +high);
    nprandom::RandomState a(12345), b(12345);
    for (int k = 0; k < call * 37 % 700; ++k) (void)a.bit_generator().next_uint32();
    for (int k = 0; k < call * 37 % 700; ++k) (void)b.bit_generator().next_uint32();
    const T one = a.randint<T>(low, high);
    T ref[1];
    b.randint(low, high, ref, 1);
    REQUIRE(one == ref[0]);
    REQUIRE(a.bit_generator() == b.bit_generator());
  }
}

TEST_CASE("one-value randint == the fill of one value", "[bulk]") {
  check_one_randint<std::int8_t>(-100, 100);
  check_one_randint<std::uint8_t>(0, 200);
  check_one_randint<std::uint8_t>(0, 256);
  check_one_randint<std::uint8_t>(5, 6);
  for (int r = 0; r < 256; ++r) check_one_randint<std::uint8_t>(0, r + 1);  // every 8-bit range
  for (int r = 0; r < 256; r += 17) check_one_randint<std::int8_t>(-128, r - 127);
  check_one_randint<std::int16_t>(-3, 30001);
  check_one_randint<std::uint16_t>(0, 65536);
  check_one_randint<std::int32_t>(0, 1000);
  check_one_randint<int>(-5, 2147483647);
  check_one_randint<std::uint32_t>(0, 4294967296LL);
  check_one_randint<std::int64_t>(0, 1000);
  check_one_randint<std::int64_t>(7, 8);
  check_one_randint<std::int64_t>(-1, 4294967295LL);
  check_one_randint<std::int64_t>(0, 4294967296LL);
  check_one_randint<std::int64_t>(0, 3000000000000000000LL);
  check_one_randint<long long>(std::numeric_limits<long long>::min(),
                               std::numeric_limits<long long>::max());
  check_one_randint<std::uint64_t>(0, 18446744073709551615ULL);
  check_one_randint<bool>(0, 2);
  check_one_randint<bool>(1, 2);
  nprandom::RandomState rs(1);
  REQUIRE_THROWS_WITH(rs.randint<std::int64_t>(0, 0), "high <= 0");
  REQUIRE_THROWS_WITH(rs.randint<std::uint8_t>(0, 257), "high is out of bounds for uint8");
  REQUIRE_THROWS_WITH(rs.choice(std::int64_t{0}),
                      "a must be greater than 0 unless no samples are taken");
}

// Generator.choice(a) (integer a, one value) is integers(0, a): the same draw and state.
TEMPLATE_TEST_CASE("one-value choice(a) == integers(0, a)", "[bulk]", nprandom::PCG64,
                   nprandom::SFC64, nprandom::MT19937, nprandom::Philox) {
  for (std::int64_t a : {std::int64_t{1}, std::int64_t{1000}, std::int64_t{4294967296},
                         std::int64_t{5000000000000}}) {
    for (int offset : {0, 1, 2}) {
      CAPTURE(a, offset);
      auto gens = twins<TestType>(offset);
      for (int k = 0; k < 50; ++k) REQUIRE(gens.first.choice(a) == gens.second.integers(0, a));
      REQUIRE(gens.first.bit_generator() == gens.second.bit_generator());
    }
  }
  auto gens = twins<TestType>(0);
  REQUIRE_THROWS_WITH(gens.first.choice(std::int64_t{0}),
                      "a must be a positive integer unless no samples are taken");
  REQUIRE_THROWS_WITH(gens.first.choice(std::int64_t{-3}),
                      "a must be a positive integer unless no samples are taken");
  REQUIRE(gens.first.bit_generator() == gens.second.bit_generator());
}

// The 8/16-bit and bool fills (NumPy keeps no buffer across calls, so the reference is the fill's
// definition: the per-value kernels with one uint32_buffer for the whole call), Lemire and masked
// (RandomState.randint), against the fill through the block source; values and final state.
template <class U, class BitGen>
void check_small_fill(U off, U rng, bool masked) {
  namespace d = nprandom::distributions;
  for (int offset : {0, 1, 2}) {
    for (std::size_t n : kCounts) {
      CAPTURE(offset, n, +off, +rng, masked);
      auto gens = twins<BitGen>(offset);
      BitGen& bulk = gens.first.bit_generator();
      BitGen& scalar = gens.second.bit_generator();
      std::vector<U> got(n + 1), want(n + 1);
      const U mask = static_cast<U>(d::gen_mask(rng));
      d::uint32_buffer b;
      if constexpr (std::is_same<U, bool>::value) {
        std::unique_ptr<bool[]> g(new bool[n + 1]);
        d::bounded_bool_fill(bulk, off, rng, n, masked, g.get());
        for (std::size_t i = 0; i < n; ++i) got[i] = g[i];
        for (std::size_t i = 0; i < n; ++i) want[i] = d::buffered_bounded_bool(scalar, off, rng, b);
      } else if constexpr (sizeof(U) == 2) {
        d::bounded_uint16_fill(bulk, off, rng, n, masked, got.data());
        for (std::size_t i = 0; i < n; ++i)
          want[i] = d::buffered_bounded_uint16(scalar, off, rng, mask, masked, b);
      } else {
        d::bounded_uint8_fill(bulk, off, rng, n, masked, got.data());
        for (std::size_t i = 0; i < n; ++i)
          want[i] = d::buffered_bounded_uint8(scalar, off, rng, mask, masked, b);
      }
      REQUIRE_SAME_VALUES(got, want);
      REQUIRE(bulk == scalar);
    }
  }
}

TEMPLATE_TEST_CASE("8/16-bit and bool fills == their per-value definition", "[bulk]",
                   nprandom::PCG64, nprandom::PCG64DXSM, nprandom::SFC64, nprandom::MT19937,
                   nprandom::Philox) {
  for (bool masked : {false, true}) {
    check_small_fill<std::uint16_t, TestType>(3, 999, masked);
    check_small_fill<std::uint16_t, TestType>(0, 40000, masked);  // ~40% rejected
    check_small_fill<std::uint16_t, TestType>(7, 65535, masked);
    check_small_fill<std::uint16_t, TestType>(9, 0, masked);
    check_small_fill<std::uint8_t, TestType>(0, 199, masked);
    check_small_fill<std::uint8_t, TestType>(1, 130, masked);  // ~49% rejected
    check_small_fill<std::uint8_t, TestType>(0, 255, masked);
    // Lemire's vector pass (rejections under 1 in 64: 1 in 256, 2 in 256, none)
    check_small_fill<std::uint8_t, TestType>(0, 254, masked);
    check_small_fill<std::uint8_t, TestType>(5, 126, masked);
    check_small_fill<std::uint8_t, TestType>(1, 127, masked);
    check_small_fill<bool, TestType>(false, true, masked);
    check_small_fill<bool, TestType>(true, false, masked);
  }
  // RandomState's masked 32/64-bit fills on the same source.
  namespace d = nprandom::distributions;
  for (int offset : {0, 1, 2}) {
    for (std::size_t n : kCounts) {
      CAPTURE(offset, n);
      auto gens = twins<TestType>(offset);
      auto& bulk = gens.first.bit_generator();
      auto& scalar = gens.second.bit_generator();
      std::vector<std::uint64_t> got(n + 1);
      std::vector<std::uint32_t> got32(n + 1);
      const std::uint64_t r64 = 5000000000000000000ULL, r32 = 3000000000u;
      d::bounded_uint64_fill(bulk, 11, r64, n, true, got.data());
      d::bounded_uint32_fill(bulk, 5, static_cast<std::uint32_t>(r32), n, true, got32.data());
      std::vector<std::uint64_t> want(n + 1);
      std::vector<std::uint32_t> want32(n + 1);
      for (std::size_t i = 0; i < n; ++i)
        want[i] = d::bounded_uint64(scalar, 11, r64, d::gen_mask(r64), true);
      for (std::size_t i = 0; i < n; ++i) {
        d::uint32_buffer b;
        want32[i] =
            d::buffered_bounded_uint32(scalar, 5, static_cast<std::uint32_t>(r32),
                                       static_cast<std::uint32_t>(d::gen_mask(r32)), true, b);
      }
      REQUIRE_SAME_VALUES(got, want);
      REQUIRE_SAME_VALUES(got32, want32);
      REQUIRE(bulk == scalar);
    }
  }
}

// The bulk word sources: fill_uint64 (and MT19937's fill_uint32) == the scalar draws, values and
// final state (Philox's counter, buffer and position; NumPy's half-word buffer untouched).
template <class BitGen>
void check_fill_uint64() {
  for (int offset : {0, 1, 2}) {
    for (std::size_t n : {0, 1, 3, 4, 5, 15, 16, 17, 63, 64, 65, 1000, 4099}) {
      CAPTURE(offset, n);
      auto gens = twins<BitGen>(offset);
      auto& bulk = gens.first.bit_generator();
      auto& scalar = gens.second.bit_generator();
      std::vector<std::uint64_t> got(n + 1);
      bulk.fill_uint64(got.data(), n);
      std::vector<std::uint64_t> want(n + 1);
      for (std::size_t i = 0; i < n; ++i) want[i] = scalar.next_uint64();
      REQUIRE_SAME_VALUES(got, want);
      REQUIRE(bulk == scalar);
      REQUIRE(bulk.state() == scalar.state());
    }
  }
}

TEMPLATE_TEST_CASE("fill_uint64 == next_uint64 draws", "[bulk]", nprandom::PCG64,
                   nprandom::PCG64DXSM, nprandom::MT19937, nprandom::Philox) {
  check_fill_uint64<TestType>();
}

}  // namespace

// laplace, gumbel and logistic redraw a uniform of exactly 0. Their fills draw 1024 uniforms at
// once and take the zeros out afterwards: a word source with zeros placed at the start, in runs,
// and around the 1024-value block edges gives the one-value loops' values and draws.
namespace {
struct ZeroWords {
  std::vector<std::uint64_t> words;
  std::size_t at = 0;
  std::uint64_t next_uint64() noexcept { return words[at++]; }
  std::uint32_t next_uint32() noexcept { return static_cast<std::uint32_t>(next_uint64() >> 32); }
  double next_double() noexcept {
    return static_cast<double>(next_uint64() >> 11) * (1.0 / 9007199254740992.0);
  }
};
}  // namespace

TEST_CASE("laplace / gumbel / logistic fills redraw zero uniforms in stream order", "[bulk]") {
  namespace d = nprandom::distributions;
  nprandom::PCG64 src(2024);
  ZeroWords z;
  for (int i = 0; i < 5000; ++i) z.words.push_back(src.next_uint64());
  for (std::size_t at : {0, 5, 6, 7, 1023, 1024, 1026, 2047, 2048, 2049, 3001})
    z.words[at] = at % 2 == 0 ? 0 : 2047;  // both give the double 0.0
  for (std::size_t n : {std::size_t{1}, std::size_t{1022}, std::size_t{1024}, std::size_t{3500}}) {
    CAPTURE(n);
    std::vector<double> got(n), want(n);
    const auto same = [&](const char* what, auto fill, auto one) {
      INFO(what);
      ZeroWords a = z, b = z;
      fill(a, got.data());
      for (std::size_t i = 0; i < n; ++i) want[i] = one(b);
      REQUIRE_SAME_VALUES(got, want);
      REQUIRE(a.at == b.at);
    };
    same(
        "laplace", [n](ZeroWords& g, double* o) { d::laplace_fill(g, 0.5, 2.0, n, o); },
        [](ZeroWords& g) { return d::laplace(g, 0.5, 2.0); });
    same(
        "gumbel", [n](ZeroWords& g, double* o) { d::gumbel_fill(g, 0.5, 2.0, n, o); },
        [](ZeroWords& g) { return d::gumbel(g, 0.5, 2.0); });
    same(
        "logistic", [n](ZeroWords& g, double* o) { d::logistic_fill(g, 0.5, 2.0, n, o); },
        [](ZeroWords& g) { return d::logistic(g, 0.5, 2.0); });
  }
}
