// SeedSequence: NumPy's entropy pool, hashing, generate_state and spawn, bit for bit.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_SEED_SEQUENCE_HPP
#define NPRANDOM_SEED_SEQUENCE_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/os_entropy.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace nprandom {

// Mirrors numpy.random.SeedSequence (numpy/random/bit_generator.pyx).
//
// Entropy is held as NumPy holds it after coercion: little-endian 32-bit words, least significant
// word first, no padding (`SeedSequence(2**40)` stores {0, 256}). An integer wider than 64 bits is
// therefore given as its 32-bit words via `SeedSequence::from_words`. A sequence of integers
// coerces each element separately (1 or 2 words each) and concatenates them, exactly as NumPy does.
// `SeedSequence()` draws 128 bits (pool_size * 32) of OS entropy, like NumPy's `secrets.randbits`.
class SeedSequence {
 public:
  using result_type = std::uint32_t;

  static constexpr std::uint32_t init_a = 0x43b0d7e5u;
  static constexpr std::uint32_t mult_a = 0x931e8875u;
  static constexpr std::uint32_t init_b = 0x8b51f9ddu;
  static constexpr std::uint32_t mult_b = 0x58f38dedu;
  static constexpr std::uint32_t mix_mult_l = 0xca01f9ddu;
  static constexpr std::uint32_t mix_mult_r = 0x4973f715u;
  static constexpr unsigned xshift = 16;
  static constexpr std::size_t default_pool_size = 4;

  // Fresh OS entropy (NumPy: SeedSequence() / SeedSequence(None)): pool_size * 32 bits.
  SeedSequence() : SeedSequence(os_entropy()) {}

  // Fresh OS entropy with an explicit spawn key and pool size.
  static SeedSequence os_entropy(std::vector<std::uint64_t> spawn_key = {},
                                 std::size_t pool_size = default_pool_size) {
    if (pool_size < default_pool_size)
      throw std::invalid_argument("The size of the entropy pool should be at least 4");
    std::vector<std::uint32_t> words(pool_size);
    detail::os_entropy_words(words.data(), words.size());
    // NumPy stores the entropy as one big int; its coerced form drops leading zero words.
    trim_leading_zero_words(words);
    return SeedSequence(words_tag{}, std::move(words), std::move(spawn_key), pool_size, 0);
  }

  // One integer of entropy. Negative values throw std::invalid_argument
  // ("expected non-negative integer"), as NumPy's ValueError.
  template <
      class Int,
      std::enable_if_t<std::is_integral<Int>::value && !std::is_same<Int, bool>::value, int> = 0>
  explicit SeedSequence(Int entropy, std::vector<std::uint64_t> spawn_key = {},
                        std::size_t pool_size = default_pool_size)
      : spawn_key_(std::move(spawn_key)), pool_size_(pool_size) {
    check_pool_size();
    append_int(entropy_, checked_u64(entropy));
    mix();
  }

  // A sequence of integers (NumPy: SeedSequence([1, 2, 3])): each element is coerced on its own.
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  explicit SeedSequence(const std::vector<Int>& entropy, std::vector<std::uint64_t> spawn_key = {},
                        std::size_t pool_size = default_pool_size)
      : spawn_key_(std::move(spawn_key)), pool_size_(pool_size) {
    check_pool_size();
    for (Int v : entropy) append_int(entropy_, checked_u64(v));
    mix();
  }

  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  SeedSequence(std::initializer_list<Int> entropy, std::vector<std::uint64_t> spawn_key = {},
               std::size_t pool_size = default_pool_size)
      : SeedSequence(std::vector<Int>(entropy), std::move(spawn_key), pool_size) {}

  // Entropy given directly as 32-bit words (NumPy: a uint32 ndarray, or the little-endian words of
  // an integer wider than 64 bits: 2**100 -> {0, 0, 0, 16}).
  // `n_children_spawned` is NumPy's keyword of the same name (spawning continues from there).
  static SeedSequence from_words(std::vector<std::uint32_t> words,
                                 std::vector<std::uint64_t> spawn_key = {},
                                 std::size_t pool_size = default_pool_size,
                                 std::uint64_t n_children_spawned = 0) {
    return SeedSequence(words_tag{}, std::move(words), std::move(spawn_key), pool_size,
                        n_children_spawned);
  }

