// Continuous univariate distribution kernels of NumPy's Generator (beta ... triangular).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_CONTINUOUS_HPP
#define NPRANDOM_DISTRIBUTIONS_CONTINUOUS_HPP

// Ports of the random_* functions of NumPy's numpy/random/src/distributions/distributions.c
// (NumPy 2.5.2). Bit-exactness with NumPy depends on doing the same floating-point operations in
// the same order with the same libm functions, so every expression below keeps NumPy's operand
// order and association; do not "simplify" them algebraically. Kernels check no arguments: the
// front ends (Generator, RandomState) validate. "U" below is bg.next_double(), "N" a standard
// normal, "E" a standard exponential (both ziggurat), "G(s)" a standard gamma.

#include <nprandom/config.hpp>
#include <nprandom/detail/bitgen_traits.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/vec_expm1.hpp>
#include <nprandom/detail/vec_log.hpp>
#include <nprandom/detail/wrapping.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/exponential.hpp>
#include <nprandom/distributions/gamma.hpp>
#include <nprandom/distributions/normal.hpp>
#include <nprandom/distributions/uniform.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>

namespace nprandom {
namespace detail {
// M_PI of the C headers, spelled out (M_PI is not standard C++).
constexpr double continuous_pi = 3.14159265358979323846;
// BETA_TINY_THRESHOLD of distributions.c (NumPy >= 1.26 / 2.0).
constexpr double beta_tiny_threshold = 3e-103;
// The bulk forms of the log kernels (laplace_fill, ...) work in blocks of this many values: the
// uniforms in stream order, then their logs in one detail::log_batch call (bit for bit
// std::log: detail/vec_log.hpp), then the rest of the scalar kernel's arithmetic.
inline constexpr std::size_t log_fill_block = 256;

// c ? a : b without a branch (the bits of a or b by mask).
NPRANDOM_ALWAYS_INLINE double select_bits(bool c, double a, double b) noexcept {
  const std::uint64_t m = std::uint64_t{0} - static_cast<std::uint64_t>(c);
  return vlog_double((vlog_bits(a) & m) | (vlog_bits(b) & ~m));
}

// The last step of the Michael-Schucany-Haas wald sampler (NumPy's random_wald and
// legacy_wald): x if u <= mean / (mean + x), else mean * mean / x. Both candidates are computed
// and one kept by bit mask: the comparison is a coin flip for the branch predictor, and its
// mispredictions cost more than the extra division (same doubles either way).
template <class V>
NPRANDOM_ALWAYS_INLINE V wald_choose(V u, V mean, V x) noexcept {
  return select_bits(le_mask(u, mean / (mean + x)), x, mean * mean / x);
}

// random_wald's value from its normal n and uniform u (NumPy >= 2.3.4 / 2.4 formula, see wald):
// Y = mean * n^2, d = 1 + sqrt(1 + 4 scale / Y), X = mean * (1 - 2 / d), then wald_choose. One
// definition for a double and for two values in SSE2 lanes (V = f64x2, detail/fp.hpp): the same
// correctly rounded steps in each lane.
template <class V>
NPRANDOM_ALWAYS_INLINE V wald_value(V n, V u, V mean, V scale) noexcept {
  const V y = mean * n * n;
  const V d = 1.0 + sqrt(1.0 + 4.0 * scale / y);
  const V x = mul(mean, 1.0 - 2.0 / d);
  return wald_choose(u, mean, x);
}
// y[j] = wald_value(y[j], u[j], mean, scale) for j < m, two at a time in SSE2 lanes where there
// are: four divisions and a root per value are the cost of the kernel; the lanes halve it.
inline void wald_values(double* y, const double* u, std::size_t m, double mean,
                        double scale) noexcept {
  std::size_t j = 0;
#if NPRANDOM_DETAIL_F64X2
  const f64x2 mn = splat2(mean), sc = splat2(scale);
  for (; j + 2 <= m; j += 2) store2(y + j, wald_value(load2(y + j), load2(u + j), mn, sc));
#endif
  for (; j < m; ++j) y[j] = wald_value(y[j], u[j], mean, scale);
}

// f(o, buf, m) for consecutive blocks of out: m <= log_fill_block values at o, buf a scratch
// array of log_fill_block doubles.
template <class F>
NPRANDOM_ALWAYS_INLINE void for_each_log_block(double* out, std::size_t cnt, F&& f) {
  double buf[log_fill_block];
  for (std::size_t i = 0; i < cnt; i += log_fill_block) {
    f(out + i, buf, cnt - i < log_fill_block ? cnt - i : log_fill_block);
  }
}

// The next m doubles of the stream that are not 0.0 (laplace, gumbel and logistic redraw a U of
// 0), in stream order, into o: drawn in bulk (the SIMD lanes, the MT19937 block cursor) where the
// bit generator has a bulk source. A zero (probability 2^-53 per double) is taken out and one
// more double drawn after the others, as the one-value loops redraw it.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE void nonzero_uniforms(BitGen& bg, double* o, std::size_t m) noexcept {
  std::size_t have = 0;
  while (have < m) {
    bulk_uniforms_into(bg, o + have, m - have);
    bool zero = false;
    std::size_t j = have;
#if NPRANDOM_DETAIL_F64X2
    i64x2 any = {0, 0};  // the scan two at a time (GCC -O2 does not vectorise it)
    for (; j + 2 <= m; j += 2) any |= le_mask(load2(o + j), splat2(0.0));  // u >= 0: u <= 0 is 0
    zero = (any[0] | any[1]) != 0;
#endif
    for (; j < m; ++j) zero |= o[j] == 0.0;
    if (NPRANDOM_LIKELY(!zero)) return;
    std::size_t w = have;
    for (std::size_t k = have; k < m; ++k) {
      o[w] = o[k];
      w += static_cast<std::size_t>(o[k] != 0.0);
    }
    have = w;
  }
}
// f(o, buf, k) over consecutive blocks of out (k <= log_fill_block values at o, buf a scratch
// array of log_fill_block doubles), o holding the values' nonzero_uniforms. The uniforms are drawn
// bulk_block_words at a time (one SIMD lane setup per 1024 values, not per 256), then handed to f
// log_fill_block at a time.
template <class BitGen, class F>
NPRANDOM_ALWAYS_INLINE void for_each_nonzero_uniform_block(BitGen& bg, double* out, std::size_t cnt,
                                                           F&& f) {
  double buf[log_fill_block];
  for (std::size_t i = 0; i < cnt; i += bulk_block_words) {
    const std::size_t m = cnt - i < bulk_block_words ? cnt - i : bulk_block_words;
    nonzero_uniforms(bg, out + i, m);
    for (std::size_t s = 0; s < m; s += log_fill_block) {
      f(out + i + s, buf, m - s < log_fill_block ? m - s : log_fill_block);
    }
  }
}

// The named pieces of one attempt of Johnk's beta (random_beta, a <= 1 and b <= 1, not both
// tiny), shared by the scalar kernel and beta_fill: U, V drawn, X = U^(1/a), Y = V^(1/b).
NPRANDOM_ALWAYS_INLINE bool johnk_accept(double u, double v, double x, double y) noexcept {
  return x + y <= 1.0 && u + v > 0.0;
}
// The value of an accepted attempt: X / (X + Y), or from logarithms when X or Y underflowed.
inline double johnk_value(double u, double v, double x, double y, double a, double b) noexcept {
  if (x > 0.0 && y > 0.0) {
    return x / (x + y);
  }
  // rounded(): with a literal a = 2^-k the compiler turns / a into an (exact) product that it
  // could then fuse with the subtraction below; keep the audit strict.
  const double log_x = rounded(log(u) / a);
  const double log_y = rounded(log(v) / b);
  const double delta = log_x - log_y;
  if (delta > 0.0) {
    return exp(-log1p(exp(-delta)));
  }
  return exp(delta - log1p(exp(delta)));
}
}  // namespace detail

