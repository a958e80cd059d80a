// Direct tests of the core kernels (nprandom/distributions/{integers,permutation}.hpp) that the
// Generator tests do not reach: the masked-rejection bounded draws (RandomState.randint's path),
// the single-value random_bounded_* forms, random_interval and gen_mask; BINV's search in lanes
// (binv_search_fill) against the one-value search, restarts included.
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/distributions/permutation.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace {

nprandom::MT19937 legacy_mt(std::uint32_t seed) {
  nprandom::MT19937 bg(0);
  bg.legacy_seed(seed);
  return bg;
}

namespace d = nprandom::distributions;

}  // namespace

TEST_CASE("kernels: masked bounded fills reproduce RandomState.randint",
          "[distributions][integers]") {
  // RandomState(42).randint(0, 100, size=20, dtype=...) == masked fill with off 0, rng 99.
  auto check_dt = [](auto tag, const std::string& dt, auto fill) {
    using U = decltype(tag);
    auto bg = legacy_mt(42);
    std::vector<U> out(20);
    fill(bg, out.data(), out.size());
    golden::check(golden::get("reference", "RandomState/42/randint/" + dt), out);
  };
  check_dt(std::uint64_t{}, "np.int64", [](auto& bg, std::uint64_t* o, std::size_t n) {
    d::bounded_uint64_fill(bg, 0, 99, n, true, o);
  });
  check_dt(std::uint64_t{}, "np.uint64", [](auto& bg, std::uint64_t* o, std::size_t n) {
    d::bounded_uint64_fill(bg, 0, 99, n, true, o);
  });
  check_dt(std::uint32_t{}, "np.int32", [](auto& bg, std::uint32_t* o, std::size_t n) {
    d::bounded_uint32_fill(bg, 0, 99, n, true, o);
  });
  check_dt(std::uint32_t{}, "np.uint32", [](auto& bg, std::uint32_t* o, std::size_t n) {
    d::bounded_uint32_fill(bg, 0, 99, n, true, o);
  });
  check_dt(std::uint16_t{}, "np.uint16", [](auto& bg, std::uint16_t* o, std::size_t n) {
    d::bounded_uint16_fill(bg, 0, 99, n, true, o);
  });
  check_dt(std::uint16_t{}, "np.int16", [](auto& bg, std::uint16_t* o, std::size_t n) {
    d::bounded_uint16_fill(bg, 0, 99, n, true, o);
  });
  check_dt(std::uint8_t{}, "np.uint8", [](auto& bg, std::uint8_t* o, std::size_t n) {
    d::bounded_uint8_fill(bg, 0, 99, n, true, o);
  });
  check_dt(std::uint8_t{}, "np.int8", [](auto& bg, std::uint8_t* o, std::size_t n) {
    d::bounded_uint8_fill(bg, 0, 99, n, true, o);
  });
  {
    auto bg = legacy_mt(42);
    bool out[20];
    d::bounded_bool_fill(bg, false, true, 20, true, out);
    golden::check(golden::get("reference", "RandomState/42/randint/bool"),
                  std::vector<bool>(out, out + 20));
  }
  {
    // randint(-2**62, 2**62): off = -2^62 (two's complement), rng = 2^63 - 1
    auto bg = legacy_mt(42);
    std::vector<std::uint64_t> out(10);
    const std::uint64_t off = ~(std::uint64_t{1} << 62) + 1;
    d::bounded_uint64_fill(bg, off, (std::uint64_t{1} << 63) - 1, out.size(), true, out.data());
    std::vector<std::int64_t> signed_out(out.begin(), out.end());
    golden::check(golden::get("reference", "RandomState/42/randint/wide"), signed_out);
  }
}

