// Setup caches and shortcuts of the sized and one-value paths (issue 12) give exactly the values
// and the bit-generator state of the plain kernels: Generator.zipf (setup once per sized call,
// kept between one-value calls), Generator.multinomial (one binomial sampler per category and
// remaining count), choice with p (exact cdf search, one-value search, the p checks without the
// Kahan chain), one-value choice, RandomState randint<bool> / bytes / choice.
// RandomState.binomial keeps BINV's px table between one-value calls; the legacy gauss cache is
// taken inline.
#include "support/catch.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/detail/choice_shuffle.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/kahan_sum.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/multivariate.hpp>
#include <nprandom/distributions/permutation.hpp>
#include <nprandom/generator.hpp>
#include <nprandom/legacy/random_state.hpp>
#include <nprandom/ndarray.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace dist = nprandom::distributions;
using nprandom::Generator;
using nprandom::PCG64;
using nprandom::RandomState;

template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return std::string("invalid_argument: ") + e.what();
  }
  return "no error";
}

// p vectors: uniform, skewed, with zeros (also leading/trailing), one entry, many entries.
std::vector<std::vector<double>> p_vectors() {
  std::vector<std::vector<double>> ps = {{1.0},
                                         {0.1, 0.2, 0.3, 0.25, 0.15},
                                         {0.0, 0.5, 0.0, 0.5, 0.0},
                                         {0.0, 0.0, 1.0},
                                         {1.0, 0.0, 0.0}};
  for (std::size_t n : {7u, 8u, 9u, 17u, 100u, 129u, 1000u}) {
    std::vector<double> p(n);
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      p[i] = (i % 5 == 3) ? 0.0 : 1.0 / static_cast<double>(1 + (i * 7919) % 31);
      s += p[i];
    }
    for (double& v : p) v /= s;
    ps.push_back(p);
  }
  return ps;
}

}  // namespace

TEST_CASE("Generator.zipf: sized fill and one-value sampler equal the plain kernel") {
  const double as[] = {2.0, 2.0, 3.5, 2.0, 1.5, 1025.0, 2.0, 1.0001, 1.0001, 4.0};
  // One-value calls through the kept setup, parameters changing between calls.
  Generator<PCG64> g(PCG64(7));
  PCG64 ref(7);
  for (int round = 0; round < 50; ++round) {
    for (double a : as) {
      INFO("a=" << a << " round=" << round);
      REQUIRE(g.zipf(a) == dist::zipf(ref, a));
    }
  }
  REQUIRE(g.bit_generator().random_raw() == ref.random_raw());
  // Sized: the setup computed once.
  for (double a : as) {
    for (std::size_t n : {0u, 1u, 2u, 1000u}) {
      Generator<PCG64> s(PCG64(11));
      PCG64 r(11);
      const std::vector<std::int64_t> v = s.zipf(a, n);
      for (std::size_t i = 0; i < n; ++i) REQUIRE(v[i] == dist::zipf(r, a));
      REQUIRE(s.bit_generator().random_raw() == r.random_raw());
    }
  }
}

TEST_CASE("Generator.hypergeometric one-value sampler equals the plain kernel") {
  const std::int64_t ps[][3] = {{100, 200, 50}, {100, 200, 50}, {100, 200, 5},  {100, 200, 50},
                                {10, 10, 10},   {1000, 5, 500}, {5, 1000, 990}, {100, 200, 51},
                                {100, 201, 50}, {101, 200, 50}, {0, 50, 20},    {100, 200, 50}};
  Generator<PCG64> g(PCG64(13));
  PCG64 ref(13);
  for (int round = 0; round < 30; ++round) {
    for (const auto& p : ps) {
      INFO(p[0] << " " << p[1] << " " << p[2]);
      REQUIRE(g.hypergeometric(p[0], p[1], p[2]) == dist::hypergeometric(ref, p[0], p[1], p[2]));
    }
  }
  REQUIRE(g.bit_generator().random_raw() == ref.random_raw());
}

TEST_CASE(
    "Generator.binomial one value: the kept table and its thresholds equal the plain kernel") {
  // Runs of the same (n, p) (the first call searches the table, the second makes the thresholds,
  // later ones count them), changes of (n, p) in between, reflected p, and BTPE.
  const std::pair<std::int64_t, double> ps[] = {
      {20, 0.3}, {20, 0.3},  {20, 0.3},  {1, 0.3},   {1, 0.3},    {100, 0.7},  {100, 0.7},
      {20, 0.3}, {85, 0.35}, {85, 0.35}, {85, 0.35}, {1000, 0.4}, {1000, 0.4}, {2, 0.5},
      {2, 0.5},  {0, 0.3},   {5, 0.0},   {5, 1.0},   {5, 1.0},    {60, 0.5},   {60, 0.5}};
  for (int run : {1, 2, 3, 50}) {
    Generator<PCG64> g(PCG64(17));
    PCG64 ref(17);
    for (int round = 0; round < 20; ++round) {
      for (const auto& p : ps) {
        for (int i = 0; i < run; ++i) {
          INFO(run << " " << p.first << " " << p.second);
          REQUIRE(g.binomial(p.first, p.second) == dist::binomial(ref, p.first, p.second));
        }
      }
    }
    REQUIRE(g.bit_generator().random_raw() == ref.random_raw());
  }
}

