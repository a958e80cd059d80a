// Frozen legacy (RandomState) sampling kernels: NumPy's src/legacy/legacy-distributions.c.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_LEGACY_DISTRIBUTIONS_HPP
#define NPRANDOM_LEGACY_DISTRIBUTIONS_HPP

// These kernels keep NumPy 1.16's algorithms so that RandomState streams never change (NEP 19:
// "no more modifications ... not even to fix correctness bugs"). Do not "fix" or speed them up in
// any way that can change a produced value; the Generator algorithms live in distributions/.
//
// Like every kernel they do no argument checking; RandomState validates first. RAND_INT_TYPE is
// C `long`, i.e. int64 on the LP64 targets NumPy's reference values come from.
//
// Kernels that need the gaussian cache take an AugBitGen (NumPy's aug_bitgen_t); the others take
// the bit generator itself, exactly as in NumPy. The ones mtrand.pyx takes from the shared
// distributions.c (poisson, the geometric search, loggam, laplace, ...) are NOT copied here.
//
// C's (long)x on an out-of-range double is undefined; NumPy's values come from x86-64 builds,
// where it yields INT64_MIN (e.g. legacy geometric with a tiny p). detail::trunc_int64_x86
// reproduces that without undefined behaviour.

#include <nprandom/config.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/vec_expm1.hpp>
#include <nprandom/detail/vec_log.hpp>
#include <nprandom/detail/wrapping.hpp>
#include <nprandom/distributions/continuous.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/uniform.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

namespace nprandom {
namespace legacy {

inline constexpr double pi = 3.14159265358979323846;  // C's M_PI

// NumPy's aug_bitgen_t: a bit generator plus the polar Box-Muller cache of RandomState. It points
// at a bit generator it does not own (RandomState owns both). has_gauss/gauss are part of the
// RandomState state (get_state()[3], [4]).
template <class BitGen>
struct AugBitGen {
  BitGen* bit_generator = nullptr;
  int has_gauss = 0;
  double gauss = 0.0;

  BitGen& bitgen() const noexcept { return *bit_generator; }
  void reset_gauss() noexcept {
    has_gauss = 0;
    gauss = 0.0;
  }
};

// NumPy's legacy_double: the bit generator's next_double (for MT19937: two 32-bit outputs).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double legacy_double(AugBitGen<BitGen>& aug) noexcept {
  return aug.bitgen().next_double();
}

}  // namespace legacy

namespace detail {
// legacy_gauss: Marsaglia's polar Box-Muller. Draws pairs of uniforms (x1 first) until
// 0 < r^2 < 1, returns f*x2 and caches f*x1; a cached value is returned (and cleared) first.
// Consumes 0 or 2k doubles.
// The named pieces of the polar method, shared by gauss(), gauss_fill and the batched gammas:
// one candidate pair from two doubles (x1 first), its acceptance test (0 < r^2 < 1), and the
// factor f = sqrt(-2 log(r^2) / r^2) that makes an accepted pair f*x2 (returned) and f*x1
// (cached).
struct polar_pair {
  double x1, x2, r2;
};
template <class BitGen>
NPRANDOM_ALWAYS_INLINE polar_pair polar_candidate(BitGen& bg) noexcept {
  const double x1 = mul(2.0, bg.next_double()) - 1.0;
  const double x2 = mul(2.0, bg.next_double()) - 1.0;
  return {x1, x2, mul(x1, x1) + mul(x2, x2)};
}
NPRANDOM_ALWAYS_INLINE bool polar_accepts(double r2) noexcept {
  return !(r2 >= 1.0) & !(r2 == 0.0);  // no branch: the sized path keeps rejected slots
}
template <class BitGen>
NPRANDOM_ALWAYS_INLINE polar_pair polar_accepted(BitGen& bg) noexcept {
  polar_pair p;
  do {
    p = polar_candidate(bg);
  } while (!polar_accepts(p.r2));
  return p;
}
// The polar factor sqrt(-2 log(r2) / r2) from r2 and its log (the batched fills take the logs
// with log_batch). One definition for a double and for two values in SSE2 lanes (V = f64x2,
// detail/fp.hpp): an exact scaling by -2, a division and a square root, correctly rounded.
template <class V>
NPRANDOM_ALWAYS_INLINE V polar_factor_log(V r2, V log_r2) noexcept {
  return sqrt(-2.0 * log_r2 / r2);
}
inline double polar_factor(double r2) noexcept { return polar_factor_log(r2, log(r2)); }
// lg[j] = polar_factor_log(r2[j], lg[j]) for j < k, two at a time in SSE2 lanes where there are
// (divpd, sqrtpd: GCC keeps the scalar loop's sqrt scalar, the libm call it stands for may set
// errno).
inline void polar_factors_log(const double* r2, double* lg, std::size_t k) noexcept {
  std::size_t j = 0;
#if NPRANDOM_DETAIL_F64X2
  for (; j + 2 <= k; j += 2) store2(lg + j, polar_factor_log(load2(r2 + j), load2(lg + j)));
#endif
  for (; j < k; ++j) lg[j] = polar_factor_log(r2[j], lg[j]);
}

// gauss() itself, forced inline for the sized loops (the gaussian cache then lives in registers).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double gauss_inline(legacy::AugBitGen<BitGen>& aug) noexcept {
  if (aug.has_gauss) {
    const double temp = aug.gauss;
    aug.has_gauss = 0;
    aug.gauss = 0.0;
    return temp;
  }
  const polar_pair p = polar_accepted(aug.bitgen());  // legacy_double: the bit generator's
  const double f = polar_factor(p.r2);
  aug.gauss = mul(f, p.x1);
  aug.has_gauss = 1;
  return mul(f, p.x2);
}
}  // namespace detail

namespace legacy {

// The polar pair of gauss() when nothing is cached: returns f*x2, caches f*x1. Out of line.
template <class BitGen>
NPRANDOM_NOINLINE double gauss_pair(AugBitGen<BitGen>& aug) noexcept {
  const detail::polar_pair p = detail::polar_accepted(aug.bitgen());
  const double f = detail::polar_factor(p.r2);
  aug.gauss = detail::mul(f, p.x1);
  aug.has_gauss = 1;
  return detail::mul(f, p.x2);
}

// gauss(): the cached value is taken inline at the call site (every second scalar call), the
// pair is drawn out of line.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double gauss(AugBitGen<BitGen>& aug) noexcept {
  if (aug.has_gauss) {
    const double temp = aug.gauss;
    aug.has_gauss = 0;
    aug.gauss = 0.0;
    return temp;
  }
  return gauss_pair(aug);
}

// n consecutive legacy gaussians, identical to n calls of gauss() (cache included: a pending
// cached value comes first, and an odd tail leaves f*x1 cached) -- the fast path of
// RandomState.standard_normal(size). Works in batches of pairs: first the polar rejection loop
// draws accepted (x1, x2, r2) triples, consuming exactly the doubles the scalar loop would (a
// rejected candidate is overwritten, without a data-dependent branch), then the transform
// f = sqrt(-2 log(r2) / r2) runs over the batch: the same libm calls on the same arguments, so
// the same values, but independent of the rejection branches and pipelined.
template <class BitGen>
void gauss_fill(AugBitGen<BitGen>& aug, double* out, std::size_t n) noexcept {
  std::size_t i = 0;
  if (n == 0) return;
  if (aug.has_gauss) {
    out[i++] = aug.gauss;
    aug.has_gauss = 0;
    aug.gauss = 0.0;
  }
  BitGen& bg = aug.bitgen();
  constexpr std::size_t batch = 128;
  double bx1[batch], bx2[batch], br2[batch], lr2[batch];
  while (i < n) {
    const std::size_t pairs_left = (n - i + 1) / 2;
    const std::size_t k = pairs_left < batch ? pairs_left : batch;
    std::size_t a = 0;
    while (a < k) {
      const detail::polar_pair p = detail::polar_candidate(bg);
      bx1[a] = p.x1;
      bx2[a] = p.x2;
      br2[a] = p.r2;
      a += static_cast<std::size_t>(detail::polar_accepts(p.r2));
    }
    detail::log_batch(br2, lr2, k);  // polar_factor's logs, batched
    detail::polar_factors_log(br2, lr2, k);
    for (std::size_t j = 0; j < k; ++j) {
      const double f = lr2[j];
      out[i++] = detail::mul(f, bx2[j]);
      if (i < n) {
        out[i++] = detail::mul(f, bx1[j]);
      } else {
        aug.gauss = detail::mul(f, bx1[j]);
        aug.has_gauss = 1;
      }
    }
  }
}

// legacy_normal: loc + scale * gauss.
template <class BitGen>
double normal(AugBitGen<BitGen>& aug, double loc, double scale) noexcept {
  return loc + detail::mul(scale, gauss(aug));
}

// legacy_lognormal: exp(normal(mean, sigma)).
template <class BitGen>
double lognormal(AugBitGen<BitGen>& aug, double mean, double sigma) noexcept {
  return detail::exp(normal(aug, mean, sigma));
}

// legacy_standard_exponential: inversion -log(1 - U). Consumes one double.
template <class BitGen>
double standard_exponential(AugBitGen<BitGen>& aug) noexcept {
  return -detail::log(1.0 - legacy_double(aug));
}

// legacy_exponential: scale * standard_exponential.
template <class BitGen>
double exponential(AugBitGen<BitGen>& aug, double scale) noexcept {
  return detail::mul(scale, standard_exponential(aug));
}

// The bulk forms: u[i] (n legacy doubles, in stream order) replaced by standard_exponential's /
// exponential's value from it, the logs in one detail::log_batch (bit for bit std::log).
// Blocks of 256 (in L1 across the three passes).
inline void exponential_from_uniforms(double* u, std::size_t n, double scale) noexcept {
  for (std::size_t b = 0; b < n; b += 256) {
    double* v = u + b;
    const std::size_t m = n - b < 256 ? n - b : 256;
    for (std::size_t i = 0; i < m; ++i) v[i] = 1.0 - v[i];
    detail::log_batch(v, v, m);
    for (std::size_t i = 0; i < m; ++i) v[i] = detail::mul(scale, -v[i]);
  }
}
inline void standard_exponential_from_uniforms(double* u, std::size_t n) noexcept {
  exponential_from_uniforms(u, n, 1.0);  // 1.0 * -x == -x exactly
}

}  // namespace legacy