TEST_CASE("kernels: single-value bounded draws equal one-element fills",
          "[distributions][integers]") {
  for (bool masked : {false, true}) {
    for (std::uint64_t rng :
         {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{99}, std::uint64_t{0xFFFFFFFFu},
          std::uint64_t{0x100000000u}, std::uint64_t{3} << 61, ~std::uint64_t{0}}) {
      nprandom::PCG64 a(5), b(5);
      for (int i = 0; i < 50; ++i) {
        std::uint64_t x;
        d::bounded_uint64_fill(a, 7, rng, 1, masked, &x);
        CHECK(d::bounded_uint64(b, 7, rng, d::gen_mask(rng), masked) == x);
      }
      CHECK(a.random_raw() == b.random_raw());
    }
    // 8/16-bit: the single-value forms share a buffer across calls (NumPy's broadcast path); a
    // fill shares one buffer across its elements -- the two agree draw for draw.
    for (std::uint16_t rng : {0, 1, 99, 40000, 0xFFFF}) {
      nprandom::PCG64 a(6), b(6);
      std::vector<std::uint16_t> x(33);
      d::bounded_uint16_fill(a, 3, rng, x.size(), masked, x.data());
      d::uint32_buffer buf;
      for (auto v : x) {
        CHECK(d::buffered_bounded_uint16(b, 3, rng, static_cast<std::uint16_t>(d::gen_mask(rng)),
                                         masked, buf) == v);
      }
    }
    for (std::uint8_t rng : {0, 1, 99, 200, 0xFF}) {
      nprandom::PCG64 a(7), b(7);
      std::vector<std::uint8_t> x(33);
      d::bounded_uint8_fill(a, 3, rng, x.size(), masked, x.data());
      d::uint32_buffer buf;
      for (auto v : x) {
        CHECK(d::buffered_bounded_uint8(b, 3, rng, static_cast<std::uint8_t>(d::gen_mask(rng)),
                                        masked, buf) == v);
      }
    }
    for (std::uint32_t rng : {0u, 1u, 99u, 3000000000u, 0xFFFFFFFFu}) {
      nprandom::PCG64 a(8), b(8);
      std::vector<std::uint32_t> x(33);
      d::bounded_uint32_fill(a, 3, rng, x.size(), masked, x.data());
      d::uint32_buffer buf;
      for (auto v : x) {
        CHECK(d::buffered_bounded_uint32(b, 3, rng, static_cast<std::uint32_t>(d::gen_mask(rng)),
                                         masked, buf) == v);
      }
    }
  }
}

TEST_CASE("kernels: gen_mask and random_interval", "[distributions][integers]") {
  for (std::uint64_t v : {std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{3}, std::uint64_t{100},
                          std::uint64_t{0xFFFFFFFFu}, std::uint64_t{0x100000000u},
                          ~std::uint64_t{0} >> 1, ~std::uint64_t{0}}) {
    const std::uint64_t m = d::gen_mask(v);
    CHECK(m >= v);
    CHECK((m & (m + 1)) == 0);  // 2^k - 1
    CHECK((m >> 1) < v);        // smallest such
  }
  CHECK(d::gen_mask(0) == 0);
  static_assert(d::gen_mask(1000) == 1023, "gen_mask stays constexpr");
  // Every width: 2^k - 1, 2^k, 2^k + 1 and random values against NumPy's shift-or definition.
  const auto shift_or = [](std::uint64_t m) {
    for (unsigned s : {1u, 2u, 4u, 8u, 16u, 32u}) m |= m >> s;
    return m;
  };
  nprandom::PCG64 words(11);
  for (unsigned k = 0; k < 64; ++k) {
    const std::uint64_t p = std::uint64_t{1} << k;
    for (std::uint64_t v : {p - 1, p, p + 1, p | (words.next_uint64() >> (63 - k))}) {
      REQUIRE(d::gen_mask(v) == shift_or(v));
    }
  }
  nprandom::PCG64 bg(3);
  const auto before = nprandom::PCG64(3).random_raw();
  CHECK(d::random_interval(bg, 0) == 0);  // no draw
  CHECK(bg.random_raw() == before);
  // Values stay in range, and the 64-bit path is used above 2^32 - 1.
  for (std::uint64_t max : {std::uint64_t{1}, std::uint64_t{6}, std::uint64_t{1} << 40}) {
    for (int i = 0; i < 1000; ++i) CHECK(d::random_interval(bg, max) <= max);
  }
}

namespace {

// A scripted stream of doubles (the search reads nothing else from its engine).
struct scripted_doubles {
  const std::vector<double>* seq;
  std::size_t pos = 0;
  double next_double() { return (*seq)[pos++]; }
};

}  // namespace

