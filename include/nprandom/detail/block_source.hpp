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

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

namespace nprandom {

class SFC64;

namespace detail {

// True for generators whose scalar step on a local engine core is about as cheap as reading a
// word from a block (SFC64: four adds, shifts and xors): their 64-bit kernels (ziggurat double,
// 64-bit Lemire, uniforms) measured faster on the local core, so only the 32/16/8-bit pieces,
// whose half-word and byte buffering the block saves, come from the block source.
template <class BitGen>
struct cheap_scalar_step : std::false_type {};
template <>
struct cheap_scalar_step<SFC64> : std::true_type {};

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
// blocks of this many (an 8 KiB stack buffer that stays in L1), below bulk_min_values they use
// the scalar loop. Each fill_uint64 call sets up its SIMD lanes (~100 ns on the 2-core AMD EPYC
// of docs/benchmarks.md against ~0.7 ns per PCG64 word): blocks of 256 words paid ~0.4 ns per word
// for it, blocks of 1024 ~0.1 ns, so every bulk path draws blocks of 1024 words.
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

// n consecutive next_uint32() values of bg written to out as 4 little-endian bytes each
// (Generator.bytes' layout; on a little-endian machine also the bytes of the 64-bit words whose
// halves they are), with the final state (NumPy's buffered half-word included) of n next_uint32
// calls. On a 64-bit generator: a buffered half first, then the low and high halves of whole
// blocks of fill_uint64 words (straight to `out`), then a last odd value through next_uint32 (it
// buffers its high half); on a native 32-bit generator, chunks of fill_uint32. A fixed number of
// draws, so no demand bound is needed.
NPRANDOM_ALWAYS_INLINE void put_le32(unsigned char* p, std::uint32_t v) noexcept {
  for (std::size_t k = 0; k < 4; ++k) p[k] = static_cast<unsigned char>(v >> (8 * k));
}
template <class BitGen>
inline void fill_uint32_stream_le(BitGen& bg, unsigned char* out, std::size_t n) noexcept {
  if constexpr (uses_half_word_uint32<BitGen>::value && has_fill_uint64<BitGen>::value) {
    std::uint32_t half = 0;
    std::size_t i = 0;
    if (n != 0 && bg.uint32_buffer_state(half)) {
      put_le32(out, half);
      bg.set_uint32_buffer_state(false, half);
      i = 1;
    }
    const std::size_t pairs = (n - i) / 2;
    if (pairs != 0) {
      unsigned char* o = out + 4 * i;
      for_each_word_block(bg, pairs,
                          [o, &half](const std::uint64_t* w, std::size_t m, std::size_t done)
                              NPRANDOM_LAMBDA_INLINE {
                                unsigned char* p = o + 8 * done;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                                std::memcpy(p, w, 8 * m);  // each word's low half first
#else
                                for (std::size_t j = 0; j < m; ++j) {
                                  put_le32(p + 8 * j, static_cast<std::uint32_t>(w[j] & 0xffffffffu));
                                  put_le32(p + 8 * j + 4, static_cast<std::uint32_t>(w[j] >> 32));
                                }
#endif
                                half = static_cast<std::uint32_t>(w[m - 1] >> 32);
                              });
      bg.set_uint32_buffer_state(false, half);  // the last high half, already consumed
      i += 2 * pairs;
    }
    if (i < n) put_le32(out + 4 * i, bg.next_uint32());
  } else {
    constexpr std::size_t chunk = 512;
    std::uint32_t v[chunk];
    for (std::size_t d = 0; d < n; d += chunk) {
      const std::size_t m = n - d < chunk ? n - d : chunk;
      if constexpr (!uses_half_word_uint32<BitGen>::value && has_fill_uint32<BitGen>::value) {
        bg.fill_uint32(v, m);
      } else {
        with_local_engine(bg, [&v, m](auto& e) NPRANDOM_LAMBDA_INLINE {
          for (std::size_t j = 0; j < m; ++j) v[j] = e.next_uint32();
        });
      }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      std::memcpy(out + 4 * d, v, 4 * m);
#else
      for (std::size_t j = 0; j < m; ++j) put_le32(out + 4 * (d + j), v[j]);
#endif
    }
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

// The `b` of for_each_value_pieces for 64/32-bit pieces (no 8/16-bit buffer).
struct no_piece_buffer {
  std::uint32_t buf = 0;
  int bcnt = 0;
};

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
  static constexpr std::size_t capacity = bulk_block_words;  // not 512: see bulk_block_words

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
    if (n >= min_block)
      bg_.fill_uint64(buf_, n);
    else
      n = 0;
    pos_ = 0;
    end_ = n;
    return n;
  }
  // The words drawn ahead and not yet consumed (for kernels that take whole words directly).
  NPRANDOM_ALWAYS_INLINE const std::uint64_t* data() const noexcept { return buf_ + pos_; }
  NPRANDOM_ALWAYS_INLINE std::size_t available() const noexcept { return end_ - pos_; }
  NPRANDOM_ALWAYS_INLINE void consume(std::size_t k) noexcept { pos_ += k; }

  // The words as a stream of Unit pieces (64, 32, 16 or 8 bits), in the order NumPy's draws take
  // them: a word's low half before its high half (next_uint32), each half's low bits first
  // (NumPy's 16/8-bit buffers). Piece k of data().
  template <class Unit>
  static NPRANDOM_ALWAYS_INLINE Unit piece(const std::uint64_t* w, std::size_t k) noexcept {
    constexpr std::size_t per_word = 8 / sizeof(Unit);
    if constexpr (per_word == 1)
      return w[k];
    else
      return static_cast<Unit>(w[k / per_word] >> (8 * sizeof(Unit) * (k % per_word)));
  }
  // Marks the first k pieces of data() consumed as the scalar draws would have: whole words, and
  // for a part of a word the half-word buffer (has_uint32 / uinteger) and the caller's 8/16-bit
  // buffer `b` (members buf, bcnt: distributions::uint32_buffer) set as after those draws.
  // Requires: no buffered half (for Unit < 64) and b empty.
  template <class Unit, class Buf>
  NPRANDOM_ALWAYS_INLINE void consume_pieces(std::size_t k, Buf* b) noexcept {
    constexpr std::size_t bits = 8 * sizeof(Unit), per_word = 64 / bits, per_half = 32 / bits;
    if constexpr (per_word == 1) {
      pos_ += k;
    } else {
      pos_ += k / per_word;
      const std::size_t r = k % per_word;
      if (r == 0) {
        if (k != 0) half_ = static_cast<std::uint32_t>(buf_[pos_ - 1] >> 32);
        return;
      }
      const std::uint64_t w = buf_[pos_++];
      half_ = static_cast<std::uint32_t>(w >> 32);
      has_ = r <= per_half;
      if constexpr (per_half > 1) {
        const std::size_t rh = r <= per_half ? r : r - per_half;  // pieces taken of that half
        const auto h = static_cast<std::uint32_t>(r <= per_half ? w : w >> 32);
        b->buf = h >> (bits * (rh - 1));
        b->bcnt = static_cast<int>(per_half - rh);
      } else {
        (void)b;
      }
    }
  }
  NPRANDOM_ALWAYS_INLINE bool has_half() const noexcept { return has_; }

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

// mt19937_next_double's conversion (detail/mt19937_core.hpp, included with MT19937): declared
// here so that kernel headers need not include the MT19937 core; only the MT19937 instantiation
// below uses it.
inline constexpr double mt19937_to_double(std::uint32_t a, std::uint32_t b) noexcept;

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
    if (n >= min_block)
      bg_.fill_uint32(buf_, n);
    else
      n = 0;
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
    : std::integral_constant<
          bool, (uses_half_word_uint32<BitGen>::value && has_fill_uint64<BitGen>::value) ||
                    (!uses_half_word_uint32<BitGen>::value && has_fill_uint32<BitGen>::value)> {};

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

// The driver for kernels whose value starts with one Unit piece (64: next_uint64, 32:
// next_uint32, 16 / 8: NumPy's buffered pieces through the kernel's uint32_buffer `b`, else
// nullptr) that usually completes it:
//   first(src)       draws that piece from src (the scalar way),
//   fast(u, i)       the common case: writes value i from piece u and returns true, or false,
//   rest(src, u, i)  finishes value i after fast(u, i) failed, drawing more from src.
// On a half-word generator with fill_uint64 the pieces are read straight from the block (at a
// value boundary where no half-word and no 8/16-bit piece is buffered) by a tight loop over
// fast(); the first failure marks the pieces consumed (consume_pieces) and runs rest() on the
// source; refills follow the exact-consumption rule (each value takes at least one piece).
// Elsewhere every value is first/fast/rest on the source or the local engine. Values and final
// state are always those of the scalar loop.
template <class Unit, class BitGen, class Buf, class First, class Fast, class Rest>
NPRANDOM_ALWAYS_INLINE void for_each_value_pieces(BitGen& bg, std::size_t cnt, Buf* b,
                                                  First&& first, Fast&& fast, Rest&& rest) {
  constexpr std::size_t bits = 8 * sizeof(Unit), per_word = 64 / bits;
  if constexpr (uses_half_word_uint32<BitGen>::value && has_fill_uint64<BitGen>::value &&
                (bits < 64 || !cheap_scalar_step<BitGen>::value)) {
    if (cnt >= 16) {
      block_source<BitGen> src(bg);
      std::size_t i = 0;
      while (i < cnt) {
        bool aligned = true;
        if constexpr (bits < 64) aligned = !src.has_half();
        if constexpr (bits < 32) aligned = aligned && b->bcnt == 0;
        if (!aligned) {  // one value the scalar way, until the pieces line up with the words
          const Unit u = first(src);
          if (!fast(u, i)) rest(src, u, i);
          ++i;
          continue;
        }
        const std::size_t left = cnt - i;
        if (src.empty() &&
            src.refill(word_demand{bits == 64 ? left : 0,
                                   bits == 64 ? 0 : (left + (32 / bits) - 1) / (32 / bits)}) == 0)
          break;
        const std::uint64_t* w = src.data();
        const std::size_t pieces = src.available() * per_word;
        const std::size_t lim = pieces < left ? pieces : left;
        std::size_t k = 0;
        if constexpr (per_word == 1) {
          while (k < lim && NPRANDOM_LIKELY(fast(w[k], i + k))) ++k;
        } else {
          // Whole words while the bound allows (the pieces of a word unrolled), then piecewise.
          const std::size_t whole = lim / per_word;
          std::size_t j = 0;
          for (; j < whole; ++j) {
            const std::uint64_t x = w[j];
            std::size_t p = 0;
            for (; p < per_word; ++p)
              if (NPRANDOM_UNLIKELY(!fast(static_cast<Unit>(x >> (bits * p % 64)), i + k + p)))
                break;
            k += p;
            if (p < per_word) break;
          }
          if (j == whole)
            while (k < lim &&
                   NPRANDOM_LIKELY(fast(block_source<BitGen>::template piece<Unit>(w, k), i + k)))
              ++k;
        }
        if (k < lim) {
          const Unit u = block_source<BitGen>::template piece<Unit>(w, k);
          src.template consume_pieces<Unit>(k + 1, b);
          rest(src, u, i + k);
          i += k + 1;
        } else {
          src.template consume_pieces<Unit>(k, b);
          i += k;
        }
      }
      for (; i < cnt; ++i) {  // the last few values, word by word
        const Unit u = first(src);
        if (!fast(u, i)) rest(src, u, i);
      }
      return;
    }
  } else if constexpr (has_block_source<BitGen>::value && !cheap_scalar_step<BitGen>::value) {
    if (cnt >= 16) {
      for_each_value_exact(
          bg, cnt,
          [cnt, b](std::size_t i) NPRANDOM_LAMBDA_INLINE {
            const std::size_t left = cnt - i;
            if constexpr (bits == 64) return word_demand{left, 0};
            if constexpr (bits == 32) return word_demand{0, left};
            return word_demand{0, buffered_draws_needed(left, b->bcnt, 32 / bits)};
          },
          [&](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE {
            const Unit u = first(src);
            if (!fast(u, i)) rest(src, u, i);
          });
      return;
    }
  }
  with_local_engine(bg, [&](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) {
      const Unit u = first(e);
      if (!fast(u, i)) rest(e, u, i);
    }
  });
}

// The driver for rejection kernels whose rejected candidate is simply followed by the next one
// (Lemire): `first(src)` draws one Unit candidate the scalar way (as for_each_value_pieces), and
// `emit(u, i)` writes candidate u's value to out[i] (unconditionally; i < cnt) and returns whether
// it is accepted. Value i is the first accepted candidate after value i - 1's, so on the block
// the pieces are compacted branch-free in stream order (`i += emit(piece, i)`), stopping at cnt.
//
// `block(w, n, i)` may take a whole aligned block (every piece of the n words to be used) at once:
// it then does what the compacting loop would (values written from out[i], i advanced) and
// returns true (Lemire's 16/8-bit vector pass); false leaves the block to the loop.
template <class Unit, class BitGen, class Buf, class First, class Emit, class Block>
NPRANDOM_ALWAYS_INLINE void for_each_value_candidates(BitGen& bg, std::size_t cnt, Buf* b,
                                                      First&& first, Emit&& emit, Block&& block) {
  constexpr std::size_t bits = 8 * sizeof(Unit), per_word = 64 / bits;
  auto one = [&first, &emit](auto& s, std::size_t i) NPRANDOM_LAMBDA_INLINE {
    while (NPRANDOM_UNLIKELY(!emit(first(s), i))) {
    }
  };
  if constexpr (uses_half_word_uint32<BitGen>::value && has_fill_uint64<BitGen>::value &&
                (bits < 64 || !cheap_scalar_step<BitGen>::value)) {
    if (cnt >= 16) {
      block_source<BitGen> src(bg);
      std::size_t i = 0;
      while (i < cnt) {
        bool aligned = true;
        if constexpr (bits < 64) aligned = !src.has_half();
        if constexpr (bits < 32) aligned = aligned && b->bcnt == 0;
        if (!aligned) {  // one value the scalar way, until the pieces line up with the words
          one(src, i++);
          continue;
        }
        const std::size_t left = cnt - i;
        if (src.empty() &&
            src.refill(word_demand{bits == 64 ? left : 0,
                                   bits == 64 ? 0 : (left + (32 / bits) - 1) / (32 / bits)}) == 0)
          break;
        const std::uint64_t* w = src.data();
        const std::size_t words = src.available();
        std::size_t k = 0;
        if (left >= words * per_word) {  // every piece may be used: no bound check
          if (!block(w, words, i)) {
            for (std::size_t j = 0; j < words; ++j) {
              const std::uint64_t x = w[j];
              for (std::size_t p = 0; p < per_word; ++p)
                i += static_cast<std::size_t>(emit(static_cast<Unit>(x >> (bits * p % 64)), i));
            }
          }
          k = words * per_word;
        } else {
          for (; k < words * per_word && i < cnt; ++k)
            i +=
                static_cast<std::size_t>(emit(block_source<BitGen>::template piece<Unit>(w, k), i));
        }
        src.template consume_pieces<Unit>(k, b);
      }
      for (; i < cnt; ++i) one(src, i);  // the last few values, word by word
      return;
    }
  } else if constexpr (has_block_source<BitGen>::value && !cheap_scalar_step<BitGen>::value) {
    if (cnt >= 16) {
      for_each_value_exact(
          bg, cnt,
          [cnt, b](std::size_t i) NPRANDOM_LAMBDA_INLINE {
            const std::size_t left = cnt - i;
            if constexpr (bits == 64) return word_demand{left, 0};
            if constexpr (bits == 32) return word_demand{0, left};
            return word_demand{0, buffered_draws_needed(left, b->bcnt, 32 / bits)};
          },
          one);
      return;
    }
  }
  with_local_engine(bg, [&one, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) one(e, i);
  });
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_BLOCK_SOURCE_HPP
