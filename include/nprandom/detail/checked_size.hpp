// Checked array sizes: every element count, shape product and `size * k` goes through here.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_CHECKED_SIZE_HPP
#define NPRANDOM_DETAIL_CHECKED_SIZE_HPP

// NumPy allocates every result with PyArray_NewFromDescr (numpy/_core/src/multiarray/ctors.c),
// which multiplies the itemsize by each dimension with an overflow check and raises
//   ValueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum
//               possible size.")
// when the byte count would pass NPY_MAX_INTP (a zero dimension still runs the check on the
// others, "as if" it were 1, and the array is then empty); a dimension that does not fit npy_intp
// at all is ValueError("Maximum allowed dimension exceeded") (conversion_utils.c), a negative one
// ValueError("negative dimensions are not allowed"). A byte count NumPy accepts but malloc cannot
// serve is MemoryError.
//
// nprandom maps these onto C++ the same way everywhere:
//   * ValueError -> std::invalid_argument with NumPy's text (checked_elements / checked_dim below),
//     thrown before anything is drawn or allocated;
//   * MemoryError -> std::bad_alloc, i.e. whatever `new` / std::vector throws for a byte count
//     under PTRDIFF_MAX. Because every count is checked against PTRDIFF_MAX / itemsize first,
//     std::vector's own std::length_error (count > max_size()) can no longer be reached.
// The fill forms (`T* out, size`) check `size * k` the same way: a count that wraps cannot
// describe caller memory, so it is the same ValueError instead of a heap overflow.

#include <nprandom/config.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace nprandom {
namespace detail {

/// NPY_MAX_INTP: the largest byte count (and dimension) NumPy accepts.
inline constexpr std::size_t max_array_bytes =
    static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max());

[[noreturn]] inline void throw_array_too_big() {
  throw std::invalid_argument(
      "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible "
      "size.");
}

/// One dimension given as any integer: negative -> "negative dimensions are not allowed",
/// beyond npy_intp -> "Maximum allowed dimension exceeded" (both ValueError in NumPy).
template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
std::size_t checked_dim(Int d) {
  if constexpr (std::is_signed<Int>::value) {
    if (d < 0) throw std::invalid_argument("negative dimensions are not allowed");
  }
  if (static_cast<std::uintmax_t>(d) > static_cast<std::uintmax_t>(max_array_bytes)) {
    throw std::invalid_argument("Maximum allowed dimension exceeded");
  }
  return static_cast<std::size_t>(d);
}

/// The element count of an array of shape (dims...) with items of `itemsize` bytes, as
/// PyArray_NewFromDescr checks it: every dimension fits npy_intp and the byte count does not
/// pass NPY_MAX_INTP (zero dimensions take part as 1, then the count is 0).
template <class... Dims>
std::size_t checked_elements_of(std::size_t itemsize, Dims... dims) {
  static_assert(sizeof...(Dims) > 0, "at least one dimension");
  std::size_t bytes = itemsize == 0 ? 1 : itemsize;
  std::size_t count = 1;
  bool zero = false;
  const std::size_t ds[] = {checked_dim(dims)...};
  for (std::size_t d : ds) {
    if (d == 0) {
      zero = true;
      continue;
    }
    if (bytes > max_array_bytes / d) throw_array_too_big();
    bytes *= d;
    count *= d;
  }
  return zero ? 0 : count;
}

/// checked_elements_of with the itemsize of T: `checked_elements<double>(size, k)`. Draw loops
/// take their count from this result, not from the caller's `size`: with a constant huge `size`
/// (a test of the error) GCC would otherwise warn that the loop overflows
/// (-Waggressive-loop-optimizations), although the check throws first.
template <class T, class... Dims>
std::size_t checked_elements(Dims... dims) {
  return checked_elements_of(sizeof(T), dims...);
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_CHECKED_SIZE_HPP
