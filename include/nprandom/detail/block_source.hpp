// Exact-consumption block word sources: bulk kernels that take a variable number of raw words
// per value (Lemire and ziggurat rejection, NumPy's buffered 8/16-bit and bool draws) draw their
// words in blocks from the bit generator's bulk source (fill_uint64 / fill_uint32) and leave it
// in exactly the state the scalar loop leaves.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_BLOCK_SOURCE_HPP
#define NPRANDOM_DETAIL_BLOCK_SOURCE_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/bitgen_traits.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/mt19937_core.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace nprandom {
namespace detail {

// True when BitGen has a bulk word source `fill_uint64(out, n)`: n consecutive next_uint64()
// values, same final state (PCG64, PCG64DXSM: interleaved SIMD lanes; Philox: interleaved
// counters; MT19937: pairs of tempered outputs; bit_generators/*.hpp).
template <class BitGen, class = void>
struct has_fill_uint64 : std::false_type {};
template <class BitGen>
struct has_fill_uint64<BitGen, std::void_t<decltype(std::declval<BitGen&>().fill_uint64(
                                   std::declval<std::uint64_t*>(), std::size_t{}))>>
    : std::true_type {};

// True when BitGen has `fill_uint32(out, n)`: n consecutive native next_uint32() outputs
// (MT19937: a copy out of the tempered block).
template <class BitGen, class = void>
struct has_fill_uint32 : std::false_type {};
template <class BitGen>
struct has_fill_uint32<BitGen, std::void_t<decltype(std::declval<BitGen&>().fill_uint32(
                                   std::declval<std::uint32_t*>(), std::size_t{}))>>
    : std::true_type {};

// Kernels that consume exactly one next_uint64 per value draw `cnt` words through fill_uint64 in
// blocks of this many (a stack buffer that stays in L1; the lane setup of each block is ~1% of
// its cost), below bulk_min_values they use the scalar loop.
inline constexpr std::size_t bulk_block_words = 1024;
inline constexpr std::size_t bulk_min_values = 64;

// f(words, m, done): the next m words of bg's stream (done words handed over before them), for
// cnt words in all; bg's state ends as after cnt next_uint64 calls.
template <class BitGen, class F>
NPRANDOM_ALWAYS_INLINE void for_each_word_block(BitGen& bg, std::size_t cnt, F&& f) {
  std::uint64_t words[bulk_block_words];
  for (std::size_t done = 0; done < cnt;) {
    const std::size_t m = cnt - done < bulk_block_words ? cnt - done : bulk_block_words;
    bg.fill_uint64(words, m);
    f(static_cast<const std::uint64_t*>(words), m, done);
    done += m;
  }
}

// n consecutive next_uint32() values of bg into out, with the final state (NumPy's buffered
// half-word included) of n next_uint32 calls: a buffered half first, then the low and high halves
// of fill_uint64 words, then a last odd value through next_uint32 (it buffers its high half); on
// a native 32-bit generator, fill_uint32. A fixed number of draws, so no demand bound is needed.
template <class BitGen>
inline void fill_uint32_stream(BitGen& bg, std::uint32_t* out, std::size_t n) noexcept {
  if constexpr (uses_half_word_uint32<BitGen>::value && has_fill_uint64<BitGen>::value) {
    std::uint32_t half = 0;
    std::size_t i = 0;
    if (n != 0 && bg.uint32_buffer_state(half)) {
      out[i++] = half;
      bg.set_uint32_buffer_state(false, half);
    }
    const std::size_t pairs = (n - i) / 2;
    if (pairs != 0) {
      std::uint32_t* o = out + i;
      for_each_word_block(bg, pairs,
                          [o, &half](const std::uint64_t* w, std::size_t m,
                                     std::size_t done) NPRANDOM_LAMBDA_INLINE {
                            std::uint32_t* p = o + 2 * done;
                            for (std::size_t j = 0; j < m; ++j) {
                              p[2 * j] = static_cast<std::uint32_t>(w[j] & 0xffffffffu);
                              p[2 * j + 1] = static_cast<std::uint32_t>(w[j] >> 32);
                            }
                            half = static_cast<std::uint32_t>(w[m - 1] >> 32);
                          });
      bg.set_uint32_buffer_state(false, half);  // the last high half, already consumed
      i += 2 * pairs;
    }
    if (i < n) out[i] = bg.next_uint32();
  } else if constexpr (!uses_half_word_uint32<BitGen>::value && has_fill_uint32<BitGen>::value) {
    bg.fill_uint32(out, n);
  } else {
    with_local_engine(bg, [out, n](auto& e) NPRANDOM_LAMBDA_INLINE {
      for (std::size_t i = 0; i < n; ++i) out[i] = e.next_uint32();
    });
  }
}

// The number of next_uint32 draws still needed by `remaining` values taken `per_word` to a
// 32-bit draw (NumPy's 16-bit: 2, 8-bit: 4, bool: 32) when `buffered` of them are left in the
// kernel's uint32_buffer.
NPRANDOM_ALWAYS_INLINE std::size_t buffered_draws_needed(std::size_t remaining, int buffered,
                                                         std::size_t per_word) noexcept {
  const auto b = static_cast<std::size_t>(buffered);
  return remaining > b ? (remaining - b + per_word - 1) / per_word : 0;
}

// A lower bound of the raw draws the values still to come will make, in the caller's units:
// `n64` next_uint64 (or next_double) calls plus `n32` next_uint32 (or next_float) calls.
struct word_demand {
  std::size_t n64;
  std::size_t n32;
};

// The exact-consumption rule. A source holds up to `capacity` words drawn ahead from the bit
// generator; it is refilled only at a value boundary, with L words where L is a lower bound of the
// words the remaining values still need (word_demand, converted here: each next_uint64 is one
// word; on a half-word generator n32 32-bit draws need at least ceil((n32 - buffered) / 2) words,
// on a native 32-bit generator n32 outputs). The words are consumed in stream order, so every
// word drawn ahead is one the scalar loop would have drawn next, and all of them are used before
// the loop ends. Once the block is used up, draws go straight to the generator (the tail of a
// value, the rare paths). The destructor writes NumPy's buffered half-word back, so the final
// state (has_uint32 / uinteger included) is the scalar loop's exactly.
//
// A source is itself a bit generator for the kernels (next_uint64, next_uint32, next_double,
// next_float, next_raw with the generator's own conversions), so a bulk kernel is the scalar
// kernel called on the source: one copy of the kernel logic.
template <class BitGen, bool HalfWords = uses_half_word_uint32<BitGen>::value>
class block_source;

// 64-bit generators with fill_uint64 and NumPy's buffered half-word next_uint32.
template <class BitGen>
class block_source<BitGen, true> {
 public:
  static constexpr std::size_t capacity = 512;

