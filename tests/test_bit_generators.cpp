// Tests of the five bit generators against NumPy: raw streams, seeding paths, 32/64-bit and
// double/float interleaving, state dicts, jumps, advance, spawning, errors, URBG use.
// Golden data: tests/data/bitgen.tsv (tools/golden/bitgen.py) and the 2.5.2 reference records.
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/distributions/normal.hpp>
#include <nprandom/seed_sequence.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

using nprandom::MT19937;
using nprandom::PCG64;
using nprandom::PCG64DXSM;
using nprandom::Philox;
using nprandom::SeedSequence;
using nprandom::SFC64;

namespace {

const golden::Record& bitgen(const std::string& id) { return golden::get("bitgen", id); }
const golden::Record& reference(const std::string& id) { return golden::get("reference", id); }

// Seeds used by the golden calls: 0, 1, 42, 2**32 + 5, 2**64 - 1 (and 12345 in the reference).
const std::vector<std::uint64_t> kSeeds = {0u, 1u, 42u, 4294967301u, 18446744073709551615u};
const std::vector<std::uint64_t> kRefSeeds = {0u,     1u,          42u,
                                              12345u, 4294967301u, 18446744073709551615u};

// ---- the state dict flattened to 64-bit words, in the order of tools/golden/bitgen.py STATE_FN
// ----

std::vector<std::uint64_t> state_words(const MT19937& bg) {
  const auto s = bg.state();
  std::vector<std::uint64_t> out(s.key.begin(), s.key.end());
  out.push_back(static_cast<std::uint64_t>(s.pos));
  return out;
}

template <
    class BG,
    std::enable_if_t<std::is_same<BG, PCG64>::value || std::is_same<BG, PCG64DXSM>::value, int> = 0>
std::vector<std::uint64_t> state_words(const BG& bg) {
  const auto s = bg.state();
  return {
      s.state.hi(), s.state.lo(), s.inc.hi(), s.inc.lo(), static_cast<std::uint64_t>(s.has_uint32),
      s.uinteger};
}

// The inverse: a state struct from the words of a golden state record.
void set_state_words(MT19937& bg, const std::vector<std::uint64_t>& w) {
  nprandom::MT19937State s;
  s.bit_generator = "MT19937";
  REQUIRE(w.size() == 625);
  for (std::size_t i = 0; i < 624; ++i) s.key[i] = static_cast<std::uint32_t>(w[i]);
  s.pos = static_cast<int>(w[624]);
  bg.set_state(s);
}

template <
    class BG,
    std::enable_if_t<std::is_same<BG, PCG64>::value || std::is_same<BG, PCG64DXSM>::value, int> = 0>
void set_state_words(BG& bg, const std::vector<std::uint64_t>& w) {
  REQUIRE(w.size() == 6);
  nprandom::PCG64State s;
  s.bit_generator = BG::name();
  s.state = nprandom::uint128(w[0], w[1]);
  s.inc = nprandom::uint128(w[2], w[3]);
  s.has_uint32 = static_cast<int>(w[4]);
  s.uinteger = static_cast<std::uint32_t>(w[5]);
  bg.set_state(s);
}

std::vector<std::uint64_t> state_words(const Philox& bg) {
  const auto s = bg.state();
  std::vector<std::uint64_t> out(s.counter.begin(), s.counter.end());
  out.insert(out.end(), s.key.begin(), s.key.end());
  out.insert(out.end(), s.buffer.begin(), s.buffer.end());
  out.push_back(static_cast<std::uint64_t>(s.buffer_pos));
  out.push_back(static_cast<std::uint64_t>(s.has_uint32));
  out.push_back(s.uinteger);
  return out;
}

void set_state_words(Philox& bg, const std::vector<std::uint64_t>& w) {
  REQUIRE(w.size() == 13);
  nprandom::PhiloxState s;
  s.bit_generator = "Philox";
  for (std::size_t i = 0; i < 4; ++i) s.counter[i] = w[i];
  for (std::size_t i = 0; i < 2; ++i) s.key[i] = w[4 + i];
  for (std::size_t i = 0; i < 4; ++i) s.buffer[i] = w[6 + i];
  s.buffer_pos = static_cast<int>(w[10]);
  s.has_uint32 = static_cast<int>(w[11]);
  s.uinteger = static_cast<std::uint32_t>(w[12]);
  bg.set_state(s);
}

std::vector<std::uint64_t> state_words(const SFC64& bg) {
  const auto s = bg.state();
  std::vector<std::uint64_t> out(s.state.begin(), s.state.end());
  out.push_back(static_cast<std::uint64_t>(s.has_uint32));
  out.push_back(s.uinteger);
  return out;
}

void set_state_words(SFC64& bg, const std::vector<std::uint64_t>& w) {
  REQUIRE(w.size() == 6);
  nprandom::SFC64State s;
  s.bit_generator = "SFC64";
  for (std::size_t i = 0; i < 4; ++i) s.state[i] = w[i];
  s.has_uint32 = static_cast<int>(w[4]);
  s.uinteger = static_cast<std::uint32_t>(w[5]);
  bg.set_state(s);
}

template <class BG>
constexpr bool is_mt = std::is_same<BG, MT19937>::value;

// ---- tests shared by every generator ----

template <class BG>
void check_reference_records() {
  const std::string n = BG::name();
  for (auto s : kRefSeeds) {
    BG bg(s);
    golden::check(reference(n + "/" + std::to_string(s) + "/raw"), bg.random_raw(8));
  }
  {
    BG bg(SeedSequence({5, 6}));
    golden::check(reference(n + "/ss/raw"), bg.random_raw(8));
  }
  {
    BG bg(42);
    auto v = bg.random_raw(1000);
    golden::check(reference(n + "/42/raw-1000"), std::vector<std::uint64_t>(v.end() - 4, v.end()));
  }
  {
    BG bg(42);
    std::vector<std::uint64_t> v;
    for (int i = 0; i < 3; ++i) v.push_back(bg.next_uint32());
    v.push_back(bg.random_raw());
    v.push_back(bg.next_uint32());
    const auto& rec = reference(n + "/42/uint32-mix");
    if (rec.kind == "float") {
      // The reference script put these Python ints in a float64 array (np.asarray of a list with a
      // value >= 2**63), so the raw 64-bit value is rounded to the nearest double there.
      golden::check(rec, std::vector<double>(v.begin(), v.end()));
    } else {
      golden::check(rec, v);
    }
  }
  {
    BG bg(42);
    std::vector<double> v;
    for (int i = 0; i < 6; ++i) v.push_back(bg.next_double());
    golden::check(reference(n + "/42/random"), v);
  }
  {
    // Generator(bg).standard_normal(6): the ziggurat kernel on each generator's next_uint64 /
    // next_double (MT19937's are built from two 32-bit outputs).
    BG bg(42);
    std::vector<double> v(6);
    nprandom::distributions::standard_normal_fill(bg, v.size(), v.data());
    golden::check(reference(n + "/42/standard_normal"), v);
  }
}

template <class BG>
void check_streams() {
  const std::string n = BG::name();
  {
    BG bg(42);
    golden::check(bitgen(n + "/42/raw1000"), bg.random_raw(1000));
    // The scalar path gives the same stream as the bulk path.
    BG one(42);
    std::vector<std::uint64_t> v;
    for (int i = 0; i < 1000; ++i) v.push_back(one.random_raw());
    golden::check(bitgen(n + "/42/raw1000"), v);
    CHECK(one == bg);
  }
  for (auto s : kSeeds) {
    const std::string ss = std::to_string(s);
    BG bg(s);
    golden::check(bitgen(n + "/" + ss + "/state0"), state_words(bg));
    auto v = bg.random_raw(1000);
    golden::check(bitgen(n + "/" + ss + "/raw1000-tail"),
                  std::vector<std::uint64_t>(v.end() - 8, v.end()));
  }
  {
    // discard(n) == random_raw(n, output=False)
    BG a(42), b(42);
    a.discard(999);
    (void)b.random_raw(999);
    CHECK(a == b);
    CHECK(a.random_raw() == bitgen(n + "/42/raw1000").u64().back());
  }
}

template <class BG>
void check_seeding() {
  const std::string n = BG::name();
  // (Three arguments: SeedSequence(std::vector<std::uint64_t>) alone would pick the OS-entropy
  // constructor, whose first parameter is a spawn key.)
  const std::vector<std::uint64_t> words = {1, 2, 3, std::uint64_t{1} << 40};
  golden::check(bitgen(n + "/ss-words/raw"),
                BG(SeedSequence(words, std::vector<std::uint64_t>{}, 4)).random_raw(8));
  golden::check(bitgen(n + "/ss-words/raw"), BG({1ull, 2ull, 3ull, 1ull << 40}).random_raw(8));
  golden::check(bitgen(n + "/ss-words/raw"), BG(words).random_raw(8));
  golden::check(bitgen(n + "/list/raw"), BG({1, 2, 3}).random_raw(8));
  golden::check(bitgen(n + "/list/raw"), BG(std::vector<std::uint32_t>{1, 2, 3}).random_raw(8));
  golden::check(bitgen(n + "/ss-spawnkey/raw"), BG(SeedSequence(42, {3, 1})).random_raw(8));
  golden::check(bitgen(n + "/ss-pool8/raw"), BG(SeedSequence(42, {}, 8)).random_raw(8));
  golden::check(bitgen(n + "/ss-2^100/raw"),
                BG(SeedSequence::from_words({0, 0, 0, 16})).random_raw(8));
  // A generator seeded with an int equals one seeded with SeedSequence(int).
  CHECK(BG(7) == BG(SeedSequence(7)));
  CHECK_THROWS_AS(BG(-1), std::invalid_argument);
  // Default construction draws OS entropy: two generators differ.
  CHECK(BG() != BG());
}

template <class BG>
void check_spawn() {
  const std::string n = BG::name();
  {
    std::vector<std::uint64_t> v;
    SeedSequence root(42);
    for (auto& c : root.spawn(3))
      for (auto x : BG(c).random_raw(3)) v.push_back(x);
    golden::check(bitgen(n + "/spawn/raw"), v);
  }
  {
    // BitGenerator.spawn: children seeded from seed_seq().spawn(n), numbering continues.
    BG parent(42);
    std::vector<std::uint64_t> v;
    auto first = parent.spawn(1);
    auto more = parent.spawn(2);
    for (auto* group : {&first, &more})
      for (auto& c : *group)
        for (auto x : c.random_raw(3)) v.push_back(x);
    golden::check(bitgen(n + "/spawn/raw"), v);
    REQUIRE(parent.seed_seq().has_value());
    CHECK(parent.seed_seq()->n_children_spawned() == 3);
  }
  {
    auto grand = SeedSequence(42).spawn(2)[1].spawn(3)[2];
    golden::check(bitgen(n + "/spawn-grandchild/raw"), BG(grand).random_raw(4));
    BG parent(42);
    auto child = parent.spawn(2)[1];
    golden::check(bitgen(n + "/spawn-grandchild/raw"), child.spawn(3)[2].random_raw(4));
  }
  {
    BG parent(42);
    CHECK(parent.spawn(0).empty());
    CHECK_THROWS_AS(parent.spawn(-1), std::invalid_argument);
  }
}

template <class BG>
void check_interleaving() {
  const std::string n = BG::name();
  {
    BG bg(42);
    std::vector<std::uint64_t> v;
    v.push_back(bg.next_uint32());
    v.push_back(bg.next_uint64());
    v.push_back(bg.next_uint32());
    v.push_back(bg.next_uint32());
    v.push_back(bg.random_raw());
    v.push_back(bg.next_uint32());
    v.push_back(bg.next_uint64());
    v.push_back(bg.next_uint32());
    v.push_back(bg.random_raw());
    golden::check(bitgen(n + "/42/mix-int"), v);
  }
  {
    BG bg(42);
    std::vector<double> v;
    v.push_back(bg.next_double());
    v.push_back(static_cast<double>(bg.next_float()));
    v.push_back(bg.next_double());
    v.push_back(static_cast<double>(bg.next_float()));
    v.push_back(static_cast<double>(bg.next_float()));
    v.push_back(bg.next_double());
    v.push_back(static_cast<double>(bg.next_uint32()));
    v.push_back(bg.next_double());
    golden::check(bitgen(n + "/42/mix-double"), v);
  }
  {
    BG bg(42);
    std::vector<double> d(100);
    for (auto& x : d) x = bg.next_double();
    golden::check(bitgen(n + "/42/double"), d);
    BG bf(42);
    std::vector<float> f(99);
    for (auto& x : f) x = bf.next_float();
    golden::check(bitgen(n + "/42/float"), f);
  }
}

template <class BG>
void check_state() {
  const std::string n = BG::name();
  const auto stream = bitgen(n + "/42/raw1000").u64();
  {
    BG bg(42);
    (void)bg.random_raw(5);
    const std::uint32_t half = bg.next_uint32();
    golden::check(bitgen(n + "/42/state-after"), state_words(bg));
    // Restore that state into a generator seeded differently: the continuation matches NumPy.
    BG other(0);
    set_state_words(other, bitgen(n + "/42/state-after").u64());
    CHECK(other == bg);
    CHECK(other.state() == bg.state());
    if constexpr (is_mt<BG>) {
      CHECK(half == stream[5]);
      CHECK(other.next_uint32() == stream[6]);
      CHECK(other.random_raw(10) ==
            std::vector<std::uint64_t>(stream.begin() + 7, stream.begin() + 17));
    } else {
      CHECK(half == static_cast<std::uint32_t>(stream[5]));
      CHECK(other.next_uint32() ==
            static_cast<std::uint32_t>(stream[5] >> 32));  // the buffered half
      CHECK(other.random_raw(10) ==
            std::vector<std::uint64_t>(stream.begin() + 6, stream.begin() + 16));
    }
  }
  {
    BG bg(42);
    (void)bg.random_raw(6);
    (void)bg.next_uint32();
    (void)bg.next_uint32();
    golden::check(bitgen(n + "/42/state-after2"), state_words(bg));
  }
  {
    // Round trip through state()/set_state() mid-stream.
    BG a(42);
    (void)a.random_raw(3);
    (void)a.next_uint32();
    BG b(0);
    b.set_state(a.state());
    CHECK(a == b);
    CHECK(a.next_uint32() == b.next_uint32());
    CHECK(a.random_raw(50) == b.random_raw(50));
    CHECK(a.next_double() == b.next_double());
  }
  {
    BG bg(0);
    auto s = bg.state();
    s.bit_generator = "X";
    if constexpr (std::is_same<BG, SFC64>::value) {
      // 1.24.2's message differs from 2.5.2's (an unformatted f-string there), so no golden record.
      CHECK_THROWS_AS(bg.set_state(s), std::invalid_argument);
    } else {
      golden::check_error<std::invalid_argument>(bitgen(n + "/error/state-name"),
                                                 [&] { bg.set_state(s); });
    }
  }
}

template <class BG>
void check_jumped() {
  const std::string n = BG::name();
  for (int j : {1, 2, 5}) {
    const std::string js = std::to_string(j);
    golden::check(reference(n + "/42/jumped" + js),
                  BG(42).jumped(static_cast<std::uint64_t>(j)).random_raw(4));
    for (std::uint64_t s : {std::uint64_t{0}, std::uint64_t{18446744073709551615u}})
      golden::check(bitgen(n + "/" + std::to_string(s) + "/jumped" + js),
                    BG(s).jumped(static_cast<std::uint64_t>(j)).random_raw(6));
  }
  {
    BG bg(42);
    (void)bg.random_raw(7);
    (void)bg.next_uint32();
    const BG before = bg;
    golden::check(bitgen(n + "/42/draw-jumped"), bg.jumped(3).random_raw(6));
    CHECK(bg == before);  // jumped() leaves the original untouched
  }
  golden::check(bitgen(n + "/42/jumped-state"), state_words(BG(42).jumped(2)));
  // jumped(2) == jumped(1).jumped(1)
  CHECK(BG(42).jumped(2) == BG(42).jumped(1).jumped(1));
}

// Statistical second net: mean/variance of doubles, and every bit of the raw output near 1/2.
template <class BG>
void check_statistics() {
  BG bg(20240607);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  int out_of_range = 0;
  for (int i = 0; i < n; ++i) {
    const double u = bg.next_double();
    out_of_range += (u < 0.0 || u >= 1.0) ? 1 : 0;
    sum += u;
    sum2 += u * u;
  }
  CHECK(out_of_range == 0);
  const double mean = sum / n, var = sum2 / n - mean * mean;
  CHECK(std::abs(mean - 0.5) < 5 * std::sqrt(1.0 / 12 / n));
  CHECK(std::abs(var - 1.0 / 12) < 0.002);
  std::array<int, 64> ones{};
  const int m = 20000;
  for (int i = 0; i < m; ++i) {
    const std::uint64_t x = bg.next_uint64();
    for (int b = 0; b < 64; ++b)
      ones[static_cast<std::size_t>(b)] += static_cast<int>((x >> b) & 1u);
  }
  for (int b = 0; b < 64; ++b) {
    INFO("bit " << b);
    CHECK(std::abs(ones[static_cast<std::size_t>(b)] - m / 2) < 5 * std::sqrt(m / 4.0));
  }
}

template <class BG>
void check_urbg() {
  static_assert(std::is_same<typename BG::result_type, std::uint64_t>::value, "64-bit URBG");
  static_assert(BG::min() == 0 && BG::max() == ~std::uint64_t{0}, "full range");
#if __cplusplus >= 202002L
  static_assert(std::uniform_random_bit_generator<BG>);
#endif
  BG bg(42), copy(42);
  CHECK(bg() == copy.next_uint64());
  std::vector<int> v(100);
  std::iota(v.begin(), v.end(), 0);
  std::shuffle(v.begin(), v.end(), bg);
  CHECK(std::is_permutation(v.begin(), v.end(), std::vector<int>(v.begin(), v.end()).begin()));
  std::vector<int> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted[99] == 99);
  CHECK(v != sorted);
  std::normal_distribution<double> nd(0.0, 1.0);
  double s = 0;
  for (int i = 0; i < 10000; ++i) s += nd(bg);
  CHECK(std::abs(s / 10000) < 0.05);
}

