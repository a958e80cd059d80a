// Philox4x64-10 on consecutive counters in SIMD lanes (AVX2: 4 blocks per vector, AVX-512: 8),
// chosen at run time (detail/simd_dispatch.hpp).
// Internal header: not API, may change in any release (docs/design.md).
//
// Lane j of the kernel encrypts counter c + j (256-bit, little-endian words), the words held
// "structure of arrays": vector w holds word w of every lane's block. A round is the scalar
// philox4x64_round lane by lane: the 64x64 -> 128-bit products by the two round multipliers are
// built from four 32x32 -> 64 products (vpmuludq), the low half as the scalar product mod 2^64.
// The counters step by the lane count with a 256-bit carry per lane (word 0 into 1, 2, 3), and
// the blocks are transposed back to block-major order (block k's words 0..3, then block k+1), so
// the output is exactly the scalar loop's. All arithmetic is integer: values cannot depend on
// the path. The caller (bit_generators/philox.hpp) sets the engine state afterwards.
//
// The kernels are inline functions compiled for their instruction set with the `target`
// attribute (no -mavx2 / -mavx512f needed from users) and must only be called when
// current_simd_level() allows them.
#ifndef NPRANDOM_DETAIL_PHILOX_LANES_HPP
#define NPRANDOM_DETAIL_PHILOX_LANES_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/pcg64_lanes.hpp>
#include <nprandom/detail/simd_dispatch.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

