// Feature detection and internal macros shared by every nprandom header.
#ifndef NPRANDOM_CONFIG_HPP
#define NPRANDOM_CONFIG_HPP

#include <nprandom/version.hpp>

#if !defined(__cplusplus) || (__cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L))
#error "nprandom requires C++17 or later"
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
#else
#define NPRANDOM_LIKELY(x) (x)
#define NPRANDOM_UNLIKELY(x) (x)
#define NPRANDOM_ALWAYS_INLINE inline
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
