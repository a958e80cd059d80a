// MT19937: NumPy's Mersenne Twister bit generator (SeedSequence and legacy seeding, 2^128 jumps).
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_BIT_GENERATORS_MT19937_HPP
#define NPRANDOM_BIT_GENERATORS_MT19937_HPP

#include <nprandom/bit_generator.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/mt19937_core.hpp>
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

// NumPy's `MT19937.state` dict: {'bit_generator': 'MT19937', 'state': {'key': uint32[624], 'pos':
// int}}.
struct MT19937State {
  std::string bit_generator;
  std::array<std::uint32_t, 624> key{};
  int pos = 0;
  friend bool operator==(const MT19937State& a, const MT19937State& b) noexcept {
    return a.bit_generator == b.bit_generator && a.key == b.key && a.pos == b.pos;
  }
  friend bool operator!=(const MT19937State& a, const MT19937State& b) noexcept {
    return !(a == b);
  }
};

// MT19937 (numpy/random/_mt19937.pyx, src/mt19937/mt19937.{h,c}, mt19937-jump.c).
//
// A native 32-bit generator: next_uint32 is one tempered output (no half-word buffer);
// next_uint64 = (first << 32) | second; next_double = ((a >> 5) * 2^26 + (b >> 6)) / 2^53 from two
// outputs (so Generator(MT19937).random() == RandomState.random_sample() for equal states);
// random_raw is the 32-bit output zero-extended. The URBG operator() returns next_uint64 (the
// common 64-bit result_type of all nprandom bit generators).
//
// Seeding:
//  * MT19937(seed) / MT19937(SeedSequence): generate_state(624, uint32), word 0 discarded and
//    key[0] = 0x80000000, pos = 623 -- the first output is the tempered key[623], before a twist.
//  * legacy_seed(...) (RandomState's seeding, NumPy's `_legacy_seeding`): Knuth's init_genrand for
//    one 32-bit integer, init_by_array for a list; pos = 624. It drops the SeedSequence, so spawn()
//    then throws.
// No advance() (NumPy has none).
class MT19937 : public BitGenerator<MT19937> {
  using Base = BitGenerator<MT19937>;

 public:
  static constexpr const char* name() noexcept { return "MT19937"; }
  static constexpr int state_size = detail::mt19937_n;

  // Seeded from fresh OS entropy (NumPy: MT19937()).
  MT19937() : MT19937(SeedSource()) {}
  // Seeded through SeedSequence(seed), as NumPy's MT19937(seed): an integer (negative throws
  // std::invalid_argument "expected non-negative integer"), integers, or a SeedSequence
  // (nprandom::SeedSource, seed_sequence.hpp).
  explicit MT19937(SeedSource seed) { seed_from(std::move(seed).seed_sequence()); }
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  MT19937(std::initializer_list<Int> seed) : MT19937(SeedSource(seed)) {}  // MT19937 g = {1, 2}

  // ---- output (mt19937.h) ----