template <class BG>
void check_common() {
  SECTION("reference records") { check_reference_records<BG>(); }
  SECTION("raw streams") { check_streams<BG>(); }
  SECTION("seeding") { check_seeding<BG>(); }
  SECTION("spawn") { check_spawn<BG>(); }
  SECTION("interleaved 32/64-bit, double and float draws") { check_interleaving<BG>(); }
  SECTION("state") { check_state<BG>(); }
  SECTION("statistics") { check_statistics<BG>(); }
  SECTION("URBG") { check_urbg<BG>(); }
}

}  // namespace

TEST_CASE("MT19937 matches NumPy", "[bitgen][mt19937]") {
  check_common<MT19937>();
  SECTION("jumped") { check_jumped<MT19937>(); }
}

TEST_CASE("PCG64 matches NumPy", "[bitgen][pcg64]") {
  check_common<PCG64>();
  SECTION("jumped") { check_jumped<PCG64>(); }
}

TEST_CASE("PCG64DXSM matches NumPy", "[bitgen][pcg64dxsm]") {
  check_common<PCG64DXSM>();
  SECTION("jumped") { check_jumped<PCG64DXSM>(); }
}

TEST_CASE("Philox matches NumPy", "[bitgen][philox]") {
  check_common<Philox>();
  SECTION("jumped") { check_jumped<Philox>(); }
}

