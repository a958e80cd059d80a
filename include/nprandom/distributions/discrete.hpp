// Discrete univariate kernels of numpy.random.Generator (NumPy 2.5): binomial, poisson, ...
//
// Sources mirrored: numpy/random/src/distributions/distributions.c, random_hypergeometric.c and
// logfactorial.c (NumPy 2.5.2). Every kernel reproduces NumPy's floating-point operation order,
// constants and raw draws exactly; the kernels do no argument checking (Generator does), so they
// can be reused by other front ends. Results are int64 as in NumPy's Generator.
//
// Integer casts: NumPy writes `(int64_t)floor(x)` in several rejection loops where x can be
// infinite, NaN or beyond the int64 range on rare draws (undefined behaviour in C; x86-64 yields
// INT64_MIN, which the loops then reject). detail::trunc_int64_x86 / floor_int64_x86 reproduce it
// without undefined behaviour, so those paths match NumPy's x86-64 builds.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_DISCRETE_HPP
#define NPRANDOM_DISTRIBUTIONS_DISCRETE_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/bitgen_traits.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/logfactorial_table.hpp>
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/detail/vec_expm1.hpp>
#include <nprandom/detail/vec_log.hpp>
#include <nprandom/distributions/exponential.hpp>
#include <nprandom/distributions/gamma.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/distributions/uniform.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

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

