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
#ifndef NPRANDOM_DISTRIBUTIONS_INTEGERS_HPP
#define NPRANDOM_DISTRIBUTIONS_INTEGERS_HPP

#include <cstddef>
#include <cstdint>

#include <nprandom/config.hpp>
#include <nprandom/detail/uint128.hpp>

namespace nprandom {
namespace distributions {

/// NumPy's gen_mask: the smallest 2^k - 1 >= max.
constexpr std::uint64_t gen_mask(std::uint64_t max) noexcept {
  std::uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  return mask;
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
    while ((value = (bg.next_uint32() & mask)) > max) {
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

// ---- Lemire (use_masked == false) ----

/// bounded_lemire_uint64: Lemire on next_uint64 with a 128-bit product m = x * (rng + 1); the
/// threshold (2^64 - 1 - rng) % (rng + 1) is only computed when the low word < rng + 1.
/// Requires rng != 2^64 - 1.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint64_t bounded_lemire_uint64(BitGen& bg, std::uint64_t rng) noexcept {
  const std::uint64_t rng_excl = rng + 1;
  std::uint64_t hi;
  std::uint64_t leftover = detail::umul128(bg.next_uint64(), rng_excl, hi);
  if (NPRANDOM_UNLIKELY(leftover < rng_excl)) {
    const std::uint64_t threshold = (UINT64_MAX - rng) % rng_excl;
    while (leftover < threshold) {
      leftover = detail::umul128(bg.next_uint64(), rng_excl, hi);
    }
  }
  return hi;
}

/// buffered_bounded_lemire_uint32: Lemire on next_uint32 with a 64-bit product.
/// Requires rng != 2^32 - 1.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint32_t buffered_bounded_lemire_uint32(BitGen& bg,
                                                                    std::uint32_t rng) noexcept {
  const std::uint32_t rng_excl = rng + 1;
  std::uint64_t m = static_cast<std::uint64_t>(bg.next_uint32()) * rng_excl;
  std::uint32_t leftover = static_cast<std::uint32_t>(m);
  if (NPRANDOM_UNLIKELY(leftover < rng_excl)) {
    const std::uint32_t threshold = (UINT32_MAX - rng) % rng_excl;
    while (leftover < threshold) {
      m = static_cast<std::uint64_t>(bg.next_uint32()) * rng_excl;
      leftover = static_cast<std::uint32_t>(m);
    }
  }
  return static_cast<std::uint32_t>(m >> 32);
}

/// buffered_bounded_lemire_uint16: Lemire on buffered 16-bit words with a 32-bit product.
/// Requires rng != 0xFFFF.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint16_t buffered_bounded_lemire_uint16(BitGen& bg, std::uint16_t rng,
                                                                    uint32_buffer& b) noexcept {
  const std::uint32_t rng_excl = static_cast<std::uint16_t>(rng + 1);
  std::uint32_t m = static_cast<std::uint32_t>(buffered_uint16(bg, b)) * rng_excl;
  std::uint16_t leftover = static_cast<std::uint16_t>(m);
  if (NPRANDOM_UNLIKELY(leftover < rng_excl)) {
    const std::uint16_t threshold = static_cast<std::uint16_t>((UINT16_MAX - rng) % rng_excl);
    while (leftover < threshold) {
      m = static_cast<std::uint32_t>(buffered_uint16(bg, b)) * rng_excl;
      leftover = static_cast<std::uint16_t>(m);
    }
  }
  return static_cast<std::uint16_t>(m >> 16);
}

/// buffered_bounded_lemire_uint8: Lemire on buffered bytes with a 16-bit product.
/// Requires rng != 0xFF.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::uint8_t buffered_bounded_lemire_uint8(BitGen& bg, std::uint8_t rng,
                                                                  uint32_buffer& b) noexcept {
  const std::uint32_t rng_excl = static_cast<std::uint8_t>(rng + 1);
  std::uint32_t m = static_cast<std::uint16_t>(static_cast<std::uint32_t>(buffered_uint8(bg, b)) * rng_excl);
  std::uint8_t leftover = static_cast<std::uint8_t>(m);
  if (NPRANDOM_UNLIKELY(leftover < rng_excl)) {
    const std::uint8_t threshold = static_cast<std::uint8_t>((UINT8_MAX - rng) % rng_excl);
    while (leftover < threshold) {
      m = static_cast<std::uint16_t>(static_cast<std::uint32_t>(buffered_uint8(bg, b)) * rng_excl);
      leftover = static_cast<std::uint8_t>(m);
    }
  }
  return static_cast<std::uint8_t>(m >> 8);
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

// ---- fills (random_bounded_*_fill): one NumPy call with scalar bounds ----

/// random_bounded_uint64_fill: `cnt` values on [off, off + rng]; the 32-bit path is used when
/// rng <= 0xFFFFFFFF.
template <class BitGen>
inline void bounded_uint64_fill(BitGen& bg, std::uint64_t off, std::uint64_t rng, std::size_t cnt,
                                bool use_masked, std::uint64_t* out) noexcept {
  if (rng == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off;
  } else if (rng <= 0xffffffffULL) {
    if (rng == 0xffffffffULL) {
      for (std::size_t i = 0; i < cnt; ++i) out[i] = off + static_cast<std::uint64_t>(bg.next_uint32());
    } else {
      const auto rng32 = static_cast<std::uint32_t>(rng);
      if (use_masked) {
        const auto mask = static_cast<std::uint32_t>(gen_mask(rng));
        for (std::size_t i = 0; i < cnt; ++i) {
          out[i] = off + buffered_bounded_masked_uint32(bg, rng32, mask);
        }
      } else {
        for (std::size_t i = 0; i < cnt; ++i) out[i] = off + buffered_bounded_lemire_uint32(bg, rng32);
      }
    }
  } else if (rng == UINT64_MAX) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off + bg.next_uint64();
  } else if (use_masked) {
    const std::uint64_t mask = gen_mask(rng);
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off + bounded_masked_uint64(bg, rng, mask);
  } else {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off + bounded_lemire_uint64(bg, rng);
  }
}