namespace distributions {

// random_beta. Requires a > 0 and b > 0.
// * a < 3e-103 and b < 3e-103: one U, returns 1.0 if (a + b)*U < a else 0.0 (NumPy >= 1.26).
// * a <= 1 and b <= 1: Johnk's algorithm (Johnk 1964; Devroye, "Non-Uniform Random Variate
//   Generation", 1986, IX.3): per attempt U then V, X = U^(1/a), Y = V^(1/b), accept when
//   X + Y <= 1 and U + V > 0. If X or Y underflowed to 0, the ratio is computed from logarithms
//   (NumPy >= 2.1). Two uniforms per attempt.
// * otherwise G(a) / (G(a) + G(b)), G(a) drawn first.
template <class BitGen>
double beta(BitGen& bg, double a, double b) noexcept {
  constexpr double tiny = ::nprandom::detail::beta_tiny_threshold;
  if (a <= 1.0 && b <= 1.0) {
    if (a < tiny && b < tiny) {
      const double u = bg.next_double();
      return (detail::mul(a + b, u) < a) ? 1.0 : 0.0;
    }
    for (;;) {
      const double u = bg.next_double();
      const double v = bg.next_double();
      const double x = detail::pow(u, 1.0 / a);
      const double y = detail::pow(v, 1.0 / b);
      if (detail::johnk_accept(u, v, x, y)) {
        return detail::johnk_value(u, v, x, y, a, b);
      }
    }
  }
  const double ga = standard_gamma(bg, a);
  const double gb = standard_gamma(bg, b);
  return ga / (ga + gb);
}

// cnt beta(a, b) values. Johnk's branch (not both tiny): blocks of K = min(rej_batch_block,
// values still needed) attempts drawn in stream order (U, V each), X and Y in two
// detail::pow_batch calls (bit for bit detail::pow), then the attempts scanned in order with the
// scalar kernel's johnk_accept / johnk_value (the log path included). Each value takes at least
// one attempt, so every attempt drawn is one of the scalar loop's: values and final state are
// those of cnt calls. Other parameters: the scalar kernel in a loop.
template <class BitGen>
void beta_fill(BitGen& bg, double a, double b, std::size_t cnt, double* out) noexcept {
  constexpr double tiny = ::nprandom::detail::beta_tiny_threshold;
  std::size_t i = 0;
  if (a <= 1.0 && b <= 1.0 && !(a < tiny && b < tiny)) {
    constexpr std::size_t blk = detail::rej_batch_block;
    double w[2 * blk], u[blk], v[blk], x[blk], y[blk];
    while (cnt - i >= detail::rej_batch_min) {
      const std::size_t k = cnt - i < blk ? cnt - i : blk;
      standard_uniform_pairs(bg, k, u, v, w);  // U, V, U, V, ...
      detail::pow_batch(u, 1.0 / a, x, k);
      detail::pow_batch(v, 1.0 / b, y, k);
      for (std::size_t j = 0; j < k; ++j) {
        if (detail::johnk_accept(u[j], v[j], x[j], y[j])) {
          out[i++] = detail::johnk_value(u[j], v[j], x[j], y[j], a, b);
        }
      }
    }
  }
  if (!(a <= 1.0 && b <= 1.0)) {  // G(a) / (G(a) + G(b)), the gammas' setups prepared once
    const gamma_sampler ga(a), gb(b);
    detail::with_local_engine(bg, [&](auto& e) NPRANDOM_LAMBDA_INLINE {
      for (; i < cnt; ++i) {
        const double x = ga(e);
        const double y = gb(e);
        out[i] = x / (x + y);
      }
    });
  }
  for (; i < cnt; ++i) out[i] = beta(bg, a, b);
}

// The kernel object of Generator.beta: one value, and the batched fill of the sized forms.
struct beta_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double a, double b) const noexcept {
    return beta(bg, a, b);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double a, double b) const noexcept {
    beta_fill(bg, a, b, n, out);
  }
};