TEST_CASE("kernels: BINV's search in lanes equals the one-value search, restarts included",
          "[distributions][binomial]") {
  // Tables whose search passes the bound often (U above the sum of px_0..px_bound): 20% of the
  // values for {0.5, 0.3}, 10% for the second, 60% for the third -- groups with restarts at
  // every lane, in runs, and at a group's end. The last one is a real table (n = 20, p = 0.3).
  nprandom::PCG64 src(7);
  std::vector<double> seq(200000);
  for (double& v : seq) v = src.next_double();
  seq[0] = 0.95;  // a restart in the first lane
  std::vector<std::vector<double>> tables = {
      {0.5, 0.3}, {0.2, 0.3, 0.25, 0.15}, {0.1, 0.1, 0.1, 0.1}, {}};
  {
    nprandom::distributions::binomial_cache bc;
    nprandom::detail::binomial_inversion_setup(bc, 20, 0.3);
    tables.back().resize(static_cast<std::size_t>(nprandom::detail::binv_table_size));
    REQUIRE(nprandom::detail::binv_fill_table(bc, 20, 0.3, tables.back().data()));
    tables.back().resize(static_cast<std::size_t>(bc.m) + 1);
  }
  for (const auto& px : tables) {
    const auto bound = static_cast<std::int64_t>(px.size()) - 1;
    for (std::size_t cnt : {0, 1, 31, 32, 33, 64, 100, 1000, 20000}) {
      for (bool flip : {false, true}) {
        CAPTURE(px.size(), cnt, flip);
        scripted_doubles lanes{&seq}, one{&seq};
        std::vector<std::int64_t> got(cnt), want(cnt);
        nprandom::detail::binv_search_fill(lanes, px.data(), bound, 40, flip, got.data(), cnt);
        for (std::size_t i = 0; i < cnt; ++i) {
          const std::int64_t x = nprandom::detail::binv_table_search(one, px.data(), bound);
          want[i] = flip ? 40 - x : x;
        }
        REQUIRE(got == want);
        REQUIRE(lanes.pos == one.pos);  // the same doubles used, none drawn ahead
      }
    }
    // The vector lanes (this build's width, or the CPU's at each run-time SIMD level) and the
    // portable ones: same X, U and restart flag.
    namespace dd = nprandom::detail;
    const dd::simd_level before = dd::current_simd_level();
    for (dd::simd_level level :
         {dd::simd_level::portable, dd::simd_level::avx2, dd::simd_level::avx512}) {
      const dd::simd_level used = dd::set_simd_level(level);  // lowered to what the CPU has
      bool all = true;
      for (std::size_t g = 0; g + 32 <= 4096; g += 32) {
        double u1[32], u2[32], x1[32], x2[32];
        for (std::size_t j = 0; j < 32; ++j) u1[j] = u2[j] = seq[g + j];
        const bool d1 = dd::binv_lanes<32>(px.data(), bound, u1, x1);
        const bool d2 = dd::binv_lanes_portable<32>(px.data(), bound, u2, x2);
        all = all && d1 == d2 && std::memcmp(x1, x2, sizeof x1) == 0 &&
              std::memcmp(u1, u2, sizeof u1) == 0;
      }
      CAPTURE(px.size(), dd::simd_level_name(used));
      REQUIRE(all);
    }
    dd::set_simd_level(before);
  }
}

TEST_CASE("kernels: BINV's thresholds give the one-value search's X at and next to every step",
          "[distributions][binomial]") {
  // binv_count against binv_search on the same doubles: each threshold s_k, the doubles just
  // below and above it (where the search's rounded subtractions decide), and random ones.
  namespace dd = nprandom::detail;
  const auto step = [](double x, std::int64_t d) { return dd::binv_step_bits(x, d); };
  const std::pair<std::int64_t, double> cases[] = {
      {1, 0.3},   {1, 0.5},     {2, 0.5},     {20, 0.3},  {20, 0.5},         {100, 0.3},
      {60, 0.5},  {1000, 0.03}, {300, 0.1},   {7, 1e-9},  {3000000, 1e-5},   {50, 0.01},
      {40, 0.25}, {85, 0.35},   {61, 0.4999}, {10, 0.05}, {1000000000, 3e-8}};
  nprandom::PCG64 src(5);
  for (const auto& c : cases) {
    const std::int64_t n = c.first;
    const double p = c.second;
    nprandom::distributions::binomial_cache bc;
    dd::binomial_inversion_setup(bc, n, p);
    std::vector<double> px(static_cast<std::size_t>(dd::binv_table_size));
    REQUIRE(dd::binv_fill_table(bc, n, p, px.data()));
    const std::int64_t bound = bc.m;
    std::vector<double> s(static_cast<std::size_t>(dd::binv_table_size));
    REQUIRE(dd::binv_fill_thresholds(px.data(), bound, s.data()));
    std::vector<double> us;
    for (std::int64_t k = 0; k <= bound + 1; ++k) {
      const double t = s[static_cast<std::size_t>(k)];
      if (!(t < 1.0)) continue;
      for (std::int64_t d = -3; d <= 3; ++d) {
        const double u = step(t, d);
        if (u >= 0.0 && u < 1.0) us.push_back(u);
      }
    }
    for (int i = 0; i < 20000; ++i) us.push_back(src.next_double());
    us.push_back(0.0);
    us.push_back(step(1.0, -1));
    // Each U followed by restart doubles (a restart takes the next one).
    std::vector<double> seq;
    for (double u : us) {
      seq.push_back(u);
      seq.push_back(0.0);
    }
    CAPTURE(n, p, bound);
    scripted_doubles a{&seq}, b{&seq};
    for (std::size_t i = 0; i < us.size(); ++i) {
      a.pos = b.pos = 2 * i;
      const std::int64_t want = dd::binv_table_search(b, px.data(), bound);
      const std::int64_t got = dd::binv_count(
          a.next_double(), [&a] { return a.next_double(); }, s.data(), bound);
      CAPTURE(us[i]);
      REQUIRE(got == want);
      REQUIRE(a.pos == b.pos);
    }
  }
}

