// Interleaved-lane kernels of the PCG 128-bit LCG (PCG64's XSL-RR and PCG64DXSM's DXSM output),
// for AVX2 and AVX-512, chosen at run time (detail/simd_dispatch.hpp).
// Internal header: not API, may change in any release (docs/design.md).
//
// The stream: s_{i+1} = s_i * M + inc (mod 2^128); output i is f(s_{i+1}) for PCG64 and f(s_i)
// for PCG64DXSM. Call t_i the state output i is computed from. With L lanes, lane k starts at
// t_k and steps by the L-step LCG, t_{i+L} = t_i * M^L + inc * (M^{L-1} + ... + M + 1) (the LCG
// jump formula, pcg_advance_lcg), so that block b of L outputs is lanes 0..L-1 at step b:
// out[b * L + k] = f(t_{b * L + k}), exactly the sequential stream. The caller sets the lanes up
// and puts the engine state where the sequential loop would have left it; these kernels only
// run the blocks. All arithmetic is integer: values cannot depend on the path.
//
// The kernels are inline functions compiled for their instruction set with the `target`
// attribute (no -mavx2 / -mavx512f needed from users) and must only be called when
// current_simd_level() allows them.
#ifndef NPRANDOM_DETAIL_PCG64_LANES_HPP
#define NPRANDOM_DETAIL_PCG64_LANES_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/detail/uint128.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>

// No <immintrin.h>: it costs every translation unit ~0.25 s of compile time (docs/benchmarks.md);
// the one instruction plain vector code does not give, vpmuludq, comes from its builtin.

