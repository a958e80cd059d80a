// Bounded integer kernels: Lemire and masked-rejection draws on [off, off + rng], NumPy's
// 8/16-bit/bool buffering, and random_interval (masked rejection on [0, max]).
//
// Naming: NumPy's C function names minus the `random_` prefix (random_bounded_uint64 ->
// bounded_uint64, random_buffered_bounded_uint16 -> buffered_bounded_uint16,
// random_bounded_uint8_fill -> bounded_uint8_fill, ...). The one exception is
// `random_interval`, which keeps its NumPy name (a bare `interval` would say nothing).
//
// Every bounded draw takes the closed range [off, off + rng] as unsigned `off` and `rng`
// (`rng` = high_inclusive - low, wrapping), and returns `off + X` in unsigned arithmetic; signed
// dtypes use the unsigned type of the same width (two's complement bits), as NumPy does.
// `use_masked == false` is Lemire's method ("Fast Random Integer Generation in an Interval",
// ACM TOMACS 29(1), 2019, https://arxiv.org/abs/1805.10941) -- Generator.integers/choice;
// `use_masked == true` is rejection sampling with the smallest 2^k - 1 mask >= rng --
// RandomState.randint. `mask` (from gen_mask(rng)) is only read by the masked path.
//
// Buffering: 16-bit values are taken from one next_uint32, low half first; 8-bit values four to a
// next_uint32, least significant byte first; bools 32 to a next_uint32, LSB first. The buffer is a
// `uint32_buffer` that lives for one NumPy call (one fill, or one broadcast array): every `_fill`
// starts with an empty buffer, so a scalar draw always costs a whole next_uint32. 32-bit draws
// (including int64/uint64 with rng <= 0xFFFFFFFF) use next_uint32 directly (on 64-bit bit
// generators that is the buffered half-word of next_uint64). Special cases: rng == 0 returns off
// without a draw; rng == type max returns off + a raw (buffered) draw of that width.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_INTEGERS_HPP
#define NPRANDOM_DISTRIBUTIONS_INTEGERS_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

// The SSE2 path of lemire32_block_no_reject uses GCC/Clang vector types and the pmuludq builtin,
// not <emmintrin.h> (compile time of every translation unit, docs/benchmarks.md).
#if (defined(__GNUC__) || defined(__clang__)) && defined(__SSE2__) && defined(__x86_64__)
#define NPRANDOM_DETAIL_LEMIRE_SSE2 1
#endif

#include <nprandom/config.hpp>
#include <nprandom/detail/bitgen_traits.hpp>
#include <nprandom/detail/block_source.hpp>
#include <nprandom/detail/uint128.hpp>

namespace nprandom {
namespace distributions {

/// NumPy's gen_mask: the smallest 2^k - 1 >= max. GCC / Clang: from the count of leading zeros
/// (one instruction with lzcnt; NumPy's six shift-or steps are a 12-cycle dependency chain in a
/// one-value call whose range is not a constant).
constexpr std::uint64_t gen_mask(std::uint64_t max) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return max == 0 ? 0 : ~std::uint64_t{0} >> __builtin_clzll(max);
#else
  std::uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  return mask;
#endif
}

/// One candidate of random_interval's 32-bit loop (0 < max <= 0xFFFFFFFF, mask = gen_mask(max)):
/// `value = next_uint32() & mask`, accepted when value <= max. Also the hypergeometric urn's
/// branch-free step.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE bool random_interval_try32(BitGen& bg, std::uint64_t max, std::uint64_t mask,
                                                  std::uint64_t& value) noexcept {
  value = bg.next_uint32() & mask;
  return value <= max;
}

/// random_interval: uniform on [0, max] by masked rejection (NOT Lemire): draws
/// `next_uint32() & mask` while max <= 0xFFFFFFFF, else `next_uint64() & mask`, until the value
/// is <= max. max == 0 returns 0 without a draw. Used by shuffle/permutation/permuted, the
/// hypergeometric urn and multivariate_hypergeometric('count').
template <class BitGen>
inline std::uint64_t random_interval(BitGen& bg, std::uint64_t max) noexcept {
  if (max == 0) return 0;
  const std::uint64_t mask = gen_mask(max);
  std::uint64_t value;
  if (max <= 0xffffffffULL) {
    while (!random_interval_try32(bg, max, mask, value)) {
    }
  } else {
    while ((value = (bg.next_uint64() & mask)) > max) {
    }
  }
  return value;
}

/// NumPy's (bcnt, buf) pair: a 32-bit word being consumed 8, 16 or 1 bit(s) at a time. Create a
/// fresh one per NumPy call (fill or broadcast array).
struct uint32_buffer {
  std::uint32_t buf = 0;
  int bcnt = 0;
};

/// buffered_uint16: the next 16 bits, low half of a next_uint32 first.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint16_t buffered_uint16(BitGen& bg, uint32_buffer& b) noexcept {
  if (!b.bcnt) {
    b.buf = bg.next_uint32();
    b.bcnt = 1;
  } else {
    b.buf >>= 16;
    b.bcnt -= 1;
  }
  return static_cast<std::uint16_t>(b.buf);
}

/// buffered_uint8: the next 8 bits, least significant byte of a next_uint32 first.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint8_t buffered_uint8(BitGen& bg, uint32_buffer& b) noexcept {
  if (!b.bcnt) {
    b.buf = bg.next_uint32();
    b.bcnt = 3;
  } else {
    b.buf >>= 8;
    b.bcnt -= 1;
  }
  return static_cast<std::uint8_t>(b.buf);
}

// ---- masked rejection (use_masked == true) ----

/// bounded_masked_uint64: `next_uint64() & mask` until <= rng.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint64_t bounded_masked_uint64(BitGen& bg, std::uint64_t rng,
                                                           std::uint64_t mask) noexcept {
  std::uint64_t val;
  while ((val = (bg.next_uint64() & mask)) > rng) {
  }
  return val;
}

