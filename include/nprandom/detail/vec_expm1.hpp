// Bit-exact batched expm1 and log1p: glibc's expm1(x) and log1p(x) computed 4 (AVX2 + FMA) or 8
// (AVX-512) values at a time, behind the gate of detail/vec_log.hpp (glibc >= 2.28, avx2/avx512
// level, FMA CPU, one-time self-checks against the C library). Internal header: not API.
//
// glibc's expm1 is not an optimized-routines function: it is fdlibm's s_expm1.c (Sun
// Microsystems, 1993; permission notice in LICENSE), sysdeps/ieee754/dbl-64/s_expm1.c. On
// x86-64 an ifunc runs a build compiled with -mfma on CPUs with FMA and AVX2. Its fused products,
// read from the disassembly of glibc 2.36's libm (`__expm1_fma`):
//   k = (int)(invln2 * x +- 0.5)      (product rounded on its own, then the add)
//   hi = fma(-k, ln2_hi, x), lo = k * ln2_lo, r = hi - lo, c = (hi - r) - lo
//   hfx = 0.5 r, hxs = r hfx, R1 = fma(hxs, Q1, 1), R2 = fma(hxs, Q3, Q2), R3 = fma(hxs, Q5, Q4),
//   r1 = fma(h4, R3, fma(h2, R2, R1)) with h2 = hxs^2, h4 = h2^2,
//   t = fma(-r1, hfx, 3), e = hxs ((r1 - t) / fma(-r, t, 6)),
//   k = 0:  r - fma(e, r, -hxs);   otherwise e = fma(e - c, r, -c) - hxs and
//   k = -1: fma(r - e, 0.5, -0.5); k = 1: r < -0.25 ? -2 (e - (r + 0.5)) : fma(r - e, 2, 1);
//   k <= -2: 2^k (1 - (e - r)) - 1; 2 <= k < 20: 2^k ((1 - 2^-k) - (e - r));
//   20 <= k <= 56: 2^k ((r - (e + 2^-k)) + 1)   (2^k applied by adding k to the exponent bits).
// The interval |x| in (0.5 ln2, 1.5 ln2) (k = +-1, hi = x -+ ln2_hi, lo = +-ln2_lo) is the same
// arithmetic with k = +-1. expm1_reference<true> is that evaluation in portable scalar code (the
// tests prove it against the C library); the vector kernels compute every branch and select.
// Inputs with |x| < 2^-54 or |x| >= 56 ln2 (0x4043687A in the high word), inf and NaN go to the
// C library's expm1 lane by lane. log1p (s_log1p.c, `__log1p_fma`) has its own section below.
#ifndef NPRANDOM_DETAIL_VEC_EXPM1_HPP
#define NPRANDOM_DETAIL_VEC_EXPM1_HPP

