// nprandom: NumPy's random numbers in C++ -- the umbrella header (and the amalgamation root).
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_NPRANDOM_HPP
#define NPRANDOM_NPRANDOM_HPP

#include <nprandom/bit_generator.hpp>
#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/uint128.hpp>
#include <nprandom/endpoint.hpp>
#include <nprandom/seed_sequence.hpp>
#include <nprandom/version.hpp>
#include <nprandom/warnings.hpp>
// Array parameters and shaped results: nprandom::shape, ndarray, array_arg, size_arg.
#include <nprandom/generator.hpp>
#include <nprandom/ndarray.hpp>
// Legacy API: RandomState and the np.random.* facade (nprandom::seed, rand, randn, ...).
#include <nprandom/legacy/global.hpp>
#include <nprandom/legacy/random_state.hpp>
// Not included here: <nprandom/state_io.hpp> (NumPy's state dicts as JSON text, stream operators
// on the bit generators) and <nprandom/parallel.hpp> (same-stream threaded fills). Each is an I/O
// or threading facility most translation units do not need, and together they would add ~0.1 s
// to every one (docs/benchmarks.md, "Compile cost"); include them where you use them.

#endif  // NPRANDOM_NPRANDOM_HPP
