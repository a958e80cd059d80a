// nprandom version: the only place the version number lives (CMake parses these macros).
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_VERSION_HPP
#define NPRANDOM_VERSION_HPP

#define NPRANDOM_VERSION_MAJOR 0
#define NPRANDOM_VERSION_MINOR 1
#define NPRANDOM_VERSION_PATCH 0

#define NPRANDOM_VERSION \
  (NPRANDOM_VERSION_MAJOR * 10000 + NPRANDOM_VERSION_MINOR * 100 + NPRANDOM_VERSION_PATCH)

// The NumPy release whose streams nprandom reproduces.
#define NPRANDOM_NUMPY_VERSION_STRING "2.5.2"

#endif  // NPRANDOM_VERSION_HPP
