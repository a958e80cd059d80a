// Generator.integers front-end helpers: dtype names and NumPy's bound checks.
// Internal header (the endpoint tag itself is public: <nprandom/endpoint.hpp>).
#ifndef NPRANDOM_DETAIL_INTEGERS_FRONTEND_HPP
#define NPRANDOM_DETAIL_INTEGERS_FRONTEND_HPP

#include <nprandom/endpoint.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace nprandom {

namespace detail {

// The dtypes Generator.integers supports: the fixed-width integers and bool.
template <class T>
struct integers_dtype {
  static constexpr bool supported = false;
};
#define NPRANDOM_INTEGERS_DTYPE(T, U, NAME)                       \
  template <>                                                     \
  struct integers_dtype<T> {                                      \
    static constexpr bool supported = true;                       \
    using unsigned_type = U;                                      \
    static constexpr const char* name() noexcept { return NAME; } \
  };
NPRANDOM_INTEGERS_DTYPE(std::int8_t, std::uint8_t, "int8")
NPRANDOM_INTEGERS_DTYPE(std::int16_t, std::uint16_t, "int16")
NPRANDOM_INTEGERS_DTYPE(std::int32_t, std::uint32_t, "int32")
NPRANDOM_INTEGERS_DTYPE(std::int64_t, std::uint64_t, "int64")
NPRANDOM_INTEGERS_DTYPE(std::uint8_t, std::uint8_t, "uint8")
NPRANDOM_INTEGERS_DTYPE(std::uint16_t, std::uint16_t, "uint16")
NPRANDOM_INTEGERS_DTYPE(std::uint32_t, std::uint32_t, "uint32")
NPRANDOM_INTEGERS_DTYPE(std::uint64_t, std::uint64_t, "uint64")
NPRANDOM_INTEGERS_DTYPE(bool, bool, "bool")
#undef NPRANDOM_INTEGERS_DTYPE

// The element type of array bounds for dtype T: int64 (NumPy's default integer array), uint64 for
// the uint64 dtype (bounds above 2**63 - 1).
template <class T>
using integers_bound_t =
    std::conditional_t<std::is_same<T, std::uint64_t>::value, std::uint64_t, std::int64_t>;

// A 65-bit two's-complement integer: value = bits (neg == false) or bits - 2^64 (neg == true).
// Holds every int64/uint64 bound and high - 1 of either, as NumPy's Python ints do.
struct wide_int {
  bool neg;
  std::uint64_t bits;
};

template <class I>
constexpr wide_int to_wide(I v) noexcept {
  static_assert(std::is_integral<I>::value, "integer bounds must be integers");
  if constexpr (std::is_same<I, bool>::value) {
    return {false, v ? 1u : 0u};
  } else if constexpr (std::is_signed<I>::value) {
    return {v < 0, static_cast<std::uint64_t>(static_cast<std::int64_t>(v))};
  } else {
    return {false, static_cast<std::uint64_t>(v)};
  }
}

constexpr bool wide_less(wide_int a, wide_int b) noexcept {
  return a.neg != b.neg ? a.neg : a.bits < b.bits;
}

constexpr wide_int wide_minus_one(wide_int a) noexcept {
  if (!a.neg && a.bits == 0) return {true, ~std::uint64_t{0}};
  return {a.neg, a.bits - 1};
}

// np.can_cast(<array of From>, T) with the default 'safe' casting: every From value fits T.
template <class From, class T>
constexpr bool integers_can_cast() noexcept {
  return !wide_less(to_wide(std::numeric_limits<From>::min()),
                    to_wide(std::numeric_limits<T>::min())) &&
         !wide_less(to_wide(std::numeric_limits<T>::max()),
                    to_wide(std::numeric_limits<From>::max()));
}

// The closed range [off, off + rng] in T's unsigned type, after NumPy's checks
// (_rand_<dtype> in numpy/random/_bounded_integers.pyx.in, scalar-bounds path):
//   high -= 1 unless closed; low < lb -> "low is out of bounds for <dtype>";
//   high > ub -> "high is out of bounds for <dtype>"; low > high -> "high <= 0" / "high < 0"
//   (closed) when low == 0, else "low >= high" / "low > high" (closed).
template <class T>
struct integers_range {
  using U = typename integers_dtype<T>::unsigned_type;
  U off;
  U rng;
};

template <class T, class Low, class High>
integers_range<T> integers_check(Low low_in, High high_in, bool closed) {
  using D = integers_dtype<T>;
  using U = typename D::unsigned_type;
  const wide_int low = to_wide(low_in);
  wide_int high = to_wide(high_in);
  if (!closed) high = wide_minus_one(high);
  const wide_int lb = to_wide(std::numeric_limits<T>::min());
  const wide_int ub = to_wide(std::numeric_limits<T>::max());
  if (wide_less(low, lb))
    throw std::invalid_argument(std::string("low is out of bounds for ") + D::name());
  if (wide_less(ub, high))
    throw std::invalid_argument(std::string("high is out of bounds for ") + D::name());
  if (wide_less(high, low)) {
    const bool low_zero = !low.neg && low.bits == 0;
    if (low_zero) throw std::invalid_argument(closed ? "high < 0" : "high <= 0");
    throw std::invalid_argument(closed ? "low > high" : "low >= high");
  }
  if constexpr (std::is_same<U, bool>::value) {
    return {low.bits != 0, (high.bits - low.bits) != 0};
  } else {
    return {static_cast<U>(low.bits), static_cast<U>(high.bits - low.bits)};
  }
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_INTEGERS_FRONTEND_HPP
