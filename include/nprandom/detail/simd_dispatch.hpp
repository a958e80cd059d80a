// Run-time choice of the SIMD path of the bulk engine kernels (detail/pcg64_lanes.hpp).
// Internal header: not API, may change in any release (docs/design.md).
//
// Header-only and with no compiler flag required of users: the AVX2 / AVX-512 kernels are
// ordinary inline functions compiled for their instruction set with GCC/Clang's
// `__attribute__((target(...)))`, and called only when the CPU (and the OS, which must save the
// wider registers) supports it, as reported by `__builtin_cpu_supports`. Every path gives the
// same values and leaves the same state, so the choice changes speed only.
//
// The level in use is decided once, at the first bulk call: the best one the CPU supports, or
// the environment variable NPRANDOM_SIMD=portable|avx2|avx512 (lowered to what the CPU
// supports), and can be changed at any time with set_simd_level (tests and CI force each path).
#ifndef NPRANDOM_DETAIL_SIMD_DISPATCH_HPP
#define NPRANDOM_DETAIL_SIMD_DISPATCH_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/atomic_value.hpp>

#include <cstdlib>
#include <cstring>

// NPRANDOM_X86_SIMD: the AVX2 / AVX-512 kernels exist in this build (x86-64, GCC or Clang).
// Define NPRANDOM_NO_SIMD to leave them out (the portable path only).
#if !defined(NPRANDOM_NO_SIMD) && defined(__x86_64__) && \
    (defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 9))  // __builtin_convertvector
#define NPRANDOM_X86_SIMD 1
#else
#define NPRANDOM_X86_SIMD 0
#endif

namespace nprandom {
namespace detail {

// Ordered: a level implies the ones below it.
enum class simd_level : int { portable = 0, avx2 = 1, avx512 = 2 };

// The best level this CPU and build support (no override).
inline simd_level cpu_simd_level() noexcept {
#if NPRANDOM_X86_SIMD
  static const simd_level level = [] {
    __builtin_cpu_init();  // needed when called before libgcc's constructor (static init)
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("avx512f") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
      return simd_level::avx512;
    if (__builtin_cpu_supports("avx2")) return simd_level::avx2;
    return simd_level::portable;
  }();
  return level;
#else
  return simd_level::portable;
#endif
}

// True when the CPU has FMA (the condition, with AVX2, under which glibc runs its FMA build of
// log: detail/vec_log.hpp). Independent of the level in use.
inline bool cpu_has_fma() noexcept {
#if NPRANDOM_X86_SIMD
  static const bool fma = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("fma") != 0;
  }();
  return fma;
#else
  return false;
#endif
}

inline const char* simd_level_name(simd_level l) noexcept {
  switch (l) {
    case simd_level::avx512:
      return "avx512";
    case simd_level::avx2:
      return "avx2";
    default:
      return "portable";
  }
}

// The level in use; -1 until first decided.
inline atomic_value<int> simd_level_in_use{-1};

inline simd_level clamp_simd_level(simd_level want) noexcept {
  const simd_level best = cpu_simd_level();
  return static_cast<int>(want) < static_cast<int>(best) ? want : best;
}

// Forces the level of every later bulk call (lowered to what the CPU supports); returns the level
// set. Thread-safe; calls already running finish on the path they chose.
inline simd_level set_simd_level(simd_level want) noexcept {
  const simd_level l = clamp_simd_level(want);
  simd_level_in_use.store(static_cast<int>(l));
  return l;
}

// The level the bulk kernels use now: NPRANDOM_SIMD (read once) or the CPU's best.
inline simd_level current_simd_level() noexcept {
  const int v = simd_level_in_use.load();
  if (NPRANDOM_LIKELY(v >= 0)) return static_cast<simd_level>(v);
  simd_level want = simd_level::avx512;
  if (const char* env = std::getenv("NPRANDOM_SIMD")) {  // NOLINT(concurrency-mt-unsafe)
    if (std::strcmp(env, "portable") == 0 || std::strcmp(env, "none") == 0) {
      want = simd_level::portable;
    } else if (std::strcmp(env, "avx2") == 0) {
      want = simd_level::avx2;
    }
  }
  const int expected = -1;
  const int chosen = static_cast<int>(clamp_simd_level(want));
  const int before = simd_level_in_use.compare_exchange(expected, chosen);
  return static_cast<simd_level>(before == expected ? chosen : before);
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_SIMD_DISPATCH_HPP