// random_chisquare: 2 * G(df / 2), with G's setup prepared once (gamma_sampler).
class chisquare_sampler {
 public:
  explicit chisquare_sampler(double df) noexcept : g_(df / 2.0) {}
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE double operator()(BitGen& bg) const noexcept {
    return detail::mul(2.0, g_(bg));
  }

 private:
  gamma_sampler g_;
};

template <class BitGen>
double chisquare(BitGen& bg, double df) noexcept {
  return chisquare_sampler(df)(bg);
}

// The kernel objects of Generator.gamma and Generator.chisquare: their sized forms are
// standard_gamma_fill (batched by attempt for shape > 1) times scale (2 for chisquare), the
// same products as the one-value kernels.
struct gamma_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double shape, double scale) const noexcept {
    return gamma(bg, shape, scale);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double shape, double scale) const noexcept {
    standard_gamma_fill(bg, shape, n, out);
    for (std::size_t i = 0; i < n; ++i) out[i] = detail::mul(scale, out[i]);
  }
};
struct chisquare_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double df) const noexcept {
    return chisquare(bg, df);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double df) const noexcept {
    standard_gamma_fill(bg, df / 2.0, n, out);
    for (std::size_t i = 0; i < n; ++i) out[i] = detail::mul(2.0, out[i]);
  }
};

// random_f: (chisquare(dfnum) * dfden) / (chisquare(dfden) * dfnum), numerator drawn first.
class f_sampler {
 public:
  f_sampler(double dfnum, double dfden) noexcept
      : num_(dfnum), den_(dfden), dfnum_(dfnum), dfden_(dfden) {}
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE double operator()(BitGen& bg) const noexcept {
    const double num = detail::mul(num_(bg), dfden_);
    const double den = detail::mul(den_(bg), dfnum_);
    return num / den;
  }

 private:
  chisquare_sampler num_, den_;
  double dfnum_, dfden_;
};
using f_kernel = detail::prepared_kernel<f_sampler>;

template <class BitGen>
double f(BitGen& bg, double dfnum, double dfden) noexcept {
  return f_sampler(dfnum, dfden)(bg);
}