TEST_CASE("multinomial_rows (a binomial sampler per category and count) equals row-by-row") {
  const std::vector<std::vector<double>> pvs = {{0.2, 0.2, 0.2, 0.2, 0.2},
                                                {0.5, 0.5},
                                                {1.0},
                                                {0.0, 0.3, 0.7},
                                                {0.9, 0.05, 0.05},
                                                {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}};
  for (const auto& pv : pvs) {
    for (std::int64_t n : {0, 1, 7, 100, 1000, 100000}) {
      for (std::size_t rows : {0u, 1u, 2u, 33u, 500u}) {
        INFO("d=" << pv.size() << " n=" << n << " rows=" << rows);
        PCG64 a(3), b(3);
        std::vector<std::int64_t> got(rows * pv.size(), -1), want(rows * pv.size(), -1);
        dist::multinomial_rows(a, n, pv.data(), pv.size(), got.data(), rows);
        dist::binomial_cache cache;
        for (std::size_t i = 0; i < rows; ++i) {
          dist::multinomial(b, n, pv.data(), pv.size(), want.data() + i * pv.size(), cache);
        }
        REQUIRE(got == want);
        REQUIRE(a.random_raw() == b.random_raw());
      }
    }
  }
  // Through Generator (sized rows): the same as one-row calls.
  Generator<PCG64> g(PCG64(5)), h(PCG64(5));
  const std::vector<double> p5{0.2, 0.2, 0.2, 0.2, 0.2};
  const auto rows = g.multinomial(100, p5, 300);
  for (std::size_t i = 0; i < 300; ++i) {
    const auto one = h.multinomial(100, p5, 1);
    for (std::size_t j = 0; j < 5; ++j) REQUIRE(rows[i * 5 + j] == one[j]);
  }
  REQUIRE(g.bit_generator().random_raw() == h.bit_generator().random_raw());
}

TEST_CASE("cdf_search and choice_p_one equal searchsorted on cumsum(p) / sum") {
  for (const auto& p : p_vectors()) {
    INFO("n=" << p.size());
    const std::vector<double> cdf = dist::choice_cdf(p.data(), p.size());
    const nprandom::detail::cdf_search search(p.data(), p.size());
    std::vector<double> us = {0.0, 0.5, 0.25, 1.0 - 0x1p-53, 0x1p-53};
    for (double c : cdf) {  // the entries themselves and their neighbours
      us.push_back(c);
      us.push_back(std::nextafter(c, 0.0));
      if (c < 1.0) us.push_back(std::nextafter(c, 1.0));
    }
    for (int k = 0; k <= 4096; ++k) us.push_back(static_cast<double>(k) / 4096.0 * (1.0 - 0x1p-53));
    PCG64 bg(1);
    for (int i = 0; i < 20000; ++i) us.push_back(bg.next_double());
    for (double u : us) {
      if (!(u < 1.0)) continue;
      const std::int64_t want = dist::choice_searchsorted(cdf, u);
      INFO("u=" << u);
      REQUIRE(search(u) == want);
      REQUIRE(nprandom::detail::choice_p_one(p.data(), p.size(), u) == want);
    }
  }
}