  explicit block_source(BitGen& bg) noexcept : bg_(bg) { has_ = bg.uint32_buffer_state(half_); }
  ~block_source() { bg_.set_uint32_buffer_state(has_, half_); }
  block_source(const block_source&) = delete;
  block_source& operator=(const block_source&) = delete;

  NPRANDOM_ALWAYS_INLINE bool empty() const noexcept { return pos_ == end_; }
  // Draws min(lower bound of d, capacity) words; requires empty(). Returns how many.
  NPRANDOM_ALWAYS_INLINE std::size_t refill(word_demand d) noexcept {
    const std::size_t h = has_ ? 1 : 0;
    std::size_t n = d.n64 + (d.n32 > h ? (d.n32 - h + 1) / 2 : 0);
    if (n > capacity) n = capacity;
    if (n >= min_block) bg_.fill_uint64(buf_, n);
    else n = 0;
    pos_ = 0;
    end_ = n;
    return n;
  }
  // The words drawn ahead and not yet consumed (for kernels that take whole words directly).
  NPRANDOM_ALWAYS_INLINE const std::uint64_t* data() const noexcept { return buf_ + pos_; }
  NPRANDOM_ALWAYS_INLINE std::size_t available() const noexcept { return end_ - pos_; }
  NPRANDOM_ALWAYS_INLINE void consume(std::size_t k) noexcept { pos_ += k; }

  NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
    if (NPRANDOM_LIKELY(pos_ < end_)) return buf_[pos_++];
    return bg_.next_uint64();
  }
  NPRANDOM_ALWAYS_INLINE std::uint32_t next_uint32() noexcept {
    return buffered_uint32(has_, half_, [this] { return next_uint64(); });
  }
  NPRANDOM_ALWAYS_INLINE double next_double() noexcept { return uint64_to_double(next_uint64()); }
  NPRANDOM_ALWAYS_INLINE float next_float() noexcept { return uint32_to_float(next_uint32()); }
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_raw() noexcept { return next_uint64(); }
  bool uint32_buffer_state(std::uint32_t& value) const noexcept {
    value = half_;
    return has_;
  }
  void set_uint32_buffer_state(bool has, std::uint32_t value) noexcept {
    has_ = has;
    half_ = value;
  }

 private:
  // Below this many words a block is not worth its setup: the values go to the generator.
  static constexpr std::size_t min_block = 16;
  BitGen& bg_;
  std::size_t pos_ = 0, end_ = 0;
  bool has_;
  std::uint32_t half_;
  std::uint64_t buf_[capacity];
};

// Native 32-bit generators with fill_uint32 (MT19937): next_uint64 is two outputs, high first,
// next_double mt19937_next_double's two outputs.
template <class BitGen>
class block_source<BitGen, false> {
 public:
  static constexpr std::size_t capacity = 1024;

  explicit block_source(BitGen& bg) noexcept : bg_(bg) {}
  block_source(const block_source&) = delete;
  block_source& operator=(const block_source&) = delete;

  NPRANDOM_ALWAYS_INLINE bool empty() const noexcept { return pos_ == end_; }
  NPRANDOM_ALWAYS_INLINE std::size_t refill(word_demand d) noexcept {
    std::size_t n = 2 * d.n64 + d.n32;
    if (n > capacity) n = capacity;
    if (n >= min_block) bg_.fill_uint32(buf_, n);
    else n = 0;
    pos_ = 0;
    end_ = n;
    return n;
  }

  NPRANDOM_ALWAYS_INLINE std::uint32_t next_uint32() noexcept {
    if (NPRANDOM_LIKELY(pos_ < end_)) return buf_[pos_++];
    return bg_.next_uint32();
  }
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
    const std::uint64_t hi = next_uint32();
    return (hi << 32) | next_uint32();
  }
  NPRANDOM_ALWAYS_INLINE double next_double() noexcept {
    const std::uint32_t a = next_uint32();
    return rounded(mt19937_to_double(a, next_uint32()));
  }
  NPRANDOM_ALWAYS_INLINE float next_float() noexcept { return uint32_to_float(next_uint32()); }
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_raw() noexcept { return next_uint32(); }

 private:
  static constexpr std::size_t min_block = 32;
  BitGen& bg_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint32_t buf_[capacity];
};

// True when kernels can draw from a block_source<BitGen>.
template <class BitGen>
struct has_block_source
    : std::integral_constant<bool, (uses_half_word_uint32<BitGen>::value &&
                                    has_fill_uint64<BitGen>::value) ||
                                       (!uses_half_word_uint32<BitGen>::value &&
                                        has_fill_uint32<BitGen>::value)> {};

// The one driver of the rule: out-of-order-free bulk evaluation of a scalar kernel.
// `value(src, i)` computes value i (i = 0 .. cnt-1, in order) by drawing from `src` only;
// `demand(i)` is a word_demand lower bound for the draws of values i .. cnt-1 (given the state
// the kernel keeps between values, e.g. its 8/16-bit buffer). With a block source the words come
// from block refills at value boundaries; otherwise (SFC64, or any generator without a bulk
// source) `value` runs on a local copy of the engine core (with_local_engine). Either way the
// values and the final state are those of the plain loop `value(bg, i)`.
template <class BitGen, class Demand, class Value>
NPRANDOM_ALWAYS_INLINE void for_each_value_exact(BitGen& bg, std::size_t cnt, Demand&& demand,
                                                 Value&& value) {
  if constexpr (has_block_source<BitGen>::value) {
    if (cnt >= 16) {
      block_source<BitGen> src(bg);
      std::size_t i = 0;
      while (i < cnt) {
        if (src.empty() && src.refill(demand(i)) == 0) break;  // the rest: word by word
        do value(src, i++);
        while (i < cnt && !src.empty());
      }
      for (; i < cnt; ++i) value(src, i);
      return;
    }
  }
  with_local_engine(bg, [&](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) value(e, i);
  });
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_BLOCK_SOURCE_HPP
