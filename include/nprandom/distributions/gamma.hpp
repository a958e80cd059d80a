// Standard gamma kernels (double and float32) and gamma(shape, scale), as NumPy's Generator.
//
// Naming: NumPy's C function names minus the `random_` prefix: `standard_gamma(bg, shape)`
// returns a double, `standard_gamma_f(bg, shape)` a float. Kernels do no argument checking
// (the front ends reject shape < 0; a NaN shape takes the Marsaglia-Tsang branch and returns NaN,
// as in NumPy).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_GAMMA_HPP
#define NPRANDOM_DISTRIBUTIONS_GAMMA_HPP

#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/vec_log.hpp>
#include <nprandom/distributions/exponential.hpp>
#include <nprandom/distributions/normal.hpp>

#include <cstddef>

namespace nprandom {
namespace detail {
// The named pieces of one attempt of random_standard_gamma for 0 < shape < 1 (U, then V),
// shared by the scalar kernel and the batched fill (gamma_lt1_fill).
// Low branch (U <= 1 - shape): X = U^(1/shape), accepted when X <= V.
NPRANDOM_ALWAYS_INLINE bool gamma_lt1_low(double U, double shape) noexcept {
  return U <= 1.0 - shape;
}
// High branch: Y = -log(gamma_lt1_log_arg(U)), X = gamma_lt1_base(Y)^(1/shape), accepted when
// X <= V + Y.
NPRANDOM_ALWAYS_INLINE double gamma_lt1_log_arg(double U, double shape) noexcept {
  return (1 - U) / shape;
}
NPRANDOM_ALWAYS_INLINE double gamma_lt1_base(double Y, double shape) noexcept {
  return 1.0 - shape + detail::mul(shape, Y);
}
// Attempts drawn per batch of gamma_lt1_fill (and of Johnk's beta fill).
inline constexpr std::size_t rej_batch_block = 256;
// Below this many values still needed, the batched fills finish with the scalar kernel.
inline constexpr std::size_t rej_batch_min = 16;
}  // namespace detail

namespace distributions {

/// random_standard_gamma. shape == 1: one standard_exponential. shape == 0: 0 with no draw.
/// shape < 1: Johnk/Ahrens-Dieter style rejection (as NumPy): each attempt draws U
/// (next_double) then V (ziggurat exponential); if U <= 1-shape, X = U^(1/shape), accept if
/// X <= V; else Y = -log((1-U)/shape), X = (1-shape+shape*Y)^(1/shape), accept if X <= V+Y.
/// shape > 1: Marsaglia & Tsang ("A Simple Method for Generating Gamma Variables", ACM TOMS
/// 26(3), 2000): b = shape-1/3, c = 1/sqrt(9b); draw ziggurat normals X until V = 1+cX > 0,
/// V = V^3, draw U; accept if U < 1-0.0331*(X*X)*(X*X) or log(U) < X*X/2 + b*(1-V+log(V)).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double standard_gamma(BitGen& bg, double shape) noexcept {
  if (shape == 1.0) return standard_exponential(bg);
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const double U = bg.next_double();
      const double V = standard_exponential(bg);
      if (detail::gamma_lt1_low(U, shape)) {
        const double X = detail::pow(U, 1. / shape);
        if (X <= V) return X;
      } else {
        const double Y = -detail::log(detail::gamma_lt1_log_arg(U, shape));
        const double X = detail::pow(detail::gamma_lt1_base(Y, shape), 1. / shape);
        if (X <= (V + Y)) return X;
      }
    }
  }
  const double b = shape - 1. / 3.;
  const double c = 1. / detail::sqrt(9 * b);
  for (;;) {
    double X, V;
    do {
      X = standard_normal(bg);
      V = 1.0 + detail::mul(c, X);
    } while (V <= 0.0);
    V = V * V * V;
    const double U = bg.next_double();
    if (U < 1.0 - detail::mul(0.0331 * (X * X), X * X)) return detail::mul(b, V);
    // log(0.0) is fine here.
    if (detail::log(U) < detail::mul(0.5 * X, X) + detail::mul(b, 1. - V + detail::log(V)))
      return detail::mul(b, V);
  }
}

