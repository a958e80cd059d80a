// SFC64: Chris Doty-Humphrey's Small Fast Chaotic generator, as NumPy's SFC64 bit generator.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_BIT_GENERATORS_SFC64_HPP
#define NPRANDOM_BIT_GENERATORS_SFC64_HPP

#include <nprandom/bit_generator.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/uint128.hpp>
#include <nprandom/seed_sequence.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace nprandom {

// NumPy's `SFC64.state` dict:
// {'bit_generator': 'SFC64', 'state': {'state': uint64[4]}, 'has_uint32': int, 'uinteger': int}.
struct SFC64State {
  std::string bit_generator;
  std::array<std::uint64_t, 4> state{};
  int has_uint32 = 0;
  std::uint32_t uinteger = 0;
  friend bool operator==(const SFC64State& a, const SFC64State& b) noexcept {
    return a.bit_generator == b.bit_generator && a.state == b.state &&
           a.has_uint32 == b.has_uint32 && a.uinteger == b.uinteger;
  }
  friend bool operator!=(const SFC64State& a, const SFC64State& b) noexcept { return !(a == b); }
};

// SFC64 (numpy/random/_sfc64.pyx, src/sfc64/sfc64.{h,c}).
// Step: tmp = a + b + counter++; a = b ^ (b >> 11); b = c + (c << 3); c = rotl(c, 24) + tmp;
// output tmp. Seeding: (a, b, c) = generate_state(3, uint64), counter = 1, then 12 outputs are
// discarded (so the counter reads 13). No jumped/advance (NumPy has none).
class SFC64 : public BitGenerator<SFC64> {
 public:
  static constexpr const char* name() noexcept { return "SFC64"; }

  // Seeded from fresh OS entropy (NumPy: SFC64()).
  SFC64() : SFC64(SeedSource()) {}
  // Seeded through SeedSequence(seed), as NumPy's SFC64(seed): an integer (negative throws
  // std::invalid_argument "expected non-negative integer"), integers, or a SeedSequence
  // (nprandom::SeedSource, seed_sequence.hpp).
  explicit SFC64(SeedSource seed) { seed_from(std::move(seed).seed_sequence()); }
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  SFC64(std::initializer_list<Int> seed) : SFC64(SeedSource(seed)) {}  // SFC64 g = {1, 2}

  // sfc64_next
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
    std::array<std::uint64_t, 4> s = s_;
    const std::uint64_t r = step(s);
    detail::store_words(s_, s);  // four scalar stores, never one vector store (detail/uint128.hpp)
    return r;
  }

  // One draw of sfc64_next on the state words (a, b, c, counter): the one definition used by
  // next_uint64, random_raw and core.
  static NPRANDOM_ALWAYS_INLINE std::uint64_t step(std::array<std::uint64_t, 4>& s) noexcept {
    const std::uint64_t tmp = s[0] + s[1] + s[3]++;
    s[0] = s[1] ^ (s[1] >> 11);
    s[1] = s[2] + (s[2] << 3);
    s[2] = ((s[2] << 24) | (s[2] >> 40)) + tmp;
    return tmp;
  }

  // The bulk word source (detail/block_source.hpp): n consecutive next_uint64() values, the
  // state in registers for the whole loop.
  void fill_uint64(std::uint64_t* out, std::size_t n) noexcept { random_raw(out, n); }

  using BitGenerator<SFC64>::random_raw;
  // Fill with raw outputs; the state lives in registers for the whole loop.
  void random_raw(std::uint64_t* out, std::size_t n) noexcept {
    std::array<std::uint64_t, 4> s = s_;
    for (std::size_t i = 0; i < n; ++i) out[i] = step(s);
    s_ = s;
  }

  // The state as a value for bulk kernels (detail/engine_core.hpp).
  class core : public detail::half_word_core<core> {
   public:
    core(const std::array<std::uint64_t, 4>& s, bool has, std::uint32_t value) noexcept
        : detail::half_word_core<core>(has, value), s_(s) {}
    NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept { return SFC64::step(s_); }
    const std::array<std::uint64_t, 4>& words() const noexcept { return s_; }

   private:
    std::array<std::uint64_t, 4> s_;
  };
  core engine_core() const noexcept { return core(s_, has_uint32_, uinteger_); }
  void set_engine_core(const core& c) noexcept {
    s_ = c.words();
    has_uint32_ = c.uint32_buffer_state(uinteger_);
  }

  SFC64State state() const { return SFC64State{name(), s_, has_uint32_ ? 1 : 0, uinteger_}; }
  // Throws std::invalid_argument when the state is for another generator. The message is NumPy
  // 2.5's text verbatim, unformatted placeholder included (_sfc64.pyx lacks the f prefix there).
  void set_state(const SFC64State& s) {
    if (s.bit_generator != name())
      throw std::invalid_argument("state must be for a {self.__class__.__name__} RNG");
    s_ = s.state;
    has_uint32_ = s.has_uint32 != 0;
    uinteger_ = s.uinteger;
  }

  friend bool operator==(const SFC64& a, const SFC64& b) noexcept {
    return a.s_ == b.s_ && a.has_uint32_ == b.has_uint32_ && a.uinteger_ == b.uinteger_;
  }
  friend bool operator!=(const SFC64& a, const SFC64& b) noexcept { return !(a == b); }

 private:
  // sfc64_set_seed
  void seed_from(const SeedSequence& ss) {
    const auto v = ss.generate_state<std::uint64_t>(3);
    s_ = {v[0], v[1], v[2], 1};
    for (int i = 0; i < 12; ++i) (void)next_uint64();
    reset_uint32_buffer();
    seed_seq_ = ss;
  }

  std::array<std::uint64_t, 4> s_{};
};

}  // namespace nprandom

#endif  // NPRANDOM_BIT_GENERATORS_SFC64_HPP
