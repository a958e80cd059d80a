// Uniform kernels: standard uniform doubles/floats and the shifted-scaled uniform.
//
// Naming: NumPy's C function names minus the `random_` prefix. A trailing `_f` is the float32
// variant (as in NumPy); `_fill` writes `cnt` values to `out` with the same draws as `cnt`
// single calls. Kernels do no argument checking.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_UNIFORM_HPP
#define NPRANDOM_DISTRIBUTIONS_UNIFORM_HPP

#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>

#include <cstddef>

namespace nprandom {
namespace distributions {

/// random_standard_uniform: U[0, 1) with 53 random bits, `bg.next_double()`. One next_uint64
/// on 64-bit generators (two 32-bit outputs on MT19937).
template <class BitGen>
inline double standard_uniform(BitGen& bg) noexcept {
  return bg.next_double();
}

/// random_standard_uniform_f: U[0, 1) float with 24 random bits, `(next_uint32() >> 8) * 2^-24`.
/// One next_uint32.
template <class BitGen>
inline float standard_uniform_f(BitGen& bg) noexcept {
  return bg.next_float();
}

/// random_standard_uniform_fill.
template <class BitGen>
inline void standard_uniform_fill(BitGen& bg, std::size_t cnt, double* out) noexcept {
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = e.next_double();
  });
}

/// random_standard_uniform_fill_f.
template <class BitGen>
inline void standard_uniform_fill_f(BitGen& bg, std::size_t cnt, float* out) noexcept {
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = e.next_float();
  });
}

/// random_uniform: `lower + range * U`, one next_double.
template <class BitGen>
inline double uniform(BitGen& bg, double lower, double range) noexcept {
  return lower + detail::mul(range, bg.next_double());
}

/// `cnt` values of random_uniform(bg, lower, range) (NumPy's cont fill of `uniform`).
template <class BitGen>
inline void uniform_fill(BitGen& bg, double lower, double range, std::size_t cnt,
                         double* out) noexcept {
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt, lower, range](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = uniform(e, lower, range);
  });
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_UNIFORM_HPP