#include <nprandom/detail/vec_log.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace nprandom {
namespace detail {

inline constexpr double vexpm1_ln2hi = 0x1.62e42feep-1;
inline constexpr double vexpm1_ln2lo = 0x1.a39ef35793c76p-33;
inline constexpr double vexpm1_invln2 = 0x1.71547652b82fep+0;
// fdlibm's scaled coefficients Q1..Q5.
inline constexpr double vexpm1_q[5] = {-0x1.11111111110f4p-5, 0x1.a01a019fe5585p-10,
                                       -0x1.4ce199eaadbb7p-14, 0x1.0cfca86e65239p-18,
                                       -0x1.afdb76e09c32dp-23};
inline constexpr std::uint32_t vexpm1_hx_lo = 0x3c900000u;  // |x| >= 2^-54
inline constexpr std::uint32_t vexpm1_hx_hi = 0x4043687Au;  // |x| < 56 ln2
inline constexpr std::uint32_t vexpm1_hx_k0 = 0x3fd62e42u;  // |x| <= 0.5 ln2: k = 0
inline constexpr std::uint32_t vexpm1_hx_k1 = 0x3FF0A2B2u;  // |x| < 1.5 ln2: k = +-1

/// glibc's expm1(x) evaluated as its FMA build, in portable scalar code (std::fma is correctly
/// rounded everywhere). Inputs outside [2^-54, 56 ln2) in magnitude are the C library's.
inline double expm1_reference(double x) noexcept {
  const std::uint32_t hxs_word = static_cast<std::uint32_t>(vlog_bits(x) >> 32);
  const std::uint32_t hx = hxs_word & 0x7fffffffu;
  const bool neg = (hxs_word >> 31) != 0;
  if (hx < vexpm1_hx_lo || hx >= vexpm1_hx_hi) return detail::expm1(x);
  int k = 0;
  if (hx > vexpm1_hx_k0) {
    if (hx < vexpm1_hx_k1) {
      k = neg ? -1 : 1;
    } else {
      const double p = mul(x, vexpm1_invln2);  // rounded on its own
      k = static_cast<int>(p + (neg ? -0.5 : 0.5));
    }
  }
  const double kd = static_cast<double>(k);
  const double hi = NPRANDOM_DETAIL_MATH(fma)(-kd, vexpm1_ln2hi, x);  // fma-glibc
  const double lo = mul(kd, vexpm1_ln2lo);
  const double r = hi - lo;
  const double c = (hi - r) - lo;
  const double* q = vexpm1_q;
  const double hfx = mul(0.5, r);
  const double hxs = mul(r, hfx);
  const double R1 = NPRANDOM_DETAIL_MATH(fma)(hxs, q[0], 1.0);   // fma-glibc
  const double R2 = NPRANDOM_DETAIL_MATH(fma)(hxs, q[2], q[1]);  // fma-glibc
  const double R3 = NPRANDOM_DETAIL_MATH(fma)(hxs, q[4], q[3]);  // fma-glibc
  const double h2 = mul(hxs, hxs);
  const double h4 = mul(h2, h2);
  const double r1 =
      NPRANDOM_DETAIL_MATH(fma)(h4, R3, NPRANDOM_DETAIL_MATH(fma)(h2, R2, R1));  // fma-glibc
  const double t = NPRANDOM_DETAIL_MATH(fma)(-r1, hfx, 3.0);                     // fma-glibc
  double e = mul(hxs, (r1 - t) / NPRANDOM_DETAIL_MATH(fma)(-r, t, 6.0));         // fma-glibc
  if (k == 0) return r - NPRANDOM_DETAIL_MATH(fma)(e, r, -hxs);                  // fma-glibc
  e = NPRANDOM_DETAIL_MATH(fma)(e - c, r, -c) - hxs;                             // fma-glibc
  if (k == -1) return NPRANDOM_DETAIL_MATH(fma)(r - e, 0.5, -0.5);               // fma-glibc
  if (k == 1) {
    if (r < -0.25) return mul(-2.0, e - (r + 0.5));
    return NPRANDOM_DETAIL_MATH(fma)(r - e, 2.0, 1.0);  // fma-glibc
  }
  const std::uint64_t kshift = static_cast<std::uint64_t>(static_cast<std::int64_t>(k)) << 52;
  if (k <= -2) return vlog_double(vlog_bits(1.0 - (e - r)) + kshift) - 1.0;
  const double p2mk = vlog_double(static_cast<std::uint64_t>(0x3ff - k) << 52);  // 2^-k
  if (k < 20) return vlog_double(vlog_bits((1.0 - p2mk) - (e - r)) + kshift);
  return vlog_double(vlog_bits((r - (e + p2mk)) + 1.0) + kshift);
}

// ---- log1p: fdlibm's s_log1p.c as glibc 2.36's FMA build (`__log1p_fma`, the ifunc behind
// log1p's errno wrapper). Its fused products (disassembly): hfsq = (0.5 f) f, s = f / (2 + f),
// z = s^2, R2 = fma(z, Lp3, Lp2), R3 = fma(z, Lp5, Lp4), R4 = fma(z, Lp7, Lp6),
// R = fma(z6, R4, fma(z4, R3, fma(z, Lp1, z2 R2))) (z2 = z^2, z4 = z2^2, z6 = z2 z4),
// sR = s (hfsq + R); k = 0: f - (hfsq - sR); else
// fma(k, ln2_hi, -((hfsq - (sR + fma(k, ln2_lo, c))) - f)). The reduction (u = 1 + x, its
// exponent k, the correction c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u, u normalized into
// [sqrt(2)/2, sqrt(2)), f = u - 1) is exact integer and IEEE arithmetic. The vector lanes take
// 2^-29 <= |x|, -1 < x < 2^53 with a nonzero hu (the top 20 bits of f's normalized u); the rest
// (tiny x, x <= -1, huge, inf, nan, |f| < 2^-20 after reduction) is the C library's log1p.
inline constexpr double vlog1p_lp[7] = {
    0x1.5555555555593p-1, 0x1.999999997fa04p-2, 0x1.2492494229359p-2, 0x1.c71c51d8e78afp-3,
    0x1.7466496cb03dep-3, 0x1.39a09d078c69fp-3, 0x1.2f112df3e5244p-3};

/// glibc's log1p(x) evaluated as its FMA build, in portable scalar code; the inputs the vector
/// kernels leave to the C library are the C library's.
inline double log1p_reference(double x) noexcept {
  const std::uint32_t hw = static_cast<std::uint32_t>(vlog_bits(x) >> 32);
  const std::uint32_t ax = hw & 0x7fffffffu;
  const bool neg = (hw >> 31) != 0;
  if (ax < 0x3e200000u || (neg && ax >= 0x3ff00000u) || (!neg && hw >= 0x43400000u))
    return detail::log1p(x);
  const bool kpath = neg ? ax > 0x3fd2bec3u : hw >= 0x3fda827au;
  int k = 0;
  double f = x, c = 0.0;
  if (kpath) {
    double u = 1.0 + x;
    const std::uint64_t ub = vlog_bits(u);
    std::uint32_t hu = static_cast<std::uint32_t>(ub >> 32);
    k = static_cast<int>(hu >> 20) - 1023;
    c = (k > 0 ? 1.0 - (u - x) : x - (u - 1.0)) / u;
    hu &= 0x000fffffu;
    std::uint32_t top = 0x3ff00000u;
    if (hu >= 0x6a09eu) {
      ++k;
      top = 0x3fe00000u;
      hu = (0x00100000u - hu) >> 2;
    }
    u = vlog_double((ub & 0xffffffffULL) | (static_cast<std::uint64_t>((ub >> 32) & 0xfffffu) | top)
                                               << 32);
    if (hu == 0) return detail::log1p(x);
    f = u - 1.0;
  }
  const double* lp = vlog1p_lp;
  const double hfsq = mul(mul(0.5, f), f);
  const double s = f / (2.0 + f);
  const double z = mul(s, s);
  const double R2 = NPRANDOM_DETAIL_MATH(fma)(z, lp[2], lp[1]);  // fma-glibc
  const double R3 = NPRANDOM_DETAIL_MATH(fma)(z, lp[4], lp[3]);  // fma-glibc
  const double R4 = NPRANDOM_DETAIL_MATH(fma)(z, lp[6], lp[5]);  // fma-glibc
  const double z2 = mul(z, z);
  const double z4 = mul(z2, z2);
  const double z6 = mul(z2, z4);
  const double R0 = NPRANDOM_DETAIL_MATH(fma)(z, lp[0], mul(z2, R2));  // fma-glibc
  const double R1 = NPRANDOM_DETAIL_MATH(fma)(z4, R3, R0);             // fma-glibc
  const double R = NPRANDOM_DETAIL_MATH(fma)(z6, R4, R1);              // fma-glibc
  const double sR = mul(s, hfsq + R);
  if (k == 0) return f - (hfsq - sR);
  const double kd = static_cast<double>(k);
  const double t = (hfsq - (sR + NPRANDOM_DETAIL_MATH(fma)(kd, vexpm1_ln2lo, c))) - f;  // fma-glibc
  return NPRANDOM_DETAIL_MATH(fma)(kd, vexpm1_ln2hi, -t);                               // fma-glibc
}

#if NPRANDOM_VEC_LOG

#define NPRANDOM_VEC_EXPM1_KERNEL(NS, TARGET, W, FMA)                                           \
  namespace NS {                                                                                \
  __extension__ typedef double vd __attribute__((vector_size(W * 8)));                          \
  __extension__ typedef std::uint64_t vu __attribute__((vector_size(W * 8)));                   \
  __extension__ typedef std::int64_t vi __attribute__((vector_size(W * 8)));                    \
  TARGET NPRANDOM_ALWAYS_INLINE vd fma(const vd& a, const vd& b, const vd& c) noexcept {        \
    return FMA(a, b, c);                                                                        \
  }                                                                                             \
  TARGET NPRANDOM_ALWAYS_INLINE vd splat(double c) noexcept { return vd{} + c; }                \
  TARGET NPRANDOM_ALWAYS_INLINE vd keep(vd x) noexcept {                                        \
    __asm__("" : "+x"(x));                                                                      \
    return x;                                                                                   \
  }                                                                                             \
  TARGET NPRANDOM_ALWAYS_INLINE vd sel(const vi& m, const vd& a, const vd& b) noexcept {        \
    vu ab, bb;                                                                                  \
    std::memcpy(&ab, &a, sizeof ab);                                                            \
    std::memcpy(&bb, &b, sizeof bb);                                                            \
    const vu mu = __builtin_convertvector(m, vu);                                               \
    ab = (ab & mu) | (bb & ~mu);                                                                \
    vd y;                                                                                       \
    std::memcpy(&y, &ab, sizeof y);                                                             \
    return y;                                                                                   \
  }                                                                                             \
  TARGET NPRANDOM_ALWAYS_INLINE vd addexp(const vd& y, const vu& ks) noexcept {                 \
    vu b;                                                                                       \
    std::memcpy(&b, &y, sizeof b);                                                              \
    b += ks;                                                                                    \
    vd z;                                                                                       \
    std::memcpy(&z, &b, sizeof z);                                                              \
    return z;                                                                                   \
  }                                                                                             \
  TARGET NPRANDOM_ALWAYS_INLINE bool any(const vi& m) noexcept {                                \
    std::int64_t s = 0;                                                                         \
    for (int j = 0; j < W; ++j) s |= m[j];                                                      \
    return s != 0;                                                                              \
  }                                                                                             \
  TARGET inline void expm1_kernel(const double* in, double* out, std::size_t n) noexcept {      \
    std::size_t i = 0;                                                                          \
    const double* q = vexpm1_q;                                                                 \
    for (; i + W <= n; i += W) {                                                                \
      vd x0;                                                                                    \
      std::memcpy(&x0, in + i, sizeof x0);                                                      \
      vu ix;                                                                                    \
      std::memcpy(&ix, &x0, sizeof ix);                                                         \
      const vu hx = (ix >> 32) & 0x7fffffffu;                                                   \
      const vi special = hx - vexpm1_hx_lo >= vexpm1_hx_hi - vexpm1_hx_lo;                      \
      const vu sm = __builtin_convertvector(special, vu);                                       \
      ix &= ~sm; /* the C library's lanes: x = 0 here, no flags from garbage */                 \
      vd x;                                                                                     \
      std::memcpy(&x, &ix, sizeof x);                                                           \
      const vi neg = (ix >> 63) != 0;                                                           \
      const vd half = sel(neg, splat(-0.5), splat(0.5));                                        \
      const vd kt = __builtin_convertvector(                                                    \
          __builtin_convertvector(keep(x * vexpm1_invln2) + half, vi), vd);                     \
      const vd kd = sel(hx <= vexpm1_hx_k0, splat(0.0),                                         \
                        sel(hx < vexpm1_hx_k1, sel(neg, splat(-1.0), splat(1.0)), kt));         \
      const vd hi = fma(-kd, splat(vexpm1_ln2hi), x);                                           \
      const vd lo = keep(kd * vexpm1_ln2lo);                                                    \
      const vd r = hi - lo;                                                                     \
      const vd c = keep(hi - r) - lo;                                                           \
      const vd hfx = keep(r * 0.5);                                                             \
      const vd hxs = keep(r * hfx);                                                             \
      const vd R1 = fma(hxs, splat(q[0]), splat(1.0));                                          \
      const vd R2 = fma(hxs, splat(q[2]), splat(q[1]));                                         \
      const vd R3 = fma(hxs, splat(q[4]), splat(q[3]));                                         \
      const vd h2 = keep(hxs * hxs);                                                            \
      const vd h4 = keep(h2 * h2);                                                              \
      const vd r1 = fma(h4, R3, fma(h2, R2, R1));                                               \
      const vd t = fma(-r1, hfx, splat(3.0));                                                   \
      const vd e0 = keep(hxs * keep(keep(r1 - t) / fma(-r, t, splat(6.0))));                    \
      const vd y0 = r - fma(e0, r, -hxs);                                                       \
      const vd e = fma(e0 - c, r, -c) - hxs;                                                    \
      const vd ym1 = fma(r - e, splat(0.5), splat(-0.5));                                       \
      const vd yp1 =                                                                            \
          sel(r < -0.25, keep(e - (r + 0.5)) * -2.0, fma(r - e, splat(2.0), splat(1.0)));       \
      const vi ki = __builtin_convertvector(kd, vi);                                            \
      const vu ks = __builtin_convertvector(ki, vu) << 52;                                      \
      const vd p2mk = addexp(splat(1.0), -ks); /* 2^-k (k >= 2) */                              \
      const vd em = e - r;                                                                      \
      const vd ylo = addexp(1.0 - em, ks) - 1.0;                                                \
      const vd ymid = addexp((1.0 - p2mk) - em, ks);                                            \
      const vd yhi = addexp((r - (e + p2mk)) + 1.0, ks);                                        \
      vd y = sel(ki <= -2, ylo, sel(ki < 20, ymid, yhi));                                       \
      y = sel(ki == 1, yp1, y);                                                                 \
      y = sel(ki == -1, ym1, y);                                                                \
      y = sel(ki == 0, y0, y);                                                                  \
      std::memcpy(out + i, &y, sizeof y);                                                       \
      if (NPRANDOM_UNLIKELY(any(special))) {                                                    \
        for (int j = 0; j < W; ++j)                                                             \
          if (special[j]) out[i + static_cast<std::size_t>(j)] = detail::expm1(x0[j]);          \
      }                                                                                         \
    }                                                                                           \
    NPRANDOM_VEC_PADDED_TAIL(W, expm1_kernel(tin, tout, W))                                     \
    for (; i < n; ++i) out[i] = detail::expm1(in[i]);                                           \
  }                                                                                             \
  TARGET inline void log1p_kernel(const double* in, double* out, std::size_t n) noexcept {      \
    std::size_t i = 0;                                                                          \
    const double* lp = vlog1p_lp;                                                               \
    for (; i + W <= n; i += W) {                                                                \
      vd x0;                                                                                    \
      std::memcpy(&x0, in + i, sizeof x0);                                                      \
      vu ix;                                                                                    \
      std::memcpy(&ix, &x0, sizeof ix);                                                         \
      const vu hw = ix >> 32;                                                                   \
      const vu ax = hw & 0x7fffffffu;                                                           \
      const vi neg = (hw >> 31) != 0;                                                           \
      vi special =                                                                              \
          (ax < 0x3e200000u) | (neg & (ax >= 0x3ff00000u)) | (~neg & (hw >= 0x43400000u));      \
      const vu sm = __builtin_convertvector(special, vu);                                       \
      ix = (ix & ~sm) | (vlog_bits(0.5) & sm); /* the C library's lanes: x = 0.5 here */        \
      vd x;                                                                                     \
      std::memcpy(&x, &ix, sizeof x);                                                           \
      const vi kpath = (neg & (ax > 0x3fd2bec3u)) | (~neg & (hw >= 0x3fda827au));               \
      const vd u = 1.0 + x;                                                                     \
      vu ub;                                                                                    \
      std::memcpy(&ub, &u, sizeof ub);                                                          \
      const vi ku = __builtin_convertvector(ub >> 52, vi) - 1023;                               \
      const vd c = sel(ku > 0, 1.0 - keep(u - x), x - keep(u - 1.0)) / u;                       \
      const vu hm = (ub >> 32) & 0xfffffu;                                                      \
      const vi big = hm >= 0x6a09eu;                                                            \
      const vu bu = __builtin_convertvector(big, vu);                                           \
      const vu top = (0x3ff00000u & ~bu) | (0x3fe00000u & bu);                                  \
      const vu hfin = (hm & ~bu) | (((0x00100000u - hm) >> 2) & bu);                            \
      const vu unb = (ub & 0xffffffffu) | ((hm | top) << 32);                                   \
      vd un;                                                                                    \
      std::memcpy(&un, &unb, sizeof un);                                                        \
      const vd f = sel(kpath, un - 1.0, x);                                                     \
      const vi k = kpath & (ku - big); /* big is -1 where true */                               \
      special |= kpath & (hfin == 0);                                                           \
      const vd hfsq = keep(keep(f * 0.5) * f);                                                  \
      const vd s = f / (f + 2.0);                                                               \
      const vd z = keep(s * s);                                                                 \
      const vd R2 = fma(z, splat(lp[2]), splat(lp[1]));                                         \
      const vd R3 = fma(z, splat(lp[4]), splat(lp[3]));                                         \
      const vd R4 = fma(z, splat(lp[6]), splat(lp[5]));                                         \
      const vd z2 = keep(z * z);                                                                \
      const vd z4 = keep(z2 * z2);                                                              \
      const vd z6 = keep(z2 * z4);                                                              \
      const vd R = fma(z6, R4, fma(z4, R3, fma(z, splat(lp[0]), keep(z2 * R2))));               \
      const vd sR = keep(s * (hfsq + R));                                                       \
      const vd y0 = f - (hfsq - sR);                                                            \
      const vd kd = __builtin_convertvector(k, vd);                                             \
      const vd t = (hfsq - (sR + fma(kd, splat(vexpm1_ln2lo), sel(kpath, c, splat(0.0))))) - f; \
      const vd yk = fma(kd, splat(vexpm1_ln2hi), -t);                                           \
      const vd y = sel(k == 0, y0, yk);                                                         \
      std::memcpy(out + i, &y, sizeof y);                                                       \
      if (NPRANDOM_UNLIKELY(any(special))) {                                                    \
        for (int j = 0; j < W; ++j)                                                             \
          if (special[j]) out[i + static_cast<std::size_t>(j)] = detail::log1p(x0[j]);          \
      }                                                                                         \
    }                                                                                           \
    NPRANDOM_VEC_PADDED_TAIL(W, log1p_kernel(tin, tout, W))                                     \
    for (; i < n; ++i) out[i] = detail::log1p(in[i]);                                           \
  }                                                                                             \
  }

#define NPRANDOM_VEXPM1_F2(a, b, c) __builtin_ia32_vfmaddpd256(a, b, c)
#define NPRANDOM_VEXPM1_F5(a, b, c) \
  __builtin_ia32_vfmaddpd512_mask(a, b, c, static_cast<unsigned char>(0xff), 4)
// The target attributes of vec_log.hpp's kernels (on GCC: compiled as at -O2, generic tuning).
NPRANDOM_VEC_EXPM1_KERNEL(vexpm1_avx2, NPRANDOM_VLOG_T2, 4, NPRANDOM_VEXPM1_F2)    // fma-glibc
NPRANDOM_VEC_EXPM1_KERNEL(vexpm1_avx512, NPRANDOM_VLOG_T5, 8, NPRANDOM_VEXPM1_F5)  // fma-glibc
#undef NPRANDOM_VLOG_T2
#undef NPRANDOM_VLOG_T5
#undef NPRANDOM_VEXPM1_F2
#undef NPRANDOM_VEXPM1_F5
#undef NPRANDOM_VEC_EXPM1_KERNEL
#undef NPRANDOM_VEC_PADDED_TAIL

#endif  // NPRANDOM_VEC_LOG

// Inputs whose expm1 differs between glibc 2.36's FMA build and its build without FMA (found by
// running the C library's expm1 with and without GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA), 8
// per interval of x: (-40, -1.04), (-1.04, -0.35), (-0.35, 0), (0, 0.35), (0.35, 1.04), (1.04, 40).
inline constexpr double vexpm1_probe_hard[48] = {
    -0x1.0aba02490ca50p+0, -0x1.15d50044f841ep+0, -0x1.119fd4d694077p+0, -0x1.173125af595a2p+0,
    -0x1.0b90b7ed4f0eep+0, -0x1.ae91ccb369960p+0, -0x1.0d1fe67bf6876p+0, -0x1.156fce5432bbbp+0,
    -0x1.0814ff435ab3dp+0, -0x1.96034cd308ea8p-2, -0x1.ee65071cbb77ap-1, -0x1.fdbfff4df59d0p-1,
    -0x1.9e2c33c6f510ap-2, -0x1.0269aeb59bf62p-1, -0x1.86eb26c037b0ep-2, -0x1.abdfe966f03fep-2,
    -0x1.5db24afb03754p-2, -0x1.386ca3767cf9fp-3, -0x1.291031ccb7933p-2, -0x1.03775a2244820p-4,
    -0x1.414638d02080fp-2, -0x1.df8920fda28fep-3, -0x1.594f20940233fp-2, -0x1.4f456f3874885p-2,
    0x1.4430c08bf5f72p-2,  0x1.b26b586eedbf0p-3,  0x1.6f67863a59ac8p-3,  0x1.f1118d11726c0p-3,
    0x1.1c6571040e228p-2,  0x1.fada879c36eccp-3,  0x1.15247706f04f6p-2,  0x1.42ae3f63a833ap-2,
    0x1.842c4b6b1b97cp-2,  0x1.745553069584cp-2,  0x1.06a74880e1d52p+0,  0x1.9fe682b1f6378p-2,
    0x1.852bbfee5e128p-2,  0x1.74eed00ff061cp-2,  0x1.720f9d6543cbcp-2,  0x1.d5b0e5329acccp-1,
    0x1.0d9415f2d64bap+0,  0x1.c59a763291368p+2,  0x1.7038cdd00e308p+3,  0x1.130cb75b38898p+0,
    0x1.ad311258a2f70p+2,  0x1.44772184a994ap+4,  0x1.0d80113a293fcp+0,  0x1.01e2fde4fb5b0p+5};

// expm1's self-check probes: the hard cases, the edges of every branch (2^-54, 0.5 ln2, 1.5 ln2,
// the k = 1 switch at -0.25, 56 ln2, k = 20) on both sides and signs, specials, then pseudo-random
// values in (-40, 40), (-1.1, 1.1) and (-0.35, 0.35) (every k and both halves of each branch).
inline void vexpm1_probes(double* p, std::size_t n) noexcept {
  std::size_t i = 0;
  auto put = [&](double v) {
    if (i < n) p[i++] = v;
  };
  const double edges[] = {0x1p-54,  0x1.62e42p-2, 0x1.0a2b2p0, 0x1.3a0p-1,
                          0x1.4p-2, 0x1.3687ap5,  0x1.bcp3,    0x1.62e42fefa39efp+9};
  for (double v : vexpm1_probe_hard) put(v);
  for (double ed : edges)
    for (std::uint64_t d = 0; d < 4; ++d) {
      put(vlog_double(vlog_bits(ed) + d));
      put(vlog_double(vlog_bits(ed) - d - 1));
      put(-vlog_double(vlog_bits(ed) + d));
      put(-vlog_double(vlog_bits(ed) - d - 1));
    }
  const double specials[] = {0.0,
                             -0.0,
                             1.0,
                             -1.0,
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN(),
                             0x1p-1074,
                             -0x1p-1074};
  for (double v : specials) put(v);
  std::uint64_t s = 0x9e3779b97f4a7c15ULL;
  while (i < n) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    const double u = static_cast<double>(s >> 11) * 0x1p-53;
    const std::size_t m = i % 3;
    put(m == 0 ? mul(u, 80.0) - 40.0 : m == 1 ? mul(u, 2.2) - 1.1 : mul(u, 0.7) - 0.35);
  }
}