// random_noncentral_chisquare.
// * nonc NaN: NaN, no draw.  * nonc == 0: chisquare(df).
// * df > 1: chisquare(df - 1) + (N + sqrt(nonc))^2, the chi-square drawn first.
// * df <= 1: i = poisson(nonc / 2), then chisquare(df + 2 i) (Poisson mixture).
// The setups of chisquare(df), chisquare(df - 1), sqrt(nonc) and poisson(nonc / 2) are prepared
// once (the same doubles).
class noncentral_chisquare_sampler {
 public:
  noncentral_chisquare_sampler(double df, double nonc) noexcept
      : df_(df),
        nonc_(nonc),
        chi_(nonc == 0.0 ? df : df - 1.0),
        sqrt_nonc_(detail::isnan(nonc) ? nonc : detail::sqrt(nonc)) {}
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE double operator()(BitGen& bg) noexcept {
    if (detail::isnan(nonc_)) return std::numeric_limits<double>::quiet_NaN();
    if (nonc_ == 0.0) return chi_(bg);
    if (1.0 < df_) {
      const double chi2 = chi_(bg);
      const double n = standard_normal(bg) + sqrt_nonc_;
      return chi2 + detail::mul(n, n);
    }
    const std::int64_t i = pois_(bg, nonc_ / 2.0);
    // 2 * i wraps in NumPy's C for i > 2^62 (e.g. poisson(inf) = INT64_MIN): keep the wrap, no UB.
    return chisquare(bg, df_ + static_cast<double>(nprandom::detail::wrap_mul(2, i)));
  }

 private:
  double df_, nonc_;
  chisquare_sampler chi_;
  double sqrt_nonc_;
  poisson_sampler pois_;
};
using noncentral_chisquare_kernel = detail::prepared_kernel<noncentral_chisquare_sampler>;

template <class BitGen>
double noncentral_chisquare(BitGen& bg, double df, double nonc) noexcept {
  return noncentral_chisquare_sampler(df, nonc)(bg);
}

// random_noncentral_f: (noncentral_chisquare(dfnum, nonc) * dfden) / (chisquare(dfden) * dfnum),
// numerator drawn first.
class noncentral_f_sampler {
 public:
  noncentral_f_sampler(double dfnum, double dfden, double nonc) noexcept
      : num_(dfnum, nonc), den_(dfden), dfnum_(dfnum), dfden_(dfden) {}
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE double operator()(BitGen& bg) noexcept {
    const double t = detail::mul(num_(bg), dfden_);
    return t / detail::mul(den_(bg), dfnum_);
  }

 private:
  noncentral_chisquare_sampler num_;
  chisquare_sampler den_;
  double dfnum_, dfden_;
};
using noncentral_f_kernel = detail::prepared_kernel<noncentral_f_sampler>;

template <class BitGen>
double noncentral_f(BitGen& bg, double dfnum, double dfden, double nonc) noexcept {
  return noncentral_f_sampler(dfnum, dfden, nonc)(bg);
}

// random_standard_cauchy: N1 / N2, N1 drawn first.
template <class BitGen>
double standard_cauchy(BitGen& bg) noexcept {
  const double num = standard_normal(bg);
  const double den = standard_normal(bg);
  return num / den;
}

// Generator.standard_cauchy's kernel object: the sized form draws the 2 n normals with
// standard_normal_fill (in blocks, the same draws in the same order) and divides the pairs.
struct standard_cauchy_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg) const noexcept {
    return standard_cauchy(bg);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n) const noexcept {
    constexpr std::size_t blk = detail::log_fill_block;
    double z[2 * blk];
    for (std::size_t i = 0; i < n; i += blk) {
      const std::size_t m = n - i < blk ? n - i : blk;
      standard_normal_fill(bg, 2 * m, z);
      for (std::size_t j = 0; j < m; ++j) out[i + j] = z[2 * j] / z[2 * j + 1];
    }
  }
};

// random_standard_t: N first, then G = G(df / 2); sqrt(df / 2) * N / sqrt(G). G's setup and
// sqrt(df / 2) are prepared once.
class standard_t_sampler {
 public:
  explicit standard_t_sampler(double df) noexcept : g_(df / 2.0), scale_(detail::sqrt(df / 2.0)) {}
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE double operator()(BitGen& bg) const noexcept {
    const double num = standard_normal(bg);
    const double denom = g_(bg);
    return detail::mul(scale_, num) / detail::sqrt(denom);
  }

 private:
  gamma_sampler g_;
  double scale_;
};
using standard_t_kernel = detail::prepared_kernel<standard_t_sampler>;

template <class BitGen>
double standard_t(BitGen& bg, double df) noexcept {
  return standard_t_sampler(df)(bg);
}

// Best & Fisher's constant s of random_vonmises for 1e-8 <= kappa <= 1e6 (a Taylor expansion
// below 1e-5): the per-kappa setup, the same value on every call.
inline double vonmises_s(double kappa) noexcept {
  if (kappa < 1e-5) {
    return (1.0 / kappa + kappa);
  }
  const double r = 1.0 + detail::sqrt(1.0 + detail::mul(4.0 * kappa, kappa));
  const double rho = (r - detail::sqrt(2.0 * r)) / (2.0 * kappa);
  return (1.0 + detail::mul(rho, rho)) / (2.0 * rho);
}

