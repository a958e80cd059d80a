// The SIMD lanes of the PCG engines (detail/pcg64_lanes.hpp, detail/simd_dispatch.hpp): on every
// dispatch path this CPU supports, the bulk forms (random_raw, random, random<float>, uniform)
// give the values and the final state (LCG state and NumPy's buffered half-word) of the same
// number of sequential scalar draws, for many lengths and odd starting offsets. The golden tests
// run once per path as well (tests/CMakeLists.txt sets NPRANDOM_SIMD for them).
#include "support/catch.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/generator.hpp>
#include <nprandom/legacy/random_state.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using nprandom::Generator;
using nprandom::PCG64;
using nprandom::PCG64DXSM;
namespace detail = nprandom::detail;

namespace {

// Restores the dispatch level in use when the test started (other tests may run after this one
// in the same process, under a level forced by NPRANDOM_SIMD).
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

const std::size_t lengths[] = {0, 1, 2, 3, 7, 8, 9, 31, 32, 33, 63, 64, 65, 127, 1000, 1024, 4097};

// Starting offsets: fresh, after one next_uint32 (a buffered high half), after one next_uint64,
// after two next_uint32 (the buffer consumed, uinteger kept).
template <class BitGen>
BitGen start(int offset) {
  BitGen bg(20260001u + static_cast<unsigned>(offset));
  if (offset == 1) (void)bg.next_uint32();
  if (offset == 2) (void)bg.next_uint64();
  if (offset == 3) {
    (void)bg.next_uint32();
    (void)bg.next_uint32();
  }
  return bg;
}

template <class BitGen>
void check_engine() {
  level_guard guard;
  for (const auto level : available_levels()) {
    REQUIRE(detail::set_simd_level(level) == level);
    REQUIRE(detail::current_simd_level() == level);
    for (const std::size_t n : lengths) {
      for (int offset = 0; offset < 4; ++offset) {
        INFO("path " << detail::simd_level_name(level) << ", n = " << n << ", offset " << offset);
        // random_raw
        {
          BitGen bulk = start<BitGen>(offset), seq = start<BitGen>(offset);
          const std::vector<std::uint64_t> got = bulk.random_raw(n);
          std::vector<std::uint64_t> want(n);
          for (auto& w : want) w = seq.next_uint64();
          CHECK(got == want);
          CHECK(bulk.state() == seq.state());
        }
        // random (double), random<float>, uniform, one after the other on one generator
        {
          Generator<BitGen> bulk(start<BitGen>(offset)), seq(start<BitGen>(offset));
          const std::vector<double> d = bulk.random(n);
          const std::vector<float> f = bulk.template random<float>(n);
          const std::vector<double> u = bulk.uniform(-3.5, 7.25, n);
          std::vector<double> d_want(n), u_want(n);
          std::vector<float> f_want(n);
          for (auto& x : d_want) x = seq.random();
          for (auto& x : f_want) x = seq.template random<float>();
          for (auto& x : u_want) x = seq.uniform(-3.5, 7.25);
          CHECK(d == d_want);
          CHECK(f == f_want);
          CHECK(u == u_want);
          CHECK(bulk.bit_generator().state() == seq.bit_generator().state());
          // and the streams continue identically
          CHECK(bulk.bit_generator().next_uint32() == seq.bit_generator().next_uint32());
          CHECK(bulk.bit_generator().next_uint64() == seq.bit_generator().next_uint64());
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("simd lanes: PCG64 bulk forms equal sequential draws on every path", "[simd]") {
  check_engine<PCG64>();
}

TEST_CASE("simd lanes: PCG64DXSM bulk forms equal sequential draws on every path", "[simd]") {
  check_engine<PCG64DXSM>();
}

TEST_CASE("simd lanes: every path gives the same long stream", "[simd]") {
  level_guard guard;
  std::vector<std::vector<std::uint64_t>> raw;
  std::vector<std::vector<double>> dbl;
  for (const auto level : available_levels()) {
    detail::set_simd_level(level);
    PCG64 a(5);
    PCG64DXSM b(5);
    a.advance(123456789);  // an arbitrary point of the stream, by the jump formula
    std::vector<std::uint64_t> r = a.random_raw(100003);
    const std::vector<std::uint64_t> r2 = b.random_raw(50001);
    r.insert(r.end(), r2.begin(), r2.end());
    raw.push_back(r);
    Generator<PCG64> g(std::move(a));
    dbl.push_back(g.uniform(1.0, 2.0, 70001));
  }
  for (std::size_t i = 1; i < raw.size(); ++i) {
    CHECK(raw[i] == raw[0]);
    CHECK(dbl[i] == dbl[0]);
  }
}

// The block-source kernels (detail/block_source.hpp) on every path: one generator through
// ziggurat, Lemire (64, 32, 16, 8-bit), bool and bytes fills, starting from a buffered half-word,
// gives the same values and the same final state whichever path fills its blocks.
TEST_CASE("simd lanes: block-source kernels give the same values on every path", "[simd]") {
  level_guard guard;
  struct result {
    std::vector<double> normal, expo;
    std::vector<float> normal_f, expo_f;
    std::vector<std::int64_t> i64, big;
    std::vector<std::int32_t> i32;
    std::vector<std::int16_t> i16;
    std::vector<std::uint8_t> u8;
    std::vector<bool> b;
    std::string bytes;
    nprandom::PCG64State state;
  };
  std::vector<result> res;
  for (const auto level : available_levels()) {
    detail::set_simd_level(level);
    Generator<PCG64> g(start<PCG64>(1));
    result r;
    r.normal = g.standard_normal(20001);
    r.normal_f = g.standard_normal<float>(20001);
    r.expo = g.standard_exponential(20001);
    r.expo_f = g.standard_exponential<float>(20001);
    r.i64 = g.integers(std::int64_t{-7}, std::int64_t{1000}, 20001);
    r.big = g.integers(std::int64_t{0}, std::int64_t{6000000000000000000}, 20001);
    r.i32 = g.integers<std::int32_t>(0, 100000, 20001);
    r.i16 = g.integers<std::int16_t>(0, 1000, 20001);
    r.u8 = g.integers<std::uint8_t>(0, 200, 20001);
    r.b = g.integers<bool>(0, 2, 20001);
    r.bytes = g.bytes(20001);
    r.state = g.bit_generator().state();
    res.push_back(std::move(r));
  }
  for (std::size_t i = 1; i < res.size(); ++i) {
    CHECK(res[i].normal == res[0].normal);
    CHECK(res[i].normal_f == res[0].normal_f);
    CHECK(res[i].expo == res[0].expo);
    CHECK(res[i].expo_f == res[0].expo_f);
    CHECK(res[i].i64 == res[0].i64);
    CHECK(res[i].big == res[0].big);
    CHECK(res[i].i32 == res[0].i32);
    CHECK(res[i].i16 == res[0].i16);
    CHECK(res[i].u8 == res[0].u8);
    CHECK(res[i].b == res[0].b);
    CHECK(res[i].bytes == res[0].bytes);
    CHECK(res[i].state == res[0].state);
  }
}

// MT19937's block kernels (twist and tempering in 8 or 16 lanes, the double conversion:
// detail/mt19937_core.hpp) on every path: the words of the one-word twist and tempering loops
// (written out here), then RandomState's block cursor (random_sample, standard_normal, bytes) and
// the bit generator's fills give the same values and states on every path.
TEST_CASE("simd lanes: MT19937 block kernels give the same stream on every path", "[simd]") {
  level_guard guard;
  // The reference: the twist and tempering one word at a time, as in NumPy's mt19937_gen.
  nprandom::MT19937 ref_bg(0);
  ref_bg.legacy_seed(777u);  // pos = 624: the first draw twists
  detail::mt19937_key key = ref_bg.state().key;
  std::vector<std::uint32_t> want;
  for (int block = 0; block < 5; ++block) {
    const int n = detail::mt19937_n, m = detail::mt19937_m;
    for (int i = 0; i < n; ++i) {
      const auto k = static_cast<std::size_t>(i);
      key[k] = detail::mt19937_twist_word(key[k], key[static_cast<std::size_t>((i + 1) % n)],
                                          key[static_cast<std::size_t>((i + m) % n)]);
    }
    for (const std::uint32_t w : key) want.push_back(detail::mt19937_temper(w));
  }
  struct result {
    std::vector<std::uint64_t> raw;
    std::vector<double> sample, normal;
    std::string bytes;
    nprandom::MT19937State state;
  };
  std::vector<result> res;
  for (const auto level : available_levels()) {
    detail::set_simd_level(level);
    nprandom::MT19937 bg(0);
    bg.legacy_seed(777u);
    std::vector<std::uint64_t> raw = bg.random_raw(want.size());
    std::vector<std::uint64_t> want64(want.begin(), want.end());
    CHECK(raw == want64);
    nprandom::RandomState rs(20261130u);
    (void)rs.random_sample();  // an odd position in the block
    result r;
    r.raw = std::move(raw);
    r.sample = rs.random_sample(10001);
    r.normal = rs.standard_normal(5001);
    r.bytes = rs.bytes(3001);
    r.state = rs.bit_generator().state();
    res.push_back(std::move(r));
  }
  for (std::size_t i = 1; i < res.size(); ++i) {
    REQUIRE(res[i].sample == res[0].sample);
    CHECK(res[i].normal == res[0].normal);
    CHECK(res[i].bytes == res[0].bytes);
    CHECK(res[i].state == res[0].state);
  }
}

TEST_CASE("simd lanes: set_simd_level lowers a request to what the CPU supports", "[simd]") {
  level_guard guard;
  const auto best = detail::cpu_simd_level();
  CHECK(detail::set_simd_level(detail::simd_level::portable) == detail::simd_level::portable);
  CHECK(detail::current_simd_level() == detail::simd_level::portable);
  CHECK(detail::set_simd_level(detail::simd_level::avx512) == best);
  CHECK(detail::current_simd_level() == best);
  CHECK(std::string(detail::simd_level_name(detail::simd_level::avx2)) == "avx2");
#if !NPRANDOM_X86_SIMD
  CHECK(best == detail::simd_level::portable);
#endif
}