#if NPRANDOM_VEC_LOG
inline vlog_kernel_fn vexpm1_kernel_for(simd_level l) noexcept {
  return vec_kernel_for<vlog_kernel_fn>(l, &vexpm1_avx2::expm1_kernel,
                                        &vexpm1_avx512::expm1_kernel);
}
// True when kernel k gives the C library's expm1 bits on every probe.
inline bool vexpm1_self_check(vlog_kernel_fn k) noexcept {
  double in[vlog_probe_count];
  vexpm1_probes(in, vlog_probe_count);
  return vec_matches(in, vlog_probe_count, k, [](double x) { return detail::expm1(x); });
}
inline atomic_value<int> vexpm1_checked[3] = {atomic_value<int>{0}, atomic_value<int>{0},
                                              atomic_value<int>{0}};
#endif

// Inputs whose log1p differs between glibc 2.36's FMA build and its build without FMA (as
// vexpm1_probe_hard), 12 per interval: (-1, -0.2929), (-0.2929, 0), (0, 0.41422), (0.41422, 3).
inline constexpr double vlog1p_probe_hard[48] = {
    -0x1.2cb2bdec9592dp-2, -0x1.25de280cc4106p-1, -0x1.3eae9a41e47a8p-2, -0x1.37e414c26d021p-1,
    -0x1.9b47ba36f74c8p-2, -0x1.2928e509ff846p-1, -0x1.3a3ae987440eap-2, -0x1.4c2216f318464p-1,
    -0x1.40e82a3e9e56cp-1, -0x1.a6b15d2dd0234p-1, -0x1.5db7fb9b3f048p-2, -0x1.2d60bb2d2700dp-2,
    -0x1.1687dd93a1840p-2, -0x1.74de867bba880p-4, -0x1.1c6b3e34d2043p-2, -0x1.7b785295df5d6p-3,
    -0x1.3562aa195d864p-4, -0x1.fe73d6c43eebdp-3, -0x1.3f1a04e01bd0cp-3, -0x1.2854d54e651b8p-2,
    -0x1.158e701b418e9p-2, -0x1.b4ec2fd4781a4p-3, -0x1.1370df37f7a52p-2, -0x1.27905f7f10260p-2,
    0x1.729c5c76e8351p-2,  0x1.02a563b3080b3p-2,  0x1.7b5250fbec989p-2,  0x1.48631fdfb3e61p-2,
    0x1.09b37d81c5640p-3,  0x1.96fafa98aa261p-2,  0x1.762be8d8733dfp-2,  0x1.95415deba7bb3p-2,
    0x1.27015d1803304p-4,  0x1.488d6182f2981p-2,  0x1.04f82899b02b7p-2,  0x1.77463315be152p-3,
    0x1.c83524e042b9ap+0,  0x1.c667cb4c0ed40p+0,  0x1.1794a964d1318p-1,  0x1.b23c3715d06d0p+0,
    0x1.08b372edebbf8p-1,  0x1.caa959b49c4e4p+0,  0x1.26ca5a21a5cccp-1,  0x1.09ecd65eb33a2p+1,
    0x1.25e74ba0aed76p+1,  0x1.6b37ca86c6352p+0,  0x1.953a2d023566ep+0,  0x1.f8a607c472100p-2};