TEST_CASE("SFC64 matches NumPy", "[bitgen][sfc64]") { check_common<SFC64>(); }

// ---- advance (PCG64, PCG64DXSM, Philox) ----

namespace {

using Words256 = std::array<std::uint64_t, 4>;

// Decimal text of a 256-bit little-endian word array (to name the golden records).
std::string to_decimal(Words256 w) {
  std::string digits;
  auto is_zero = [&] { return w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0; };
  do {
    // Divide by 10, most significant word first, in 32-bit halves.
    std::uint64_t rem = 0;
    for (int i = 3; i >= 0; --i) {
      const auto k = static_cast<std::size_t>(i);
      const std::uint64_t hi = (rem << 32) | (w[k] >> 32);
      const std::uint64_t qh = hi / 10;
      rem = hi % 10;
      const std::uint64_t lo = (rem << 32) | (w[k] & 0xffffffffu);
      const std::uint64_t ql = lo / 10;
      rem = lo % 10;
      w[k] = (qh << 32) | ql;
    }
    digits.insert(digits.begin(), static_cast<char>('0' + rem));
  } while (!is_zero());
  return digits;
}

constexpr std::uint64_t kMax = ~std::uint64_t{0};

// The deltas of tools/golden/bitgen.py DELTAS (+ the Philox-only ones), as words.
const std::vector<Words256> kDeltas128 = {{1, 0, 0, 0},
                                          {1000, 0, 0, 0},
                                          {3, 1, 0, 0},
                                          {0, std::uint64_t{1} << 36, 0, 0},
                                          {kMax, kMax, 0, 0},
                                          {0, 1, 0, 0},
                                          {12345, std::uint64_t{1} << 63, 0, 0}};
const std::vector<Words256> kDeltas256 = {{0, 0, 0, 256},
                                          {kMax, kMax, kMax, kMax},
                                          {7, 0, 4, std::uint64_t{1} << 63},
                                          {kMax, kMax, kMax, 0}};

template <class BG>
void advance_words(BG& bg, const Words256& d) {
  if constexpr (std::is_same<BG, Philox>::value) {
    bg.advance(d);
  } else {
    REQUIRE(d[2] == 0);
    REQUIRE(d[3] == 0);
    bg.advance(nprandom::uint128(d[1], d[0]));
  }
}

template <class BG>
void check_advance() {
  const std::string n = BG::name();
  std::vector<Words256> deltas = kDeltas128;
  if constexpr (std::is_same<BG, Philox>::value)
    deltas.insert(deltas.end(), kDeltas256.begin(), kDeltas256.end());
  for (const auto& d : deltas) {
    const std::string ds = to_decimal(d);
    BG bg(42);
    advance_words(bg, d);
    golden::check(bitgen(n + "/42/advance/" + ds), bg.random_raw(6));
    BG zero(0);
    advance_words(zero, d);
    golden::check(bitgen(n + "/0/advance-state/" + ds), state_words(zero));
  }
  // The 2.5.2 reference records: 1, 1000, 2**64 + 3, 2**100.
  for (std::size_t i : {0u, 1u, 2u, 3u}) {
    BG bg(42);
    advance_words(bg, kDeltas128[i]);
    golden::check(reference(n + "/42/advance" + to_decimal(kDeltas128[i])), bg.random_raw(4));
  }
  {
    // After draws (and a buffered 32-bit half): advance resets the buffers.
    BG bg(42);
    (void)bg.random_raw(3);
    (void)bg.next_uint32();
    bg.advance(5);
    auto v = state_words(bg);
    const auto tail = bg.random_raw(5);
    v.insert(v.end(), tail.begin(), tail.end());
    golden::check(bitgen(n + "/42/draw-advance"), v);
  }
  {
    // Integer forms: small ints, and negative ones wrapping to 2**128 - 1 / 2**256 - 1.
    BG a(42), b(42);
    a.advance(1000);
    advance_words(b, kDeltas128[1]);
    CHECK(a == b);
    BG c(42);
    c.advance(-1);
    const Words256 minus_one = std::is_same<BG, Philox>::value ? kDeltas256[1] : kDeltas128[4];
    golden::check(bitgen(n + "/42/advance/" + to_decimal(minus_one)), c.random_raw(6));
    // advance returns the generator itself, for chaining.
    BG d(42);
    CHECK(&d.advance(std::uint64_t{1}) == &d);
  }
}

}  // namespace

