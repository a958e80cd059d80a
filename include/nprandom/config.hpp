// Feature detection and internal macros shared by every nprandom header.
// Public header for the user switches NPRANDOM_ALLOW_FAST_MATH and NPRANDOM_NO_INT128; every other
// macro here is internal (the public/internal line: docs/design.md).
#ifndef NPRANDOM_CONFIG_HPP
#define NPRANDOM_CONFIG_HPP

#include <nprandom/version.hpp>

#if !defined(__cplusplus) || \
    (__cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L))
#error "nprandom requires C++17 or later"
#endif

// ---- fast-math guard (detail/fp.hpp keeps FMA contraction out) -------------------------------
// -ffast-math (and its parts) reorders, fuses and drops operations and assumes no NaN/inf:
// nprandom's values would no longer be NumPy's, and NaN parameter checks could vanish. Detected
// through the macros the compilers announce: __FAST_MATH__ (-ffast-math, GCC and Clang),
// __FINITE_MATH_ONLY__ (-ffinite-math-only, GCC and Clang), __ASSOCIATIVE_MATH__ /
// __RECIPROCAL_MATH__ (GCC: -funsafe-math-optimizations, -fassociative-math, -freciprocal-math).
// Clang 14 announces neither of the last two, so those flags alone go undetected there.
// Define NPRANDOM_ALLOW_FAST_MATH to build anyway: values will differ from NumPy's.
#if !defined(NPRANDOM_ALLOW_FAST_MATH)
#if defined(__FAST_MATH__)
#error \
    "nprandom: compiled with -ffast-math: nprandom's values would differ from NumPy's. Remove -ffast-math (and -funsafe-math-optimizations), or define NPRANDOM_ALLOW_FAST_MATH to accept that values will differ from NumPy."
#elif defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__
#error \
    "nprandom: compiled with -ffinite-math-only: NaN/inf parameter checks and values would differ from NumPy's. Remove it, or define NPRANDOM_ALLOW_FAST_MATH to accept that values will differ from NumPy."
#elif defined(__ASSOCIATIVE_MATH__) || defined(__RECIPROCAL_MATH__)
#error \
    "nprandom: compiled with -fassociative-math / -freciprocal-math: nprandom's values would differ from NumPy's. Remove them, or define NPRANDOM_ALLOW_FAST_MATH to accept that values will differ from NumPy."
#endif
#endif

// 128-bit integer support (GCC/Clang on 64-bit targets). Define NPRANDOM_NO_INT128 to force the
// portable fallback (used by the tests to exercise it).
#if !defined(NPRANDOM_NO_INT128) && defined(__SIZEOF_INT128__)
#define NPRANDOM_HAS_INT128 1
#else
#define NPRANDOM_HAS_INT128 0
#endif

#if defined(__GNUC__) || defined(__clang__)
#define NPRANDOM_LIKELY(x) __builtin_expect(!!(x), 1)
#define NPRANDOM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define NPRANDOM_ALWAYS_INLINE inline __attribute__((always_inline))
#define NPRANDOM_NOINLINE __attribute__((noinline))
// An out-of-line function with everything it calls inlined into it.
#define NPRANDOM_NOINLINE_FLATTEN __attribute__((noinline, flatten))
// After a lambda's parameter list: inline the lambda into its caller (detail::with_local_engine).
#define NPRANDOM_LAMBDA_INLINE __attribute__((always_inline))
// In a rarely taken branch: keeps it a branch (GCC would not if-convert it into a cmov that puts
// the branch's computation on every pass's dependency chain).
#define NPRANDOM_KEEP_BRANCH() __asm__ volatile("")
#else
#define NPRANDOM_LIKELY(x) (x)
#define NPRANDOM_UNLIKELY(x) (x)
#define NPRANDOM_ALWAYS_INLINE inline
#define NPRANDOM_NOINLINE
#define NPRANDOM_NOINLINE_FLATTEN
#define NPRANDOM_LAMBDA_INLINE
#define NPRANDOM_KEEP_BRANCH() ((void)0)
#endif

// __extension__ silences -Wpedantic about __int128 on GCC/Clang.
#if NPRANDOM_HAS_INT128
namespace nprandom {
namespace detail {
__extension__ typedef unsigned __int128 native_uint128;
}  // namespace detail
}  // namespace nprandom
#endif

#endif  // NPRANDOM_CONFIG_HPP