// log1p's self-check probes: the hard cases, the edges of every branch (2^-54, 2^-29, -0.2929,
// 0.41422, -1, 2^53, the u normalization at sqrt(2)) on both sides, specials, then
// pseudo-random values: -U (U uniform of [0, 1)), (-1, 3), and any double.
inline void vlog1p_probes(double* p, std::size_t n) noexcept {
  std::size_t i = 0;
  auto put = [&](double v) {
    if (i < n) p[i++] = v;
  };
  for (double v : vlog1p_probe_hard) put(v);
  const double edges[] = {0x1p-54,
                          0x1p-29,
                          0x1.2bec4p-2,
                          0x1.a827ap-2,
                          1.0,
                          0x1p53,
                          0x1.6a09e667f3bcdp0 - 1.0,
                          0x1.6a09ep-1 - 1.0};
  for (double ed : edges)
    for (std::uint64_t d = 0; d < 4; ++d) {
      put(vlog_double(vlog_bits(ed) + d));
      put(vlog_double(vlog_bits(ed) - d - 1));
      put(-vlog_double(vlog_bits(ed) + d));
      put(-vlog_double(vlog_bits(ed) - d - 1));
    }
  const double specials[] = {0.0,
                             -0.0,
                             -1.0,
                             -2.0,
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN(),
                             0x1p-1074,
                             -0x1p-1074};
  for (double v : specials) put(v);
  std::uint64_t s = 0x2545f4914f6cdd1dULL;
  while (i < n) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    const double u = static_cast<double>(s >> 11) * 0x1p-53;
    const std::size_t m = i % 3;
    put(m == 0 ? -u : m == 1 ? mul(u, 4.0) - 1.0 : vlog_double(s));
  }
}

