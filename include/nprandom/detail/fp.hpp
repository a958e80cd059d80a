// Same bits under every build: products that stay rounded, libm calls that stay run-time calls
// (the fast-math guard is in config.hpp).
//
// NumPy's kernels are C written for one rounding per operation. A compiler that may contract
// (GCC's default -ffp-contract=fast, Clang's default `on`, both as soon as the target has FMA:
// always on aarch64, on x86-64 with -march=native / -mfma / x86-64-v3) fuses `a * b + c` into one
// fused multiply-add with a single rounding, and the bits change. Pragmas cannot stop it for a
// header library: GCC ignores `#pragma STDC FP_CONTRACT`, and its `optimize` attribute blocks
// inlining while the contraction of inlined code follows the *caller's* flag anyway.
//
// The one mechanism: every product whose result meets an addition or subtraction is written
// `detail::mul(a, b)` (or the value passed through `detail::rounded(x)`). `rounded` hands the value
// through an empty asm statement that claims to modify it in its register, so the optimiser can
// no longer see that it is a product and there is nothing to fuse. The product is computed and
// rounded exactly as written; no instruction is emitted for the barrier, scalar calls still
// inline, and the value never leaves its register. It works for SIMD vector types too (an
// `__m128d` is an "x" operand like a double).
//
// Under MSVC (/fp:precise, which does not contract since VS 2022) and unknown compilers the
// barrier is the identity.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_FP_HPP
#define NPRANDOM_DETAIL_FP_HPP

#include <nprandom/config.hpp>

// No <cmath>: it costs every translation unit ~0.07 s of compile time (C++17's special functions
// come with it; docs/benchmarks.md). GCC and Clang call the same C library functions through
// their builtins, which need no declaration; other compilers get <cmath>.
#if defined(__GNUC__) || defined(__clang__)
#define NPRANDOM_DETAIL_MATH(name) __builtin_##name
#define NPRANDOM_DETAIL_MATHF(name) __builtin_##name##f
#else
#include <cmath>
#define NPRANDOM_DETAIL_MATH(name) std::name
#define NPRANDOM_DETAIL_MATHF(name) std::name
#endif

