// Shared bit-generator surface (CRTP): NumPy's buffered 32-bit halves, doubles, floats, raw
// output, spawning and the standard UniformRandomBitGenerator interface.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_BIT_GENERATOR_HPP
#define NPRANDOM_BIT_GENERATOR_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/seed_sequence.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <vector>

namespace nprandom {

// Base of every bit generator. `Derived` provides `std::uint64_t next_uint64()`; it may replace
// `next_uint32()`, `next_double()` and `next_raw()` (MT19937 does, as NumPy's native 32-bit
// generator). Everything here mirrors numpy/random/bit_generator.pyx and the per-generator
// `*_next32` / `*_next_double` functions in numpy/random/src/*/.
//
// next_uint32 on a 64-bit generator (pcg64.h, philox.h, sfc64.h): when no half is buffered, draw
// one 64-bit word, return its LOW half and buffer the high half; the next call returns the buffered
// half. The buffer is independent of next_uint64 / random_raw, which neither use nor clear it, and
// is part of the state (`has_uint32`, `uinteger`). A consumed `uinteger` is not cleared (as NumPy).
template <class Derived>
class BitGenerator {
 public:
  // UniformRandomBitGenerator: the full 64-bit range (MT19937 included: it returns next_uint64).
  using result_type = std::uint64_t;
  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
  result_type operator()() noexcept { return self().next_uint64(); }

  std::uint32_t next_uint32() noexcept {
    return detail::buffered_uint32(has_uint32_, uinteger_, [this] { return self().next_uint64(); });
  }

  // The half-word buffer of next_uint32 (NumPy's has_uint32 / uinteger), for bulk kernels that
  // split next_uint64 words into 32-bit halves in a local loop (distributions/integers.hpp): they
  // read the buffer first and write it back at the end exactly as the next_uint32 calls would have
  // left it. Only meaningful for generators that inherit next_uint32 (not MT19937).
  bool uint32_buffer_state(std::uint32_t& value) const noexcept {
    value = uinteger_;
    return has_uint32_;
  }
  void set_uint32_buffer_state(bool has, std::uint32_t value) noexcept {
    has_uint32_ = has;
    uinteger_ = value;
  }

  // NumPy's uint64_to_double: 53 random bits in [0, 1) (detail/engine_core.hpp).
  double next_double() noexcept { return detail::uint64_to_double(self().next_uint64()); }

  // NumPy's next_float (since 1.22): 24 random bits of one 32-bit draw, in [0, 1).
  float next_float() noexcept { return detail::uint32_to_float(self().next_uint32()); }

  // NumPy's next_raw: the generator's native output (64-bit here; MT19937 overrides).
  std::uint64_t next_raw() noexcept { return self().next_uint64(); }

  // random_raw(): one raw value; random_raw(n): n values; random_raw(out, n): fill, no allocation.
  std::uint64_t random_raw() noexcept { return self().next_raw(); }
  std::vector<std::uint64_t> random_raw(std::size_t n) {
    std::vector<std::uint64_t> out(n);
    self().random_raw(out.data(), n);
    return out;
  }
  void random_raw(std::uint64_t* out, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i) out[i] = self().next_raw();
  }
  // NumPy's random_raw(n, output=False): advance by n raw draws.
  void discard(std::uint64_t n) noexcept {
    for (std::uint64_t i = 0; i < n; ++i) (void)self().next_raw();
  }

  // The SeedSequence this generator was seeded from (NumPy's `seed_seq`); empty when it was seeded
  // some other way (legacy MT19937 seeding, an explicit Philox key, set_state alone keeps it).
  const std::optional<SeedSequence>& seed_seq() const noexcept { return seed_seq_; }

  // NumPy's BitGenerator.spawn(n): new generators of the same type seeded from seed_seq().spawn(n).
  // Throws std::invalid_argument (NumPy's TypeError) when there is no SeedSequence to spawn from.
  std::vector<Derived> spawn(std::int64_t n_children) {
    if (!seed_seq_)
      throw std::invalid_argument("The underlying SeedSequence does not implement spawning.");
    std::vector<Derived> out;
    for (auto& child : seed_seq_->spawn(n_children)) out.emplace_back(child);
    return out;
  }

 protected:
  BitGenerator() = default;

  Derived& self() noexcept { return static_cast<Derived&>(*this); }
  const Derived& self() const noexcept { return static_cast<const Derived&>(*this); }

  void reset_uint32_buffer() noexcept {
    has_uint32_ = false;
    uinteger_ = 0;
  }

  bool has_uint32_ = false;
  std::uint32_t uinteger_ = 0;
  std::optional<SeedSequence> seed_seq_;
};

}  // namespace nprandom

#endif  // NPRANDOM_BIT_GENERATOR_HPP
