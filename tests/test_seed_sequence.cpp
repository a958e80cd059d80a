// Tests of SeedSequence against NumPy: entropy coercion, pool mixing, generate_state (uint32 and
// uint64), spawn keys, pool sizes, spawning (children, grandchildren, numbering) and errors.
// Golden data: tests/data/bitgen.tsv (ids seedseq/...) and the 2.5.2 reference records.
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/seed_sequence.hpp>

#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using nprandom::SeedSequence;

namespace {

const golden::Record& bitgen(const std::string& id) { return golden::get("bitgen", id); }
const golden::Record& reference(const std::string& id) { return golden::get("reference", id); }

using Words = std::vector<std::uint32_t>;

// Decimal text of a little-endian 32-bit word array (to name the golden records).
std::string to_decimal(Words w) {
  std::string digits;
  auto is_zero = [&] {
    for (auto x : w)
      if (x != 0) return false;
    return true;
  };
  do {
    std::uint64_t rem = 0;
    for (std::size_t i = w.size(); i-- > 0;) {
      const std::uint64_t cur = (rem << 32) | w[i];
      w[i] = static_cast<std::uint32_t>(cur / 10);
      rem = cur % 10;
    }
    digits.insert(digits.begin(), static_cast<char>('0' + rem));
  } while (!is_zero());
  return digits;
}

// NumPy's coercion of a non-negative int: little-endian 32-bit words, no padding, 0 -> {0}.
Words words_of(std::uint64_t v) {
  if (v == 0) return {0};
  Words w;
  for (; v != 0; v >>= 32) w.push_back(static_cast<std::uint32_t>(v));
  return w;
}

const std::vector<std::uint64_t> kRefSeeds = {0u,     1u,          42u,
                                              12345u, 4294967301u, 18446744073709551615u};

// tools/golden/bitgen.py SS_SEEDS as words: 0, 1, 42, 2**32 - 1, 2**32, 2**32 + 5, 2**40, 2**64 -
// 1, then 2**64, 2**100, 2**128 - 1, 2**200 + 3 (wider than 64 bits: given as words).
const std::vector<std::uint64_t> kSmallSeeds = {
    0u, 1u, 42u, 4294967295u, 4294967296u, 4294967301u, 1099511627776u, 18446744073709551615u};
const std::vector<Words> kBigSeeds = {{0, 0, 1},
                                      {0, 0, 0, 16},
                                      {0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu},
                                      {3, 0, 0, 0, 0, 0, 256}};

template <class T>
std::vector<std::uint64_t> widen(const std::vector<T>& v) {
  return std::vector<std::uint64_t>(v.begin(), v.end());
}

// Flattened spawn_key + generate_state(n) of each sequence, as the golden list comprehensions do.
std::vector<std::uint64_t> keys_and_state(const std::vector<SeedSequence>& seqs, std::size_t n) {
  std::vector<std::uint64_t> out;
  for (const auto& s : seqs) {
    for (auto k : s.spawn_key()) out.push_back(k);
    for (auto w : s.generate_state(n)) out.push_back(w);
  }
  return out;
}

}  // namespace

TEST_CASE("SeedSequence: 2.5.2 reference records", "[seedseq]") {
  for (auto s : kRefSeeds) {
    const std::string ss = std::to_string(s);
    SeedSequence seq(s);
    golden::check(reference("seedseq/" + ss + "/u32"), seq.generate_state(8));
    golden::check(reference("seedseq/" + ss + "/u64"), seq.generate_state<std::uint64_t>(4));
  }
  golden::check(reference("seedseq/list/u32"),
                SeedSequence({1ull, 2ull, 3ull, 1ull << 40}).generate_state(8));
  golden::check(reference("seedseq/spawnkey"), SeedSequence(42, {1, 2}).generate_state(4));
  golden::check(reference("seedseq/pool8"), SeedSequence(42, {}, 8).generate_state(6));
  {
    std::vector<std::uint32_t> v;
    for (auto& c : SeedSequence(42).spawn(3))
      for (auto w : c.generate_state(2)) v.push_back(w);
    golden::check(reference("seedseq/spawn"), v);
  }
  golden::check(reference("seedseq/spawn-nested"),
                SeedSequence(42).spawn(2)[1].spawn(2)[1].generate_state(3));
}

