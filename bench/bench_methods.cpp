// Every numpy.random.Generator method and the bit generators' raw output, sized and scalar, each
// row listing its NumPy twin next to the C++ call (see nprandom_bench::method in
// bench_common.hpp). RandomState and the <random> / Boost.Random comparisons are in
// bench_methods_legacy.cpp (a second translation unit, so the two build in parallel).
// tools/bench_report.py runs this binary at -O2 and -O3 -march=native and writes
// docs/benchmarks.md.
#include "bench_common.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/generator.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace {

using nprandom_bench::kBoth;
using nprandom_bench::kSized;
using Gen = nprandom::Generator<nprandom::PCG64>;

const char* const kGenSetup = "g = np.random.Generator(np.random.PCG64(42))";

Gen make_gen() { return Gen(nprandom::PCG64(42)); }

// A Generator case: key "Generator.<name>", NumPy statement on `g`, optional extra setup.
template <unsigned F = kBoth, class Call>
void gen(const std::string& name, const std::string& stmt, Call call,
         std::size_t n = nprandom_bench::kBlock, const std::string& extra_setup = "") {
  nprandom_bench::method<F>("Generator." + name,
                            extra_setup.empty() ? std::string(kGenSetup)
                                                : std::string(kGenSetup) + "; " + extra_setup,
                            stmt, make_gen, call, n);
}

// Raw output of a bit generator: sized = random_raw(out, n) into a reused buffer (NumPy returns
// a fresh array), scalar = one random_raw() per call, as NumPy's random_raw() (MT19937: one
// 32-bit output, where next_uint64() would draw two).
template <class BitGen>
void bitgen(const std::string& name) {
  auto buf = std::make_shared<std::vector<std::uint64_t>>(nprandom_bench::kBlock);
  const std::string setup = "bg = np.random." + name + "(42)";
  nprandom_bench::method<kSized>(
      name + ".random_raw", setup, "bg.random_raw(SIZE)", [] { return BitGen(42); },
      [buf](BitGen& bg, std::size_t n) {
        bg.random_raw(buf->data(), n);
        return buf->data();
      });
  nprandom_bench::method<nprandom_bench::kScalar>(
      name + ".random_raw", setup, "bg.random_raw(SIZE)", [] { return BitGen(42); },
      [](BitGen& bg) { return bg.random_raw(); });
}

const std::vector<double> kP5{0.1, 0.2, 0.3, 0.25, 0.15};
const char* const kP5Py = "p5 = [0.1, 0.2, 0.3, 0.25, 0.15]";
const std::vector<double> kP100 = [] {
  std::vector<double> p(100);
  double total = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) total += p[i] = static_cast<double>(i + 1);
  for (double& x : p) x /= total;
  return p;
}();
const char* const kP100Py = "p100 = np.arange(1, 101) / np.arange(1, 101).sum()";
// Vector arguments are built once, as the Python setup builds its lists: a case times the call,
// not the construction of its arguments.
const std::vector<double> kAlpha123{1.0, 2.0, 3.0};
const std::vector<double> kAlphaSmall{0.1, 0.2, 0.3};
const std::vector<double> kP5Even{0.2, 0.2, 0.2, 0.2, 0.2};
const std::vector<std::int64_t> kColors4{10, 20, 30, 40};
const std::vector<double> kMean3{0.0, 1.0, 2.0};
const std::vector<std::vector<double>> kCov3{{2.0, 0.5, 0.1}, {0.5, 1.0, 0.2}, {0.1, 0.2, 1.5}};
const char* const kMvnPy =
    "mean3 = [0.0, 1.0, 2.0]; cov3 = [[2.0, 0.5, 0.1], [0.5, 1.0, 0.2], [0.1, 0.2, 1.5]]";
constexpr std::size_t kRows = 100000;  // multivariate cases: rows per call