TEST_CASE("choice's p checks: the quick accept agrees with NumPy's Kahan checks") {
  const double atol = 1.4901161193847656e-08;
  for (const auto& p : p_vectors()) {
    REQUIRE(nprandom::detail::p_sum_surely_one(p.data(), p.size()));
    REQUIRE(std::abs(nprandom::detail::kahan_sum(p.data(), p.size()) - 1.0) <= atol);
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<std::vector<double>> bad = {{0.5, nan}, {nan, 0.5, 0.5},       {1.5, -0.5},
                                                {0.5, 0.4}, {0.5, 0.5 + 2 * atol}, {inf, 0.0},
                                                {0.0, inf}, {1e308, 1e308},        {}};
  for (const auto& p : bad) {
    REQUIRE_FALSE(nprandom::detail::p_sum_surely_one(p.data(), p.size()));
  }
  // Messages through Generator.choice: NumPy's order (NaN, negative, sum).
  Generator<PCG64> g(PCG64(1));
  CHECK(message_of([&] {
          (void)g.choice(2, std::vector<double>{0.5, nan});
        }) == "invalid_argument: Probabilities contain NaN");
  CHECK(message_of([&] {
          (void)g.choice(2, std::vector<double>{1.5, -0.5});
        }) == "invalid_argument: Probabilities are not non-negative");
  CHECK(message_of([&] {
          (void)g.choice(2, std::vector<double>{0.5, 0.4});
        }) ==
        "invalid_argument: Probabilities do not sum to 1. See Notes section of docstring for "
        "more information.");
  CHECK(message_of([&] { (void)g.choice(2, std::vector<double>{0.5, 0.5 + 1e-9}); }) == "no error");
  RandomState r(1);
  CHECK(message_of([&] {
          (void)r.choice(2, true, std::vector<double>{0.5, nan});
        }) == "invalid_argument: probabilities contain NaN");
  CHECK(message_of([&] {
          (void)r.choice(2, true, std::vector<double>{0.5, 0.4});
        }) == "invalid_argument: probabilities do not sum to 1");
}

TEST_CASE("Generator.choice one value and sized with p equal the searchsorted draws") {
  for (const auto& p : p_vectors()) {
    const auto pop = static_cast<std::int64_t>(p.size());
    Generator<PCG64> g(PCG64(9));
    PCG64 ref(9);
    const std::vector<double> cdf = dist::choice_cdf(p.data(), p.size());
    for (int i = 0; i < 200; ++i)
      REQUIRE(g.choice(pop, p) == dist::choice_searchsorted(cdf, ref.next_double()));
    for (std::size_t n : {0u, 1u, 2u, 1000u}) {
      const std::vector<std::int64_t> v = g.choice(pop, n, true, p);
      for (std::size_t i = 0; i < n; ++i) {
        REQUIRE(v[i] == dist::choice_searchsorted(cdf, ref.next_double()));
      }
    }
    REQUIRE(g.bit_generator().random_raw() == ref.random_raw());
  }
  // Without p: the one-value Lemire draw is the n == 1 fill's.
  for (std::int64_t pop :
       {std::int64_t{1}, std::int64_t{2}, std::int64_t{1000}, std::int64_t{1} << 40}) {
    Generator<PCG64> g(PCG64(4));
    PCG64 ref(4);
    for (int i = 0; i < 300; ++i) {
      std::uint64_t want = 0;
      dist::bounded_uint64_fill(ref, 0, static_cast<std::uint64_t>(pop - 1), 1, false, &want);
      REQUIRE(g.choice(pop) == static_cast<std::int64_t>(want));
    }
    REQUIRE(g.bit_generator().random_raw() == ref.random_raw());
  }
}

TEST_CASE("Generator.choice's remembered p gives the same values, checks and state") {
  const auto ps = p_vectors();
  Generator<PCG64> g(PCG64(31));
  PCG64 ref(31);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Calls in an order that hits, misses, changes one entry, rejects a p, changes the size.
  const std::size_t order[] = {1, 1, 1, 2, 1, 6, 6, 6, 1, 9, 9, 0, 0, 1};
  int step = 0;
  for (std::size_t k : order) {
    std::vector<double> p = ps[k];                    // a fresh vector with the same bits
    if (step == 4) p[0] = std::nextafter(p[0], 1.0);  // one bit off: a different p
    const auto pop = static_cast<std::int64_t>(p.size());
    const std::vector<double> cdf = dist::choice_cdf(p.data(), p.size());
    INFO("step=" << step << " k=" << k);
    REQUIRE(g.choice(pop, p) == dist::choice_searchsorted(cdf, ref.next_double()));
    const std::size_t n = step % 3 == 0 ? 0u : (step % 3 == 1 ? 1u : 50u);
    const std::vector<std::int64_t> v = g.choice(pop, n, true, p);
    for (std::size_t i = 0; i < n; ++i) {
      REQUIRE(v[i] == dist::choice_searchsorted(cdf, ref.next_double()));
    }
    // A rejected p in between: NumPy's message, nothing drawn, the remembered p unchanged.
    std::vector<double> bad = p;
    bad.back() = nan;
    CHECK(message_of([&] { (void)g.choice(pop, bad); }) ==
          "invalid_argument: Probabilities contain NaN");
    if (pop > 1) {
      CHECK(message_of([&] { (void)g.choice(pop - 1, p); }) ==
            "invalid_argument: a and p must have same size");
    }
    ++step;
  }
  REQUIRE(g.bit_generator().random_raw() == ref.random_raw());
}

TEST_CASE(
    "RandomState randint<bool> sized, bytes and one-value choice equal the word-level draws") {
  for (std::size_t n : {0u, 1u, 31u, 32u, 33u, 63u, 64u, 65u, 2047u, 2048u, 2049u, 100001u}) {
    for (unsigned skip : {0u, 1u, 623u}) {
      INFO("n=" << n << " skip=" << skip);
      RandomState a(77), b(77);
      for (unsigned i = 0; i < skip; ++i) {
        (void)a.bit_generator().next_uint32();
        (void)b.bit_generator().next_uint32();
      }
      const std::vector<bool> v = a.randint<bool>(0, 2, n);
      REQUIRE(v.size() == n);
      std::uint32_t word = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (i % 32 == 0) word = b.bit_generator().next_uint32();
        REQUIRE(v[i] == (((word >> (i % 32)) & 1u) != 0));
      }
      REQUIRE(a.get_state().pos == b.get_state().pos);
      REQUIRE(a.bit_generator().random_raw() == b.bit_generator().random_raw());
      // bytes(n): ceil(n / 4) words, little-endian, cut to n.
      const std::string s = a.bytes(n);
      REQUIRE(s.size() == n);
      for (std::size_t i = 0; i < n; ++i) {
        if (i % 4 == 0) word = b.bit_generator().next_uint32();
        REQUIRE(static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])) ==
                ((word >> (8 * (i % 4))) & 0xffu));
      }
      REQUIRE(a.bit_generator().random_raw() == b.bit_generator().random_raw());
    }
  }
  // randint<bool> with an empty range and its errors.
  RandomState c(1);
  CHECK(c.randint<bool>(0, 1, 5) == std::vector<bool>(5, false));
  CHECK(message_of([&] { (void)c.randint<bool>(0, 3, 5); }) ==
        "invalid_argument: high is out of bounds for bool");
  CHECK(message_of([&] { (void)c.randint<bool>(1, 1, 5); }) == "invalid_argument: low >= high");
  // One-value choice (with and without p) against the index-vector path.
  for (const auto& p : p_vectors()) {
    RandomState x(21), y(21);
    const auto pop = static_cast<std::int64_t>(p.size());
    for (int i = 0; i < 100; ++i) {
      REQUIRE(x.choice(pop, true, p) ==
              nprandom::detail::legacy_choice_indices(y, pop, true, 1, true, true, &p)[0]);
      REQUIRE(x.choice(pop) ==
              nprandom::detail::legacy_choice_indices(y, pop, true, 1, true, true, nullptr)[0]);
    }
    REQUIRE(x.bit_generator().random_raw() == y.bit_generator().random_raw());
  }
}