#if NPRANDOM_VEC_LOG
inline vlog_kernel_fn vlog1p_kernel_for(simd_level l) noexcept {
  return vec_kernel_for<vlog_kernel_fn>(l, &vexpm1_avx2::log1p_kernel,
                                        &vexpm1_avx512::log1p_kernel);
}
// True when kernel k gives the C library's log1p bits on every probe.
inline bool vlog1p_self_check(vlog_kernel_fn k) noexcept {
  double in[vlog_probe_count];
  vlog1p_probes(in, vlog_probe_count);
  return vec_matches(in, vlog_probe_count, k, [](double x) { return detail::log1p(x); });
}
inline atomic_value<int> vlog1p_checked[3] = {atomic_value<int>{0}, atomic_value<int>{0},
                                              atomic_value<int>{0}};
#endif

/// The vector kernel log1p_batch uses now, or nullptr (the C library's log1p).
inline vlog_kernel_fn vec_log1p_kernel() noexcept {
#if NPRANDOM_VEC_LOG
  const simd_level l = current_simd_level();
  return vec_gate(l, vlog1p_kernel_for(l), vlog1p_checked, &vlog1p_self_check);
#else
  return nullptr;
#endif
}

/// True when log1p_batch runs a vector kernel now (tests, benchmarks).
inline bool vec_log1p_active() noexcept { return vec_log1p_kernel() != nullptr; }