/// buffered_bounded_masked_uint32: `next_uint32() & mask` until <= rng.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint32_t buffered_bounded_masked_uint32(BitGen& bg, std::uint32_t rng,
                                                                    std::uint32_t mask) noexcept {
  std::uint32_t val;
  while ((val = (bg.next_uint32() & mask)) > rng) {
  }
  return val;
}

}  // namespace distributions
namespace detail {
// True when Src hands out its 32-bit words in runs, `run32(w)` / `consume32(k)` (the legacy front
// end's MT19937 block cursor).
template <class Src, class = void>
struct has_run32 : std::false_type {};
template <class Src>
struct has_run32<
    Src, std::void_t<decltype(std::declval<Src&>().run32(std::declval<const std::uint32_t*&>()))>>
    : std::true_type {};
}  // namespace detail
namespace distributions {

/// buffered_bounded_masked_uint16: buffered 16-bit words & mask until <= rng.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint16_t buffered_bounded_masked_uint16(BitGen& bg, std::uint16_t rng,
                                                                    std::uint16_t mask,
                                                                    uint32_buffer& b) noexcept {
  std::uint16_t val;
  while ((val = static_cast<std::uint16_t>(buffered_uint16(bg, b) & mask)) > rng) {
  }
  return val;
}

/// buffered_bounded_masked_uint8: buffered bytes & mask until <= rng.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint8_t buffered_bounded_masked_uint8(BitGen& bg, std::uint8_t rng,
                                                                  std::uint8_t mask,
                                                                  uint32_buffer& b) noexcept {
  std::uint8_t val;
  while ((val = static_cast<std::uint8_t>(buffered_uint8(bg, b) & mask)) > rng) {
  }
  return val;
}

/// cnt values off + buffered_bounded_masked_uint<8 sizeof(Unit)> (a fill's fresh 8/16-bit
/// buffer) read from the source's runs of 32-bit words: each word's pieces, low bits first, are
/// masked, written and kept when <= rng (branch-free), whole words while `per` more values may be
/// completed by one; the last few values are the scalar draws (the buffer is empty at a word
/// boundary). The words consumed are those of the cnt scalar loops.
template <class Unit, class Src, class U>
inline void masked_fill_runs(Src& src, U off, Unit rng, Unit mask, std::size_t cnt,
                             U* out) noexcept {
  constexpr std::size_t per = 4 / sizeof(Unit);
  std::size_t i = 0;
  while (cnt - i >= per) {
    const std::uint32_t* w;
    const std::size_t a = src.run32(w);
    std::size_t j = 0;
    for (; j < a && cnt - i >= per; ++j) {
      for (std::size_t p = 0; p < per; ++p) {
        const auto v = static_cast<Unit>(static_cast<Unit>(w[j] >> (8 * sizeof(Unit) * p)) & mask);
        out[i] = static_cast<U>(off + static_cast<U>(v));
        i += v <= rng ? 1 : 0;
      }
    }
    src.consume32(j);
  }
  uint32_buffer b;
  for (; i < cnt; ++i) {
    if constexpr (sizeof(Unit) == 4)
      out[i] = static_cast<U>(off + static_cast<U>(buffered_bounded_masked_uint32(src, rng, mask)));
    else if constexpr (sizeof(Unit) == 2)
      out[i] = static_cast<U>(off + buffered_bounded_masked_uint16(src, rng, mask, b));
    else
      out[i] = static_cast<U>(off + buffered_bounded_masked_uint8(src, rng, mask, b));
  }
}

// ---- Lemire (use_masked == false) ----
//
// Lemire's test, once, for every word width W (uint8/16/32/64 -- the 8/16-bit draws on buffered
// bytes/halves, 32 on next_uint32, 64 on next_uint64) and every path (the single draws below,
// the fills, the half-word bulk path): the candidate x is mapped to the high W bits of
// x * (rng + 1) (lemire_mul, which also gives the low W bits, the "leftover"); it is rejected
// when leftover < threshold = (2^W - 1 - rng) % (rng + 1) = 2^W % (rng + 1) (lemire_threshold),
// which only needs computing when leftover < rng + 1 (threshold < rng + 1). rng != 2^W - 1.

/// The high W bits of x * rng_excl (the value); the low W bits go to `leftover`.
template <class W>
NPRANDOM_ALWAYS_INLINE W lemire_mul(W x, W rng_excl, W& leftover) noexcept {
  static_assert(std::is_unsigned<W>::value && sizeof(W) <= 8, "Lemire words are uint8..uint64");
  if constexpr (sizeof(W) == 8) {
    std::uint64_t hi;
    leftover = detail::umul128(x, rng_excl, hi);
    return hi;
  } else {
    using P = std::conditional_t<sizeof(W) == 4, std::uint64_t, std::uint32_t>;
    const P m = static_cast<P>(static_cast<P>(x) * static_cast<P>(rng_excl));
    leftover = static_cast<W>(m);
    return static_cast<W>(m >> (8 * sizeof(W)));
  }
}

/// Lemire's rejection threshold (2^W - 1 - rng) % (rng + 1); a candidate is kept when its
/// leftover >= threshold.
template <class W>
NPRANDOM_ALWAYS_INLINE W lemire_threshold(W rng) noexcept {
  const W rng_excl = static_cast<W>(rng + 1);
  return static_cast<W>(static_cast<W>(std::numeric_limits<W>::max() - rng) % rng_excl);
}

/// One Lemire draw on [0, rng] from W-bit candidates `draw()` (rng != 2^W - 1): NumPy's
/// random_bounded_uint64 / buffered_bounded_lemire_uint32/16/8. Draws until accepted.
template <class W, class Draw>
NPRANDOM_ALWAYS_INLINE W lemire_draw(W rng, Draw&& draw) noexcept {
  const W rng_excl = static_cast<W>(rng + 1);
  W leftover;
  W value = lemire_mul<W>(draw(), rng_excl, leftover);
  if (NPRANDOM_UNLIKELY(leftover < rng_excl)) {
    const W threshold = lemire_threshold(rng);
    while (leftover < threshold) value = lemire_mul<W>(draw(), rng_excl, leftover);
  }
  return value;
}

/// Lemire's test with the threshold computed by the caller (once per fill): candidate x gives
/// `value` and is accepted when its leftover >= threshold (no `leftover < rng + 1` pre-check,
/// which for 8/16-bit words passes most of the time).
template <class W>
NPRANDOM_ALWAYS_INLINE bool lemire_accept(W x, W rng_excl, W threshold, W& value) noexcept {
  W leftover;
  value = lemire_mul<W>(x, rng_excl, leftover);
  return leftover >= threshold;
}

/// A Lemire draw whose first candidate x is already drawn: candidates from draw() until one is
/// accepted.
template <class W, class Draw>
NPRANDOM_ALWAYS_INLINE W lemire_finish(W x, W rng_excl, W threshold, Draw&& draw) noexcept {
  W value;
  if (NPRANDOM_LIKELY(lemire_accept(x, rng_excl, threshold, value))) return value;
  while (!lemire_accept(draw(), rng_excl, threshold, value)) {
  }
  return value;
}

