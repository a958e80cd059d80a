// MT19937 core: the twist, tempering, Knuth/array seeding and NumPy's 2^128 jump (internal).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_MT19937_CORE_HPP
#define NPRANDOM_DETAIL_MT19937_CORE_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/mt19937_jump_table.hpp>
#include <nprandom/detail/simd_dispatch.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

// The four-word paths use GCC/Clang vector types (SSE2 on x86-64, NEON on aarch64), not
// <emmintrin.h>: the intrinsics header costs every translation unit ~0.02 s of compile time.
#if (defined(__GNUC__) || defined(__clang__)) && (defined(__SSE2__) || defined(__aarch64__))
#define NPRANDOM_DETAIL_MT_VEC4 1
#endif

namespace nprandom {
namespace detail {

// Mersenne Twister parameters (Matsumoto & Nishimura 1998), as in NumPy's src/mt19937/mt19937.h.
inline constexpr int mt19937_n = 624;
inline constexpr int mt19937_m = 397;
inline constexpr std::uint32_t mt19937_matrix_a = 0x9908b0dfu;
inline constexpr std::uint32_t mt19937_upper_mask = 0x80000000u;
inline constexpr std::uint32_t mt19937_lower_mask = 0x7fffffffu;

using mt19937_key = std::array<std::uint32_t, mt19937_n>;

// The twist step and the tempering, written once for a word and for the vectors of words of
// the lane paths (GCC/Clang vector types: each operator applies lane by lane). Macros, not
// templates: a function taking or returning a 256/512-bit vector outside its target attribute
// changes the ABI (a GCC -Wpsabi warning, a Clang error). #undef'd at the end of this header.
// The twist: y = upper bit of x_k | lower bits of x_{k+1}; x_k' = x_{k+M} ^ (y >> 1) ^ (A if y
// is odd).
#define NPRANDOM_MT19937_TWIST_Y(xk, xk1) (((xk)&mt19937_upper_mask) | ((xk1)&mt19937_lower_mask))
#define NPRANDOM_MT19937_TWIST_FROM_Y(y, xkm) \
  ((xkm) ^ ((y) >> 1u) ^ ((0u - ((y)&1u)) & mt19937_matrix_a))
// The tempering of y, in place.
#define NPRANDOM_MT19937_TEMPER(y)                                                         \
  ((y) ^= (y) >> 11u, (y) ^= ((y) << 7u) & 0x9d2c5680u, (y) ^= ((y) << 15u) & 0xefc60000u, \
   (y) ^= (y) >> 18u)

// One twist step: the word that replaces x_k given x_k, x_{k+1} and x_{k+M}.
inline constexpr std::uint32_t mt19937_twist_word(std::uint32_t xk, std::uint32_t xk1,
                                                  std::uint32_t xkm) noexcept {
  const std::uint32_t y = NPRANDOM_MT19937_TWIST_Y(xk, xk1);
  return NPRANDOM_MT19937_TWIST_FROM_Y(y, xkm);
}

// mt19937_next_double: 53 bits from two consecutive outputs, `a` first (a >> 5, b >> 6). Every
// operation is exact (integers below 2^53, powers of two), so an FMA cannot change a bit here.
inline constexpr double mt19937_to_double(std::uint32_t a, std::uint32_t b) noexcept {
  const double hi = static_cast<std::int32_t>(a >> 5), lo = static_cast<std::int32_t>(b >> 6);
  return (hi * 67108864.0 + lo) / 9007199254740992.0;  // fma-exact
}

inline constexpr std::uint32_t mt19937_temper(std::uint32_t y) noexcept {
  NPRANDOM_MT19937_TEMPER(y);
  return y;
}

// Regenerates the whole 624-word block in place (NumPy's mt19937_gen). Split in three loops so
// that the first two have no index wrap-around and vectorise.
#ifdef NPRANDOM_DETAIL_MT_VEC4
using mt19937_v4 = std::uint32_t __attribute__((vector_size(16)));
NPRANDOM_ALWAYS_INLINE mt19937_v4 mt19937_load4(const std::uint32_t* p) noexcept {
  mt19937_v4 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
NPRANDOM_ALWAYS_INLINE void mt19937_store4(std::uint32_t* p, mt19937_v4 v) noexcept {
  __builtin_memcpy(p, &v, sizeof v);
}
// Four next_double() values from eight consecutive words w[0..7] (mt19937_to_double of each
// pair, in order): the pairs split into high and low words, shifted, converted and combined in
// vector lanes. Every operation is exact (integers below 2^27 and 2^26, hi * 2^26 + lo below
// 2^53, a power-of-two scale), so the doubles are mt19937_to_double's bit for bit.
NPRANDOM_ALWAYS_INLINE void mt19937_to_double4(const std::uint32_t* w, double* out) noexcept {
  using v4i = std::int32_t __attribute__((vector_size(16)));
  using v4d = double __attribute__((vector_size(32)));
  const mt19937_v4 x = mt19937_load4(w), y = mt19937_load4(w + 4);
#if defined(__clang__)
  const mt19937_v4 a = __builtin_shufflevector(x, y, 0, 2, 4, 6);
  const mt19937_v4 b = __builtin_shufflevector(x, y, 1, 3, 5, 7);
#else
  const mt19937_v4 a = __builtin_shuffle(x, y, mt19937_v4{0u, 2u, 4u, 6u});
  const mt19937_v4 b = __builtin_shuffle(x, y, mt19937_v4{1u, 3u, 5u, 7u});
#endif
  const v4d hi = __builtin_convertvector(__builtin_convertvector(a >> 5u, v4i), v4d);
  const v4d lo = __builtin_convertvector(__builtin_convertvector(b >> 6u, v4i), v4d);
  const v4d r = (hi * 67108864.0 + lo) / 9007199254740992.0;  // fma-exact
  __builtin_memcpy(out, &r, sizeof r);
}
// Four words of the twist at once: k[i..i+3] from k[i..i+4] and far[0..3] (far = k + i + m, or
// k + i + m - n in the second part). Every word read is either not yet rewritten (k[i+1..i+4])
// or already final (far: at least 227 words away), exactly as in the one-word loop.
NPRANDOM_ALWAYS_INLINE void mt19937_twist4(std::uint32_t* k, const std::uint32_t* far) noexcept {
  const mt19937_v4 xk = mt19937_load4(k);
  const mt19937_v4 xk1 = mt19937_load4(k + 1);
  const mt19937_v4 xkm = mt19937_load4(far);
  const mt19937_v4 y = NPRANDOM_MT19937_TWIST_Y(xk, xk1);
  mt19937_store4(k, NPRANDOM_MT19937_TWIST_FROM_Y(y, xkm));
}
#endif

// out[j] = mt19937_temper(k[j]) for j < n (UInt = std::uint32_t, or std::uint64_t zero-extended).
template <class UInt>
inline void mt19937_temper_block_portable(const std::uint32_t* k, std::size_t n,
                                          UInt* out) noexcept {
  std::size_t j = 0;
#ifdef NPRANDOM_DETAIL_MT_VEC4
  if constexpr (sizeof(UInt) == 4 || sizeof(UInt) == 8) {
    const std::size_t vec_end = n & ~std::size_t{3};
    for (; j < vec_end; j += 4) {
      mt19937_v4 y = mt19937_load4(k + j);
      NPRANDOM_MT19937_TEMPER(y);
      if constexpr (sizeof(UInt) == 4) {
        __builtin_memcpy(out + j, &y, sizeof y);
      } else {
        for (std::size_t q = 0; q < 4; ++q) out[j + q] = y[q];
      }
    }
  }
#endif
  for (; j < n; ++j) out[j] = mt19937_temper(k[j]);
}

inline void mt19937_twist_portable(mt19937_key& key) noexcept {
  constexpr int n = mt19937_n;
  constexpr int m = mt19937_m;
  std::uint32_t* k = key.data();
  int i = 0;
#ifdef NPRANDOM_DETAIL_MT_VEC4
  for (; i + 4 <= n - m; i += 4) mt19937_twist4(k + i, k + i + m);
#endif
  for (; i < n - m; ++i) k[i] = mt19937_twist_word(k[i], k[i + 1], k[i + m]);
#ifdef NPRANDOM_DETAIL_MT_VEC4
  for (; i + 4 <= n - 1; i += 4) mt19937_twist4(k + i, k + i + m - n);
#endif
  for (; i < n - 1; ++i) k[i] = mt19937_twist_word(k[i], k[i + 1], k[i + m - n]);
  k[n - 1] = mt19937_twist_word(k[n - 1], k[0], k[m - 1]);
}

#if NPRANDOM_X86_SIMD
// The block kernels in W lanes of an instruction set chosen at run time (detail/simd_dispatch.hpp):
// the twist and the tempering as above, W = 8 (AVX2) or 16 (AVX-512) words at a time. Integer
// operations only, so every path gives the same words; the lane loops read what the one-word
// loop reads (the next W words not yet rewritten, the far words at least 227 away).
#define NPRANDOM_MT_BLOCK_KERNEL(NS, TARGET, W)                                                   \
  namespace NS {                                                                                  \
  __extension__ typedef std::uint32_t vu __attribute__((vector_size(W * 4)));                     \
  TARGET NPRANDOM_ALWAYS_INLINE vu load(const std::uint32_t* p) noexcept {                        \
    vu v;                                                                                         \
    __builtin_memcpy(&v, p, sizeof v);                                                            \
    return v;                                                                                     \
  }                                                                                               \
  TARGET NPRANDOM_ALWAYS_INLINE void twist_lanes(std::uint32_t* k,                                \
                                                 const std::uint32_t* far) noexcept {             \
    const vu y = NPRANDOM_MT19937_TWIST_Y(load(k), load(k + 1));                                  \
    const vu r = NPRANDOM_MT19937_TWIST_FROM_Y(y, load(far));                                     \
    __builtin_memcpy(k, &r, sizeof r);                                                            \
  }                                                                                               \
  TARGET inline void twist(std::uint32_t* k) noexcept {                                           \
    constexpr int n = mt19937_n, m = mt19937_m;                                                   \
    int i = 0;                                                                                    \
    for (; i + W <= n - m; i += W) twist_lanes(k + i, k + i + m);                                 \
    for (; i < n - m; ++i) k[i] = mt19937_twist_word(k[i], k[i + 1], k[i + m]);                   \
    for (; i + W <= n - 1; i += W) twist_lanes(k + i, k + i + m - n);                             \
    for (; i < n - 1; ++i) k[i] = mt19937_twist_word(k[i], k[i + 1], k[i + m - n]);               \
    k[n - 1] = mt19937_twist_word(k[n - 1], k[0], k[m - 1]);                                      \
  }                                                                                               \
  TARGET inline void temper(const std::uint32_t* k, std::size_t n, std::uint32_t* out) noexcept { \
    const std::size_t nv = n - n % W; /* the lane part, then the rest one word at a time */       \
    for (std::size_t j = 0; j < nv; j += W) {                                                     \
      vu y = load(k + j);                                                                         \
      NPRANDOM_MT19937_TEMPER(y);                                                                 \
      __builtin_memcpy(out + j, &y, sizeof y);                                                    \
    }                                                                                             \
    for (std::size_t j = nv; j < n; ++j) out[j] = mt19937_temper(k[j]);                           \
  }                                                                                               \
  }
NPRANDOM_MT_BLOCK_KERNEL(mt_avx2, __attribute__((target("avx2"))), 8)
NPRANDOM_MT_BLOCK_KERNEL(mt_avx512, __attribute__((target("avx512f"))), 16)
#undef NPRANDOM_MT_BLOCK_KERNEL
#endif

// Regenerates the whole 624-word block in place (NumPy's mt19937_gen) on the SIMD level in use.
// Not forced out of line: a call here (an escape of the generator) made GCC -O3 keep next_uint32's
// position in memory across a scalar randint loop, 61% slower than -O2 (docs/benchmarks.md).
inline void mt19937_twist(mt19937_key& key) noexcept {
#if NPRANDOM_X86_SIMD
  switch (current_simd_level()) {
    case simd_level::avx512:
      mt_avx512::twist(key.data());
      return;
    case simd_level::avx2:
      mt_avx2::twist(key.data());
      return;
    default:
      break;
  }
#endif
  mt19937_twist_portable(key);
}

// out[j] = mt19937_temper(k[j]) for j < n, on the SIMD level in use for 32-bit words.
template <class UInt>
inline void mt19937_temper_block(const std::uint32_t* k, std::size_t n, UInt* out) noexcept {
#if NPRANDOM_X86_SIMD
  if constexpr (sizeof(UInt) == 4) {
    if (n >= 16) {
      switch (current_simd_level()) {
        case simd_level::avx512:
          mt_avx512::temper(k, n, out);
          return;
        case simd_level::avx2:
          mt_avx2::temper(k, n, out);
          return;
        default:
          break;
      }
    }
  }
#endif
  mt19937_temper_block_portable(k, n, out);
}

// out[i] = mt19937_to_double(w[2 i], w[2 i + 1]) for i < k: four at a time in explicit vector
// lanes where `Lanes` (GCC -O2 leaves the plain loop scalar), the rest one at a time.
template <bool Lanes>
NPRANDOM_ALWAYS_INLINE void mt19937_to_doubles_loop(const std::uint32_t* w, double* out,
                                                    std::size_t k) noexcept {
  std::size_t i = 0;
#ifdef NPRANDOM_DETAIL_MT_VEC4
  if constexpr (Lanes) {
    for (; i + 4 <= k; i += 4) mt19937_to_double4(w + 2 * i, out + i);
  }
#endif
  for (; i < k; ++i) out[i] = mt19937_to_double(w[2 * i], w[2 * i + 1]);
}

#if NPRANDOM_X86_SIMD && defined(NPRANDOM_DETAIL_MT_VEC4) && !defined(__AVX2__)
// The lane loop compiled for AVX2 (each four doubles in one register).
__attribute__((target("avx2"))) inline void mt19937_to_doubles_avx2(const std::uint32_t* w,
                                                                    double* out,
                                                                    std::size_t k) noexcept {
  mt19937_to_doubles_loop<true>(w, out, k);
}
#endif

// out[i] = mt19937_to_double(w[2 i], w[2 i + 1]) for i < k (exact: the same doubles on every path).
inline void mt19937_to_doubles(const std::uint32_t* w, double* out, std::size_t k) noexcept {
#if NPRANDOM_X86_SIMD && defined(NPRANDOM_DETAIL_MT_VEC4) && !defined(__AVX2__)
  if (k >= 8 && current_simd_level() != simd_level::portable) {
    mt19937_to_doubles_avx2(w, out, k);
    return;
  }
#endif
  // With AVX-512 enabled at compile time the compiler's own vectorisation of the plain loop is
  // wider than the four lanes.
#if defined(__AVX512F__)
  mt19937_to_doubles_loop<false>(w, out, k);
#else
  mt19937_to_doubles_loop<true>(w, out, k);
#endif
}

// Knuth's initialisation (init_genrand / NumPy's mt19937_seed); the caller sets pos = 624.
inline void mt19937_init_genrand(mt19937_key& key, std::uint32_t s) noexcept {
  key[0] = s;
  for (int i = 1; i < mt19937_n; ++i) {
    const std::uint32_t prev = key[static_cast<std::size_t>(i - 1)];
    key[static_cast<std::size_t>(i)] =
        1812433253u * (prev ^ (prev >> 30)) + static_cast<std::uint32_t>(i);
  }
}

// init_by_array of the MT reference code (NumPy's mt19937_init_by_array); key_length > 0.
// The caller sets pos = 624.
inline void mt19937_init_by_array(mt19937_key& mt, const std::uint32_t* init_key,
                                  std::size_t key_length) noexcept {
  constexpr std::size_t n = mt19937_n;
  mt19937_init_genrand(mt, 19650218u);
  std::size_t i = 1;
  std::size_t j = 0;
  for (std::size_t k = std::max(n, key_length); k != 0; --k) {
    const std::uint32_t prev = mt[i - 1];
    mt[i] =
        (mt[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + init_key[j] + static_cast<std::uint32_t>(j);
    ++i;
    ++j;
    if (i >= n) {
      mt[0] = mt[n - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (std::size_t k = n - 1; k != 0; --k) {
    const std::uint32_t prev = mt[i - 1];
    mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - static_cast<std::uint32_t>(i);
    ++i;
    if (i >= n) {
      mt[0] = mt[n - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // MSB is 1, assuring a non-zero initial array
}

// --- Jump ahead by 2^128 steps (NumPy's src/mt19937/mt19937-jump.c, mt19937_jump_state) ---
// The state is read as a circular buffer of 624 words starting at `pos`; gen_next replaces the
// oldest word in place, and add_state XORs two states word by word in that circular order.

struct mt19937_jump_state {
  mt19937_key key;
  int pos;
};

inline void mt19937_gen_next(mt19937_jump_state& s) noexcept {
  constexpr int n = mt19937_n;
  const int p = s.pos;
  const int p1 = p + 1 == n ? 0 : p + 1;
  const int pm = p + mt19937_m < n ? p + mt19937_m : p + mt19937_m - n;
  const auto up = static_cast<std::size_t>(p);
  s.key[up] = mt19937_twist_word(s.key[up], s.key[static_cast<std::size_t>(p1)],
                                 s.key[static_cast<std::size_t>(pm)]);
  s.pos = p1;
}

inline void mt19937_add_state(mt19937_jump_state& dst, const mt19937_jump_state& src) noexcept {
  constexpr int n = mt19937_n;
  int a = dst.pos;
  int b = src.pos;
  int done = 0;
  while (done < n) {
    const int len = std::min({n - a, n - b, n - done});
    std::uint32_t* d = dst.key.data() + a;
    const std::uint32_t* s = src.key.data() + b;
    for (int i = 0; i < len; ++i) d[i] ^= s[i];
    done += len;
    a += len;
    b += len;
    if (a == n) a = 0;
    if (b == n) b = 0;
  }
}

inline bool mt19937_jump_coef(int deg) noexcept {
  return ((mt19937_jump_poly[deg >> 5] >> (deg & 31)) & 1u) != 0;
}

// Horner evaluation of the jump polynomial at the transition (NumPy's horner1).
inline void mt19937_jump(mt19937_key& key, int& pos) noexcept {
  mt19937_jump_state state{key, pos >= mt19937_n ? 0 : pos};
  int i = 19937 - 1;
  while (i >= 0 && !mt19937_jump_coef(i)) --i;
  mt19937_jump_state temp{};
  temp.pos = 0;
  if (i > 0) {
    temp = state;
    mt19937_gen_next(temp);
    for (--i; i > 0; --i) {
      if (mt19937_jump_coef(i)) mt19937_add_state(temp, state);
      mt19937_gen_next(temp);
    }
    if (mt19937_jump_coef(0)) mt19937_add_state(temp, state);
  } else if (i == 0) {
    temp = state;
  }
  key = temp.key;
  pos = temp.pos;
}

}  // namespace detail
}  // namespace nprandom

#undef NPRANDOM_MT19937_TWIST_Y
#undef NPRANDOM_MT19937_TWIST_FROM_Y
#undef NPRANDOM_MT19937_TEMPER

#endif  // NPRANDOM_DETAIL_MT19937_CORE_HPP