namespace detail {
// The value of an accepted attempt of legacy_beta's Johnk branch (X + Y <= 1): X / (X + Y), or
// when X + Y underflowed to 0 the log-sum-exp form from U and V. Shared by beta and beta_fill.
inline double legacy_johnk_value(double U, double V, double X, double Y, double a,
                                 double b) noexcept {
  if (X + Y > 0) return X / (X + Y);
  double logX = detail::log(U) / a;
  double logY = detail::log(V) / b;
  const double logM = logX > logY ? logX : logY;
  logX -= logM;
  logY -= logM;
  return detail::exp(logX - detail::log(detail::exp(logX) + detail::exp(logY)));
}

// legacy_standard_gamma. shape == 1: exponential; shape == 0: 0 without a draw; shape < 1:
// Johnk/Ahrens-Dieter style rejection (U, then the legacy exponential); shape > 1: Marsaglia &
// Tsang (2000) with the legacy gauss (shares the gaussian cache).
// standard_gamma() itself, forced inline for the sized loops.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double standard_gamma_inline(legacy::AugBitGen<BitGen>& aug,
                                                    double shape) noexcept {
  if (shape == 1.0) return legacy::standard_exponential(aug);
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const double U = legacy::legacy_double(aug);
      const double V = legacy::standard_exponential(aug);
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
      X = gauss_inline(aug);
      V = 1.0 + mul(c, X);
    } while (V <= 0.0);
    V = V * V * V;
    const double U = legacy::legacy_double(aug);
    if (gamma_mt_squeeze(U, X)) return mul(b, V);
    if (gamma_mt_log_test(detail::log(U), X, b, V, detail::log(V))) return mul(b, V);
  }
}
}  // namespace detail

namespace legacy {

template <class BitGen>
double standard_gamma(AugBitGen<BitGen>& aug, double shape) noexcept {
  return detail::standard_gamma_inline(aug, shape);
}

// n consecutive standard_gamma(shape) draws (RandomState.standard_gamma(shape, size)),
// identical to n calls; the kernel is inlined into the loop.
// 0 < shape < 1: batched by attempt as Generator's standard_gamma_fill (blocks of
// K = min(rej_batch_block, values still needed) attempts U, U' in stream order; V = -log(1 - U')
// and the high branch's log in one detail::log_batch, the pows in one detail::pow_batch; the
// attempts scanned in order), values and final state those of n calls.
template <class BitGen>
void standard_gamma_fill(AugBitGen<BitGen>& aug, double shape, double* out,
                         std::size_t n) noexcept {
  AugBitGen<BitGen> local = aug;  // a local copy: the cache can live in registers
  std::size_t i = 0;
  if (shape > 0.0 && shape < 1.0) {
    constexpr std::size_t blk = detail::rej_batch_block;
    double base[blk], lg[2 * blk];
    unsigned short hi[blk];
    const double inv = 1. / shape;
    while (n - i >= detail::rej_batch_min) {
      const std::size_t k = n - i < blk ? n - i : blk;
      std::size_t m = 0;
      for (std::size_t j = 0; j < k; ++j) {
        const double U = legacy_double(local);
        lg[j] = 1.0 - legacy_double(local);  // V = -log(1 - U')
        base[j] = U;
        if (!detail::gamma_lt1_low(U, shape)) {
          lg[k + m] = detail::gamma_lt1_log_arg(U, shape);
          hi[m++] = static_cast<unsigned short>(j);
        }
      }
      detail::log_batch(lg, lg, k + m);
      for (std::size_t j = 0; j < k; ++j) lg[j] = -lg[j];  // the bounds: V
      for (std::size_t h = 0; h < m; ++h) {
        const double Y = -lg[k + h];
        base[hi[h]] = detail::gamma_lt1_base(Y, shape);
        lg[hi[h]] = lg[hi[h]] + Y;  // V + Y
      }
      detail::pow_batch(base, inv, base, k);
      for (std::size_t j = 0; j < k; ++j) {
        if (base[j] <= lg[j]) out[i++] = base[j];
      }
    }
  }
  for (; i < n; ++i) out[i] = detail::standard_gamma_inline(local, shape);
  aug = local;
}

}  // namespace legacy

namespace detail {

// `count` consecutive legacy standard_gamma values, gamma q of shape shapes[q % nshapes] (every
// one Marsaglia-Tsang: b = shape - 1/3, c = 1/sqrt(9b), gamma_mt_setup), handed to emit(q, value)
// in order: exactly the values and the words of `count` standard_gamma calls, on RandomState's
// MT19937 block cursor.
//
// A Marsaglia-Tsang attempt takes one gaussian (from the cache, or a new polar pair whose
// rejections depend only on its words), then V = 1 + cX; if V <= 0 it starts again, else it
// draws U and is accepted or starts again. Whatever the outcome and the shape, an attempt with
// V > 0 takes a gaussian and then U. So up to K attempts are drawn first, in stream order, from
// the rest of the cursor's block (block_reader: no refill, an attempt that would cross the end is
// left out; when not even the first fits, one gamma runs the scalar kernel, which refills). The
// polar logs and the logs of the attempts the squeeze rejects (log(V) for the shape the attempt
// would serve if every attempt before it were accepted) go through detail::log_batch (bit for bit
// the C library's); then the attempts are judged in order, each for the gamma not yet served
// (log(V) recomputed where a rejection shifted the shape). At an attempt with V <= 0, which drew
// no U, the batch ends: the cursor goes back to just after its gaussian, the gaussian cache to
// its state there, and the next batch resumes with the same gamma. (An exponential shape among
// them was tried and measured: the batches then have to end at every rejection, and the waste
// ate the gain; docs/benchmarks.md.)
template <class BitGen, class Emit>
void legacy_gammas_batched(legacy::AugBitGen<BitGen>& aug, const gamma_mt* shapes,
                           const double* raw_shapes, std::size_t nshapes, std::size_t count,
                           Emit&& emit) noexcept {
  constexpr std::size_t K = 128;
  double x1s[K], x2s[K], r2s[K], us[K], g[2 * K + 1], vs[K], lg[2 * K];
  bool sq[K];
  int pos_g[K], cache_g[K];
  BitGen& cursor = aug.bitgen();
  std::size_t done = 0, s0 = 0;  // s0 = done % nshapes
  while (done < count) {
    const std::size_t want = count - done < K ? count - done : K;
    // ---- the draws: attempt r takes gaussian g[r] (g[0]: the cached one, if any) and U
    auto bg = cursor.reader();
    int cache = aug.has_gauss;
    const std::size_t off = cache ? 1 : 0;
    g[0] = aug.gauss;
    std::size_t np = 0, R = 0;
    for (; R < want; ++R) {
      if (bg.left() < 6) break;  // room for a polar candidate and U (checked after rejections)
      if (cache) {
        cache = 0;
      } else {
        const int start = bg.pos;
        polar_pair p = polar_candidate(bg);
        while (!polar_accepts(p.r2) && bg.left() >= 6) p = polar_candidate(bg);
        if (!polar_accepts(p.r2)) {  // out of room: leave the attempt out
          bg.pos = start;
          break;
        }
        x1s[np] = p.x1;
        x2s[np] = p.x2;
        r2s[np] = p.r2;
        ++np;
        cache = 1;
      }
      pos_g[R] = bg.pos;
      cache_g[R] = cache;
      us[R] = bg.next_double();
    }
    cursor.set_block_pos(bg.pos);
    if (R == 0) {  // the first attempt does not fit in the block: one scalar gamma
      emit(done, standard_gamma_inline(aug, raw_shapes[s0]));
      ++done;
      if (++s0 == nshapes) s0 = 0;
      continue;
    }
    // ---- the gaussians, the squeeze (which does not depend on the shape), the logs it leaves
    detail::log_batch(r2s, lg, np);  // polar_factor's logs, batched
    polar_factors_log(r2s, lg, np);
    for (std::size_t j = 0; j < np; ++j) {
      g[off + 2 * j] = mul(lg[j], x2s[j]);
      g[off + 2 * j + 1] = mul(lg[j], x1s[j]);
    }
    for (std::size_t r = 0; r < R; ++r) sq[r] = gamma_mt_squeeze(us[r], g[r]);
    std::size_t m = 0;
    std::size_t s = s0;
    for (std::size_t r = 0; r < R; ++r) {
      const std::size_t sr = s;
      if (++s == nshapes) s = 0;
      if (sq[r]) continue;
      const double V = 1.0 + mul(shapes[sr].c, g[r]);
      lg[m] = us[r];
      vs[m] = V > 0.0 ? V * V * V : 1.0;
      ++m;
    }
    for (std::size_t h = 0; h < m; ++h) lg[m + h] = vs[h];
    detail::log_batch(lg, lg, 2 * m);
    // ---- the attempts in order; sd: the shape attempt r was drawn for, s: the one it serves
    std::size_t acc = 0, h = 0, sd = s0;
    s = s0;
    for (std::size_t r = 0; r < R; ++r) {
      const gamma_mt& sh = shapes[s];
      const bool same = sd == s;
      if (++sd == nshapes) sd = 0;
      const double X = g[r];
      double V = 1.0 + mul(sh.c, X);
      if (V <= 0.0) {  // no U was drawn for it: back to just after its gaussian
        cursor.set_block_pos(pos_g[r]);
        cache = cache_g[r];
        R = r + 1;  // g[r + 1] is the gaussian cached after it, if any
        break;
      }
      V = V * V * V;
      bool accept = sq[r];
      if (!accept) {
        accept = gamma_mt_log_test(lg[h], X, sh.b, V, same ? lg[m + h] : detail::log(V));
        ++h;
      }
      if (!accept) continue;  // the next attempt serves the same gamma
      emit(done + acc, mul(sh.b, V));
      ++acc;
      if (++s == nshapes) s = 0;
    }
    aug.has_gauss = cache;
    aug.gauss = cache ? g[R] : 0.0;  // the last attempt's pair's second gaussian
    done += acc;
    s0 = s;
  }
}

// The same for shapes raw_shapes[0..nshapes), nshapes <= 2, every one gamma_is_mt.
template <class BitGen, class Emit>
void legacy_gammas_batched(legacy::AugBitGen<BitGen>& aug, const double* raw_shapes,
                           std::size_t nshapes, std::size_t count, Emit&& emit) noexcept {
  gamma_mt sh[2];
  for (std::size_t k = 0; k < nshapes; ++k) sh[k] = gamma_mt_setup(raw_shapes[k]);
  legacy_gammas_batched(aug, sh, raw_shapes, nshapes, count, emit);
}

}  // namespace detail

