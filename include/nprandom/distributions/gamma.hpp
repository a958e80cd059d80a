// Standard gamma kernels (double and float32) and gamma(shape, scale), as NumPy's Generator.
//
// Naming: NumPy's C function names minus the `random_` prefix: `standard_gamma(bg, shape)`
// returns a double, `standard_gamma_f(bg, shape)` a float. Kernels do no argument checking
// (the front ends reject shape < 0; a NaN shape takes the Marsaglia-Tsang branch and returns NaN,
// as in NumPy).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_GAMMA_HPP
#define NPRANDOM_DISTRIBUTIONS_GAMMA_HPP

#include <nprandom/detail/engine_core.hpp>
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

// A branch's test pow(x, inv) <= t (inv = 1/shape > 1, x >= 0: the low branch's U < 1 against
// V, the high branch's base > 1 - shape against V + Y) decided without the pow where cheap
// bounds of x^inv = x^n x^f (n = floor(inv), f = inv - n, exact) decide it:
//  * x >= 1: 1 + f(x-1)/x <= x^f <= 1 + f(x-1) (x^f = e^(f ln x), 1 - 1/x <= ln x <= x - 1);
//  * x < 1:  x <= x^f <= 1 + f(x-1) (concavity), the upper bound used only when 1 - f >= 1e-4
//    (a conservative guard: nearer 1 it cancels; then x^f <= 1);
//  * inv > 64: x^64 alone, an upper bound below 1 and a lower one above.
// x^n is taken by repeated squaring (relative error below 70 * 2^-53 < 1e-14, plus underflow
// steps below 1e-300 in all; a power that overflows is inf, and pow's is then far above t), the
// factors with a few roundings each (below 1e-11 relative with the guard); beyond the margins (a
// factor 1 +- 1e-9 and 1e-290), far beyond those errors and pow's (< 1 ULP), the rounded pow
// compares with t the same way. Returns +1 accept, -1 reject, 0 undecided (then compute pow).
// Most tests are decided, so a value takes one batched pow instead of one libm pow per attempt.
struct gamma_lt1_bounds {
  unsigned n;  // 0: no bounds (inv <= 1)
  double f;    // inv - n; -1 when inv > 64 (x^64 bounds only)
};
inline gamma_lt1_bounds gamma_lt1_bounds_setup(double inv) noexcept {
  if (!(inv > 1.0)) return {0, 0.0};
  if (inv > 64.0) return {64, -1.0};
  const auto n = static_cast<unsigned>(inv);
  return {n, inv - static_cast<double>(n)};
}
NPRANDOM_ALWAYS_INLINE double gamma_lt1_ipow(double u, unsigned n) noexcept {
  double r = 1.0;
  for (; n != 0; n >>= 1) {
    if (n & 1u) r = r * u;
    u = u * u;
  }
  return r;
}
NPRANDOM_ALWAYS_INLINE int gamma_lt1_verdict(double x, double t,
                                             const gamma_lt1_bounds& b) noexcept {
  if (b.n == 0) return 0;
  const double xn = gamma_lt1_ipow(x, b.n);
  const double f = b.f;
  const bool above = x >= 1.0;
  // hi >= x^inv >= lo where each exists
  double hi = xn, lo = xn;
  bool has_hi = true, has_lo = true;
  if (f < 0) {
    has_hi = !above;
    has_lo = above;
  } else if (f > 0) {
    const double d = x - 1.0;
    const double fd = mul(f, d);  // rounded on its own (no FMA: the same bounds in every build)
    if (above) {
      hi = xn * (1.0 + fd);
      lo = xn * (1.0 + fd / x);
    } else {
      hi = 1.0 - f >= 1e-4 ? xn * (1.0 + fd) : xn;
      lo = xn * x;
    }
  }
  if (has_hi && mul(hi, 1.0 + 1e-9) + 1e-290 <= t) return 1;
  if (has_lo && mul(lo, 1.0 - 1e-9) - 1e-290 > t) return -1;
  return 0;
}

