// Philox 4x64-10: the counter-based bijection (usable alone) and NumPy's Philox bit generator.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_BIT_GENERATORS_PHILOX_HPP
#define NPRANDOM_BIT_GENERATORS_PHILOX_HPP

#include <nprandom/bit_generator.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/philox_lanes.hpp>
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/detail/uint128.hpp>
#include <nprandom/seed_sequence.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace nprandom {

// 256-bit counter / block and 128-bit key, as little-endian 64-bit words (word 0 least
// significant), in NumPy's order (`state['state']['counter']`, `state['state']['key']`).
using philox4x64_ctr = std::array<std::uint64_t, 4>;
using philox4x64_key = std::array<std::uint64_t, 2>;

// One Philox4x64 round (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy as 1, 2, 3",
// SC'11; Random123 as vendored in NumPy's src/philox/philox.h, _philox4x64round).
NPRANDOM_ALWAYS_INLINE philox4x64_ctr philox4x64_round(const philox4x64_ctr& ctr,
                                                       const philox4x64_key& key) noexcept {
  std::uint64_t hi0 = 0, hi1 = 0;
  const std::uint64_t lo0 = detail::umul128(0xD2E7470EE14C6C93ULL, ctr[0], hi0);
  const std::uint64_t lo1 = detail::umul128(0xCA5A826395121157ULL, ctr[2], hi1);
  return {hi1 ^ ctr[1] ^ key[0], lo1, hi0 ^ ctr[3] ^ key[1], lo0};
}

namespace detail {

NPRANDOM_ALWAYS_INLINE philox4x64_key philox4x64_bumpkey(philox4x64_key key) noexcept {
  key[0] += 0x9E3779B97F4A7C15ULL;
  key[1] += 0xBB67AE8584CAA73BULL;
  return key;
}

// Rounds 2..R, unrolled by the fold (GCC keeps a plain loop with a branch).
template <std::size_t... I>
NPRANDOM_ALWAYS_INLINE philox4x64_ctr philox4x64_more_rounds(philox4x64_ctr ctr, philox4x64_key key,
                                                             std::index_sequence<I...>) noexcept {
  (void)key;  // unused when the pack is empty (one round)
  ((key = philox4x64_bumpkey(key), ctr = philox4x64_round(ctr, key), (void)I), ...);
  return ctr;
}

}  // namespace detail

// The Philox4x64-R bijection (philox4x64_R): R rounds, the key bumped by the Weyl constants
// (0x9E3779B97F4A7C15, 0xBB67AE8584CAA73B) before every round after the first. NumPy uses R = 10.
template <int Rounds = 10>
inline philox4x64_ctr philox4x64(const philox4x64_ctr& ctr, const philox4x64_key& key) noexcept {
  static_assert(Rounds >= 0 && Rounds <= 16, "Philox4x64 is defined for 0..16 rounds");
  if constexpr (Rounds == 0) {
    return ctr;
  } else {
    return detail::philox4x64_more_rounds(
        philox4x64_round(ctr, key), key,
        std::make_index_sequence<static_cast<std::size_t>(Rounds - 1)>{});
  }
}

// NumPy's `Philox.state` dict: {'bit_generator': 'Philox', 'state': {'counter': uint64[4],
// 'key': uint64[2]}, 'buffer': uint64[4], 'buffer_pos': int, 'has_uint32': int, 'uinteger': int}.
struct PhiloxState {
  std::string bit_generator;
  philox4x64_ctr counter{};
  philox4x64_key key{};
  std::array<std::uint64_t, 4> buffer{};
  int buffer_pos = 4;
  int has_uint32 = 0;
  std::uint32_t uinteger = 0;
  friend bool operator==(const PhiloxState& a, const PhiloxState& b) noexcept {
    return a.bit_generator == b.bit_generator && a.counter == b.counter && a.key == b.key &&
           a.buffer == b.buffer && a.buffer_pos == b.buffer_pos && a.has_uint32 == b.has_uint32 &&
           a.uinteger == b.uinteger;
  }
  friend bool operator!=(const PhiloxState& a, const PhiloxState& b) noexcept { return !(a == b); }
};