  // One tempered 32-bit output; twists the whole 624-word block when it is used up.
  NPRANDOM_ALWAYS_INLINE std::uint32_t next_uint32() noexcept {
    if (NPRANDOM_UNLIKELY(pos_ >= detail::mt19937_n)) {
      detail::mt19937_twist(key_);
      pos_ = 0;
    }
    return detail::mt19937_temper(key_[static_cast<std::size_t>(pos_++)]);
  }
  // mt19937_next64: the FIRST output is the high word.
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
    std::uint32_t a, b;
    next_two(a, b);
    return (std::uint64_t{a} << 32) | b;
  }
  // mt19937_next_double: 53 bits from two outputs, a first.
  NPRANDOM_ALWAYS_INLINE double next_double() noexcept {
    std::uint32_t a, b;
    next_two(a, b);
    // rounded(): the exact result stays unfused with callers' additions (detail/fp.hpp).
    return nprandom::detail::rounded(nprandom::detail::mt19937_to_double(a, b));
  }
  // The next two outputs, a first: with two words left in the block, one position check and
  // both temperings side by side; else two next_uint32 (the twist between them).
  NPRANDOM_ALWAYS_INLINE void next_two(std::uint32_t& a, std::uint32_t& b) noexcept {
    if (NPRANDOM_LIKELY(pos_ <= detail::mt19937_n - 2)) {
      const auto i = static_cast<std::size_t>(pos_);
      pos_ += 2;
      a = detail::mt19937_temper(key_[i]);
      b = detail::mt19937_temper(key_[i + 1]);
      return;
    }
    a = next_uint32();
    b = next_uint32();
  }
  // next_float is the base's (next_uint32() >> 8) * 2^-24, on the unbuffered 32-bit output.
  // mt19937_raw: the 32-bit output, zero-extended.
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_raw() noexcept { return next_uint32(); }

  using Base::random_raw;
  // Fill with raw (32-bit, zero-extended) outputs, a whole block at a time.
  void random_raw(std::uint64_t* out, std::size_t n) noexcept { fill_tempered(out, n); }
  // Fill with 32-bit outputs (the same stream as next_uint32), a whole block at a time.
  void fill_uint32(std::uint32_t* out, std::size_t n) noexcept { fill_tempered(out, n); }
  // The 64-bit bulk word source: `n` consecutive next_uint64() values (pairs of outputs, the first
  // the high word), copied out of the tempered block through a small local buffer.
  void fill_uint64(std::uint64_t* out, std::size_t n) noexcept {
    constexpr std::size_t chunk = 256;
    std::uint32_t w[2 * chunk];
    for (std::size_t done = 0; done < n;) {
      const std::size_t m = n - done < chunk ? n - done : chunk;
      fill_tempered(w, 2 * m);
      for (std::size_t j = 0; j < m; ++j)
        out[done + j] = (static_cast<std::uint64_t>(w[2 * j]) << 32) | w[2 * j + 1];
      done += m;
    }
  }

  // ---- legacy seeding (MT19937._legacy_seeding, used by RandomState / np.random.seed) ----

  // Integer seed: Knuth's init_genrand (mt19937_seed), pos = 624.
  void legacy_seed(std::uint32_t seed) noexcept {
    detail::mt19937_init_genrand(key_, seed);
    pos_ = detail::mt19937_n;
    seed_seq_.reset();
  }
  // Array seed: init_by_array, key[0] = 0x80000000, pos = 624. Throws std::invalid_argument
  // ("Seed must be non-empty") for an empty key.
  void legacy_seed(const std::vector<std::uint32_t>& init_key) {
    if (init_key.empty()) throw std::invalid_argument("Seed must be non-empty");
    detail::mt19937_init_by_array(key_, init_key.data(), init_key.size());
    pos_ = detail::mt19937_n;
    seed_seq_.reset();
  }
  // seed=None: fresh OS entropy -- SeedSequence().generate_state(624) with key[0] = 0x80000000.
  // Like NumPy, `pos` is NOT changed by this path.
  void legacy_seed() {
    const auto words = SeedSequence().generate_state<std::uint32_t>(detail::mt19937_n);
    key_[0] = 0x80000000u;
    for (std::size_t i = 1; i < words.size(); ++i) key_[i] = words[i];
    seed_seq_.reset();
  }

  // Validation helpers for RandomState (NumPy's checks in _legacy_seeding). Throw
  // std::invalid_argument with NumPy's messages.
  //  legacy_seed_value: an integer seed must lie in [0, 2**32 - 1].
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  static std::uint32_t legacy_seed_value(Int seed) {
    bool ok = true;
    if constexpr (std::is_signed<Int>::value) ok = seed >= 0;
    if (ok && static_cast<std::uint64_t>(seed) > 0xffffffffu) ok = false;
    if (!ok) throw std::invalid_argument("Seed must be between 0 and 2**32 - 1");
    return static_cast<std::uint32_t>(seed);
  }
  //  legacy_seed_words: an array seed must be non-empty with every value in [0, 2**32 - 1].
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  static std::vector<std::uint32_t> legacy_seed_words(const std::vector<Int>& seed) {
    if (seed.empty()) throw std::invalid_argument("Seed must be non-empty");
    std::vector<std::uint32_t> out;
    out.reserve(seed.size());
    for (Int v : seed) out.push_back(legacy_seed_value(v));
    return out;
  }

  // ---- jumps (mt19937-jump.c) ----

  // Jump this generator ahead by jumps * 2^128 outputs in place (NumPy's jump_inplace).
  void jump_inplace(std::uint64_t jumps = 1) noexcept {
    for (std::uint64_t i = 0; i < jumps; ++i) detail::mt19937_jump(key_, pos_);
  }
  // A copy jumped ahead by jumps * 2^128 outputs. Like NumPy, the copy gets a fresh, unrelated
  // SeedSequence (OS entropy), so spawning from it is not derived from this generator's seed.
  MT19937 jumped(std::uint64_t jumps = 1) const {
    MT19937 copy = *this;
    copy.seed_seq_ = SeedSequence();
    copy.jump_inplace(jumps);
    return copy;
  }

  // ---- state ----

  MT19937State state() const { return MT19937State{name(), key_, pos_}; }
  // Throws std::invalid_argument when the state is for another generator ("state must be for a
  // MT19937 PRNG") or when pos is outside [0, 624] (NumPy does not check pos; an out-of-range pos
  // would read outside the key here).
  void set_state(const MT19937State& s) {
    if (s.bit_generator != name())
      throw std::invalid_argument("state must be for a " + std::string(name()) + " PRNG");
    if (s.pos < 0 || s.pos > detail::mt19937_n)
      throw std::invalid_argument("pos must be between 0 and 624");
    key_ = s.key;
    pos_ = s.pos;
  }

  friend bool operator==(const MT19937& a, const MT19937& b) noexcept {
    return a.pos_ == b.pos_ && a.key_ == b.key_;
  }
  friend bool operator!=(const MT19937& a, const MT19937& b) noexcept { return !(a == b); }

 private:
  // MT19937.__init__: key[0] = 0x80000000, key[1..623] = generate_state(624)[1..623], pos = 623.
  void seed_from(const SeedSequence& ss) {
    const auto words = ss.generate_state<std::uint32_t>(detail::mt19937_n);
    key_[0] = 0x80000000u;
    for (std::size_t i = 1; i < words.size(); ++i) key_[i] = words[i];
    pos_ = detail::mt19937_n - 1;
    seed_seq_ = ss;
  }

  template <class UInt>
  void fill_tempered(UInt* out, std::size_t n) noexcept {
    std::size_t i = 0;
    while (i < n) {
      if (pos_ >= detail::mt19937_n) {
        detail::mt19937_twist(key_);
        pos_ = 0;
      }
      std::size_t avail = static_cast<std::size_t>(detail::mt19937_n - pos_);
      if (avail > n - i) avail = n - i;
      const std::uint32_t* k = key_.data() + pos_;
      detail::mt19937_temper_block(k, avail, out + i);
      pos_ += static_cast<int>(avail);
      i += avail;
    }
  }

  detail::mt19937_key key_{};
  int pos_ = detail::mt19937_n;
};

}  // namespace nprandom

#endif  // NPRANDOM_BIT_GENERATORS_MT19937_HPP
