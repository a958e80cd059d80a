// Sized draws (NumPy: size=10**6) through Generator<PCG64> and the legacy RandomState (MT19937).
// Each benchmark is named by the key tools/bench_compare.py uses to time the same NumPy call.
#include "bench_common.hpp"

#include <nprandom/generator.hpp>
#include <nprandom/legacy/random_state.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

using Gen = nprandom::Generator<nprandom::PCG64>;

Gen make_gen() { return Gen(nprandom::PCG64(42)); }

template <class Body>
void gen(const char* key, Body body) {
  nprandom_bench::add(key, make_gen, body);
}

using RS = nprandom::RandomState;

RS make_rs() { return RS(42); }

template <class Body>
void rs(const char* key, Body body) {
  nprandom_bench::add(key, make_rs, body);
}

const bool registered = [] {
  gen("Generator.random", [](Gen& g, std::size_t n) { return g.random(n); });
  gen("Generator.random<float>", [](Gen& g, std::size_t n) { return g.random<float>(n); });
  gen("Generator.standard_normal", [](Gen& g, std::size_t n) { return g.standard_normal(n); });
  gen("Generator.standard_normal<float>",
      [](Gen& g, std::size_t n) { return g.standard_normal<float>(n); });
  gen("Generator.normal", [](Gen& g, std::size_t n) { return g.normal(1.0, 2.0, n); });
  gen("Generator.standard_exponential",
      [](Gen& g, std::size_t n) { return g.standard_exponential(n); });
  gen("Generator.standard_gamma(2.5)",
      [](Gen& g, std::size_t n) { return g.standard_gamma(2.5, n); });
  gen("Generator.standard_gamma(0.5)",
      [](Gen& g, std::size_t n) { return g.standard_gamma(0.5, n); });
  gen("Generator.integers(0,1000)", [](Gen& g, std::size_t n) { return g.integers(0, 1000, n); });
  gen("Generator.integers<int32>(0,1000)",
      [](Gen& g, std::size_t n) { return g.integers<std::int32_t>(0, 1000, n); });
  gen("Generator.integers<uint8>(0,200)",
      [](Gen& g, std::size_t n) { return g.integers<std::uint8_t>(0, 200, n); });
  gen("Generator.uniform", [](Gen& g, std::size_t n) { return g.uniform(-1.0, 1.0, n); });
  gen("Generator.beta", [](Gen& g, std::size_t n) { return g.beta(2.0, 3.0, n); });
  gen("Generator.chisquare", [](Gen& g, std::size_t n) { return g.chisquare(3.0, n); });
  gen("Generator.lognormal", [](Gen& g, std::size_t n) { return g.lognormal(0.0, 1.0, n); });
  gen("Generator.poisson(3)", [](Gen& g, std::size_t n) { return g.poisson(3.0, n); });
  gen("Generator.poisson(100)", [](Gen& g, std::size_t n) { return g.poisson(100.0, n); });
  gen("Generator.binomial(20,0.3)", [](Gen& g, std::size_t n) { return g.binomial(20, 0.3, n); });
  gen("Generator.binomial(1000,0.4)",
      [](Gen& g, std::size_t n) { return g.binomial(1000, 0.4, n); });
  gen("Generator.geometric", [](Gen& g, std::size_t n) { return g.geometric(0.2, n); });
  gen("Generator.hypergeometric",
      [](Gen& g, std::size_t n) { return g.hypergeometric(100, 200, 50, n); });
  gen("Generator.choice", [](Gen& g, std::size_t n) { return g.choice(1000, n); });
  gen("Generator.permutation",
      [](Gen& g, std::size_t n) { return g.permutation(static_cast<std::int64_t>(n)); });

  rs("RandomState.rand", [](RS& r, std::size_t n) { return r.rand(n); });
  rs("RandomState.randn", [](RS& r, std::size_t n) { return r.randn(n); });
  rs("RandomState.randint(0,1000)", [](RS& r, std::size_t n) { return r.randint(0, 1000, n); });
  rs("RandomState.standard_exponential",
     [](RS& r, std::size_t n) { return r.standard_exponential(n); });
  rs("RandomState.standard_gamma(2.5)",
     [](RS& r, std::size_t n) { return r.standard_gamma(2.5, n); });
  rs("RandomState.normal", [](RS& r, std::size_t n) { return r.normal(1.0, 2.0, n); });
  rs("RandomState.poisson(3)", [](RS& r, std::size_t n) { return r.poisson(3.0, n); });
  rs("RandomState.binomial(20,0.3)", [](RS& r, std::size_t n) { return r.binomial(20, 0.3, n); });
  rs("RandomState.beta", [](RS& r, std::size_t n) { return r.beta(2.0, 3.0, n); });
  return true;
}();

}  // namespace