// Philox (numpy/random/_philox.pyx, src/philox/philox.{h,c}): 4x64-10 in counter mode.
//
// When the 4-word buffer is used up, the 256-bit counter is incremented FIRST (little-endian
// carry), then encrypted with the key, and the block's words are returned in order 0, 1, 2, 3. A
// fresh generator (counter 0) therefore starts with the block of counter 1.
//
// Seeding: Philox(seed) / Philox(SeedSequence) take key = generate_state(2, uint64), counter 0 (or
// the counter given). Philox::from_key / from_key_words take an explicit key (NumPy's `key=`),
// which leaves no SeedSequence, so spawn() then throws (NumPy's TypeError). NumPy's
// "seed and key cannot be both used" cannot happen here: the key constructors take no seed.
//
// advance(delta) adds delta to the counter modulo 2^256: one unit is one 4-word block, and the
// buffer and the 32-bit half are discarded. jumped(j) = advance(j * 2^128).
class Philox : public BitGenerator<Philox> {
 public:
  static constexpr const char* name() noexcept { return "Philox"; }
  static constexpr int rounds = 10;

  // Seeded from fresh OS entropy (NumPy: Philox()).
  Philox() : Philox(SeedSource()) {}
  // Seeded through SeedSequence(seed), as NumPy's Philox(seed[, counter]): an integer (negative
  // throws std::invalid_argument "expected non-negative integer"), integers, or a SeedSequence
  // (nprandom::SeedSource, seed_sequence.hpp).
  explicit Philox(SeedSource seed, const philox4x64_ctr& counter = {}) {
    seed_from(std::move(seed).seed_sequence(), counter);
  }
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  Philox(std::initializer_list<Int> seed) : Philox(SeedSource(seed)) {}  // Philox g = {1, 2}

  // NumPy's Philox(key=k, counter=c) with k an integer in [0, 2^128): key words {k.lo(), k.hi()}.
  static Philox from_key(uint128 key, const philox4x64_ctr& counter = {}) {
    return from_key_words(philox4x64_key{key.lo(), key.hi()}, counter);
  }
  // NumPy's Philox(key=[k0, k1], counter=[c0, c1, c2, c3]) (array forms, word 0 first).
  static Philox from_key_words(const philox4x64_key& key, const philox4x64_ctr& counter = {}) {
    Philox p(key_tag{});
    p.key_ = key;
    p.ctr_ = counter;
    return p;
  }