/// lemire_draw with the threshold computed by the caller (once per fill).
template <class W, class Draw>
NPRANDOM_ALWAYS_INLINE W lemire_draw(W rng_excl, W threshold, Draw&& draw) noexcept {
  return lemire_finish(draw(), rng_excl, threshold, draw);
}

/// Lemire's test and value for the 16-bit or 8-bit pieces of words[0..n) (each word's pieces low
/// bits first, NumPy's buffered order), eight pieces at a time in vector lanes: a step with no
/// rejected piece stores its eight values off + value at out[i..i+8), a step with one compacts
/// them from the lanes; i ends as the compacting loop leaves it. Returns false, doing nothing,
/// where there is no vector path (64-bit W, no SSE2) or where rejections are common (more than
/// 1 in 64 candidates: most steps would fall back). Exact integer arithmetic: the lanes compute
/// what lemire_accept does.
template <class W>
NPRANDOM_ALWAYS_INLINE bool lemire_small_block(const std::uint64_t* words, std::size_t n,
                                               W rng_excl, W threshold, W off, W* out,
                                               std::size_t& i) noexcept {
#ifdef NPRANDOM_DETAIL_LEMIRE_SSE2
  if constexpr (sizeof(W) == 2 || sizeof(W) == 1) {
    constexpr unsigned bits = 8 * sizeof(W);
    if ((static_cast<std::uint32_t>(threshold) << 6) >= (std::uint32_t{1} << bits)) return false;
    __extension__ typedef std::uint16_t u16x8 __attribute__((vector_size(16)));
    __extension__ typedef short i16x8 __attribute__((vector_size(16)));
    __extension__ typedef std::uint8_t u8x8 __attribute__((vector_size(8)));
    const u16x8 r = u16x8{} + static_cast<std::uint16_t>(rng_excl);
    const u16x8 thr = u16x8{} + static_cast<std::uint16_t>(threshold);
    const u16x8 o = u16x8{} + static_cast<std::uint16_t>(off);
    constexpr std::size_t step_words = sizeof(W) == 2 ? 2 : 1;  // eight pieces a step
    std::size_t j = 0;
    for (; j + step_words <= n; j += step_words) {
      u16x8 v, bad;
      if constexpr (sizeof(W) == 2) {
        u16x8 x;
        __builtin_memcpy(&x, words + j, sizeof x);
        // pmullw gives the low 16 bits of each product (the leftover), pmulhuw the value
        const u16x8 lo = x * r;
        bad = __builtin_bit_cast(u16x8, lo < thr);
        v = __builtin_bit_cast(u16x8, __builtin_ia32_pmulhuw128(__builtin_bit_cast(i16x8, x),
                                                                __builtin_bit_cast(i16x8, r))) +
            o;
      } else {
        u8x8 x8;
        __builtin_memcpy(&x8, words + j, sizeof x8);
        const u16x8 prod = __builtin_convertvector(x8, u16x8) * r;  // < 2^16: exact
        bad = __builtin_bit_cast(u16x8, (prod & 0xffu) < thr);
        v = (prod >> 8) + o;
      }
      const auto b64 = __builtin_bit_cast(std::uint64_t __attribute__((vector_size(16))), bad);
      if (NPRANDOM_LIKELY((b64[0] | b64[1]) == 0)) {
        if constexpr (sizeof(W) == 2) {
          __builtin_memcpy(out + i, &v, sizeof v);
        } else {
          const u8x8 v8 = __builtin_convertvector(v, u8x8);
          __builtin_memcpy(out + i, &v8, sizeof v8);
        }
        i += 8;
      } else {
        for (int q = 0; q < 8; ++q) {
          out[i] = static_cast<W>(v[q]);
          i += bad[q] == 0 ? 1 : 0;
        }
      }
    }
    for (; j < n; ++j) {  // an odd last word (16-bit): its four pieces one by one
      for (std::size_t p = 0; p < 8 / sizeof(W); ++p) {
        W v;
        const bool ok =
            lemire_accept(static_cast<W>(words[j] >> (bits * p)), rng_excl, threshold, v);
        out[i] = static_cast<W>(off + v);
        i += ok ? 1 : 0;
      }
    }
    return true;
  }
#endif
  (void)words;
  (void)n;
  (void)rng_excl;
  (void)threshold;
  (void)off;
  (void)out;
  (void)i;
  return false;
}

/// A Lemire fill on [off, off + rng] of `cnt` W-bit values, the candidates being W-bit pieces
/// (next_uint64; NumPy's buffered 16/8-bit pieces through `b`): the pieces come straight from the
/// bulk source where the generator has one (detail::for_each_value_pieces), with Lemire's test
/// and finish as the scalar draws use them.
template <class W, class BitGen, class Buf, class Piece>
NPRANDOM_ALWAYS_INLINE void lemire_fill(BitGen& bg, W off, W rng, std::size_t cnt, W* out, Buf* b,
                                        Piece&& piece) noexcept {
  const auto rng_excl = static_cast<W>(rng + 1);
  const W threshold = lemire_threshold(rng);
  detail::for_each_value_candidates<W>(
      bg, cnt, b, piece,
      [out, off, rng_excl, threshold](W u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        W v;
        const bool ok = lemire_accept(u, rng_excl, threshold, v);
        out[i] = static_cast<W>(off + v);
        return ok;
      },
      [out, off, rng_excl, threshold](const std::uint64_t* w, std::size_t n, std::size_t& i)
          NPRANDOM_LAMBDA_INLINE {
            return lemire_small_block(w, n, rng_excl, threshold, off, out, i);
          });
}

/// bounded_lemire_uint64: Lemire on next_uint64 (128-bit product). Requires rng != 2^64 - 1.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint64_t bounded_lemire_uint64(BitGen& bg, std::uint64_t rng) noexcept {
  return lemire_draw<std::uint64_t>(rng,
                                    [&bg]() NPRANDOM_LAMBDA_INLINE { return bg.next_uint64(); });
}

/// buffered_bounded_lemire_uint32: Lemire on next_uint32 (64-bit product).
/// Requires rng != 2^32 - 1.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint32_t buffered_bounded_lemire_uint32(BitGen& bg,
                                                                    std::uint32_t rng) noexcept {
  return lemire_draw<std::uint32_t>(rng,
                                    [&bg]() NPRANDOM_LAMBDA_INLINE { return bg.next_uint32(); });
}