/// out[i] = std::log1p(in[i]) for i < n, bit for bit (in == out allowed).
inline void log1p_batch(const double* in, double* out, std::size_t n) noexcept {
  if (n >= 3) {  // a shorter tail than 3 is faster in the C library
    if (const auto k = vec_log1p_kernel()) {
      k(in, out, n);
      return;
    }
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = log1p(in[i]);
}

/// The vector kernel expm1_batch uses now, or nullptr (the C library's expm1).
inline vlog_kernel_fn vec_expm1_kernel() noexcept {
#if NPRANDOM_VEC_LOG
  const simd_level l = current_simd_level();
  return vec_gate(l, vexpm1_kernel_for(l), vexpm1_checked, &vexpm1_self_check);
#else
  return nullptr;
#endif
}

/// True when expm1_batch runs a vector kernel now (tests, benchmarks).
inline bool vec_expm1_active() noexcept { return vec_expm1_kernel() != nullptr; }

/// out[i] = std::expm1(in[i]) for i < n, bit for bit (in == out allowed).
inline void expm1_batch(const double* in, double* out, std::size_t n) noexcept {
  if (n >= 3) {  // a shorter tail than 3 is faster in the C library
    if (const auto k = vec_expm1_kernel()) {
      k(in, out, n);
      return;
    }
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = expm1(in[i]);
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_VEC_EXPM1_HPP
