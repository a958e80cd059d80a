// Tests of state_io.hpp: NumPy's state dicts as JSON text, both ways, against Python's own text
// (tests/data/state_io.tsv from tools/make_state_golden.py); the strict parser; stream operators;
// Generator as a UniformRandomBitGenerator.
#include "support/catch.hpp"

#include <nprandom/nprandom.hpp>
#include <nprandom/state_io.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#if __cplusplus >= 202002L
#include <concepts>
#include <random>
static_assert(std::uniform_random_bit_generator<nprandom::Generator<nprandom::PCG64>>);
static_assert(std::uniform_random_bit_generator<nprandom::Generator<nprandom::MT19937>>);
#endif

namespace {

using Row = std::vector<std::string>;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

const std::vector<Row>& rows() {
  static const std::vector<Row> all = [] {
    std::vector<Row> out;
    const std::string path = std::string(NPRANDOM_TEST_DATA_DIR) + "/state_io.tsv";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty() && line[0] != '#') out.push_back(split(line, '\t'));
    return out;
  }();
  return all;
}

std::vector<std::uint64_t> u64s(const std::string& s) {
  std::vector<std::uint64_t> out;
  for (const auto& t : split(s, ' '))
    if (!t.empty()) out.push_back(std::strtoull(t.c_str(), nullptr, 10));
  return out;
}
std::vector<double> doubles(const std::string& s) {
  std::vector<double> out;
  for (const auto& t : split(s, ' '))
    if (!t.empty()) out.push_back(std::strtod(t.c_str(), nullptr));
  return out;
}

// Load Python's state text, draw what Python drew, compare draws and the state text after.
template <class BitGen>
void check_bitgen_row(const Row& r) {
  INFO(r[0]);
  BitGen bg(0u);
  nprandom::set_state_json(bg, r[2]);
  CHECK(nprandom::get_state_json(bg) == r[2]);  // C++ writes Python's text byte for byte
  std::vector<std::uint64_t> u32;
  for (int i = 0; i < 4; ++i) u32.push_back(bg.next_uint32());
  CHECK(u32 == u64s(r[3]));
  std::vector<std::uint64_t> raw;
  for (int i = 0; i < 6; ++i) raw.push_back(bg.random_raw());
  CHECK(raw == u64s(r[4]));
  CHECK(nprandom::get_state_json(bg) == r[5]);
  // struct level: from_json/to_json agree with the engine
  using S = decltype(bg.state());
  CHECK(nprandom::to_json(nprandom::from_json<S>(r[5])) == r[5]);
  CHECK(nprandom::from_json<S>(r[5]) == bg.state());
}

std::size_t count_kind(const char* kind) {
  return static_cast<std::size_t>(
      std::count_if(rows().begin(), rows().end(), [&](const Row& r) { return r[1] == kind; }));
}

}  // namespace

TEST_CASE("state_io: bit generator JSON equals Python's and continues Python's stream",
          "[state_io]") {
  REQUIRE(count_kind("bitgen") >= 40);
  for (const auto& r : rows()) {
    if (r[1] != "bitgen") continue;
    REQUIRE(r.size() == 6);
    const std::string name = r[0].substr(0, r[0].find('/'));
    if (name == "MT19937")
      check_bitgen_row<nprandom::MT19937>(r);
    else if (name == "PCG64")
      check_bitgen_row<nprandom::PCG64>(r);
    else if (name == "PCG64DXSM")
      check_bitgen_row<nprandom::PCG64DXSM>(r);
    else if (name == "Philox")
      check_bitgen_row<nprandom::Philox>(r);
    else if (name == "SFC64")
      check_bitgen_row<nprandom::SFC64>(r);
    else
      FAIL("unknown bit generator " << name);
  }
}

TEST_CASE("state_io: a seeded C++ generator writes the text Python writes for the same seed",
          "[state_io]") {
  std::map<std::string, std::string> fresh;
  for (const auto& r : rows())
    if (r[1] == "bitgen") fresh[r[0]] = r[2];
  CHECK(nprandom::get_state_json(nprandom::MT19937(12345)) == fresh.at("MT19937/seed=12345/fresh"));
  CHECK(nprandom::get_state_json(nprandom::PCG64(12345)) == fresh.at("PCG64/seed=12345/fresh"));
  CHECK(nprandom::get_state_json(nprandom::PCG64DXSM(0)) == fresh.at("PCG64DXSM/seed=0/fresh"));
  CHECK(nprandom::get_state_json(nprandom::Philox(0)) == fresh.at("Philox/seed=0/fresh"));
  CHECK(nprandom::get_state_json(nprandom::SFC64(18446744073709551615ull)) ==
        fresh.at("SFC64/seed=18446744073709551615/fresh"));
  // Generator: its bit generator's state
  auto g = nprandom::default_rng(12345);
  CHECK(nprandom::get_state_json(g) == fresh.at("PCG64/seed=12345/fresh"));
}