namespace nprandom {
namespace detail {

// The round multipliers and Weyl key increments of Philox4x64 (Random123, NumPy's philox.h).
inline constexpr std::uint64_t philox_m0 = 0xD2E7470EE14C6C93ULL;
inline constexpr std::uint64_t philox_m1 = 0xCA5A826395121157ULL;
inline constexpr std::uint64_t philox_w0 = 0x9E3779B97F4A7C15ULL;
inline constexpr std::uint64_t philox_w1 = 0xBB67AE8584CAA73BULL;

// Blocks (counters) per kernel iteration: vectors in flight times blocks per vector.
inline constexpr std::size_t philox_avx2_blocks = 12;    // 3 x __m256i per word
inline constexpr std::size_t philox_avx512_blocks = 24;  // 3 x __m512i per word

#if NPRANDOM_X86_SIMD

// Two-source constant shuffles: GCC (9 and later) spells them __builtin_shuffle with a mask
// vector, Clang __builtin_shufflevector with the indices.
#if defined(__clang__)
#define NPRANDOM_PHILOX_SHUFFLE(V, a, b, ...) __builtin_shufflevector(a, b, __VA_ARGS__)
#else
#define NPRANDOM_PHILOX_SHUFFLE(V, a, b, ...) __builtin_shuffle(a, b, V{__VA_ARGS__})
#endif

// The kernel of one instruction set, in namespace NS, every function compiled for TARGET, on
// vectors V of 64-bit words (vpmuludq from MULNS::mul32).
#define NPRANDOM_PHILOX_LANES_KERNEL(NS, TARGET, V, D, MULNS)                                      \
  namespace NS {                                                                                   \
  constexpr std::size_t W = sizeof(V) / sizeof(std::uint64_t);                                     \
  /* (hi, lo) = m * x, m = m_hi32 * 2^32 + m_lo32: x * m_lo32 = t1, x * m_hi32 = u, summed */      \
  TARGET NPRANDOM_ALWAYS_INLINE void mul_wide(const V& x, const V& m_lo32, const V& m_hi32, V& hi, \
                                              V& lo) noexcept {                                    \
    constexpr std::uint64_t mask32 = 0xffffffffu;                                                  \
    const V x_hi = x >> 32;                                                                        \
    const V p00 = MULNS::mul32(x, m_lo32);                                                         \
    const V p01 = MULNS::mul32(x, m_hi32);                                                         \
    const V p10 = MULNS::mul32(x_hi, m_lo32);                                                      \
    const V p11 = MULNS::mul32(x_hi, m_hi32);                                                      \
    const V t = p10 + (p00 >> 32);  /* < 2^64: (2^32 - 1)^2 + 2^32 - 1 */                          \
    const V u = p01 + (t & mask32); /* < 2^64 likewise */                                          \
    hi = p11 + (t >> 32) + (u >> 32);                                                              \
    if constexpr (MULNS::has_mul64) {                                                              \
      lo = x * ((m_hi32 << 32) | m_lo32);                                                          \
    } else {                                                                                       \
      lo = (u << 32) | (p00 & mask32);                                                             \
    }                                                                                              \
  }                                                                                                \
  /* One round on the four words of a group of W blocks (philox4x64_round). */                     \
  TARGET NPRANDOM_ALWAYS_INLINE void lanes_round(V& x0, V& x1, V& x2, V& x3, const V* m,           \
                                                 std::uint64_t k0, std::uint64_t k1) noexcept {    \
    V hi0, lo0, hi1, lo1;                                                                          \
    mul_wide(x0, m[0], m[1], hi0, lo0);                                                            \
    mul_wide(x2, m[2], m[3], hi1, lo1);                                                            \
    x0 = hi1 ^ x1 ^ k0;                                                                            \
    x1 = lo1;                                                                                      \
    x2 = hi0 ^ x3 ^ k1;                                                                            \
    x3 = lo0;                                                                                      \
  }                                                                                                \
  /* The counters c + step in every lane: word 0 plus step, the carry on into words 1..3. */       \
  TARGET NPRANDOM_ALWAYS_INLINE void step_counter(V* c, std::uint64_t step) noexcept {             \
    c[0] += step;                                                                                  \
    V carry = __builtin_convertvector(c[0] < step, V); /* all ones where word 0 wrapped */         \
    c[1] -= carry;                                                                                 \
    carry &= __builtin_convertvector(c[1] == 0, V);                                                \
    c[2] -= carry;                                                                                 \
    carry &= __builtin_convertvector(c[2] == 0, V);                                                \
    c[3] -= carry;                                                                                 \
  }                                                                                                \
  /* Block-major store of W blocks, out[4 j + w] = f(x_w[j]), f as lane_output Out. */             \
  template <lane_output Out>                                                                       \
  TARGET NPRANDOM_ALWAYS_INLINE void store_blocks(char* out, const V& x0, const V& x1,             \
                                                  const V& x2, const V& x3, const D& lower,        \
                                                  const D& range) noexcept {                       \
    V o[4];                                                                                        \
    transpose(x0, x1, x2, x3, o[0], o[1], o[2], o[3]);                                             \
    for (std::size_t k = 0; k < 4; ++k) {                                                          \
      if constexpr (Out == lane_output::raw) {                                                     \
        std::memcpy(out + k * sizeof(V), &o[k], sizeof(V));                                        \
      } else {                                                                                     \
        D d;                                                                                       \
        to_unit(o[k], d);                                                                          \
        if constexpr (Out == lane_output::affine) {                                                \
          D p = range * d;                                                                         \
          keep_rounded(p);                                                                         \
          d = lower + p;                                                                           \
        }                                                                                          \
        std::memcpy(out + k * sizeof(D), &d, sizeof(D));                                           \
      }                                                                                            \
    }                                                                                              \
  }                                                                                                \
  /* One round on G groups of W blocks (independent chains: they hide the multiply latency). */    \
  template <std::size_t G>                                                                         \
  TARGET NPRANDOM_ALWAYS_INLINE void groups_round(V (&x)[G][4], const V* m, std::uint64_t k0,      \
                                                  std::uint64_t k1) noexcept {                     \
    lanes_round(x[0][0], x[0][1], x[0][2], x[0][3], m, k0, k1);                                    \
    if constexpr (G > 1) lanes_round(x[1][0], x[1][1], x[1][2], x[1][3], m, k0, k1);               \
    if constexpr (G > 2) lanes_round(x[2][0], x[2][1], x[2][2], x[2][3], m, k0, k1);               \
  }                                                                                                \
  template <std::size_t G, std::size_t... R>                                                       \
  TARGET NPRANDOM_ALWAYS_INLINE void ten_rounds(V (&x)[G][4], const V* m,                          \
                                                const std::uint64_t* rk0,                          \
                                                const std::uint64_t* rk1,                          \
                                                std::index_sequence<R...>) noexcept {              \
    (groups_round<G>(x, m, rk0[R], rk1[R]), ...);                                                  \
  }                                                                                                \
  /* `iterations` times G * W blocks, counters ctr + 0, 1, ... (lane j of group g holds block */   \
  /* g * W + j of the iteration), into out, block-major. */                                        \
  template <std::size_t G, lane_output Out>                                                        \
  TARGET inline void philox_kernel(const std::uint64_t* ctr, const std::uint64_t* key, void* out,  \
                                   std::size_t iterations, double lower_s,                         \
                                   double range_s) noexcept {                                      \
    static_assert(G >= 1 && G <= 3, "one to three groups");                                        \
    const D lower = D{} + lower_s, range = D{} + range_s;                                          \
    V m[4];                                                                                        \
    m[0] = V{} + (philox_m0 & 0xffffffffu);                                                        \
    m[1] = V{} + (philox_m0 >> 32);                                                                \
    m[2] = V{} + (philox_m1 & 0xffffffffu);                                                        \
    m[3] = V{} + (philox_m1 >> 32);                                                                \
    std::uint64_t rk0[10], rk1[10];                                                                \
    rk0[0] = key[0];                                                                               \
    rk1[0] = key[1];                                                                               \
    for (std::size_t r = 1; r < 10; ++r) {                                                         \
      rk0[r] = rk0[r - 1] + philox_w0;                                                             \
      rk1[r] = rk1[r - 1] + philox_w1;                                                             \
    }                                                                                              \
    std::uint64_t words[4][G * W];                                                                 \
    for (std::size_t j = 0; j < G * W; ++j) {                                                      \
      std::uint64_t add = j, carry = 0; /* ctr + j, 256-bit */                                     \
      for (std::size_t w = 0; w < 4; ++w) {                                                        \
        const std::uint64_t s = ctr[w] + add;                                                      \
        const std::uint64_t s2 = s + carry;                                                        \
        carry = (s < add || s2 < s) ? 1u : 0u;                                                     \
        words[w][j] = s2;                                                                          \
        add = 0;                                                                                   \
      }                                                                                            \
    }                                                                                              \
    V c[G][4];                                                                                     \
    for (std::size_t g = 0; g < G; ++g)                                                            \
      for (std::size_t w = 0; w < 4; ++w) std::memcpy(&c[g][w], words[w] + g * W, sizeof(V));      \
    for (std::size_t it = 0; it < iterations; ++it) {                                              \
      V x[G][4];                                                                                   \
      for (std::size_t g = 0; g < G; ++g)                                                          \
        for (std::size_t w = 0; w < 4; ++w) x[g][w] = c[g][w];                                     \
      ten_rounds<G>(x, m, rk0, rk1, std::make_index_sequence<10>{});                               \
      char* o = static_cast<char*>(out) + it * G * 4 * sizeof(V);                                  \
      for (std::size_t g = 0; g < G; ++g) {                                                        \
        store_blocks<Out>(o + g * 4 * sizeof(V), x[g][0], x[g][1], x[g][2], x[g][3], lower,        \
                          range);                                                                  \
        step_counter(c[g], G* W);                                                                  \
      }                                                                                            \
    }                                                                                              \
  }                                                                                                \
  }  // namespace NS

#define NPRANDOM_TARGET_AVX512 __attribute__((target("avx2,avx512f,avx512dq,avx512vl")))
#define NPRANDOM_TARGET_AVX2 __attribute__((target("avx2")))

namespace philox_avx512 {
inline constexpr bool has_mul64 = true;
// 8 blocks: o_k = (a_2k, b_2k, c_2k, d_2k, a_2k+1, b_2k+1, c_2k+1, d_2k+1) (vpermt2q).
NPRANDOM_TARGET_AVX512 NPRANDOM_ALWAYS_INLINE void transpose(const pcg_u64x8& a, const pcg_u64x8& b,
                                                             const pcg_u64x8& c, const pcg_u64x8& d,
                                                             pcg_u64x8& o0, pcg_u64x8& o1,
                                                             pcg_u64x8& o2,
                                                             pcg_u64x8& o3) noexcept {
  const pcg_u64x8 p = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x8, a, b, 0, 8, 1, 9, 2, 10, 3, 11);
  const pcg_u64x8 q = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x8, a, b, 4, 12, 5, 13, 6, 14, 7, 15);
  const pcg_u64x8 r = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x8, c, d, 0, 8, 1, 9, 2, 10, 3, 11);
  const pcg_u64x8 s = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x8, c, d, 4, 12, 5, 13, 6, 14, 7, 15);
  o0 = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x8, p, r, 0, 1, 8, 9, 2, 3, 10, 11);
  o1 = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x8, p, r, 4, 5, 12, 13, 6, 7, 14, 15);
  o2 = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x8, q, s, 0, 1, 8, 9, 2, 3, 10, 11);
  o3 = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x8, q, s, 4, 5, 12, 13, 6, 7, 14, 15);
}
}  // namespace philox_avx512
namespace philox_avx512 {
using pcg_avx512::keep_rounded;
using pcg_avx512::mul32;
using pcg_avx512::to_unit;
}  // namespace philox_avx512
NPRANDOM_PHILOX_LANES_KERNEL(philox_avx512, NPRANDOM_TARGET_AVX512, pcg_u64x8, pcg_f64x8,
                             philox_avx512)

