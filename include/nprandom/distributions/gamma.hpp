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
#include <nprandom/distributions/exponential.hpp>
#include <nprandom/distributions/normal.hpp>

#include <cstddef>

namespace nprandom {
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
      if (U <= 1.0 - shape) {
        const double X = detail::pow(U, 1. / shape);
        if (X <= V) return X;
      } else {
        const double Y = -detail::log((1 - U) / shape);
        const double X = detail::pow(1.0 - shape + detail::mul(shape, Y), 1. / shape);
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
template <class BitGen>
inline void standard_gamma_fill(BitGen& bg, double shape, std::size_t cnt, double* out) noexcept {
  if (shape == 1.0) return standard_exponential_fill(bg, cnt, out);
  for (std::size_t i = 0; i < cnt; ++i) out[i] = standard_gamma(bg, shape);
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