TEST_CASE("advance matches NumPy", "[bitgen][advance]") {
  SECTION("PCG64") { check_advance<PCG64>(); }
  SECTION("PCG64DXSM") { check_advance<PCG64DXSM>(); }
  SECTION("Philox") { check_advance<Philox>(); }
}

// ---- Philox specifics: explicit key / counter, the bijection, buffer order ----

TEST_CASE("Philox keys, counters and the bijection", "[bitgen][philox]") {
  {
    // NumPy: Philox(key=[0x123456789, 0xabcdef]) -- the words given as they are in the call.
    auto bg = Philox::from_key_words({0x123456789ull, 0xabcdefull});
    golden::check(reference("Philox/key"), bg.random_raw(6));
    CHECK_FALSE(bg.seed_seq().has_value());
    CHECK_THROWS_AS(bg.spawn(1), std::invalid_argument);  // NumPy: TypeError
  }
  {
    // Philox(key=7, counter=[2**64 - 1, 2**64 - 1, 3, 0]): NumPy converts that list through
    // float64, so the counter it really uses is in the state record taken with the same call.
    const auto w = bitgen("Philox/key-counter/state-ref").u64();
    auto bg = Philox::from_key(7, {w[0], w[1], w[2], w[3]});
    golden::check(bitgen("Philox/key-counter/state-ref"), state_words(bg));
    golden::check(reference("Philox/key-counter"), bg.random_raw(6));
  }
  // key = 2**100 + 17, 2**128 - 1, [0, 2**64 - 1]
  golden::check(bitgen("Philox/key-int/raw"),
                Philox::from_key(nprandom::uint128(std::uint64_t{1} << 36, 17)).random_raw(8));
  golden::check(bitgen("Philox/key-max/raw"),
                Philox::from_key(nprandom::uint128(kMax, kMax)).random_raw(8));
  golden::check(bitgen("Philox/key-words/raw"), Philox::from_key_words({0, kMax}).random_raw(8));
  // Philox(42, counter=2**200 + 2**64 - 1) and Philox(key=3, counter=2**256 - 1) (wraps to 0
  // first).
  golden::check(bitgen("Philox/counter-int/raw"), Philox(42, {kMax, 0, 0, 256}).random_raw(8));
  golden::check(bitgen("Philox/counter-max/raw"),
                Philox::from_key(3, {kMax, kMax, kMax, kMax}).random_raw(8));
  golden::check(bitgen("Philox/key-counter/state"),
                state_words(Philox::from_key_words({5, 6}, {1, 2, 3, 4})));
  {
    // The same SeedSequence with and without the counter argument.
    CHECK(Philox(SeedSequence(42), Words256{}) == Philox(42));
    CHECK(Philox(std::vector<int>{1, 2, 3}) == Philox({1, 2, 3}));
  }
  {
    // The bijection alone reproduces the stream: block k is philox4x64(counter + k, key).
    Philox bg(42);
    const auto key = bg.state().key;
    const auto raw = bitgen("Philox/42/raw1000").u64();
    for (std::uint64_t block = 0; block < 250; ++block) {
      const auto out = nprandom::philox4x64(nprandom::philox4x64_ctr{block + 1, 0, 0, 0}, key);
      for (std::size_t j = 0; j < 4; ++j) REQUIRE(out[j] == raw[4 * block + j]);
    }
    // The template parameter selects the rounds: 0 rounds is the identity.
    const nprandom::philox4x64_ctr c{1, 2, 3, 4};
    CHECK(nprandom::philox4x64<0>(c, key) == c);
    CHECK(nprandom::philox4x64<1>(c, key) == nprandom::philox4x64_round(c, key));
  }
  {
    // Bulk fill from a part-used buffer equals scalar draws.
    Philox a(42), b(42);
    (void)a.next_uint64();
    (void)b.next_uint64();
    const auto bulk = a.random_raw(23);
    for (auto x : bulk) REQUIRE(x == b.next_uint64());
    CHECK(a == b);
  }
  {
    // buffer_pos outside [0, 4] is rejected.
    Philox bg(1);
    auto s = bg.state();
    s.buffer_pos = 5;
    CHECK_THROWS_AS(bg.set_state(s), std::invalid_argument);
    s.buffer_pos = -1;
    CHECK_THROWS_AS(bg.set_state(s), std::invalid_argument);
  }
}