/// buffered_bounded_lemire_uint16: Lemire on buffered 16-bit words (32-bit product).
/// Requires rng != 0xFFFF.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint16_t buffered_bounded_lemire_uint16(BitGen& bg, std::uint16_t rng,
                                                                    uint32_buffer& b) noexcept {
  return lemire_draw<std::uint16_t>(
      rng, [&bg, &b]() NPRANDOM_LAMBDA_INLINE { return buffered_uint16(bg, b); });
}

/// buffered_bounded_lemire_uint8: Lemire on buffered bytes (16-bit product).
/// Requires rng != 0xFF.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint8_t buffered_bounded_lemire_uint8(BitGen& bg, std::uint8_t rng,
                                                                  uint32_buffer& b) noexcept {
  return lemire_draw<std::uint8_t>(
      rng, [&bg, &b]() NPRANDOM_LAMBDA_INLINE { return buffered_uint8(bg, b); });
}

/// buffered_bounded_bool: rng == 0 returns off without a draw; otherwise the next bit of the
/// buffer (LSB first, 32 per next_uint32).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE bool buffered_bounded_bool(BitGen& bg, bool off, bool rng,
                                                  uint32_buffer& b) noexcept {
  if (!rng) return off;
  if (!b.bcnt) {
    b.buf = bg.next_uint32();
    b.bcnt = 31;
  } else {
    b.buf >>= 1;
    b.bcnt -= 1;
  }
  return (b.buf & 0x1u) != 0;
}

// ---- single draws (random_bounded_uint64, random_buffered_bounded_*) ----

/// random_bounded_uint64: one value on [off, off + rng]. rng <= 0xFFFFFFFF takes the 32-bit
/// path on next_uint32 (rng == 0xFFFFFFFF: a raw next_uint32); rng == 2^64 - 1: a raw
/// next_uint64. Lemire unless use_masked.
template <class BitGen>
inline std::uint64_t bounded_uint64(BitGen& bg, std::uint64_t off, std::uint64_t rng,
                                    std::uint64_t mask, bool use_masked) noexcept {
  if (rng == 0) return off;
  if (rng <= 0xffffffffULL) {
    if (rng == 0xffffffffULL) return off + static_cast<std::uint64_t>(bg.next_uint32());
    if (use_masked) {
      return off + buffered_bounded_masked_uint32(bg, static_cast<std::uint32_t>(rng),
                                                  static_cast<std::uint32_t>(mask));
    }
    return off + buffered_bounded_lemire_uint32(bg, static_cast<std::uint32_t>(rng));
  }
  if (rng == UINT64_MAX) return off + bg.next_uint64();
  if (use_masked) return off + bounded_masked_uint64(bg, rng, mask);
  return off + bounded_lemire_uint64(bg, rng);
}

/// random_buffered_bounded_uint32 (the buffer is unused for 32 bits; kept for symmetry).
template <class BitGen>
inline std::uint32_t buffered_bounded_uint32(BitGen& bg, std::uint32_t off, std::uint32_t rng,
                                             std::uint32_t mask, bool use_masked,
                                             uint32_buffer& /*b*/) noexcept {
  if (rng == 0) return off;
  if (rng == 0xffffffffu) return off + bg.next_uint32();
  if (use_masked) return off + buffered_bounded_masked_uint32(bg, rng, mask);
  return off + buffered_bounded_lemire_uint32(bg, rng);
}

/// random_buffered_bounded_uint16.
template <class BitGen>
inline std::uint16_t buffered_bounded_uint16(BitGen& bg, std::uint16_t off, std::uint16_t rng,
                                             std::uint16_t mask, bool use_masked,
                                             uint32_buffer& b) noexcept {
  if (rng == 0) return off;
  if (rng == 0xffffu) return static_cast<std::uint16_t>(off + buffered_uint16(bg, b));
  if (use_masked) {
    return static_cast<std::uint16_t>(off + buffered_bounded_masked_uint16(bg, rng, mask, b));
  }
  return static_cast<std::uint16_t>(off + buffered_bounded_lemire_uint16(bg, rng, b));
}

/// random_buffered_bounded_uint8.
template <class BitGen>
inline std::uint8_t buffered_bounded_uint8(BitGen& bg, std::uint8_t off, std::uint8_t rng,
                                           std::uint8_t mask, bool use_masked,
                                           uint32_buffer& b) noexcept {
  if (rng == 0) return off;
  if (rng == 0xffu) return static_cast<std::uint8_t>(off + buffered_uint8(bg, b));
  if (use_masked) {
    return static_cast<std::uint8_t>(off + buffered_bounded_masked_uint8(bg, rng, mask, b));
  }
  return static_cast<std::uint8_t>(off + buffered_bounded_lemire_uint8(bg, rng, b));
}

// ---- one 8-bit value from a fresh buffer (a one-value call), four candidates at a time ----
//
// A one-value call starts NumPy's byte buffer afresh, so its candidates are the four bytes of
// one next_uint32 (least significant first), then of the next, and so on. The four are tested at
// once in the 16-bit lanes of a 64-bit word, each lane exactly lemire_accept / the masked test on
// its byte, and the first accepted byte gives the value: no branch per candidate, the same
// words and value as the byte-by-byte loop (a word with no accepted byte draws the next).

/// The bytes of w in the 16-bit lanes of a 64-bit word, byte k (from the least significant) in
/// lane k.
NPRANDOM_ALWAYS_INLINE std::uint64_t u8_lanes(std::uint32_t w) noexcept {
  std::uint64_t x = w;
  x = (x | (x << 16)) & 0x0000ffff0000ffffULL;
  return (x | (x << 8)) & 0x00ff00ff00ff00ffULL;
}
/// The bit index (8 + 16 k) of the first set lane flag (bit 8 of lane k) of a nonzero `flags`.
NPRANDOM_ALWAYS_INLINE int first_lane_flag(std::uint64_t flags) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctzll(flags);
#else
  int k = 8;
  while (!((flags >> k) & 1u)) k += 16;
  return k;
#endif
}
inline constexpr std::uint64_t u8_lane_ones = 0x0001000100010001ULL;

