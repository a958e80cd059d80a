// One harness for every sized path: for each method and each bit generator, a sized call gives
// the values and the final bit-generator state of the same number of one-value calls, from a
// fresh state and from odd starting points (a buffered 32-bit half-word; a scalar cache already
// holding another parameter set). Covers the local engine copies of the fills
// (detail/engine_core.hpp), the BINV table and the scalar setup caches (binomial_sampler,
// poisson_sampler), and the word-at-a-time bool and bytes paths.
#include "support/catch.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/generator.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace {

using nprandom::Generator;

const std::size_t kCounts[] = {0, 1, 2, 3, 17, 64, 65, 127, 128, 129, 300, 1001};

// Two generators in the same state; `offset` = 1 draws one next_uint32 first (a buffered half).
template <class BitGen>
std::pair<Generator<BitGen>, Generator<BitGen>> twins(int offset) {
  Generator<BitGen> a{BitGen(20241126)}, b{BitGen(20241126)};
  for (int i = 0; i < offset; ++i) {
    (void)a.bit_generator().next_uint32();
    (void)b.bit_generator().next_uint32();
  }
  return {std::move(a), std::move(b)};
}

// sized(g, n) must equal n calls of one(g), values and final state.
template <class BitGen, class Sized, class One>
void check(const char* what, Sized sized, One one) {
  for (int offset : {0, 1}) {
    for (std::size_t n : kCounts) {
      CAPTURE(what, offset, n);
      auto gens = twins<BitGen>(offset);
      auto& bulk = gens.first;
      auto& scalar = gens.second;
      const auto got = sized(bulk, n);
      REQUIRE(got.size() == n);
      for (std::size_t i = 0; i < n; ++i) {
        const auto want = one(scalar);
        CAPTURE(i);
        if constexpr (std::is_floating_point<std::decay_t<decltype(want)>>::value) {
          std::decay_t<decltype(want)> g = got[i];
          REQUIRE(std::memcmp(&g, &want, sizeof g) == 0);  // bit for bit
        } else {
          REQUIRE(got[i] == want);
        }
      }
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
  // Binomial: inversion (n*p <= 30, with and without reflection) and BTPE; the scalar cache is
  // first filled with another (n, p) so that a stale setup would show.
  for (auto np : {std::pair<std::int64_t, double>{100, 0.3},
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
  for (double lam : {0.0, 3.0, 9.99, 10.0, 100.0, 1e6}) {
    CAPTURE(lam);
    check<BitGen>(
        "poisson", [lam](G& g, std::size_t n) { return g.poisson(lam, n); },
        [lam](G& g) { return g.poisson(lam); });
  }
}

TEMPLATE_TEST_CASE("sized == scalar for every method", "[bulk]", nprandom::PCG64,
                   nprandom::PCG64DXSM, nprandom::SFC64, nprandom::MT19937, nprandom::Philox) {
  check_all<TestType>();
}

// bool and bytes: the word-at-a-time sized forms against the per-bit / per-word fill reference.
TEMPLATE_TEST_CASE("integers<bool> and bytes word-at-a-time", "[bulk]", nprandom::PCG64,
                   nprandom::PCG64DXSM, nprandom::SFC64, nprandom::MT19937, nprandom::Philox) {
  for (int offset : {0, 1}) {
    for (std::size_t n : kCounts) {
      CAPTURE(offset, n);
      auto gens = twins<TestType>(offset);
      const std::vector<bool> v = gens.first.template integers<bool>(0, 2, n);
      std::unique_ptr<bool[]> ref(new bool[n + 1]);
      gens.second.integers(0, 1, ref.get(), n, true);
      for (std::size_t i = 0; i < n; ++i) REQUIRE(v[i] == ref[i]);
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
}

}  // namespace