// ---- MT19937 specifics: legacy seeding (RandomState), first output, set_state checks ----

TEST_CASE("MT19937 legacy seeding", "[bitgen][mt19937]") {
  for (std::uint32_t s : {0u, 1u, 5u, 42u, 4294967295u}) {
    MT19937 bg(0);
    bg.legacy_seed(s);
    golden::check(bitgen("MT19937/legacy/" + std::to_string(s) + "/raw"), bg.random_raw(8));
    CHECK_FALSE(bg.seed_seq().has_value());
    CHECK_THROWS_AS(bg.spawn(1), std::invalid_argument);  // NumPy: TypeError
  }
  std::vector<std::uint32_t> range1000(1000);
  std::iota(range1000.begin(), range1000.end(), 0u);
  const std::vector<std::pair<std::string, std::vector<std::uint32_t>>> keys = {
      {"[5]", {5}},
      {"[1, 2, 3]", {1, 2, 3}},
      {"[0]", {0}},
      {"[2**32 - 1, 0, 7]", {4294967295u, 0, 7}},
      {"list(range(1000))", range1000}};
  for (const auto& k : keys) {
    MT19937 bg(0);
    bg.legacy_seed(k.second);
    golden::check(bitgen("MT19937/legacy/" + k.first + "/raw"), bg.random_raw(8));
  }
  {
    MT19937 bg(0);
    bg.legacy_seed(range1000);
    golden::check(bitgen("MT19937/legacy/1000-keys/state"), state_words(bg));
    bg.legacy_seed(5);
    golden::check(bitgen("MT19937/legacy/5/state"), state_words(bg));
  }
  {
    MT19937 bg(0);
    bg.legacy_seed(7);
    golden::check(bitgen("MT19937/legacy/7/jumped"), bg.jumped(2).random_raw(6));
    (void)bg.random_raw(1000);
    golden::check(bitgen("MT19937/legacy/7/draw1000-jumped"), bg.jumped(1).random_raw(6));
  }
  // Validation helpers for RandomState.
  golden::check_error<std::invalid_argument>(bitgen("MT19937/legacy/error/-1"),
                                             [] { (void)MT19937::legacy_seed_value(-1); });
  golden::check_error<std::invalid_argument>(bitgen("MT19937/legacy/error/2**32"), [] {
    (void)MT19937::legacy_seed_value(std::int64_t{1} << 32);
  });
  golden::check_error<std::invalid_argument>(bitgen("MT19937/legacy/error/2**32"), [] {
    (void)MT19937::legacy_seed_value(std::uint64_t{1} << 32);
  });
  golden::check_error<std::invalid_argument>(bitgen("MT19937/legacy/error/[]"), [] {
    (void)MT19937::legacy_seed_words(std::vector<std::int64_t>{});
  });
  golden::check_error<std::invalid_argument>(bitgen("MT19937/legacy/error/[]"), [] {
    MT19937 bg(0);
    bg.legacy_seed(std::vector<std::uint32_t>{});
  });
  golden::check_error<std::invalid_argument>(bitgen("MT19937/legacy/error/[1, -1]"), [] {
    (void)MT19937::legacy_seed_words(std::vector<std::int64_t>{1, -1});
  });
  golden::check_error<std::invalid_argument>(bitgen("MT19937/legacy/error/[2**32]"), [] {
    (void)MT19937::legacy_seed_words(std::vector<std::uint64_t>{std::uint64_t{1} << 32});
  });
  CHECK(MT19937::legacy_seed_value(4294967295u) == 4294967295u);
  CHECK(MT19937::legacy_seed_value(0) == 0u);
  CHECK(MT19937::legacy_seed_words(std::vector<long long>{3, 4}) ==
        std::vector<std::uint32_t>{3, 4});
  {
    // seed=None: OS entropy, pos untouched, no SeedSequence left.
    MT19937 a(0);
    const int pos = a.state().pos;
    a.legacy_seed();
    CHECK(a.state().pos == pos);
    CHECK(a.state().key[0] == 0x80000000u);
    CHECK_FALSE(a.seed_seq().has_value());
  }
}