/// buffered_bounded_lemire_uint8 with a fresh buffer (rng < 0xff): per lane the product
/// byte * (rng + 1) (< 2^16), accepted when its low byte (the leftover) >= the threshold, i.e.
/// when leftover + (256 - threshold) reaches bit 8; the value is the product's high byte.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint8_t lemire_one_uint8(BitGen& bg, std::uint8_t rng) noexcept {
  const std::uint64_t rng_excl = std::uint64_t{rng} + 1u;
  const std::uint64_t bias = (0x100u - std::uint64_t{lemire_threshold(rng)}) * u8_lane_ones;
  for (;;) {
    const std::uint64_t prod = u8_lanes(bg.next_uint32()) * rng_excl;
    const std::uint64_t ok = ((prod & 0x00ff00ff00ff00ffULL) + bias) & (u8_lane_ones << 8);
    if (NPRANDOM_LIKELY(ok != 0)) return static_cast<std::uint8_t>(prod >> first_lane_flag(ok));
  }
}

/// buffered_bounded_masked_uint8 with a fresh buffer: per lane byte & mask, accepted when
/// <= rng, i.e. when (byte & mask) + (255 - rng) stays below bit 8.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint8_t masked_one_uint8(BitGen& bg, std::uint8_t rng,
                                                     std::uint8_t mask) noexcept {
  const std::uint64_t lane_mask = std::uint64_t{mask} * u8_lane_ones;
  const std::uint64_t bias = (0xffu - std::uint64_t{rng}) * u8_lane_ones;
  for (;;) {
    const std::uint64_t v = u8_lanes(bg.next_uint32()) & lane_mask;
    const std::uint64_t ok = ~(v + bias) & (u8_lane_ones << 8);
    if (NPRANDOM_LIKELY(ok != 0)) return static_cast<std::uint8_t>(v >> (first_lane_flag(ok) - 8));
  }
}

/// One value on [off, off + rng] in the unsigned type U of a Generator.integers dtype: what the
/// fill of that dtype (bounded_uint64_fill, ..., bounded_bool_fill) does for n == 1, without the
/// fill machinery. A fresh bit buffer (8/16-bit and bool draws start a new next_uint32, and a
/// Lemire rejection takes the next byte/half of that word); 32-bit draws (and 64-bit ranges below
/// 2^32) take next_uint32, so a 64-bit generator's buffered half-word is used and refilled exactly
/// as by the sized call. Lemire (use_masked == false) only: Generator's draw.
template <class U, class BitGen>
NPRANDOM_ALWAYS_INLINE U bounded_one_lemire(BitGen& bg, U off, U rng) noexcept {
  if constexpr (std::is_same<U, bool>::value) {
    if (!rng) return off;
    return (bg.next_uint32() & 0x1u) != 0;
  } else if constexpr (sizeof(U) == 8) {
    if (NPRANDOM_LIKELY(rng < 0xffffffffULL)) {
      if (rng == 0) return off;
      return off + buffered_bounded_lemire_uint32(bg, static_cast<std::uint32_t>(rng));
    }
    // bounded_uint64's 64-bit paths, inline (rng < 2^32 - 1 was taken above)
    if (rng == 0xffffffffULL) return off + static_cast<std::uint64_t>(bg.next_uint32());
    if (rng == UINT64_MAX) return off + bg.next_uint64();
    return off + bounded_lemire_uint64(bg, rng);
  } else if constexpr (sizeof(U) == 4) {
    if (rng == 0) return off;
    if (rng == 0xffffffffu) return off + bg.next_uint32();
    return off + buffered_bounded_lemire_uint32(bg, rng);
  } else if constexpr (sizeof(U) == 2) {
    uint32_buffer b;
    return buffered_bounded_uint16(bg, off, rng, 0, false, b);
  } else {
    if (rng == 0) return off;
    if (rng == 0xffu) return static_cast<U>(off + static_cast<U>(bg.next_uint32()));
    return static_cast<U>(off + lemire_one_uint8(bg, static_cast<std::uint8_t>(rng)));
  }
}

/// The masked twin of bounded_one_lemire (RandomState.randint's draw): what the fill of U's width
/// does for n == 1 with use_masked, without the fill machinery (a fresh 8/16-bit/bool buffer).
template <class U, class BitGen>
NPRANDOM_ALWAYS_INLINE U bounded_one_masked(BitGen& bg, U off, U rng) noexcept {
  if constexpr (std::is_same<U, bool>::value) {
    return bounded_one_lemire<U>(bg, off, rng);  // one bit: masked and Lemire are the same
  } else if constexpr (sizeof(U) == 8) {
    if (NPRANDOM_LIKELY(rng < 0xffffffffULL)) {  // bounded_uint64's 32-bit path, inline
      if (rng == 0) return off;
      const auto rng32 = static_cast<std::uint32_t>(rng);
      return off +
             buffered_bounded_masked_uint32(bg, rng32, static_cast<std::uint32_t>(gen_mask(rng32)));
    }
    if (rng == 0xffffffffULL) return off + static_cast<std::uint64_t>(bg.next_uint32());
    if (rng == UINT64_MAX) return off + bg.next_uint64();
    return off + bounded_masked_uint64(bg, rng, gen_mask(rng));
  } else {
    uint32_buffer b;
    const auto mask = static_cast<U>(gen_mask(rng));
    if constexpr (sizeof(U) == 4) {
      return buffered_bounded_uint32(bg, off, rng, mask, true, b);
    } else if constexpr (sizeof(U) == 2) {
      return buffered_bounded_uint16(bg, off, rng, mask, true, b);
    } else {
      if (rng == 0) return off;
      return static_cast<U>(off + masked_one_uint8(bg, static_cast<std::uint8_t>(rng), mask));
    }
  }
}

// ---- bulk 32-bit draws on half-words (fast path of the fills) ----