// Whether standard_gamma(shape) takes the Marsaglia-Tsang branch (NaN shapes do, as in NumPy).
NPRANDOM_ALWAYS_INLINE bool gamma_is_mt(double shape) noexcept {
  return !(shape == 1.0) && !(shape == 0.0) && !(shape < 1.0);
}
// The named pieces of the Marsaglia-Tsang branch (shape > 1), shared by the scalar kernel, the
// prepared sampler and the batched fill. Per shape: b = shape - 1/3, c = 1/sqrt(9b).
struct gamma_mt {
  double b, c;
};
NPRANDOM_ALWAYS_INLINE gamma_mt gamma_mt_setup(double shape) noexcept {
  const double b = shape - 1. / 3.;
  return {b, 1. / detail::sqrt(9 * b)};
}
// One attempt's draws: normals X until V = 1 + cX > 0, then U; returns V^3.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double gamma_mt_attempt(BitGen& bg, double c, double& X,
                                               double& U) noexcept {
  double V;
  do {
    X = distributions::standard_normal(bg);
    V = 1.0 + detail::mul(c, X);
  } while (V <= 0.0);
  U = bg.next_double();
  return V * V * V;
}
// The squeeze: U < 1 - 0.0331 X^4 accepts without logarithms.
NPRANDOM_ALWAYS_INLINE bool gamma_mt_squeeze(double U, double X) noexcept {
  return U < 1.0 - detail::mul(0.0331 * (X * X), X * X);
}
// The full test, on log(U) and log(V): log(U) < X^2/2 + b(1 - V + log(V)).
NPRANDOM_ALWAYS_INLINE bool gamma_mt_log_test(double log_u, double X, double b, double V,
                                              double log_v) noexcept {
  return log_u < detail::mul(0.5 * X, X) + detail::mul(b, 1. - V + log_v);
}
}  // namespace detail

namespace distributions {

/// The Marsaglia-Tsang branch of random_standard_gamma on a prepared setup (shape > 1).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double standard_gamma_mt(BitGen& bg, const detail::gamma_mt& s) noexcept {
  for (;;) {
    double X, U;
    const double V = detail::gamma_mt_attempt(bg, s.c, X, U);
    if (detail::gamma_mt_squeeze(U, X)) return detail::mul(s.b, V);
    // log(0.0) is fine here.
    if (detail::gamma_mt_log_test(detail::log(U), X, s.b, V, detail::log(V)))
      return detail::mul(s.b, V);
  }
}

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
  return standard_gamma_mt(bg, detail::gamma_mt_setup(shape));
}

/// standard_gamma(bg, shape) with the per-shape setup done once, for the sized loops of the
/// methods built on gammas (beta, f, standard_t, noncentral_chisquare, ...): the same draws and
/// doubles as standard_gamma(bg, shape) on every call.
class gamma_sampler {
 public:
  explicit gamma_sampler(double shape) noexcept
      : shape_(shape),
        mt_(detail::gamma_is_mt(shape) ? detail::gamma_mt_setup(shape) : detail::gamma_mt{0, 0}) {}
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE double operator()(BitGen& bg) const noexcept {
    if (detail::gamma_is_mt(shape_)) return standard_gamma_mt(bg, mt_);
    return standard_gamma(bg, shape_);
  }

 private:
  double shape_;
  detail::gamma_mt mt_;
};

