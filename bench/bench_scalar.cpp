// Scalar (size=None) calls against their sized twins, per value: the "scalar within 1.5x of
// sized" goal of issue 12. Each iteration makes kScalarBlock one-value calls ("scalar.<key>"),
// or one sized call of kScalarBlock values ("<key>", where bench_generator has no such key).
// NumPy's scalar calls are dominated by Python's per-call overhead, so bench_compare.py times
// no NumPy twin for the "scalar." keys.
#include "bench_common.hpp"

#include <nprandom/generator.hpp>
#include <nprandom/legacy/random_state.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kScalarBlock = 100000;

using Gen = nprandom::Generator<nprandom::PCG64>;
using RS = nprandom::RandomState;

Gen make_gen() { return Gen(nprandom::PCG64(42)); }
RS make_rs() { return RS(42); }

// Registers "scalar.<key>" (n calls of `one`) and, when `sized` is given, "<key>" (one call).
template <class Make, class One>
void scalar(const std::string& key, Make make, One one) {
  using E = decltype(make());
  nprandom_bench::add(
      "scalar." + key, make,
      [one](E& e, std::size_t n) {
        using R = decltype(one(e));
        R acc{};
        for (std::size_t i = 0; i < n; ++i) acc += one(e);
        return acc;
      },
      kScalarBlock);
}
template <class Make, class Sized>
void sized(const std::string& key, Make make, Sized body) {
  nprandom_bench::add(key, make, body, kScalarBlock);
}

const bool registered = [] {
  scalar("Generator.random", make_gen, [](Gen& g) { return g.random(); });
  scalar("Generator.standard_normal", make_gen, [](Gen& g) { return g.standard_normal(); });
  scalar("Generator.standard_exponential", make_gen,
         [](Gen& g) { return g.standard_exponential(); });
  scalar("Generator.integers(0,1000)", make_gen,
         [](Gen& g) { return g.integers(std::int64_t{0}, std::int64_t{1000}); });
  scalar("Generator.integers<int32>(0,1000)", make_gen,
         [](Gen& g) { return g.integers<std::int32_t>(0, 1000); });
  scalar("Generator.integers<uint8>(0,200)", make_gen,
         [](Gen& g) { return static_cast<int>(g.integers<std::uint8_t>(0, 200)); });
  scalar("Generator.poisson(3)", make_gen, [](Gen& g) { return g.poisson(3.0); });
  scalar("Generator.poisson(100)", make_gen, [](Gen& g) { return g.poisson(100.0); });
  scalar("Generator.binomial(20,0.3)", make_gen, [](Gen& g) { return g.binomial(20, 0.3); });
  scalar("Generator.binomial(100,0.3)", make_gen, [](Gen& g) { return g.binomial(100, 0.3); });
  sized("Generator.binomial(100,0.3)", make_gen,
        [](Gen& g, std::size_t n) { return g.binomial(100, 0.3, n); });
  scalar("Generator.binomial(1000,0.4)", make_gen, [](Gen& g) { return g.binomial(1000, 0.4); });
  scalar("Generator.geometric", make_gen, [](Gen& g) { return g.geometric(0.2); });
  scalar("Generator.hypergeometric", make_gen,
         [](Gen& g) { return g.hypergeometric(100, 200, 50); });
  sized("Generator.integers<bool>(0,2)", make_gen,
        [](Gen& g, std::size_t n) { return g.integers<bool>(0, 2, n); });
  sized("Generator.bytes", make_gen, [](Gen& g, std::size_t n) { return g.bytes(n); });

  scalar("RandomState.random_sample", make_rs, [](RS& r) { return r.random_sample(); });
  scalar("RandomState.standard_normal", make_rs, [](RS& r) { return r.standard_normal(); });
  scalar("RandomState.poisson(3)", make_rs, [](RS& r) { return r.poisson(3.0); });
  scalar("RandomState.binomial(20,0.3)", make_rs, [](RS& r) { return r.binomial(20, 0.3); });
  scalar("RandomState.binomial(1000,0.5)", make_rs, [](RS& r) { return r.binomial(1000, 0.5); });
  sized("RandomState.binomial(1000,0.5)", make_rs,
        [](RS& r, std::size_t n) { return r.binomial(1000, 0.5, n); });
  // One row of 5 categories per value.
  sized("RandomState.multinomial(100,[.2]*5)", make_rs, [](RS& r, std::size_t n) {
    return r.multinomial(100, std::vector<double>{0.2, 0.2, 0.2, 0.2, 0.2}, n);
  });
  sized("Generator.multinomial(100,[.2]*5)", make_gen, [](Gen& g, std::size_t n) {
    return g.multinomial(100, std::vector<double>{0.2, 0.2, 0.2, 0.2, 0.2}, n);
  });
  return true;
}();

}  // namespace