// `(int64_t)floor(x)` with the same x86-64 semantics; non-negative x below 2^62 (the common case)
// skips the libm floor, since truncation equals floor there.
inline std::int64_t floor_int64_x86(double x) noexcept {
  if (x >= 0.0 && x < 4611686018427387904.0) return static_cast<std::int64_t>(x);
  return trunc_int64_x86(detail::floor(x));
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
  static constexpr double a[10] = {
      8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
      8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
      1.796443723688307e-01, -1.39243221690590e+00};
  if (x == 1.0 || x == 2.0) return 0.0;
  std::int64_t n = 0;
  if (x < 7.0) n = static_cast<std::int64_t>(7 - x);
  double x0 = x + static_cast<double>(n);
  const double x2 = (1.0 / x0) * (1.0 / x0);
  const double lg2pi = 1.8378770664093453e+00;  // log(2*pi)
  double gl0 = a[9];
  for (int k = 8; k >= 0; --k) {
    gl0 = detail::mul(gl0, x2);
    gl0 += a[k];
  }
  double gl = gl0 / x0 + detail::mul(0.5, lg2pi) + detail::mul(x0 - 0.5, detail::log(x0)) - x0;
  if (x < 7.0) {
    for (std::int64_t k = 1; k <= n; ++k) {
      gl -= detail::log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

/// logfactorial (logfactorial.c): log(k!) from NumPy's table for k <= 125, else the Stirling
/// series truncated at the 1/k^3 term. k must be >= 0. No draws.
inline double logfactorial(std::int64_t k) noexcept {
  const double halfln2pi = 0.9189385332046728;
  // (Compared unsigned: a negative k, which no caller passes, cannot index the table.)
  if (static_cast<std::uint64_t>(k) < detail::logfactorial_table_size) {
    return detail::logfactorial_table[static_cast<std::size_t>(k)];
  }
  const double kd = static_cast<double>(k);
  return detail::mul(kd + 0.5, detail::log(kd)) - kd +
         (halfln2pi + detail::mul(1.0 / kd, 1 / 12.0 - 1 / (360.0 * kd * kd)));
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

}  // namespace distributions

namespace detail {

// The BTPE setup of random_binomial_btpe (stored in the cache exactly as NumPy does).
inline void binomial_btpe_setup(distributions::binomial_cache& bc, std::int64_t n,
                                double p) noexcept {
  const double nd = static_cast<double>(n);
  bc.nsave = n;
  bc.psave = p;
  bc.has_binomial = true;
  const double r = (p < 1.0 - p) ? p : 1.0 - p;  // C: MIN(p, 1.0 - p)
  const double q = 1.0 - r;
  bc.r = r;
  bc.q = q;
  bc.fm = detail::mul(nd, r) + r;
  bc.m = floor_int64_x86(bc.fm);
  const double md = static_cast<double>(bc.m);
  bc.p1 = detail::floor(detail::mul(2.195, detail::sqrt(nd * r * q)) - detail::mul(4.6, q)) + 0.5;
  bc.xm = md + 0.5;
  bc.xl = bc.xm - bc.p1;
  bc.xr = bc.xm + bc.p1;
  bc.c = 0.134 + 20.5 / (15.3 + md);
  double a = (bc.fm - bc.xl) / (bc.fm - detail::mul(bc.xl, r));
  bc.laml = detail::mul(a, 1.0 + detail::rounded(a / 2.0));
  a = (bc.xr - bc.fm) / (bc.xr * q);
  bc.lamr = detail::mul(a, 1.0 + detail::rounded(a / 2.0));
  bc.p2 = detail::mul(bc.p1, 1.0 + detail::mul(2.0, bc.c));
  bc.p3 = bc.p2 + bc.c / bc.laml;
  bc.p4 = bc.p3 + bc.c / bc.lamr;
}

// NumPy's Step 50 / Step 52 arithmetic of random_binomial_btpe for one setup. Every quantity here
// depends on the candidate y only (not on the uniforms), so binomial_fill may tabulate them.
struct btpe_terms {
  std::int64_t n, m;
  double nd, md, r, q, nrq, xm, s, a;

  btpe_terms(std::int64_t n_, const distributions::binomial_cache& bc) noexcept
      : n(n_),
        m(bc.m),
        nd(static_cast<double>(n_)),
        md(static_cast<double>(bc.m)),
        r(bc.r),
        q(bc.q),
        nrq(static_cast<double>(n_) * bc.r * bc.q),
        xm(bc.xm),
        s(bc.r / bc.q),
        // C: s * (n + 1), the int64 sum wrapping as on x86-64 for n == INT64_MAX.
        a(bc.r / bc.q *
          static_cast<double>(static_cast<std::int64_t>(static_cast<std::uint64_t>(n_) + 1))) {}

  // Step 50: f(y) / f(m) by NumPy's recursion, F *= (a/i - s) upward or F /= (a/i - s) downward.
  double step50_F(std::int64_t y) const noexcept {
    double F = 1.0;
    if (m < y) {
      for (std::int64_t i = m + 1; i <= y; ++i) F = detail::mul(F, a / static_cast<double>(i) - s);
    } else if (m > y) {
      for (std::int64_t i = y + 1; i <= m; ++i) F /= (a / static_cast<double>(i) - s);
    }
    return F;
  }

  // Step 52 squeeze: t and rho for k = |y - m|.
  void step52_squeeze(std::int64_t k, double& t, double& rho) const noexcept {
    const double kd = static_cast<double>(k);
    rho = detail::mul(kd / nrq,
                      (detail::mul(kd, kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    // C: `-k * k` is an int64 product, converted to double for the division.
    const std::int64_t negk2 = static_cast<std::int64_t>(
        std::uint64_t{0} - static_cast<std::uint64_t>(k) * static_cast<std::uint64_t>(k));
    t = static_cast<double>(negk2) / (2 * nrq);
  }

  // Step 52 final bound on log(v). NumPy 2.5: 13860 (not 13680), and the 3rd and 4th Stirling
  // terms are subtracted (the 1988 paper, and NumPy <= 2.4, added all four).
  double step52_bound(std::int64_t y) const noexcept {
    const double x1 = static_cast<double>(y) + 1;
    const double f1 = md + 1;
    const double z = nd + 1 - md;
    const double w = nd - static_cast<double>(y) + 1;
    const double x2 = x1 * x1;
    const double f2 = f1 * f1;
    const double z2 = z * z;
    const double w2 = w * w;
    return detail::mul(xm, detail::log(f1 / x1)) +
           detail::mul(static_cast<double>(wrap_sub_int64(n, m)) + 0.5, detail::log(z / w)) +
           detail::mul(static_cast<double>(wrap_sub_int64(y, m)), detail::log(w * r / (x1 * q))) +
           (13860. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320. +
           (13860. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320. -
           (13860. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320. -
           (13860. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.;
  }
};

// btpe_terms with the per-y values memoised on first use (for long binomial_fill runs): Step 50
// for |y - m| <= 20 and Step 52 for |y - m| <= window. Identical numbers, computed once.
class btpe_memo {
 public:
  btpe_memo(std::int64_t n, const distributions::binomial_cache& bc, std::int64_t window)
      : terms_(n, bc), window_(window) {
    f50_.fill(std::numeric_limits<double>::quiet_NaN());
    s52_.assign(static_cast<std::size_t>(3 * (2 * window_ + 1)),
                std::numeric_limits<double>::quiet_NaN());
  }
  std::int64_t m() const noexcept { return terms_.m; }
  double nrq() const noexcept { return terms_.nrq; }

  double step50_F(std::int64_t y) noexcept {
    const std::int64_t d = wrap_sub_int64(y, terms_.m);  // |d| <= 20 except when nrq < 44
    if (d < -20 || d > 20) return terms_.step50_F(y);
    double& slot = f50_[static_cast<std::size_t>(d + 20)];
    if (detail::isnan(slot)) slot = terms_.step50_F(y);
    return slot;
  }
  void step52_squeeze(std::int64_t y, std::int64_t k, double& t, double& rho) noexcept {
    double* e = entry(y, k);
    if (e == nullptr) return terms_.step52_squeeze(k, t, rho);
    t = e[0];
    rho = e[1];
  }
  double step52_bound(std::int64_t y, std::int64_t k) noexcept {
    double* e = entry(y, k);
    if (e == nullptr) return terms_.step52_bound(y);
    if (detail::isnan(e[2])) e[2] = terms_.step52_bound(y);
    return e[2];
  }

 private:
  double* entry(std::int64_t y, std::int64_t k) noexcept {
    if (k < 0 || k > window_) return nullptr;  // k = |y - m| (k > 20 here)
    double* e = &s52_[static_cast<std::size_t>(3 * (y - terms_.m + window_))];
    if (detail::isnan(e[0])) terms_.step52_squeeze(k, e[0], e[1]);
    return e;
  }

  btpe_terms terms_;
  std::int64_t window_;
  std::array<double, 41> f50_{};
  std::vector<double> s52_;
};

// The plain policy: NumPy's arithmetic on every use.
class btpe_direct {
 public:
  btpe_direct(std::int64_t n, const distributions::binomial_cache& bc) noexcept : terms_(n, bc) {}
  std::int64_t m() const noexcept { return terms_.m; }
  double nrq() const noexcept { return terms_.nrq; }
  double step50_F(std::int64_t y) const noexcept { return terms_.step50_F(y); }
  void step52_squeeze(std::int64_t, std::int64_t k, double& t, double& rho) const noexcept {
    terms_.step52_squeeze(k, t, rho);
  }
  double step52_bound(std::int64_t y, std::int64_t) const noexcept {
    return terms_.step52_bound(y);
  }

 private:
  btpe_terms terms_;
};

// The sampling loop of random_binomial_btpe on a prepared cache; `terms` is btpe_direct or
// btpe_memo (same values).
template <class BitGen, class Terms>
inline std::int64_t binomial_btpe_draw(BitGen& bg, std::int64_t n, double p,
                                       const distributions::binomial_cache& bc,
                                       Terms& terms) noexcept {
  const double p1 = bc.p1, xm = bc.xm, xl = bc.xl, xr = bc.xr, c = bc.c;
  const double laml = bc.laml, lamr = bc.lamr, p2 = bc.p2, p3 = bc.p3, p4 = bc.p4;
  const std::int64_t m = bc.m;
  const double md = static_cast<double>(m);
  const double nrq = terms.nrq();

  std::int64_t y;
  for (;;) {
    // Step 10
    const double u = detail::mul(bg.next_double(), p4);
    double v = bg.next_double();
    if (u <= p1) {
      y = floor_int64_x86(xm - detail::mul(p1, v) + u);
      break;  // Step 60
    }
    if (u <= p2) {  // Step 20: parallelogram
      const double x = xl + (u - p1) / c;
      v = detail::mul(v, c) + 1.0 - detail::fabs(md - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = floor_int64_x86(x);
    } else if (u <= p3) {  // Step 30: left exponential tail
      // NumPy casts first and rejects v == 0 after; the order of the two tests is immaterial.
      y = floor_int64_x86(xl + detail::log(v) / laml);
      if (y < 0 || v == 0.0) continue;
      v = detail::mul(v * (u - p2), laml);
    } else {  // Step 40: right exponential tail
      y = floor_int64_x86(xr - detail::log(v) / lamr);
      if (y > n || v == 0.0) continue;
      v = detail::mul(v * (u - p3), lamr);
    }

    // Step 50
    const std::int64_t k = wrap_abs_int64(wrap_sub_int64(y, m));
    if (!(k > 20 && static_cast<double>(k) < detail::rounded(nrq / 2.0) - 1)) {
      if (v > terms.step50_F(y)) continue;
      break;  // Step 60
    }

    // Step 52: squeeze on log(f(y) / f(m)), then the Stirling-corrected bound.
    double t, rho;
    terms.step52_squeeze(y, k, t, rho);
    const double A = detail::log(v);  // log(0) = -inf is fine here
    if (A < (t - rho)) break;         // Step 60
    if (A > (t + rho)) continue;
    if (A > terms.step52_bound(y, k)) continue;
    break;  // Step 60
  }
  // Step 60
  if (p > 0.5) y = n - y;
  return y;
}

// The setup of random_binomial_inversion (NumPy stores qn in r, n*p in c and the bound in m).
inline void binomial_inversion_setup(distributions::binomial_cache& bc, std::int64_t n,
                                     double p) noexcept {
  const double nd = static_cast<double>(n);
  bc.nsave = n;
  bc.psave = p;
  bc.has_binomial = true;
  bc.q = 1.0 - p;
  bc.r = detail::exp(nd * detail::log1p(-p));
  bc.c = detail::mul(nd, p);
  const double np = bc.c;
  const double lim = np + detail::mul(10.0, detail::sqrt(detail::mul(np, bc.q) + 1));
  bc.m = trunc_int64_x86(nd < lim ? nd : lim);  // C: MIN(n, ...) evaluated in double
}

// NumPy's recurrence px_X = ((n - X + 1) * p * px_{X-1}) / (X * q), px_0 = qn.
inline double binomial_inversion_next_px(std::int64_t n, double p, double q, double px,
                                         std::int64_t X) noexcept {
  return (static_cast<double>(n - X + 1) * p * px) / (static_cast<double>(X) * q);
}

// BINV's probabilities px_0..px_bound in a table (the doubles the search would compute, computed
// once per (n, p) with the same expression in the same order). The table size bounds `bound`
// (<= 85 for n*p <= 30, so the table always applies).
constexpr std::int64_t binv_table_size = 128;
inline bool binv_fill_table(const distributions::binomial_cache& bc, std::int64_t n, double p,
                            double* px) noexcept {
  if (bc.m < 0 || bc.m >= binv_table_size) return false;
  px[0] = bc.r;
  for (std::int64_t X = 1; X <= bc.m; ++X)
    px[X] = binomial_inversion_next_px(n, p, bc.q, px[X - 1], X);
  return true;
}

// BINV's sequential search against the table, from the double U: U -= px_{X-1} while U > px_X,
// restarting with U = draw() past the bound -- the same subtractions and comparisons as
// random_binomial_inversion.
template <class Draw>
NPRANDOM_ALWAYS_INLINE std::int64_t binv_search(double U, Draw&& draw, const double* px,
                                                std::int64_t bound) noexcept {
  std::int64_t X = 0;
  while (U > px[X]) {
    ++X;
    if (X > bound) {
      X = 0;
      U = draw();
    } else {
      U -= px[X - 1];
    }
  }
  return X;
}

// One value: binv_search on the engine's doubles.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::int64_t binv_table_search(BitGen& bg, const double* px,
                                                      std::int64_t bound) noexcept {
  return binv_search(
      bg.next_double(), [&bg]() NPRANDOM_LAMBDA_INLINE { return bg.next_double(); }, px, bound);
}

// binv_lanes: binv_search for G values side by side, one step X = s -> s + 1 for all at a time (a
// value still searching at step s has X == s, so every lane reads the same px_s): lane j starts
// from the double u[j] (overwritten by its subtractions) and ends with x[j] = its X, stored as a
// double. The lanes make binv_search's comparisons and its subtractions (a lane that stopped
// subtracts +0.0, which leaves it unchanged), without a branch per value. Returns false when a
// lane passed the bound (x[j] == bound + 1): that value needs a new double.
// GCC/Clang: vector types as wide as the build's registers (2 doubles: SSE2 / NEON; 4: AVX; 8:
// AVX-512), or on x86-64 as wide as the CPU's at run time (the AVX2 / AVX-512 level of
// detail/simd_dispatch.hpp); the lanes' arithmetic is the same at every width.
#if (defined(__GNUC__) || defined(__clang__)) && (defined(__SSE2__) || defined(__aarch64__))
#if defined(__AVX512F__)
#define NPRANDOM_DETAIL_BINV_VEC 8
#elif defined(__AVX__)
#define NPRANDOM_DETAIL_BINV_VEC 4
#else
#define NPRANDOM_DETAIL_BINV_VEC 2
#endif
#if defined(__aarch64__)
#define NPRANDOM_DETAIL_BINV_REG(v) "+w"(v)
#else
#define NPRANDOM_DETAIL_BINV_REG(v) "+x"(v)
#endif
#endif
// binv_lanes (below) without vector types: other compilers, and the tests' reference.
template <std::size_t G>
inline bool binv_lanes_portable(const double* px, std::int64_t bound, double* u,
                                double* x) noexcept {
  for (std::size_t j = 0; j < G; ++j) x[j] = 0.0;
  for (std::int64_t s = 0;; ++s) {
    const double ps = px[s];
    const double sd = static_cast<double>(s);
    bool any = false;
    for (std::size_t j = 0; j < G; ++j) {
      if (x[j] == sd && u[j] > ps) {
        u[j] -= ps;
        x[j] = sd + 1.0;
        any = true;
      }
    }
    if (!any) return true;
    if (s == bound) return false;
  }
}

#ifdef NPRANDOM_DETAIL_BINV_VEC
// The lane types of binv_lanes_vec (GCC ignores a vector_size that depends on a template
// parameter, so one specialisation per width).
template <std::size_t W>
struct binv_vec_types;
#define NPRANDOM_DETAIL_BINV_TYPES(W)                                          \
  template <>                                                                  \
  struct binv_vec_types<W> {                                                   \
    __extension__ typedef double vd __attribute__((vector_size(W * 8)));       \
    __extension__ typedef std::int64_t vi __attribute__((vector_size(W * 8))); \
  };
NPRANDOM_DETAIL_BINV_TYPES(2)
NPRANDOM_DETAIL_BINV_TYPES(4)
NPRANDOM_DETAIL_BINV_TYPES(8)
#undef NPRANDOM_DETAIL_BINV_TYPES

// binv_lanes on vectors of W doubles: per-lane compares and subtractions, so every W gives the
// same x, u and result. `Barrier`: the compare masks pass through an empty asm (GCC; with Clang at
// the build's own width only, as Clang checks the register constraint against the build's target,
// not the caller's).
#if defined(__clang__)
inline constexpr bool binv_wide_barrier = false;
#else
inline constexpr bool binv_wide_barrier = true;
#endif
template <std::size_t G, std::size_t W, bool Barrier>
NPRANDOM_ALWAYS_INLINE bool binv_lanes_vec(const double* px, std::int64_t bound, double* u,
                                           double* x) noexcept {
  static_assert(G % W == 0, "whole vectors of lanes");
  using vd = typename binv_vec_types<W>::vd;
  using vi = typename binv_vec_types<W>::vi;
  constexpr std::size_t V = G / W;
  vd uv[V], xv[V];
  std::memcpy(uv, u, sizeof uv);
  const vd one = vd{} + 1.0;
  vi one_bits;
  std::memcpy(&one_bits, &one, sizeof one_bits);
  for (std::size_t k = 0; k < V; ++k) xv[k] = vd{};
  bool done = false;
  for (std::int64_t s = 0;; ++s) {
    const vd ps = vd{} + px[s];
    const vd sd = vd{} + static_cast<double>(s);
    vi ps_bits;
    std::memcpy(&ps_bits, &ps, sizeof ps_bits);
    vi any = {};
    for (std::size_t k = 0; k < V; ++k) {
      vi at = xv[k] == sd;
      vi above = uv[k] > ps;
      // Bit masks to GCC from here on: plain ANDs, not per-lane selects.
      if constexpr (Barrier) {
        __asm__("" : NPRANDOM_DETAIL_BINV_REG(at), NPRANDOM_DETAIL_BINV_REG(above));
      }
      const vi step = at & above;
      const vi sub_bits = ps_bits & step;
      const vi inc_bits = one_bits & step;
      vd sub, inc;
      std::memcpy(&sub, &sub_bits, sizeof sub);
      std::memcpy(&inc, &inc_bits, sizeof inc);
      uv[k] -= sub;
      xv[k] += inc;
      any |= step;
    }
    std::int64_t any_lane = 0;
    for (std::size_t j = 0; j < W; ++j) any_lane |= any[j];
    if (any_lane == 0) {
      done = true;
      break;
    }
    if (s == bound) break;
  }
  std::memcpy(u, uv, sizeof uv);
  std::memcpy(x, xv, sizeof xv);
  return done;
}
#endif

#if NPRANDOM_X86_SIMD && defined(NPRANDOM_DETAIL_BINV_VEC) && !defined(__AVX512F__)
// Wider lanes than the build's, chosen at run time (detail/simd_dispatch.hpp): a plain -O2
// build searches with two lanes per register, which halves the sized binomial's speed.
template <std::size_t G>
__attribute__((target("avx2,avx512f,avx512dq,avx512vl"))) inline bool binv_lanes_avx512(
    const double* px, std::int64_t bound, double* u, double* x) noexcept {
  return binv_lanes_vec<G, 8, binv_wide_barrier>(px, bound, u, x);
}
#if !defined(__AVX__)
template <std::size_t G>
__attribute__((target("avx2"))) inline bool binv_lanes_avx2(const double* px, std::int64_t bound,
                                                            double* u, double* x) noexcept {
  return binv_lanes_vec<G, 4, binv_wide_barrier>(px, bound, u, x);
}
#endif
#endif

template <std::size_t G>
NPRANDOM_ALWAYS_INLINE bool binv_lanes(const double* px, std::int64_t bound, double* u,
                                       double* x) noexcept {
#ifndef NPRANDOM_DETAIL_BINV_VEC
  return binv_lanes_portable<G>(px, bound, u, x);
#else
#if NPRANDOM_X86_SIMD && !defined(__AVX512F__)
  const simd_level level = current_simd_level();
  if (level == simd_level::avx512) return binv_lanes_avx512<G>(px, bound, u, x);
#if !defined(__AVX__)
  if (level == simd_level::avx2) return binv_lanes_avx2<G>(px, bound, u, x);
#endif
#endif
  return binv_lanes_vec<G, NPRANDOM_DETAIL_BINV_VEC, true>(px, bound, u, x);
#endif
}

// BINV's search as thresholds, for the one-value form with a kept setup (binomial_sampler). The
// search passes step k (U_j > px_j for every j <= k, where U_0 = U and U_{j+1} = U_j - px_j
// rounded) exactly when U >= s_k: a rounded subtraction is monotone, so U_k never decreases as U
// grows and the U that pass step k are all the doubles from some s_k up; those sets shrink as k
// grows, so s_0 <= s_1 <= ... . The search's X is #{k <= bound : U >= s_k} (X == bound + 1: its
// restart), counted without a branch per step (binv_count).
// s_k = max(s_{k-1}, m_k), m_k the least U with U_k > px_k: from the least U_k (the double after
// px_k) back through each subtraction to the least U_j whose rounded difference reaches it
// (binv_least_before). +inf where no U below 1 passes. (The max only guards: U_k > px_k >= 0
// already implies U_{k-1} > px_{k-1}, so m_k >= m_{k-1}.)
inline constexpr std::int64_t binv_count_chunk = 8;
NPRANDOM_ALWAYS_INLINE double binv_step_bits(double x, std::int64_t d) noexcept {
  std::uint64_t b;  // x >= 0 and x + d ulps >= 0: the bit patterns order as the doubles
  std::memcpy(&b, &x, sizeof b);
  b = static_cast<std::uint64_t>(static_cast<std::int64_t>(b) + d);
  std::memcpy(&x, &b, sizeof b);
  return x;
}
// The least double v with v - c (rounded) >= y, for 0 < y <= 1 and 0 <= c <= 1 (c may be -0.0):
// every v tried is > 0.
inline double binv_least_before(double y, double c) noexcept {
  double v = y + c;
  while (v - c < y) v = binv_step_bits(v, 1);
  for (;;) {
    const double d = binv_step_bits(v, -1);  // v - c >= y > 0, so v > 0
    if (!(d - c >= y)) return v;
    v = d;
  }
}
// s[0..bound] from px[0..bound], then +inf up to the next multiple of binv_count_chunk past
// bound + 1. Requires bound + 1 + binv_count_chunk <= the size of s. Returns false, writing
// nothing, unless every px is a finite double >= 0 (a p of -0.0 gives px of -0.0: the least
// double above one is the least positive double).
inline bool binv_fill_thresholds(const double* px, std::int64_t bound, double* s) noexcept {
  constexpr double inf = std::numeric_limits<double>::infinity();
  for (std::int64_t k = 0; k <= bound; ++k) {
    if (!(px[k] >= 0.0 && px[k] < inf)) return false;
  }
  double prev = 0.0;
  for (std::int64_t k = 0; k <= bound; ++k) {
    double y = px[k] == 0.0 ? std::numeric_limits<double>::denorm_min() : binv_step_bits(px[k], 1);
    for (std::int64_t j = k - 1; j >= 0 && y <= 1.0; --j) y = binv_least_before(y, px[j]);
    const double m = y <= 1.0 ? y : inf;
    prev = m > prev ? m : prev;
    s[k] = prev;
  }
  for (std::int64_t k = bound + 1; k == bound + 1 || k % binv_count_chunk != 0; ++k) s[k] = inf;
  return true;
}
// How many of t[0..binv_count_chunk) are <= U: two-lane vector compares (SSE2 / NEON), the masks
// summed, where binv_lanes has vector types (GCC's -O2 leaves the plain loop scalar; wider lanes
// summed by hand, and GCC's own vectorisation of the plain loop at -O3 -march=native, measured
// slower), else one at a time.
NPRANDOM_ALWAYS_INLINE std::int64_t binv_count_at_most(double U, const double* t) noexcept {
#if defined(NPRANDOM_DETAIL_BINV_VEC)
  constexpr std::size_t W = 2;
  __extension__ typedef double vd __attribute__((vector_size(W * 8)));
  __extension__ typedef std::int64_t vi __attribute__((vector_size(W * 8)));
  const vd uv = vd{} + U;
  vi acc = {};
  for (std::size_t k = 0; k < static_cast<std::size_t>(binv_count_chunk) / W; ++k) {
    vd tv;
    std::memcpy(&tv, t + k * W, sizeof tv);
    acc += uv >= tv;  // -1 per lane at or below U
  }
  std::int64_t c = 0;
  for (std::size_t j = 0; j < W; ++j) c -= acc[j];
  return c;
#else
  std::int64_t c = 0;
  for (std::int64_t j = 0; j < binv_count_chunk; ++j) c += U >= t[j];
  return c;
#endif
}
// binv_search's X from the thresholds: the same draws (a new double on each restart).
template <class Draw>
NPRANDOM_ALWAYS_INLINE std::int64_t binv_count(double U, Draw&& draw, const double* s,
                                               std::int64_t bound) noexcept {
  for (;;) {
    std::int64_t X = 0;
    for (const double* t = s;; t += binv_count_chunk) {
      const std::int64_t c = binv_count_at_most(U, t);
      X += c;
      if (c < binv_count_chunk) break;
    }
    if (NPRANDOM_LIKELY(X <= bound)) return X;
    U = draw();
  }
}

// cnt values of BINV against the table (n - X when `flip`), as cnt calls of binv_table_search:
// the doubles are drawn in blocks of up to 1024 by the bit generator's uniform fill (the SIMD
// lanes, the MT19937 cursor), never more than the values still to come (each takes at least one
// double, so none is drawn ahead of the scalar loop), and used in stream order: the next G of
// them are searched side by side in binv_lanes; the values before the first lane that passed the
// bound are kept, and that value restarts one by one on the doubles that follow (the block's,
// then the engine's). The next group starts at the double after it -- the order of the scalar
// loop.
template <class BitGen>
inline void binv_search_fill(BitGen& bg, const double* px, std::int64_t bound, std::int64_t n,
                             bool flip, std::int64_t* out, std::size_t cnt) noexcept {
  constexpr std::size_t G = 32, B = 1024;
  double buf[B], w[G], x[G];
  std::size_t pos = 0, have = 0;  // buf[pos, have): drawn, not used yet (at most cnt - i)
  const auto draw = [&]() NPRANDOM_LAMBDA_INLINE {
    return pos < have ? buf[pos++] : bg.next_double();
  };
  const auto put = [out, n, flip](std::size_t i, std::int64_t X)
                       NPRANDOM_LAMBDA_INLINE { out[i] = flip ? n - X : X; };
  const double restarted = static_cast<double>(bound + 1);
  std::size_t i = 0;
  while (cnt - i >= G) {
    if (have - pos < G) {  // keep the unused doubles, then draw up to the values still to come
      const std::size_t left = have - pos;
      std::memmove(buf, buf + pos, left * sizeof(double));
      pos = 0;
      have = left;
      const std::size_t k = (B - have < cnt - i - have) ? B - have : cnt - i - have;
      bulk_uniforms_into(bg, buf + have, k);
      have += k;
    }
    std::memcpy(w, buf + pos, sizeof w);
    const bool done = binv_lanes<G>(px, bound, w, x);
    std::size_t j = 0;
    for (; j < G && (done || x[j] != restarted); ++j) put(i + j, static_cast<std::int64_t>(x[j]));
    pos += j;
    i += j;
    if (j < G) {  // value i passed the bound: the scalar search from its first double on
      const double U = draw();
      put(i++, binv_search(U, draw, px, bound));
    }
  }
  for (; i < cnt; ++i) {
    const double U = draw();
    put(i, binv_search(U, draw, px, bound));
  }
}

}  // namespace detail

namespace distributions {

/// random_binomial_btpe: BTPE (Kachitvichyanukul & Schmeiser, "Binomial random variate
/// generation", CACM 31(2), 1988), NumPy 2.5 version: the Step 52 Stirling correction uses
/// 13860 and subtracts the 3rd and 4th terms (NumPy <= 2.4 used 13680 and added all four terms).
/// Each attempt draws two doubles (u * p4, then v). Called with p <= 0.5 by binomial().
template <class BitGen>
inline std::int64_t binomial_btpe(BitGen& bg, std::int64_t n, double p,
                                  binomial_cache& bc) noexcept {
  if (!bc.has_binomial || bc.nsave != n || bc.psave != p) detail::binomial_btpe_setup(bc, n, p);
  detail::btpe_direct terms(n, bc);
  return detail::binomial_btpe_draw(bg, n, p, bc, terms);
}

/// random_binomial_inversion: sequential search (BINV) with qn = exp(n*log1p(-p)) (NumPy >= 2.4)
/// and bound = min(n, np + 10*sqrt(np*q + 1)); draws one double per attempt, restarting with a
/// new double when the search passes the bound.
template <class BitGen>
inline std::int64_t binomial_inversion(BitGen& bg, std::int64_t n, double p,
                                       binomial_cache& bc) noexcept {
  if (!bc.has_binomial || bc.nsave != n || bc.psave != p)
    detail::binomial_inversion_setup(bc, n, p);
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
      px = detail::binomial_inversion_next_px(n, p, q, px, X);
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

/// `cnt` binomial(n, p) draws into `out`: NumPy's size=cnt loop, with the same draws and values.
/// For speed the per-(n, p) numbers NumPy recomputes inside the loops are tabulated once per
/// call with NumPy's exact operations: the inversion probabilities px_0..px_bound (bound <= 85
/// since n*p <= 30); for BTPE the Step 50 ratios and Step 52 squeeze/bound values, which
/// depend on the candidate y only, are memoised per y on first use (runs of >= 256 draws).
template <class BitGen>
inline void binomial_fill(BitGen& bg, std::int64_t n, double p, std::int64_t* out,
                          std::size_t cnt) {
  if (cnt == 0) return;
  if (n == 0 || p == 0.0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = 0;
    return;
  }
  const bool reflect = p > 0.5;
  const double pp = reflect ? 1.0 - p : p;
  binomial_cache bc;
  if (pp * static_cast<double>(n) <= 30.0) {
    detail::binomial_inversion_setup(bc, n, pp);
    double px[detail::binv_table_size];
    if (!detail::binv_fill_table(bc, n, pp, px)) {  // cannot happen for n*p <= 30
      for (std::size_t i = 0; i < cnt; ++i) {
        const std::int64_t x = binomial_inversion(bg, n, pp, bc);
        out[i] = reflect ? n - x : x;
      }
      return;
    }
    detail::binv_search_fill(bg, px, bc.m, n, reflect, out, cnt);
    return;
  }
  detail::binomial_btpe_setup(bc, n, pp);
  if (cnt < 256) {  // short runs: NumPy's arithmetic as is
    detail::btpe_direct terms(n, bc);
    for (std::size_t i = 0; i < cnt; ++i) {
      const std::int64_t x = detail::binomial_btpe_draw(bg, n, pp, bc, terms);
      out[i] = reflect ? n - x : x;
    }
    return;
  }
  // Memoise Step 52 for |y - m| up to 8 standard deviations, at most 4096 and cnt / 4.
  const double sd = detail::sqrt(static_cast<double>(n) * bc.r * bc.q);
  const double cap = static_cast<double>(cnt < 16384 ? cnt / 4 : 4096);
  const double wd = detail::mul(8.0, sd) + 1;
  const std::int64_t window = static_cast<std::int64_t>(wd < cap ? wd : cap);
  detail::btpe_memo terms(n, bc, window);
  for (std::size_t i = 0; i < cnt; ++i) {
    const std::int64_t x = detail::binomial_btpe_draw(bg, n, pp, bc, terms);
    out[i] = reflect ? n - x : x;
  }
}

/// Generator.binomial's one-value calls with the per-(n, p) setup kept between calls, as NumPy's
/// Generator keeps its binomial_t: the inversion table (detail::binv_fill_table) or the BTPE
/// cache. From the second call with the same (n, p) on, the inversion table is replaced by BINV's
/// thresholds (detail::binv_fill_thresholds, counted by binv_count without a branch per step).
/// The values are those of binomial(bg, n, p): the cached numbers are exactly what the setup
/// would recompute, and the thresholds decide every U as the search does.
class binomial_sampler {
 public:
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, std::int64_t n, double p) noexcept {
    if (n == 0 || p == 0.0) return 0;
    const bool reflect = p > 0.5;
    const double pp = reflect ? 1.0 - p : p;
    if (!(n == n_ && pp == pp_)) setup(n, pp);
    std::int64_t x;
    if (thresholds_) {
      x = detail::binv_count(
          bg.next_double(), [&bg]() NPRANDOM_LAMBDA_INLINE { return bg.next_double(); }, px_,
          bc_.m);
    } else if (table_) {
      x = table_search(bg);
    } else {
      x = untabled(bg, n, pp);
    }
    return reflect ? n - x : x;
  }

 private:
  // BTPE, or BINV without a table (out of line, so that the thresholds' count stays small
  // enough to be inlined into the caller; flattened, as BTPE was inlined into it before).
  template <class BitGen>
  NPRANDOM_NOINLINE_FLATTEN std::int64_t untabled(BitGen& bg, std::int64_t n, double pp) noexcept {
    if (inversion_) return binomial_inversion(bg, n, pp, bc_);
    detail::btpe_direct terms(n, bc_);
    return detail::binomial_btpe_draw(bg, n, pp, bc_, terms);
  }
  // The first two calls of an (n, p) on the inversion path (out of line: the calls after them
  // count thresholds): BINV's search on the table, then from the second call on the thresholds
  // in place of the table.
  template <class BitGen>
  NPRANDOM_NOINLINE std::int64_t table_search(BitGen& bg) noexcept {
    const std::int64_t x = detail::binv_table_search(bg, px_, bc_.m);
    if (fresh_) {
      fresh_ = false;
    } else {
      double px[detail::binv_table_size];
      std::memcpy(px, px_, sizeof px);
      thresholds_ = detail::binv_fill_thresholds(px, bc_.m, px_);
    }
    return x;
  }
  NPRANDOM_NOINLINE void setup(std::int64_t n, double pp) noexcept {
    n_ = n;
    pp_ = pp;
    inversion_ = pp * static_cast<double>(n) <= 30.0;
    thresholds_ = false;
    fresh_ = true;
    if (inversion_) {
      detail::binomial_inversion_setup(bc_, n, pp);
      table_ = detail::binv_fill_table(bc_, n, pp, px_) &&
               bc_.m + 1 + detail::binv_count_chunk <= detail::binv_table_size;
    } else {
      detail::binomial_btpe_setup(bc_, n, pp);
      table_ = false;
    }
  }

  std::int64_t n_ = -1;
  double pp_ = 0.0;
  bool inversion_ = false;
  bool table_ = false;
  bool fresh_ = false;       // the table was made by this (n, p)'s first call
  bool thresholds_ = false;  // px_ holds binv_count's thresholds (from the second call on)
  binomial_cache bc_;
  double px_[detail::binv_table_size] = {};
};

}  // namespace distributions

namespace detail {
/// Multinomial rows by conditional binomials (random_multinomial's loop: category j draws
/// binomial(dn, pvals[j] / remaining_p), dn -= it, stop once dn <= 0, the last category gets what
/// is left; pvals[d-1] is never read) with a binomial setup kept per (category j, remaining count
/// dn mod slots): rows that meet the same (dn, p) again reuse it. `Setup` is Generator's
/// binomial_sampler or the legacy BinomialCache, drawn by `binom(bg, dn, p, setup)`. A setup
/// only saves work: the values are those of NumPy's single binomial_t.
template <class Setup>
class multinomial_setups {
 public:
  // cats = d - 1; slots per category: 32, halved while cats * slots > max_total or slots >
  // max_slots (down to 1).
  void reset(std::size_t cats, std::size_t max_slots, std::size_t max_total) {
    slots_ = 32;
    while (slots_ > 1 && (cats * slots_ > max_total || slots_ > max_slots)) slots_ /= 2;
    setups_.assign(cats * slots_, Setup{});
  }
  template <class BitGen, class Binom>
  NPRANDOM_ALWAYS_INLINE void row(BitGen& bg, std::int64_t n, const double* pvals, std::size_t d,
                                  std::int64_t* out, Binom&& binom) {
    std::fill(out, out + d, std::int64_t{0});
    double remaining_p = 1.0;
    std::int64_t dn = n;
    for (std::size_t j = 0; j + 1 < d; ++j) {
      Setup& s = setups_[j * slots_ + (static_cast<std::size_t>(dn) & (slots_ - 1))];
      out[j] = binom(bg, dn, pvals[j] / remaining_p, s);
      dn = dn - out[j];
      if (dn <= 0) break;
      remaining_p -= pvals[j];
    }
    if (dn > 0) out[d - 1] = dn;
  }

 private:
  std::size_t slots_ = 1;
  std::vector<Setup> setups_;
};

/// One-row multinomial calls: the last (n, pvals) that passed the checks (a copy, bit for bit)
/// and, from its second call on, the rows' kept binomial setups (multinomial_setups: up to 32 per
/// category, 128 in all, ~150 KiB for Generator's samplers).
/// A later call with the same bits skips the checks (they would pass again) and draws through
/// the kept setups. Only saves work.
template <class Setup>
class multinomial_kept {
 public:
  bool matches(std::int64_t n, const double* p, std::size_t d) const noexcept {
    return valid_ && n == n_ && d == p_.size() &&
           std::memcmp(p, p_.data(), d * sizeof(double)) == 0;
  }
  void remember(std::int64_t n, const double* p, std::size_t d) {
    p_.assign(p, p + d);
    n_ = n;
    valid_ = true;
    has_setups_ = false;
  }
  // The remembered pvals' row setups (made on first use).
  multinomial_setups<Setup>& setups() {
    if (!has_setups_) {
      setups_.reset(p_.size() - 1, 32, 128);
      has_setups_ = true;
    }
    return setups_;
  }

 private:
  bool valid_ = false, has_setups_ = false;
  std::int64_t n_ = 0;
  std::vector<double> p_;
  multinomial_setups<Setup> setups_;
};
}  // namespace detail

namespace distributions {

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

  // lam is NaN: matches no lam (poisson_sampler's empty cache).
  poisson_ptrs_setup() noexcept
      : lam(std::numeric_limits<double>::quiet_NaN()),
        loglam(0),
        b(0),
        a(0),
        invalpha(0),
        vr(0),
        log_invalpha(0) {}
  explicit poisson_ptrs_setup(double lam_) noexcept
      : lam(lam_),
        loglam(detail::log(lam_)),
        b(0.931 + detail::mul(2.53, detail::sqrt(lam_))),
        a(-0.059 + detail::mul(0.02483, b)),
        invalpha(1.1239 + 1.1328 / (b - 3.4)),
        vr(0.9277 - 3.6224 / (b - 2)),
        log_invalpha(detail::log(invalpha)) {}
  // The setup of a single draw: without its two logs (NaN here), which only PTRS's final test
  // needs (about one draw in seven); poisson_ptrs computes them there, the same values.
  struct no_logs {};
  poisson_ptrs_setup(double lam_, no_logs) noexcept
      : lam(lam_),
        loglam(std::numeric_limits<double>::quiet_NaN()),
        b(0.931 + detail::mul(2.53, detail::sqrt(lam_))),
        a(-0.059 + detail::mul(0.02483, b)),
        invalpha(1.1239 + 1.1328 / (b - 3.4)),
        vr(0.9277 - 3.6224 / (b - 2)),
        log_invalpha(std::numeric_limits<double>::quiet_NaN()) {}
};

/// The right-hand side of PTRS's final test, -lam + k*log(lam) - loggam(k + 1) (NumPy's order),
/// from log(lam) and loggam(k + 1).
inline double poisson_ptrs_rhs(double lam, double loglam, std::int64_t k,
                               double loggam_k1) noexcept {
  return -lam + detail::mul(static_cast<double>(k), loglam) - loggam_k1;
}
inline double poisson_ptrs_rhs(const poisson_ptrs_setup& s, std::int64_t k) noexcept {
  return poisson_ptrs_rhs(s.lam, s.loglam, k, loggam(static_cast<double>(k) + 1));
}

/// loggam(k + 1) for integers k >= 0, each small k computed once (loggam of an x below 7 takes up
/// to seven logs) and kept for later calls: the same doubles as calling loggam every time.
class loggam_int_memo {
 public:
  double operator()(std::int64_t k) noexcept {
    if (k >= static_cast<std::int64_t>(limit)) return loggam(static_cast<double>(k) + 1);
    const auto i = static_cast<std::size_t>(k);
    if (i >= size_) {  // slots set to NaN (not computed) as far as needed
      std::size_t m = 2 * size_ > i + 1 ? 2 * size_ : i + 1;
      if (m < 32) m = 32;
      if (m > limit) m = limit;
      for (std::size_t j = size_; j < m; ++j) v_[j] = std::numeric_limits<double>::quiet_NaN();
      size_ = m;
    }
    double& slot = v_[i];
    if (detail::isnan(slot)) slot = loggam(static_cast<double>(k) + 1);
    return slot;
  }

 private:
  static constexpr std::size_t limit = 512;
  std::size_t size_ = 0;
  double v_[limit];
};

/// random_poisson_ptrs: PTRS, transformed rejection with squeeze (Hoermann, "The transformed
/// rejection method for generating Poisson random variables", Insurance: Mathematics and
/// Economics 12, 1993). Each attempt draws two doubles (U - 0.5, then V). For lam >= 10.
/// `rhs(k)` must return poisson_ptrs_rhs(s, k) (poisson_fill memoises it).
template <class BitGen, class Rhs>
inline std::int64_t poisson_ptrs(BitGen& bg, const poisson_ptrs_setup& s, Rhs&& rhs) noexcept {
  const double lam = s.lam, a = s.a, b = s.b;
  for (;;) {
    const double U = bg.next_double() - 0.5;
    const double V = bg.next_double();
    const double us = 0.5 - detail::fabs(U);
    const std::int64_t k = detail::floor_int64_x86(detail::mul(2 * a / us + b, U) + lam + 0.43);
    if ((us >= 0.07) && (V <= s.vr)) return k;
    if ((k < 0) || ((us < 0.013) && (V > us))) continue;
    // log(V) == -inf is fine; us == 0 was rejected above (k < 0). log(invalpha) is never NaN
    // (invalpha > 1 for lam >= 10): NaN marks a no_logs setup.
    const double log_invalpha =
        detail::isnan(s.log_invalpha) ? detail::log(s.invalpha) : s.log_invalpha;
    if ((detail::log(V) + log_invalpha - detail::log(a / (us * us) + b)) <= rhs(k)) return k;
  }
}

template <class BitGen>
inline std::int64_t poisson_ptrs(BitGen& bg, const poisson_ptrs_setup& s) noexcept {
  return poisson_ptrs(bg, s, [&s](std::int64_t k) { return poisson_ptrs_rhs(s, k); });
}

/// One PTRS draw for lam (e.g. negative_binomial's gamma-distributed lam): the setup without
/// the logs, log(lam) computed only in the final test, once per draw (NumPy computes both on
/// every call; the values are the same). `lg(k)` gives loggam(k + 1).
template <class BitGen, class LogGam>
inline std::int64_t poisson_ptrs_for(BitGen& bg, double lam, LogGam&& lg) noexcept {
  const poisson_ptrs_setup s(lam, poisson_ptrs_setup::no_logs{});
  double loglam = std::numeric_limits<double>::quiet_NaN();
  return poisson_ptrs(bg, s, [lam, &loglam, &lg](std::int64_t k) {
    if (detail::isnan(loglam)) loglam = detail::log(lam);
    return poisson_ptrs_rhs(lam, loglam, k, lg(k));
  });
}
template <class BitGen>
inline std::int64_t poisson_ptrs(BitGen& bg, double lam) noexcept {
  return poisson_ptrs_for(bg, lam,
                          [](std::int64_t k) { return loggam(static_cast<double>(k) + 1); });
}
/// The same with loggam(k + 1) from a memo kept across draws (a bulk loop over many lam).
template <class BitGen>
inline std::int64_t poisson_ptrs(BitGen& bg, double lam, loggam_int_memo& lg) noexcept {
  return poisson_ptrs_for(bg, lam, lg);
}

}  // namespace distributions
namespace detail {
// `x > t ? x : b` without a branch: GCC's -O2 for plain x86-64 (no blend instruction) makes a
// ternary on doubles a branch, which mispredicts on random data; there an SSE2 compare and
// select_bits (detail/fp.hpp). With AVX (vblendv) and on aarch64 (fcsel) the ternary is
// branch-free. x and t are never NaN here (a product of uniforms, exp(-lam)).
NPRANDOM_ALWAYS_INLINE double keep_above(double x, double t, double b) noexcept {
#if NPRANDOM_DETAIL_F64X2 && !defined(__AVX__)
  const f64x2 xv = splat2(x);
  return select_bits(le_mask(xv, splat2(t)), splat2(b), xv)[0];
#else
  return x > t ? x : b;
#endif
}
}  // namespace detail
namespace distributions {

/// One factor of Knuth's product: prod *= U; true while the product stays above enlam.
NPRANDOM_ALWAYS_INLINE bool poisson_mult_continues(double& prod, double U, double enlam) noexcept {
  prod *= U;
  return prod > enlam;
}

/// random_poisson_mult with enlam = exp(-lam) precomputed: multiply doubles until the product
/// is <= exp(-lam); returns the number of factors minus one (draws X + 1 doubles).
template <class BitGen>
inline std::int64_t poisson_mult_enlam(BitGen& bg, double enlam) noexcept {
  std::int64_t X = 0;
  double prod = 1.0;
  while (poisson_mult_continues(prod, bg.next_double(), enlam)) X += 1;
  return X;
}

/// cnt poisson_mult_enlam values: the doubles drawn ahead in blocks by the bit generator's
/// uniform fill, then the products walked in stream order. Each value still needed draws at
/// least one more double, so a block of at most that many never draws past the last value's.
template <class BitGen>
inline void poisson_mult_fill(BitGen& bg, double enlam, std::int64_t* out, std::size_t cnt) {
  constexpr std::size_t blk = 512;
  double u[blk];
  std::int64_t X = 0;
  double prod = 1.0;
  std::size_t i = 0;
  while (i < cnt) {
    const std::size_t k = cnt - i < blk ? cnt - i : blk;
    detail::bulk_uniforms_into(bg, u, k);
    // Without a branch per double (a value ends on about one double in lam + 1): out[i] is
    // written at every step and kept when the product ends the value. i stays below cnt: the
    // block holds at most as many doubles as values still needed.
    for (std::size_t j = 0; j < k; ++j) {
      const bool more = poisson_mult_continues(prod, u[j], enlam);
      out[i] = X;
      i += static_cast<std::size_t>(!more);
      X = more ? X + 1 : 0;
      prod = detail::keep_above(prod, enlam, 1.0);  // the product goes on, or starts over
    }
  }
}

/// random_poisson_mult: Knuth's multiplication method, for lam < 10.
template <class BitGen>
inline std::int64_t poisson_mult(BitGen& bg, double lam) noexcept {
  return poisson_mult_enlam(bg, detail::exp(-lam));
}

/// random_poisson: PTRS for lam >= 10, 0 with no draw for lam == 0, multiplication otherwise.
/// `Ptrs...`: an optional loggam_int_memo& for PTRS (a bulk loop over many lam).
template <class BitGen, class... Ptrs>
inline std::int64_t poisson(BitGen& bg, double lam, Ptrs&... ptrs) noexcept {
  if (lam >= 10) return poisson_ptrs(bg, lam, ptrs...);
  if (lam == 0) return 0;
  return poisson_mult(bg, lam);
}

/// `cnt` poisson(lam) draws into `out` with the setup done once (same values as NumPy's loop).
template <class BitGen>
inline void poisson_fill(BitGen& bg, double lam, std::int64_t* out, std::size_t cnt) {
  if (lam >= 10) {
    const poisson_ptrs_setup s(lam);
    if (cnt < 256) {
      for (std::size_t i = 0; i < cnt; ++i) out[i] = poisson_ptrs(bg, s);
      return;
    }
    // Memoise the final test's right-hand side for k within 8 sd of lam (at most 4096 / cnt/4
    // each side); the same doubles as computing it every time.
    const double cap = static_cast<double>(cnt < 16384 ? cnt / 4 : 4096);
    const double wd = detail::mul(8.0, detail::sqrt(lam)) + 1;
    const std::int64_t window = static_cast<std::int64_t>(wd < cap ? wd : cap);
    const double k0d = detail::floor(lam) - static_cast<double>(window);
    const std::int64_t k0 = k0d > 0 ? static_cast<std::int64_t>(k0d) : 0;
    std::vector<double> memo(static_cast<std::size_t>(2 * window + 1),
                             std::numeric_limits<double>::quiet_NaN());
    const auto rhs = [&](std::int64_t k) {
      const std::int64_t d = k - k0;  // k >= 0 here
      if (d < 0 || d > 2 * window) return poisson_ptrs_rhs(s, k);
      double& slot = memo[static_cast<std::size_t>(d)];
      if (detail::isnan(slot)) slot = poisson_ptrs_rhs(s, k);
      return slot;
    };
    for (std::size_t i = 0; i < cnt; ++i) out[i] = poisson_ptrs(bg, s, rhs);
  } else if (lam == 0) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = 0;
  } else {
    poisson_mult_fill(bg, detail::exp(-lam), out, cnt);
  }
}

/// Generator.poisson's one-value calls with the per-lam setup (exp(-lam), or PTRS's constants)
/// kept between calls; the values are those of poisson(bg, lam).
class poisson_sampler {
 public:
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, double lam) noexcept {
    if (lam == 0) return 0;
    if (!(lam == s_.lam)) {
      s_ = lam >= 10 ? poisson_ptrs_setup(lam) : poisson_ptrs_setup();
      s_.lam = lam;
      enlam_ = lam >= 10 ? 0.0 : detail::exp(-lam);
    }
    if (lam >= 10) return poisson_ptrs(bg, s_);
    return poisson_mult_enlam(bg, enlam_);
  }

 private:
  poisson_ptrs_setup s_;
  double enlam_ = 0.0;
};

// ---------------------------------------------------------------------------------------------
// Negative binomial
// ---------------------------------------------------------------------------------------------

/// random_negative_binomial: gamma-Poisson mixture, Y = gamma(n, (1-p)/p) (standard_gamma
/// draws), then poisson(Y).
/// The gamma's setup and scale are prepared once (negative_binomial_kernel's sized form).
class negative_binomial_sampler {
 public:
  negative_binomial_sampler(double n, double p) noexcept : g_(n), scale_((1 - p) / p) {}
  // `Memo...`: an optional loggam_int_memo& for PTRS (distributions::poisson).
  template <class BitGen, class... Memo>
  NPRANDOM_ALWAYS_INLINE std::int64_t operator()(BitGen& bg, Memo&... lg) const noexcept {
    const double Y = detail::mul(scale_, g_(bg));
    return poisson(bg, Y, lg...);
  }
  // The sized form: the same draws, with PTRS's loggam(k + 1) kept across values (most final
  // tests of a call meet the same few k).
  static constexpr bool batched_fill = true;
  static constexpr bool fill_on_bitgen = true;
  template <class BitGen>
  void fill(BitGen& bg, std::int64_t* out, std::size_t n) const noexcept {
    loggam_int_memo lg;
    detail::for_each_value_exact(
        bg, n,
        [n](std::size_t i) {
          return detail::word_demand{n - i, 0};
        },
        [&](auto& src, std::size_t i) NPRANDOM_LAMBDA_INLINE { out[i] = (*this)(src, lg); });
  }

 private:
  gamma_sampler g_;
  double scale_;
};
using negative_binomial_kernel = detail::prepared_kernel<negative_binomial_sampler>;

template <class BitGen>
inline std::int64_t negative_binomial(BitGen& bg, double n, double p) noexcept {
  return negative_binomial_sampler(n, p)(bg);
}

// ---------------------------------------------------------------------------------------------
// Hypergeometric (random_hypergeometric.c)
// ---------------------------------------------------------------------------------------------

/// hypergeometric_sample: urn simulation on min(sample, total-sample) draws, each one masked
/// `random_interval(remaining_total - 1)` draw (integers.hpp); stops early when no good (or only
/// good) items remain. Requires good, bad, sample >= 0 and sample <= good + bad.
template <class BitGen>
inline std::int64_t hypergeometric_sample(BitGen& bg, std::int64_t good, std::int64_t bad,
                                          std::int64_t sample) noexcept {
  const std::int64_t total = good + bad;
  std::int64_t computed_sample = (sample > total / 2) ? total - sample : sample;
  std::int64_t remaining_total = total;
  std::int64_t remaining_good = good;
  if (total <= std::int64_t{0xffffffff}) {
    // One 32-bit candidate per pass, without a branch on it: a rejected one changes nothing, so
    // the next pass draws again for the same max -- random_interval's loop, as NumPy's urn. The
    // mask (gen_mask(max)) is redone only when max falls to half of it: a rare, predicted branch
    // that keeps it off the chain from one candidate to the next.
    std::uint64_t mask = gen_mask(static_cast<std::uint64_t>(remaining_total - 1));
    while (computed_sample > 0 && remaining_good > 0 && remaining_total > remaining_good) {
      const auto max = static_cast<std::uint64_t>(remaining_total - 1);  // inclusive, >= 1
      if (NPRANDOM_UNLIKELY(max <= (mask >> 1))) {
        mask = gen_mask(max);
        NPRANDOM_KEEP_BRANCH();  // GCC -O3 with lzcnt made it a cmov on the chain
      }
      std::uint64_t value;
      const bool accepted = random_interval_try32(bg, max, mask, value);
      // A good one is an accepted value below remaining_good; remaining_good <= max (the loop's
      // remaining_total > remaining_good), so value < remaining_good already implies value <= max.
      // Without `accepted &` here: GCC -march=native spilled that bool as a byte and read it back
      // as a qword, a store-forwarding stall on the chain (one-value urn 28 -> 55 ns).
      const bool good_one = value < static_cast<std::uint64_t>(remaining_good);
      remaining_total -= static_cast<std::int64_t>(accepted);
      computed_sample -= static_cast<std::int64_t>(accepted);
      remaining_good -= static_cast<std::int64_t>(good_one);
    }
  }
  while (computed_sample > 0 && remaining_good > 0 && remaining_total > remaining_good) {
    --remaining_total;  // random_interval(max) is inclusive
    if (static_cast<std::int64_t>(
            random_interval(bg, static_cast<std::uint64_t>(remaining_total))) < remaining_good) {
      --remaining_good;
    }
    --computed_sample;
  }
  if (remaining_total == remaining_good) remaining_good -= computed_sample;  // only good left
  return (sample > total / 2) ? remaining_good : good - remaining_good;
}

/// HRUA's log-factorial sums gp(K) (a pure function of K for one setup) memoised for K in
/// [k0, k0 + 2w] around the mode: w = min(16 spread + 1, cap), the width of the attempts' K
/// (both samplers reject K beyond about mode +- 16 sd). Other K are computed each time. Shared by
/// Generator's and RandomState's sized fills and kept one-value setups: the same doubles as
/// computing every sum.
class hrua_gp_memo {
 public:
  void reset(std::int64_t mode, double spread, std::size_t cap) {
    const double wd = detail::mul(16.0, spread) + 1;
    const double capd = static_cast<double>(cap);
    w_ = static_cast<std::int64_t>(wd < capd ? wd : capd);
    k0_ = mode - w_ > 0 ? mode - w_ : 0;
    memo_.assign(static_cast<std::size_t>(2 * w_ + 1), std::numeric_limits<double>::quiet_NaN());
  }
  template <class Gp>
  NPRANDOM_ALWAYS_INLINE double operator()(std::int64_t K, const Gp& gp) {
    const std::int64_t d = K - k0_;
    if (d < 0 || d > 2 * w_) return gp(K);
    double& slot = memo_[static_cast<std::size_t>(d)];
    if (detail::isnan(slot)) slot = gp(K);
    return slot;
  }

 private:
  std::int64_t k0_ = 0, w_ = -1;
  std::vector<double> memo_;
};

/// One-value HRUA draws with the setup kept between calls with the same parameters and, from
/// the second such call on, its gp sums memoised (hrua_gp_memo, up to 2 * 256 + 1 of them): a
/// setup that changes on every call never pays for the memo. `Setup` is Generator's or the legacy
/// HRUA setup; `draw(bg, st, gp)` its attempt loop; `mode(st)` / `spread(st)` place the memo.
template <class Setup>
class hrua_kept {
 public:
  template <class BitGen, class Draw, class Mode, class Spread>
  NPRANDOM_ALWAYS_INLINE std::int64_t operator()(BitGen& bg, std::int64_t good, std::int64_t bad,
                                                 std::int64_t sample, Draw&& draw, Mode&& mode,
                                                 Spread&& spread) {
    const Setup& st =
        setup_.get([](std::int64_t g, std::int64_t b, std::int64_t n) { return Setup(g, b, n); },
                   good, bad, sample);
    const auto plain = [&st](std::int64_t K) { return st.gp(K); };
    if (setup_.fresh()) {
      has_memo_ = false;
      return draw(bg, st, plain);
    }
    if (!has_memo_) {
      memo_.reset(mode(st), spread(st), 256);
      has_memo_ = true;
    }
    return draw(bg, st, [&](std::int64_t K) { return memo_(K, plain); });
  }

 private:
  detail::kept_setup<Setup, 3> setup_;
  bool has_memo_ = false;
  hrua_gp_memo memo_;
};

/// The setup of hypergeometric_hrua for one (good, bad, sample), NumPy's expressions in order
/// (variable names follow Stadlober's Algorithm HRUA, as NumPy's).
struct hypergeometric_hrua_setup {
  std::int64_t good = 0, bad = 0, sample = 0;
  std::int64_t computed_sample = 0, mingoodbad = 0, maxgoodbad = 0, m = 0;
  double a = 0, c = 0, h = 0, g = 0, b = 0;

  hypergeometric_hrua_setup() noexcept = default;  // made before use (kept_setup)

  hypergeometric_hrua_setup(std::int64_t good_, std::int64_t bad_, std::int64_t sample_) noexcept
      : good(good_), bad(bad_), sample(sample_) {
    constexpr double D1 = 1.7155277699214135;  // 2*sqrt(2/e)
    constexpr double D2 = 0.8989161620588988;  // 3 - 2*sqrt(3/e)
    const std::int64_t popsize = good + bad;
    computed_sample = (sample < popsize - sample) ? sample : popsize - sample;
    mingoodbad = (good < bad) ? good : bad;
    maxgoodbad = (good > bad) ? good : bad;
    const double popd = static_cast<double>(popsize);
    const double csd = static_cast<double>(computed_sample);
    const double p = static_cast<double>(mingoodbad) / popd;
    const double q = static_cast<double>(maxgoodbad) / popd;
    const double mu = detail::mul(csd, p);
    a = mu + 0.5;
    const double var = static_cast<double>(popsize - computed_sample) * csd * p * q /
                       static_cast<double>(popsize - 1);
    c = detail::sqrt(var + 0.5);
    h = detail::mul(D1, c) + D2;
    m = detail::trunc_int64_x86(detail::floor(static_cast<double>(computed_sample + 1) *
                                              static_cast<double>(mingoodbad + 1) /
                                              static_cast<double>(popsize + 2)));
    g = gp(m);
    // C: MIN(MIN(computed_sample, mingoodbad) + 1, floor(a + 16*c)), compared in double.
    const double support =
        static_cast<double>(((computed_sample < mingoodbad) ? computed_sample : mingoodbad) + 1);
    const double tail = detail::floor(a + detail::mul(16.0, c));
    b = (support < tail) ? support : tail;
  }

  // The sum of four log-factorials NumPy evaluates for a candidate K (and for m, giving g).
  double gp(std::int64_t K) const noexcept {
    return logfactorial(K) + logfactorial(mingoodbad - K) + logfactorial(computed_sample - K) +
           logfactorial(maxgoodbad - computed_sample + K);
  }
};

/// hypergeometric_hrua: ratio of uniforms, Algorithm HRUA (Stadlober, "Sampling from Poisson,
/// Binomial and Hypergeometric Distributions: Ratio of Uniforms as a Simple and Fast
/// Alternative", 1989; J. Comput. Appl. Math. 31, 1990). Each attempt draws U then V.
/// `gp(K)` must return st.gp(K) (hypergeometric_fill memoises it).
template <class BitGen, class Gp>
inline std::int64_t hypergeometric_hrua(BitGen& bg, const hypergeometric_hrua_setup& st,
                                        Gp&& gp) noexcept {
  const double a = st.a, h = st.h, g = st.g, b = st.b;
  std::int64_t K;
  for (;;) {
    const double U = bg.next_double();
    const double V = bg.next_double();  // "U star" in Stadlober (1989)
    const double X = a + h * (V - 0.5) / U;
    // Fast rejection. `!(X >= 0.0)` also rejects NaN (U == 0 and V == 0.5), where NumPy's C
    // would index the log-factorial table out of bounds.
    if (!(X >= 0.0) || (X >= b)) continue;
    K = detail::floor_int64_x86(X);
    const double T = g - gp(K);
    if ((detail::mul(U, 4.0 - U) - 3.0) <= T) break;  // fast acceptance
    if (U * (U - T) >= 1) continue;                   // fast rejection
    if (2.0 * detail::log(U) <= T) break;             // acceptance
  }
  if (st.good > st.bad) K = st.computed_sample - K;
  if (st.computed_sample < st.sample) K = st.good - K;
  return K;
}

/// hypergeometric_hrua for one draw (NumPy's per-call setup). Requires good, bad, sample >= 0
/// and sample <= good + bad.
template <class BitGen>
inline std::int64_t hypergeometric_hrua(BitGen& bg, std::int64_t good, std::int64_t bad,
                                        std::int64_t sample) noexcept {
  const hypergeometric_hrua_setup st(good, bad, sample);
  return hypergeometric_hrua(bg, st, [&st](std::int64_t K) { return st.gp(K); });
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

/// Generator.hypergeometric's one-value draws: the HRUA setup is kept between calls with the same
/// (good, bad, sample) (the same values as hypergeometric(bg, good, bad, sample)).
class hypergeometric_sampler {
 public:
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, std::int64_t good, std::int64_t bad, std::int64_t sample) {
    if (!(sample >= 10 && sample <= good + bad - 10)) {
      return hypergeometric_sample(bg, good, bad, sample);
    }
    return hrua_(
        bg, good, bad, sample,
        [](BitGen& e, const hypergeometric_hrua_setup& st, const auto& gp) {
          return hypergeometric_hrua(e, st, gp);
        },
        [](const hypergeometric_hrua_setup& st) { return st.m; },
        [](const hypergeometric_hrua_setup& st) { return st.c; });
  }

 private:
  hrua_kept<hypergeometric_hrua_setup> hrua_;
};

/// `cnt` hypergeometric draws into `out` (NumPy's size=cnt loop, same draws and values); the HRUA
/// setup is made once and its log-factorial sums are memoised per candidate K near the mode.
template <class BitGen>
inline void hypergeometric_fill(BitGen& bg, std::int64_t good, std::int64_t bad,
                                std::int64_t sample, std::int64_t* out, std::size_t cnt) {
  if (!(sample >= 10 && sample <= good + bad - 10)) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = hypergeometric_sample(bg, good, bad, sample);
    return;
  }
  const hypergeometric_hrua_setup st(good, bad, sample);
  if (cnt < 64) {
    for (std::size_t i = 0; i < cnt; ++i) {
      out[i] = hypergeometric_hrua(bg, st, [&st](std::int64_t K) { return st.gp(K); });
    }
    return;
  }
  // K lies in [0, b); memoise [m - w, m + w] with w <= 2048 and <= cnt.
  hrua_gp_memo memo;
  memo.reset(st.m, st.c, cnt < 2048 ? cnt : 2048);
  const auto plain = [&st](std::int64_t K) { return st.gp(K); };
  for (std::size_t i = 0; i < cnt; ++i) {
    out[i] = hypergeometric_hrua(bg, st, [&](std::int64_t K) { return memo(K, plain); });
  }
}

// ---------------------------------------------------------------------------------------------
// Zipf, geometric, logseries
// ---------------------------------------------------------------------------------------------

}  // namespace distributions

namespace detail {
/// The two tests of a Devroye zipf attempt, shared by the one-value loops (Generator's and the
/// legacy zipf_from) and zipf_fill_batched: X = floor(U^(-1/(a-1))) is rejected outside
/// [1, 2^63]; a kept X is accepted when V X (T - 1) / (b - 1) <= T / b, T = (1 + 1/X)^(a-1).
NPRANDOM_ALWAYS_INLINE bool zipf_rejects(double X) noexcept {
  return X > static_cast<double>(std::numeric_limits<std::int64_t>::max()) || X < 1.0;
}
NPRANDOM_ALWAYS_INLINE bool zipf_accepts(double V, double X, double T, double b) noexcept {
  return V * X * (T - 1.0) / (b - 1.0) <= T / b;
}

/// Devroye's zipf rejection batched by attempt, for Generator (random_zipf: U = U01 Umin +
/// (1 - U01)) and RandomState (legacy_random_zipf: U = 1 - U01); `u_of(U01)` is the front end's
/// U. Every attempt draws U01 then V whatever its outcome, so a block of k <= values still needed
/// attempts never draws past the scalar loop's last attempt. X = floor(U^(-1/(a-1))) for the
/// block from one pow_batch, T = (1 + 1/X)^(a-1) for the attempts that keep X from another (bit
/// for bit the C library's pow), then the attempts are judged in stream order exactly as
/// zipf_from judges them. A block's 2k doubles come from standard_uniform_pairs (the bulk source
/// when `e` has one). The last few values are `one(e)`, the scalar kernel.
template <class Src, class UOf, class One>
inline void zipf_fill_batched(Src& e, double am1, double b, double neg_inv_am1, std::size_t cnt,
                              std::int64_t* out, UOf&& u_of, One&& one) noexcept {
  constexpr std::size_t blk = 256;
  double w[2 * blk], us[blk], vs[blk], ts[blk];
  unsigned short keep[blk];
  std::size_t i = 0;
  while (cnt - i >= 16) {
    const std::size_t k = cnt - i < blk ? cnt - i : blk;
    distributions::standard_uniform_pairs(e, k, us, vs, w);  // U01, V, U01, V, ...
    for (std::size_t j = 0; j < k; ++j) us[j] = u_of(us[j]);
    pow_batch(us, neg_inv_am1, us, k);
    std::size_t nk = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const double X = floor(us[j]);
      us[j] = X;
      if (zipf_rejects(X)) continue;
      ts[nk] = 1.0 + 1.0 / X;
      keep[nk++] = static_cast<unsigned short>(j);
    }
    pow_batch(ts, am1, ts, nk);
    for (std::size_t h = 0; h < nk; ++h) {
      const std::size_t j = keep[h];
      const double X = us[j], T = ts[h];
      if (zipf_accepts(vs[j], X, T, b)) out[i++] = trunc_int64_x86(X);
    }
  }
  for (; i < cnt; ++i) out[i] = one(e);
}
}  // namespace detail

namespace distributions {

/// random_zipf's per-a setup: b = 2^(a-1), Umin = (2^63-1)^-(a-1) and -1/(a-1) (two pow calls
/// and a division, the same every time: zipf_fill computes them once per call).
struct zipf_setup {
  double am1 = 0.0, b = 0.0, Umin = 0.0, neg_inv_am1 = 0.0;
  zipf_setup() = default;
  explicit zipf_setup(double a) noexcept
      : am1(a - 1.0),
        b(detail::pow(2.0, am1)),
        Umin(detail::pow(static_cast<double>(std::numeric_limits<std::int64_t>::max()), -am1)),
        neg_inv_am1(-1.0 / am1) {}
};

/// One zipf attempt loop over a precomputed setup (a < 1025).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::int64_t zipf_from(BitGen& bg, const zipf_setup& st) noexcept {
  for (;;) {
    const double U01 = bg.next_double();
    const double U = detail::mul(U01, st.Umin) + (1 - U01);
    const double V = bg.next_double();
    const double X = detail::floor(detail::pow(U, st.neg_inv_am1));
    if (detail::zipf_rejects(X)) continue;
    const double T = detail::pow(1.0 + 1.0 / X, st.am1);
    if (detail::zipf_accepts(V, X, T, st.b)) return detail::trunc_int64_x86(X);
  }
}

/// random_zipf (NumPy >= 2.1): rejection (Devroye, "Non-Uniform Random Variate Generation",
/// 1986, p. 551). a >= 1025 returns 1 with no draw. Each attempt draws U01 (U = U01*Umin +
/// (1-U01), in (Umin, 1] with Umin = (2^63-1)^-(a-1)) then V; X = floor(U^(-1/(a-1))) is
/// rejected when > 2^63 or < 1, accepted when V*X*(T-1)/(b-1) <= T/b, T = (1+1/X)^(a-1),
/// b = 2^(a-1).
template <class BitGen>
inline std::int64_t zipf(BitGen& bg, double a) noexcept {
  if (a >= 1025) return 1;
  return zipf_from(bg, zipf_setup(a));
}

/// n zipf(a) values: the setup once (same values as n zipf calls: the libm results are the same
/// every time), the attempts batched (detail::zipf_fill_batched), their doubles from the uniform
/// fill.
template <class BitGen>
inline void zipf_fill(BitGen& bg, double a, std::int64_t* out, std::size_t cnt) noexcept {
  if (a >= 1025) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = 1;
    return;
  }
  const zipf_setup st(a);
  const auto run = [&](auto& e) {
    detail::zipf_fill_batched(
        e, st.am1, st.b, st.neg_inv_am1, cnt, out,
        [&st](double U01) { return detail::mul(U01, st.Umin) + (1 - U01); },
        [&st](auto& s) { return zipf_from(s, st); });
  };
  // The uniforms from the bulk source where there is one, else drawn on a local engine copy.
  if constexpr (detail::bulk_uniforms<BitGen>) {
    run(bg);
  } else {
    detail::with_local_engine(bg, run);
  }
}

/// Generator.zipf's one-value draws: the zipf setup is kept between calls while `a` is the same
/// (the same values as zipf(bg, a): the setup's libm results do not change).
class zipf_sampler {
 public:
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, double a) noexcept {
    if (a >= 1025) return 1;
    return zipf_from(bg, s_.get([](double x) { return zipf_setup(x); }, a));
  }

 private:
  detail::kept_setup<zipf_setup, 1> s_;
};

/// random_geometric_search: one double U; X = 1, sum = prod = p; while U > sum:
/// prod *= 1-p, sum += prod, X++.
template <class BitGen>
inline std::int64_t geometric_search(BitGen& bg, double p) noexcept {
  std::int64_t X = 1;
  double sum = p, prod = p;
  const double q = 1.0 - p;
  const double U = bg.next_double();
  while (U > sum) {
    prod = detail::mul(prod, q);
    sum += prod;
    ++X;
  }
  return X;
}

/// geometric_search's partial sums for one p, for long runs: sum[k] is the loop's `sum` after k
/// steps (the same products and additions, in the same order). The sums never decrease (each
/// step adds a product >= 0), so the loop's result for U is 1 + the number of sums below U,
/// counted without data-dependent branches (the loop's exit is a coin flip for the branch
/// predictor at p = 0.5): the first 8 by independent comparisons, else a branch-free binary
/// search. A U above the last tabulated sum (probability <= (2/3)^64) resumes the loop there.
struct geometric_search_table {
  static constexpr std::size_t size = 64;
  double sum[size];
  double prod_last, q;

  geometric_search_table() noexcept : sum{}, prod_last(0.0), q(0.0) {}  // filled before use
  explicit geometric_search_table(double p) noexcept : q(1.0 - p) {
    double s = p, prod = p;
    sum[0] = s;
    for (std::size_t k = 1; k < size; ++k) {
      prod = detail::mul(prod, q);
      s += prod;
      sum[k] = s;
    }
    prod_last = prod;
  }

  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE std::int64_t draw(BitGen& bg) const noexcept {
    const double U = bg.next_double();
    // The first 8 sums by independent comparisons (no dependency chain); they hold U with
    // probability >= 1 - (2/3)^8 = 96%.
    std::size_t first = 0;
    for (std::size_t k = 0; k < 8; ++k) first += static_cast<std::size_t>(sum[k] < U);
    if (first < 8) return static_cast<std::int64_t>(first) + 1;
    std::size_t base = 0;  // number of sums below U found so far
    for (std::size_t half = size / 2; half > 0; half /= 2) {
      base += half & (std::size_t{0} - static_cast<std::size_t>(sum[base + half - 1] < U));
    }
    base += static_cast<std::size_t>(sum[base] < U);  // base in [0, size]
    if (base < size) return static_cast<std::int64_t>(base) + 1;
    std::int64_t X = static_cast<std::int64_t>(size);
    double s = sum[size - 1], prod = prod_last;
    while (U > s) {
      prod = detail::mul(prod, q);
      s += prod;
      ++X;
    }
    return X;
  }
};

/// random_geometric_inversion: ceil(-E / log1p(-p)) with one ziggurat standard_exponential E;
/// results >= 2^63 are clamped to INT64_MAX (NumPy >= 1.25). `log1p_neg_p` is log1p(-p), the
/// per-p setup (geometric_fill computes it once; the C library gives the same value every time).
template <class BitGen>
inline std::int64_t geometric_inversion_from(BitGen& bg, double log1p_neg_p) noexcept {
  const double z = detail::ceil(-standard_exponential(bg) / log1p_neg_p);
  // 9.223372036854776e+18 is the smallest double larger than INT64_MAX.
  if (z >= 9.223372036854776e+18) return std::numeric_limits<std::int64_t>::max();
  return static_cast<std::int64_t>(z);
}

/// Generator.geometric's inversion as geometric_sampler_of takes it: the per-p setup
/// log1p(-p), and one draw from it.
struct geometric_inversion_step {
  static double setup(double p) noexcept { return detail::log1p(-p); }
  template <class BitGen>
  static std::int64_t draw(BitGen& bg, double l) noexcept {
    return geometric_inversion_from(bg, l);
  }
};

template <class BitGen>
inline std::int64_t geometric_inversion(BitGen& bg, double p) noexcept {
  return geometric_inversion_from(bg, geometric_inversion_step::setup(p));
}

/// random_geometric: search for p >= 1/3 (the C literal 0.333333333333333333333333), inversion
/// otherwise.
template <class BitGen>
inline std::int64_t geometric(BitGen& bg, double p) noexcept {
  if (p >= 0.333333333333333333333333) return geometric_search(bg, p);
  return geometric_inversion(bg, p);
}

/// One-value geometric draws with the per-p setup kept between calls with the same p (Generator
/// with geometric_inversion_step, RandomState with the legacy inversion): for p >= 1/3 the
/// search, through its partial sums (geometric_search_table) from the second call with the same
/// p on -- the first call runs the loop, so a p that changes on every call never pays for the
/// table; below 1/3 the inversion with its setup kept. The values and draws are those of the
/// plain kernel's.
template <class Inversion>
class geometric_sampler_of {
 public:
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, double p) noexcept {
    if (p >= 0.333333333333333333333333) {
      table_for_.get([](double) { return 0; }, p);
      if (table_for_.fresh()) {
        has_table_ = false;
        return geometric_search(bg, p);
      }
      if (!has_table_) {
        table_ = geometric_search_table(p);
        has_table_ = true;
      }
      return table_.draw(bg);
    }
    return Inversion::draw(bg, inversion_.get(&Inversion::setup, p));
  }

 private:
  detail::kept_setup<int, 1> table_for_;  // the p of table_ (built on its second call)
  bool has_table_ = false;
  geometric_search_table table_;
  detail::kept_setup<double, 1> inversion_;
};
using geometric_sampler = geometric_sampler_of<geometric_inversion_step>;

/// `cnt` geometric(p) draws into `out` (NumPy's size=cnt loop, same draws and values), the
/// inversion setup log1p(-p) made once.
template <class BitGen>
inline void geometric_fill(BitGen& bg, double p, std::int64_t* out, std::size_t cnt) noexcept {
  if (p >= 0.333333333333333333333333) {
    const geometric_search_table t(p);
    detail::with_local_engine(bg, [&](auto& e) {
      for (std::size_t i = 0; i < cnt; ++i) out[i] = t.draw(e);
    });
    return;
  }
  const double l = geometric_inversion_step::setup(p);
  detail::with_local_engine(bg, [&](auto& e) {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = geometric_inversion_from(e, l);
  });
}

/// random_logseries: Kemp's second accept-complement method (Kemp, "Efficient generation of
/// logarithmically distributed pseudo-random variables", Applied Statistics 30, 1981), with
/// r = log1p(-p) and q = -expm1(r*U) (NumPy >= 1.22). Each round draws V (V >= p returns 1),
/// then U; a candidate floor(1 + log V / log q) < 1, or V == 0, starts a new round.
/// `logseries_from` takes r, the per-p setup (logseries_fill computes it once per call: the C
/// library gives the same value every time; NumPy recomputes it per value).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::int64_t logseries_from(BitGen& bg, double p, double r) noexcept {
  for (;;) {
    const double V = bg.next_double();
    if (V >= p) return 1;
    const double U = bg.next_double();
    const double q = -detail::expm1(r * U);
    if (V <= q * q) {
      const std::int64_t result = detail::floor_int64_x86(1 + detail::log(V) / detail::log(q));
      if (result < 1 || V == 0.0) continue;
      return result;
    }
    if (V >= q) return 1;
    return 2;
  }
}

/// The per-p setup r = log1p(-p).
inline double logseries_setup(double p) noexcept { return detail::log1p(-p); }

template <class BitGen>
inline std::int64_t logseries(BitGen& bg, double p) noexcept {
  return logseries_from(bg, p, logseries_setup(p));
}

}  // namespace distributions