const bool registered = [] {
  bitgen<nprandom::PCG64>("PCG64");
  bitgen<nprandom::PCG64DXSM>("PCG64DXSM");
  bitgen<nprandom::MT19937>("MT19937");
  bitgen<nprandom::Philox>("Philox");
  bitgen<nprandom::SFC64>("SFC64");
  // Doubles from Philox's bulk words (fill_uint64: the SIMD lanes of detail/philox_lanes.hpp).
  nprandom_bench::method<kSized>(
      "Philox.Generator.random", "g = np.random.Generator(np.random.Philox(42))", "g.random(SIZE)",
      [] { return nprandom::Generator<nprandom::Philox>(nprandom::Philox(42)); },
      [](nprandom::Generator<nprandom::Philox>& g, std::size_t n) { return g.random(n); });

  // Uniforms and integers.
  gen("random", "g.random(SIZE)", [](Gen& g, auto... s) { return g.random(s...); });
  gen("random<float>", "g.random(SIZE, dtype=np.float32)",
      [](Gen& g, auto... s) { return g.random<float>(s...); });
  gen("uniform(-1,1)", "g.uniform(-1.0, 1.0, SIZE)",
      [](Gen& g, auto... s) { return g.uniform(-1.0, 1.0, s...); });
  gen("integers(0,1000)", "g.integers(0, 1000, SIZE)",
      [](Gen& g, auto... s) { return g.integers(std::int64_t{0}, std::int64_t{1000}, s...); });
  gen("integers(0,10**12)", "g.integers(0, 10**12, SIZE)", [](Gen& g, auto... s) {
    return g.integers(std::int64_t{0}, std::int64_t{1000000000000}, s...);
  });
  gen("integers(0,1000,endpoint)", "g.integers(0, 1000, SIZE, endpoint=True)",
      [](Gen& g, auto... s) {
        return g.integers(std::int64_t{0}, std::int64_t{1000}, s..., nprandom::endpoint_t{true});
      });
  gen("integers<int32>(0,1000)", "g.integers(0, 1000, SIZE, dtype=np.int32)",
      [](Gen& g, auto... s) { return g.integers<std::int32_t>(0, 1000, s...); });
  gen("integers<int16>(0,1000)", "g.integers(0, 1000, SIZE, dtype=np.int16)",
      [](Gen& g, auto... s) { return g.integers<std::int16_t>(0, 1000, s...); });
  gen("integers<uint8>(0,200)", "g.integers(0, 200, SIZE, dtype=np.uint8)",
      [](Gen& g, auto... s) { return g.integers<std::uint8_t>(0, 200, s...); });
  gen("integers<bool>(0,2)", "g.integers(0, 2, SIZE, dtype=bool)",
      [](Gen& g, auto... s) { return g.integers<bool>(0, 2, s...); });
  gen<kSized>("bytes", "g.bytes(SIZE)", [](Gen& g, std::size_t n) { return g.bytes(n); });

  // Normal family.
  gen("standard_normal", "g.standard_normal(SIZE)",
      [](Gen& g, auto... s) { return g.standard_normal(s...); });
  gen("standard_normal<float>", "g.standard_normal(SIZE, dtype=np.float32)",
      [](Gen& g, auto... s) { return g.standard_normal<float>(s...); });
  gen("normal(1,2)", "g.normal(1.0, 2.0, SIZE)",
      [](Gen& g, auto... s) { return g.normal(1.0, 2.0, s...); });
  gen("lognormal(0,1)", "g.lognormal(0.0, 1.0, SIZE)",
      [](Gen& g, auto... s) { return g.lognormal(0.0, 1.0, s...); });
  gen(
      "multivariate_normal(3)", "g.multivariate_normal(mean3, cov3, SIZE)",
      [](Gen& g, auto... s) { return g.multivariate_normal(kMean3, kCov3, s...); }, kRows,
      kMvnPy);

  // Exponential and gamma family.
  gen("standard_exponential", "g.standard_exponential(SIZE)",
      [](Gen& g, auto... s) { return g.standard_exponential(s...); });
  gen("standard_exponential<float>", "g.standard_exponential(SIZE, dtype=np.float32)",
      [](Gen& g, auto... s) { return g.standard_exponential<float>(s...); });
  gen("standard_exponential(inv)", "g.standard_exponential(SIZE, method='inv')",
      [](Gen& g, auto... s) { return g.standard_exponential(s..., "inv"); });
  gen("exponential(2)", "g.exponential(2.0, SIZE)",
      [](Gen& g, auto... s) { return g.exponential(2.0, s...); });
  gen("standard_gamma(0.5)", "g.standard_gamma(0.5, SIZE)",
      [](Gen& g, auto... s) { return g.standard_gamma(0.5, s...); });
  gen("standard_gamma(1)", "g.standard_gamma(1.0, SIZE)",
      [](Gen& g, auto... s) { return g.standard_gamma(1.0, s...); });
  gen("standard_gamma(2.5)", "g.standard_gamma(2.5, SIZE)",
      [](Gen& g, auto... s) { return g.standard_gamma(2.5, s...); });
  gen("standard_gamma<float>(2.5)", "g.standard_gamma(2.5, SIZE, dtype=np.float32)",
      [](Gen& g, auto... s) { return g.standard_gamma<float>(2.5, s...); });
  gen("gamma(2,3)", "g.gamma(2.0, 3.0, SIZE)",
      [](Gen& g, auto... s) { return g.gamma(2.0, 3.0, s...); });
  gen("beta(0.5,0.5)", "g.beta(0.5, 0.5, SIZE)",
      [](Gen& g, auto... s) { return g.beta(0.5, 0.5, s...); });
  gen("beta(2,3)", "g.beta(2.0, 3.0, SIZE)",
      [](Gen& g, auto... s) { return g.beta(2.0, 3.0, s...); });
  gen("chisquare(3)", "g.chisquare(3.0, SIZE)",
      [](Gen& g, auto... s) { return g.chisquare(3.0, s...); });
  gen("noncentral_chisquare(3,2)", "g.noncentral_chisquare(3.0, 2.0, SIZE)",
      [](Gen& g, auto... s) { return g.noncentral_chisquare(3.0, 2.0, s...); });
  gen("noncentral_chisquare(0.5,2)", "g.noncentral_chisquare(0.5, 2.0, SIZE)",
      [](Gen& g, auto... s) { return g.noncentral_chisquare(0.5, 2.0, s...); });
  gen("f(5,10)", "g.f(5.0, 10.0, SIZE)", [](Gen& g, auto... s) { return g.f(5.0, 10.0, s...); });
  gen("noncentral_f(3,20,3)", "g.noncentral_f(3.0, 20.0, 3.0, SIZE)",
      [](Gen& g, auto... s) { return g.noncentral_f(3.0, 20.0, 3.0, s...); });
  gen("standard_t(10)", "g.standard_t(10.0, SIZE)",
      [](Gen& g, auto... s) { return g.standard_t(10.0, s...); });
  gen(
      "dirichlet([1,2,3])", "g.dirichlet([1.0, 2.0, 3.0], SIZE)",
      [](Gen& g, auto... s) { return g.dirichlet(kAlpha123, s...); },
      kRows);
  gen(
      "dirichlet([.1,.2,.3])", "g.dirichlet([0.1, 0.2, 0.3], SIZE)",
      [](Gen& g, auto... s) { return g.dirichlet(kAlphaSmall, s...); },
      kRows);

  // Other continuous.
  gen("standard_cauchy", "g.standard_cauchy(SIZE)",
      [](Gen& g, auto... s) { return g.standard_cauchy(s...); });
  gen("laplace(0,1)", "g.laplace(0.0, 1.0, SIZE)",
      [](Gen& g, auto... s) { return g.laplace(0.0, 1.0, s...); });
  gen("logistic(0,1)", "g.logistic(0.0, 1.0, SIZE)",
      [](Gen& g, auto... s) { return g.logistic(0.0, 1.0, s...); });
  gen("gumbel(0,1)", "g.gumbel(0.0, 1.0, SIZE)",
      [](Gen& g, auto... s) { return g.gumbel(0.0, 1.0, s...); });
  gen("pareto(3)", "g.pareto(3.0, SIZE)", [](Gen& g, auto... s) { return g.pareto(3.0, s...); });
  gen("power(3)", "g.power(3.0, SIZE)", [](Gen& g, auto... s) { return g.power(3.0, s...); });
  gen("weibull(2)", "g.weibull(2.0, SIZE)",
      [](Gen& g, auto... s) { return g.weibull(2.0, s...); });
  gen("rayleigh(1)", "g.rayleigh(1.0, SIZE)",
      [](Gen& g, auto... s) { return g.rayleigh(1.0, s...); });
  gen("wald(1,2)", "g.wald(1.0, 2.0, SIZE)",
      [](Gen& g, auto... s) { return g.wald(1.0, 2.0, s...); });
  gen("triangular(0,0.5,1)", "g.triangular(0.0, 0.5, 1.0, SIZE)",
      [](Gen& g, auto... s) { return g.triangular(0.0, 0.5, 1.0, s...); });
  gen("vonmises(0,4)", "g.vonmises(0.0, 4.0, SIZE)",
      [](Gen& g, auto... s) { return g.vonmises(0.0, 4.0, s...); });
  gen("vonmises(0,1e-6)", "g.vonmises(0.0, 1e-6, SIZE)",
      [](Gen& g, auto... s) { return g.vonmises(0.0, 1e-6, s...); });

  // Discrete.
  gen("binomial(1,0.3)", "g.binomial(1, 0.3, SIZE)",
      [](Gen& g, auto... s) { return g.binomial(1, 0.3, s...); });
  gen("binomial(20,0.3)", "g.binomial(20, 0.3, SIZE)",
      [](Gen& g, auto... s) { return g.binomial(20, 0.3, s...); });
  gen("binomial(100,0.3)", "g.binomial(100, 0.3, SIZE)",
      [](Gen& g, auto... s) { return g.binomial(100, 0.3, s...); });
  gen("binomial(1000,0.4)", "g.binomial(1000, 0.4, SIZE)",
      [](Gen& g, auto... s) { return g.binomial(1000, 0.4, s...); });
  gen("poisson(3)", "g.poisson(3.0, SIZE)", [](Gen& g, auto... s) { return g.poisson(3.0, s...); });
  gen("poisson(100)", "g.poisson(100.0, SIZE)",
      [](Gen& g, auto... s) { return g.poisson(100.0, s...); });
  gen("geometric(0.2)", "g.geometric(0.2, SIZE)",
      [](Gen& g, auto... s) { return g.geometric(0.2, s...); });
  gen("geometric(0.5)", "g.geometric(0.5, SIZE)",
      [](Gen& g, auto... s) { return g.geometric(0.5, s...); });
  gen("negative_binomial(5,0.3)", "g.negative_binomial(5.0, 0.3, SIZE)",
      [](Gen& g, auto... s) { return g.negative_binomial(5.0, 0.3, s...); });
  gen("hypergeometric(100,200,50)", "g.hypergeometric(100, 200, 50, SIZE)",
      [](Gen& g, auto... s) { return g.hypergeometric(100, 200, 50, s...); });
  gen("hypergeometric(100,200,5)", "g.hypergeometric(100, 200, 5, SIZE)",
      [](Gen& g, auto... s) { return g.hypergeometric(100, 200, 5, s...); });
  gen("logseries(0.9)", "g.logseries(0.9, SIZE)",
      [](Gen& g, auto... s) { return g.logseries(0.9, s...); });
  gen("zipf(2)", "g.zipf(2.0, SIZE)", [](Gen& g, auto... s) { return g.zipf(2.0, s...); });
  gen(
      "multinomial(100,[.2]*5)", "g.multinomial(100, [0.2] * 5, SIZE)",
      [](Gen& g, auto... s) {
        return g.multinomial(100, kP5Even, s...);
      },
      kRows);
  gen(
      "multivariate_hypergeometric(marginals)",
      "g.multivariate_hypergeometric([10, 20, 30, 40], 50, SIZE)",
      [](Gen& g, auto... s) {
        return g.multivariate_hypergeometric(kColors4, 50, s...);
      },
      kRows);
  gen(
      "multivariate_hypergeometric(count)",
      "g.multivariate_hypergeometric([10, 20, 30, 40], 50, SIZE, method='count')",
      [](Gen& g, auto... s) {
        return g.multivariate_hypergeometric(kColors4, 50, s...,
                                             "count");
      },
      kRows);

  // Sampling and permutations.
  gen("choice(1000)", "g.choice(1000, SIZE)",
      [](Gen& g, auto... s) { return g.choice(std::int64_t{1000}, s...); });
  gen(
      "choice(5,p)", "g.choice(5, SIZE, p=p5)",
      [](Gen& g, auto... s) {
        if constexpr (sizeof...(s) == 0) {
          return g.choice(std::int64_t{5}, kP5);
        } else {
          return g.choice(std::int64_t{5}, s..., true, kP5);
        }
      },
      nprandom_bench::kBlock, kP5Py);
  gen(
      "choice(100,p)", "g.choice(100, SIZE, p=p100)",
      [](Gen& g, auto... s) {
        if constexpr (sizeof...(s) == 0) {
          return g.choice(std::int64_t{100}, kP100);
        } else {
          return g.choice(std::int64_t{100}, s..., true, kP100);
        }
      },
      nprandom_bench::kBlock, kP100Py);
  gen<kSized>(
      "choice(10**6,replace=False)", "g.choice(10**6, SIZE, replace=False)",
      [](Gen& g, std::size_t n) { return g.choice(std::int64_t{1000000}, n, false); }, 1000);
  gen<kSized>(
      "choice(100,replace=False,p)", "g.choice(100, SIZE, replace=False, p=p100)",
      [](Gen& g, std::size_t n) { return g.choice(std::int64_t{100}, n, false, kP100); }, 50,
      kP100Py);
  gen<kSized>("permutation(N)", "g.permutation(SIZE)",
              [](Gen& g, std::size_t n) { return g.permutation(static_cast<std::int64_t>(n)); });
  {
    auto x = std::make_shared<std::vector<std::int64_t>>(nprandom_bench::kBlock);
    for (std::size_t i = 0; i < x->size(); ++i) (*x)[i] = static_cast<std::int64_t>(i);
    gen<kSized>(
        "shuffle(arange(N))", "g.shuffle(x)",
        [x](Gen& g, std::size_t) {
          g.shuffle(*x);
          return x->data();
        },
        nprandom_bench::kBlock, "x = np.arange(N)");
    gen<kSized>(
        "permuted(arange(N))", "g.permuted(x)", [x](Gen& g, std::size_t) { return g.permuted(*x); },
        nprandom_bench::kBlock, "x = np.arange(N)");
  }
  return true;
}();

}  // namespace