namespace philox_avx2 {
inline constexpr bool has_mul64 = false;
// 4 blocks: o_k = (a_k, b_k, c_k, d_k) (vpunpck[lh]qdq, vperm2i128).
NPRANDOM_TARGET_AVX2 NPRANDOM_ALWAYS_INLINE void transpose(const pcg_u64x4& a, const pcg_u64x4& b,
                                                           const pcg_u64x4& c, const pcg_u64x4& d,
                                                           pcg_u64x4& o0, pcg_u64x4& o1,
                                                           pcg_u64x4& o2, pcg_u64x4& o3) noexcept {
  const pcg_u64x4 p = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x4, a, b, 0, 4, 2, 6);
  const pcg_u64x4 q = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x4, a, b, 1, 5, 3, 7);
  const pcg_u64x4 r = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x4, c, d, 0, 4, 2, 6);
  const pcg_u64x4 s = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x4, c, d, 1, 5, 3, 7);
  o0 = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x4, p, r, 0, 1, 4, 5);
  o1 = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x4, q, s, 0, 1, 4, 5);
  o2 = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x4, p, r, 2, 3, 6, 7);
  o3 = NPRANDOM_PHILOX_SHUFFLE(pcg_u64x4, q, s, 2, 3, 6, 7);
}
}  // namespace philox_avx2
namespace philox_avx2 {
using pcg_avx2::keep_rounded;
using pcg_avx2::mul32;
using pcg_avx2::to_unit;
}  // namespace philox_avx2
NPRANDOM_PHILOX_LANES_KERNEL(philox_avx2, NPRANDOM_TARGET_AVX2, pcg_u64x4, pcg_f64x4, philox_avx2)