namespace detail {
/// Kemp's logseries sampler batched by attempt, for Generator (q = -expm1(r U), the value
/// floor_int64(1 + log V / log q)) and RandomState (q = 1 - exp(r U), trunc(floor(...))). An
/// attempt draws V, and U when V < p; it gives 1 (V >= p; or V > q^2 and V >= q), 2 (V > q^2,
/// V < q), the log form, or nothing (the log form below 1, or V == 0: NumPy draws again). Blocks
/// of k <= values still needed attempts are drawn in stream order; their q's come from one
/// `q_batch(t, m)` call (t[h] = r U in, q out: expm1_batch / exp_batch, bit for bit the C
/// library), the logs of V and q where V <= q^2 from log_batch, then the attempts are judged in
/// order (`from_logs(log V, log q)`). Each value takes at least one attempt, so every attempt
/// drawn is one of the scalar loop's; the last few values are `one(e)`, the scalar kernel.
template <class Src, class QBatch, class FromLogs, class One>
inline void logseries_fill_batched(Src& e, double p, double r, std::size_t cnt, std::int64_t* out,
                                   QBatch&& q_batch, FromLogs&& from_logs, One&& one) noexcept {
  constexpr std::size_t blk = 256;
  double vs[blk], t[blk], lv[blk], lq[blk];
  unsigned short need_q[blk], need_log[blk];
  std::int64_t val[blk];  // the attempt's value, 0 for none
  std::size_t i = 0;
  while (cnt - i >= 16) {
    const std::size_t k = cnt - i < blk ? cnt - i : blk;
    std::size_t nq = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const double V = e.next_double();
      vs[j] = V;
      val[j] = 1;
      if (V >= p) continue;
      t[nq] = r * e.next_double();
      need_q[nq++] = static_cast<unsigned short>(j);
    }
    q_batch(t, nq);
    std::size_t nl = 0;
    for (std::size_t h = 0; h < nq; ++h) {
      const std::size_t j = need_q[h];
      const double V = vs[j], q = t[h];
      if (V <= q * q) {
        lv[nl] = V;
        lq[nl] = q;
        need_log[nl++] = static_cast<unsigned short>(j);
      } else {
        val[j] = V >= q ? 1 : 2;
      }
    }
    log_batch(lv, lv, nl);
    log_batch(lq, lq, nl);
    for (std::size_t h = 0; h < nl; ++h) {
      const std::size_t j = need_log[h];
      const std::int64_t res = from_logs(lv[h], lq[h]);
      val[j] = (res < 1 || vs[j] == 0.0) ? 0 : res;
    }
    for (std::size_t j = 0; j < k; ++j) {
      if (val[j] != 0) out[i++] = val[j];
    }
  }
  for (; i < cnt; ++i) out[i] = one(e);
}

}  // namespace detail

namespace distributions {

template <class BitGen>
inline void logseries_fill(BitGen& bg, double p, std::int64_t* out, std::size_t cnt) noexcept {
  const double r = logseries_setup(p);
  detail::with_local_engine(bg, [&](auto& e) {
    detail::logseries_fill_batched(
        e, p, r, cnt, out,
        [](double* t, std::size_t m) {
          detail::expm1_batch(t, t, m);
          for (std::size_t h = 0; h < m; ++h) t[h] = -t[h];
        },
        [](double log_v, double log_q) { return detail::floor_int64_x86(1 + log_v / log_q); },
        [p, r](auto& s) { return logseries_from(s, p, r); });
  });
}

// Generator.logseries's kernel: one value, and the sized fill with r computed once.
struct logseries_kernel : detail::bulk_kernel {
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, double p) const noexcept {
    return logseries(bg, p);
  }
  template <class BitGen>
  void fill(BitGen& bg, std::int64_t* out, std::size_t n, double p) const noexcept {
    logseries_fill(bg, p, out, n);
  }
};

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_DISCRETE_HPP
