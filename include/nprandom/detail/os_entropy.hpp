// OS entropy for SeedSequence(): getentropy() where the C library has it, else std::random_device.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_OS_ENTROPY_HPP
#define NPRANDOM_DETAIL_OS_ENTROPY_HPP

#include <nprandom/config.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

// getentropy(): glibc >= 2.25 (<unistd.h>), musl, macOS >= 10.12 (<sys/random.h>), the BSDs.
// It spares every user of nprandom.hpp the <random> header (std::random_device), which costs more
// to compile than the rest of nprandom's standard includes together (docs/benchmarks.md).
// Define NPRANDOM_USE_RANDOM_DEVICE to use std::random_device everywhere.
#if !defined(NPRANDOM_USE_RANDOM_DEVICE)
#if defined(__APPLE__)
#include <sys/random.h>
#include <unistd.h>
#define NPRANDOM_HAS_GETENTROPY 1
#elif defined(__linux__) || defined(__OpenBSD__) || defined(__FreeBSD__) || defined(__NetBSD__)
#include <unistd.h>
#if defined(__GLIBC__) && (__GLIBC__ < 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ < 25))
#define NPRANDOM_HAS_GETENTROPY 0
#else
#define NPRANDOM_HAS_GETENTROPY 1
#endif
#else
#define NPRANDOM_HAS_GETENTROPY 0
#endif
#else
#define NPRANDOM_HAS_GETENTROPY 0
#endif

#if !NPRANDOM_HAS_GETENTROPY
#include <random>
#endif

namespace nprandom {
namespace detail {

// Fills out[0..n) with 32-bit words of OS entropy. Throws std::runtime_error if the OS has none.
inline void os_entropy_words(std::uint32_t* out, std::size_t n) {
#if NPRANDOM_HAS_GETENTROPY
  unsigned char buf[256];
  std::size_t done = 0;
  while (done < n) {
    const std::size_t words = (n - done) < 64 ? (n - done) : 64;
    bool ok = ::getentropy(buf, words * 4) == 0;
    if (!ok) {  // e.g. a kernel without getrandom(2): read the device instead
      if (std::FILE* f = std::fopen("/dev/urandom", "rb")) {
        ok = std::fread(buf, 1, words * 4, f) == words * 4;
        std::fclose(f);
      }
    }
    if (!ok)
      throw std::runtime_error("nprandom: no OS entropy (getentropy and /dev/urandom failed)");
    for (std::size_t i = 0; i < words; ++i) {
      out[done + i] = static_cast<std::uint32_t>(buf[4 * i]) |
                      (static_cast<std::uint32_t>(buf[4 * i + 1]) << 8) |
                      (static_cast<std::uint32_t>(buf[4 * i + 2]) << 16) |
                      (static_cast<std::uint32_t>(buf[4 * i + 3]) << 24);
    }
    done += words;
  }
#else
  std::random_device rd;
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint32_t>(rd());
#endif
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_OS_ENTROPY_HPP