TEST_CASE("RandomState shuffle / permutation equal the one-swap-at-a-time legacy loop") {
  for (std::size_t n : {0u, 1u, 2u, 3u, 65u, 2047u, 2048u, 2049u, 10007u}) {
    for (unsigned skip : {0u, 1u, 623u}) {
      INFO("n=" << n << " skip=" << skip);
      RandomState a(99);
      nprandom::MT19937 b(99);
      b.set_state(a.bit_generator().state());
      for (unsigned i = 0; i < skip; ++i) {
        (void)a.bit_generator().next_uint32();
        (void)b.next_uint32();
      }
      const std::vector<std::int64_t> got = a.permutation(static_cast<std::int64_t>(n));
      std::vector<std::int64_t> want(n);
      for (std::size_t i = 0; i < n; ++i) want[i] = static_cast<std::int64_t>(i);
      for (std::size_t i = n; i-- > 1;) {
        const auto j = static_cast<std::size_t>(dist::random_interval(b, i));
        std::swap(want[i], want[j]);
      }
      REQUIRE(got == want);
      REQUIRE(a.bit_generator().random_raw() == b.random_raw());
    }
  }
}

TEST_CASE("Scalar cross-parameter checks give the array form's messages") {
  Generator<PCG64> g(PCG64(1));
  RandomState r(1);
  using nprandom::array_arg;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double tri[][3] = {{1, 0, 2}, {0, 2, 1}, {1, 1, 1}, {0, 0.5, 1}, {nan, 0.5, 1}};
  for (const auto& t : tri) {
    const std::string one = message_of([&] { (void)g.triangular(t[0], t[1], t[2]); });
    const std::string arr = message_of([&] {
      (void)g.triangular(array_arg<double>(t[0]), array_arg<double>(t[1]), array_arg<double>(t[2]));
    });
    CHECK(one == arr);
    CHECK(message_of([&] { (void)r.triangular(t[0], t[1], t[2]); }) == arr);
  }
  const std::int64_t hyp[][3] = {{5, 5, 11},
                                 {std::int64_t{1} << 40, 1, 5},
                                 {1000000000, 1, 5},
                                 {std::int64_t{1} << 62, (std::int64_t{1} << 62) - 1, 11},
                                 {10, 20, 5}};
  for (const auto& h : hyp) {
    const std::string arr = message_of([&] {
      (void)g.hypergeometric(array_arg<std::int64_t>(h[0]), array_arg<std::int64_t>(h[1]),
                             array_arg<std::int64_t>(h[2]));
    });
    CHECK(message_of([&] { (void)g.hypergeometric(h[0], h[1], h[2]); }) == arr);
    const std::string legacy_arr = message_of([&] {
      (void)r.hypergeometric(array_arg<std::int64_t>(h[0]), array_arg<std::int64_t>(h[1]),
                             array_arg<std::int64_t>(h[2]));
    });
    CHECK(message_of([&] { (void)r.hypergeometric(h[0], h[1], h[2]); }) == legacy_arr);
  }
  CHECK(message_of([&] {
          (void)r.hypergeometric(std::int64_t{1} << 62, (std::int64_t{1} << 62) - 1, 11);
        }).find("legacy hypergeometric algorithm overflows") != std::string::npos);
  const double nb[][2] = {{5, 0.3}, {1e18, 1e-10}, {10, 1e-18}};
  for (const auto& v : nb) {
    CHECK(message_of([&] { (void)g.negative_binomial(v[0], v[1]); }) == message_of([&] {
            (void)g.negative_binomial(array_arg<double>(v[0]), array_arg<double>(v[1]));
          }));
  }
  CHECK(message_of([&] { (void)g.negative_binomial(10, 1e-18); }) ==
        "invalid_argument: n too large or p too small, see Generator.negative_binomial Notes");
}

namespace {
// A bit generator that returns the given doubles, in order (for crafted U's).
struct double_feed {
  const double* u;
  double next_double() noexcept { return *u++; }
};
}  // namespace