TEST_CASE("SeedSequence: integer entropy, pool and generate_state", "[seedseq]") {
  for (auto s : kSmallSeeds) {
    const std::string id = "seedseq/" + std::to_string(s);
    SeedSequence seq(s);
    CHECK(seq.entropy() == words_of(s));
    golden::check(bitgen(id + "/pool"), seq.pool());
    golden::check(bitgen(id + "/u32-20"), seq.generate_state(20));
    golden::check(bitgen(id + "/u64-10"), seq.generate_state<std::uint64_t>(10));
    // The same entropy given as its words.
    CHECK(SeedSequence::from_words(words_of(s)) == seq);
    golden::check(bitgen(id + "/u32-20"), SeedSequence::from_words(words_of(s)).generate_state(20));
  }
  for (const auto& w : kBigSeeds) {
    const std::string id = "seedseq/" + to_decimal(w);
    SeedSequence seq = SeedSequence::from_words(w);
    golden::check(bitgen(id + "/pool"), seq.pool());
    golden::check(bitgen(id + "/u32-20"), seq.generate_state(20));
    golden::check(bitgen(id + "/u64-10"), seq.generate_state<std::uint64_t>(10));
  }
  // Other integer types coerce the same way.
  CHECK(SeedSequence(42) == SeedSequence(std::uint8_t{42}));
  CHECK(SeedSequence(42) == SeedSequence(42ll));
  // uint64 output pairs uint32 words little-endian.
  const auto w32 = SeedSequence(7).generate_state(6);
  const auto w64 = SeedSequence(7).generate_state<std::uint64_t>(3);
  for (std::size_t k = 0; k < 3; ++k)
    CHECK(w64[k] == (w32[2 * k] | (std::uint64_t{w32[2 * k + 1]} << 32)));
  // Sizes 0, 1 and 1000.
  golden::check(bitgen("seedseq/u32-0"), SeedSequence(42).generate_state(0));
  golden::check(bitgen("seedseq/u64-1"), SeedSequence(42).generate_state<std::uint64_t>(1));
  golden::check(bitgen("seedseq/u32-1000"), SeedSequence(42).generate_state(1000));
  // The std::seed_seq-style generate() writes the same words.
  std::vector<std::uint32_t> g(1000);
  SeedSequence(42).generate(g.begin(), g.end());
  golden::check(bitgen("seedseq/u32-1000"), g);
}

TEST_CASE("SeedSequence: sequences of integers", "[seedseq]") {
  std::vector<std::uint32_t> range100(100);
  std::iota(range100.begin(), range100.end(), 0u);
  const std::vector<std::pair<std::string, std::vector<std::uint64_t>>> lists = {
      {"[]", {}},
      {"[0]", {0}},
      {"[1, 2, 3]", {1, 2, 3}},
      {"[0, 0, 0, 0]", {0, 0, 0, 0}},
      {"[2**32 - 1] * 9", std::vector<std::uint64_t>(9, 4294967295u)},
      {"list(range(100))", widen(range100)},
      {"[2**64 - 1, 2**40, 5]", {18446744073709551615u, std::uint64_t{1} << 40, 5}}};
  for (const auto& l : lists) {
    const auto& rec = bitgen("seedseq/words/" + l.first + "/u32");
    // Three arguments: SeedSequence(std::vector<std::uint64_t>) alone would pick the OS-entropy
    // constructor, whose first parameter is the spawn key.
    golden::check(rec, SeedSequence(l.second, std::vector<std::uint64_t>{}, 4).generate_state(8));
  }
  // Each element is coerced on its own (1 or 2 words); 2**100 only fits as words.
  golden::check(bitgen("seedseq/words/[2**100, 1]/u32"),
                SeedSequence::from_words({0, 0, 0, 16, 1}).generate_state(8));
  golden::check(bitgen("seedseq/words/[2**64 - 1, 2**40, 5]/u32"),
                SeedSequence::from_words({0xffffffffu, 0xffffffffu, 0, 256, 5}).generate_state(8));
  golden::check(bitgen("seedseq/words/list(range(100))/u32"),
                SeedSequence(range100, {}, 4).generate_state(8));
  golden::check(bitgen("seedseq/words/[1, 2, 3]/u32"), SeedSequence({1, 2, 3}).generate_state(8));
  golden::check(bitgen("seedseq/words/[1, 2, 3]/u32"),
                SeedSequence(std::vector<int>{1, 2, 3}).generate_state(8));
  // SeedSequence(std::vector<std::uint64_t>) must treat the vector as entropy, like every other
  // integer vector (it currently selects the OS-entropy constructor: see the report).
  golden::check(bitgen("seedseq/words/[1, 2, 3]/u32"),
                SeedSequence(std::vector<std::uint64_t>{1, 2, 3}).generate_state(8));
  // Zero words still count: unspawned, unused pool slots hash 0 like explicit zeros.
  CHECK(SeedSequence(5).generate_state(8) == SeedSequence({5, 0, 0, 0}).generate_state(8));
}