namespace legacy {

// standard_gamma_fill on RandomState's MT19937 block cursor: the batched Marsaglia-Tsang path when
// it applies, else the plain loop.
template <class BitGen>
void standard_gamma_fill_batched(AugBitGen<BitGen>& aug, double shape, double* out,
                                 std::size_t n) noexcept {
  if (!detail::gamma_is_mt(shape)) {
    standard_gamma_fill(aug, shape, out, n);
    return;
  }
  detail::legacy_gammas_batched(aug, &shape, 1, n, [out](std::size_t k, double v) { out[k] = v; });
}

// legacy_gamma: scale * standard_gamma(shape).
template <class BitGen>
double gamma(AugBitGen<BitGen>& aug, double shape, double scale) noexcept {
  return detail::mul(scale, standard_gamma(aug, shape));
}

// legacy_chisquare: 2 * standard_gamma(df / 2).
template <class BitGen>
double chisquare(AugBitGen<BitGen>& aug, double df) noexcept {
  return detail::mul(2.0, standard_gamma(aug, df / 2.0));
}

// legacy_f: chisquare(dfnum) * dfden / (chisquare(dfden) * dfnum), numerator drawn first (the
// order GCC picks for NumPy's unsequenced C expression).
template <class BitGen>
double f(AugBitGen<BitGen>& aug, double dfnum, double dfden) noexcept {
  const double num = detail::mul(chisquare(aug, dfnum), dfden);
  const double den = detail::mul(chisquare(aug, dfden), dfnum);
  return num / den;
}

// n consecutive f(dfnum, dfden) draws on the MT19937 block cursor: when both halves are
// Marsaglia-Tsang shapes, the gammas of chisquare(dfnum), chisquare(dfden), chisquare(dfnum), ...
// run through the batched engine (as beta_fill_batched); otherwise the plain loop. The same doubles
// as n f() calls.
template <class BitGen>
void f_fill_batched(AugBitGen<BitGen>& aug, double dfnum, double dfden, double* out,
                    std::size_t n) noexcept {
  if (!detail::gamma_is_mt(dfnum / 2.0) || !detail::gamma_is_mt(dfden / 2.0)) {
    for (std::size_t i = 0; i < n; ++i) out[i] = f(aug, dfnum, dfden);
    return;
  }
  const double shapes[2] = {dfnum / 2.0, dfden / 2.0};
  double num = 0.0;
  detail::legacy_gammas_batched(aug, shapes, 2, 2 * n, [&](std::size_t k, double v) {
    if (k % 2 == 0) {
      num = detail::mul(detail::mul(2.0, v), dfden);
    } else {
      out[k / 2] = num / detail::mul(detail::mul(2.0, v), dfnum);
    }
  });
}

// legacy_pareto: exp(E / a) - 1 with the legacy exponential.
template <class BitGen>
double pareto(AugBitGen<BitGen>& aug, double a) noexcept {
  return detail::exp(standard_exponential(aug) / a) - 1;
}

// legacy_weibull: a == 0 -> 0 without a draw; else E^(1/a).
template <class BitGen>
double weibull(AugBitGen<BitGen>& aug, double a) noexcept {
  if (a == 0.0) return 0.0;
  return detail::pow(standard_exponential(aug), 1. / a);
}

// legacy_power: (1 - exp(-E))^(1/a).
template <class BitGen>
double power(AugBitGen<BitGen>& aug, double a) noexcept {
  return detail::pow(1 - detail::exp(-standard_exponential(aug)), 1. / a);
}

// legacy weibull, power and pareto as kernel objects on the bare bit generator (legacy_double is
// its next_double) for bg_method: one value (the kernels above), and the batched fill of the
// sized forms, per block of 256: the doubles in stream order, -log(1 - U) in one
// detail::log_batch, then power: 1 - exp(-E) with one detail::exp_batch and the pow in one
// detail::pow_batch; weibull: the pow; pareto: exp(E / a) in one detail::exp_batch, minus 1 (each
// bit for bit the C library's function). weibull with a == 0: zeros, no draw.
enum class legacy_exp_transform { weibull, power, pareto };
template <legacy_exp_transform T>
struct exp_transform_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double a) const noexcept {
    AugBitGen<BitGen> aug{&bg, 0, 0.0};
    if constexpr (T == legacy_exp_transform::power) return power(aug, a);
    if constexpr (T == legacy_exp_transform::pareto) return pareto(aug, a);
    return weibull(aug, a);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double a) const noexcept {
    if (T == legacy_exp_transform::weibull && a == 0.0) {
      for (std::size_t i = 0; i < n; ++i) out[i] = 0.0;
      return;
    }
    const double y = 1. / a;
    for (std::size_t b = 0; b < n; b += 256) {
      double* v = out + b;
      const std::size_t m = n - b < 256 ? n - b : 256;
      for (std::size_t i = 0; i < m; ++i) v[i] = 1.0 - bg.next_double();  // fma-exact
      detail::log_batch(v, v, m);                                         // log(1 - U) = -E
      if constexpr (T == legacy_exp_transform::power) {
        detail::exp_batch(v, v, m);  // exp(-E): -(-log(1 - U)) is log(1 - U) exactly
        for (std::size_t i = 0; i < m; ++i) v[i] = 1 - v[i];
        detail::pow_batch(v, y, v, m);
      } else if constexpr (T == legacy_exp_transform::pareto) {
        for (std::size_t i = 0; i < m; ++i) v[i] = -v[i] / a;
        detail::exp_batch(v, v, m);
        for (std::size_t i = 0; i < m; ++i) v[i] = v[i] - 1;
      } else {
        for (std::size_t i = 0; i < m; ++i) v[i] = -v[i];
        detail::pow_batch(v, y, v, m);
      }
    }
  }
};
using weibull_kernel = exp_transform_kernel<legacy_exp_transform::weibull>;
using power_kernel = exp_transform_kernel<legacy_exp_transform::power>;
using pareto_kernel = exp_transform_kernel<legacy_exp_transform::pareto>;

// legacy_rayleigh: mode * sqrt(-2 log1p(-U)) (log1p since NumPy 1.21). One double.
template <class BitGen>
double rayleigh(BitGen& bg, double mode) noexcept {
  return detail::mul(mode, detail::sqrt(-2.0 * detail::log1p(-bg.next_double())));
}

// legacy rayleigh as a kernel object: the sized form draws 256 doubles, takes log1p(-U) in one
// detail::log1p_batch (bit for bit the C library's log1p), then the rest of the scalar arithmetic.
struct rayleigh_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double mode) const noexcept {
    return rayleigh(bg, mode);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double mode) const noexcept {
    for (std::size_t b = 0; b < n; b += 256) {
      double* v = out + b;
      const std::size_t m = n - b < 256 ? n - b : 256;
      for (std::size_t i = 0; i < m; ++i) v[i] = -bg.next_double();
      detail::log1p_batch(v, v, m);
      for (std::size_t i = 0; i < m; ++i) v[i] = detail::mul(mode, detail::sqrt(-2.0 * v[i]));
    }
  }
};

// legacy_noncentral_chisquare. nonc == 0: chisquare(df). df > 1: chisquare(df - 1) then
// (gauss + sqrt(nonc))^2. Otherwise a Poisson(nonc / 2) mixture of chisquares (the shared
// random_poisson); the NaN check comes after the draws so the stream is unchanged.
template <class BitGen>
double noncentral_chisquare(AugBitGen<BitGen>& aug, double df, double nonc) noexcept {
  if (nonc == 0) return chisquare(aug, df);
  if (1 < df) {
    const double chi2 = chisquare(aug, df - 1);
    const double n = gauss(aug) + detail::sqrt(nonc);
    return chi2 + detail::mul(n, n);
  }
  const std::int64_t i = distributions::poisson(aug.bitgen(), nonc / 2.0);
  const double out =  // 2 * i wraps as in NumPy's C (i can pass 2^62), without the UB
      chisquare(aug, df + static_cast<double>(nprandom::detail::wrap_mul(2, i)));
  if (detail::isnan(nonc)) return std::numeric_limits<double>::quiet_NaN();
  return out;
}

// RandomState.noncentral_chisquare's kernel object: the value as above; for df <= 1 (the Poisson
// mixture) the fill keeps the Poisson's setup (exp(-lam), or PTRS's) across values
// (distributions::poisson_sampler: the same doubles as distributions::poisson's per-call setup).
struct noncentral_chisquare_kernel : ::nprandom::detail::bulk_kernel {
  template <class BitGen>
  double operator()(AugBitGen<BitGen>& aug, double df, double nonc) const noexcept {
    return noncentral_chisquare(aug, df, nonc);
  }
  template <class BitGen>
  void fill(AugBitGen<BitGen>& aug, double* out, std::size_t n, double df,
            double nonc) const noexcept {
    if (nonc == 0 || 1 < df || detail::isnan(nonc)) {
      for (std::size_t i = 0; i < n; ++i) out[i] = noncentral_chisquare(aug, df, nonc);
      return;
    }
    distributions::poisson_sampler poisson;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t k = poisson(aug.bitgen(), nonc / 2.0);
      out[i] = chisquare(aug, df + static_cast<double>(nprandom::detail::wrap_mul(2, k)));
    }
  }
};

