// Portable unsigned 128-bit arithmetic: native __int128 where available, a two-word fallback elsewhere.
#ifndef NPRANDOM_DETAIL_UINT128_HPP
#define NPRANDOM_DETAIL_UINT128_HPP

#include <cstdint>

#include <nprandom/config.hpp>

namespace nprandom {
namespace detail {

// Full 64x64 -> 128-bit product: returns the low word and writes the high word to `hi`.
NPRANDOM_ALWAYS_INLINE std::uint64_t umul128(std::uint64_t a, std::uint64_t b,
                                             std::uint64_t& hi) noexcept {
#if defined(__x86_64__) && defined(__GNUC__)
  // One MUL, no 128-bit temporary: GCC 12 otherwise may round-trip the product through the stack
  // on the dependency chain of the PCG64 state (measured: PCG64 draws in a loop that also stores).
  std::uint64_t lo;
  __asm__("mulq %3" : "=a"(lo), "=d"(hi) : "%a"(a), "rm"(b) : "cc");
  return lo;
#elif NPRANDOM_HAS_INT128
  const native_uint128 p = static_cast<native_uint128>(a) * b;
  hi = static_cast<std::uint64_t>(p >> 64);
  return static_cast<std::uint64_t>(p);
#else
  const std::uint64_t a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32;
  const std::uint64_t b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
  const std::uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
  const std::uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
  hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
  return (mid << 32) | (ll & 0xFFFFFFFFu);
#endif
}

// Unsigned 128-bit integer value type (wrap-around arithmetic modulo 2^128).
class uint128 {
 public:
  constexpr uint128() noexcept = default;
  constexpr uint128(std::uint64_t v) noexcept : hi_(0), lo_(v) {}  // NOLINT: implicit by design
  constexpr uint128(std::uint64_t hi, std::uint64_t lo) noexcept : hi_(hi), lo_(lo) {}

  constexpr std::uint64_t hi() const noexcept { return hi_; }
  constexpr std::uint64_t lo() const noexcept { return lo_; }

  friend constexpr uint128 operator+(uint128 a, uint128 b) noexcept {
    const std::uint64_t lo = a.lo_ + b.lo_;
    return {a.hi_ + b.hi_ + (lo < a.lo_ ? 1u : 0u), lo};
  }
  friend constexpr uint128 operator-(uint128 a, uint128 b) noexcept {
    const std::uint64_t lo = a.lo_ - b.lo_;
    return {a.hi_ - b.hi_ - (a.lo_ < b.lo_ ? 1u : 0u), lo};
  }
  friend inline uint128 operator*(uint128 a, uint128 b) noexcept {
    std::uint64_t hi = 0;
    const std::uint64_t lo = umul128(a.lo_, b.lo_, hi);
    return {hi + a.hi_ * b.lo_ + a.lo_ * b.hi_, lo};
  }
  friend constexpr uint128 operator<<(uint128 a, unsigned s) noexcept {
    s &= 127u;
    if (s == 0) return a;
    if (s >= 64) return {a.lo_ << (s - 64), 0};
    return {(a.hi_ << s) | (a.lo_ >> (64 - s)), a.lo_ << s};
  }
  friend constexpr uint128 operator>>(uint128 a, unsigned s) noexcept {
    s &= 127u;
    if (s == 0) return a;
    if (s >= 64) return {0, a.hi_ >> (s - 64)};
    return {a.hi_ >> s, (a.lo_ >> s) | (a.hi_ << (64 - s))};
  }
  friend constexpr uint128 operator&(uint128 a, uint128 b) noexcept { return {a.hi_ & b.hi_, a.lo_ & b.lo_}; }
  friend constexpr uint128 operator|(uint128 a, uint128 b) noexcept { return {a.hi_ | b.hi_, a.lo_ | b.lo_}; }
  friend constexpr uint128 operator^(uint128 a, uint128 b) noexcept { return {a.hi_ ^ b.hi_, a.lo_ ^ b.lo_}; }
  friend constexpr bool operator==(uint128 a, uint128 b) noexcept { return a.hi_ == b.hi_ && a.lo_ == b.lo_; }
  friend constexpr bool operator!=(uint128 a, uint128 b) noexcept { return !(a == b); }
  friend constexpr bool operator<(uint128 a, uint128 b) noexcept {
    return a.hi_ < b.hi_ || (a.hi_ == b.hi_ && a.lo_ < b.lo_);
  }
  uint128& operator+=(uint128 b) noexcept { return *this = *this + b; }
  uint128& operator*=(uint128 b) noexcept { return *this = *this * b; }

 private:
  std::uint64_t hi_ = 0;
  std::uint64_t lo_ = 0;
};

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_UINT128_HPP

namespace nprandom {
// Public spelling of the 128-bit value type (used for PCG64/Philox `advance` deltas and states).
using uint128 = detail::uint128;
}  // namespace nprandom