  // NumPy's generate_state(n_words, dtype): uint32 words, or uint64 words made of little-endian
  // pairs of uint32 words.
  template <class UInt = std::uint32_t>
  std::vector<UInt> generate_state(std::size_t n_words) const {
    static_assert(
        std::is_same<UInt, std::uint32_t>::value || std::is_same<UInt, std::uint64_t>::value,
        "only support uint32 or uint64");
    std::vector<UInt> out(n_words);
    generate_state(out.data(), n_words);
    return out;
  }

  void generate_state(std::uint32_t* out, std::size_t n_words) const {
    std::uint32_t h = init_b;
    for (std::size_t i = 0; i < n_words; ++i) {
      std::uint32_t v = pool_[i % pool_size_];
      v ^= h;
      h *= mult_b;
      v *= h;
      v ^= v >> xshift;
      out[i] = v;
    }
  }

  void generate_state(std::uint64_t* out, std::size_t n_words) const {
    std::vector<std::uint32_t> w(2 * n_words);
    generate_state(w.data(), w.size());
    for (std::size_t k = 0; k < n_words; ++k)
      out[k] =
          static_cast<std::uint64_t>(w[2 * k]) | (static_cast<std::uint64_t>(w[2 * k + 1]) << 32);
  }

  // std::seed_seq-style interface, so a SeedSequence can seed standard engines too.
  template <class RandomIt>
  void generate(RandomIt first, RandomIt last) const {
    const auto n = static_cast<std::size_t>(last - first);
    std::vector<std::uint32_t> w(n);
    generate_state(w.data(), n);
    for (std::size_t i = 0; i < n; ++i) first[static_cast<std::ptrdiff_t>(i)] = w[i];
  }

  // Children for independent streams: spawn_key + (i,) for the next n_children indices.
  std::vector<SeedSequence> spawn(std::int64_t n_children) {
    if (n_children < 0) throw std::invalid_argument("n_children must be non-negative");
    std::vector<SeedSequence> children;
    // NumPy builds a Python list: MemoryError when it cannot (std::bad_alloc, never length_error).
    if (static_cast<std::uint64_t>(n_children) > static_cast<std::uint64_t>(children.max_size())) {
      throw std::bad_alloc();
    }
    children.reserve(static_cast<std::size_t>(n_children));
    for (std::int64_t i = 0; i < n_children; ++i) {
      std::vector<std::uint64_t> key = spawn_key_;
      key.push_back(n_children_spawned_ + static_cast<std::uint64_t>(i));
      children.push_back(SeedSequence(words_tag{}, entropy_, std::move(key), pool_size_, 0));
    }
    n_children_spawned_ += static_cast<std::uint64_t>(n_children);
    return children;
  }

  // Coerced entropy words (NumPy's `entropy` as little-endian uint32 words).
  const std::vector<std::uint32_t>& entropy() const noexcept { return entropy_; }
  const std::vector<std::uint64_t>& spawn_key() const noexcept { return spawn_key_; }
  std::size_t pool_size() const noexcept { return pool_size_; }
  std::uint64_t n_children_spawned() const noexcept { return n_children_spawned_; }
  // The mixed entropy pool (NumPy's `pool` attribute).
  const std::vector<std::uint32_t>& pool() const noexcept { return pool_; }

  friend bool operator==(const SeedSequence& a, const SeedSequence& b) noexcept {
    return a.entropy_ == b.entropy_ && a.spawn_key_ == b.spawn_key_ &&
           a.pool_size_ == b.pool_size_ && a.n_children_spawned_ == b.n_children_spawned_;
  }
  friend bool operator!=(const SeedSequence& a, const SeedSequence& b) noexcept {
    return !(a == b);
  }

 private:
  struct words_tag {};
  SeedSequence(words_tag, std::vector<std::uint32_t> words, std::vector<std::uint64_t> spawn_key,
               std::size_t pool_size, std::uint64_t n_children_spawned)
      : entropy_(std::move(words)),
        spawn_key_(std::move(spawn_key)),
        pool_size_(pool_size),
        n_children_spawned_(n_children_spawned) {
    check_pool_size();
    mix();
  }

  template <class Int>
  static std::uint64_t checked_u64(Int v) {
    if constexpr (std::is_signed<Int>::value) {
      if (v < 0) throw std::invalid_argument("expected non-negative integer");
    }
    return static_cast<std::uint64_t>(v);
  }