// legacy_noncentral_f: noncentral_chisquare(dfnum, nonc) * dfden / (chisquare(dfden) * dfnum).
template <class BitGen>
double noncentral_f(AugBitGen<BitGen>& aug, double dfnum, double dfden, double nonc) noexcept {
  const double t = detail::mul(noncentral_chisquare(aug, dfnum, nonc), dfden);
  return t / detail::mul(chisquare(aug, dfden), dfnum);
}

// legacy_wald: Michael, Schucany & Haas (1976) with the legacy gauss and the pre-2.4 formula
// X = mean + mean/(2 scale) * (Y - sqrt(4 scale Y + Y^2)), then one double for the choice.
template <class BitGen>
double wald(AugBitGen<BitGen>& aug, double mean, double scale) noexcept {
  const double mu_2l = mean / (2 * scale);
  double Y = gauss(aug);
  Y = mean * Y * Y;
  const double X =
      mean + detail::mul(mu_2l, Y - detail::sqrt(detail::mul(4 * scale, Y) + detail::mul(Y, Y)));
  const double U = legacy_double(aug);
  return ::nprandom::detail::wald_choose(U, mean, X);
}

// legacy_standard_t: gauss first, then standard_gamma(df / 2); sqrt(df/2) * N / sqrt(G).
template <class BitGen>
double standard_t(AugBitGen<BitGen>& aug, double df) noexcept {
  const double num = gauss(aug);
  const double denom = standard_gamma(aug, df / 2);
  return detail::mul(detail::sqrt(df / 2), num) / detail::sqrt(denom);
}

// legacy_standard_cauchy: gauss / gauss, numerator drawn first (GCC's order in NumPy's build).
template <class BitGen>
double standard_cauchy(AugBitGen<BitGen>& aug) noexcept {
  const double num = gauss(aug);
  return num / gauss(aug);
}

// RandomState.standard_cauchy's kernel object: the value as above; the fill takes 2m gaussians
// at a time from gauss_fill (the same gauss() calls in the same order, cache included) and
// divides the pairs, numerator first.
struct standard_cauchy_kernel : ::nprandom::detail::bulk_kernel {
  template <class BitGen>
  double operator()(AugBitGen<BitGen>& aug) const noexcept {
    return standard_cauchy(aug);
  }
  template <class BitGen>
  void fill(AugBitGen<BitGen>& aug, double* out, std::size_t n) const noexcept {
    constexpr std::size_t chunk = 128;
    double g[2 * chunk];
    for (std::size_t i = 0; i < n; i += chunk) {
      const std::size_t m = n - i < chunk ? n - i : chunk;
      gauss_fill(aug, g, 2 * m);
      for (std::size_t j = 0; j < m; ++j) out[i + j] = g[2 * j] / g[2 * j + 1];
    }
  }
};

// legacy_beta. a <= 1 and b <= 1: Johnk's algorithm (U then V; accept X + Y <= 1, with a
// log-sum-exp form when X + Y underflows to 0). Otherwise Ga / (Ga + Gb), Ga drawn first.
template <class BitGen>
double beta(AugBitGen<BitGen>& aug, double a, double b) noexcept {
  if ((a <= 1.0) && (b <= 1.0)) {
    for (;;) {
      const double U = legacy_double(aug);
      const double V = legacy_double(aug);
      const double X = detail::pow(U, 1.0 / a);
      const double Y = detail::pow(V, 1.0 / b);
      if ((X + Y) <= 1.0) return detail::legacy_johnk_value(U, V, X, Y, a, b);
    }
  }
  const double Ga = standard_gamma(aug, a);
  const double Gb = standard_gamma(aug, b);
  return Ga / (Ga + Gb);
}

// n consecutive beta(a, b) draws (RandomState.beta(a, b, size)), identical to n calls; on the
// gamma path both gammas are inlined into the loop.
template <class BitGen>
void beta_fill(AugBitGen<BitGen>& aug, double a, double b, double* out, std::size_t n) noexcept {
  if ((a <= 1.0) && (b <= 1.0)) {
    // Johnk batched by attempt: K = min(rej_batch_block, values still needed) attempts U, V in
    // stream order, X and Y in two detail::pow_batch calls, the attempts scanned in order.
    constexpr std::size_t blk = detail::rej_batch_block;
    double u[blk], v[blk], x[blk], y[blk];
    std::size_t i = 0;
    while (n - i >= detail::rej_batch_min) {
      const std::size_t k = n - i < blk ? n - i : blk;
      for (std::size_t j = 0; j < k; ++j) {
        u[j] = legacy_double(aug);
        v[j] = legacy_double(aug);
      }
      detail::pow_batch(u, 1.0 / a, x, k);
      detail::pow_batch(v, 1.0 / b, y, k);
      for (std::size_t j = 0; j < k; ++j) {
        if ((x[j] + y[j]) <= 1.0)
          out[i++] = detail::legacy_johnk_value(u[j], v[j], x[j], y[j], a, b);
      }
    }
    for (; i < n; ++i) out[i] = beta(aug, a, b);
    return;
  }
  AugBitGen<BitGen> local = aug;
  for (std::size_t i = 0; i < n; ++i) {
    const double Ga = detail::standard_gamma_inline(local, a);
    const double Gb = detail::standard_gamma_inline(local, b);
    out[i] = Ga / (Ga + Gb);
  }
  aug = local;
}

// beta_fill on the MT19937 block cursor: on the gamma path with both shapes > 1
// (Marsaglia-Tsang), the gammas Ga, Gb, Ga, ... run through the batched engine.
template <class BitGen>
void beta_fill_batched(AugBitGen<BitGen>& aug, double a, double b, double* out,
                       std::size_t n) noexcept {
  if (((a <= 1.0) && (b <= 1.0)) || !detail::gamma_is_mt(a) || !detail::gamma_is_mt(b)) {
    beta_fill(aug, a, b, out, n);
    return;
  }
  const double shapes[2] = {a, b};
  double Ga = 0.0;
  detail::legacy_gammas_batched(aug, shapes, 2, 2 * n, [out, &Ga](std::size_t k, double v) {
    if (k % 2 == 0) {
      Ga = v;
    } else {
      out[k / 2] = Ga / (Ga + v);
    }
  });
}

// Whether BitGen is a block cursor legacy_gammas_batched can run on (reader / set_block_pos:
// RandomState's MT19937 block cursor).
template <class BitGen, class = void>
struct has_block_rewind : std::false_type {};
template <class BitGen>
struct has_block_rewind<BitGen, std::void_t<decltype(std::declval<BitGen&>().reader())>>
    : std::true_type {};

// legacy dirichlet's rows (mtrand.pyx): out[i + j] = standard_gamma(alpha[j]) for each row, acc
// the running sum, then every value times 1/acc. On the block cursor, when every alpha is > 1
// (Marsaglia-Tsang), the gammas run through the batched engine (the same doubles).
template <class BitGen>
void dirichlet_fill(AugBitGen<BitGen>& aug, const double* alpha, std::size_t k, double* out,
                    std::size_t total) {
  if constexpr (has_block_rewind<BitGen>::value) {
    bool batch = k != 0 && total >= 2 * k;
    for (std::size_t j = 0; j < k && batch; ++j) batch = detail::gamma_is_mt(alpha[j]);
    if (batch) {
      std::vector<detail::gamma_mt> sh(k);
      for (std::size_t j = 0; j < k; ++j) sh[j] = detail::gamma_mt_setup(alpha[j]);
      double acc = 0.0;
      std::size_t j = 0;
      detail::legacy_gammas_batched(aug, sh.data(), alpha, k, total,
                                    [&](std::size_t q, double v) NPRANDOM_LAMBDA_INLINE {
                                      acc = acc + (out[q] = v);
                                      if (++j == k) {
                                        const double invacc = 1 / acc;
                                        double* row = out + (q + 1 - k);
                                        for (std::size_t c = 0; c < k; ++c)
                                          row[c] = row[c] * invacc;
                                        acc = 0.0;
                                        j = 0;
                                      }
                                    });
      return;
    }
  }
  for (std::size_t i = 0; i < total; i += k) {
    double acc = 0.0;
    for (std::size_t j = 0; j < k; ++j) acc = acc + (out[i + j] = standard_gamma(aug, alpha[j]));
    const double invacc = 1 / acc;
    for (std::size_t j = 0; j < k; ++j) out[i + j] = out[i + j] * invacc;
  }
}

// legacy_vonmises's Best-Fisher regime is Generator's (distributions::vonmises_s,
// vonmises_bf, vonmises_bf_fill: the same doubles). Where s is not > 1 (it rounds to exactly 1
// from kappa ~ 1.7e16 on, and is NaN for kappa ~ 1e300 and inf) the rejection loop can never
// accept: NumPy's RandomState.vonmises never returns there, and RandomState rejects such kappa
// (see docs/reliability.md).
using distributions::vonmises_bf;
using distributions::vonmises_bf_fill;
using distributions::vonmises_s;

// legacy_vonmises: Best & Fisher (1979) without Generator's kappa > 1e6 wrapped-normal fallback.
// NaN kappa -> NaN (no draw); kappa < 1e-8 -> uniform on (-pi, pi) from one double.
template <class BitGen>
double vonmises(BitGen& bg, double mu, double kappa) noexcept {
  if (detail::isnan(kappa)) return std::numeric_limits<double>::quiet_NaN();
  if (kappa < 1e-8) return detail::mul(pi, detail::mul(2.0, bg.next_double()) - 1);
  return vonmises_bf(bg, mu, kappa, vonmises_s(kappa));
}

