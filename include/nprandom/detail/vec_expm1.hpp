// Bit-exact batched expm1: glibc's expm1(x) computed 4 (AVX2 + FMA) or 8 (AVX-512) values at a
// time, behind the gate of detail/vec_log.hpp (glibc >= 2.28, avx2/avx512 level, FMA CPU, a
// one-time self-check against the C library's expm1). Internal header: not API.
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
// C library's expm1 lane by lane.
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

#if NPRANDOM_VEC_LOG

#define NPRANDOM_VEC_EXPM1_KERNEL(NS, TARGET, W, FMA)                                      \
  namespace NS {                                                                           \
  __extension__ typedef double vd __attribute__((vector_size(W * 8)));                     \
  __extension__ typedef std::uint64_t vu __attribute__((vector_size(W * 8)));              \
  __extension__ typedef std::int64_t vi __attribute__((vector_size(W * 8)));               \
  TARGET NPRANDOM_ALWAYS_INLINE vd fma(const vd& a, const vd& b, const vd& c) noexcept {   \
    return FMA(a, b, c);                                                                   \
  }                                                                                        \
  TARGET NPRANDOM_ALWAYS_INLINE vd splat(double c) noexcept { return vd{} + c; }           \
  TARGET NPRANDOM_ALWAYS_INLINE vd keep(vd x) noexcept {                                   \
    __asm__("" : "+x"(x));                                                                 \
    return x;                                                                              \
  }                                                                                        \
  TARGET NPRANDOM_ALWAYS_INLINE vd sel(const vi& m, const vd& a, const vd& b) noexcept {   \
    vu ab, bb;                                                                             \
    std::memcpy(&ab, &a, sizeof ab);                                                       \
    std::memcpy(&bb, &b, sizeof bb);                                                       \
    const vu mu = __builtin_convertvector(m, vu);                                          \
    ab = (ab & mu) | (bb & ~mu);                                                           \
    vd y;                                                                                  \
    std::memcpy(&y, &ab, sizeof y);                                                        \
    return y;                                                                              \
  }                                                                                        \
  TARGET NPRANDOM_ALWAYS_INLINE vd addexp(const vd& y, const vu& ks) noexcept {            \
    vu b;                                                                                  \
    std::memcpy(&b, &y, sizeof b);                                                         \
    b += ks;                                                                               \
    vd z;                                                                                  \
    std::memcpy(&z, &b, sizeof z);                                                         \
    return z;                                                                              \
  }                                                                                        \
  TARGET NPRANDOM_ALWAYS_INLINE bool any(const vi& m) noexcept {                           \
    std::int64_t s = 0;                                                                    \
    for (int j = 0; j < W; ++j) s |= m[j];                                                 \
    return s != 0;                                                                         \
  }                                                                                        \
  TARGET inline void expm1_kernel(const double* in, double* out, std::size_t n) noexcept { \
    std::size_t i = 0;                                                                     \
    const double* q = vexpm1_q;                                                            \
    for (; i + W <= n; i += W) {                                                           \
      vd x0;                                                                               \
      std::memcpy(&x0, in + i, sizeof x0);                                                 \
      vu ix;                                                                               \
      std::memcpy(&ix, &x0, sizeof ix);                                                    \
      const vu hx = (ix >> 32) & 0x7fffffffu;                                              \
      const vi special = hx - vexpm1_hx_lo >= vexpm1_hx_hi - vexpm1_hx_lo;                 \
      const vu sm = __builtin_convertvector(special, vu);                                  \
      ix &= ~sm; /* the C library's lanes: x = 0 here, no flags from garbage */            \
      vd x;                                                                                \
      std::memcpy(&x, &ix, sizeof x);                                                      \
      const vi neg = (ix >> 63) != 0;                                                      \
      const vd half = sel(neg, splat(-0.5), splat(0.5));                                   \
      const vd kt = __builtin_convertvector(                                               \
          __builtin_convertvector(keep(x * vexpm1_invln2) + half, vi), vd);                \
      const vd kd = sel(hx <= vexpm1_hx_k0, splat(0.0),                                    \
                        sel(hx < vexpm1_hx_k1, sel(neg, splat(-1.0), splat(1.0)), kt));    \
      const vd hi = fma(-kd, splat(vexpm1_ln2hi), x);                                      \
      const vd lo = keep(kd * vexpm1_ln2lo);                                               \
      const vd r = hi - lo;                                                                \
      const vd c = keep(hi - r) - lo;                                                      \
      const vd hfx = keep(r * 0.5);                                                        \
      const vd hxs = keep(r * hfx);                                                        \
      const vd R1 = fma(hxs, splat(q[0]), splat(1.0));                                     \
      const vd R2 = fma(hxs, splat(q[2]), splat(q[1]));                                    \
      const vd R3 = fma(hxs, splat(q[4]), splat(q[3]));                                    \
      const vd h2 = keep(hxs * hxs);                                                       \
      const vd h4 = keep(h2 * h2);                                                         \
      const vd r1 = fma(h4, R3, fma(h2, R2, R1));                                          \
      const vd t = fma(-r1, hfx, splat(3.0));                                              \
      const vd e0 = keep(hxs * keep(keep(r1 - t) / fma(-r, t, splat(6.0))));               \
      const vd y0 = r - fma(e0, r, -hxs);                                                  \
      const vd e = fma(e0 - c, r, -c) - hxs;                                               \
      const vd ym1 = fma(r - e, splat(0.5), splat(-0.5));                                  \
      const vd yp1 =                                                                       \
          sel(r < -0.25, keep(e - (r + 0.5)) * -2.0, fma(r - e, splat(2.0), splat(1.0)));  \
      const vi ki = __builtin_convertvector(kd, vi);                                       \
      const vu ks = __builtin_convertvector(ki, vu) << 52;                                 \
      const vd p2mk = addexp(splat(1.0), -ks); /* 2^-k (k >= 2) */                         \
      const vd em = e - r;                                                                 \
      const vd ylo = addexp(1.0 - em, ks) - 1.0;                                           \
      const vd ymid = addexp((1.0 - p2mk) - em, ks);                                       \
      const vd yhi = addexp((r - (e + p2mk)) + 1.0, ks);                                   \
      vd y = sel(ki <= -2, ylo, sel(ki < 20, ymid, yhi));                                  \
      y = sel(ki == 1, yp1, y);                                                            \
      y = sel(ki == -1, ym1, y);                                                           \
      y = sel(ki == 0, y0, y);                                                             \
      std::memcpy(out + i, &y, sizeof y);                                                  \
      if (NPRANDOM_UNLIKELY(any(special))) {                                               \
        for (int j = 0; j < W; ++j)                                                        \
          if (special[j]) out[i + static_cast<std::size_t>(j)] = detail::expm1(x0[j]);     \
      }                                                                                    \
    }                                                                                      \
    for (; i < n; ++i) out[i] = detail::expm1(in[i]);                                      \
  }                                                                                        \
  }

#define NPRANDOM_VEXPM1_F2(a, b, c) __builtin_ia32_vfmaddpd256(a, b, c)
#define NPRANDOM_VEXPM1_F5(a, b, c) \
  __builtin_ia32_vfmaddpd512_mask(a, b, c, static_cast<unsigned char>(0xff), 4)
#define NPRANDOM_VEXPM1_T2 __attribute__((target("avx2,fma")))
#define NPRANDOM_VEXPM1_T5 __attribute__((target("avx512f,avx512dq,fma")))
NPRANDOM_VEC_EXPM1_KERNEL(vexpm1_avx2, NPRANDOM_VEXPM1_T2, 4, NPRANDOM_VEXPM1_F2)    // fma-glibc
NPRANDOM_VEC_EXPM1_KERNEL(vexpm1_avx512, NPRANDOM_VEXPM1_T5, 8, NPRANDOM_VEXPM1_F5)  // fma-glibc
#undef NPRANDOM_VEXPM1_T2
#undef NPRANDOM_VEXPM1_T5
#undef NPRANDOM_VEXPM1_F2
#undef NPRANDOM_VEXPM1_F5
#undef NPRANDOM_VEC_EXPM1_KERNEL

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
  if (n >= 8) {
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
