// The SIMD lanes of Philox4x64-10 (detail/philox_lanes.hpp, Philox::fill_block): on every
// dispatch path this CPU supports, the bulk forms (random_raw and fill_uint64, which feeds the
// block word sources; Generator.random / uniform, whose doubles are formed in the lanes) give the
// values and the final state (counter, buffer, buffer_pos, buffered half-word) of the same number
// of sequential draws, for lengths 0..70 and longer, from odd offsets inside the buffered block
// and with a pending 32-bit half, at counters whose increments carry from word 0 into words 1..3
// (inside a vector of lanes too), and after advance() / jumped(). The golden tests run once per
// path as well (tests/CMakeLists.txt sets NPRANDOM_SIMD for them and for this file).
#include "support/catch.hpp"

#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/detail/philox_lanes.hpp>
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/generator.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

using nprandom::Generator;
using nprandom::Philox;
using nprandom::philox4x64_ctr;
using nprandom::philox4x64_key;
namespace detail = nprandom::detail;

namespace {

struct level_guard {
  detail::simd_level saved = detail::current_simd_level();
  ~level_guard() { detail::set_simd_level(saved); }
};

std::vector<detail::simd_level> available_levels() {
  std::vector<detail::simd_level> out{detail::simd_level::portable};
  const auto best = detail::cpu_simd_level();
  if (best != detail::simd_level::portable) out.push_back(detail::simd_level::avx2);
  if (best == detail::simd_level::avx512) out.push_back(detail::simd_level::avx512);
  return out;
}

std::vector<std::size_t> lengths() {
  std::vector<std::size_t> out;
  for (std::size_t n = 0; n <= 70; ++n) out.push_back(n);
  for (const std::size_t n : {95u, 96u, 97u, 99u, 100u, 191u, 192u, 193u, 1000u, 1024u, 4097u})
    out.push_back(n);
  return out;
}

constexpr std::uint64_t max64 = ~std::uint64_t{0};
const philox4x64_key test_key{0x0123456789ABCDEFULL, 0xF0E1D2C3B4A59687ULL};

// Starting counters: zero, and just below the carries of word 0 into word 1 (the wrap lands
// inside the first vector of lanes, and in a later iteration), of words 0..1 into word 2 (2^128),
// of words 0..2 into word 3 (2^192), and of the whole counter (2^256, back to zero).
const philox4x64_ctr counters[] = {
    {0, 0, 0, 0},
    {max64 - 5, 0, 0, 0},
    {max64 - 40, 7, 0, 0},
    {max64 - 3, max64, 0, 0},
    {max64 - 17, max64, 11, 0},
    {max64 - 9, max64, max64, 5},
    {max64 - 30, max64, max64, max64},
};

// Offsets inside the buffered block: fresh, 1..3 words consumed, a pending high half-word
// (one next_uint32), and a pending half after one word.
Philox start(const philox4x64_ctr& ctr, int offset) {
  Philox bg = Philox::from_key_words(test_key, ctr);
  if (offset >= 1 && offset <= 3)
    for (int k = 0; k < offset; ++k) (void)bg.next_uint64();
  if (offset == 4) (void)bg.next_uint32();
  if (offset == 5) {
    (void)bg.next_uint64();
    (void)bg.next_uint32();
  }
  return bg;
}

// The words of n sequential next_uint64 calls, and the generator after them.
std::vector<std::uint64_t> sequential(Philox& bg, std::size_t n) {
  std::vector<std::uint64_t> out(n);
  for (auto& w : out) w = bg.next_uint64();
  return out;
}

}  // namespace

TEST_CASE("philox lanes: the kernels equal the Philox4x64-10 bijection across counter carries",
          "[simd]") {
#if NPRANDOM_X86_SIMD
  const auto best = detail::cpu_simd_level();
  for (const auto& ctr : counters) {
    const std::size_t blocks = 4 * detail::philox_avx512_blocks;  // a multiple of both
    std::vector<std::uint64_t> want(4 * blocks);
    philox4x64_ctr c = ctr;
    for (std::size_t b = 0; b < blocks; ++b) {
      const philox4x64_ctr r = nprandom::philox4x64<10>(c, test_key);
      for (std::size_t w = 0; w < 4; ++w) want[4 * b + w] = r[w];
      if (++c[0] == 0 && ++c[1] == 0 && ++c[2] == 0) ++c[3];
    }
    INFO("counter word 0 = " << ctr[0] << ", word 3 = " << ctr[3]);
    if (best != detail::simd_level::portable) {
      std::vector<std::uint64_t> got(4 * blocks);
      detail::philox_lanes_avx2<detail::lane_output::raw>(ctr.data(), test_key.data(), got.data(),
                                                          blocks);
      CHECK(got == want);
    }
    if (best == detail::simd_level::avx512) {
      std::vector<std::uint64_t> got(4 * blocks);
      detail::philox_lanes_avx512<detail::lane_output::raw>(ctr.data(), test_key.data(), got.data(),
                                                            blocks);
      CHECK(got == want);
    }
  }
#else
  SUCCEED("no SIMD kernels in this build");
#endif
}