TEST_CASE("kernels: BINV's thresholds with signed zeros in the table (p = -0.0), and a NaN",
          "[distributions][binomial]") {
  namespace dd = nprandom::detail;
  // RandomState.binomial(n, -0.0) gives px = 1, -0.0, +0.0, -0.0, ...: every U stops at X = 0.
  std::vector<double> px = {1.0, -0.0, 0.0, -0.0, 0.0, -0.0};
  std::vector<double> s(32);
  REQUIRE(dd::binv_fill_thresholds(px.data(), 5, s.data()));
  std::vector<double> zpx = {0.25, -0.0, 0.0, 0.5};  // a table that passes zeros
  REQUIRE(dd::binv_fill_thresholds(zpx.data(), 3, s.data()));
  nprandom::PCG64 src(9);
  std::vector<double> seq;
  for (int i = 0; i < 4000; ++i) seq.push_back(src.next_double());
  for (const auto* t : {&px, &zpx}) {
    std::vector<double> st(32);
    const auto bound = static_cast<std::int64_t>(t->size()) - 1;
    REQUIRE(dd::binv_fill_thresholds(t->data(), bound, st.data()));
    scripted_doubles a{&seq}, b{&seq};
    for (int i = 0; i < 1000; ++i) {
      const std::int64_t want = dd::binv_table_search(b, t->data(), bound);
      const std::int64_t got = dd::binv_count(
          a.next_double(), [&a] { return a.next_double(); }, st.data(), bound);
      REQUIRE(got == want);
      REQUIRE(a.pos == b.pos);
    }
  }
  std::vector<double> bad = {0.5, std::numeric_limits<double>::quiet_NaN(), 0.5};
  s.assign(32, 7.0);
  REQUIRE_FALSE(dd::binv_fill_thresholds(bad.data(), 2, s.data()));
  REQUIRE(s[0] == 7.0);  // nothing written
}

TEST_CASE("kernels: the hypergeometric urn equals NumPy's loop over random_interval",
          "[distributions][hypergeometric]") {
  // The urn's branch-free pass (hypergeometric_sample, totals below 2^32) against the loop as
  // NumPy writes it; totals just above and below powers of two move the mask mid-sample.
  const auto urn = [](nprandom::PCG64& bg, std::int64_t good, std::int64_t bad,
                      std::int64_t sample) {
    const std::int64_t total = good + bad;
    std::int64_t computed = (sample > total / 2) ? total - sample : sample;
    std::int64_t rt = total, rg = good;
    while (computed > 0 && rg > 0 && rt > rg) {
      if (static_cast<std::int64_t>(d::random_interval(bg, static_cast<std::uint64_t>(rt - 1))) <
          rg)
        --rg;
      --rt;
      --computed;
    }
    if (rt == rg) rg -= computed;
    return (sample > total / 2) ? rg : good - rg;
  };
  nprandom::PCG64 a(11), b(11);
  const std::int64_t cases[][3] = {{10, 10, 5},   {16, 17, 9},     {1, 31, 3},     {30, 3, 9},
                                   {100, 200, 5}, {100, 200, 290}, {64, 65, 120},  {0, 10, 5},
                                   {10, 0, 5},    {7, 9, 16},      {1, 1, 1},      {5, 1000, 9},
                                   {1000, 24, 9}, {1 << 20, 5, 7}, {3, 1 << 30, 9}};
  for (const auto& c : cases) {
    for (int rep = 0; rep < 200; ++rep) {
      CAPTURE(c[0], c[1], c[2], rep);
      REQUIRE(d::hypergeometric_sample(a, c[0], c[1], c[2]) == urn(b, c[0], c[1], c[2]));
    }
    REQUIRE(a == b);
  }
}