// RandomState.vonmises's kernel: one value, and the sized fill with s computed once (NumPy
// recomputes it per value).
struct vonmises_kernel : ::nprandom::detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double mu, double kappa) const noexcept {
    return vonmises(bg, mu, kappa);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double mu, double kappa) const noexcept {
    if (!(kappa >= 1e-8)) {
      for (std::size_t i = 0; i < n; ++i) out[i] = vonmises(bg, mu, kappa);
      return;
    }
    vonmises_bf_fill(bg, mu, kappa, vonmises_s(kappa), n, out);
  }
};

// legacy_negative_binomial: poisson(gamma(n, (1 - p) / p)) with the legacy gamma and the shared
// random_poisson. `Memo...`: an optional distributions::loggam_int_memo& for PTRS.
template <class BitGen, class... Memo>
std::int64_t negative_binomial(AugBitGen<BitGen>& aug, double n, double p, Memo&... lg) noexcept {
  const double Y = gamma(aug, n, (1 - p) / p);
  return distributions::poisson(aug.bitgen(), Y, lg...);
}

// RandomState.negative_binomial's kernel: one value, and the sized fill with PTRS's
// loggam(k + 1) kept across values (the same doubles).
struct negative_binomial_kernel : ::nprandom::detail::bulk_kernel {
  template <class Aug>
  std::int64_t operator()(Aug& aug, double n, double p) const noexcept {
    return negative_binomial(aug, n, p);
  }
  template <class Aug>
  void fill(Aug& aug, std::int64_t* out, std::size_t cnt, double n, double p) const noexcept {
    distributions::loggam_int_memo lg;
    for (std::size_t i = 0; i < cnt; ++i) out[i] = negative_binomial(aug, n, p, lg);
  }
};

// legacy_random_poisson: the shared random_poisson (PTRS for lam >= 10, multiplication below).
template <class BitGen>
std::int64_t poisson(BitGen& bg, double lam) noexcept {
  return distributions::poisson(bg, lam);
}

// RandomState.poisson's kernel: one value, and the sized fill of the shared random_poisson with
// its per-lam setup made once (distributions::poisson_fill: the same doubles as per value).
struct poisson_kernel : ::nprandom::detail::bulk_kernel {
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, double lam) const noexcept {
    return poisson(bg, lam);
  }
  template <class BitGen>
  void fill(BitGen& bg, std::int64_t* out, std::size_t n, double lam) const {
    distributions::poisson_fill(bg, lam, out, n);
  }
};

// NumPy's binomial_t: the per-(n, p) setup cached between calls. The values depend only on
// (n, p), so the cache affects speed, never the draws. RandomState keeps one.
struct BinomialCache {
  int has_binomial = 0;
  double psave = 0.0;
  std::int64_t nsave = 0;
  double r = 0.0, q = 0.0, fm = 0.0;
  std::int64_t m = 0;
  double p1 = 0.0, xm = 0.0, xl = 0.0, xr = 0.0, c = 0.0, laml = 0.0, lamr = 0.0, p2 = 0.0,
         p3 = 0.0, p4 = 0.0;
  // Not NumPy's: BINV's probabilities px of X = 0, 1, ..., inv_len - 1 for the cached (n, p),
  // each from the one before by BINV's own expression (so the same doubles as the per-step
  // recomputation), filled in as the searches first reach them. The bound of the inversion path
  // is at most 85 (n p <= 30), so the table always holds it.
  static constexpr int inv_table_size = 96;
  int inv_len = 0;
  double inv_px[inv_table_size] = {};
  // From the second one-value call with the same (n, p) on, inv_px holds BINV's thresholds
  // instead (detail::binv_fill_thresholds; inv_thr), counted by detail::binv_count.
  bool inv_fresh = false;  // the setup was made by the last call
  bool inv_thr = false;
};

}  // namespace legacy

