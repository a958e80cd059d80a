// Discrete univariate kernels of numpy.random.Generator (NumPy 2.5): binomial, poisson, ...
//
// Sources mirrored: numpy/random/src/distributions/distributions.c, random_hypergeometric.c and
// logfactorial.c (NumPy 2.5.2). Every kernel reproduces NumPy's floating-point operation order,
// constants and raw draws exactly; the kernels do no argument checking (Generator does), so they
// can be reused by other front ends. Results are int64 as in NumPy's Generator.
//
// Integer casts: NumPy writes `(int64_t)floor(x)` in several rejection loops where x can be
// infinite, NaN or beyond the int64 range on rare draws (undefined behaviour in C; x86-64 yields
// INT64_MIN, which the loops then reject). detail::trunc_int64_x86 reproduces the x86-64 result
// without undefined behaviour, so those paths match NumPy's x86-64 builds.
#ifndef NPRANDOM_DISTRIBUTIONS_DISCRETE_HPP
#define NPRANDOM_DISTRIBUTIONS_DISCRETE_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include <nprandom/config.hpp>
#include <nprandom/detail/logfactorial_table.hpp>
#include <nprandom/distributions/exponential.hpp>
#include <nprandom/distributions/gamma.hpp>

namespace nprandom {
namespace detail {

// `(int64_t)x` with x86-64 cvttsd2si semantics: truncation toward zero, and INT64_MIN for NaN or
// for values outside [-2^63, 2^63).
inline std::int64_t trunc_int64_x86(double x) noexcept {
  if (x >= -9223372036854775808.0 && x < 9223372036854775808.0) {
    return static_cast<std::int64_t>(x);
  }
  return std::numeric_limits<std::int64_t>::min();
}

// a - b and |a - b| on int64 with two's-complement wrap-around (as NumPy's C compiles on x86-64),
// without signed-overflow undefined behaviour. Only reachable with absurd parameters.
inline std::int64_t wrap_sub_int64(std::int64_t a, std::int64_t b) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
inline std::int64_t wrap_abs_int64(std::int64_t a) noexcept {
  return a < 0 ? static_cast<std::int64_t>(std::uint64_t{0} - static_cast<std::uint64_t>(a)) : a;
}

}  // namespace detail

namespace distributions {

// ---------------------------------------------------------------------------------------------
// Special functions
// ---------------------------------------------------------------------------------------------

/// random_loggam: log(Gamma(x)) by the SPECFUN series (Zhang & Jin, "Computation of Special
/// Functions", 1996): 10 Stirling coefficients at x0 = x + floor(7 - x) for x < 7, then the
/// logs of the shifted terms subtracted one by one. x == 1 or 2 gives exactly 0. No draws.
inline double loggam(double x) noexcept {
  static constexpr double a[10] = {8.333333333333333e-02, -2.777777777777778e-03,
                                   7.936507936507937e-04, -5.952380952380952e-04,
                                   8.417508417508418e-04, -1.917526917526918e-03,
                                   6.410256410256410e-03, -2.955065359477124e-02,
                                   1.796443723688307e-01, -1.39243221690590e+00};
  if (x == 1.0 || x == 2.0) return 0.0;
  std::int64_t n = 0;
  if (x < 7.0) n = static_cast<std::int64_t>(7 - x);
  double x0 = x + static_cast<double>(n);
  const double x2 = (1.0 / x0) * (1.0 / x0);
  const double lg2pi = 1.8378770664093453e+00;  // log(2*pi)
  double gl0 = a[9];
  for (int k = 8; k >= 0; --k) {
    gl0 *= x2;
    gl0 += a[k];
  }
  double gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * std::log(x0) - x0;
  if (x < 7.0) {
    for (std::int64_t k = 1; k <= n; ++k) {
      gl -= std::log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

/// logfactorial (logfactorial.c): log(k!) from NumPy's table for k <= 125, else the Stirling
/// series truncated at the 1/k^3 term. k must be >= 0. No draws.
inline double logfactorial(std::int64_t k) noexcept {
  const double halfln2pi = 0.9189385332046728;
  if (k < static_cast<std::int64_t>(detail::logfactorial_table_size)) {
    return detail::logfactorial_table[k];
  }
  const double kd = static_cast<double>(k);
  return (kd + 0.5) * std::log(kd) - kd +
         (halfln2pi + (1.0 / kd) * (1 / 12.0 - 1 / (360.0 * kd * kd)));
}

// ---------------------------------------------------------------------------------------------
// Masked bounded integers (used by the hypergeometric urn sampler)
// ---------------------------------------------------------------------------------------------

/// random_interval: a uniform integer in [0, max] by masked rejection (NOT Lemire): mask = the
/// smallest 2^k-1 >= max; draws next_uint32() & mask when max <= 0xFFFFFFFF, else
/// next_uint64() & mask, until the value is <= max. max == 0 returns 0 without a draw.
template <class BitGen>
inline std::uint64_t interval(BitGen& bg, std::uint64_t max) noexcept {
  if (max == 0) return 0;
  std::uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  std::uint64_t value;
  if (max <= 0xffffffffULL) {
    while ((value = (static_cast<std::uint64_t>(bg.next_uint32()) & mask)) > max) {
    }
  } else {
    while ((value = (bg.next_uint64() & mask)) > max) {
    }
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Binomial
// ---------------------------------------------------------------------------------------------

/// NumPy's binomial_t: the per-(n, p) setup of the inversion and BTPE samplers, recomputed only
/// when (n, p) changes. NumPy keeps one per Generator; since the cached numbers are exactly what
/// the setup would recompute, caching never changes the values drawn, only the speed. Fields
/// keep NumPy's names; the inversion sampler stores qn in r, n*p in c and its bound in m, as
/// NumPy does.
struct binomial_cache {
  bool has_binomial = false;
  double psave = 0.0;
  std::int64_t nsave = 0;
  double r = 0.0;
  double q = 0.0;
  double fm = 0.0;
  std::int64_t m = 0;
  double p1 = 0.0;
  double xm = 0.0;
  double xl = 0.0;
  double xr = 0.0;
  double c = 0.0;
  double laml = 0.0;
  double lamr = 0.0;
  double p2 = 0.0;
  double p3 = 0.0;
  double p4 = 0.0;
};

/// random_binomial_btpe: BTPE (Kachitvichyanukul & Schmeiser, "Binomial random variate
/// generation", CACM 31(2), 1988), NumPy 2.5 version: the Step 52 Stirling correction uses
/// 13860 and subtracts the 3rd and 4th terms (the paper's, and NumPy <= 2.4's, 13680 / all-added
/// form was wrong). Each attempt draws two doubles (u * p4, then v). Called with p <= 0.5.
template <class BitGen>
inline std::int64_t binomial_btpe(BitGen& bg, std::int64_t n, double p,
                                  binomial_cache& bc) noexcept {
  using detail::trunc_int64_x86;
  const double nd = static_cast<double>(n);
  if (!bc.has_binomial || bc.nsave != n || bc.psave != p) {
    bc.nsave = n;
    bc.psave = p;
    bc.has_binomial = true;
    const double r = (p < 1.0 - p) ? p : 1.0 - p;
    const double q = 1.0 - r;
    bc.r = r;
    bc.q = q;
    bc.fm = nd * r + r;
    bc.m = trunc_int64_x86(std::floor(bc.fm));
    const double md = static_cast<double>(bc.m);
    bc.p1 = std::floor(2.195 * std::sqrt(nd * r * q) - 4.6 * q) + 0.5;
    bc.xm = md + 0.5;
    bc.xl = bc.xm - bc.p1;
    bc.xr = bc.xm + bc.p1;
    bc.c = 0.134 + 20.5 / (15.3 + md);
    double a = (bc.fm - bc.xl) / (bc.fm - bc.xl * r);
    bc.laml = a * (1.0 + a / 2.0);
    a = (bc.xr - bc.fm) / (bc.xr * q);
    bc.lamr = a * (1.0 + a / 2.0);
    bc.p2 = bc.p1 * (1.0 + 2.0 * bc.c);
    bc.p3 = bc.p2 + bc.c / bc.laml;
    bc.p4 = bc.p3 + bc.c / bc.lamr;
  }
  const double r = bc.r, q = bc.q, p1 = bc.p1, xm = bc.xm, xl = bc.xl, xr = bc.xr, c = bc.c;
  const double laml = bc.laml, lamr = bc.lamr, p2 = bc.p2, p3 = bc.p3, p4 = bc.p4;
  const std::int64_t m = bc.m;
  const double md = static_cast<double>(m);
  const double nrq = nd * r * q;

  std::int64_t y;
  for (;;) {
    // Step 10
    const double u = bg.next_double() * p4;
    double v = bg.next_double();
    if (u <= p1) {
      y = trunc_int64_x86(std::floor(xm - p1 * v + u));
      break;  // Step 60
    }
    if (u <= p2) {  // Step 20: parallelogram
      const double x = xl + (u - p1) / c;
      v = v * c + 1.0 - std::fabs(md - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = trunc_int64_x86(std::floor(x));
    } else if (u <= p3) {  // Step 30: left exponential tail
      // NumPy casts first and rejects v == 0 after; the order of the two tests is immaterial.
      y = trunc_int64_x86(std::floor(xl + std::log(v) / laml));
      if (y < 0 || v == 0.0) continue;
      v = v * (u - p2) * laml;
    } else {  // Step 40: right exponential tail
      y = trunc_int64_x86(std::floor(xr - std::log(v) / lamr));
      if (y > n || v == 0.0) continue;
      v = v * (u - p3) * lamr;
    }

    // Step 50
    const std::int64_t k = detail::wrap_abs_int64(detail::wrap_sub_int64(y, m));
    if (!(k > 20 && static_cast<double>(k) < nrq / 2.0 - 1)) {
      // Step 50 proper: explicit evaluation of f(y) / f(m) by the recursion.
      const double s = r / q;
      const double a = s * static_cast<double>(n + 1);
      double F = 1.0;
      if (m < y) {
        for (std::int64_t i = m + 1; i <= y; ++i) F *= (a / static_cast<double>(i) - s);
      } else if (m > y) {
        for (std::int64_t i = y + 1; i <= m; ++i) F /= (a / static_cast<double>(i) - s);
      }
      if (v > F) continue;
      break;  // Step 60
    }

    // Step 52: squeeze on log(f(y) / f(m)), then the Stirling-corrected bound.
    const double kd = static_cast<double>(k);
    const double rho = (kd / nrq) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    // C: `-k * k` is an int64 product, converted to double for the division.
    const std::int64_t negk2 = static_cast<std::int64_t>(std::uint64_t{0} -
                                                         static_cast<std::uint64_t>(k) *
                                                             static_cast<std::uint64_t>(k));
    const double t = static_cast<double>(negk2) / (2 * nrq);
    const double A = std::log(v);  // log(0) = -inf is fine here
    if (A < (t - rho)) break;       // Step 60
    if (A > (t + rho)) continue;

    const double x1 = static_cast<double>(y) + 1;
    const double f1 = md + 1;
    const double z = nd + 1 - md;
    const double w = nd - static_cast<double>(y) + 1;
    const double x2 = x1 * x1;
    const double f2 = f1 * f1;
    const double z2 = z * z;
    const double w2 = w * w;
    const double bound =
        xm * std::log(f1 / x1) +
        (static_cast<double>(detail::wrap_sub_int64(n, m)) + 0.5) * std::log(z / w) +
        static_cast<double>(detail::wrap_sub_int64(y, m)) * std::log(w * r / (x1 * q)) +
        (13860. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320. +
        (13860. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320. -
        (13860. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320. -
        (13860. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.;
    if (A > bound) continue;
    break;  // Step 60
  }
  // Step 60
  if (p > 0.5) y = n - y;
  return y;
}

/// random_binomial_inversion: sequential search (BINV) with qn = exp(n*log1p(-p)) (NumPy >= 2.4)
/// and bound = min(n, np + 10*sqrt(np*q + 1)); draws one double per attempt, restarting with a
/// new double when the search passes the bound.
template <class BitGen>
inline std::int64_t binomial_inversion(BitGen& bg, std::int64_t n, double p,
                                       binomial_cache& bc) noexcept {
  const double nd = static_cast<double>(n);
  if (!bc.has_binomial || bc.nsave != n || bc.psave != p) {
    bc.nsave = n;
    bc.psave = p;
    bc.has_binomial = true;
    bc.q = 1.0 - p;
    bc.r = std::exp(nd * std::log1p(-p));
    bc.c = nd * p;
    const double np = bc.c;
    const double lim = np + 10.0 * std::sqrt(np * bc.q + 1);
    bc.m = detail::trunc_int64_x86(nd < lim ? nd : lim);  // C: MIN(n, ...) in double
  }
  const double q = bc.q, qn = bc.r;
  const std::int64_t bound = bc.m;

  std::int64_t X = 0;
  double px = qn;
  double U = bg.next_double();
  while (U > px) {
    ++X;
    if (X > bound) {
      X = 0;
      px = qn;
      U = bg.next_double();
    } else {
      U -= px;
      px = (static_cast<double>(n - X + 1) * p * px) / (static_cast<double>(X) * q);
    }
  }
  return X;
}

/// random_binomial (Generator): n == 0 or p == 0 returns 0 with no draw. With r = min(p, 1-p),
/// inversion when n*r <= 30, else BTPE; for p > 0.5 the sampler runs on 1-p and the result is
/// n - X. Argument order is (n, p) like the Python API (NumPy's C function takes (p, n)).
template <class BitGen>
inline std::int64_t binomial(BitGen& bg, std::int64_t n, double p, binomial_cache& bc) noexcept {
  if (n == 0 || p == 0.0) return 0;
  if (p <= 0.5) {
    if (p * static_cast<double>(n) <= 30.0) return binomial_inversion(bg, n, p, bc);
    return binomial_btpe(bg, n, p, bc);
  }
  const double q = 1.0 - p;
  if (q * static_cast<double>(n) <= 30.0) return n - binomial_inversion(bg, n, q, bc);
  return n - binomial_btpe(bg, n, q, bc);
}

/// random_binomial with a fresh (per-call) setup cache; same values as the cached form.
template <class BitGen>
inline std::int64_t binomial(BitGen& bg, std::int64_t n, double p) noexcept {
  binomial_cache bc;
  return binomial(bg, n, p, bc);
}

/// `cnt` binomial(n, p) draws into `out`, sharing one setup (NumPy's size=cnt loop).
template <class BitGen>
inline void binomial_fill(BitGen& bg, std::int64_t n, double p, std::int64_t* out,
                          std::size_t cnt) noexcept {
  binomial_cache bc;
  for (std::size_t i = 0; i < cnt; ++i) out[i] = binomial(bg, n, p, bc);
}

// ---------------------------------------------------------------------------------------------
// Poisson
// ---------------------------------------------------------------------------------------------

/// Setup of random_poisson_ptrs for one lam (hoisted out of NumPy's per-call code; the values
/// are the same doubles NumPy recomputes on every call).
struct poisson_ptrs_setup {
  double lam;
  double loglam;
  double b;
  double a;
  double invalpha;
  double vr;
  double log_invalpha;

  explicit poisson_ptrs_setup(double lam_) noexcept
      : lam(lam_),
        loglam(std::log(lam_)),
        b(0.931 + 2.53 * std::sqrt(lam_)),
        a(-0.059 + 0.02483 * b),
        invalpha(1.1239 + 1.1328 / (b - 3.4)),
        vr(0.9277 - 3.6224 / (b - 2)),
        log_invalpha(std::log(invalpha)) {}
};

/// random_poisson_ptrs: PTRS, transformed rejection with squeeze (Hoermann, "The transformed
/// rejection method for generating Poisson random variables", Insurance: Mathematics and
/// Economics 12, 1993). Each attempt draws two doubles (U - 0.5, then V). For lam >= 10.
template <class BitGen>
inline std::int64_t poisson_ptrs(BitGen& bg, const poisson_ptrs_setup& s) noexcept {
  const double lam = s.lam, a = s.a, b = s.b;
  for (;;) {
    const double U = bg.next_double() - 0.5;
    const double V = bg.next_double();
    const double us = 0.5 - std::fabs(U);
    const std::int64_t k = detail::trunc_int64_x86(std::floor((2 * a / us + b) * U + lam + 0.43));
    if ((us >= 0.07) && (V <= s.vr)) return k;
    if ((k < 0) || ((us < 0.013) && (V > us))) continue;
    // log(V) == -inf is fine; us == 0 was rejected above (k < 0).
    if ((std::log(V) + s.log_invalpha - std::log(a / (us * us) + b)) <=
        (-lam + static_cast<double>(k) * s.loglam - loggam(static_cast<double>(k) + 1))) {
      return k;
    }
  }
}

template <class BitGen>
inline std::int64_t poisson_ptrs(BitGen& bg, double lam) noexcept {
  return poisson_ptrs(bg, poisson_ptrs_setup(lam));
}

/// random_poisson_mult with enlam = exp(-lam) precomputed: multiply doubles until the product
/// is <= exp(-lam); returns the number of factors minus one (draws X + 1 doubles).
template <class BitGen>
inline std::int64_t poisson_mult_enlam(BitGen& bg, double enlam) noexcept {
  std::int64_t X = 0;
  double prod = 1.0;
  for (;;) {
    prod *= bg.next_double();
    if (prod > enlam) {
      X += 1;
    } else {
      return X;
    }
  }
}

/// random_poisson_mult: Knuth's multiplication method, for lam < 10.
template <class BitGen>
inline std::int64_t poisson_mult(BitGen& bg, double lam) noexcept {
  return poisson_mult_enlam(bg, std::exp(-lam));
}

/// random_poisson: PTRS for lam >= 10, 0 with no draw for lam == 0, multiplication otherwise.
template <class BitGen>
inline std::int64_t poisson(BitGen& bg, double lam) noexcept {
  if (lam >= 10) return poisson_ptrs(bg, lam);
  if (lam == 0) return 0;
  return poisson_mult(bg, lam);
}

/// `cnt` poisson(lam) draws into `out` with the setup done once (same values as NumPy's loop).
template <class BitGen>
inline void poisson_fill(BitGen& bg, double lam, std::int64_t* out, std::size_t cnt) noexcept {
  if (lam >= 10) {
    const poisson_ptrs_setup s(lam);
    for (std::size_t i = 0; i < cnt; ++i) out[i] = poisson_ptrs(bg, s);
  } else if (lam == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = 0;
  } else {
    const double enlam = std::exp(-lam);
    for (std::size_t i = 0; i < cnt; ++i) out[i] = poisson_mult_enlam(bg, enlam);
  }
}

// ---------------------------------------------------------------------------------------------
// Negative binomial
// ---------------------------------------------------------------------------------------------

/// random_negative_binomial: gamma-Poisson mixture, Y = gamma(n, (1-p)/p) (standard_gamma
/// draws), then poisson(Y).
template <class BitGen>
inline std::int64_t negative_binomial(BitGen& bg, double n, double p) noexcept {
  const double Y = gamma(bg, n, (1 - p) / p);
  return poisson(bg, Y);
}

// ---------------------------------------------------------------------------------------------
// Hypergeometric (random_hypergeometric.c)
// ---------------------------------------------------------------------------------------------

/// hypergeometric_sample: urn simulation on min(sample, total-sample) draws, each one masked
/// `interval(remaining_total - 1)` draw; stops early when no good (or only good) items remain.
/// Requires good, bad, sample >= 0 and sample <= good + bad.
template <class BitGen>
inline std::int64_t hypergeometric_sample(BitGen& bg, std::int64_t good, std::int64_t bad,
                                          std::int64_t sample) noexcept {
  const std::int64_t total = good + bad;
  std::int64_t computed_sample = (sample > total / 2) ? total - sample : sample;
  std::int64_t remaining_total = total;
  std::int64_t remaining_good = good;
  while (computed_sample > 0 && remaining_good > 0 && remaining_total > remaining_good) {
    --remaining_total;  // interval(max) is inclusive
    if (static_cast<std::int64_t>(interval(bg, static_cast<std::uint64_t>(remaining_total))) <
        remaining_good) {
      --remaining_good;
    }
    --computed_sample;
  }
  if (remaining_total == remaining_good) remaining_good -= computed_sample;  // only good left
  return (sample > total / 2) ? remaining_good : good - remaining_good;
}

/// hypergeometric_hrua: ratio of uniforms, Algorithm HRUA (Stadlober, "Sampling from Poisson,
/// Binomial and Hypergeometric Distributions: Ratio of Uniforms as a Simple and Fast
/// Alternative", 1989; J. Comput. Appl. Math. 31, 1990). Each attempt draws U then V.
/// Requires good, bad, sample >= 0 and sample <= good + bad.
template <class BitGen>
inline std::int64_t hypergeometric_hrua(BitGen& bg, std::int64_t good, std::int64_t bad,
                                        std::int64_t sample) noexcept {
  constexpr double D1 = 1.7155277699214135;  // 2*sqrt(2/e)
  constexpr double D2 = 0.8989161620588988;  // 3 - 2*sqrt(3/e)
  const std::int64_t popsize = good + bad;
  const std::int64_t computed_sample = (sample < popsize - sample) ? sample : popsize - sample;
  const std::int64_t mingoodbad = (good < bad) ? good : bad;
  const std::int64_t maxgoodbad = (good > bad) ? good : bad;
  const double popd = static_cast<double>(popsize);
  const double csd = static_cast<double>(computed_sample);

  const double p = static_cast<double>(mingoodbad) / popd;
  const double q = static_cast<double>(maxgoodbad) / popd;
  const double mu = csd * p;
  const double a = mu + 0.5;
  const double var = static_cast<double>(popsize - computed_sample) * csd * p * q /
                     static_cast<double>(popsize - 1);
  const double c = std::sqrt(var + 0.5);
  const double h = D1 * c + D2;
  const std::int64_t m = detail::trunc_int64_x86(
      std::floor(static_cast<double>(computed_sample + 1) * static_cast<double>(mingoodbad + 1) /
                 static_cast<double>(popsize + 2)));
  const double g = logfactorial(m) + logfactorial(mingoodbad - m) +
                   logfactorial(computed_sample - m) +
                   logfactorial(maxgoodbad - computed_sample + m);
  // C: MIN(MIN(computed_sample, mingoodbad) + 1, floor(a + 16*c)), compared in double.
  const double support =
      static_cast<double>(((computed_sample < mingoodbad) ? computed_sample : mingoodbad) + 1);
  const double tail = std::floor(a + 16 * c);
  const double b = (support < tail) ? support : tail;

  std::int64_t K;
  for (;;) {
    const double U = bg.next_double();
    const double V = bg.next_double();  // "U star" in Stadlober (1989)
    const double X = a + h * (V - 0.5) / U;
    // Fast rejection. `!(X >= 0.0)` also rejects NaN (U == 0 and V == 0.5), where NumPy's C
    // would index the log-factorial table out of bounds.
    if (!(X >= 0.0) || (X >= b)) continue;
    K = static_cast<std::int64_t>(std::floor(X));
    const double gp = logfactorial(K) + logfactorial(mingoodbad - K) +
                      logfactorial(computed_sample - K) +
                      logfactorial(maxgoodbad - computed_sample + K);
    const double T = g - gp;
    if ((U * (4.0 - U) - 3.0) <= T) break;  // fast acceptance
    if (U * (U - T) >= 1) continue;         // fast rejection
    if (2.0 * std::log(U) <= T) break;      // acceptance
  }
  if (good > bad) K = computed_sample - K;
  if (computed_sample < sample) K = good - K;
  return K;
}

/// random_hypergeometric: HRUA when 10 <= sample <= good + bad - 10, else the urn sampler
/// (sample == 0 makes no draw). Requires good, bad, sample >= 0, sample <= good + bad, and no
/// overflow in good + bad (Generator limits good and bad to < 1e9).
template <class BitGen>
inline std::int64_t hypergeometric(BitGen& bg, std::int64_t good, std::int64_t bad,
                                   std::int64_t sample) noexcept {
  if (sample >= 10 && sample <= good + bad - 10) return hypergeometric_hrua(bg, good, bad, sample);
  return hypergeometric_sample(bg, good, bad, sample);
}

// ---------------------------------------------------------------------------------------------
// Zipf, geometric, logseries
// ---------------------------------------------------------------------------------------------

/// random_zipf (NumPy >= 2.1): rejection (Devroye, "Non-Uniform Random Variate Generation",
/// 1986, p. 551). a >= 1025 returns 1 with no draw. Each attempt draws U01 (U = U01*Umin +
/// (1-U01), in (Umin, 1] with Umin = (2^63-1)^-(a-1)) then V; X = floor(U^(-1/(a-1))) is
/// rejected when > 2^63 or < 1, accepted when V*X*(T-1)/(b-1) <= T/b, T = (1+1/X)^(a-1),
/// b = 2^(a-1).
template <class BitGen>
inline std::int64_t zipf(BitGen& bg, double a) noexcept {
  if (a >= 1025) return 1;
  const double am1 = a - 1.0;
  const double b = std::pow(2.0, am1);
  const double int64_max_d = static_cast<double>(std::numeric_limits<std::int64_t>::max());
  const double Umin = std::pow(int64_max_d, -am1);
  for (;;) {
    const double U01 = bg.next_double();
    const double U = U01 * Umin + (1 - U01);
    const double V = bg.next_double();
    const double X = std::floor(std::pow(U, -1.0 / am1));
    if (X > int64_max_d || X < 1.0) continue;
    const double T = std::pow(1.0 + 1.0 / X, am1);
    if (V * X * (T - 1.0) / (b - 1.0) <= T / b) return detail::trunc_int64_x86(X);
  }
}

/// random_geometric_search: one double U; X = 1, sum = prod = p; while U > sum:
/// prod *= 1-p, sum += prod, X++.
template <class BitGen>
inline std::int64_t geometric_search(BitGen& bg, double p) noexcept {
  std::int64_t X = 1;
  double sum = p, prod = p;
  const double q = 1.0 - p;
  const double U = bg.next_double();
  while (U > sum) {
    prod *= q;
    sum += prod;
    ++X;
  }
  return X;
}

/// random_geometric_inversion: ceil(-E / log1p(-p)) with one ziggurat standard_exponential E;
/// results >= 2^63 are clamped to INT64_MAX (NumPy >= 1.25).
template <class BitGen>
inline std::int64_t geometric_inversion(BitGen& bg, double p) noexcept {
  const double z = std::ceil(-standard_exponential(bg) / std::log1p(-p));
  // 9.223372036854776e+18 is the smallest double larger than INT64_MAX.
  if (z >= 9.223372036854776e+18) return std::numeric_limits<std::int64_t>::max();
  return static_cast<std::int64_t>(z);
}

/// random_geometric: search for p >= 1/3 (the C literal 0.333333333333333333333333), inversion
/// otherwise.
template <class BitGen>
inline std::int64_t geometric(BitGen& bg, double p) noexcept {
  if (p >= 0.333333333333333333333333) return geometric_search(bg, p);
  return geometric_inversion(bg, p);
}

/// random_logseries: Kemp's second accept-complement method (Kemp, "Efficient generation of
/// logarithmically distributed pseudo-random variables", Applied Statistics 30, 1981), with
/// r = log1p(-p) and q = -expm1(r*U) (NumPy >= 1.22). Each round draws V (V >= p returns 1),
/// then U; a candidate floor(1 + log V / log q) < 1, or V == 0, starts a new round.
template <class BitGen>
inline std::int64_t logseries(BitGen& bg, double p) noexcept {
  const double r = std::log1p(-p);
  for (;;) {
    const double V = bg.next_double();
    if (V >= p) return 1;
    const double U = bg.next_double();
    const double q = -std::expm1(r * U);
    if (V <= q * q) {
      const std::int64_t result =
          detail::trunc_int64_x86(std::floor(1 + std::log(V) / std::log(q)));
      if (result < 1 || V == 0.0) continue;
      return result;
    }
    if (V >= q) return 1;
    return 2;
  }
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_DISCRETE_HPP