/// random_bounded_uint32_fill.
template <class BitGen>
inline void bounded_uint32_fill(BitGen& bg, std::uint32_t off, std::uint32_t rng, std::size_t cnt,
                                bool use_masked, std::uint32_t* out) noexcept {
  if (rng == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off;
  } else if (rng == 0xffffffffu) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off + bg.next_uint32();
  } else if (use_masked) {
    const auto mask = static_cast<std::uint32_t>(gen_mask(rng));
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off + buffered_bounded_masked_uint32(bg, rng, mask);
  } else {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off + buffered_bounded_lemire_uint32(bg, rng);
  }
}

/// random_bounded_uint16_fill (one fresh buffer for the whole fill).
template <class BitGen>
inline void bounded_uint16_fill(BitGen& bg, std::uint16_t off, std::uint16_t rng, std::size_t cnt,
                                bool use_masked, std::uint16_t* out) noexcept {
  uint32_buffer b;
  if (rng == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off;
  } else if (rng == 0xffffu) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = static_cast<std::uint16_t>(off + buffered_uint16(bg, b));
  } else if (use_masked) {
    const auto mask = static_cast<std::uint16_t>(gen_mask(rng));
    for (std::size_t i = 0; i < cnt; ++i) {
      out[i] = static_cast<std::uint16_t>(off + buffered_bounded_masked_uint16(bg, rng, mask, b));
    }
  } else {
    for (std::size_t i = 0; i < cnt; ++i) {
      out[i] = static_cast<std::uint16_t>(off + buffered_bounded_lemire_uint16(bg, rng, b));
    }
  }
}

/// random_bounded_uint8_fill (one fresh buffer for the whole fill).
template <class BitGen>
inline void bounded_uint8_fill(BitGen& bg, std::uint8_t off, std::uint8_t rng, std::size_t cnt,
                               bool use_masked, std::uint8_t* out) noexcept {
  uint32_buffer b;
  if (rng == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = off;
  } else if (rng == 0xffu) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = static_cast<std::uint8_t>(off + buffered_uint8(bg, b));
  } else if (use_masked) {
    const auto mask = static_cast<std::uint8_t>(gen_mask(rng));
    for (std::size_t i = 0; i < cnt; ++i) {
      out[i] = static_cast<std::uint8_t>(off + buffered_bounded_masked_uint8(bg, rng, mask, b));
    }
  } else {
    for (std::size_t i = 0; i < cnt; ++i) {
      out[i] = static_cast<std::uint8_t>(off + buffered_bounded_lemire_uint8(bg, rng, b));
    }
  }
}

/// random_bounded_bool_fill (one fresh buffer; masked and Lemire are the same for bool).
template <class BitGen>
inline void bounded_bool_fill(BitGen& bg, bool off, bool rng, std::size_t cnt, bool /*use_masked*/,
                              bool* out) noexcept {
  uint32_buffer b;
  for (std::size_t i = 0; i < cnt; ++i) out[i] = buffered_bounded_bool(bg, off, rng, b);
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_INTEGERS_HPP