TEST_CASE("MT19937 seeding details and set_state checks", "[bitgen][mt19937]") {
  // SeedSequence path: key[0] = 0x80000000, key[1..] = generate_state(624)[1..], pos = 623.
  MT19937 bg(42);
  const auto words = SeedSequence(42).generate_state<std::uint32_t>(624);
  const auto s = bg.state();
  CHECK(s.bit_generator == "MT19937");
  CHECK(s.pos == 623);
  CHECK(s.key[0] == 0x80000000u);
  CHECK(std::equal(words.begin() + 1, words.end(), s.key.begin() + 1));
  // The first output is the tempered key[623], before any twist.
  CHECK(bg.next_uint32() == nprandom::detail::mt19937_temper(words[623]));
  // next_uint64 takes the first output as the high word.
  MT19937 a(42), b(42);
  const std::uint64_t hi = a.next_uint32(), lo = a.next_uint32();
  CHECK(b.next_uint64() == ((hi << 32) | lo));
  // next_double / next_uint64 (two outputs, one position check while two words are left in the
  // block) equal two next_uint32 at either parity, across block boundaries (pos 622, 623, 624).
  for (int skip = 0; skip < 2; ++skip) {
    MT19937 x(42), y(42);
    for (int i = 0; i < skip; ++i) (void)x.next_uint32(), (void)y.next_uint32();
    for (int i = 0; i < 1000; ++i) {
      const std::uint32_t u = y.next_uint32(), v = y.next_uint32();
      if (i % 2 == 0) {
        REQUIRE(x.next_double() == nprandom::detail::mt19937_to_double(u, v));
      } else {
        REQUIRE(x.next_uint64() == ((std::uint64_t{u} << 32) | v));
      }
      REQUIRE(x == y);
    }
  }
  // pos outside [0, 624] is rejected; 624 (a twist pending) and 0 are fine.
  auto bad = s;
  bad.pos = 625;
  CHECK_THROWS_AS(bg.set_state(bad), std::invalid_argument);
  bad.pos = -1;
  CHECK_THROWS_AS(bg.set_state(bad), std::invalid_argument);
  auto ok = s;
  ok.pos = 624;
  bg.set_state(ok);
  CHECK(bg.state().pos == 624);
  // fill_uint32 follows the same stream as next_uint32 across block boundaries.
  MT19937 c(42), d(42);
  std::vector<std::uint32_t> f(2000);
  c.fill_uint32(f.data(), f.size());
  for (std::size_t i = 0; i < f.size(); ++i) REQUIRE(f[i] == d.next_uint32());
  CHECK(c == d);
}

