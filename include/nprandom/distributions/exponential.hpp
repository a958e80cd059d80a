// Standard exponential kernels: NumPy's 256-layer ziggurat and inversion (double and float32),
// and exponential(scale).
//
// Naming: NumPy's C function names minus the `random_` prefix: `standard_exponential(bg)` returns
// a double, `standard_exponential_f(bg)` a float; `standard_exponential_inv(bg)` /
// `standard_exponential_inv_f(bg)` are the inversion method (NumPy only has the fill forms
// random_standard_exponential_inv_fill[_f]); `_fill` variants write `cnt` values with the same
// draws as `cnt` single calls. Kernels do no argument checking.
#ifndef NPRANDOM_DISTRIBUTIONS_EXPONENTIAL_HPP
#define NPRANDOM_DISTRIBUTIONS_EXPONENTIAL_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/ziggurat_tables.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace nprandom {
namespace distributions {

/// random_standard_exponential: Marsaglia & Tsang's ziggurat (J. Stat. Softw. 5(8), 2000) with
/// NumPy's 256-layer tables. One next_uint64 per attempt: the low 3 bits are dropped, then an
/// 8-bit layer index, then the 53-bit magnitude. Accepts on the first draw ~98.9% of the time.
/// Layer 0 returns `r - log1p(-U)` (one next_double); other layers draw one next_double for the
/// wedge test and start over with a fresh next_uint64 on rejection (NumPy recurses; same draws).
template <class BitGen>
inline double standard_exponential(BitGen& bg) noexcept {
  namespace z = detail::ziggurat;
  for (;;) {
    std::uint64_t ri = bg.next_uint64();
    ri >>= 3;
    const int idx = static_cast<int>(ri & 0xFF);
    ri >>= 8;
    // ri < 2^53: the signed conversion is exact and cheaper than uint64 -> double.
    const double x =
        detail::mul(static_cast<double>(static_cast<std::int64_t>(ri)), z::we_double[idx]);
    if (NPRANDOM_LIKELY(ri < z::ke_double[idx])) return x;
    if (idx == 0) {
      // 1 - U avoids log(0) (NumPy GH 13361).
      return z::ziggurat_exp_r - detail::log1p(-bg.next_double());
    }
    if (detail::mul(z::fe_double[idx - 1] - z::fe_double[idx], bg.next_double()) +
            z::fe_double[idx] <
        detail::exp(-x)) {
      return x;
    }
  }
}

/// random_standard_exponential_f: the float32 ziggurat. One next_uint32 per attempt: bit 0
/// dropped, an 8-bit layer index, then the 23-bit magnitude. Float arithmetic throughout: the
/// tail is `r - log1pf(-next_float)`, the wedge test compares against `expf(-x)`; a rejection
/// starts over with a fresh next_uint32.
template <class BitGen>
inline float standard_exponential_f(BitGen& bg) noexcept {
  namespace z = detail::ziggurat;
  for (;;) {
    std::uint32_t ri = bg.next_uint32();
    ri >>= 1;
    const int idx = static_cast<int>(ri & 0xFF);
    ri >>= 8;
    const float x =
        detail::mul(static_cast<float>(static_cast<std::int32_t>(ri)), z::we_float[idx]);
    if (NPRANDOM_LIKELY(ri < z::ke_float[idx])) return x;
    if (idx == 0) {
      return z::ziggurat_exp_r_f - detail::log1p(-bg.next_float());
    }
    if (detail::mul(z::fe_float[idx - 1] - z::fe_float[idx], bg.next_float()) + z::fe_float[idx] <
        detail::exp(-x)) {
      return x;
    }
  }
}

/// Inversion, one element of random_standard_exponential_inv_fill: `-log1p(-U)`, one next_double.
template <class BitGen>
inline double standard_exponential_inv(BitGen& bg) noexcept {
  return -detail::log1p(-bg.next_double());
}

/// Inversion, one element of random_standard_exponential_inv_fill_f: one next_float, but the
/// double log1p (as NumPy does), rounded to float.
template <class BitGen>
inline float standard_exponential_inv_f(BitGen& bg) noexcept {
  return static_cast<float>(-detail::log1p(-static_cast<double>(bg.next_float())));
}

/// random_standard_exponential_fill.
template <class BitGen>
inline void standard_exponential_fill(BitGen& bg, std::size_t cnt, double* out) noexcept {
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = standard_exponential(e);
  });
}

/// random_standard_exponential_fill_f.
template <class BitGen>
inline void standard_exponential_fill_f(BitGen& bg, std::size_t cnt, float* out) noexcept {
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = standard_exponential_f(e);
  });
}

/// random_standard_exponential_inv_fill.
template <class BitGen>
inline void standard_exponential_inv_fill(BitGen& bg, std::size_t cnt, double* out) noexcept {
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = standard_exponential_inv(e);
  });
}

/// random_standard_exponential_inv_fill_f.
template <class BitGen>
inline void standard_exponential_inv_fill_f(BitGen& bg, std::size_t cnt, float* out) noexcept {
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = standard_exponential_inv_f(e);
  });
}

/// random_exponential: `scale * standard_exponential(bg)`.
template <class BitGen>
inline double exponential(BitGen& bg, double scale) noexcept {
  return detail::mul(scale, standard_exponential(bg));
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_EXPONENTIAL_HPP
