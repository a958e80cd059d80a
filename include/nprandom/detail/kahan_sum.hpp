// Kahan (compensated) summation, as NumPy's kahan_sum in numpy/random/_common.pyx.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_KAHAN_SUM_HPP
#define NPRANDOM_DETAIL_KAHAN_SUM_HPP

#include <cstddef>

namespace nprandom {
namespace detail {

/// NumPy's kahan_sum: 0.0 for n == 0; otherwise sum = x[0], then for each next x:
/// y = x - c; t = sum + y; c = (t - sum) - y; sum = t. Used by the probability checks of
/// Generator.choice and multinomial (`abs(kahan_sum(p) - 1) > atol`).
inline double kahan_sum(const double* x, std::size_t n) noexcept {
  if (n == 0) return 0.0;
  double sum = x[0];
  double c = 0.0;
  for (std::size_t i = 1; i < n; ++i) {
    const double y = x[i] - c;
    const double t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_KAHAN_SUM_HPP