namespace nprandom {
namespace detail {

/// `x`, unchanged and rounded to its type, but opaque to the optimiser: a product passed through
/// here cannot be fused with the addition or subtraction that consumes it.
template <class T>
NPRANDOM_ALWAYS_INLINE T rounded(T x) noexcept {
#if (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(__i386__)) && \
    defined(__SSE2__) && (!defined(__i386__) || defined(__SSE2_MATH__))
  __asm__("" : "+x"(x));  // stays in its SSE register
  return x;
#elif (defined(__GNUC__) || defined(__clang__)) && defined(__aarch64__)
  __asm__("" : "+w"(x));  // stays in its FP/SIMD register
  return x;
#elif (defined(__GNUC__) || defined(__clang__)) && (defined(__powerpc__) || defined(__powerpc64__))
  __asm__("" : "+d"(x));  // stays in its floating-point register
  return x;
#elif (defined(__GNUC__) || defined(__clang__)) && \
    ((defined(__riscv) && defined(__riscv_flen)) || defined(__s390x__))
  __asm__("" : "+f"(x));  // stays in its floating-point register
  return x;
#elif defined(__GNUC__) || defined(__clang__)
  __asm__("" : "+m"(x));  // any other target (x87 included): through memory, which also rounds
  return x;
#else
  return x;
#endif
}

/// `a * b`, rounded on its own: the product NumPy's C computes before any `+` or `-` meets it.
NPRANDOM_ALWAYS_INLINE double mul(double a, double b) noexcept { return rounded(a * b); }
NPRANDOM_ALWAYS_INLINE float mul(float a, float b) noexcept { return rounded(a * b); }

// ---- the C library's functions, called at run time --------------------------------------------
// NumPy calls exp, log, pow, ... at run time on the values it has. A compiler that sees constant
// arguments (a parameter written as a literal, then inlined) folds the call with its own
// correctly rounded arithmetic (GCC uses MPFR), or rewrites it (pow(x, 2.0) -> x * x). glibc is
// not correctly rounded everywhere: GCC folds log1p(-0.45) one ulp away from glibc's result, and
// glibc's pow(x, 2.0) differs from x * x on about half of the exact ties. The wrappers pass the
// arguments through rounded(), so the value is always the library's, computed at run time, as in
// NumPy. sqrt, floor, ceil and fabs are exact everywhere and need no barrier.
#define NPRANDOM_DETAIL_LIBM1(name)                       \
  NPRANDOM_ALWAYS_INLINE double name(double x) noexcept { \
    return NPRANDOM_DETAIL_MATH(name)(rounded(x));        \
  }                                                       \
  NPRANDOM_ALWAYS_INLINE float name(float x) noexcept {   \
    return NPRANDOM_DETAIL_MATHF(name)(rounded(x));       \
  }
NPRANDOM_DETAIL_LIBM1(exp)
NPRANDOM_DETAIL_LIBM1(expm1)
NPRANDOM_DETAIL_LIBM1(log)
NPRANDOM_DETAIL_LIBM1(log1p)
NPRANDOM_DETAIL_LIBM1(cos)
NPRANDOM_DETAIL_LIBM1(acos)
#undef NPRANDOM_DETAIL_LIBM1
NPRANDOM_ALWAYS_INLINE double pow(double x, double y) noexcept {
  return NPRANDOM_DETAIL_MATH(pow)(rounded(x), rounded(y));
}
NPRANDOM_ALWAYS_INLINE float pow(float x, float y) noexcept {
  return NPRANDOM_DETAIL_MATHF(pow)(rounded(x), rounded(y));
}
NPRANDOM_ALWAYS_INLINE double fmod(double x, double y) noexcept {
  return NPRANDOM_DETAIL_MATH(fmod)(rounded(x), rounded(y));
}
/// fmod(x, y) for y > 0 finite, without the call when 0 <= x < 2y: fmod is exact (x - n y with
/// no rounding), so it is x below y and x - y from y on (exact by Sterbenz's lemma: y <= x < 2y).
/// Anything else (x >= 2y, negative, infinite, NaN) is the C library's fmod.
NPRANDOM_ALWAYS_INLINE double fmod_below_twice(double x, double y) noexcept {
  if (x >= 0.0 && x < 2.0 * y) return x < y ? x : x - y;
  return fmod(x, y);
}

// The exact ones (correctly rounded by IEEE 754, so constant folding cannot change them) and the
// classification functions.
#define NPRANDOM_DETAIL_EXACT1(name)                                                              \
  NPRANDOM_ALWAYS_INLINE double name(double x) noexcept { return NPRANDOM_DETAIL_MATH(name)(x); } \
  NPRANDOM_ALWAYS_INLINE float name(float x) noexcept { return NPRANDOM_DETAIL_MATHF(name)(x); }
NPRANDOM_DETAIL_EXACT1(sqrt)
NPRANDOM_DETAIL_EXACT1(floor)
NPRANDOM_DETAIL_EXACT1(ceil)
NPRANDOM_DETAIL_EXACT1(fabs)
#undef NPRANDOM_DETAIL_EXACT1
#if defined(__GNUC__) || defined(__clang__)
template <class T>
NPRANDOM_ALWAYS_INLINE bool isnan(T x) noexcept {
  return __builtin_isnan(x);
}
template <class T>
NPRANDOM_ALWAYS_INLINE bool isinf(T x) noexcept {
  return __builtin_isinf(x);
}
template <class T>
NPRANDOM_ALWAYS_INLINE bool isfinite(T x) noexcept {
  return __builtin_isfinite(x);
}
template <class T>
NPRANDOM_ALWAYS_INLINE bool signbit(T x) noexcept {
  return __builtin_signbit(x);
}
#else
using std::isfinite;
using std::isinf;
using std::isnan;
using std::signbit;
#endif

// Two doubles in one SSE2 register (GCC/Clang vector extension), for the fast paths that run a
// scalar piece two values at a time: such a piece is one template over its value type, double or
// f64x2 (detail::wald_value, detail::polar_factor_log), so the lanes cannot drift from the scalar
// steps. Each f64x2 operation is the same correctly rounded IEEE operation in each lane, and
// rounded() / mul() keep lane products unfused as they do scalar ones (the FMA audit covers both).
// le_mask(a, b) is a <= b as the select_bits condition: a bool for doubles, a lane mask here.
NPRANDOM_ALWAYS_INLINE bool le_mask(double a, double b) noexcept { return a <= b; }
#if (defined(__GNUC__) || defined(__clang__)) && defined(__SSE2__) && defined(__x86_64__)
#define NPRANDOM_DETAIL_F64X2 1
__extension__ typedef double f64x2 __attribute__((vector_size(16)));
__extension__ typedef long long i64x2 __attribute__((vector_size(16)));
NPRANDOM_ALWAYS_INLINE f64x2 load2(const double* p) noexcept {
  f64x2 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
NPRANDOM_ALWAYS_INLINE void store2(double* p, f64x2 v) noexcept {
  __builtin_memcpy(p, &v, sizeof v);
}
NPRANDOM_ALWAYS_INLINE f64x2 splat2(double x) noexcept { return f64x2{x, x}; }
NPRANDOM_ALWAYS_INLINE f64x2 mul(f64x2 a, f64x2 b) noexcept { return rounded(a * b); }
NPRANDOM_ALWAYS_INLINE f64x2 sqrt(f64x2 x) noexcept { return __builtin_ia32_sqrtpd(x); }
NPRANDOM_ALWAYS_INLINE i64x2 le_mask(f64x2 a, f64x2 b) noexcept {
  return __builtin_bit_cast(i64x2, a <= b);
}
// c ? a : b in each lane, c a lane mask (all ones or zero).
NPRANDOM_ALWAYS_INLINE f64x2 select_bits(i64x2 c, f64x2 a, f64x2 b) noexcept {
  return __builtin_bit_cast(
      f64x2, (__builtin_bit_cast(i64x2, a) & c) | (__builtin_bit_cast(i64x2, b) & ~c));
}
#else
#define NPRANDOM_DETAIL_F64X2 0
#endif

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_FP_HPP