// The bulk paths (four-lane PCG64 fill, MT19937 block output, ...) must equal one-at-a-time draws
// and leave the same state, whatever the length and the starting position.
template <class G>
void check_bulk_equals_scalar() {
  for (std::size_t skip : {0u, 1u, 3u}) {
    for (std::size_t n : {0u, 1u, 3u, 15u, 16u, 17u, 63u, 64u, 65u, 1000u, 5001u}) {
      G a(12345), b(12345);
      (void)a.next_uint32();  // leave a buffered half word: the bulk path must keep it
      (void)b.next_uint32();
      for (std::size_t i = 0; i < skip; ++i) {
        (void)a.random_raw();
        (void)b.random_raw();
      }
      std::vector<std::uint64_t> one(n);
      for (auto& v : one) v = a.random_raw();
      const std::vector<std::uint64_t> bulk = b.random_raw(n);
      INFO("n = " << n << ", skip = " << skip);
      CHECK(bulk == one);
      CHECK(a.state() == b.state());
      CHECK(a.next_uint32() == b.next_uint32());
      CHECK(a.random_raw() == b.random_raw());
    }
  }
}

TEST_CASE("bulk random_raw equals scalar draws", "[bitgen][bulk]") {
  check_bulk_equals_scalar<MT19937>();
  check_bulk_equals_scalar<PCG64>();
  check_bulk_equals_scalar<PCG64DXSM>();
  check_bulk_equals_scalar<Philox>();
  check_bulk_equals_scalar<SFC64>();
}
