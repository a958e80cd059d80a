// nprandom: NumPy's random numbers in C++ -- the umbrella header (and the amalgamation root).
#ifndef NPRANDOM_NPRANDOM_HPP
#define NPRANDOM_NPRANDOM_HPP

#include <nprandom/version.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/uint128.hpp>
#include <nprandom/seed_sequence.hpp>
#include <nprandom/bit_generator.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/generator.hpp>

#endif  // NPRANDOM_NPRANDOM_HPP