TEST_CASE("state_io: RandomState legacy tuple and dict, with the cached gaussian", "[state_io]") {
  REQUIRE(count_kind("rs") >= 12);
  for (const auto& r : rows()) {
    if (r[1] != "rs") continue;
    INFO(r[0]);
    REQUIRE(r.size() == 8);
    for (int form = 0; form < 2; ++form) {
      nprandom::RandomState rs(1u);
      nprandom::set_state_json(rs, form == 0 ? r[2] : r[3]);
      CHECK(nprandom::get_state_json(rs) == r[2]);
      CHECK(nprandom::get_state_json(rs, false) == r[3]);
      std::vector<double> normals{rs.standard_normal(), rs.standard_normal(), rs.standard_normal()};
      std::vector<double> uniforms{rs.random_sample(), rs.random_sample()};
      CHECK(normals == doubles(r[4]));
      CHECK(uniforms == doubles(r[5]));
      CHECK(nprandom::get_state_json(rs) == r[6]);
      CHECK(nprandom::get_state_json(rs, false) == r[7]);
    }
    CHECK(nprandom::to_json(nprandom::from_json<nprandom::LegacyState>(r[6])) == r[6]);
    CHECK(nprandom::to_json(nprandom::from_json<nprandom::RandomStateDict<nprandom::MT19937State>>(
              r[7])) == r[7]);
  }
}

TEST_CASE("state_io: RandomState forms NumPy's set_state also accepts", "[state_io]") {
  nprandom::RandomState a(5u);
  a.standard_normal();
  const nprandom::LegacyState full = a.get_state();
  std::string key = "[";
  for (std::size_t i = 0; i < full.key.size(); ++i)
    key += (i ? ", " : "") + std::to_string(full.key[i]);
  key += "]";
  // the 3-tuple: no gaussian
  nprandom::RandomState b(1u);
  nprandom::set_state_json(b, "[\"MT19937\", " + key + ", " + std::to_string(full.pos) + "]");
  CHECK(b.get_state().has_gauss == 0);
  CHECK(b.get_state().key == full.key);
  // a dict without has_gauss/gauss
  nprandom::set_state_json(b, nprandom::get_state_json(a.bit_generator()));
  CHECK(b.get_state().has_gauss == 0);
  // legacy tuple of another generator: NumPy's message
  CHECK_THROWS_WITH(nprandom::set_state_json(b, "[\"PCG64\", " + key + ", 3]"),
                    "nprandom: set_state can only be used with legacy MT19937 state instances.");
  // RandomState over PCG64: the dict form (NumPy's get_state() returns it, with a warning)
  nprandom::BasicRandomState<nprandom::PCG64> p(nprandom::PCG64(3));
  p.standard_normal();
  const std::string pj = nprandom::get_state_json(p);
  nprandom::BasicRandomState<nprandom::PCG64> q(nprandom::PCG64(4));
  nprandom::set_state_json(q, pj);
  CHECK(q == p);
  CHECK_THROWS_AS(nprandom::set_state_json(q, nprandom::get_state_json(a)), std::invalid_argument);
  CHECK(q == p);
}

TEST_CASE("state_io: SeedSequence state text and generate_state", "[state_io]") {
  REQUIRE(count_kind("ss") >= 7);
  for (const auto& r : rows()) {
    if (r[1] != "ss") continue;
    INFO(r[0]);
    const auto ss = nprandom::from_json<nprandom::SeedSequence>(r[2]);
    const auto words = ss.generate_state<std::uint32_t>(6);
    CHECK(std::vector<std::uint64_t>(words.begin(), words.end()) == u64s(r[3]));
    if (r[0] != "SeedSequence/list") {
      CHECK(nprandom::to_json(ss) == r[2]);
    } else {
      // [1, 2**40, 3] is written as the integer with the same words, which seeds identically
      const auto again = nprandom::from_json<nprandom::SeedSequence>(nprandom::to_json(ss));
      CHECK(again == ss);
      CHECK(again.generate_state<std::uint32_t>(6) == words);
    }
  }
  CHECK(nprandom::to_json(nprandom::SeedSequence(42)) ==
        "{\"entropy\": 42, \"spawn_key\": [], \"pool_size\": 4, \"n_children_spawned\": 0}");
  // Trailing zero words cannot be an integer: written as the word list, same seed.
  const auto z = nprandom::SeedSequence::from_words({1, 2, 3, 4, 0});
  const std::string zj = nprandom::to_json(z);
  CHECK(zj.rfind("{\"entropy\": [1, 2, 3, 4, 0],", 0) == 0);
  CHECK(nprandom::from_json<nprandom::SeedSequence>(zj).pool() == z.pool());
}

