// Generator<BitGen>: numpy.random.Generator's methods over any nprandom bit generator.
#ifndef NPRANDOM_GENERATOR_HPP
#define NPRANDOM_GENERATOR_HPP

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <nprandom/bit_generator.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/config.hpp>
#include <nprandom/seed_sequence.hpp>

// ---- includes: core ----
// ---- includes: continuous ----
// ---- includes: discrete ----
// ---- includes: multivariate ----

namespace nprandom {

// Mirrors numpy.random.Generator (numpy/random/_generator.pyx). Parameter checks and sizing live
// here; every sampling algorithm lives in a kernel under nprandom/distributions/.
//
// Each distribution comes in three forms:
//   T method(params...)                              one value (NumPy: size=None)
//   std::vector<T> method(params..., size_t size)    `size` values (NumPy: size=n; a NumPy shape
//                                                    (a, b) is the row-major a*b)
//   void method(params..., T* out, size_t n)         fills caller memory, allocates nothing
// Parameters are validated once per call, before anything is drawn, with NumPy's messages
// (ValueError -> std::invalid_argument, OverflowError -> std::overflow_error).
template <class BitGen>
class Generator {
 public:
  using bit_generator_type = BitGen;

  explicit Generator(BitGen bit_generator) : bit_generator_(std::move(bit_generator)) {}

  BitGen& bit_generator() noexcept { return bit_generator_; }
  const BitGen& bit_generator() const noexcept { return bit_generator_; }

  // ==== section: core (uniform, integers, normal/exponential/gamma, choice/shuffle/...) ====
  // ==== end section: core ====

  // ==== section: continuous distributions ====
  // ==== end section: continuous distributions ====

  // ==== section: discrete distributions ====
  // ==== end section: discrete distributions ====

  // ==== section: multivariate distributions ====
  // ==== end section: multivariate distributions ====

 private:
  // Draws `n` values of `f()` into `out`.
  template <class T, class F>
  static void fill_with(T* out, std::size_t n, F&& f) {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<T>(f());
  }
  // Draws `n` values of `f()` into a new vector.
  template <class T, class F>
  static std::vector<T> draw_vector(std::size_t n, F&& f) {
    std::vector<T> out(n);
    fill_with(out.data(), n, std::forward<F>(f));
    return out;
  }

  BitGen bit_generator_;
};

}  // namespace nprandom

#endif  // NPRANDOM_GENERATOR_HPP