#undef NPRANDOM_PHILOX_LANES_KERNEL
#undef NPRANDOM_PHILOX_SHUFFLE
#undef NPRANDOM_TARGET_AVX512
#undef NPRANDOM_TARGET_AVX2

// The entry points: `blocks` (a multiple of philox_avx512_blocks / philox_avx2_blocks) blocks of
// counters ctr, ctr + 1, ... under `key` into out (4 * blocks values, block-major): the words
// (lane_output::raw, std::uint64_t* out), NumPy's uint64_to_double of them (unit) or
// lower + range * that (affine, the product rounded on its own) (double* out). Only to be called
// when current_simd_level() allows them.
template <lane_output Out>
inline void philox_lanes_avx512(const std::uint64_t* ctr, const std::uint64_t* key, void* out,
                                std::size_t blocks, double lower = 0.0,
                                double range = 0.0) noexcept {
  philox_avx512::philox_kernel<philox_avx512_blocks / 8, Out>(
      ctr, key, out, blocks / philox_avx512_blocks, lower, range);
}
template <lane_output Out>
inline void philox_lanes_avx2(const std::uint64_t* ctr, const std::uint64_t* key, void* out,
                              std::size_t blocks, double lower = 0.0, double range = 0.0) noexcept {
  philox_avx2::philox_kernel<philox_avx2_blocks / 4, Out>(
      ctr, key, out, blocks / philox_avx2_blocks, lower, range);
}

#endif  // NPRANDOM_X86_SIMD

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_PHILOX_LANES_HPP
