// Portable unsigned 128-bit arithmetic: native __int128 where available, a two-word fallback
// elsewhere.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_UINT128_HPP
#define NPRANDOM_DETAIL_UINT128_HPP

#include <nprandom/config.hpp>

#include <cstddef>
#include <cstdint>

namespace nprandom {
namespace detail {

// Engine state words about to be stored to memory: kept in integer registers, so that GCC's SLP
// vectorizer (-O3, AVX) cannot merge their stores into one vector store. A vector store followed,
// in the next draw, by 8-byte loads of the same words is not forwarded (a stall per draw: scalar
// SFC64 / PCG64 calls measured 2x slower at -O3 -march=native than at -O2). Emits nothing.
NPRANDOM_ALWAYS_INLINE void in_gprs(std::uint64_t& a, std::uint64_t& b) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __asm__("" : "+r"(a), "+r"(b));
#else
  (void)a;
  (void)b;
#endif
}

// Stores the engine state words `src` into `dst` as one 8-byte store each. Keeping the values in
// registers (in_gprs) is not enough for four words: GCC 12's SLP vectorizer (-O3 -march=native)
// still builds them into one 32-byte vector store (vmovq/vpinsrq/vinserti128), and the next draw's
// 8-byte loads of that store are not forwarded (scalar SFC64.random_raw: 5.8 ns per call at -O3
// -march=native, 1.1 ns at -O2). An empty asm that reads `dst` between the stores orders them,
// so no two can be merged; it emits nothing and, having no outputs, lets the compiler keep
// forwarding the stored values to later reads in the same loop.
template <class Words>
NPRANDOM_ALWAYS_INLINE void store_words(Words& dst, const Words& src) noexcept {
  for (std::size_t i = 0; i < src.size(); ++i) {
#if defined(__GNUC__) || defined(__clang__)
    if (i != 0) __asm__("" : : "m"(dst));
#endif
    dst[i] = src[i];
  }
}

// Full 64x64 -> 128-bit product from 32-bit limbs: returns the low word and writes the high word
// to `hi`. Usable in constant expressions (the compile-time PCG64 jump constants); umul128's
// portable branch.
constexpr std::uint64_t umul128_limbs(std::uint64_t a, std::uint64_t b,
                                      std::uint64_t& hi) noexcept {
  const std::uint64_t m32 = 0xFFFFFFFFu;
  const std::uint64_t a_lo = a & m32, a_hi = a >> 32, b_lo = b & m32, b_hi = b >> 32;
  const std::uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
  const std::uint64_t mid = (ll >> 32) + (lh & m32) + (hl & m32);
  hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
  return (mid << 32) | (ll & m32);
}

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
  return umul128_limbs(a, b, hi);
#endif
}

// (hi:lo) += (b_hi:b_lo) modulo 2^128. On x86-64 GCC/Clang one ADD + ADC: left to itself GCC 12
// sometimes materialises the carry with SETC + ADD, one more instruction on the serial chain of
// the PCG64 state (measured ~7% per draw).
NPRANDOM_ALWAYS_INLINE void add128(std::uint64_t& hi, std::uint64_t& lo, std::uint64_t b_hi,
                                   std::uint64_t b_lo) noexcept {
#if defined(__x86_64__) && defined(__GNUC__)
  __asm__("addq %2, %0\n\tadcq %3, %1" : "+&r"(lo), "+r"(hi) : "rme"(b_lo), "rme"(b_hi) : "cc");
#else
  lo += b_lo;
  hi += b_hi + (lo < b_lo ? 1u : 0u);
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
  // operator* in constant expressions (operator* uses MUL through asm).
  friend constexpr uint128 constexpr_mul(uint128 a, uint128 b) noexcept {
    std::uint64_t hi = 0;
    const std::uint64_t lo = umul128_limbs(a.lo_, b.lo_, hi);
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
  friend constexpr uint128 operator&(uint128 a, uint128 b) noexcept {
    return {a.hi_ & b.hi_, a.lo_ & b.lo_};
  }
  friend constexpr uint128 operator|(uint128 a, uint128 b) noexcept {
    return {a.hi_ | b.hi_, a.lo_ | b.lo_};
  }
  friend constexpr uint128 operator^(uint128 a, uint128 b) noexcept {
    return {a.hi_ ^ b.hi_, a.lo_ ^ b.lo_};
  }
  friend constexpr bool operator==(uint128 a, uint128 b) noexcept {
    return a.hi_ == b.hi_ && a.lo_ == b.lo_;
  }
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

// A uint128 kept in memory between calls (a bit generator's state): load() and store() move it
// as ONE 128-bit integer (a native __int128 where present), which compilers read and write with
// two 64-bit GPR moves. Why not a plain uint128 member: its two 64-bit halves are two adjacent
// stores, and GCC 12 at -O3 with AVX (-march=native) merges them into one 16-byte vector store
// (vmovq + vpinsrq + vmovdqu); the next draw reloads the halves with 8-byte loads, which cannot be
// forwarded from the 16-byte store, so every draw that goes through memory (a kernel that is not
// inlined into its loop, a user's loop of scalar calls) stalls on the state: measured 2-2.7x
// slower than -O2 (issue 12). Values are unchanged: only the storage differs.
class uint128_storage {
 public:
  constexpr uint128_storage() noexcept = default;
  constexpr uint128_storage(uint128 v) noexcept  // NOLINT: implicit by design
#if NPRANDOM_HAS_INT128
      : v_((static_cast<native_uint128>(v.hi()) << 64) | v.lo()){}
#else
      : v_(v) {
  }
#endif
        NPRANDOM_ALWAYS_INLINE uint128 load() const noexcept {
#if NPRANDOM_HAS_INT128
    return uint128(static_cast<std::uint64_t>(v_ >> 64), static_cast<std::uint64_t>(v_));
#else
    return v_;
#endif
  }
  NPRANDOM_ALWAYS_INLINE void store(uint128 v) noexcept {
#if NPRANDOM_HAS_INT128
    std::uint64_t hi = v.hi(), lo = v.lo();
    in_gprs(hi, lo);
    v_ = (static_cast<native_uint128>(hi) << 64) | lo;
#else
    v_ = v;
#endif
  }

 private:
#if NPRANDOM_HAS_INT128
  native_uint128 v_ = 0;
#else
  uint128 v_;
#endif
};

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_UINT128_HPP

namespace nprandom {
// Public spelling of the 128-bit value type (used for PCG64/Philox `advance` deltas and states).
using uint128 = detail::uint128;
}  // namespace nprandom
