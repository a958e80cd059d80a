// Sized fast paths (bulk half-word integers, shuffles, ziggurat fills, MT19937 block output) give
// exactly the values and the final bit-generator state of the equivalent scalar draws.
#include "support/catch.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/generator.hpp>
#include <nprandom/legacy/random_state.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

using nprandom::Generator;
namespace dist = nprandom::distributions;

const std::size_t kCounts[] = {0, 1, 2, 3, 15, 16, 17, 255, 256, 511, 512, 513, 1001, 4099};

// rng values: no rejections to speak of, ~1/3 and ~1/2 of the draws rejected.
const std::uint32_t kRanges[] = {999, 0xAAAAAAAAu, 0x80000004u};

template <class BitGen>
void check_integers_fast_path(std::uint64_t seed) {
  for (bool pre_buffered : {false, true}) {
    for (std::uint32_t rng : kRanges) {
      for (std::size_t n : kCounts) {
        CAPTURE(pre_buffered, rng, n);
        BitGen fast(seed);
        BitGen slow(seed);
        if (pre_buffered) {  // leave a half-word in the buffer
          (void)fast.next_uint32();
          (void)slow.next_uint32();
        }
        std::vector<std::uint64_t> got64(n), want64(n);
        dist::bounded_uint64_fill(fast, 7, rng, n, false, got64.data());
        for (auto& v : want64) v = 7 + dist::buffered_bounded_lemire_uint32(slow, rng);
        REQUIRE(got64 == want64);
        REQUIRE(fast == slow);
        std::vector<std::uint32_t> got32(n), want32(n);
        dist::bounded_uint32_fill(fast, 3u, rng, n, false, got32.data());
        for (auto& v : want32) v = 3u + dist::buffered_bounded_lemire_uint32(slow, rng);
        REQUIRE(got32 == want32);
        REQUIRE(fast == slow);
        REQUIRE(fast.next_uint32() == slow.next_uint32());
        REQUIRE(fast.random_raw() == slow.random_raw());
      }
    }
  }
}

}  // namespace

static_assert(nprandom::detail::uses_half_word_uint32<nprandom::PCG64>::value,
              "PCG64 takes the fast path");
static_assert(nprandom::detail::uses_half_word_uint32<nprandom::Philox>::value,
              "Philox takes the fast path");
static_assert(!nprandom::detail::uses_half_word_uint32<nprandom::MT19937>::value,
              "MT19937 has no half-words");

TEST_CASE("bounded 32-bit fills on half-words equal scalar draws and leave the same state") {
  check_integers_fast_path<nprandom::PCG64>(42);
  check_integers_fast_path<nprandom::PCG64DXSM>(1234);
  check_integers_fast_path<nprandom::SFC64>(5);
  check_integers_fast_path<nprandom::Philox>(77);
  check_integers_fast_path<nprandom::MT19937>(9);  // the generic path (no half-word buffer)
}

TEST_CASE("Generator sized integers/choice equal scalar calls and leave the same state") {
  for (std::size_t n : kCounts) {
    CAPTURE(n);
    Generator<nprandom::PCG64> a(nprandom::PCG64(2024));
    Generator<nprandom::PCG64> b(nprandom::PCG64(2024));
    (void)a.integers<std::int32_t>(0, 5);  // odd number of half-words consumed so far
    (void)b.integers<std::int32_t>(0, 5);
    const auto v64 = a.integers(-5, 1000, n);
    for (std::size_t i = 0; i < n; ++i) REQUIRE(v64[i] == b.integers(-5, 1000));
    const auto v32 = a.integers<std::int32_t>(0, 3000000000LL - 2147483648LL, n);
    for (std::size_t i = 0; i < n; ++i)
      REQUIRE(v32[i] == b.integers<std::int32_t>(0, 3000000000LL - 2147483648LL));
    const auto c = a.choice(1000, n);
    for (std::size_t i = 0; i < n; ++i) REQUIRE(c[i] == b.choice(1000));
    REQUIRE(a.bit_generator() == b.bit_generator());
    REQUIRE(a.bit_generator().random_raw() == b.bit_generator().random_raw());
  }
}

TEST_CASE("MT19937 block output (SIMD twist and tempering) equals one-at-a-time draws") {
  for (std::size_t skip :
       {std::size_t{0}, std::size_t{1}, std::size_t{623}, std::size_t{624}, std::size_t{625}}) {
    for (std::size_t n :
         {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{5}, std::size_t{623},
          std::size_t{624}, std::size_t{625}, std::size_t{1249}, std::size_t{5000}}) {
      CAPTURE(skip, n);
      nprandom::MT19937 fast(20240);
      nprandom::MT19937 slow(20240);
      for (std::size_t i = 0; i < skip; ++i) {
        (void)fast.next_uint32();
        (void)slow.next_uint32();
      }
      const auto raw = fast.random_raw(n);
      for (std::size_t i = 0; i < n; ++i) REQUIRE(raw[i] == slow.next_uint32());
      REQUIRE(fast == slow);
      std::vector<std::uint32_t> w(n);
      fast.fill_uint32(w.data(), n);
      for (std::size_t i = 0; i < n; ++i) REQUIRE(w[i] == slow.next_uint32());
      REQUIRE(fast == slow);
      REQUIRE(fast.random_raw() == slow.random_raw());
    }
  }
}

