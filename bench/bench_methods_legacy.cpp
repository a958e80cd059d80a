// Every numpy.random.RandomState method, sized and scalar, each row listing its NumPy twin next to
// the C++ call (see nprandom_bench::method in bench_common.hpp); then the scalar comparisons with
// <random> (std:: distributions over std::mt19937_64) and, when CMake found Boost
// (NPRANDOM_BENCH_HAVE_BOOST), Boost.Random (over boost::random::mt19937_64). A comparison is
// named "std/<key>" / "boost/<key>" after the nprandom case it stands next to in the report.
#include "bench_common.hpp"

#include <nprandom/generator.hpp>
#include <nprandom/legacy/random_state.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#if defined(NPRANDOM_BENCH_HAVE_BOOST)
#include <boost/random.hpp>
#endif

namespace {

using nprandom_bench::kBoth;
using nprandom_bench::kSized;
using RS = nprandom::RandomState;

const char* const kRsSetup = "rs = np.random.RandomState(42)";

RS make_rs() { return RS(42); }

template <unsigned F = kBoth, class Call>
void rs(const std::string& name, const std::string& stmt, Call call,
        std::size_t n = nprandom_bench::kBlock, const std::string& extra_setup = "") {
  nprandom_bench::method<F>("RandomState." + name,
                            extra_setup.empty() ? std::string(kRsSetup)
                                                : std::string(kRsSetup) + "; " + extra_setup,
                            stmt, make_rs, call, n);
}

const std::vector<double> kP5{0.1, 0.2, 0.3, 0.25, 0.15};
// Vector arguments are built once, as the Python setup builds its lists: a case times the call,
// not the construction of its arguments.
const std::vector<double> kAlpha123{1.0, 2.0, 3.0};
const std::vector<double> kAlpha234{2.0, 3.0, 4.0};  // every alpha > 1: the batched gammas
const std::vector<double> kP5Even{0.2, 0.2, 0.2, 0.2, 0.2};
const std::vector<double> kMean3{0.0, 1.0, 2.0};
const std::vector<std::vector<double>> kCov3{{2.0, 0.5, 0.1}, {0.5, 1.0, 0.2}, {0.1, 0.2, 1.5}};
const char* const kP5Py = "p5 = [0.1, 0.2, 0.3, 0.25, 0.15]";
constexpr std::size_t kRows = 100000;  // multivariate cases: rows per call

const bool registered_rs = [] {
  // Uniforms and integers.
  rs("random_sample", "rs.random_sample(SIZE)",
     [](RS& r, auto... s) { return r.random_sample(s...); });
  rs("random", "rs.random(SIZE)", [](RS& r, auto... s) { return r.random(s...); });
  rs("rand", "rs.rand(SIZE)", [](RS& r, auto... s) { return r.rand(s...); });
  rs("uniform(-1,1)", "rs.uniform(-1.0, 1.0, SIZE)",
     [](RS& r, auto... s) { return r.uniform(-1.0, 1.0, s...); });
  rs("randint(0,1000)", "rs.randint(0, 1000, SIZE)",
     [](RS& r, auto... s) { return r.randint(0, 1000, s...); });
  rs("randint<int32>(0,1000)", "rs.randint(0, 1000, SIZE, dtype=np.int32)",
     [](RS& r, auto... s) { return r.randint<std::int32_t>(0, 1000, s...); });
  rs("randint<uint8>(0,200)", "rs.randint(0, 200, SIZE, dtype=np.uint8)",
     [](RS& r, auto... s) { return r.randint<std::uint8_t>(0, 200, s...); });
  rs("randint<bool>(0,2)", "rs.randint(0, 2, SIZE, dtype=bool)",
     [](RS& r, auto... s) { return r.randint<bool>(0, 2, s...); });
  rs("random_integers(1,1000)", "rs.random_integers(1, 1000, SIZE)",
     [](RS& r, auto... s) { return r.random_integers(1, 1000, s...); });
  rs("tomaxint", "rs.tomaxint(SIZE)", [](RS& r, auto... s) { return r.tomaxint(s...); });
  rs<kSized>("bytes", "rs.bytes(SIZE)", [](RS& r, std::size_t n) { return r.bytes(n); });

  // Normal family.
  rs("standard_normal", "rs.standard_normal(SIZE)",
     [](RS& r, auto... s) { return r.standard_normal(s...); });
  rs("randn", "rs.randn(SIZE)", [](RS& r, auto... s) { return r.randn(s...); });
  rs("normal(1,2)", "rs.normal(1.0, 2.0, SIZE)",
     [](RS& r, auto... s) { return r.normal(1.0, 2.0, s...); });
  rs("lognormal(0,1)", "rs.lognormal(0.0, 1.0, SIZE)",
     [](RS& r, auto... s) { return r.lognormal(0.0, 1.0, s...); });
  rs(
      "multivariate_normal(3)", "rs.multivariate_normal(mean3, cov3, SIZE)",
      [](RS& r, auto... s) { return r.multivariate_normal(kMean3, kCov3, s...); },
      kRows, "mean3 = [0.0, 1.0, 2.0]; cov3 = [[2.0, 0.5, 0.1], [0.5, 1.0, 0.2], [0.1, 0.2, 1.5]]");

  // Exponential and gamma family.
  rs("standard_exponential", "rs.standard_exponential(SIZE)",
     [](RS& r, auto... s) { return r.standard_exponential(s...); });
  rs("exponential(2)", "rs.exponential(2.0, SIZE)",
     [](RS& r, auto... s) { return r.exponential(2.0, s...); });
  rs("standard_gamma(0.5)", "rs.standard_gamma(0.5, SIZE)",
     [](RS& r, auto... s) { return r.standard_gamma(0.5, s...); });
  rs("standard_gamma(1)", "rs.standard_gamma(1.0, SIZE)",
     [](RS& r, auto... s) { return r.standard_gamma(1.0, s...); });
  rs("standard_gamma(2.5)", "rs.standard_gamma(2.5, SIZE)",
     [](RS& r, auto... s) { return r.standard_gamma(2.5, s...); });
  rs("gamma(2,3)", "rs.gamma(2.0, 3.0, SIZE)",
     [](RS& r, auto... s) { return r.gamma(2.0, 3.0, s...); });
  rs("beta(0.5,0.5)", "rs.beta(0.5, 0.5, SIZE)",
     [](RS& r, auto... s) { return r.beta(0.5, 0.5, s...); });
  rs("beta(2,3)", "rs.beta(2.0, 3.0, SIZE)",
     [](RS& r, auto... s) { return r.beta(2.0, 3.0, s...); });
  rs("chisquare(3)", "rs.chisquare(3.0, SIZE)",
     [](RS& r, auto... s) { return r.chisquare(3.0, s...); });
  rs("noncentral_chisquare(3,2)", "rs.noncentral_chisquare(3.0, 2.0, SIZE)",
     [](RS& r, auto... s) { return r.noncentral_chisquare(3.0, 2.0, s...); });
  rs("noncentral_chisquare(0.5,2)", "rs.noncentral_chisquare(0.5, 2.0, SIZE)",
     [](RS& r, auto... s) { return r.noncentral_chisquare(0.5, 2.0, s...); });
  rs("f(5,10)", "rs.f(5.0, 10.0, SIZE)", [](RS& r, auto... s) { return r.f(5.0, 10.0, s...); });
  rs("noncentral_f(3,20,3)", "rs.noncentral_f(3.0, 20.0, 3.0, SIZE)",
     [](RS& r, auto... s) { return r.noncentral_f(3.0, 20.0, 3.0, s...); });
  rs("standard_t(10)", "rs.standard_t(10.0, SIZE)",
     [](RS& r, auto... s) { return r.standard_t(10.0, s...); });
  rs(
      "dirichlet([1,2,3])", "rs.dirichlet([1.0, 2.0, 3.0], SIZE)",
      [](RS& r, auto... s) { return r.dirichlet(kAlpha123, s...); },
      kRows);
  rs(
      "dirichlet([2,3,4])", "rs.dirichlet([2.0, 3.0, 4.0], SIZE)",
      [](RS& r, auto... s) { return r.dirichlet(kAlpha234, s...); },
      kRows);

  // Other continuous.
  rs("standard_cauchy", "rs.standard_cauchy(SIZE)",
     [](RS& r, auto... s) { return r.standard_cauchy(s...); });
  rs("laplace(0,1)", "rs.laplace(0.0, 1.0, SIZE)",
     [](RS& r, auto... s) { return r.laplace(0.0, 1.0, s...); });
  rs("logistic(0,1)", "rs.logistic(0.0, 1.0, SIZE)",
     [](RS& r, auto... s) { return r.logistic(0.0, 1.0, s...); });
  rs("gumbel(0,1)", "rs.gumbel(0.0, 1.0, SIZE)",
     [](RS& r, auto... s) { return r.gumbel(0.0, 1.0, s...); });
  rs("pareto(3)", "rs.pareto(3.0, SIZE)", [](RS& r, auto... s) { return r.pareto(3.0, s...); });
  rs("power(3)", "rs.power(3.0, SIZE)", [](RS& r, auto... s) { return r.power(3.0, s...); });
  rs("weibull(2)", "rs.weibull(2.0, SIZE)", [](RS& r, auto... s) { return r.weibull(2.0, s...); });
  rs("rayleigh(1)", "rs.rayleigh(1.0, SIZE)",
     [](RS& r, auto... s) { return r.rayleigh(1.0, s...); });
  rs("wald(1,2)", "rs.wald(1.0, 2.0, SIZE)",
     [](RS& r, auto... s) { return r.wald(1.0, 2.0, s...); });
  rs("triangular(0,0.5,1)", "rs.triangular(0.0, 0.5, 1.0, SIZE)",
     [](RS& r, auto... s) { return r.triangular(0.0, 0.5, 1.0, s...); });
  rs("vonmises(0,4)", "rs.vonmises(0.0, 4.0, SIZE)",
     [](RS& r, auto... s) { return r.vonmises(0.0, 4.0, s...); });

  // Discrete.
  rs("binomial(20,0.3)", "rs.binomial(20, 0.3, SIZE)",
     [](RS& r, auto... s) { return r.binomial(20, 0.3, s...); });
  rs("binomial(1000,0.5)", "rs.binomial(1000, 0.5, SIZE)",
     [](RS& r, auto... s) { return r.binomial(1000, 0.5, s...); });
  rs("poisson(3)", "rs.poisson(3.0, SIZE)", [](RS& r, auto... s) { return r.poisson(3.0, s...); });
  rs("poisson(50)", "rs.poisson(50.0, SIZE)",
     [](RS& r, auto... s) { return r.poisson(50.0, s...); });
  rs("geometric(0.2)", "rs.geometric(0.2, SIZE)",
     [](RS& r, auto... s) { return r.geometric(0.2, s...); });
  rs("geometric(0.5)", "rs.geometric(0.5, SIZE)",
     [](RS& r, auto... s) { return r.geometric(0.5, s...); });
  rs("negative_binomial(5,0.3)", "rs.negative_binomial(5.0, 0.3, SIZE)",
     [](RS& r, auto... s) { return r.negative_binomial(5.0, 0.3, s...); });
  rs("hypergeometric(100,200,50)", "rs.hypergeometric(100, 200, 50, SIZE)",
     [](RS& r, auto... s) { return r.hypergeometric(100, 200, 50, s...); });
  rs("hypergeometric(100,200,5)", "rs.hypergeometric(100, 200, 5, SIZE)",
     [](RS& r, auto... s) { return r.hypergeometric(100, 200, 5, s...); });
  rs("logseries(0.9)", "rs.logseries(0.9, SIZE)",
     [](RS& r, auto... s) { return r.logseries(0.9, s...); });
  rs("zipf(2)", "rs.zipf(2.0, SIZE)", [](RS& r, auto... s) { return r.zipf(2.0, s...); });
  rs(
      "multinomial(100,[.2]*5)", "rs.multinomial(100, [0.2] * 5, SIZE)",
      [](RS& r, auto... s) {
        return r.multinomial(100, kP5Even, s...);
      },
      kRows);

  // Sampling and permutations.
  rs("choice(1000)", "rs.choice(1000, SIZE)",
     [](RS& r, auto... s) { return r.choice(std::int64_t{1000}, s...); });
  rs(
      "choice(5,p)", "rs.choice(5, SIZE, p=p5)",
      [](RS& r, auto... s) { return r.choice(std::int64_t{5}, s..., true, kP5); },
      nprandom_bench::kBlock, kP5Py);
  rs<kSized>(
      "choice(10**4,replace=False)", "rs.choice(10**4, SIZE, replace=False)",
      [](RS& r, std::size_t n) { return r.choice(std::int64_t{10000}, n, false); }, 1000);
  rs<kSized>("permutation(N)", "rs.permutation(SIZE)",
             [](RS& r, std::size_t n) { return r.permutation(static_cast<std::int64_t>(n)); });
  {
    auto x = std::make_shared<std::vector<std::int64_t>>(nprandom_bench::kBlock);
    for (std::size_t i = 0; i < x->size(); ++i) (*x)[i] = static_cast<std::int64_t>(i);
    rs<kSized>(
        "shuffle(arange(N))", "rs.shuffle(x)",
        [x](RS& r, std::size_t) {
          r.shuffle(*x);
          return x->data();
        },
        nprandom_bench::kBlock, "x = np.arange(N)");
  }
  return true;
}();

// <random> and Boost.Random next to the Generator case of the same distribution. Parameters
// match NumPy's (std::exponential_distribution takes the rate, 1/scale); std:: and boost::
// geometric count failures, NumPy trials (a +1 that costs nothing); bernoulli stands next to
// binomial(1, p) and discrete_distribution next to choice(5, p=p5).
template <class Engine, class Uniform, class UniformInt, class Normal, class Exponential,
          class Gamma, class Poisson, class Binomial, class Geometric, class Lognormal,
          class ChiSquared, class Cauchy, class StudentT, class FisherF, class Weibull,
          class ExtremeValue, class Bernoulli, class NegBinomial, class Discrete>
void versus_all(const std::string& lib) {
  using nprandom_bench::versus;
  versus<Engine>(lib, "Generator.uniform(-1,1)", Uniform(-1.0, 1.0));
  versus<Engine>(lib, "Generator.integers(0,1000)", UniformInt(0, 999));
  versus<Engine>(lib, "Generator.normal(1,2)", Normal(1.0, 2.0));
  versus<Engine>(lib, "Generator.standard_normal", Normal(0.0, 1.0));
  versus<Engine>(lib, "Generator.standard_exponential", Exponential(1.0));
  versus<Engine>(lib, "Generator.exponential(2)", Exponential(0.5));
  versus<Engine>(lib, "Generator.standard_gamma(0.5)", Gamma(0.5, 1.0));
  versus<Engine>(lib, "Generator.standard_gamma(1)", Gamma(1.0, 1.0));
  versus<Engine>(lib, "Generator.standard_gamma(2.5)", Gamma(2.5, 1.0));
  versus<Engine>(lib, "Generator.gamma(2,3)", Gamma(2.0, 3.0));
  versus<Engine>(lib, "Generator.poisson(3)", Poisson(3.0));
  versus<Engine>(lib, "Generator.poisson(100)", Poisson(100.0));
  versus<Engine>(lib, "Generator.binomial(1,0.3)", Bernoulli(0.3));
  versus<Engine>(lib, "Generator.binomial(20,0.3)", Binomial(20, 0.3));
  versus<Engine>(lib, "Generator.binomial(100,0.3)", Binomial(100, 0.3));
  versus<Engine>(lib, "Generator.binomial(1000,0.4)", Binomial(1000, 0.4));
  versus<Engine>(lib, "Generator.geometric(0.2)", Geometric(0.2));
  versus<Engine>(lib, "Generator.geometric(0.5)", Geometric(0.5));
  versus<Engine>(lib, "Generator.lognormal(0,1)", Lognormal(0.0, 1.0));
  versus<Engine>(lib, "Generator.chisquare(3)", ChiSquared(3.0));
  versus<Engine>(lib, "Generator.standard_cauchy", Cauchy(0.0, 1.0));
  versus<Engine>(lib, "Generator.standard_t(10)", StudentT(10.0));
  versus<Engine>(lib, "Generator.f(5,10)", FisherF(5.0, 10.0));
  versus<Engine>(lib, "Generator.weibull(2)", Weibull(2.0, 1.0));
  versus<Engine>(lib, "Generator.gumbel(0,1)", ExtremeValue(0.0, 1.0));
  versus<Engine>(lib, "Generator.negative_binomial(5,0.3)", NegBinomial(5, 0.3));
  versus<Engine>(lib, "Generator.choice(5,p)", Discrete(kP5.begin(), kP5.end()));
}

const bool registered_versus = [] {
  versus_all<std::mt19937_64, std::uniform_real_distribution<double>,
             std::uniform_int_distribution<std::int64_t>, std::normal_distribution<double>,
             std::exponential_distribution<double>, std::gamma_distribution<double>,
             std::poisson_distribution<std::int64_t>, std::binomial_distribution<std::int64_t>,
             std::geometric_distribution<std::int64_t>, std::lognormal_distribution<double>,
             std::chi_squared_distribution<double>, std::cauchy_distribution<double>,
             std::student_t_distribution<double>, std::fisher_f_distribution<double>,
             std::weibull_distribution<double>, std::extreme_value_distribution<double>,
             std::bernoulli_distribution, std::negative_binomial_distribution<std::int64_t>,
             std::discrete_distribution<std::int64_t>>("std");
#if defined(NPRANDOM_BENCH_HAVE_BOOST)
  namespace br = boost::random;
  versus_all<br::mt19937_64, br::uniform_real_distribution<double>,
             br::uniform_int_distribution<std::int64_t>, br::normal_distribution<double>,
             br::exponential_distribution<double>, br::gamma_distribution<double>,
             br::poisson_distribution<std::int64_t>, br::binomial_distribution<std::int64_t>,
             br::geometric_distribution<std::int64_t>, br::lognormal_distribution<double>,
             br::chi_squared_distribution<double>, br::cauchy_distribution<double>,
             br::student_t_distribution<double>, br::fisher_f_distribution<double>,
             br::weibull_distribution<double>, br::extreme_value_distribution<double>,
             br::bernoulli_distribution<double>,
             br::negative_binomial_distribution<std::int64_t>,
             br::discrete_distribution<std::int64_t>>("boost");
#endif
  return true;
}();

}  // namespace