/// One block of lemire_uint32_fill_halves without rejections: writes 2 * k values
/// `off + ((half * rng_excl) >> 32)`, halves low first, to `out`, and returns whether any
/// candidate was rejected (`(half * rng_excl) mod 2^32 < threshold`), in which case `out` holds
/// garbage the caller overwrites. rng_excl == 0 stands for 2^32 (not used: rng < 2^32 - 1).
template <class U>
NPRANDOM_ALWAYS_INLINE bool lemire32_block_no_reject(const std::uint64_t* words, std::size_t k,
                                                     std::uint32_t rng_excl,
                                                     std::uint32_t threshold, U off,
                                                     U* out) noexcept {
  std::size_t j = 0;
  std::uint32_t rejected = 0;
#ifdef NPRANDOM_DETAIL_LEMIRE_SSE2
  if constexpr (sizeof(U) == 8 || sizeof(U) == 4) {
    __extension__ typedef std::uint64_t u64x2 __attribute__((vector_size(16)));
    __extension__ typedef std::uint32_t u32x4 __attribute__((vector_size(16)));
    __extension__ typedef int i32x4 __attribute__((vector_size(16)));
    const u64x2 r = {rng_excl, rng_excl};
    const u32x4 thr = {threshold, threshold, threshold, threshold};
    u32x4 bad = {0u, 0u, 0u, 0u};
    for (; j + 2 <= k; j += 2) {
      u64x2 w;
      __builtin_memcpy(&w, words + j, sizeof w);
      // pmuludq: the low 32 bits of each 64-bit lane times rng_excl, to 64 bits.
      const u64x2 pl = __builtin_bit_cast(
          u64x2,
          __builtin_ia32_pmuludq128(__builtin_bit_cast(i32x4, w), __builtin_bit_cast(i32x4, r)));
      const u64x2 ph =
          __builtin_bit_cast(u64x2, __builtin_ia32_pmuludq128(__builtin_bit_cast(i32x4, w >> 32u),
                                                              __builtin_bit_cast(i32x4, r)));
      // 32-bit lanes 0 and 2 of pl/ph hold the leftovers (lanes 1 and 3 are ignored below).
      bad |= __builtin_bit_cast(u32x4, __builtin_bit_cast(u32x4, pl) < thr);
      bad |= __builtin_bit_cast(u32x4, __builtin_bit_cast(u32x4, ph) < thr);
      const u64x2 vl = pl >> 32u;
      const u64x2 vh = ph >> 32u;
      if constexpr (sizeof(U) == 8) {
        const u64x2 o = {static_cast<std::uint64_t>(off), static_cast<std::uint64_t>(off)};
        const u64x2 first = u64x2{vl[0], vh[0]} + o;
        const u64x2 second = u64x2{vl[1], vh[1]} + o;
        __builtin_memcpy(out + 2 * j, &first, sizeof first);
        __builtin_memcpy(out + 2 * j + 2, &second, sizeof second);
      } else {
        const std::uint32_t o32 = static_cast<std::uint32_t>(off);
        const u32x4 v = __builtin_bit_cast(u32x4, vl | (ph & 0xffffffff00000000ULL)) +
                        u32x4{o32, o32, o32, o32};
        __builtin_memcpy(out + 2 * j, &v, sizeof v);
      }
    }
    rejected = bad[0] | bad[2];
  }
#endif
  for (; j < k; ++j) {
    std::uint32_t left_lo, left_hi;
    const std::uint32_t lo =
        lemire_mul<std::uint32_t>(static_cast<std::uint32_t>(words[j]), rng_excl, left_lo);
    const std::uint32_t hi =
        lemire_mul<std::uint32_t>(static_cast<std::uint32_t>(words[j] >> 32), rng_excl, left_hi);
    out[2 * j] = static_cast<U>(off + static_cast<U>(lo));
    out[2 * j + 1] = static_cast<U>(off + static_cast<U>(hi));
    rejected |= static_cast<std::uint32_t>(left_lo < threshold) |
                static_cast<std::uint32_t>(left_hi < threshold);
  }
  return rejected != 0;
}

/// `cnt` values `off + buffered_bounded_lemire_uint32(bg, rng)` (rng < 2^32 - 1), the same values
/// and the same final state, including the half-word buffer, as `cnt` scalar calls. The 32-bit
/// draws are the halves of next_uint64 words drawn in blocks into a local array (a block is never
/// larger than half the values still wanted, so no word is drawn that the scalar calls would not
/// draw); Lemire's test is the equivalent `leftover >= threshold`
/// (threshold = 2^32 % (rng + 1) < rng + 1), stored branch-free. Requires
/// detail::uses_half_word_uint32<BitGen>.
template <class BitGen, class U>
inline void lemire_uint32_fill_halves(BitGen& bg, U off, std::uint32_t rng, std::size_t cnt,
                                      U* out) noexcept {
  if (cnt < 16) {  // scalar calls: no up-front division for the threshold
    for (std::size_t i = 0; i < cnt; ++i)
      out[i] = static_cast<U>(off + buffered_bounded_lemire_uint32(bg, rng));
    return;
  }
  const auto rng_excl = static_cast<std::uint32_t>(rng + 1);
  const std::uint32_t threshold = lemire_threshold(rng);
  std::uint32_t buf;
  bool has = bg.uint32_buffer_state(buf);
  std::size_t i = 0;
  auto take = [&](std::uint32_t c) {
    std::uint32_t leftover;
    const std::uint32_t v = lemire_mul(c, rng_excl, leftover);
    if (leftover >= threshold) out[i++] = static_cast<U>(off + static_cast<U>(v));
  };
  if (has && cnt != 0) {
    has = false;
    take(buf);
  }
  constexpr std::size_t kBlock = detail::bulk_block_words;  // 256 measured 12-15% slower
  std::uint64_t words[kBlock];
  while (cnt - i >= 2) {
    const std::size_t k = (cnt - i) / 2 < kBlock ? (cnt - i) / 2 : kBlock;
    // The draws go to a local array (which cannot alias the generator's state, so the state
    // stays in registers); the products are then formed in a separate, SIMD-friendly pass.
    if constexpr (detail::has_fill_uint64<BitGen>::value) {
      bg.fill_uint64(words, k);  // the bulk source (k <= the words still needed)
    } else {
      for (std::size_t j = 0; j < k; ++j) words[j] = bg.next_uint64();
    }
    buf = static_cast<std::uint32_t>(words[k - 1] >> 32);
    // Common case first: no candidate of the block is rejected, every slot is written in order;
    // otherwise the block is redone with the compacting loop, which overwrites the same slots.
    if (NPRANDOM_LIKELY(!lemire32_block_no_reject(words, k, rng_excl, threshold, off, out + i))) {
      i += 2 * k;
      continue;
    }
    for (std::size_t j = 0; j < k; ++j) {
      std::uint32_t left_lo, left_hi;
      const std::uint32_t lo =
          lemire_mul<std::uint32_t>(static_cast<std::uint32_t>(words[j]), rng_excl, left_lo);
      const std::uint32_t hi =
          lemire_mul<std::uint32_t>(static_cast<std::uint32_t>(words[j] >> 32), rng_excl, left_hi);
      out[i] = static_cast<U>(off + static_cast<U>(lo));
      i += left_lo >= threshold;
      out[i] = static_cast<U>(off + static_cast<U>(hi));
      i += left_hi >= threshold;
    }
  }
  while (i < cnt) {
    if (has) {
      has = false;
      take(buf);
    } else {
      const std::uint64_t w = bg.next_uint64();
      buf = static_cast<std::uint32_t>(w >> 32);
      has = true;
      take(static_cast<std::uint32_t>(w));
    }
  }
  bg.set_uint32_buffer_state(has, buf);
}