TEST_CASE("geometric_search_table (branch-free search of the partial sums) equals the loop") {
  // p from the threshold 1/3 up to 1; U at, just below and just above every tabulated sum, past
  // the table's end (the loop resumed) and at the largest double below 1.
  for (double p : {0.333333333333333333333333, 0.34, 0.4, 0.5, 0.61803, 0.75, 0.9, 0.999, 1.0}) {
    const dist::geometric_search_table t(p);
    // the loop's sums stop growing at `limit` (a U above it would loop forever, in NumPy too)
    double limit = p, prod = p;
    for (int k = 0; k < 4000; ++k) {
      prod = nprandom::detail::mul(prod, 1.0 - p);
      limit += prod;
    }
    std::vector<double> us = {0.0, 1e-300, 0.5, limit, std::nextafter(limit, 0.0)};
    for (double s : t.sum) {
      us.push_back(s);
      us.push_back(std::nextafter(s, 0.0));
      if (s < limit) us.push_back(std::nextafter(s, 1.0));
    }
    for (double u : us) {
      CAPTURE(p, u);
      double_feed a{&u}, b{&u};
      CHECK(t.draw(a) == dist::geometric_search(b, p));
    }
  }
}

TEST_CASE("multivariate_hypergeometric marginals: the HRUA setup cache equals one-row calls") {
  struct C {
    std::vector<std::int64_t> colors;
    std::int64_t nsample;
  };
  for (const C& c : {C{{10, 20, 30, 40}, 50}, C{{50, 30, 20, 5}, 40}, C{{1000, 2000, 3000}, 2500},
                     C{{1000, 2000, 3000}, 4000}, C{{7, 400, 9, 300, 11}, 300}}) {
    CAPTURE(c.nsample);
    Generator<PCG64> a{PCG64(99)}, b{PCG64(99)};
    const std::size_t rows = 3000;
    const std::vector<std::int64_t> v = a.multivariate_hypergeometric(c.colors, c.nsample, rows);
    std::vector<std::int64_t> w;
    for (std::size_t r = 0; r < rows; ++r) {
      const std::vector<std::int64_t> row = b.multivariate_hypergeometric(c.colors, c.nsample);
      w.insert(w.end(), row.begin(), row.end());
    }
    CHECK(v == w);
    CHECK(a.bit_generator() == b.bit_generator());
  }
}

// Generator.multivariate_normal remembers its last decomposition (distributions::mvn_factor_cache):
// one-row calls equal the rows of one sized call bit for bit, whatever the method, with other
// covs, methods and tols in between; check_valid is still parsed and reported on every call.
namespace {
int mvn_warnings = 0;
void count_mvn_warning(const char*) { ++mvn_warnings; }
}  // namespace

TEST_CASE("multivariate_normal one row at a time == the sized rows (remembered decomposition)") {
  const std::vector<double> mean{0.5, -1.0, 2.0};
  const std::vector<double> cov{2.0, 0.5, 0.1, 0.5, 1.0, 0.2, 0.1, 0.2, 1.5};
  const std::vector<double> cov2{1.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 3.0};
  for (const char* method : {"svd", "eigh", "cholesky"}) {
    INFO(method);
    Generator<PCG64> one(PCG64(5)), sized(PCG64(5));
    const std::vector<double> want = sized.multivariate_normal(mean, cov, 3, "warn", 1e-8, method);
    for (std::size_t r = 0; r < 40; ++r) {
      if (r % 7 == 3) {  // misses in between: another cov, another tol
        (void)one.multivariate_normal(mean, cov2, "warn", 1e-8, method);
        (void)one.multivariate_normal(mean, cov, "warn", 1e-7, method);
      }
      // a fresh Generator (nothing remembered) at the same state
      Generator<PCG64> ref(PCG64(1));
      ref.bit_generator() = one.bit_generator();
      const std::vector<double> w = ref.multivariate_normal(mean, cov, 1, "warn", 1e-8, method);
      const std::vector<double> row = one.multivariate_normal(mean, cov, "warn", 1e-8, method);
      for (std::size_t k = 0; k < 3; ++k) REQUIRE(row[k] == w[k]);
      if (r < 3) {
        for (std::size_t k = 0; k < 3; ++k) REQUIRE(row[k] == want[r * 3 + k]);
      }
    }
  }
  // cov as rows (the remembered flat copy stands in for the rows when they match it)
  const std::vector<std::vector<double>> rows{{2.0, 0.5, 0.1}, {0.5, 1.0, 0.2}, {0.1, 0.2, 1.5}};
  const std::vector<std::vector<double>> rows2{{2.0, 0.5, 0.1}, {0.5, 1.0, 0.2}, {0.1, 0.2, 1.25}};
  for (const char* method : {"svd", "eigh", "cholesky"}) {
    INFO(method);
    Generator<PCG64> one(PCG64(6));
    for (std::size_t r = 0; r < 30; ++r) {
      const auto& c = r % 5 == 2 ? rows2 : rows;
      const double tol = r % 7 == 4 ? 1e-7 : 1e-8;
      Generator<PCG64> ref(PCG64(1));
      ref.bit_generator() = one.bit_generator();
      const std::vector<double> w = ref.multivariate_normal(mean, c, 1, "warn", tol, method);
      REQUIRE(one.multivariate_normal(mean, c, "warn", tol, method) == w);
    }
    REQUIRE_THROWS_WITH(one.multivariate_normal({0.0, 1.0}, rows, "warn", 1e-8, method),
                        "mean and cov must have same length");
  }
  // Not PSD: "warn" warns on every call, "raise" throws on every call, a bad check_valid throws
  // (svd, eigh) after the decomposition, remembered or not.
  const std::vector<double> bad{1.0, 2.0, 0.0, 2.0, 1.0, 0.0, 0.0, 0.0, 1.0};
  for (const char* method : {"svd", "eigh"}) {
    INFO(method);
    Generator<PCG64> g(PCG64(7));
    const auto prev = nprandom::set_warning_handler(count_mvn_warning);
    mvn_warnings = 0;
    for (int i = 0; i < 3; ++i) (void)g.multivariate_normal(mean, bad, "warn", 1e-8, method);
    nprandom::set_warning_handler(prev);
    REQUIRE(mvn_warnings == 3);
    for (int i = 0; i < 2; ++i) {
      REQUIRE_THROWS_WITH(g.multivariate_normal(mean, bad, "raise", 1e-8, method),
                          "covariance is not symmetric positive-semidefinite.");
      REQUIRE_THROWS_WITH(g.multivariate_normal(mean, bad, "nope", 1e-8, method),
                          "check_valid must equal 'warn', 'raise', or 'ignore'");
    }
    (void)g.multivariate_normal(mean, bad, "ignore", 1e-8, method);
  }
}