namespace nprandom {
namespace detail {

// Lanes per block of each path (vectors of 64-bit words times the number of independent
// vectors per loop iteration, enough to hide the multiply latency).
inline constexpr std::size_t pcg_avx2_lanes = 16;    // 4 x __m256i
inline constexpr std::size_t pcg_avx512_lanes = 32;  // 4 x __m512i

// PCG64DXSM's 64-bit output multiplier (pcg64.h PCG_CHEAP_MULTIPLIER_128), also its LCG's.
inline constexpr std::uint64_t pcg_dxsm_output_multiplier = 0xda942042e4dd58b5ULL;

// What a lane kernel writes for output word w: w itself, NumPy's uint64_to_double(w)
// ((w >> 11) * 2^-53, exact), or random_uniform's lower + range * that (the product rounded on its
// own, as detail::mul).
enum class lane_output { raw, unit, affine };

#if NPRANDOM_X86_SIMD

// Written with GCC/Clang vector extensions rather than intrinsics (one intrinsic function
// excepted): no intrinsic macro (with its C-style casts) can expand in user code, GCC 12 gives no
// -Wmaybe-uninitialized for its AVX-512 intrinsics (GCC bug 105593) and the compiler picks the
// instructions for each target (vpmullq, vprorvq, vpcmpuq on AVX-512; vpsrlvq, vpcmpgtq on AVX2).
__extension__ typedef std::uint64_t pcg_u64x4 __attribute__((vector_size(32)));
__extension__ typedef std::uint64_t pcg_u64x8 __attribute__((vector_size(64)));
__extension__ typedef double pcg_f64x4 __attribute__((vector_size(32)));
__extension__ typedef double pcg_f64x8 __attribute__((vector_size(64)));

// The kernel of one instruction set, defined by NPRANDOM_PCG_LANES_KERNEL in namespace NS with
// every function compiled for TARGET (a function without the target attribute could not inline
// the target's multiplies): pcg_vec_lane<Dxsm> computes r = the output of the lane state
// (hi, lo), then one L-step of the LCG on (hi, lo); the 128-bit product (hi:lo) * (m_hi:m_lo)
// mod 2^128 is lo * m_lo in full (four 32x32 -> 64 products) plus (lo * m_hi + hi * m_lo) << 64.
// pcg_kernel<Dxsm> writes `blocks` blocks of 4 * (lanes per vector) outputs from lanes[j] = t_j
// and (mult, plus) = the L-step LCG; four independent vectors per iteration hide the latency.
// On return lanes[j] holds lane j's state after its last step (t_j advanced blocks * L steps).
// Vectors are passed by reference (by value without the target, GCC warns -Wpsabi).
#define NPRANDOM_PCG_LANES_KERNEL(NS, TARGET, V, D)                                               \
  namespace NS {                                                                                  \
  struct consts {                                                                                 \
    V m_lo, m_hi, m_lo_lo32, m_lo_hi32, c_lo, c_hi;                                               \
  };                                                                                              \
  template <bool Dxsm>                                                                            \
  TARGET NPRANDOM_ALWAYS_INLINE void pcg_vec_lane(V& hi, V& lo, V& r, const consts& k) noexcept { \
    constexpr std::uint64_t mask32 = 0xffffffffu;                                                 \
    if constexpr (Dxsm) {                                                                         \
      V h = hi ^ (hi >> 32);                                                                      \
      h = mul64(h, V{} + pcg_dxsm_output_multiplier);                                             \
      h ^= h >> 48;                                                                               \
      r = mul64(h, lo | std::uint64_t{1});                                                        \
    } else {                                                                                      \
      const V v = hi ^ lo;                                                                        \
      const V rot = hi >> 58;                                                                     \
      r = (v >> rot) | (v << ((std::uint64_t{64} - rot) & std::uint64_t{63}));                    \
    }                                                                                             \
    const V a_hi = lo >> 32;                                                                      \
    const V p00 = mul32(lo, k.m_lo_lo32);                                                         \
    const V p01 = mul32(lo, k.m_lo_hi32);                                                         \
    const V p10 = mul32(a_hi, k.m_lo_lo32);                                                       \
    const V p11 = mul32(a_hi, k.m_lo_hi32);                                                       \
    const V mid = (p00 >> 32) + (p01 & mask32) + (p10 & mask32);                                  \
    const V prod_hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);                              \
    const V prod_lo = (mid << 32) | (p00 & mask32);                                               \
    const V new_lo = prod_lo + k.c_lo;                                                            \
    const V carry = __builtin_convertvector(new_lo < k.c_lo, V); /* all ones where it carried */  \
    hi = prod_hi + mul64(lo, k.m_hi) + mul64(hi, k.m_lo) + k.c_hi - carry;                        \
    lo = new_lo;                                                                                  \
  }                                                                                               \
  template <lane_output Out>                                                                      \
  TARGET NPRANDOM_ALWAYS_INLINE void store(char* dst, const V& r, const D& lower,                 \
                                           const D& range) noexcept {                             \
    if constexpr (Out == lane_output::raw) {                                                      \
      std::memcpy(dst, &r, sizeof r);                                                             \
    } else {                                                                                      \
      D d;                                                                                        \
      to_unit(r, d);                                                                              \
      if constexpr (Out == lane_output::affine) {                                                 \
        D p = range * d;                                                                          \
        keep_rounded(p);                                                                          \
        d = lower + p;                                                                            \
      }                                                                                           \
      std::memcpy(dst, &d, sizeof d);                                                             \
    }                                                                                             \
  }                                                                                               \
  template <bool Dxsm, lane_output Out>                                                           \
  TARGET inline void pcg_kernel(uint128* lanes, uint128 mult, uint128 plus, void* out,            \
                                std::size_t blocks, double lower_s, double range_s) noexcept {    \
    constexpr std::size_t W = sizeof(V) / sizeof(std::uint64_t);                                  \
    constexpr std::size_t L = 4 * W;                                                              \
    consts k;                                                                                     \
    k.m_lo = V{} + mult.lo();                                                                     \
    k.m_hi = V{} + mult.hi();                                                                     \
    k.m_lo_lo32 = V{} + (mult.lo() & 0xffffffffu);                                                \
    k.m_lo_hi32 = V{} + (mult.lo() >> 32);                                                        \
    k.c_lo = V{} + plus.lo();                                                                     \
    k.c_hi = V{} + plus.hi();                                                                     \
    const D lower = D{} + lower_s, range = D{} + range_s;                                         \
    std::uint64_t his[L], los[L];                                                                 \
    for (std::size_t j = 0; j < L; ++j) {                                                         \
      his[j] = lanes[j].hi();                                                                     \
      los[j] = lanes[j].lo();                                                                     \
    }                                                                                             \
    V h0, h1, h2, h3, l0, l1, l2, l3, r0, r1, r2, r3;                                             \
    std::memcpy(&h0, his, sizeof h0);                                                             \
    std::memcpy(&h1, his + W, sizeof h1);                                                         \
    std::memcpy(&h2, his + 2 * W, sizeof h2);                                                     \
    std::memcpy(&h3, his + 3 * W, sizeof h3);                                                     \
    std::memcpy(&l0, los, sizeof l0);                                                             \
    std::memcpy(&l1, los + W, sizeof l1);                                                         \
    std::memcpy(&l2, los + 2 * W, sizeof l2);                                                     \
    std::memcpy(&l3, los + 3 * W, sizeof l3);                                                     \
    for (std::size_t b = 0; b < blocks; ++b) {                                                    \
      pcg_vec_lane<Dxsm>(h0, l0, r0, k);                                                          \
      pcg_vec_lane<Dxsm>(h1, l1, r1, k);                                                          \
      pcg_vec_lane<Dxsm>(h2, l2, r2, k);                                                          \
      pcg_vec_lane<Dxsm>(h3, l3, r3, k);                                                          \
      char* o = static_cast<char*>(out) + b * sizeof(V) * 4;                                      \
      store<Out>(o, r0, lower, range);                                                            \
      store<Out>(o + sizeof(V), r1, lower, range);                                                \
      store<Out>(o + 2 * sizeof(V), r2, lower, range);                                            \
      store<Out>(o + 3 * sizeof(V), r3, lower, range);                                            \
    }                                                                                             \
    std::memcpy(his, &h0, sizeof h0);                                                             \
    std::memcpy(his + W, &h1, sizeof h1);                                                         \
    std::memcpy(his + 2 * W, &h2, sizeof h2);                                                     \
    std::memcpy(his + 3 * W, &h3, sizeof h3);                                                     \
    std::memcpy(los, &l0, sizeof l0);                                                             \
    std::memcpy(los + W, &l1, sizeof l1);                                                         \
    std::memcpy(los + 2 * W, &l2, sizeof l2);                                                     \
    std::memcpy(los + 3 * W, &l3, sizeof l3);                                                     \
    for (std::size_t j = 0; j < L; ++j) lanes[j] = uint128(his[j], los[j]);                       \
  }                                                                                               \
  }  // namespace NS

// The two multiplies, per instruction set: mul32(a, b) = (low 32 bits of a) * (low 32 bits of b)
// in full, mul64(a, b) = a * b mod 2^64. AVX-512DQ has both (vpmuludq, vpmullq); AVX2 only the
// first (GCC does not find it in a masked product), so mul64 is three vpmuludq there.
#define NPRANDOM_TARGET_AVX512 __attribute__((target("avx2,avx512f,avx512dq,avx512vl")))
#define NPRANDOM_TARGET_AVX2 __attribute__((target("avx2")))
namespace pcg_avx512 {
// vpmuludq (_mm512_mul_epu32) through its builtin: GCC 12 makes vpandq + vpmullq of the masked
// vector product `(a & m32) * (b & m32)`, several times slower.
NPRANDOM_TARGET_AVX512 NPRANDOM_ALWAYS_INLINE pcg_u64x8 mul32(pcg_u64x8 a, pcg_u64x8 b) noexcept {
  typedef int i32x16 __attribute__((vector_size(64)));
#if defined(__clang__)
  return __builtin_convertvector(
      __builtin_ia32_pmuludq512(__builtin_bit_cast(i32x16, a), __builtin_bit_cast(i32x16, b)),
      pcg_u64x8);
#else
  typedef long long i64x8 __attribute__((vector_size(64)));
  return __builtin_convertvector(
      __builtin_ia32_pmuludq512_mask(__builtin_bit_cast(i32x16, a), __builtin_bit_cast(i32x16, b),
                                     i64x8{}, 0xff),
      pcg_u64x8);
#endif
}
NPRANDOM_TARGET_AVX512 NPRANDOM_ALWAYS_INLINE pcg_u64x8 mul64(pcg_u64x8 a, pcg_u64x8 b) noexcept {
  return a * b;
}
// (w >> 11) * 2^-53: vcvtuqq2pd, exact below 2^53, times a power of two, exact.
NPRANDOM_TARGET_AVX512 NPRANDOM_ALWAYS_INLINE void to_unit(const pcg_u64x8& w,
                                                           pcg_f64x8& d) noexcept {
  d = __builtin_convertvector(w >> 11, pcg_f64x8) * (1.0 / 9007199254740992.0);
}
// detail::rounded for a vector: the product cannot be fused with the addition that follows.
NPRANDOM_TARGET_AVX512 NPRANDOM_ALWAYS_INLINE void keep_rounded(pcg_f64x8& x) noexcept {
  __asm__("" : "+v"(x));
}
}  // namespace pcg_avx512
NPRANDOM_PCG_LANES_KERNEL(pcg_avx512, NPRANDOM_TARGET_AVX512, pcg_u64x8, pcg_f64x8)

namespace pcg_avx2 {
NPRANDOM_TARGET_AVX2 NPRANDOM_ALWAYS_INLINE pcg_u64x4 mul32(pcg_u64x4 a, pcg_u64x4 b) noexcept {
  // vpmuludq: the low 32 bits of each 64-bit lane multiplied to 64 bits (_mm256_mul_epu32).
  typedef int i32x8 __attribute__((vector_size(32)));
  return __builtin_convertvector(
      __builtin_ia32_pmuludq256(__builtin_bit_cast(i32x8, a), __builtin_bit_cast(i32x8, b)),
      pcg_u64x4);
}
NPRANDOM_TARGET_AVX2 NPRANDOM_ALWAYS_INLINE pcg_u64x4 mul64(pcg_u64x4 a, pcg_u64x4 b) noexcept {
  const pcg_u64x4 cross = mul32(a, b >> 32) + mul32(a >> 32, b);
  return mul32(a, b) + (cross << 32);
}
// (w >> 11) * 2^-53 without a 64-bit integer conversion (AVX2 has none): x = w >> 11 < 2^53 is
// hi * 2^32 + lo; the doubles with bits 0x453.. | hi and 0x433.. | lo are 2^84 + hi * 2^32 and
// 2^52 + lo, and (2^84 + hi * 2^32 - (2^84 + 2^52)) + (2^52 + lo) = x, each step exact.
NPRANDOM_TARGET_AVX2 NPRANDOM_ALWAYS_INLINE void to_unit(const pcg_u64x4& w,
                                                         pcg_f64x4& d) noexcept {
  const pcg_u64x4 x = w >> 11;
  const pcg_u64x4 hi_bits = (x >> 32) | std::uint64_t{0x4530000000000000u};
  const pcg_u64x4 lo_bits = (x & std::uint64_t{0xffffffffu}) | std::uint64_t{0x4330000000000000u};
  pcg_f64x4 hi, lo;
  std::memcpy(&hi, &hi_bits, sizeof hi);
  std::memcpy(&lo, &lo_bits, sizeof lo);
  d = ((hi - 19342813118337666422669312.0) + lo) * (1.0 / 9007199254740992.0);  // 2^84 + 2^52
}
NPRANDOM_TARGET_AVX2 NPRANDOM_ALWAYS_INLINE void keep_rounded(pcg_f64x4& x) noexcept {
  __asm__("" : "+x"(x));
}
}  // namespace pcg_avx2
NPRANDOM_PCG_LANES_KERNEL(pcg_avx2, NPRANDOM_TARGET_AVX2, pcg_u64x4, pcg_f64x4)

#undef NPRANDOM_PCG_LANES_KERNEL
#undef NPRANDOM_TARGET_AVX512
#undef NPRANDOM_TARGET_AVX2

static_assert(pcg_avx512_lanes == 4 * 8 && pcg_avx2_lanes == 4 * 4, "four vectors per block");

// The entry points: only to be called when current_simd_level() allows them.
// `out` holds std::uint64_t (lane_output::raw) or double values.
template <bool Dxsm, lane_output Out>
inline void pcg_lanes_avx512(uint128* lanes, uint128 mult, uint128 plus, void* out,
                             std::size_t blocks, double lower, double range) noexcept {
  pcg_avx512::pcg_kernel<Dxsm, Out>(lanes, mult, plus, out, blocks, lower, range);
}
template <bool Dxsm, lane_output Out>
inline void pcg_lanes_avx2(uint128* lanes, uint128 mult, uint128 plus, void* out,
                           std::size_t blocks, double lower, double range) noexcept {
  pcg_avx2::pcg_kernel<Dxsm, Out>(lanes, mult, plus, out, blocks, lower, range);
}

#endif  // NPRANDOM_X86_SIMD

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_PCG64_LANES_HPP