namespace detail {

// The cache's px table for (n, p) complete up to bound (BINV's own expression in its own order);
// thresholds in inv_px are replaced by the table again.
inline void legacy_binv_table(legacy::BinomialCache& bc, std::int64_t n, double p,
                              std::int64_t bound) noexcept {
  if (bc.inv_thr || bc.inv_len < 1) {
    bc.inv_thr = false;
    bc.inv_px[0] = bc.r;
    bc.inv_len = 1;
  }
  for (std::int64_t X = bc.inv_len; X <= bound; ++X)
    bc.inv_px[X] = binomial_inversion_next_px(n, p, bc.q, bc.inv_px[X - 1], X);
  if (bc.inv_len < bound + 1) bc.inv_len = static_cast<int>(bound + 1);
}

// The second call with the same (n, p): BINV's thresholds in place of the table (out of line).
NPRANDOM_NOINLINE inline void legacy_binv_thresholds(legacy::BinomialCache& bc, std::int64_t n,
                                                     double p, std::int64_t bound) noexcept {
  legacy_binv_table(bc, n, p, bound);
  double px[legacy::BinomialCache::inv_table_size];
  std::memcpy(px, bc.inv_px, sizeof px);
  bc.inv_thr = binv_fill_thresholds(px, bound, bc.inv_px);
}

// legacy_random_binomial_inversion (BINV). Always draws at least one double, even for n == 0 or
// p == 0 (the frozen behaviour NumPy's test_n_zero_stream pins).
template <class BitGen>
std::int64_t legacy_binomial_inversion(BitGen& bg, std::int64_t n, double p,
                                       legacy::BinomialCache& bc) noexcept {
  double q, qn;
  std::int64_t bound;
  if (!bc.has_binomial || bc.nsave != n || bc.psave != p) {
    bc.nsave = n;
    bc.psave = p;
    bc.has_binomial = 1;
    bc.inv_fresh = true;
    bc.inv_thr = false;
    bc.q = q = 1.0 - p;
    bc.r = qn = detail::exp(static_cast<double>(n) * detail::log(q));
    const double np = mul(static_cast<double>(n), p);
    bc.c = np;
    const double lim = np + mul(10.0, detail::sqrt(mul(np, q) + 1));
    const double dn = static_cast<double>(n);
    bc.m = bound = trunc_int64_x86(dn < lim ? dn : lim);
    bc.inv_px[0] = qn;
    bc.inv_len = 1;
  } else {
    q = bc.q;
    qn = bc.r;
    bound = bc.m;
  }
  std::int64_t X = 0;
  if (bc.inv_thr) {
    return binv_count(
        bg.next_double(), [&bg]() NPRANDOM_LAMBDA_INLINE { return bg.next_double(); }, bc.inv_px,
        bound);
  }
  if (NPRANDOM_LIKELY(bound < legacy::BinomialCache::inv_table_size)) {
    // BINV's search against the cached px table (RandomState keeps it between scalar calls):
    // the same comparisons and subtractions, one multiply-divide per X only the first time X is
    // reached for this (n, p).
    double* const tab = bc.inv_px;
    std::int64_t len = bc.inv_len;
    double U = bg.next_double();
    while (U > tab[X]) {
      X++;
      if (X > bound) {
        X = 0;
        U = bg.next_double();
      } else {
        U -= tab[X - 1];
        if (X >= len) {
          tab[X] = detail::binomial_inversion_next_px(n, p, q, tab[X - 1], X);
          len = X + 1;
        }
      }
    }
    bc.inv_len = static_cast<int>(len);
    if (bc.inv_fresh) {
      bc.inv_fresh = false;
    } else if (bound + 1 + binv_count_chunk <= legacy::BinomialCache::inv_table_size) {
      legacy_binv_thresholds(bc, n, p, bound);
    }
    return X;
  }
  double px = qn;
  double U = bg.next_double();
  while (U > px) {
    X++;
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

// legacy_random_binomial_btpe: Kachitvichyanukul & Schmeiser (1988) BTPE, frozen with the
// original Stirling-correction error (constant 13680 and all four terms added). Two doubles per
// attempt.
// The setup, kept in the cache between calls with the same (n, p).
inline void legacy_binomial_btpe_setup(std::int64_t n, double p,
                                       legacy::BinomialCache& bc) noexcept {
  double r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3;
  std::int64_t m;
  if (!bc.has_binomial || bc.nsave != n || bc.psave != p) {
    bc.nsave = n;
    bc.psave = p;
    bc.has_binomial = 1;
    bc.inv_len = 0;  // BTPE's setup: no BINV table
    bc.inv_thr = false;
    bc.r = r = p < 1.0 - p ? p : 1.0 - p;
    bc.q = q = 1.0 - r;
    bc.fm = fm = detail::mul(static_cast<double>(n), r) + r;
    bc.m = m = trunc_int64_x86(detail::floor(bc.fm));
    bc.p1 = p1 = detail::floor(detail::mul(2.195, detail::sqrt(static_cast<double>(n) * r * q)) -
                               detail::mul(4.6, q)) +
                 0.5;
    bc.xm = xm = static_cast<double>(m) + 0.5;
    bc.xl = xl = xm - p1;
    bc.xr = xr = xm + p1;
    bc.c = c = 0.134 + 20.5 / (15.3 + static_cast<double>(m));
    double a = (fm - xl) / (fm - detail::mul(xl, r));
    bc.laml = laml = detail::mul(a, 1.0 + detail::rounded(a / 2.0));
    a = (xr - fm) / (xr * q);
    bc.lamr = lamr = detail::mul(a, 1.0 + detail::rounded(a / 2.0));
    bc.p2 = p2 = detail::mul(p1, 1.0 + detail::mul(2.0, c));
    bc.p3 = p3 = p2 + c / laml;
    bc.p4 = p3 + c / lamr;
  }
}

// Step 50's F and Step 52's right-hand side for candidate y: functions of y and the setup only
// (not of the uniforms), so the sized fill may memoise them (legacy_btpe_memo).
struct legacy_btpe_direct {
  const legacy::BinomialCache& bc;
  std::int64_t n;
  double step50(std::int64_t y) const noexcept {
    const double r = bc.r, q = bc.q;
    const std::int64_t m = bc.m;
    const double s = r / q;
    const double a = s * static_cast<double>(nprandom::detail::wrap_add(n, 1));
    double F = 1.0;
    if (m < y) {
      for (std::int64_t i = m + 1; i <= y; i++) F = detail::mul(F, a / static_cast<double>(i) - s);
    } else if (m > y) {
      for (std::int64_t i = y + 1; i <= m; i++) F /= (a / static_cast<double>(i) - s);
    }
    return F;
  }
  double step52(std::int64_t y) const noexcept {
    const double r = bc.r, q = bc.q, xm = bc.xm;
    const std::int64_t m = bc.m;
    const double dn = static_cast<double>(n);
    const double dm = static_cast<double>(m);
    const double x1 = static_cast<double>(y) + 1;
    const double f1 = dm + 1;
    const double z = dn + 1 - dm;
    const double w = dn - static_cast<double>(y) + 1;
    const double x2 = x1 * x1;
    const double f2 = f1 * f1;
    const double z2 = z * z;
    const double w2 = w * w;
    return (detail::mul(xm, detail::log(f1 / x1)) +
            detail::mul(static_cast<double>(n - m) + 0.5, detail::log(z / w)) +
            detail::mul(static_cast<double>(y - m), detail::log(w * r / (x1 * q))) +
            (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320. +
            (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320. +
            (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320. +
            (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.);
  }
};

// legacy_btpe_direct's values memoised on first use for |y - m| <= window (identical numbers,
// each computed once per sized call).
struct legacy_btpe_memo {
  legacy_btpe_direct direct;
  std::int64_t lo, window;
  std::vector<double> f50, r52;
  legacy_btpe_memo(const legacy::BinomialCache& bc, std::int64_t n, std::int64_t window_)
      : direct{bc, n},
        lo(bc.m - window_),
        window(window_),
        f50(static_cast<std::size_t>(2 * window_ + 1), std::numeric_limits<double>::quiet_NaN()),
        r52(f50) {}
  double step50(std::int64_t y) noexcept {
    return get(f50, y, [&] { return direct.step50(y); });
  }
  double step52(std::int64_t y) noexcept {
    return get(r52, y, [&] { return direct.step52(y); });
  }

 private:
  template <class F>
  double get(std::vector<double>& t, std::int64_t y, F&& f) noexcept {
    const std::int64_t d = y - lo;
    if (d < 0 || d > 2 * window) return f();
    double& slot = t[static_cast<std::size_t>(d)];
    if (detail::isnan(slot)) slot = f();
    return slot;
  }
};

// legacy_random_binomial_btpe's sampling loop on a prepared cache; `terms` is legacy_btpe_direct
// or legacy_btpe_memo (same values).
template <class BitGen, class Terms>
std::int64_t legacy_binomial_btpe_draw(BitGen& bg, std::int64_t n, double p,
                                       const legacy::BinomialCache& bc, Terms& terms) noexcept {
  const double r = bc.r, q = bc.q, p1 = bc.p1, xm = bc.xm, xl = bc.xl, xr = bc.xr, c = bc.c,
               laml = bc.laml, lamr = bc.lamr, p2 = bc.p2, p3 = bc.p3, p4 = bc.p4;
  const std::int64_t m = bc.m;
  const double dn = static_cast<double>(n);
  const double dm = static_cast<double>(m);
  std::int64_t y;
  for (;;) {  // Step 10
    const double nrq = dn * r * q;
    const double u = detail::mul(bg.next_double(), p4);
    double v = bg.next_double();
    if (u <= p1) {
      y = trunc_int64_x86(detail::floor(xm - detail::mul(p1, v) + u));
      break;  // Step 60
    }
    if (u <= p2) {  // Step 20
      const double x = xl + (u - p1) / c;
      v = detail::mul(v, c) + 1.0 - detail::fabs(dm - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = trunc_int64_x86(detail::floor(x));
    } else if (u <= p3) {  // Step 30
      y = trunc_int64_x86(detail::floor(xl + detail::log(v) / laml));
      if ((y < 0) || (v == 0.0)) continue;
      v = detail::mul(v * (u - p2), laml);
    } else {  // Step 40
      y = trunc_int64_x86(detail::floor(xr - detail::log(v) / lamr));
      if ((y > n) || (v == 0.0)) continue;
      v = detail::mul(v * (u - p3), lamr);
    }
    // Step 50
    const std::int64_t k = y - m < 0 ? m - y : y - m;
    const double dk = static_cast<double>(k);
    if (!((k > 20) && (dk < (detail::rounded((nrq) / 2.0) - 1)))) {
      if (v > terms.step50(y)) continue;
      break;  // Step 60
    }
    // Step 52
    const double rho = detail::mul(
        dk / (nrq), (detail::mul(dk, dk / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    // -k * k wraps as in NumPy's C when k > ~3.04e9 (n near INT64_MAX), without the UB
    const double t =
        static_cast<double>(nprandom::detail::wrap_mul(nprandom::detail::wrap_neg(k), k)) /
        (2 * nrq);
    const double A = detail::log(v);
    if (A < (t - rho)) break;
    if (A > (t + rho)) continue;
    if (A > terms.step52(y)) {
      continue;
    }
    break;
  }
  // Step 60
  if (p > 0.5) y = n - y;
  return y;
}

template <class BitGen>
std::int64_t legacy_binomial_btpe(BitGen& bg, std::int64_t n, double p,
                                  legacy::BinomialCache& bc) noexcept {
  legacy_binomial_btpe_setup(n, p, bc);
  legacy_btpe_direct terms{bc, n};
  return legacy_binomial_btpe_draw(bg, n, p, bc, terms);
}

}  // namespace detail

namespace legacy {

// legacy_random_binomial: inversion when min(p, 1-p) * n <= 30, else BTPE; for p > 0.5 it draws
// for 1 - p and returns n - X. No n == 0 / p == 0 shortcut: those still consume one double.
template <class BitGen>
std::int64_t binomial(BitGen& bg, double p, std::int64_t n, BinomialCache& bc) noexcept {
  if (p <= 0.5) {
    if (p * static_cast<double>(n) <= 30.0) return detail::legacy_binomial_inversion(bg, n, p, bc);
    return detail::legacy_binomial_btpe(bg, n, p, bc);
  }
  const double q = 1.0 - p;
  if (q * static_cast<double>(n) <= 30.0)
    return n - detail::legacy_binomial_inversion(bg, n, q, bc);
  return n - detail::legacy_binomial_btpe(bg, n, q, bc);
}

// n consecutive legacy binomial(n, p) draws (NumPy's size=count), identical to count calls of
// binomial() with the same cache: the first draw goes through binomial() (and sets the cache up
// exactly as NumPy's first call does). On the inversion path the probabilities px of X = 0, 1,
// ..., bound depend only on (n, p), so they are computed once, with BINV's own expression in its
// own order, into a table; each draw then runs BINV's search (U -= px, same subtractions) against
// the table instead of recomputing one multiply-divide per step. BTPE draws stay per value.
template <class BitGen>
void binomial_fill(BitGen& bg, double p, std::int64_t n, BinomialCache& bc, std::int64_t* out,
                   std::size_t count) noexcept {
  if (count == 0) return;
  out[0] = binomial(bg, p, n, bc);
  const bool flip = !(p <= 0.5);
  const double pp = flip ? 1.0 - p : p;
  if (!(pp * static_cast<double>(n) <= 30.0)) {
    // BTPE: the cache holds the setup for (n, pp); Step 50's F and Step 52's bound memoised
    // per candidate y within 8 sd of the mode (at most 2048 and count each side).
    const double wd = detail::mul(8.0, detail::sqrt(static_cast<double>(n) * bc.r * bc.q)) + 21;
    const double cap = static_cast<double>(count < 2048 ? count : 2048);
    detail::legacy_btpe_memo terms(bc, n, static_cast<std::int64_t>(wd < cap ? wd : cap));
    for (std::size_t i = 1; i < count; ++i) {
      const std::int64_t y = detail::legacy_binomial_btpe_draw(bg, n, pp, bc, terms);
      out[i] = flip ? n - y : y;
    }
    return;
  }
  if (bc.m >= BinomialCache::inv_table_size || bc.m < 0) {
    for (std::size_t i = 1; i < count; ++i) out[i] = binomial(bg, p, n, bc);
    return;
  }
  // The cache now holds (q, qn, bound) for (n, pp), as binomial_inversion left it, and the px
  // table as far as the first draw's search reached: completed up to the bound here.
  const std::int64_t bound = bc.m;
  detail::legacy_binv_table(bc, n, pp, bound);  // (the table again where it held thresholds)
  detail::binv_search_fill(bg, bc.inv_px, bound, n, flip, out + 1, count - 1);
}

}  // namespace legacy

namespace detail {

// random_hypergeometric_hyp (legacy): the HYP algorithm of Kachitvichyanukul & Schmeiser (1985)
// for 1 <= sample <= 10. One double per step. Its named pieces: the setup (d1, d2), one step of
// y with the step's uniform u at countdown k, and the value from the final y.
struct legacy_hyp_setup {
  std::int64_t d1;  // bad + good - sample
  double d2;        // min(bad, good)
  legacy_hyp_setup(std::int64_t good, std::int64_t bad, std::int64_t sample) noexcept
      : d1(bad + good - sample), d2(static_cast<double>(bad < good ? bad : good)) {}
  // True when every value takes exactly `sample` doubles: with d2 <= d1, y / (d1 + k) < 1, so a
  // step takes at most 1 from y, and with d2 >= sample y stays >= d2 - (sample - 1) > 0 before
  // every step (the loop ends on its countdown, never on y).
  bool fixed_draws(std::int64_t sample) const noexcept {
    return d2 >= static_cast<double>(sample) && d2 <= static_cast<double>(d1);
  }
};
NPRANDOM_ALWAYS_INLINE double legacy_hyp_step(double y, double u, std::int64_t d1,
                                              std::int64_t k) noexcept {
  const double x = u + y / static_cast<double>(d1 + k);  // >= 0: u >= 0, y > 0, d1 + k >= 1
  // floor then the x86 conversion; below 2^63 that is the truncating conversion alone (no
  // floor() library call at -O2 without SSE4.1).
  return y - static_cast<double>(x < 9223372036854775808.0 ? static_cast<std::int64_t>(x)
                                                           : trunc_int64_x86(detail::floor(x)));
}
NPRANDOM_ALWAYS_INLINE std::int64_t legacy_hyp_value(double y, const legacy_hyp_setup& st,
                                                     std::int64_t good, std::int64_t bad,
                                                     std::int64_t sample) noexcept {
  const std::int64_t z = trunc_int64_x86(st.d2 - y);
  return good > bad ? sample - z : z;
}
template <class BitGen>
std::int64_t legacy_hypergeometric_hyp(BitGen& bg, std::int64_t good, std::int64_t bad,
                                       std::int64_t sample) noexcept {
  const legacy_hyp_setup st(good, bad, sample);
  double y = st.d2;
  std::int64_t k = sample;
  while (y > 0.0) {
    y = legacy_hyp_step(y, bg.next_double(), st.d1, k);
    k--;
    if (k == 0) break;
  }
  return legacy_hyp_value(y, st, good, bad, sample);
}
// cnt HYP values when st.fixed_draws(sample): the doubles of 64 values first (value j's sample
// doubles in a row, as the loop draws them), then 8 values' y chains side by side (a step's
// division and conversions wait for the previous step: one chain at a time runs at their
// latency). The same steps on the same doubles, so the same values and draws.
template <class BitGen>
void legacy_hypergeometric_hyp_fixed_fill(BitGen& bg, const legacy_hyp_setup& st, std::int64_t good,
                                          std::int64_t bad, std::int64_t sample, std::int64_t* out,
                                          std::size_t cnt) noexcept {
  constexpr std::size_t block = 64, lanes = 8;
  const auto per = static_cast<std::size_t>(sample);  // 1..10
  double u[block * 10];
  for (std::size_t b = 0; b < cnt; b += block) {
    const std::size_t m = cnt - b < block ? cnt - b : block;
    if constexpr (has_fill_doubles<BitGen>::value) {
      bg.fill_doubles(u, m * per);
    } else {
      for (std::size_t j = 0; j < m * per; ++j) u[j] = bg.next_double();
    }
    for (std::size_t v = 0; v < m; v += lanes) {
      const std::size_t L = m - v < lanes ? m - v : lanes;
      double y[lanes];
      for (std::size_t l = 0; l < lanes; ++l) y[l] = st.d2;
      const double* uv = u + v * per;
      for (std::size_t s = 0; s < per; ++s) {
        const std::int64_t k = sample - static_cast<std::int64_t>(s);
        for (std::size_t l = 0; l < L; ++l) y[l] = legacy_hyp_step(y[l], uv[l * per + s], st.d1, k);
      }
      for (std::size_t l = 0; l < L; ++l)
        out[b + v + l] = legacy_hyp_value(y[l], st, good, bad, sample);
    }
  }
}

// The per-(good, bad, sample) setup of random_hypergeometric_hrua (legacy), computed as NumPy
// computes it on every call (the same doubles every time); gp(Z) is the sum of the four
// log-gammas that the attempt subtracts from d10.
struct legacy_hrua_setup {
  std::int64_t good = 0, bad = 0, sample = 0, mingoodbad = 0, maxgoodbad = 0, m = 0;
  double d6 = 0, d8 = 0, d10 = 0, d11 = 0, d7 = 0;

  legacy_hrua_setup() noexcept = default;  // made before use (kept_setup)

  legacy_hrua_setup(std::int64_t good_, std::int64_t bad_, std::int64_t sample_) noexcept
      : good(good_), bad(bad_), sample(sample_) {
    using distributions::loggam;
    constexpr double D1 = 1.7155277699214135;  // 2*sqrt(2/e)
    constexpr double D2 = 0.8989161620588988;  // 3 - 2*sqrt(3/e)
    mingoodbad = good < bad ? good : bad;
    const std::int64_t popsize = good + bad;
    maxgoodbad = good > bad ? good : bad;
    m = sample < popsize - sample ? sample : popsize - sample;
    const double d4 = static_cast<double>(mingoodbad) / static_cast<double>(popsize);
    const double d5 = 1.0 - d4;
    d6 = mul(static_cast<double>(m), d4) + 0.5;
    d7 = detail::sqrt(static_cast<double>(popsize - m) * static_cast<double>(sample) * d4 * d5 /
                          static_cast<double>(popsize - 1) +
                      0.5);
    d8 = mul(D1, d7) + D2;
    const std::int64_t d9 = trunc_int64_x86(
        detail::floor(static_cast<double>(m + 1) * static_cast<double>(mingoodbad + 1) /
                      static_cast<double>(nprandom::detail::wrap_add(popsize, 2))));
    d10 = (loggam(static_cast<double>(d9 + 1)) + loggam(static_cast<double>(mingoodbad - d9 + 1)) +
           loggam(static_cast<double>(m - d9 + 1)) +
           loggam(static_cast<double>(maxgoodbad - m + d9 + 1)));
    const double mmin = static_cast<double>(m < mingoodbad ? m : mingoodbad) + 1.0;
    const double fl = detail::floor(d6 + mul(16.0, d7));
    d11 = mmin < fl ? mmin : fl;
  }

  double gp(std::int64_t Z) const noexcept {
    using distributions::loggam;
    return loggam(static_cast<double>(Z + 1)) + loggam(static_cast<double>(mingoodbad - Z + 1)) +
           loggam(static_cast<double>(m - Z + 1)) +
           loggam(static_cast<double>(maxgoodbad - m + Z + 1));
  }
};

// random_hypergeometric_hrua (legacy): Stadlober's HRUA ratio-of-uniforms (1989) with the old
// random_loggam based log-factorials. Two doubles per attempt. `gp(Z)` must return st.gp(Z)
// (the sized fill memoises it).
template <class BitGen, class Gp>
std::int64_t legacy_hypergeometric_hrua(BitGen& bg, const legacy_hrua_setup& st, Gp&& gp) noexcept {
  std::int64_t Z;
  for (;;) {
    const double X = bg.next_double();
    const double Y = bg.next_double();
    const double W = st.d6 + st.d8 * (Y - 0.5) / X;
    if ((W < 0.0) || (W >= st.d11)) continue;
    Z = trunc_int64_x86(detail::floor(W));
    const double T = st.d10 - gp(Z);
    if ((mul(X, 4.0 - X) - 3.0) <= T) break;
    if (X * (X - T) >= 1) continue;
    if (2.0 * detail::log(X) <= T) break;
  }
  if (st.good > st.bad) Z = st.m - Z;
  if (st.m < st.sample) Z = st.good - Z;
  return Z;
}

template <class BitGen>
std::int64_t legacy_hypergeometric_hrua(BitGen& bg, std::int64_t good, std::int64_t bad,
                                        std::int64_t sample) noexcept {
  const legacy_hrua_setup st(good, bad, sample);
  return legacy_hypergeometric_hrua(bg, st, [&st](std::int64_t Z) { return st.gp(Z); });
}

}  // namespace detail

namespace legacy {

// legacy_random_hypergeometric: HRUA for sample > 10, HYP for 1..10, 0 (no draw) otherwise.
template <class BitGen>
std::int64_t hypergeometric(BitGen& bg, std::int64_t good, std::int64_t bad,
                            std::int64_t sample) noexcept {
  if (sample > 10) return detail::legacy_hypergeometric_hrua(bg, good, bad, sample);
  if (sample > 0) return detail::legacy_hypergeometric_hyp(bg, good, bad, sample);
  return 0;
}

// RandomState.hypergeometric's one-value calls: the HRUA setup kept between calls with the same
// (good, bad, sample); the values are those of hypergeometric(bg, good, bad, sample).
class hypergeometric_sampler {
 public:
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, std::int64_t good, std::int64_t bad, std::int64_t sample) {
    if (!(sample > 10)) return hypergeometric(bg, good, bad, sample);
    return hrua_(
        bg, good, bad, sample,
        [](BitGen& e, const detail::legacy_hrua_setup& st, const auto& gp) {
          return detail::legacy_hypergeometric_hrua(e, st, gp);
        },
        [](const detail::legacy_hrua_setup& st) { return static_cast<std::int64_t>(st.d6); },
        [](const detail::legacy_hrua_setup& st) { return st.d7; });
  }

 private:
  distributions::hrua_kept<detail::legacy_hrua_setup> hrua_;
};

// RandomState.hypergeometric's kernel: one value, and the sized fill with the HRUA setup made
// once and its log-gamma sums memoised per candidate Z near the mode (the same doubles as
// NumPy's per-call setup and per-attempt sums).
struct hypergeometric_kernel : ::nprandom::detail::bulk_kernel {
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, std::int64_t good, std::int64_t bad,
                          std::int64_t sample) const noexcept {
    return hypergeometric(bg, good, bad, sample);
  }
  template <class BitGen>
  void fill(BitGen& bg, std::int64_t* out, std::size_t cnt, std::int64_t good, std::int64_t bad,
            std::int64_t sample) const {
    if (sample > 0 && !(sample > 10) && cnt >= 16) {
      const detail::legacy_hyp_setup hs(good, bad, sample);
      if (hs.fixed_draws(sample)) {
        detail::legacy_hypergeometric_hyp_fixed_fill(bg, hs, good, bad, sample, out, cnt);
        return;
      }
    }
    if (!(sample > 10) || cnt < 64) {
      for (std::size_t i = 0; i < cnt; ++i) out[i] = hypergeometric(bg, good, bad, sample);
      return;
    }
    const detail::legacy_hrua_setup st(good, bad, sample);
    // Z lies in [0, d11); memoise [d6 - w, d6 + w] with w <= 2048 and <= cnt.
    distributions::hrua_gp_memo memo;
    memo.reset(static_cast<std::int64_t>(st.d6), st.d7, cnt < 2048 ? cnt : 2048);
    const auto plain = [&st](std::int64_t Z) { return st.gp(Z); };
    for (std::size_t i = 0; i < cnt; ++i) {
      out[i] = detail::legacy_hypergeometric_hrua(bg, st,
                                                  [&](std::int64_t Z) { return memo(Z, plain); });
    }
  }
};

// legacy_random_zipf: the frozen copy (NumPy 2.1+) of the 1.24 Devroye rejection sampler:
// U = 1 - next_double, then V, X = floor(U^(-1/(a-1))); rejects X > 2^63 or X < 1. Loops
// forever for a >= 1025, exactly like NumPy's RandomState.zipf.
// `zipf_from` takes the per-a setup am1 = a - 1, b = 2^am1 and -1/am1 (NumPy recomputes them
// per value / per attempt; the sized fill makes them once, the same doubles).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::int64_t zipf_from(BitGen& bg, double am1, double b,
                                              double neg_inv_am1) noexcept {
  for (;;) {
    const double U = 1.0 - bg.next_double();  // fma-exact
    const double V = bg.next_double();
    const double X = detail::floor(detail::pow(U, neg_inv_am1));
    if (::nprandom::detail::zipf_rejects(X)) continue;
    const double T = detail::pow(1.0 + 1.0 / X, am1);
    if (::nprandom::detail::zipf_accepts(V, X, T, b)) return nprandom::detail::trunc_int64_x86(X);
  }
}

// The per-a setup as a prepared sampler (detail::prepared_kernel): one value prepares and
// draws; the sized fill prepares once and batches the attempts (detail::zipf_fill_batched, with
// the legacy U = 1 - U01).
struct zipf_sampler {
  static constexpr bool batched_fill = true;
  double am1 = 0, b = 0, neg_inv_am1 = 0;
  zipf_sampler() noexcept = default;  // prepared before use (kept_setup)
  explicit zipf_sampler(double a) noexcept
      : am1(a - 1.0), b(detail::pow(2.0, am1)), neg_inv_am1(-1.0 / am1) {}
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE std::int64_t operator()(BitGen& bg) const noexcept {
    return zipf_from(bg, am1, b, neg_inv_am1);
  }
  template <class BitGen>
  void fill(BitGen& bg, std::int64_t* out, std::size_t n) const noexcept {
    ::nprandom::detail::zipf_fill_batched(
        bg, am1, b, neg_inv_am1, n, out, [](double U01) { return 1.0 - U01; },
        [this](auto& s) { return zipf_from(s, am1, b, neg_inv_am1); });
  }
};

template <class BitGen>
std::int64_t zipf(BitGen& bg, double a) noexcept {
  return zipf_sampler(a)(bg);
}

// RandomState.zipf's kernel: one value, and the sized fill with the setup made once.
using zipf_kernel = ::nprandom::detail::prepared_kernel<zipf_sampler>;

// The legacy geometric inversion (long)ceil(log1p(-U) / log(1 - p)) -- INT64_MIN when that
// overflows, as on x86-64: its per-p setup log(1 - p), the value from log1p(-U), one draw.
struct geometric_inversion_step {
  static double setup(double p) noexcept { return detail::log(1 - p); }
  static std::int64_t from_log(double log1p_neg_u, double l) noexcept {
    return nprandom::detail::trunc_int64_x86(detail::ceil(log1p_neg_u / l));
  }
  template <class BitGen>
  static std::int64_t draw(BitGen& bg, double l) noexcept {
    return from_log(detail::log1p(-bg.next_double()), l);
  }
};

// legacy_random_geometric: the shared search for p >= 1/3, else the legacy inversion.
template <class BitGen>
std::int64_t geometric(BitGen& bg, double p) noexcept {
  if (p >= 0.333333333333333333333333) return distributions::geometric_search(bg, p);
  return geometric_inversion_step::draw(bg, geometric_inversion_step::setup(p));
}

// RandomState.geometric's one-value calls with the per-p setup kept (the shared sampler).
using geometric_sampler = distributions::geometric_sampler_of<geometric_inversion_step>;

// RandomState.geometric's kernel: one value; the fill searches the tabulated partial sums for
// p >= 1/3 (distributions::geometric_search_table, as Generator.geometric) and runs the inversion
// in blocks: the doubles in stream order, log1p(-U) in one detail::log1p_batch (bit for bit the
// C library's log1p), the divisor log(1 - p) once (the C library gives the same value each time).
struct geometric_kernel : ::nprandom::detail::bulk_kernel {
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, double p) const noexcept {
    return geometric(bg, p);
  }
  template <class BitGen>
  void fill(BitGen& bg, std::int64_t* out, std::size_t n, double p) const noexcept {
    if (p >= 0.333333333333333333333333) {
      const distributions::geometric_search_table t(p);
      for (std::size_t i = 0; i < n; ++i) out[i] = t.draw(bg);
      return;
    }
    const double l = geometric_inversion_step::setup(p);
    constexpr std::size_t block = 256;
    double v[block];
    for (std::size_t b = 0; b < n; b += block) {
      const std::size_t m = n - b < block ? n - b : block;
      if constexpr (::nprandom::detail::has_fill_doubles<BitGen>::value) {
        bg.fill_doubles(v, m);
      } else {
        for (std::size_t j = 0; j < m; ++j) v[j] = bg.next_double();
      }
      for (std::size_t j = 0; j < m; ++j) v[j] = -v[j];
      detail::log1p_batch(v, v, m);
      for (std::size_t j = 0; j < m; ++j) out[b + j] = geometric_inversion_step::from_log(v[j], l);
    }
  }
};

// legacy_logseries: Kemp's (1981) algorithm with r = log(1 - p), q = 1 - exp(r U).
// `logseries_from` takes r, the per-p setup (the sized fill computes it once: the C library
// gives the same value every time; NumPy recomputes it per value).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::int64_t logseries_from(BitGen& bg, double p, double r) noexcept {
  for (;;) {
    const double V = bg.next_double();
    if (V >= p) return 1;
    const double U = bg.next_double();
    const double q = 1.0 - detail::exp(r * U);
    if (V <= q * q) {
      const std::int64_t result =
          nprandom::detail::trunc_int64_x86(detail::floor(1 + detail::log(V) / detail::log(q)));
      if ((result < 1) || (V == 0.0)) continue;
      return result;
    }
    if (V >= q) return 1;
    return 2;
  }
}

// The per-p setup r = log(1 - p).
inline double logseries_setup(double p) noexcept { return detail::log(1.0 - p); }

template <class BitGen>
std::int64_t logseries(BitGen& bg, double p) noexcept {
  return logseries_from(bg, p, logseries_setup(p));
}

// RandomState.logseries's kernel: one value, and the sized fill with r computed once.
struct logseries_kernel : ::nprandom::detail::bulk_kernel {
  template <class BitGen>
  std::int64_t operator()(BitGen& bg, double p) const noexcept {
    return logseries(bg, p);
  }
  template <class BitGen>
  void fill(BitGen& bg, std::int64_t* out, std::size_t n, double p) const noexcept {
    const double r = logseries_setup(p);
    ::nprandom::detail::logseries_fill_batched(
        bg, p, r, n, out,
        [](double* t, std::size_t m) {
          ::nprandom::detail::exp_batch(t, t, m);
          for (std::size_t h = 0; h < m; ++h) t[h] = 1.0 - t[h];
        },
        [](double log_v, double log_q) {
          return nprandom::detail::trunc_int64_x86(detail::floor(1 + log_v / log_q));
        },
        [p, r](auto& s) { return logseries_from(s, p, r); });
  }
};

// legacy_random_multinomial (NumPy 2.5): conditional binomials with the legacy binomial, so a
// zero probability or a zero remaining count still consumes one double. Stops as soon as the
// remaining count reaches 0; the last category gets what is left. `out` (d values) must be
// zeroed by the caller, as NumPy's np.zeros does.
template <class BitGen>
void multinomial(BitGen& bg, std::int64_t n, std::int64_t* out, const double* pix, std::size_t d,
                 BinomialCache& bc) noexcept {
  double remaining_p = 1.0;
  std::int64_t dn = n;
  for (std::size_t j = 0; j + 1 < d; j++) {
    out[j] = binomial(bg, pix[j] / remaining_p, dn, bc);
    dn = dn - out[j];
    if (dn <= 0) break;
    remaining_p -= pix[j];
  }
  if (dn > 0 && d > 0) out[d - 1] = dn;
}

// The legacy binomial for detail::multinomial_setups: a BinomialCache per setup slot.
struct cache_draw {
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE std::int64_t operator()(BitGen& bg, std::int64_t n, double p,
                                                 BinomialCache& c) const noexcept {
    return binomial(bg, p, n, c);
  }
};

// `rows` consecutive legacy multinomial(n, pix) draws (RandomState.multinomial with size=rows,
// row-major, `out` zeroed by the caller), identical to `rows` calls of multinomial(). Category j's
// conditional binomial is binomial(pix[j] / remaining_p, dn) with the same pix[j] / remaining_p in
// every row (the same subtractions) and a dn that repeats often, so instead of one cache that
// every category overwrites (NumPy's single binomial_t: each category redoes its setup, every
// row), each category keeps a few cached setups, chosen by the low bits of dn. A cache only
// saves work: binomial() checks (n, p) and recomputes on a mismatch, with the same expressions,
// so the values are those of the single cache. `bc` (the caller's cache) serves a single row.
template <class BitGen>
void multinomial_fill(BitGen& bg, std::int64_t n, std::int64_t* out, const double* pix,
                      std::size_t d, std::size_t rows, BinomialCache& bc) {
  if (rows <= 1 || d < 2) {
    for (std::size_t i = 0; i < rows; ++i) multinomial(bg, n, out + i * d, pix, d, bc);
    return;
  }
  ::nprandom::detail::multinomial_setups<BinomialCache> caches;
  caches.reset(d - 1, 32, 4096);  // at most 4096 caches (~3.5 MiB)
  for (std::size_t i = 0; i < rows; ++i) caches.row(bg, n, pix, d, out + i * d, cache_draw{});
}

}  // namespace legacy
}  // namespace nprandom

#endif  // NPRANDOM_LEGACY_DISTRIBUTIONS_HPP