/// random_standard_gamma_f: the same algorithm in float arithmetic (powf, logf, sqrtf, 0.0331f),
/// with next_float uniforms and the float32 ziggurat normal/exponential.
template <class BitGen>
inline float standard_gamma_f(BitGen& bg, float shape) noexcept {
  if (shape == 1.0f) return standard_exponential_f(bg);
  if (shape == 0.0f) return 0.0f;
  if (shape < 1.0f) {
    for (;;) {
      const float U = bg.next_float();
      const float V = standard_exponential_f(bg);
      if (U <= 1.0f - shape) {
        const float X = detail::pow(U, 1.0f / shape);
        if (X <= V) return X;
      } else {
        const float Y = -detail::log((1.0f - U) / shape);
        const float X = detail::pow(1.0f - shape + detail::mul(shape, Y), 1.0f / shape);
        if (X <= (V + Y)) return X;
      }
    }
  }
  const float b = shape - 1.0f / 3.0f;
  const float c = 1.0f / detail::sqrt(9.0f * b);
  for (;;) {
    float X, V;
    do {
      X = standard_normal_f(bg);
      V = 1.0f + detail::mul(c, X);
    } while (V <= 0.0f);
    V = V * V * V;
    const float U = bg.next_float();
    if (U < 1.0f - detail::mul(0.0331f * (X * X), X * X)) return detail::mul(b, V);
    if (detail::log(U) < detail::mul(0.5f * X, X) + detail::mul(b, 1.0f - V + detail::log(V)))
      return detail::mul(b, V);
  }
}

/// random_standard_gamma_fill equivalent (NumPy loops over random_standard_gamma). shape == 1 is
/// standard_exponential's fill (the same draws as cnt standard_exponential calls, from the block
/// source).
/// 0 < shape < 1: blocks of K = min(rej_batch_block, values still needed) attempts are drawn in
/// stream order (U, V per attempt, whatever the outcome), their logs and pows evaluated with
/// detail::log_batch / pow_batch (bit for bit detail::log / pow), then scanned in order, each
/// accepted attempt giving the next value. Every attempt drawn is one the scalar loop draws too
/// (each value takes at least one attempt), so values and final state are those of cnt calls.
template <class BitGen>
inline void standard_gamma_fill(BitGen& bg, double shape, std::size_t cnt, double* out) noexcept {
  if (shape == 1.0) return standard_exponential_fill(bg, cnt, out);
  std::size_t i = 0;
  if (shape > 0.0 && shape < 1.0) {
    constexpr std::size_t blk = detail::rej_batch_block;
    double base[blk], bound[blk], tmp[blk];
    unsigned short hi[blk];
    const double inv = 1. / shape;
    while (cnt - i >= detail::rej_batch_min) {
      const std::size_t k = cnt - i < blk ? cnt - i : blk;
      std::size_t m = 0;
      for (std::size_t j = 0; j < k; ++j) {
        const double U = bg.next_double();
        const double V = standard_exponential(bg);
        base[j] = U;
        bound[j] = V;
        if (!detail::gamma_lt1_low(U, shape)) {
          tmp[m] = detail::gamma_lt1_log_arg(U, shape);
          hi[m++] = static_cast<unsigned short>(j);
        }
      }
      detail::log_batch(tmp, tmp, m);
      for (std::size_t h = 0; h < m; ++h) {
        const double Y = -tmp[h];
        base[hi[h]] = detail::gamma_lt1_base(Y, shape);
        bound[hi[h]] = bound[hi[h]] + Y;
      }
      detail::pow_batch(base, inv, base, k);
      for (std::size_t j = 0; j < k; ++j) {
        if (base[j] <= bound[j]) out[i++] = base[j];
      }
    }
  }
  for (; i < cnt; ++i) out[i] = standard_gamma(bg, shape);
}

/// Float32 counterpart of standard_gamma_fill.
template <class BitGen>
inline void standard_gamma_fill_f(BitGen& bg, float shape, std::size_t cnt, float* out) noexcept {
  if (shape == 1.0f) return standard_exponential_fill_f(bg, cnt, out);
  for (std::size_t i = 0; i < cnt; ++i) out[i] = standard_gamma_f(bg, shape);
}

/// random_gamma: `scale * standard_gamma(bg, shape)`.
template <class BitGen>
inline double gamma(BitGen& bg, double shape, double scale) noexcept {
  return detail::mul(scale, standard_gamma(bg, shape));
}

/// random_gamma_f: `scale * standard_gamma_f(bg, shape)`.
template <class BitGen>
inline float gamma_f(BitGen& bg, float shape, float scale) noexcept {
  return detail::mul(scale, standard_gamma_f(bg, shape));
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_GAMMA_HPP