  // philox_next: the next word of the buffered block, refilled (counter first) when used up.
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
    if (NPRANDOM_LIKELY(buffer_pos_ < 4)) return buffer_[static_cast<std::size_t>(buffer_pos_++)];
    increment_counter();
    buffer_ = philox4x64<rounds>(ctr_, key_);
    buffer_pos_ = 1;
    return buffer_[0];
  }

  // The bulk word source (detail/block_source.hpp): `n` consecutive next_uint64() values and the
  // same final state (counter, buffer, buffer_pos; the half-word buffer is untouched).
  void fill_uint64(std::uint64_t* out, std::size_t n) noexcept {
    fill_block<detail::lane_output::raw>(out, n, 0.0, 0.0);
  }

  // Internal (distributions/uniform.hpp): n values of one word each into out, with the values
  // and final state of n sequential draws: raw words (std::uint64_t* out), next_double()
  // (lane_output::unit) or `lower + range * next_double()` (lane_output::affine) (double* out).
  // Drains the buffer, then whole blocks, then single words. The whole blocks run in SIMD lanes,
  // 24 consecutive counters per AVX-512 iteration or 12 per AVX2 iteration where the CPU has them
  // (chosen at run time, detail/simd_dispatch.hpp; kernels in detail/philox_lanes.hpp), the
  // doubles formed in the vector registers; the rest one block at a time. Every path writes the
  // same values and leaves the same state.
  template <detail::lane_output Out>
  void fill_block(void* out, std::size_t n, double lower, double range) noexcept {
    std::size_t i = 0;
    while (i < n && buffer_pos_ < 4)
      put<Out>(out, i++, buffer_[static_cast<std::size_t>(buffer_pos_++)], lower, range);
#if NPRANDOM_X86_SIMD
    const std::size_t blocks = (n - i) / 4;
    if (blocks >= detail::philox_avx2_blocks) {
      const detail::simd_level level = detail::current_simd_level();
      std::size_t lane_blocks = 0;
      philox4x64_ctr first = ctr_;  // the counter of the first block: ctr_ + 1
      increment(first);
      void* dst = static_cast<char*>(out) + i * sizeof(std::uint64_t);  // 8-byte values
      if (level == detail::simd_level::avx512 && blocks >= detail::philox_avx512_blocks) {
        lane_blocks = blocks - blocks % detail::philox_avx512_blocks;
        detail::philox_lanes_avx512<Out>(first.data(), key_.data(), dst, lane_blocks, lower, range);
      } else if (level != detail::simd_level::portable) {
        lane_blocks = blocks - blocks % detail::philox_avx2_blocks;
        detail::philox_lanes_avx2<Out>(first.data(), key_.data(), dst, lane_blocks, lower, range);
      }
      if (lane_blocks != 0) {
        add_to_counter(lane_blocks);
        i += 4 * lane_blocks;
        // the state shows the last block, used up, as the scalar path leaves it
        if constexpr (Out == detail::lane_output::raw) {
          const std::uint64_t* last = static_cast<const std::uint64_t*>(out) + (i - 4);
          for (std::size_t w = 0; w < 4; ++w) buffer_[w] = last[w];
        } else {
          buffer_ = philox4x64<rounds>(ctr_, key_);
        }
        buffer_pos_ = 4;
      }
    }
#endif
    if constexpr (Out == detail::lane_output::raw) {
      fill_serial(static_cast<std::uint64_t*>(out) + i, n - i);
    } else {
      std::uint64_t words[256];
      while (i < n) {
        const std::size_t m = n - i < 256 ? n - i : 256;
        fill_serial(words, m);
        for (std::size_t j = 0; j < m; ++j) put<Out>(out, i + j, words[j], lower, range);
        i += m;
      }
    }
  }

  using BitGenerator<Philox>::random_raw;
  // Fill with raw outputs (the bulk source).
  void random_raw(std::uint64_t* out, std::size_t n) noexcept { fill_uint64(out, n); }

 private:
  // The portable path: drain the buffer, then whole blocks one at a time straight into `out`,
  // then single words. (Four counters encrypted in lockstep in scalar registers measured
  // 1.25-1.6x slower with GCC 12: the serial loop already overlaps the blocks' multiply chains.)
  void fill_serial(std::uint64_t* out, std::size_t n) noexcept {
    std::size_t i = 0;
    while (i < n && buffer_pos_ < 4) out[i++] = buffer_[static_cast<std::size_t>(buffer_pos_++)];
    if (n - i >= 4) {
      philox4x64_ctr block{};
      do {
        increment_counter();
        block = philox4x64<rounds>(ctr_, key_);
        out[i] = block[0];
        out[i + 1] = block[1];
        out[i + 2] = block[2];
        out[i + 3] = block[3];
        i += 4;
      } while (n - i >= 4);
      buffer_ = block;  // the state shows the last block, used up, as the scalar path leaves it
      buffer_pos_ = 4;
    }
    while (i < n) out[i++] = next_uint64();
  }

  // out[i] = the value of word w (fill_block).
  template <detail::lane_output Out>
  NPRANDOM_ALWAYS_INLINE static void put(void* out, std::size_t i, std::uint64_t w, double lower,
                                         double range) noexcept {
    if constexpr (Out == detail::lane_output::raw) {
      static_cast<std::uint64_t*>(out)[i] = w;
    } else if constexpr (Out == detail::lane_output::unit) {
      static_cast<double*>(out)[i] = detail::uint64_to_double(w);
    } else {
      static_cast<double*>(out)[i] = lower + detail::mul(range, detail::uint64_to_double(w));
    }
  }

  // ctr_ += delta (mod 2^256).
  void add_to_counter(std::uint64_t delta) noexcept {
    ctr_[0] += delta;
    if (ctr_[0] < delta && ++ctr_[1] == 0 && ++ctr_[2] == 0) ++ctr_[3];
  }

 public:
  // Advance the counter by `delta` blocks (mod 2^256; 4 words little-endian), discarding the
  // buffer and the buffered 32-bit half (philox_advance + _reset_state_variables). Returns *this.
  Philox& advance(const philox4x64_ctr& delta) noexcept {
    unsigned carry = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const std::uint64_t a = ctr_[i];
      const std::uint64_t s = a + delta[i];
      const unsigned c1 = s < a ? 1u : 0u;
      ctr_[i] = s + carry;
      const unsigned c2 = ctr_[i] < s ? 1u : 0u;
      carry = c1 | c2;
    }
    reset_buffers();
    return *this;
  }
  Philox& advance(uint128 delta) noexcept {
    return advance(philox4x64_ctr{delta.lo(), delta.hi(), 0, 0});
  }
  // An integer delta; a negative one wraps modulo 2^256 (NumPy's wrap_int), i.e. steps back.
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  Philox& advance(Int delta) noexcept {
    const auto lo = static_cast<std::uint64_t>(delta);
    std::uint64_t ext = 0;
    if constexpr (std::is_signed<Int>::value) ext = delta < 0 ? ~std::uint64_t{0} : 0;
    return advance(philox4x64_ctr{lo, ext, ext, ext});
  }

  // A copy advanced by jumps * 2^128 blocks (counter words 2..3 += jumps). Like NumPy, the copy
  // gets a fresh, unrelated SeedSequence (OS entropy) and an empty buffer.
  Philox jumped(std::uint64_t jumps = 1) const {
    Philox copy = *this;
    copy.seed_seq_ = SeedSequence();
    copy.advance(philox4x64_ctr{0, 0, jumps, 0});
    return copy;
  }

  PhiloxState state() const {
    return PhiloxState{name(), ctr_, key_, buffer_, buffer_pos_, has_uint32_ ? 1 : 0, uinteger_};
  }
  // Throws std::invalid_argument when the state is for another generator ("state must be for a
  // Philox PRNG") or buffer_pos is outside [0, 4] (NumPy does not check it; here it would index
  // outside the buffer).
  void set_state(const PhiloxState& s) {
    if (s.bit_generator != name())
      throw std::invalid_argument("state must be for a " + std::string(name()) + " PRNG");
    if (s.buffer_pos < 0 || s.buffer_pos > 4)
      throw std::invalid_argument("buffer_pos must be between 0 and 4");
    ctr_ = s.counter;
    key_ = s.key;
    buffer_ = s.buffer;
    buffer_pos_ = s.buffer_pos;
    has_uint32_ = s.has_uint32 != 0;
    uinteger_ = s.uinteger;
  }

  friend bool operator==(const Philox& a, const Philox& b) noexcept {
    return a.ctr_ == b.ctr_ && a.key_ == b.key_ && a.buffer_ == b.buffer_ &&
           a.buffer_pos_ == b.buffer_pos_ && a.has_uint32_ == b.has_uint32_ &&
           a.uinteger_ == b.uinteger_;
  }
  friend bool operator!=(const Philox& a, const Philox& b) noexcept { return !(a == b); }

 private:
  struct key_tag {};
  explicit Philox(key_tag) noexcept {}

  void seed_from(const SeedSequence& ss, const philox4x64_ctr& counter) {
    const auto k = ss.generate_state<std::uint64_t>(2);
    key_ = {k[0], k[1]};
    ctr_ = counter;
    reset_buffers();
    seed_seq_ = ss;
  }

  void reset_buffers() noexcept {
    buffer_ = {};
    buffer_pos_ = 4;
    reset_uint32_buffer();
  }

  NPRANDOM_ALWAYS_INLINE static void increment(philox4x64_ctr& c) noexcept {
    if (++c[0] == 0 && ++c[1] == 0 && ++c[2] == 0) ++c[3];
  }
  NPRANDOM_ALWAYS_INLINE void increment_counter() noexcept { increment(ctr_); }

  philox4x64_ctr ctr_{};
  philox4x64_key key_{};
  std::array<std::uint64_t, 4> buffer_{};
  int buffer_pos_ = 4;
};

}  // namespace nprandom

#endif  // NPRANDOM_BIT_GENERATORS_PHILOX_HPP