// ---- fills (random_bounded_*_fill): one NumPy call with scalar bounds ----
//
// Every fill is the scalar kernel run value by value on the bit generator's block word source
// (detail::for_each_value_exact, detail/block_source.hpp): words drawn ahead in blocks no larger
// than a lower bound of what the remaining values draw (one next_uint64 or next_uint32 per value;
// one next_uint32 per 2 / 4 / 32 values of the 16-bit / 8-bit / bool buffer, less what the buffer
// still holds), so values and final state are those of the plain loop.

namespace detail_fill {
// word_demand bounds: one next_uint64 / next_uint32 per remaining value.
NPRANDOM_ALWAYS_INLINE auto per_value_64(std::size_t cnt) noexcept {
  return [cnt](std::size_t i) NPRANDOM_LAMBDA_INLINE { return detail::word_demand{cnt - i, 0}; };
}
NPRANDOM_ALWAYS_INLINE auto per_value_32(std::size_t cnt) noexcept {
  return [cnt](std::size_t i) NPRANDOM_LAMBDA_INLINE { return detail::word_demand{0, cnt - i}; };
}
// `per` values to a next_uint32 through the uint32_buffer b.
NPRANDOM_ALWAYS_INLINE auto per_buffered(std::size_t cnt, const uint32_buffer& b,
                                         std::size_t per) noexcept {
  return [cnt, &b, per](std::size_t i) NPRANDOM_LAMBDA_INLINE {
    return detail::word_demand{0, detail::buffered_draws_needed(cnt - i, b.bcnt, per)};
  };
}
}  // namespace detail_fill