// random_vonmises's Best-Fisher rejection (U, V per attempt) on a prepared s: the accepted w.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double vonmises_bf_w(BitGen& bg, double kappa, double s) noexcept {
  constexpr double pi = ::nprandom::detail::continuous_pi;
  for (;;) {
    const double u = bg.next_double();
    const double z = detail::cos(pi * u);
    const double w = (1.0 + detail::mul(s, z)) / (s + z);
    const double y = detail::mul(kappa, s - w);
    const double v = bg.next_double();
    // V == 0 is fine: Y >= 0 always accepts in the first test, Y < 0 always rejects.
    if ((detail::mul(y, 2.0 - y) - v >= 0.0) || (detail::log(y / v) + 1.0 - y >= 0.0)) {
      return w;
    }
  }
}

// The value from the accepted w and the third U (the sign): acos, the mu shift and the fmod
// reduction; no draws. The two sign flips are selected by bit mask (each is a coin flip for the
// branch predictor); the doubles are those of NumPy's branches.
NPRANDOM_ALWAYS_INLINE double vonmises_bf_value(double w, double u, double mu) noexcept {
  constexpr double pi = ::nprandom::detail::continuous_pi;
  const double a = detail::acos(w);
  double result = detail::select_bits(u < 0.5, -a, a);
  result += mu;
  const bool neg = (result < 0.0);
  double mod = detail::fabs(result);
  mod = (detail::fmod_below_twice(mod + pi, 2.0 * pi) - pi);
  return detail::select_bits(neg, mod * -1.0, mod);
}

// random_vonmises's Best-Fisher branch: the rejection, then a third U for the sign.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double vonmises_bf(BitGen& bg, double mu, double kappa, double s) noexcept {
  const double w = vonmises_bf_w(bg, kappa, s);
  return vonmises_bf_value(w, bg.next_double(), mu);
}

// cnt vonmises_bf values on a prepared s (the sized Best-Fisher regime of Generator and
// RandomState): the draws of a block first (each value's w and sign U, in stream order), then
// its values; acos and fmod take no draws, so they run in a loop of their own.
template <class BitGen>
void vonmises_bf_fill(BitGen& bg, double mu, double kappa, double s, std::size_t cnt,
                      double* out) noexcept {
  constexpr std::size_t blk = 256;
  double us[blk];
  for (std::size_t i = 0; i < cnt; i += blk) {
    const std::size_t m = cnt - i < blk ? cnt - i : blk;
    double* o = out + i;
    detail::with_local_engine(bg, [=, &us](auto& e) {
      for (std::size_t j = 0; j < m; ++j) {
        o[j] = vonmises_bf_w(e, kappa, s);
        us[j] = e.next_double();
      }
    });
    for (std::size_t j = 0; j < m; ++j) o[j] = vonmises_bf_value(o[j], us[j], mu);
  }
}

// random_vonmises (NumPy >= 1.21 regimes; Best & Fisher, "Efficient simulation of the von Mises
// distribution", Applied Statistics 28, 1979).
// * kappa NaN: NaN, no draw.
// * kappa < 1e-8: pi * (2U - 1), one U. NumPy ignores mu here; so do we.
// * kappa > 1e6: wrapped normal mu + sqrt(1/kappa) * N, shifted once by 2 pi into [-pi, pi].
// * otherwise Best-Fisher rejection (U, V per attempt; s from a Taylor expansion when
//   kappa < 1e-5), then a third U picks the sign; the result is mu-shifted and reduced with fmod.
template <class BitGen>
double vonmises(BitGen& bg, double mu, double kappa) noexcept {
  constexpr double pi = ::nprandom::detail::continuous_pi;
  if (detail::isnan(kappa)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (kappa < 1e-8) {
    return detail::mul(pi, detail::mul(2.0, bg.next_double()) - 1.0);
  }
  if (kappa > 1e6) {
    double result = mu + detail::mul(detail::sqrt(1.0 / kappa), standard_normal(bg));
    if (result < -pi) {
      result += detail::mul(2.0, pi);
    }
    if (result > pi) {
      result -= detail::mul(2.0, pi);
    }
    return result;
  }
  return vonmises_bf(bg, mu, kappa, vonmises_s(kappa));
}

// cnt vonmises values: in the Best-Fisher regime s is computed once (NumPy recomputes it per
// value: two sqrt and three divisions), with the engine state in locals.
template <class BitGen>
void vonmises_fill(BitGen& bg, double mu, double kappa, std::size_t cnt, double* out) noexcept {
  if (!(kappa >= 1e-8 && kappa <= 1e6)) {  // NaN, the uniform and the wrapped-normal regimes
    for (std::size_t i = 0; i < cnt; ++i) out[i] = vonmises(bg, mu, kappa);
    return;
  }
  vonmises_bf_fill(bg, mu, kappa, vonmises_s(kappa), cnt, out);
}

struct vonmises_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double mu, double kappa) const noexcept {
    return vonmises(bg, mu, kappa);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double mu, double kappa) const noexcept {
    vonmises_fill(bg, mu, kappa, n, out);
  }
};

// random_pareto: expm1(E / a) (NumPy >= 1.22). One E.
template <class BitGen>
double pareto(BitGen& bg, double a) noexcept {
  return detail::expm1(standard_exponential(bg) / a);
}