TEST_CASE("state_io: doubles are written as Python's repr", "[state_io]") {
  REQUIRE(count_kind("float") >= 400);
  for (const auto& r : rows()) {
    if (r[1] != "float") continue;
    INFO(r[0] << " " << r[2]);
    const double v = std::strtod(r[2].c_str(), nullptr);
    CHECK(nprandom::detail::json::python_float_repr(v) == r[3]);
    const auto parsed = nprandom::detail::json::parse(r[3]);
    CHECK(nprandom::detail::json::to_double(parsed, "x") == v);
  }
}

TEST_CASE("state_io: uint128 text is exact", "[state_io]") {
  using nprandom::uint128;
  using nprandom::detail::json::to_decimal;
  CHECK(to_decimal(uint128(0)) == "0");
  CHECK(to_decimal(uint128(~0ull, ~0ull)) == "340282366920938463463374607431768211455");
  CHECK(to_decimal(uint128(1, 0)) == "18446744073709551616");
  CHECK(to_decimal(uint128(0, 10000000000000000000ull)) == "10000000000000000000");
  nprandom::PCG64 p(1);
  auto st = p.state();
  st.state = uint128(~0ull, ~0ull);
  st.inc = uint128(0x8000000000000000ull, 1);
  p.set_state(st);
  const std::string j = nprandom::get_state_json(p);
  CHECK(j.find("\"state\": 340282366920938463463374607431768211455,") != std::string::npos);
  CHECK(j.find("\"inc\": 170141183460469231731687303715884105729}") != std::string::npos);
  nprandom::PCG64 q(2);
  nprandom::set_state_json(q, j);
  CHECK(q == p);
}

TEST_CASE("state_io: the parser is strict and leaves the object unchanged", "[state_io]") {
  nprandom::PCG64 p(7);
  const nprandom::PCG64 before = p;
  const std::string good = nprandom::get_state_json(p);
  auto with = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
  };
  const std::vector<std::string> bad = {
      "",
      "{",
      good + " x",
      good + ",",
      with("\"has_uint32\": 0", "\"has_uint32\": 0,"),   // trailing comma
      with("\"has_uint32\": 0", "\"has_uint32\": 2"),    // flag out of range
      with("\"has_uint32\": 0", "\"has_uint32\": -0"),   // sign
      with("\"has_uint32\": 0", "\"has_uint32\": 0.0"),  // not an integer
      with("\"has_uint32\": 0", "\"has_uint32\": 1e0"),
      with("\"has_uint32\": 0", "\"has_uint32\": true"),
      with("\"has_uint32\": 0", "\"has_uint32\": 00"),              // leading zero
      with("\"uinteger\": 0", "\"uinteger\": 4294967296"),          // 2**32
      with(", \"uinteger\": 0", ""),                                // missing key
      with("\"uinteger\": 0", "\"uinteger\": 0, \"extra\": 1"),     // unknown key
      with("\"uinteger\": 0", "\"uinteger\": 0, \"uinteger\": 0"),  // duplicate key
      with("\"PCG64\"", "\"SFC64\""),
      with("\"PCG64\"", "\"PCG64DXSM\""),  // valid text, other generator
      with("\"inc\": ", "\"inc\": 340282366920938463463374607431768211456"),  // 2**128 (prefix)
      with("{\"state\": ", "{\"state\": NaN, \"x\": "),
      "[1, 2]",
      "null",
      "{\"bit_generator\": \"PCG64\" \"state\": {}}",
  };
  for (const auto& text : bad) {
    INFO(text);
    CHECK_THROWS_AS(nprandom::set_state_json(p, text), std::invalid_argument);
    CHECK(p == before);
  }
  // 2**128 exactly (the prefix replacement above makes a longer number; check the bound itself)
  std::string big = good;
  const auto at = big.find("\"inc\": ") + 7;
  big.replace(at, big.find('}', at) - at, "340282366920938463463374607431768211456");
  CHECK_THROWS_WITH(nprandom::set_state_json(p, big),
                    "nprandom: PCG64 state: key \"state\": key \"inc\": "
                    "340282366920938463463374607431768211456 is out of range [0, 2**128)");
  CHECK(p == before);
  // Whitespace and key order are free; \u escapes decode.
  nprandom::PCG64 q(8);
  const auto st = p.state();
  nprandom::set_state_json(q, " {\n\"uinteger\" : 0 ,\"has_uint32\":0,\t\"state\": {\"inc\": " +
                                  nprandom::detail::json::to_decimal(st.inc) +
                                  ", \"state\": " + nprandom::detail::json::to_decimal(st.state) +
                                  "}, \"bit_generator\": \"PCG\\u0036\\u0034\"}\r\n");
  CHECK(q == p);
  // MT19937: key length, pos range
  nprandom::MT19937 m(1);
  const nprandom::MT19937 m0 = m;
  std::string mj = nprandom::get_state_json(m);
  CHECK_THROWS_AS(
      nprandom::set_state_json(m, mj.replace(mj.find("\"pos\": "), 10, "\"pos\": 625}")),
      std::invalid_argument);
  std::string short_key = nprandom::get_state_json(m);
  short_key.replace(short_key.find("[2147483648, "), 13, "[");
  CHECK_THROWS_WITH(
      nprandom::set_state_json(m, short_key),
      "nprandom: MT19937 state: key \"state\": key \"key\": expected 624 elements, got 623");
  CHECK(m == m0);
  // deep nesting is refused, not a stack overflow
  CHECK_THROWS_AS(nprandom::detail::json::parse(std::string(100000, '[')), std::invalid_argument);
}