// NumPy's legacy_random_binomial_inversion as written (px recomputed at every step), for p <= 0.5.
std::int64_t plain_binv(nprandom::MT19937& bg, std::int64_t n, double p) {
  const double q = 1.0 - p;
  namespace d = nprandom::detail;
  const double qn = d::exp(static_cast<double>(n) * d::log(q));
  const double np = d::mul(static_cast<double>(n), p);
  const double lim = np + d::mul(10.0, d::sqrt(d::mul(np, q) + 1));
  const double dn = static_cast<double>(n);
  const auto bound = static_cast<std::int64_t>(dn < lim ? dn : lim);
  std::int64_t X = 0;
  double px = qn;
  double U = bg.next_double();
  while (U > px) {
    X++;
    if (X > bound) {
      X = 0;
      px = qn;
      U = bg.next_double();
    } else {
      U -= px;
      px = (static_cast<double>(n - X + 1) * p * px) / (static_cast<double>(X) * q);
    }
  }
  return X;
}

TEST_CASE("RandomState.binomial one value: the remembered BINV table equals the plain loop") {
  // (n, p) pairs on the inversion path (min(p, 1-p) n <= 30), changed between runs of calls,
  // with sized calls and BTPE calls (same cache) in between.
  const std::int64_t ns[] = {0, 1, 2, 5, 20, 60, 85, 100, 1000, 1000000000};
  const double ps[] = {0.0, -0.0, 1e-9, 0.01, 0.1, 0.3, 0.5, 0.7, 0.99, 1.0};
  RandomState rs(1234);
  RandomState ref(1234);
  for (int rep = 0; rep < 2; ++rep) {
    for (std::int64_t n : ns) {
      for (double p : ps) {
        INFO(n << " " << p);
        const double pp = p <= 0.5 ? p : 1.0 - p;
        if (!(pp * static_cast<double>(n) <= 30.0)) continue;
        for (int i = 0; i < 200; ++i) {
          const std::int64_t y = plain_binv(ref.bit_generator(), n, pp);
          REQUIRE(rs.binomial(n, p) == (p <= 0.5 ? y : n - y));
        }
        // a sized call, then a BTPE call on the same cache, then one value again
        const std::vector<std::int64_t> s = rs.binomial(n, p, 5);
        for (std::int64_t v : s) {
          const std::int64_t y = plain_binv(ref.bit_generator(), n, pp);
          REQUIRE(v == (p <= 0.5 ? y : n - y));
        }
        (void)ref.binomial(1000, 0.4);
        (void)rs.binomial(1000, 0.4);
        const std::int64_t y = plain_binv(ref.bit_generator(), n, pp);
        REQUIRE(rs.binomial(n, p) == (p <= 0.5 ? y : n - y));
        REQUIRE(rs.get_state() == ref.get_state());
      }
    }
  }
  // a copy carries the table: it continues with the same values
  (void)rs.binomial(40, 0.25);
  RandomState copy(rs);
  for (int i = 0; i < 100; ++i) REQUIRE(copy.binomial(40, 0.25) == rs.binomial(40, 0.25));
}

TEST_CASE("RandomState gaussians one value at a time, interleaved with sized calls") {
  RandomState one(99), sized(99);
  for (std::size_t k : {1u, 2u, 3u, 7u, 8u}) {
    const std::vector<double> want = sized.standard_normal(k);
    for (std::size_t i = 0; i < k; ++i) {
      REQUIRE(one.standard_normal() == want[i]);
    }
    REQUIRE(one.get_state() == sized.get_state());
    // normal / lognormal share the cache
    const std::vector<double> wn = sized.normal(1.5, 2.0, 3);
    for (std::size_t i = 0; i < 3; ++i) REQUIRE(one.normal(1.5, 2.0) == wn[i]);
    const std::vector<double> wl = sized.lognormal(0.5, 0.25, 3);
    for (std::size_t i = 0; i < 3; ++i) REQUIRE(one.lognormal(0.5, 0.25) == wl[i]);
    REQUIRE(one.get_state() == sized.get_state());
  }
}