TEST_CASE("MT19937 SIMD twist equals the one-word recurrence") {
  namespace d = nprandom::detail;
  d::mt19937_key key{};
  d::mt19937_init_genrand(key, 5489u);
  for (int round = 0; round < 5; ++round) {
    d::mt19937_key want = key;  // reference: the recurrence one word at a time, in place
    for (int i = 0; i < d::mt19937_n; ++i) {
      want[static_cast<std::size_t>(i)] = d::mt19937_twist_word(
          want[static_cast<std::size_t>(i)], want[static_cast<std::size_t>((i + 1) % d::mt19937_n)],
          want[static_cast<std::size_t>((i + d::mt19937_m) % d::mt19937_n)]);
    }
    d::mt19937_twist(key);
    REQUIRE(key == want);
    std::vector<std::uint64_t> t(d::mt19937_n);
    d::mt19937_temper_block(key.data(), key.size(), t.data());
    for (std::size_t i = 0; i < key.size(); ++i) REQUIRE(t[i] == d::mt19937_temper(key[i]));
  }
}

// RandomState's long shuffles run on the MT19937 block cursor, whose runs of words give the j's
// with the rejections branch-free (issue 12): the same swaps and the same final state as
// random_interval one j at a time, from any position in the block, across block refills.
TEST_CASE("RandomState.shuffle on the block cursor equals the one-swap-at-a-time loop") {
  for (std::size_t n :
       {std::size_t{2048}, std::size_t{2049}, std::size_t{5000}, std::size_t{70000}}) {
    for (unsigned skip : {0u, 1u, 600u, 623u}) {
      CAPTURE(n, skip);
      nprandom::RandomState rs(7);
      for (unsigned q = 0; q < skip; ++q) (void)rs.bit_generator().next_uint32();
      nprandom::MT19937 slow = rs.bit_generator();
      std::vector<std::int64_t> a(n), b(n);
      for (std::size_t i = 0; i < n; ++i) a[i] = b[i] = static_cast<std::int64_t>(i);
      rs.shuffle(a);
      dist::shuffle_raw_with(slow, n, 1,
                             [&](std::size_t i, std::size_t j) { std::swap(b[i], b[j]); });
      REQUIRE(a == b);
      REQUIRE(rs.bit_generator() == slow);
      REQUIRE(rs.bit_generator().next_uint32() == slow.next_uint32());
    }
  }
}

TEST_CASE("shuffle_raw (j's drawn a block ahead, prefetching) equals the one-swap-at-a-time loop") {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{63},
                        std::size_t{64}, std::size_t{65}, std::size_t{129}, std::size_t{5000}}) {
    for (std::size_t first : {std::size_t{0}, std::size_t{1}}) {
      for (bool pre_buffered : {false, true}) {
        CAPTURE(n, first, pre_buffered);
        nprandom::PCG64 fast(99);
        nprandom::PCG64 slow(99);
        if (pre_buffered) {  // a half-word waiting in the buffer
          (void)fast.next_uint32();
          (void)slow.next_uint32();
        }
        std::vector<std::int64_t> a(n), b(n);
        std::vector<bool> bits(n), bits_want(n);
        for (std::size_t i = 0; i < n; ++i) {
          a[i] = b[i] = static_cast<std::int64_t>(i);
          bits[i] = bits_want[i] = (i % 3) == 0;
        }
        dist::shuffle_raw(fast, a.begin(), n, first);
        dist::shuffle_raw_with(slow, n, first,
                               [&](std::size_t i, std::size_t j) { std::swap(b[i], b[j]); });
        REQUIRE(a == b);
        REQUIRE(fast == slow);
        dist::shuffle_raw(fast, bits.begin(), n, first);  // proxy references: no prefetch
        dist::shuffle_raw_with(slow, n, first, [&](std::size_t i, std::size_t j) {
          const bool t = bits_want[i];
          bits_want[i] = bits_want[j];
          bits_want[j] = t;
        });
        REQUIRE(bits == bits_want);
        REQUIRE(fast == slow);
        REQUIRE(fast.next_uint32() == slow.next_uint32());
        REQUIRE(fast.random_raw() == slow.random_raw());
      }
    }
  }
}