  // NumPy's _int_to_uint32_array: 0 -> {0}; otherwise the little-endian 32-bit words.
  static void append_int(std::vector<std::uint32_t>& out, std::uint64_t v) {
    if (v == 0) {
      out.push_back(0);
      return;
    }
    while (v != 0) {
      out.push_back(static_cast<std::uint32_t>(v));
      v >>= 32;
    }
  }

  static void trim_leading_zero_words(std::vector<std::uint32_t>& w) {
    while (w.size() > 1 && w.back() == 0) w.pop_back();
  }

  void check_pool_size() const {
    if (pool_size_ < default_pool_size)
      throw std::invalid_argument("The size of the entropy pool should be at least 4");
  }

  static std::uint32_t mix_words(std::uint32_t x, std::uint32_t y) noexcept {
    std::uint32_t r = mix_mult_l * x - mix_mult_r * y;
    r ^= r >> xshift;
    return r;
  }

  // NumPy's get_assembled_entropy + mix_entropy.
  void mix() {
    std::vector<std::uint32_t> e = entropy_;
    if (!spawn_key_.empty()) {
      if (e.size() < pool_size_) e.resize(pool_size_, 0);
      for (std::uint64_t k : spawn_key_) append_int(e, k);
    }
    std::uint32_t h = init_a;
    auto hashmix = [&h](std::uint32_t v) {
      v ^= h;
      h *= mult_a;
      v *= h;
      v ^= v >> xshift;
      return v;
    };
    pool_.assign(pool_size_, 0);
    for (std::size_t i = 0; i < pool_size_; ++i) pool_[i] = hashmix(i < e.size() ? e[i] : 0u);
    for (std::size_t src = 0; src < pool_size_; ++src)
      for (std::size_t dst = 0; dst < pool_size_; ++dst)
        if (src != dst) pool_[dst] = mix_words(pool_[dst], hashmix(pool_[src]));
    for (std::size_t k = pool_size_; k < e.size(); ++k)
      for (std::size_t dst = 0; dst < pool_size_; ++dst)
        pool_[dst] = mix_words(pool_[dst], hashmix(e[k]));
  }

  std::vector<std::uint32_t> entropy_;
  std::vector<std::uint64_t> spawn_key_;
  std::size_t pool_size_ = default_pool_size;
  std::uint64_t n_children_spawned_ = 0;
  std::vector<std::uint32_t> pool_;
};

// What a bit generator or default_rng is seeded from -- NumPy's `seed` argument of
// BitGenerator.__init__, coerced once, here, into the SeedSequence that seeds the generator:
//   nothing          fresh OS entropy (SeedSequence())
//   an integer       SeedSequence(seed); a negative one throws std::invalid_argument
//                    ("expected non-negative integer"), as NumPy does
//   integers         a std::vector or braced list: SeedSequence(words) (wider entropy as 32-bit
//                    words, as NumPy stores it)
//   a SeedSequence   used as given
// Every bit generator's seeding constructor and default_rng take one; the conversions are
// implicit, so PCG64(42), PCG64({1, 2, 3}) and default_rng(SeedSequence(7)) read as in NumPy.
class SeedSource {
 public:
  SeedSource() : seq_() {}
  template <
      class Int,
      std::enable_if_t<std::is_integral<Int>::value && !std::is_same<Int, bool>::value, int> = 0>
  SeedSource(Int seed) : seq_(seed) {}  // NOLINT(google-explicit-constructor): NumPy's seed=int
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  SeedSource(const std::vector<Int>& words) : seq_(words) {}  // NOLINT(google-explicit-constructor)
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  SeedSource(std::initializer_list<Int> words)
      : seq_(words) {}                                // NOLINT(google-explicit-constructor)
  SeedSource(const SeedSequence& seq) : seq_(seq) {}  // NOLINT(google-explicit-constructor)
  SeedSource(SeedSequence&& seq) noexcept
      : seq_(std::move(seq)) {}  // NOLINT(google-explicit-constructor)

  // The SeedSequence the generator is seeded from (and keeps, for spawn()).
  const SeedSequence& seed_sequence() const& noexcept { return seq_; }
  SeedSequence seed_sequence() && noexcept { return std::move(seq_); }

 private:
  SeedSequence seq_;
};

}  // namespace nprandom

#endif  // NPRANDOM_SEED_SEQUENCE_HPP