TEST_CASE("RandomState.multivariate_normal one row: the remembered SVD equals a fresh one") {
  const std::vector<double> mean{0.5, -1.0, 2.0};
  const std::vector<std::vector<double>> cov{{2.0, 0.5, 0.1}, {0.5, 1.0, 0.2}, {0.1, 0.2, 1.5}};
  const std::vector<std::vector<double>> cov2{{1.0, 0.0, 0.0}, {0.0, 2.0, 0.0}, {0.0, 0.0, 3.0}};
  RandomState one(5), sized(5);
  const std::vector<double> want = sized.multivariate_normal(mean, cov, 3);
  for (std::size_t r = 0; r < 40; ++r) {
    if (r % 7 == 3) {  // misses in between: another cov, another tol
      (void)one.multivariate_normal(mean, cov2);
      (void)one.multivariate_normal(mean, cov, 1, "warn", 1e-7);
    }
    RandomState ref(1);  // nothing remembered, same state
    ref.set_state(one.get_state());
    const std::vector<double> w = ref.multivariate_normal(mean, cov, 1);
    const std::vector<double> row = one.multivariate_normal(mean, cov);
    for (std::size_t k = 0; k < 3; ++k) REQUIRE(row[k] == w[k]);
    if (r < 3) {
      for (std::size_t k = 0; k < 3; ++k) REQUIRE(row[k] == want[r * 3 + k]);
    }
  }
  (void)one.multivariate_normal(mean, cov);
  REQUIRE_THROWS_WITH(one.multivariate_normal({0.0, 1.0}, cov),
                      "mean and cov must have same length");
  // not PSD: "raise" throws on every call, a bad check_valid throws, remembered or not
  const std::vector<std::vector<double>> bad{{1.0, 2.0, 0.0}, {2.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
  (void)one.multivariate_normal(mean, bad, 1, "ignore");
  for (int i = 0; i < 2; ++i) {
    REQUIRE_THROWS_WITH(one.multivariate_normal(mean, bad, 1, "raise"),
                        "covariance is not symmetric positive-semidefinite.");
    REQUIRE_THROWS_WITH(one.multivariate_normal(mean, bad, 1, "nope"),
                        "check_valid must equal 'warn', 'raise', or 'ignore'");
  }
}

TEST_CASE(
    "Kept one-value setups (geometric, logseries, hypergeometric, RandomState poisson / "
    "zipf / choice) equal the plain kernels") {
  // Parameters repeat and change between calls (a setup is kept, replaced, made again); the
  // geometric search's table is built on the second call with the same p. -0.0 / 0.0 and
  // neighbouring doubles must not share a setup.
  const double gp[] = {0.5,
                       0.5,
                       0.5,
                       0.4,
                       0.5,
                       0.4,
                       0.4,
                       0.4,
                       1.0,
                       1.0,
                       0.2,
                       0.2,
                       1e-300,
                       1e-300,
                       0.3333333333333333,
                       0.33333333333333337,
                       0.33333333333333337,
                       0.9,
                       0.2};
  const double lp[] = {0.9, 0.9, 0.5, 0.0, 0.0, 0.9, 1e-10, 1e-10, 0.999999, 0.5, 0.5};
  const double lam[] = {3.0, 3.0, 50.0, 50.0, 0.0, 3.0, 9.999999999999998, 10.0, 10.0, 1e6, 3.0};
  const double za[] = {2.0, 2.0, 1.5, 2.0, 3.5, 3.5, 1.001, 2.0};
  const std::int64_t hg[][3] = {{100, 200, 50}, {100, 200, 50}, {100, 200, 5},  {100, 200, 50},
                                {100, 200, 11}, {100, 200, 10}, {1000, 5, 500}, {5, 1000, 990},
                                {101, 200, 50}, {100, 201, 50}, {100, 200, 51}, {100, 200, 50}};
  Generator<PCG64> g(PCG64(21));
  PCG64 gref(21);
  RandomState rs(22), ref(22);
  auto& mt = ref.bit_generator();
  for (int round = 0; round < 40; ++round) {
    for (double p : gp) {
      INFO("geometric p=" << p);
      REQUIRE(g.geometric(p) == dist::geometric(gref, p));
      REQUIRE(rs.geometric(p) == nprandom::legacy::geometric(mt, p));
    }
    for (double p : lp) {
      INFO("logseries p=" << p);
      REQUIRE(g.logseries(p) == dist::logseries(gref, p));
      REQUIRE(rs.logseries(p) == nprandom::legacy::logseries(mt, p));
    }
    for (double l : lam) {
      INFO("poisson lam=" << l);
      REQUIRE(rs.poisson(l) == nprandom::legacy::poisson(mt, l));
    }
    for (double a : za) {
      INFO("zipf a=" << a);
      REQUIRE(rs.zipf(a) == nprandom::legacy::zipf(mt, a));
    }
    for (const auto& h : hg) {
      INFO("hypergeometric " << h[0] << " " << h[1] << " " << h[2]);
      REQUIRE(rs.hypergeometric(h[0], h[1], h[2]) ==
              nprandom::legacy::hypergeometric(mt, h[0], h[1], h[2]));
    }
    REQUIRE(g.bit_generator().random_raw() == gref.random_raw());
    REQUIRE(rs.get_state() == ref.get_state());
  }
  // Long runs of one setup (HRUA's memoised sums from the second call on; the memo's edge for a
  // wide population), for Generator and RandomState.
  const std::int64_t runs[][3] = {{100, 200, 50}, {1000000, 1000000, 100000}, {30, 40, 20}};
  for (const auto& h : runs) {
    INFO("hypergeometric run " << h[0] << " " << h[1] << " " << h[2]);
    for (int i = 0; i < 3000; ++i) {
      REQUIRE(g.hypergeometric(h[0], h[1], h[2]) == dist::hypergeometric(gref, h[0], h[1], h[2]));
      REQUIRE(rs.hypergeometric(h[0], h[1], h[2]) ==
              nprandom::legacy::hypergeometric(mt, h[0], h[1], h[2]));
    }
  }
  REQUIRE(g.bit_generator().random_raw() == gref.random_raw());
  REQUIRE(rs.get_state() == ref.get_state());
  // choice with p: the sized form (size 1) checks and builds its cdf afresh on every call
  const std::vector<std::vector<double>> ps = {{0.1, 0.2, 0.3, 0.2, 0.2}, {0.1, 0.2, 0.3, 0.2, 0.2},
                                               {0.1, 0.2, 0.3, 0.2, 0.2}, {0.2, 0.2, 0.3, 0.2, 0.1},
                                               {0.1, 0.2, 0.3, 0.2, 0.2}, {0.0, 0.0, 1.0, 0.0, 0.0},
                                               {0.25, 0.25, 0.25, 0.25},  {0.25, 0.25, 0.25, 0.25}};
  for (int round = 0; round < 50; ++round) {
    for (const auto& p : ps) {
      const auto n = static_cast<std::int64_t>(p.size());
      REQUIRE(rs.choice(n, true, p) == ref.choice(n, std::size_t{1}, true, p)[0]);
    }
  }
  REQUIRE(rs.get_state() == ref.get_state());
  // a p that fails the checks after a valid one is still rejected with NumPy's message
  (void)rs.choice(5, true, ps[0]);
  REQUIRE(message_of([&] {
            (void)rs.choice(5, true, {0.1, 0.2, 0.3, 0.2, 0.3});
          }) == "invalid_argument: probabilities do not sum to 1");
}

TEST_CASE("One-row multinomial calls (kept pvals and row setups) equal the plain row loop") {
  // (n, pvals) repeat and change between calls: the first call checks and remembers, the second
  // builds the kept setups, a change starts over. Compared with one fresh binomial setup per row.
  const std::vector<std::vector<double>> pvs = {{0.2, 0.2, 0.2, 0.2, 0.2},
                                                {0.2, 0.2, 0.2, 0.2, 0.2},
                                                {0.2, 0.2, 0.2, 0.2, 0.2},
                                                {0.2, 0.2, 0.2, 0.2, 0.3},
                                                {0.5, 0.5},
                                                {0.0, 0.3, 0.7},
                                                {0.9, 0.05, 0.05},
                                                {0.9, 0.05, 0.05},
                                                {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}};
  Generator<PCG64> g(PCG64(8));
  PCG64 gref(8);
  RandomState rs(9), ref(9);
  for (int round = 0; round < 30; ++round) {
    for (const auto& pv : pvs) {
      for (std::int64_t n : {100, 100, 100, 0, 1000, 100000, 100000, 7}) {
        INFO("d=" << pv.size() << " n=" << n << " round=" << round);
        const std::size_t d = pv.size();
        std::vector<std::int64_t> want(d, -1), lwant(d, 0);
        dist::binomial_cache cache;
        dist::multinomial(gref, n, pv.data(), d, want.data(), cache);
        REQUIRE(g.multinomial(n, pv) == want);
        nprandom::legacy::BinomialCache lcache;
        nprandom::legacy::multinomial(ref.bit_generator(), n, lwant.data(), pv.data(), d, lcache);
        REQUIRE(rs.multinomial(n, pv) == lwant);
      }
    }
    REQUIRE(g.bit_generator().random_raw() == gref.random_raw());
    REQUIRE(rs.get_state() == ref.get_state());
  }
  // bad input after a kept (n, pvals) still raises NumPy's errors
  (void)g.multinomial(100, pvs[0]);
  (void)g.multinomial(100, pvs[0]);
  REQUIRE_THROWS_AS(g.multinomial(-1, pvs[0]), std::invalid_argument);
  REQUIRE_THROWS_AS(g.multinomial(100, {0.2, 0.2, 0.2, 0.9, 0.2}), std::invalid_argument);
  (void)rs.multinomial(100, pvs[0]);
  (void)rs.multinomial(100, pvs[0]);
  REQUIRE_THROWS_AS(rs.multinomial(-1, pvs[0]), std::invalid_argument);
  REQUIRE_THROWS_AS(rs.multinomial(100, {0.2, 0.2, 0.2, 0.9, 0.2}), std::invalid_argument);
}

TEST_CASE("RandomState.random_integers one value equals the sized form, also up to INT64_MAX") {
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  const std::int64_t pairs[][2] = {{1, 1000},   {-5, 5},        {0, big},
                                   {-big, big}, {big - 3, big}, {7, 7}};
  RandomState one(17), sized(17);
  for (int round = 0; round < 200; ++round) {
    for (const auto& lh : pairs) {
      INFO(lh[0] << " " << lh[1]);
      REQUIRE(one.random_integers(lh[0], lh[1]) == sized.random_integers(lh[0], lh[1], 1)[0]);
    }
  }
  REQUIRE(one.get_state() == sized.get_state());
}