TEST_CASE("SeedSequence: spawn keys and pool sizes", "[seedseq]") {
  const std::vector<std::pair<std::string, std::vector<std::uint64_t>>> keys = {
      {"(0,)", {0}},
      {"(1, 2)", {1, 2}},
      {"(7, 2**40)", {7, std::uint64_t{1} << 40}},
      {"(2**64 - 1,)", {18446744073709551615u}},
      {"tuple(range(10))", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}};
  for (const auto& k : keys) {
    SeedSequence seq(42, k.second);
    CHECK(seq.spawn_key() == k.second);
    golden::check(bitgen("seedseq/spawn_key/" + k.first + "/u32"), seq.generate_state(8));
    golden::check(bitgen("seedseq/spawn_key/" + k.first + "/pool"), seq.pool());
  }
  golden::check(bitgen("seedseq/spawn_key-big-entropy/u32"),
                SeedSequence(std::vector<int>{1, 2, 3, 4, 5, 6}, {9}).generate_state(8));
  golden::check(bitgen("seedseq/spawn_key-zero/u32"), SeedSequence(0, {0}).generate_state(8));
  for (std::size_t ps : {4u, 5u, 8u, 16u}) {
    SeedSequence seq(12345, {}, ps);
    CHECK(seq.pool_size() == ps);
    CHECK(seq.pool().size() == ps);
    golden::check(bitgen("seedseq/pool" + std::to_string(ps) + "/u32"), seq.generate_state(24));
    golden::check(bitgen("seedseq/pool" + std::to_string(ps) + "/pool"), seq.pool());
  }
  golden::check(bitgen("seedseq/pool6-spawnkey/u32"),
                SeedSequence(std::vector<int>{1, 2}, {4}, 6).generate_state(12));
}

TEST_CASE("SeedSequence: spawning", "[seedseq]") {
  {
    SeedSequence root(7);
    const auto children = root.spawn(4);
    golden::check(bitgen("seedseq/spawn/children"), [&] {
      std::vector<std::uint32_t> v;
      for (const auto& c : children)
        for (auto w : c.generate_state(3)) v.push_back(w);
      return v;
    }());
    std::vector<std::uint64_t> keys;
    for (const auto& c : children) {
      keys.insert(keys.end(), c.spawn_key().begin(), c.spawn_key().end());
      CHECK(c.entropy() == root.entropy());
      CHECK(c.pool_size() == root.pool_size());
      CHECK(c.n_children_spawned() == 0);
    }
    golden::check(bitgen("seedseq/spawn/children-keys"), keys);
    CHECK(root.n_children_spawned() == 4);
  }
  {
    // Numbering continues across spawn calls.
    SeedSequence root(7);
    auto a = root.spawn(2);
    auto b = root.spawn(3);
    a.insert(a.end(), b.begin(), b.end());
    auto v = keys_and_state(a, 2);
    v.push_back(root.n_children_spawned());
    golden::check(bitgen("seedseq/spawn/twice"), v);
  }
  {
    std::vector<SeedSequence> grand;
    for (auto& c : SeedSequence(7).spawn(2))
      for (auto& g : c.spawn(2)) grand.push_back(g);
    golden::check(bitgen("seedseq/spawn/grandchildren"), keys_and_state(grand, 3));
  }
  {
    std::vector<std::uint32_t> v;
    for (auto& c : SeedSequence(7, {}, 8).spawn(2)) {
      CHECK(c.pool_size() == 8);
      for (auto w : c.generate_state(4)) v.push_back(w);
    }
    golden::check(bitgen("seedseq/spawn/pool8"), v);
  }
  golden::check(bitgen("seedseq/spawn/from-spawnkey"),
                keys_and_state(SeedSequence(7, {5}).spawn(2), 2));
  {
    // NumPy's SeedSequence(7, n_children_spawned=3).spawn(2): the same children as spawning 3
    // first.
    SeedSequence root(7);
    (void)root.spawn(3);
    golden::check(bitgen("seedseq/n_children_spawned/ctor"), keys_and_state(root.spawn(2), 2));
  }
  {
    SeedSequence root(7);
    golden::check_scalar(bitgen("seedseq/spawn/0"), root.spawn(0).size());
    CHECK(root.n_children_spawned() == 0);
    CHECK_THROWS_AS(root.spawn(-1), std::invalid_argument);
  }
}

TEST_CASE("SeedSequence: errors and OS entropy", "[seedseq]") {
  golden::check_error<std::invalid_argument>(bitgen("seedseq/error/negative"),
                                             [] { SeedSequence s(-1); });
  golden::check_error<std::invalid_argument>(bitgen("seedseq/error/negative-in-list"), [] {
    SeedSequence s(std::vector<int>{1, -5});
  });
  golden::check_error<std::invalid_argument>(bitgen("seedseq/error/negative-in-list"), [] {
    SeedSequence s({1, -5});
  });
  golden::check_error<std::invalid_argument>(bitgen("seedseq/error/pool-size"),
                                             [] { SeedSequence s(1, {}, 3); });
  // Fresh OS entropy: at most pool_size words, different each time, spawnable.
  SeedSequence a, b;
  CHECK(a.entropy().size() <= 4);
  CHECK_FALSE(a.entropy().empty());
  CHECK(a.pool() != b.pool());
  CHECK(a.spawn(2).size() == 2);
  // Copies compare equal; generate_state is const and repeatable.
  SeedSequence c(99);
  const SeedSequence d = c;
  CHECK(c == d);
  CHECK(c.generate_state(5) == d.generate_state(5));
  (void)c.spawn(1);
  CHECK(c != d);
}