/// cnt standard_gamma_mt(bg, s) values, batched by attempt: blocks of K = min(rej_batch_block,
/// values still needed) attempts are drawn in stream order (normals until V > 0, then U: the same
/// draws whatever the outcome) on a local engine copy, the squeeze judged as they are drawn, the
/// logs of U and V of the attempts it rejects taken in one detail::log_batch call (bit for bit
/// detail::log), then the attempts scanned in order, each accepted one giving the next value.
/// Each value takes at least one attempt, so every attempt drawn is one of the scalar loop's:
/// values and final state are those of cnt standard_gamma calls.
template <class BitGen>
inline void standard_gamma_mt_fill(BitGen& bg, const detail::gamma_mt& s, std::size_t cnt,
                                   double* out) noexcept {
  constexpr std::size_t blk = detail::rej_batch_block;
  double xs[blk], vs[blk], us[blk], lg[2 * blk];
  bool acc[blk];
  unsigned short fail[blk];
  std::size_t i = 0;
  while (cnt - i >= detail::rej_batch_min) {
    const std::size_t k = cnt - i < blk ? cnt - i : blk;
    std::size_t m = 0;
    detail::with_local_engine(bg, [&](auto& e) NPRANDOM_LAMBDA_INLINE {
      for (std::size_t j = 0; j < k; ++j) {
        double X, U;
        vs[j] = detail::gamma_mt_attempt(e, s.c, X, U);
        xs[j] = X;
        us[j] = U;
        acc[j] = detail::gamma_mt_squeeze(U, X);
        if (!acc[j]) fail[m++] = static_cast<unsigned short>(j);
      }
    });
    for (std::size_t h = 0; h < m; ++h) {
      lg[h] = us[fail[h]];
      lg[m + h] = vs[fail[h]];
    }
    detail::log_batch(lg, lg, 2 * m);
    for (std::size_t h = 0; h < m; ++h) {
      const std::size_t j = fail[h];
      acc[j] = detail::gamma_mt_log_test(lg[h], xs[j], s.b, vs[j], lg[m + h]);
    }
    for (std::size_t j = 0; j < k; ++j) {
      if (acc[j]) out[i++] = detail::mul(s.b, vs[j]);
    }
  }
  for (; i < cnt; ++i) out[i] = standard_gamma_mt(bg, s);
}

/// The Marsaglia-Tsang branch of random_standard_gamma_f for b = shape - 1/3, c = 1/sqrt(9b).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE float standard_gamma_mt_f(BitGen& bg, float b, float c) noexcept {
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

/// random_standard_gamma_f: the same algorithm in float arithmetic (powf, logf, sqrtf, 0.0331f),
/// with next_float uniforms and the float32 ziggurat normal/exponential.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE float standard_gamma_f(BitGen& bg, float shape) noexcept {
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
  return standard_gamma_mt_f(bg, b, 1.0f / detail::sqrt(9.0f * b));
}

/// random_standard_gamma_fill equivalent (NumPy loops over random_standard_gamma). shape == 1 is
/// standard_exponential's fill (the same draws as cnt standard_exponential calls, from the block
/// source). shape > 1: standard_gamma_mt_fill.
/// 0 < shape < 1: blocks of K = min(rej_batch_block, values still needed) attempts are drawn in
/// stream order (U, V per attempt, whatever the outcome), their logs and pows evaluated with
/// detail::log_batch / pow_batch (bit for bit detail::log / pow), then scanned in order, each
/// accepted attempt giving the next value. Every attempt drawn is one the scalar loop draws too
/// (each value takes at least one attempt), so values and final state are those of cnt calls.
template <class BitGen>
inline void standard_gamma_fill(BitGen& bg, double shape, std::size_t cnt, double* out) noexcept {
  if (shape == 1.0) return standard_exponential_fill(bg, cnt, out);
  if (detail::gamma_is_mt(shape))
    return standard_gamma_mt_fill(bg, detail::gamma_mt_setup(shape), cnt, out);
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
  if (!(shape == 0.0f) && !(shape < 1.0f)) {  // Marsaglia-Tsang: the setup once
    const float b = shape - 1.0f / 3.0f;
    const float c = 1.0f / detail::sqrt(9.0f * b);
    detail::with_local_engine(bg, [&](auto& e) NPRANDOM_LAMBDA_INLINE {
      for (std::size_t i = 0; i < cnt; ++i) out[i] = standard_gamma_mt_f(e, b, c);
    });
    return;
  }
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