// cnt pareto values: the exponentials in one fill (the same draws as cnt standard_exponential
// calls), E / a, then the expm1s in one detail::expm1_batch (bit for bit std::expm1).
template <class BitGen>
void pareto_fill(BitGen& bg, double a, std::size_t cnt, double* out) noexcept {
  standard_exponential_fill(bg, cnt, out);
  for (std::size_t i = 0; i < cnt; ++i) out[i] = out[i] / a;
  detail::expm1_batch(out, out, cnt);
}

// random_weibull: a == 0 -> 0 with no draw; otherwise E^(1/a).
template <class BitGen>
double weibull(BitGen& bg, double a) noexcept {
  if (a == 0.0) {
    return 0.0;
  }
  return detail::pow(standard_exponential(bg), 1.0 / a);
}

// cnt weibull values: the exponentials in one fill (the same draws as cnt standard_exponential
// calls), then E^(1/a) in one detail::pow_batch (bit for bit std::pow); a == 0: zeros, no draw.
template <class BitGen>
void weibull_fill(BitGen& bg, double a, std::size_t cnt, double* out) noexcept {
  if (a == 0.0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = 0.0;
    return;
  }
  standard_exponential_fill(bg, cnt, out);
  detail::pow_batch(out, 1.0 / a, out, cnt);
}

// The kernel object of Generator.weibull: one value, and the batched fill of the sized forms.
struct weibull_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double a) const noexcept {
    return weibull(bg, a);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double a) const noexcept {
    weibull_fill(bg, a, n, out);
  }
};

// random_power: (-expm1(-E))^(1/a) (NumPy >= 1.22). One E.
template <class BitGen>
double power(BitGen& bg, double a) noexcept {
  return detail::pow(-detail::expm1(-standard_exponential(bg)), 1.0 / a);
}

// cnt power values: the exponentials in one fill, -expm1(-E) in one detail::expm1_batch, then the
// pow in one detail::pow_batch (each bit for bit the C library's function).
template <class BitGen>
void power_fill(BitGen& bg, double a, std::size_t cnt, double* out) noexcept {
  standard_exponential_fill(bg, cnt, out);
  for (std::size_t i = 0; i < cnt; ++i) out[i] = -out[i];
  detail::expm1_batch(out, out, cnt);
  for (std::size_t i = 0; i < cnt; ++i) out[i] = -out[i];
  detail::pow_batch(out, 1.0 / a, out, cnt);
}

// The kernel objects of Generator.pareto and Generator.power: one value, and the batched fill of
// the sized forms.
#define NPRANDOM_DETAIL_ONE_PARAM_KERNEL(name)                                   \
  struct name##_kernel : detail::bulk_kernel {                                   \
    template <class BitGen>                                                      \
    double operator()(BitGen& bg, double a) const noexcept {                     \
      return name(bg, a);                                                        \
    }                                                                            \
    template <class BitGen>                                                      \
    void fill(BitGen& bg, double* out, std::size_t n, double a) const noexcept { \
      name##_fill(bg, a, n, out);                                                \
    }                                                                            \
  };
NPRANDOM_DETAIL_ONE_PARAM_KERNEL(pareto)
NPRANDOM_DETAIL_ONE_PARAM_KERNEL(power)
#undef NPRANDOM_DETAIL_ONE_PARAM_KERNEL

// random_laplace (inversion): U >= 0.5 -> loc - scale * log(2 - U - U);
// 0 < U < 0.5 -> loc + scale * log(U + U); U == 0 is rejected and redrawn.
// Also used by RandomState.laplace.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double laplace(BitGen& bg, double loc, double scale) noexcept {
  for (;;) {
    const double u = bg.next_double();
    if (u >= 0.5) {
      return loc - detail::mul(scale, detail::log(2.0 - u - u));
    }
    if (u > 0.0) {
      return loc + detail::mul(scale, detail::log(u + u));
    }
  }
}

// cnt laplace values, the same draws and values as cnt calls (U == 0 redrawn in stream order).
template <class BitGen>
void laplace_fill(BitGen& bg, double loc, double scale, std::size_t cnt, double* out) noexcept {
  detail::for_each_nonzero_uniform_block(bg, out, cnt, [=](double* o, double* arg, std::size_t m) {
    for (std::size_t j = 0; j < m; ++j) {
      const double u = o[j];
      // both branches computed, one kept by bit mask: a branch here mispredicts half the time
      arg[j] = detail::select_bits(u >= 0.5, 2.0 - u - u, u + u);
    }
    detail::log_batch(arg, arg, m);
    for (std::size_t j = 0; j < m; ++j) {
      const double s = detail::mul(scale, arg[j]);
      o[j] = detail::select_bits(o[j] >= 0.5, loc - s, loc + s);
    }
  });
}

