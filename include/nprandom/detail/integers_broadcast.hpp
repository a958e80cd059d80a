// NumPy's _rand_<dtype>_broadcast (numpy/random/_bounded_integers.pyx.in): integers with array
// bounds, shared by Generator.integers (Lemire) and RandomState.randint (masked).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_INTEGERS_BROADCAST_HPP
#define NPRANDOM_DETAIL_INTEGERS_BROADCAST_HPP

#include <nprandom/detail/broadcast.hpp>
#include <nprandom/detail/integers_frontend.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/ndarray.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace nprandom {
namespace detail {

// NumPy's _rand_<dtype>_broadcast on row-major `low` (shape ls) and `high` (shape hs).
template <class T, class BitGen, class Low, class High>
ndarray<T> integers_broadcast_draw(BitGen& bg, const Low* low, const shape& ls, const High* high,
                                   const shape& hs, const size_arg& size, bool closed,
                                   bool masked) {
  using D = integers_dtype<T>;
  static_assert(D::supported,
                "Unsupported dtype for integers (std::int8_t..std::uint64_t or bool)");
  using U = typename D::unsigned_type;
  // As NumPy, a `size` with no elements returns before any check.
  if (size && size->count() == 0) return ndarray<T>(*size);
  const std::size_t n_low = ls.count(), n_high = hs.count();
  constexpr bool wide = sizeof(U) == 8;
  const wide_int lb = to_wide(std::numeric_limits<T>::min());
  const wide_int ub = to_wide(std::numeric_limits<T>::max());
  auto closed_high = [&](std::size_t i) {
    const wide_int h = to_wide(high[i]);
    return closed ? h : wide_minus_one(h);
  };
  bool all_low_zero = true;
  for (std::size_t i = 0; i < n_low; ++i) all_low_zero = all_low_zero && low[i] == 0;
  auto bounds_error = [&]() -> std::invalid_argument {
    if (all_low_zero) return std::invalid_argument(closed ? "high < 0" : "high <= 0");
    return std::invalid_argument(closed ? "low > high" : "low >= high");
  };
  const std::string name = D::name();
  // Values are checked element by element only when the input type does not cast safely
  // (NumPy's np.can_cast on the array dtype); the outcome differs only in which error comes
  // first.
  if (!integers_can_cast<Low, T>()) {
    for (std::size_t i = 0; i < n_low; ++i) {
      const wide_int l = to_wide(low[i]);
      // (A low above the dtype's range is not an error of its own: NumPy reports it as
      // "high is out of bounds" or "low >= high" below.)
      if (wide_less(l, lb)) throw std::invalid_argument("low is out of bounds for " + name);
    }
  }
  if (!integers_can_cast<High, T>()) {
    for (std::size_t i = 0; i < n_high; ++i) {
      const wide_int h = closed_high(i);
      if (wide_less(ub, h)) throw std::invalid_argument("high is out of bounds for " + name);
      if (wide && wide_less(h, lb)) throw bounds_error();
    }
  }
  // np.greater_equal(low, high) (np.greater when closed): the ufunc's broadcast and text.
  const shape lh = ufunc_broadcast(ls, hs);
  {
    broadcast_walk w(lh, {&ls, &hs});
    const std::size_t n = lh.count();
    for (std::size_t i = 0; i < n; ++i, w.next()) {
      if (wide_less(closed_high(w.offset(1)), to_wide(low[w.offset(0)]))) throw bounds_error();
    }
  }
  // The output is `size` (or the broadcast of the bounds); NumPy's three-operand iterator over
  // (low, high, out) gives the order, and draws one value per output element.
  const shape out_shape = size ? *size : lh;
  const shape it = broadcast_shapes({&ls, &hs, &out_shape});
  const std::size_t n = out_shape.count(sizeof(T));
  ndarray<T> out(out_shape);
  broadcast_walk w(it, {&ls, &hs});
  distributions::uint32_buffer buf;
  for (std::size_t i = 0; i < n; ++i, w.next()) {
    const wide_int l = to_wide(low[w.offset(0)]);
    const wide_int h = closed_high(w.offset(1));
    const std::uint64_t rng64 = h.bits - l.bits;
    U v;
    if constexpr (std::is_same<U, bool>::value) {
      v = distributions::buffered_bounded_bool(bg, l.bits != 0, rng64 != 0, buf);
    } else if constexpr (sizeof(U) == 8) {
      v = distributions::bounded_uint64(bg, l.bits, rng64, distributions::gen_mask(rng64), masked);
    } else if constexpr (sizeof(U) == 4) {
      v = distributions::buffered_bounded_uint32(bg, static_cast<U>(l.bits), static_cast<U>(rng64),
                                                 static_cast<U>(distributions::gen_mask(rng64)),
                                                 masked, buf);
    } else if constexpr (sizeof(U) == 2) {
      v = distributions::buffered_bounded_uint16(bg, static_cast<U>(l.bits), static_cast<U>(rng64),
                                                 static_cast<U>(distributions::gen_mask(rng64)),
                                                 masked, buf);
    } else {
      v = distributions::buffered_bounded_uint8(bg, static_cast<U>(l.bits), static_cast<U>(rng64),
                                                static_cast<U>(distributions::gen_mask(rng64)),
                                                masked, buf);
    }
    out[i] = static_cast<T>(v);
  }
  return out;
}

// Calls f(low, high) with the bounds' element pointers typed as the caller's values were: array
// bounds built from integers of the other signedness that did not fit (a uint64 above INT64_MAX
// in int64 bounds, a negative value in uint64 bounds; array_arg::other_sign) are read back as
// that type, so the checks see the values as given ("high is out of bounds for int64", "low is
// out of bounds for uint64", ...) and a valid bound such as 2**63 for int64 is drawn with.
template <class B, class F>
decltype(auto) with_exact_bounds(const array_arg<B>& low, const array_arg<B>& high, F&& f) {
  using O =
      std::conditional_t<std::is_signed<B>::value, std::make_unsigned_t<B>, std::make_signed_t<B>>;
  auto other = [](const B* p) { return reinterpret_cast<const O*>(p); };  // allowed aliasing
  if (low.other_sign()) {
    return high.other_sign() ? f(other(low.data()), other(high.data()))
                             : f(other(low.data()), high.data());
  }
  return high.other_sign() ? f(low.data(), other(high.data())) : f(low.data(), high.data());
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_INTEGERS_BROADCAST_HPP
