// nprandom/parallel.hpp: the multi-threaded fills give the sequential call's values and final
// state (buffered 32-bit half and Philox block buffer included), for several sizes -- n smaller
// than the thread count among them -- thread counts and starting offsets.
#include "support/catch.hpp"

#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/generator.hpp>
#include <nprandom/parallel.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using nprandom::Generator;

const std::size_t kCounts[] = {0, 1, 2, 3, 5, 7, 8, 9, 31, 64, 65, 127, 1000, 4099};
const std::size_t kThreads[] = {1, 2, 3, 4, 8};

// A generator moved to an odd point of its stream: `words` next_uint64 draws, then `halves`
// next_uint32 draws (1: a buffered half-word pending).
template <class BitGen>
Generator<BitGen> start(int words, int halves) {
  Generator<BitGen> g(BitGen(20261129));
  for (int i = 0; i < words; ++i) (void)g.bit_generator().next_uint64();
  for (int i = 0; i < halves; ++i) (void)g.bit_generator().next_uint32();
  return g;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// words 0..3: every position in Philox's 4-word output block (PCG64 has no word buffer).
template <class BitGen, class Seq, class Par>
void check_all(Seq seq, Par par) {
  for (int words = 0; words < 4; ++words) {
    for (int halves = 0; halves < 2; ++halves) {
      for (std::size_t n : kCounts) {
        for (std::size_t threads : kThreads) {
          Generator<BitGen> a = start<BitGen>(words, halves);
          Generator<BitGen> b = start<BitGen>(words, halves);
          const auto x = seq(a, n);
          const auto y = par(b, n, threads);
          INFO("words " << words << " halves " << halves << " n " << n << " threads " << threads);
          REQUIRE(x == y);
          REQUIRE(a.bit_generator() == b.bit_generator());
          // and the streams go on alike
          REQUIRE(a.bit_generator().next_uint32() == b.bit_generator().next_uint32());
          REQUIRE(a.bit_generator().next_uint64() == b.bit_generator().next_uint64());
        }
      }
    }
  }
}

}  // namespace

TEMPLATE_TEST_CASE("parallel fills equal the sequential call", "[parallel]", nprandom::PCG64,
                   nprandom::PCG64DXSM, nprandom::Philox) {
  using G = Generator<TestType>;
  SECTION("random_raw") {
    check_all<TestType>(
        [](G& g, std::size_t n) {
          std::vector<std::uint64_t> v(n);
          g.bit_generator().random_raw(v.data(), n);
          return v;
        },
        [](G& g, std::size_t n, std::size_t t) {
          std::vector<std::uint64_t> v(n);
          nprandom::parallel::random_raw(g, v.data(), n, t, 1);
          return v;
        });
  }
  SECTION("random") {
    check_all<TestType>(
        [](G& g, std::size_t n) {
          std::vector<double> v(n);
          g.random(v.data(), n);
          return v;
        },
        [](G& g, std::size_t n, std::size_t t) {
          std::vector<double> v(n);
          nprandom::parallel::random(g, v.data(), n, t, 1);
          return v;
        });
  }
  SECTION("uniform") {
    check_all<TestType>(
        [](G& g, std::size_t n) {
          std::vector<double> v(n);
          g.uniform(-3.0, 5.5, v.data(), n);
          return v;
        },
        [](G& g, std::size_t n, std::size_t t) {
          std::vector<double> v(n);
          nprandom::parallel::uniform(g, -3.0, 5.5, v.data(), n, t, 1);
          return v;
        });
  }
  SECTION("bytes") {
    check_all<TestType>(
        [](G& g, std::size_t n) { return g.bytes(n); },
        [](G& g, std::size_t n, std::size_t t) { return nprandom::parallel::bytes(g, n, t, 1); });
  }
}

TEST_CASE("parallel fills: default chunking, large n, errors", "[parallel]") {
  const std::size_t n = 300000;
  Generator<nprandom::PCG64> a(nprandom::PCG64(7)), b(nprandom::PCG64(7));
  std::vector<double> x(n), y(n);
  a.random(x.data(), n);
  nprandom::parallel::random(b, y.data(), n, 2);
  REQUIRE(same_bits(x, y));
  REQUIRE(a.bit_generator() == b.bit_generator());
  nprandom::parallel::random(b, y.data(), n);  // threads = hardware_concurrency()
  a.random(x.data(), n);
  REQUIRE(same_bits(x, y));
  REQUIRE(a.bit_generator() == b.bit_generator());

  Generator<nprandom::Philox> p(nprandom::Philox(7)), q(nprandom::Philox(7));
  REQUIRE(p.bytes(1000001) == nprandom::parallel::bytes(q, 1000001, 2, 1024));
  REQUIRE(p.bit_generator() == q.bit_generator());

  // the range check comes first; nothing is drawn
  const auto before = b.bit_generator();
  REQUIRE_THROWS_AS(nprandom::parallel::uniform(b, -1e308, 1e308, y.data(), n, 2),
                    std::overflow_error);
  REQUIRE(b.bit_generator() == before);
}