// random_gumbel (inversion): U = 1 - next_double; loc - scale * log(-log(U)), redrawn while
// U == 1. Also used by RandomState.gumbel.
// fma-exact on 1 - next_double(): every engine's next_double() is an integer below 2^53 times
// 2^-53, an exact product, so a compiler that fuses it into the subtraction gives the same double.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double gumbel(BitGen& bg, double loc, double scale) noexcept {
  for (;;) {
    const double u = 1.0 - bg.next_double();  // fma-exact
    if (u < 1.0) {
      return loc - detail::mul(scale, detail::log(-detail::log(u)));
    }
  }
}

// cnt gumbel values: log(U) in one batch, then log(-log(U)) in another.
template <class BitGen>
void gumbel_fill(BitGen& bg, double loc, double scale, std::size_t cnt, double* out) noexcept {
  detail::for_each_nonzero_uniform_block(bg, out, cnt, [=](double* o, double* t, std::size_t m) {
    for (std::size_t j = 0; j < m; ++j) t[j] = 1.0 - o[j];  // < 1: the draw is not 0
    detail::log_batch(t, t, m);
    for (std::size_t j = 0; j < m; ++j) t[j] = -t[j];
    detail::log_batch(t, t, m);
    for (std::size_t j = 0; j < m; ++j) o[j] = loc - detail::mul(scale, t[j]);
  });
}

// random_logistic (inversion): loc + scale * log(U / (1 - U)), redrawn while U == 0.
// Also used by RandomState.logistic.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double logistic(BitGen& bg, double loc, double scale) noexcept {
  for (;;) {
    const double u = bg.next_double();
    if (u > 0.0) {
      return loc + detail::mul(scale, detail::log(u / (1.0 - u)));
    }
  }
}

// cnt logistic values (U == 0 redrawn in stream order), the logs in batches.
template <class BitGen>
void logistic_fill(BitGen& bg, double loc, double scale, std::size_t cnt, double* out) noexcept {
  detail::for_each_nonzero_uniform_block(bg, out, cnt, [=](double* o, double* t, std::size_t m) {
    std::size_t j = 0;
#if NPRANDOM_DETAIL_F64X2
    for (; j + 2 <= m; j += 2) {  // the divisions two at a time (GCC -O2 keeps divsd scalar)
      const detail::f64x2 u = detail::load2(o + j);
      detail::store2(t + j, u / (1.0 - u));
    }
#endif
    for (; j < m; ++j) t[j] = o[j] / (1.0 - o[j]);
    detail::log_batch(t, t, m);
    for (j = 0; j < m; ++j) o[j] = loc + detail::mul(scale, t[j]);
  });
}

// random_lognormal: exp(mean + sigma * N). One N.
template <class BitGen>
double lognormal(BitGen& bg, double mean, double sigma) noexcept {
  return detail::exp(mean + detail::mul(sigma, standard_normal(bg)));
}

// cnt lognormal values: the normals in one fill (the same draws as cnt standard_normal calls),
// then the exps in batches (detail::exp_batch, bit for bit std::exp).
template <class BitGen>
void lognormal_fill(BitGen& bg, double mean, double sigma, std::size_t cnt, double* out) noexcept {
  standard_normal_fill(bg, cnt, out);
  detail::exp_of_affine(out, cnt, mean, sigma);
}

// Kernel objects of the four methods above for the front ends' declarations: one value, and the
// batched fill for the sized forms (detail::bulk_kernel).
#define NPRANDOM_DETAIL_LOC_SCALE_KERNEL(name)                                             \
  struct name##_kernel : detail::bulk_kernel {                                             \
    template <class BitGen>                                                                \
    double operator()(BitGen& bg, double a, double b) const noexcept {                     \
      return name(bg, a, b);                                                               \
    }                                                                                      \
    template <class BitGen>                                                                \
    void fill(BitGen& bg, double* out, std::size_t n, double a, double b) const noexcept { \
      name##_fill(bg, a, b, n, out);                                                       \
    }                                                                                      \
  };
NPRANDOM_DETAIL_LOC_SCALE_KERNEL(laplace)
NPRANDOM_DETAIL_LOC_SCALE_KERNEL(gumbel)
NPRANDOM_DETAIL_LOC_SCALE_KERNEL(logistic)
NPRANDOM_DETAIL_LOC_SCALE_KERNEL(lognormal)
#undef NPRANDOM_DETAIL_LOC_SCALE_KERNEL

// random_rayleigh: mode * sqrt(2 E) (ziggurat E, NumPy >= 1.21). One E.
template <class BitGen>
double rayleigh(BitGen& bg, double mode) noexcept {
  return detail::mul(mode, detail::sqrt(2.0 * standard_exponential(bg)));
}

// random_wald, NumPy >= 2.3.4 / 2.4 formula (Michael, Schucany & Haas 1976, with the root
// rewritten to avoid cancellation): Y = mean * N^2, d = 1 + sqrt(1 + 4 scale / Y),
// X = mean * (1 - 2 / d), then U; X if U <= mean / (mean + X), else mean^2 / X. One N, one U.
template <class BitGen>
double wald(BitGen& bg, double mean, double scale) noexcept {
  const double n = standard_normal(bg);
  return detail::wald_value(n, bg.next_double(), mean, scale);
}