TEST_CASE("philox lanes: random_raw equals sequential draws on every path", "[simd]") {
  level_guard guard;
  const std::vector<std::size_t> ns = lengths();
  for (const auto level : available_levels()) {
    REQUIRE(detail::set_simd_level(level) == level);
    for (const auto& ctr : counters) {
      for (int offset = 0; offset < 6; ++offset) {
        for (const std::size_t n : ns) {
          INFO("path " << detail::simd_level_name(level) << ", counter word 0 = " << ctr[0]
                       << ", word 3 = " << ctr[3] << ", offset " << offset << ", n = " << n);
          Philox bulk = start(ctr, offset), seq = start(ctr, offset);
          const std::vector<std::uint64_t> got = bulk.random_raw(n);
          const std::vector<std::uint64_t> want = sequential(seq, n);
          REQUIRE(got == want);
          REQUIRE(bulk.state() == seq.state());
          REQUIRE(bulk == seq);
          // and the streams continue identically
          CHECK(bulk.next_uint32() == seq.next_uint32());
          CHECK(bulk.next_uint64() == seq.next_uint64());
        }
      }
    }
  }
}

TEST_CASE("philox lanes: random and uniform doubles equal sequential draws on every path",
          "[simd]") {
  level_guard guard;
  const std::vector<std::size_t> ns = lengths();
  for (const auto level : available_levels()) {
    REQUIRE(detail::set_simd_level(level) == level);
    for (const auto& ctr : {counters[0], counters[3], counters[6]}) {
      for (int offset = 0; offset < 6; ++offset) {
        for (const std::size_t n : ns) {
          INFO("path " << detail::simd_level_name(level) << ", counter word 0 = " << ctr[0]
                       << ", offset " << offset << ", n = " << n);
          Generator<Philox> bulk(start(ctr, offset)), seq(start(ctr, offset));
          const std::vector<double> d = bulk.random(n);
          const std::vector<double> u = bulk.uniform(-3.5, 7.25, n);
          std::vector<double> d_want(n), u_want(n);
          for (auto& x : d_want) x = seq.random();
          for (auto& x : u_want) x = seq.uniform(-3.5, 7.25);
          REQUIRE(d == d_want);
          REQUIRE(u == u_want);
          REQUIRE(bulk.bit_generator().state() == seq.bit_generator().state());
          CHECK(bulk.bit_generator().next_uint32() == seq.bit_generator().next_uint32());
          CHECK(bulk.bit_generator().next_uint64() == seq.bit_generator().next_uint64());
        }
      }
    }
  }
}

TEST_CASE("philox lanes: after advance() and jumped(), repeated fills, every path", "[simd]") {
  level_guard guard;
  for (const auto level : available_levels()) {
    detail::set_simd_level(level);
    INFO("path " << detail::simd_level_name(level));
    Philox a = Philox::from_key_words(test_key, {max64 - 100, max64, 3, 0});
    a.advance(philox4x64_ctr{70, 0, 0, 0});  // word 0 wraps: the lanes start at 2^64 + ...
    Philox b = a;
    // fills of several lengths one after the other, mixed with single draws
    for (const std::size_t n : {4097u, 3u, 1000u, 61u, 0u, 250u}) {
      const std::vector<std::uint64_t> got = a.random_raw(n);
      CHECK(got == sequential(b, n));
      CHECK(a.state() == b.state());
      (void)a.next_uint32();
      (void)b.next_uint32();
    }
    Philox j = Philox(12345).jumped(3), js = j;
    js.set_state(j.state());
    CHECK(j.random_raw(2000) == sequential(js, 2000));
    CHECK(j.state() == js.state());
  }
}

TEST_CASE("philox lanes: every path gives the same long stream and Generator values", "[simd]") {
  level_guard guard;
  std::vector<std::vector<std::uint64_t>> raw;
  std::vector<std::vector<double>> dbl;
  std::vector<std::vector<std::int64_t>> ints;
  std::vector<nprandom::PhiloxState> states;
  for (const auto level : available_levels()) {
    detail::set_simd_level(level);
    Philox p(20260130u);
    p.advance(123456789);
    (void)p.next_uint64();
    raw.push_back(p.random_raw(100003));
    Generator<Philox> g(std::move(p));
    dbl.push_back(g.random(50001));
    const std::vector<float> f = g.random<float>(3001);
    CHECK(f.size() == 3001);
    ints.push_back(g.integers(std::int64_t{0}, std::int64_t{1000}, 20001));
    states.push_back(g.bit_generator().state());
  }
  for (std::size_t k = 1; k < raw.size(); ++k) {
    CHECK(raw[k] == raw[0]);
    CHECK(dbl[k] == dbl[0]);
    CHECK(ints[k] == ints[0]);
    CHECK(states[k] == states[0]);
  }
  // the portable path's random(n) is the sequential next_double loop
  Philox p(20260130u);
  p.advance(123456789);
  (void)p.next_uint64();
  for (std::size_t k = 0; k < 100003; ++k) (void)p.next_uint64();
  Generator<Philox> g(std::move(p));
  std::vector<double> want(50001);
  for (auto& x : want) x = g.random();
  CHECK(dbl[0] == want);
}
