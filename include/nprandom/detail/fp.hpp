// Same bits under every build: products that stay rounded (the fast-math guard is in config.hpp).
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
#ifndef NPRANDOM_DETAIL_FP_HPP
#define NPRANDOM_DETAIL_FP_HPP

#include <nprandom/config.hpp>

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
#elif (defined(__GNUC__) || defined(__clang__)) && (defined(__aarch64__) || defined(__ARM_NEON))
  __asm__("" : "+w"(x));  // stays in its FP/SIMD register
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

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_FP_HPP