// cnt wald values (NumPy's size=cnt loop): blocks of N, U pairs drawn in stream order on a local
// engine, then the arithmetic over the block (detail::wald_values: divisions and roots in vector
// lanes).
template <class BitGen>
void wald_fill(BitGen& bg, double mean, double scale, std::size_t cnt, double* out) noexcept {
  detail::with_local_engine(bg, [=](auto& e) {
    detail::for_each_log_block(out, cnt, [&](double* o, double* u, std::size_t m) {
      for (std::size_t j = 0; j < m; ++j) {
        o[j] = standard_normal(e);
        u[j] = e.next_double();
      }
      detail::wald_values(o, u, m, mean, scale);
    });
  });
}

struct wald_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double mean, double scale) const noexcept {
    return wald(bg, mean, scale);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double mean, double scale) const noexcept {
    wald_fill(bg, mean, scale, n, out);
  }
};

// random_triangular (inversion): one U. Requires left <= mode <= right, left < right.
// Also used by RandomState.triangular. The setup (base, ratio and the two products) is prepared
// once; the branch on U <= ratio (a coin flip for the predictor when mode is central) is a bit
// mask selection of the root's argument and of the end it is taken from: NumPy's doubles.
class triangular_sampler {
 public:
  triangular_sampler(double left, double mode, double right) noexcept
      : left_(left),
        right_(right),
        ratio_((mode - left) / (right - left)),
        leftprod_((mode - left) * (right - left)),
        rightprod_((right - mode) * (right - left)) {}
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE double operator()(BitGen& bg) const noexcept {
    return value(bg.next_double(), ratio_, leftprod_, rightprod_, left_, right_);
  }
  // The sized form: the uniforms of 1024 values at a time from the bulk source, then their values
  // two at a time in SSE2 lanes where there are (the same correctly rounded steps per lane).
  static constexpr bool batched_fill = true;
  static constexpr bool fill_on_bitgen = true;
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n) const noexcept {
    for (std::size_t i = 0; i < n; i += detail::bulk_block_words) {
      const std::size_t m = n - i < detail::bulk_block_words ? n - i : detail::bulk_block_words;
      double* o = out + i;
      detail::bulk_uniforms_into(bg, o, m);
      std::size_t j = 0;
#if NPRANDOM_DETAIL_F64X2
      using detail::splat2;
      const detail::f64x2 ratio = splat2(ratio_), lp = splat2(leftprod_), rp = splat2(rightprod_),
                          lo = splat2(left_), hi = splat2(right_);
      for (; j + 2 <= m; j += 2) {
        detail::store2(o + j, value(detail::load2(o + j), ratio, lp, rp, lo, hi));
      }
#endif
      for (; j < m; ++j) o[j] = value(o[j], ratio_, leftprod_, rightprod_, left_, right_);
    }
  }

 private:
  // The value from U (a double, or two in f64x2 lanes): the branch on U <= ratio (a coin flip for
  // the predictor when mode is central) is a bit mask selection of the root's argument and of the
  // end it is taken from: NumPy's doubles.
  template <class V>
  static NPRANDOM_ALWAYS_INLINE V value(V u, V ratio, V leftprod, V rightprod, V left,
                                        V right) noexcept {
    using detail::le_mask;
    using detail::select_bits;
    using detail::sqrt;
    const auto low = le_mask(u, ratio);
    const V s = sqrt(select_bits(low, u * leftprod, (1.0 - u) * rightprod));
    return select_bits(low, left + s, right - s);
  }
  double left_, right_, ratio_, leftprod_, rightprod_;
};
using triangular_kernel = detail::prepared_kernel<triangular_sampler>;

template <class BitGen>
double triangular(BitGen& bg, double left, double mode, double right) noexcept {
  return triangular_sampler(left, mode, right)(bg);
}

// The kernel objects of Generator.exponential and Generator.rayleigh: the sized forms map each
// draw of standard_exponential_fill_map (the ziggurat words from the block source) with the
// one-value kernel's arithmetic, as it is drawn (a second pass over the values measured slower
// for rayleigh's sqrt).
struct exponential_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double scale) const noexcept {
    return exponential(bg, scale);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double scale) const noexcept {
    standard_exponential_fill_map(
        bg, n, out, [scale](double z) NPRANDOM_LAMBDA_INLINE { return detail::mul(scale, z); });
  }
};
struct rayleigh_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double mode) const noexcept {
    return rayleigh(bg, mode);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double mode) const noexcept {
    standard_exponential_fill_map(bg, n, out, [mode](double z) NPRANDOM_LAMBDA_INLINE {
      return detail::mul(mode, detail::sqrt(2.0 * z));
    });
  }
};

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_CONTINUOUS_HPP