/// random_bounded_uint64_fill: `cnt` values on [off, off + rng]; the 32-bit path is used when
/// rng <= 0xFFFFFFFF.
template <class BitGen>
inline void bounded_uint64_fill(BitGen& bg, std::uint64_t off, std::uint64_t rng, std::size_t cnt,
                                bool use_masked, std::uint64_t* out) noexcept {
  using detail::for_each_value_exact;
  if (rng == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off;
  } else if (rng <= 0xffffffffULL) {
    if (rng == 0xffffffffULL) {
      for_each_value_exact(bg, cnt, detail_fill::per_value_32(cnt),
                           [out, off](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE {
                             out[i] = off + static_cast<std::uint64_t>(src.next_uint32());
                           });
    } else {
      const auto rng32 = static_cast<std::uint32_t>(rng);
      if (use_masked) {
        const auto mask = static_cast<std::uint32_t>(gen_mask(rng));
        if constexpr (detail::has_run32<BitGen>::value) {
          masked_fill_runs<std::uint32_t>(bg, off, rng32, mask, cnt, out);
          return;
        }
        for_each_value_exact(bg, cnt, detail_fill::per_value_32(cnt),
                             [out, off, rng32, mask](auto& src, std::size_t i)
                                 NPRANDOM_LAMBDA_INLINE {
                                   out[i] = off + buffered_bounded_masked_uint32(src, rng32, mask);
                                 });
      } else if constexpr (detail::uses_half_word_uint32<BitGen>::value) {
        lemire_uint32_fill_halves(bg, off, rng32, cnt, out);
      } else {
        for_each_value_exact(bg, cnt, detail_fill::per_value_32(cnt),
                             [out, off, rng32](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE {
                               out[i] = off + buffered_bounded_lemire_uint32(src, rng32);
                             });
      }
    }
  } else if (rng == UINT64_MAX) {
    for_each_value_exact(bg, cnt, detail_fill::per_value_64(cnt),
                         [out, off](auto& src, std::size_t i)
                             NPRANDOM_LAMBDA_INLINE { out[i] = off + src.next_uint64(); });
  } else if (use_masked) {
    const std::uint64_t mask = gen_mask(rng);
    for_each_value_exact(bg, cnt, detail_fill::per_value_64(cnt),
                         [out, off, rng, mask](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE {
                           out[i] = off + bounded_masked_uint64(src, rng, mask);
                         });
  } else {
    lemire_fill<std::uint64_t>(bg, off, rng, cnt, out,
                               static_cast<detail::no_piece_buffer*>(nullptr),
                               [](auto& src) NPRANDOM_LAMBDA_INLINE { return src.next_uint64(); });
  }
}

/// random_bounded_uint32_fill.
template <class BitGen>
inline void bounded_uint32_fill(BitGen& bg, std::uint32_t off, std::uint32_t rng, std::size_t cnt,
                                bool use_masked, std::uint32_t* out) noexcept {
  using detail::for_each_value_exact;
  if (rng == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off;
  } else if (rng == 0xffffffffu) {
    for_each_value_exact(bg, cnt, detail_fill::per_value_32(cnt),
                         [out, off](auto& src, std::size_t i)
                             NPRANDOM_LAMBDA_INLINE { out[i] = off + src.next_uint32(); });
  } else if (use_masked) {
    const auto mask = static_cast<std::uint32_t>(gen_mask(rng));
    if constexpr (detail::has_run32<BitGen>::value) {
      masked_fill_runs<std::uint32_t>(bg, off, rng, mask, cnt, out);
      return;
    }
    for_each_value_exact(bg, cnt, detail_fill::per_value_32(cnt),
                         [out, off, rng, mask](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE {
                           out[i] = off + buffered_bounded_masked_uint32(src, rng, mask);
                         });
  } else if constexpr (detail::uses_half_word_uint32<BitGen>::value) {
    lemire_uint32_fill_halves(bg, off, rng, cnt, out);
  } else {
    for_each_value_exact(bg, cnt, detail_fill::per_value_32(cnt),
                         [out, off, rng](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE {
                           out[i] = off + buffered_bounded_lemire_uint32(src, rng);
                         });
  }
}

/// random_bounded_uint16_fill / random_bounded_uint8_fill (one fresh buffer for the whole fill).
template <class U, class BitGen>
inline void bounded_small_fill(BitGen& bg, U off, U rng, std::size_t cnt, bool use_masked,
                               U* out) noexcept {
  static_assert(sizeof(U) == 1 || sizeof(U) == 2, "8/16-bit fills");
  constexpr std::size_t per = 4 / sizeof(U);  // values per next_uint32
  constexpr U full = std::numeric_limits<U>::max();
  auto piece = [](auto& src, uint32_buffer& b) NPRANDOM_LAMBDA_INLINE {
    if constexpr (sizeof(U) == 2)
      return buffered_uint16(src, b);
    else
      return buffered_uint8(src, b);
  };
  uint32_buffer b;
  const auto demand = detail_fill::per_buffered(cnt, b, per);
  if (rng == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off;
  } else if (rng == full) {
    detail::for_each_value_exact(
        bg, cnt, demand, [out, off, &b, piece](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE {
          out[i] = static_cast<U>(off + piece(src, b));
        });
  } else if (use_masked) {
    const auto mask = static_cast<U>(gen_mask(rng));
    if constexpr (detail::has_run32<BitGen>::value) {
      masked_fill_runs<U>(bg, off, rng, mask, cnt, out);
      return;
    }
    detail::for_each_value_exact(
        bg, cnt, demand,
        [out, off, rng, mask, &b](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE {
          if constexpr (sizeof(U) == 2)
            out[i] = static_cast<U>(off + buffered_bounded_masked_uint16(src, rng, mask, b));
          else
            out[i] = static_cast<U>(off + buffered_bounded_masked_uint8(src, rng, mask, b));
        });
  } else {
    lemire_fill<U>(bg, off, rng, cnt, out, &b,
                   [&b, piece](auto& src) NPRANDOM_LAMBDA_INLINE { return piece(src, b); });
  }
}

/// random_bounded_uint16_fill.
template <class BitGen>
inline void bounded_uint16_fill(BitGen& bg, std::uint16_t off, std::uint16_t rng, std::size_t cnt,
                                bool use_masked, std::uint16_t* out) noexcept {
  bounded_small_fill<std::uint16_t>(bg, off, rng, cnt, use_masked, out);
}

/// random_bounded_uint8_fill.
template <class BitGen>
inline void bounded_uint8_fill(BitGen& bg, std::uint8_t off, std::uint8_t rng, std::size_t cnt,
                               bool use_masked, std::uint8_t* out) noexcept {
  bounded_small_fill<std::uint8_t>(bg, off, rng, cnt, use_masked, out);
}

/// random_bounded_bool_fill (one fresh buffer; masked and Lemire are the same for bool).
template <class BitGen>
inline void bounded_bool_fill(BitGen& bg, bool off, bool rng, std::size_t cnt, bool /*use_masked*/,
                              bool* out) noexcept {
  if (!rng) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off;
    return;
  }
  uint32_buffer b;
  detail::for_each_value_exact(
      bg, cnt, detail_fill::per_buffered(cnt, b, 32),
      [out, off, rng, &b](auto& src, std::size_t i)
          NPRANDOM_LAMBDA_INLINE { out[i] = buffered_bounded_bool(src, off, rng, b); });
}

/// integers(off, off + rng, size=n, dtype=bool) as a std::vector<bool>: the values of
/// bounded_bool_fill (one fresh bit buffer, 32 bits LSB first per next_uint32). With libstdc++
/// the bits go straight into the vector's words, 64 (two next_uint32) per store; elsewhere, and
/// for the last partial word, bit by bit.
template <class BitGen>
inline std::vector<bool> bounded_bool_vector(BitGen& bg, bool off, bool rng, std::size_t n) {
  if (!rng) return std::vector<bool>(n, off);
  std::vector<bool> v(n);
  std::size_t i = 0;
#if defined(__GLIBCXX__)
  {
    using word_t = std::remove_reference_t<decltype(*v.begin()._M_p)>;
    static_assert(sizeof(word_t) == 8 || sizeof(word_t) == 4, "unexpected std::vector<bool> word");
    constexpr std::size_t bits = sizeof(word_t) * 8;
    word_t* w = v.begin()._M_p;  // bit i of the vector is bit i % bits of word i / bits
    const std::size_t nw = n / bits;
    // A fixed number of next_uint32 draws (bits / 32 per vector word), the first one lowest.
    constexpr bool little_endian =
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        true;
#else
        false;
#endif
    if constexpr (little_endian && detail::uses_half_word_uint32<BitGen>::value &&
                  detail::has_fill_uint64<BitGen>::value) {
      // A 64-bit generator on a little-endian machine: the draws' little-endian bytes in order
      // are the vector words' bytes, written from whole blocks as random_bytes writes them.
      // (MT19937 measured faster on the loop below.)
      detail::fill_uint32_stream_le(bg, reinterpret_cast<unsigned char*>(w), nw * (bits / 32));
    } else {
      detail::for_each_value_exact(
          bg, nw,
          [nw](std::size_t j) NPRANDOM_LAMBDA_INLINE {
            return detail::word_demand{0, (nw - j) * (bits / 32)};
          },
          [w](auto& src, std::size_t j) NPRANDOM_LAMBDA_INLINE {
            if constexpr (bits == 64) {
              const std::uint64_t lo = src.next_uint32();
              const std::uint64_t hi = src.next_uint32();
              w[j] = static_cast<word_t>(lo | (hi << 32));
            } else {
              w[j] = static_cast<word_t>(src.next_uint32());
            }
          });
    }
    i = nw * bits;
  }
#endif
  uint32_buffer b;  // empty: every word above used whole next_uint32 draws
  for (; i < n; ++i) v[i] = buffered_bounded_bool(bg, off, rng, b);
  return v;
}

/// Generator.bytes' words: ceil(length / 4) next_uint32 values written little-endian to `out` and
/// cut to `length` bytes. The whole words are detail::fill_uint32_stream_le's (on a 64-bit
/// generator, whole blocks of fill_uint64 words).
template <class BitGen>
inline void random_bytes(BitGen& bg, char* out, std::size_t length) noexcept {
  const std::size_t whole = length / 4;
  detail::fill_uint32_stream_le(bg, reinterpret_cast<unsigned char*>(out), whole);
  if (4 * whole < length) {
    const std::uint32_t w = bg.next_uint32();
    for (std::size_t k = 0; 4 * whole + k < length; ++k)
      out[4 * whole + k] = static_cast<char>(static_cast<unsigned char>(w >> (8 * k)));
  }
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_INTEGERS_HPP