TEST_CASE("state_io: stream operators round-trip every engine", "[state_io]") {
  auto round_trip = [](auto bg) {
    bg.random_raw(5);
    (void)bg.next_uint32();
    std::stringstream ss;
    ss << bg << "\n" << bg;
    decltype(bg) a(1u), b(2u);
    ss >> a >> b;
    CHECK(!ss.fail());
    CHECK(a == bg);
    CHECK(b == bg);
    CHECK(a.random_raw(10) == bg.random_raw(10));
  };
  round_trip(nprandom::MT19937(3));
  round_trip(nprandom::PCG64(3));
  round_trip(nprandom::PCG64DXSM(3));
  round_trip(nprandom::Philox(3));
  round_trip(nprandom::SFC64(3));

  // malformed input: failbit, engine unchanged
  nprandom::SFC64 s(1);
  const nprandom::SFC64 s0 = s;
  std::istringstream bad("{\"bit_generator\": \"SFC64\"}");
  bad >> s;
  CHECK(bad.fail());
  CHECK(s == s0);
  std::istringstream wrong(nprandom::get_state_json(nprandom::PCG64(1)));
  wrong >> s;
  CHECK(wrong.fail());
  CHECK(s == s0);
  std::istringstream garbage("hello");
  garbage >> s;
  CHECK(garbage.fail());
  CHECK(s == s0);
}

TEST_CASE("Generator is a UniformRandomBitGenerator", "[state_io][urbg]") {
  using G = nprandom::Generator<nprandom::PCG64>;
  static_assert(std::is_same<G::result_type, std::uint64_t>::value, "");
  static_assert(G::min() == 0 && G::max() == ~std::uint64_t{0}, "");
  auto g = nprandom::default_rng(42);
  nprandom::PCG64 raw(42);
  for (int i = 0; i < 5; ++i) CHECK(g() == raw.next_uint64());

  // std::shuffle and <random> distributions take a Generator and draw its 64-bit words.
  std::vector<int> v(50);
  std::iota(v.begin(), v.end(), 0);
  auto w = v;
  auto g1 = nprandom::default_rng(1);
  nprandom::PCG64 b1(1);
  std::shuffle(v.begin(), v.end(), g1);
  std::shuffle(w.begin(), w.end(), b1);
  CHECK(v == w);
  CHECK(g1.bit_generator() == b1);
  std::vector<int> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  std::vector<int> expect(50);
  std::iota(expect.begin(), expect.end(), 0);
  CHECK(sorted == expect);

  std::uniform_int_distribution<int> die(1, 6);
  std::normal_distribution<double> nd(0.0, 1.0);
  auto g2 = nprandom::Generator<nprandom::MT19937>(nprandom::MT19937(5));
  for (int i = 0; i < 100; ++i) {
    const int d = die(g2);
    CHECK((d >= 1 && d <= 6));
    CHECK(std::isfinite(nd(g2)));
  }
}
