// Tests of Generator's multivariate distributions (dirichlet, multinomial,
// multivariate_hypergeometric, multivariate_normal) and of the RandomState multivariate_normal
// transform helper, against NumPy (golden data), plus a statistical second net (means and
// covariances) for each. Golden data: tests/data/multivariate.tsv (tools/golden/multivariate.py)
// and the 2.5.2 reference records (family "reference").
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>
#include <nprandom/detail/linalg.hpp>
#include <nprandom/generator.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Gen = nprandom::Generator<nprandom::PCG64>;
using I64 = std::vector<std::int64_t>;
using F64 = std::vector<double>;

const golden::Record& mv(const std::string& id) { return golden::get("multivariate", id); }
const golden::Record& reference(const std::string& id) { return golden::get("reference", id); }

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

std::vector<std::uint64_t> raw2(Gen& g) { return g.bit_generator().random_raw(2); }

// One golden case: `sized(g, n)` is NumPy's size=n call, `one(g)` its size=None call.
template <class T>
struct Case {
  std::string id;  // "<method>(<args>)" exactly as in tools/golden/multivariate.py
  std::function<std::vector<T>(Gen&, std::size_t)> sized;
  std::function<std::vector<T>(Gen&)> one;
};

const std::vector<std::uint64_t> kSeeds = {42u, 12345u};
constexpr std::size_t kN = 6;

// Checks <case>/<seed>, <case>/<seed>/raw, <case>/scalar and <case>/scalar/raw.
template <class T>
void check_case(const Case<T>& c) {
  INFO(c.id);
  for (auto seed : kSeeds) {
    const std::string sid = c.id + "/" + std::to_string(seed);
    INFO(sid);
    auto g = nprandom::default_rng(seed);
    golden::check(mv(sid), c.sized(g, kN));
    golden::check(mv(sid + "/raw"), raw2(g));
  }
  auto g = nprandom::default_rng(1);
  std::vector<T> all;
  for (int i = 0; i < 4; ++i) append(all, c.one(g));
  golden::check(mv(c.id + "/scalar"), all);
  golden::check(mv(c.id + "/scalar/raw"), raw2(g));
}

Case<double> dirichlet_case(const std::string& args, F64 alpha) {
  return {"dirichlet(" + args + ")",
          [alpha](Gen& g, std::size_t n) { return g.dirichlet(alpha, n); },
          [alpha](Gen& g) { return g.dirichlet(alpha); }};
}

Case<std::int64_t> multinomial_case(const std::string& args, std::int64_t n, F64 p) {
  return {"multinomial(" + args + ")",
          [n, p](Gen& g, std::size_t size) { return g.multinomial(n, p, size); },
          [n, p](Gen& g) { return g.multinomial(n, p); }};
}

Case<std::int64_t> mvhg_case(const std::string& args, I64 colors, std::int64_t nsample,
                             std::string method = "") {
  const std::string full = method.empty() ? args : args + ", method='" + method + "'";
  const std::string m = method.empty() ? "marginals" : method;
  return {
      "multivariate_hypergeometric(" + full + ")",
      [=](Gen& g, std::size_t n) { return g.multivariate_hypergeometric(colors, nsample, n, m); },
      [=](Gen& g) { return g.multivariate_hypergeometric(colors, nsample, m); }};
}

// |a - b| <= rtol * |b| elementwise (plus a tiny absolute floor for values near 0).
void check_close(const std::vector<double>& got, const std::vector<double>& want, double rtol) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("index " << i << ": got " << got[i] << ", want " << want[i]);
    CHECK(std::fabs(got[i] - want[i]) <= rtol * std::fabs(want[i]) + 1e-300);
  }
}

const F64 kMean3 = {0.0, 1.0, 2.0};
const F64 kCov3 = {1.0, 0.5, 0.1, 0.5, 2.0, 0.3, 0.1, 0.3, 1.5};

}  // namespace

TEST_CASE("dirichlet matches NumPy (gamma and stick-breaking paths)", "[multivariate][dirichlet]") {
  const std::vector<Case<double>> cases = {
      dirichlet_case("[1.0, 2.0, 3.0]", {1.0, 2.0, 3.0}),
      dirichlet_case("[0.5, 0.5]", {0.5, 0.5}),
      dirichlet_case("[0.2, 0.09, 4.0, 1.0]", {0.2, 0.09, 4.0, 1.0}),
      dirichlet_case("[0.1, 0.05]", {0.1, 0.05}),  // max == 0.1: gamma path
      dirichlet_case("[0.05, 0.08, 0.09]", {0.05, 0.08, 0.09}),
      dirichlet_case("[0.09, 0.07]", {0.09, 0.07}),
      dirichlet_case("[0.06]", {0.06}),
      dirichlet_case("[2.5]", {2.5}),
  };
  for (const auto& c : cases) check_case(c);

  SECTION("2.5.2 reference records") {
    auto g = nprandom::default_rng(42);
    golden::check(reference("Generator/42/dirichlet"), g.dirichlet({1.0, 2.0, 3.0}, 3));
    // tiny alphas: betas underflow, handled by NumPy >= 2.1's log path (differs from 1.24.2)
    auto h = nprandom::default_rng(42);
    golden::check(reference("Generator/42/dirichlet-small"), h.dirichlet({0.01, 0.05, 0.02}, 3));
    golden::check_error<std::invalid_argument>(reference("bad/13"), [] {
      nprandom::default_rng(0).dirichlet({1.0, -1.0});
    });
  }
  SECTION("zeros in alpha (NumPy >= 1.25; model25 records rebuilt from NumPy's streams)") {
    const std::vector<std::pair<std::string, F64>> models = {
        {"[1.0, 0.0, 2.0]", {1.0, 0.0, 2.0}},
        {"[0.0, 0.05, 0.02]", {0.0, 0.05, 0.02}},
        {"[0.05, 0.02, 0.0]", {0.05, 0.02, 0.0}},
        {"[0.0, 0.0]", {0.0, 0.0}},
    };
    for (const auto& [args, alpha] : models) {
      const std::string id = "model25/dirichlet(" + args + ")/42";
      INFO(id);
      auto g = nprandom::default_rng(42);
      golden::check(mv(id), g.dirichlet(alpha, 4));
      golden::check(mv(id + "/raw"), raw2(g));
      // the one-draw form draws the same stream
      auto h = nprandom::default_rng(42);
      F64 all;
      for (int i = 0; i < 4; ++i) append(all, h.dirichlet(alpha));
      golden::check(mv(id), all);
    }
  }
  SECTION("size 0, fill form, -0.0 and NaN pass validation") {
    auto g = nprandom::default_rng(42);
    CHECK(g.dirichlet({1.0, 2.0}, 0).empty());
    golden::check(mv("dirichlet([1.0, 2.0])/size0/raw"), raw2(g));
    auto h = nprandom::default_rng(42);
    F64 buf(kN * 3, -7.0);
    h.dirichlet({1.0, 2.0, 3.0}, buf.data(), kN);
    golden::check(mv("dirichlet([1.0, 2.0, 3.0])/42"), buf);
    CHECK_NOTHROW(nprandom::default_rng(0).dirichlet({-0.0, 1.0}));
    CHECK_NOTHROW(nprandom::default_rng(0).dirichlet({std::nan(""), 1.0}));
    CHECK_THROWS_AS(nprandom::default_rng(0).dirichlet({1.0, -1e-300}, 0), std::invalid_argument);
  }
}

// The sized gamma path (batched attempts when every alpha is in (0, 1) or 0, prepared samplers
// otherwise) draws exactly what that many one-row calls draw: values bit for bit, final state.
TEMPLATE_TEST_CASE("sized dirichlet == one-row calls", "[multivariate][dirichlet][bulk]",
                   nprandom::PCG64, nprandom::PCG64DXSM, nprandom::SFC64, nprandom::MT19937,
                   nprandom::Philox) {
  const std::vector<F64> alphas = {
      {0.1, 0.2, 0.3},
      {0.5},
      {0.99, 0.01, 0.5, 0.3, 0.2, 0.7, 0.6, 0.4, 0.8},       // k = 9
      {0.99, 0.01, 0.5, 0.3, 0.2, 0.7, 0.6, 0.4, 0.8, 0.9},  // 9 distinct shapes: samplers
      {0.3, 0.3, 0.6, 0.3},                                  // repeated shapes
      {0.3, 0.0, 0.6},                                       // a zero alpha
      {0.0, 0.5},
      {0.3, 1.0, 2.5},
      {1.0, 2.0, 3.0},
  };
  for (const auto& alpha : alphas) {
    for (std::size_t rows : {0u, 1u, 2u, 5u, 100u, 1001u, 5001u}) {
      for (int offset : {0, 1}) {
        CAPTURE(alpha, rows, offset);
        nprandom::Generator<TestType> a{TestType(20241130)}, b{TestType(20241130)};
        if (offset == 1) {  // a buffered half-word, an odd position
          (void)a.bit_generator().next_uint32();
          (void)b.bit_generator().next_uint32();
          (void)a.bit_generator().next_uint64();
          (void)b.bit_generator().next_uint64();
        }
        const F64 got = a.dirichlet(alpha, rows);
        F64 want;
        for (std::size_t r = 0; r < rows; ++r) append(want, b.dirichlet(alpha));
        REQUIRE(got.size() == want.size());
        if (!got.empty()) {  // memcmp must not see the null data() of an empty vector (UBSan)
          REQUIRE(std::memcmp(got.data(), want.data(), got.size() * sizeof(double)) == 0);
        }
        REQUIRE(a.bit_generator() == b.bit_generator());
      }
    }
  }
}

// The verdict (integer powers bounding pow(x, 1/shape)) never contradicts pow, in both branches:
// the low branch's x = U < 1 against V, the high branch's x = base (below and above 1, up to
// overflowing powers) against V + Y. Random t, and t at or next to pow(x, 1/shape) itself (the
// margin), for shapes with integer and non-integer 1/shape, below 1/64 and near 1.
TEST_CASE("gamma_lt1_verdict agrees with pow in both branches", "[multivariate][dirichlet]") {
  auto g = nprandom::default_rng(7);
  std::size_t undecided_random[2] = {0, 0}, random_cases[2] = {0, 0};
  for (double a : {1e-3, 0.01, 0.015625, 0.0156, 0.1, 0.2, 0.25, 0.3, 1.0 / 3, 0.5, 0.7, 0.9, 0.99,
                   0.999999}) {
    const double inv = 1. / a;
    const auto b = nprandom::detail::gamma_lt1_bounds_setup(inv);
    for (int i = 0; i < 80000; ++i) {
      const bool low = i % 2 == 0;
      double x = 0, t = 0;
      if (low) {
        x = g.random() * (1 - a);
        if (!nprandom::detail::gamma_lt1_low(x, a)) continue;
        t = g.standard_exponential();
      } else {
        const double U = 1 - a + g.random() * a;
        if (nprandom::detail::gamma_lt1_low(U, a)) continue;
        const double Y = -nprandom::detail::log(nprandom::detail::gamma_lt1_log_arg(U, a));
        x = nprandom::detail::gamma_lt1_base(Y, a);
        if (i % 16 == 1 && x > 1) x = 1 + (x - 1) * 1e3;  // bases whose powers overflow
        t = g.standard_exponential() + Y;
      }
      const double X = nprandom::detail::pow(x, inv);
      switch (i / 2 % 4) {
        case 0:
          break;
        case 1:
          t = X * (1 + (g.random() - 0.5) * 1e-8);
          break;
        case 2:
          t = std::nextafter(X, (i & 16) ? 1e300 : 0.0);
          break;
        default:
          t = X;
          break;
      }
      const int verdict = nprandom::detail::gamma_lt1_verdict(x, t, b);
      if (i / 2 % 4 == 0 && inv <= 64) {  // beyond 64 only x^64 bounds: one side for x >= 1
        ++random_cases[low];
        undecided_random[low] += verdict == 0 ? 1u : 0u;
      }
      if (verdict != 0) {
        CAPTURE(a, low, x, t, X);
        REQUIRE((verdict > 0) == (X <= t));
      }
    }
  }
  CAPTURE(undecided_random[0], random_cases[0], undecided_random[1], random_cases[1]);
  CHECK(undecided_random[1] * 20 < random_cases[1]);  // low: mostly decided without pow
  CHECK(undecided_random[0] * 20 < random_cases[0]);  // high
}

TEST_CASE("multinomial matches NumPy", "[multivariate][multinomial]") {
  const std::vector<Case<std::int64_t>> cases = {
      multinomial_case("20, [0.2, 0.3, 0.5]", 20, {0.2, 0.3, 0.5}),
      multinomial_case("10, [0.0, 0.5, 0.5]", 10, {0.0, 0.5, 0.5}),
      multinomial_case("10, [0.2, 0.0, 0.8]", 10, {0.2, 0.0, 0.8}),
      multinomial_case("0, [0.5, 0.5]", 0, {0.5, 0.5}),
      multinomial_case("15, [0.1, 0.1, 0.1]", 15, {0.1, 0.1, 0.1}),
      multinomial_case("12, [0.3, 0.3, 0.9]", 12, {0.3, 0.3, 0.9}),
      multinomial_case("5, [1.0, 0.0, 0.0]", 5, {1.0, 0.0, 0.0}),
      multinomial_case("7, [0.25]", 7, {0.25}),
      multinomial_case("30, [0.5, 0.4, 0.1]", 30, {0.5, 0.4, 0.1}),
  };
  for (const auto& c : cases) check_case(c);

  SECTION("2.5.2 reference records (BTPE after the 2.5.0 Stirling fix)") {
    auto g = nprandom::default_rng(42);
    golden::check(reference("Generator/42/multinomial"),
                  g.multinomial(100, {0.1, 0.2, 0.3, 0.4}, 3));
    auto h = nprandom::default_rng(42);
    golden::check(reference("Generator/42/multinomial-pvals-short"),
                  h.multinomial(50, {0.5, 0.5}, 3));
    auto k = nprandom::default_rng(42);
    const I64 deep = k.multinomial(1000, {0.5, 0.5}, 6000);
    golden::check(reference("v25/multinomial-deep"), I64(deep.end() - 100, deep.end()));
    // sum(pvals[:-1]) = 0.7: valid, pvals[-1] is ignored
    golden::check(reference("bad/18"), nprandom::default_rng(0).multinomial(10, {0.7, 0.7}));
  }
  SECTION("errors, size 0, fill form") {
    const std::vector<std::pair<std::int64_t, F64>> bad = {
        {10, {0.7, 0.7, 0.1}}, {10, {1.5, 0.5}}, {10, {-0.1, 0.5}},    {10, {std::nan(""), 0.5}},
        {-1, {0.5, 0.5}},      {10, {}},         {10, {0.5, 0.6, 0.0}}};
    for (std::size_t i = 0; i < bad.size(); ++i) {
      golden::check_error<std::invalid_argument>(mv("bad/multinomial/" + std::to_string(i)), [&] {
        nprandom::default_rng(0).multinomial(bad[i].first, bad[i].second);
      });
      CHECK_THROWS_AS(nprandom::default_rng(0).multinomial(bad[i].first, bad[i].second, 0),
                      std::invalid_argument);
    }
    auto g = nprandom::default_rng(42);
    CHECK(g.multinomial(5, {0.5, 0.5}, 0).empty());
    golden::check(mv("multinomial(5, [0.5, 0.5])/size0/raw"), raw2(g));
    auto h = nprandom::default_rng(42);
    I64 buf(kN * 3, -7);
    h.multinomial(20, {0.2, 0.3, 0.5}, buf.data(), kN);
    golden::check(mv("multinomial(20, [0.2, 0.3, 0.5])/42"), buf);
  }
}

TEST_CASE("multivariate_hypergeometric matches NumPy (marginals and count)",
          "[multivariate][mvhg]") {
  std::vector<Case<std::int64_t>> cases;
  for (std::string m : {"", "count"}) {
    cases.push_back(mvhg_case("[3, 7, 10], 8", {3, 7, 10}, 8, m));
    cases.push_back(mvhg_case("[3, 7, 10], 15", {3, 7, 10}, 15, m));
    cases.push_back(mvhg_case("[50, 30, 20, 5], 40", {50, 30, 20, 5}, 40, m));
    cases.push_back(mvhg_case("[0, 5, 0, 5], 3", {0, 5, 0, 5}, 3, m));
    cases.push_back(mvhg_case("[4, 6], 0", {4, 6}, 0, m));
    cases.push_back(mvhg_case("[4, 6], 10", {4, 6}, 10, m));
    cases.push_back(mvhg_case("[12], 5", {12}, 5, m));
    cases.push_back(mvhg_case("[2, 3, 1000, 5], 600", {2, 3, 1000, 5}, 600, m));
  }
  for (const auto& c : cases) check_case(c);

  SECTION("2.5.2 reference records") {
    auto g = nprandom::default_rng(42);
    golden::check(reference("Generator/42/mvhg-marginals"),
                  g.multivariate_hypergeometric({3, 7, 10}, 8, 4));
    auto h = nprandom::default_rng(42);
    golden::check(reference("Generator/42/mvhg-count"),
                  h.multivariate_hypergeometric({3, 7, 10}, 8, 4, "count"));
    golden::check_error<std::invalid_argument>(reference("bad/29"), [] {
      nprandom::default_rng(0).multivariate_hypergeometric({3, 7}, 11);
    });
  }
  SECTION("errors, empty colors, size 0, fill form") {
    const std::int64_t big = std::int64_t{1} << 62;
    struct Bad {
      I64 colors;
      std::int64_t nsample;
      std::string method;
    };
    const std::vector<Bad> bad = {{{3, 7}, 11, "marginals"},
                                  {{3, 7}, 11, "count"},
                                  {{3, 7}, 2, "foo"},
                                  {{3, 7}, -1, "marginals"},
                                  {{-1, 7}, 2, "marginals"},
                                  {{1000000000}, 5, "marginals"},
                                  {{999999999}, 5, "marginals"},
                                  {{std::int64_t{1} << 61}, 5, "count"},
                                  {{big, big}, 5, "marginals"},
                                  {{big, big}, 5, "count"}};
    for (std::size_t i = 0; i < bad.size(); ++i) {
      const auto& rec = mv("bad/multivariate_hypergeometric/" + std::to_string(i));
      INFO(rec.id);
      auto call = [&] {
        return nprandom::default_rng(0).multivariate_hypergeometric(bad[i].colors, bad[i].nsample,
                                                                    bad[i].method);
      };
      if (rec.kind == "error") {
        golden::check_error<std::invalid_argument>(rec, call);
      } else {
        golden::check(rec, call());
      }
    }
    auto e = nprandom::default_rng(42);
    golden::check(mv("multivariate_hypergeometric([], 0)/3"),
                  e.multivariate_hypergeometric({}, 0, 3));
    golden::check(mv("raw/42"), raw2(e));
    auto g = nprandom::default_rng(42);
    CHECK(g.multivariate_hypergeometric({3, 4}, 2, 0).empty());
    golden::check(mv("multivariate_hypergeometric([3, 4], 2)/size0/raw"), raw2(g));
    auto h = nprandom::default_rng(42);
    I64 buf(kN * 3, -7);
    h.multivariate_hypergeometric({3, 7, 10}, 8, buf.data(), kN, "count");
    golden::check(mv("multivariate_hypergeometric([3, 7, 10], 8, method='count')/42"), buf);
  }
}

// The count method draws each row's intervals a block at a time (distributions::
// shuffle_draw_block) before its swaps: the same values and final state as the one-interval loop
// of random_mvhg_count.c, written out here, for samples over several blocks, the complement, and
// a start with a buffered half-word.
TEST_CASE("multivariate_hypergeometric count equals the one-interval loop", "[multivariate]") {
  struct C {
    I64 colors;
    std::int64_t nsample;
  };
  for (const C& c :
       {C{{100, 150, 60}, 140}, C{{100, 150, 60}, 250}, C{{3, 7, 10}, 8}, C{{40, 1, 90}, 65}}) {
    for (int offset : {0, 1}) {
      Gen a(nprandom::PCG64(2026)), b(nprandom::PCG64(2026));
      if (offset) {
        (void)a.bit_generator().next_uint32();
        (void)b.bit_generator().next_uint32();
      }
      const std::size_t rows = 37, d = c.colors.size();
      I64 got(rows * d);
      a.multivariate_hypergeometric(c.colors, c.nsample, got.data(), rows, "count");
      std::int64_t total = 0;
      for (std::int64_t x : c.colors) total += x;
      std::vector<std::size_t> urn;
      for (std::size_t i = 0; i < d; ++i)
        for (std::int64_t j = 0; j < c.colors[i]; ++j) urn.push_back(i);
      const bool complement = c.nsample > total / 2;
      const auto m = static_cast<std::size_t>(complement ? total - c.nsample : c.nsample);
      const auto t = static_cast<std::size_t>(total);
      I64 want(rows * d, 0);
      for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t j = 0; j < m; ++j) {
          const auto k = j + static_cast<std::size_t>(nprandom::distributions::random_interval(
                                 b.bit_generator(), t - j - 1));
          std::swap(urn[k], urn[j]);
        }
        for (std::size_t j = 0; j < m; ++j) want[r * d + urn[j]] += 1;
        if (complement)
          for (std::size_t i = 0; i < d; ++i) want[r * d + i] = c.colors[i] - want[r * d + i];
      }
      INFO("nsample " << c.nsample << " offset " << offset);
      CHECK(got == want);
      CHECK(a.bit_generator() == b.bit_generator());
    }
  }
}

// multivariate_normal: NumPy uses LAPACK (dgesdd / dsyevd / dpotrf) and BLAS, which round
// differently from our Jacobi / textbook Cholesky and fix singular-vector signs by their own
// Householder/QR sequence. So the 2.5.2 reference records are compared to 1e-10 relative, not bit
// for bit; the sign convention of detail/linalg.hpp is what makes svd/eigh agree at all. The
// standard normals underneath ARE bit-exact: with cov = I every method's factor is exactly I, and
// the output must equal NumPy's normals bit for bit.
TEST_CASE("multivariate_normal matches NumPy 2.5.2 to 1e-10", "[multivariate][mvn]") {
  for (std::string m : {"svd", "eigh", "cholesky"}) {
    INFO(m);
    auto g = nprandom::default_rng(42);
    const auto rec = reference("Generator/42/multivariate_normal-" + m);
    check_close(g.multivariate_normal(kMean3, kCov3, 3, "warn", 1e-8, m), rec.doubles(), 1e-10);
    // nested-rows cov gives the same
    auto h = nprandom::default_rng(42);
    const std::vector<F64> rows = {{1.0, 0.5, 0.1}, {0.5, 2.0, 0.3}, {0.1, 0.3, 1.5}};
    check_close(h.multivariate_normal(kMean3, rows, 3, "warn", 1e-8, m), rec.doubles(), 1e-10);
    // one-draw form: three calls
    auto k = nprandom::default_rng(42);
    F64 all;
    for (int i = 0; i < 3; ++i) append(all, k.multivariate_normal(kMean3, kCov3, "warn", 1e-8, m));
    check_close(all, rec.doubles(), 1e-10);
  }

  SECTION("cov = I reproduces the normals bit for bit, and the state after them") {
    const F64 eye = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    for (std::uint64_t seed : {42u, 7u}) {
      for (std::string m : {"svd", "eigh", "cholesky"}) {
        INFO(seed << " " << m);
        auto g = nprandom::default_rng(seed);
        golden::check(mv("normals/" + std::to_string(seed) + "/12"),
                      g.multivariate_normal({0.0, 0.0, 0.0, 0.0}, eye, 3, "raise", 1e-8, m));
        golden::check(mv("normals/" + std::to_string(seed) + "/12/raw"), raw2(g));
      }
    }
    // A diagonal cov scales each coordinate: mean + sqrt(var) * z (up to rounding). svd sorts
    // singular values descending and eigh eigenvalues ascending, so the normals feed the
    // coordinates in that order (as in NumPy); the variances are chosen so both keep the order.
    const auto z = mv("normals/42/12").doubles();
    const F64 mean = {1.0, -2.0, 0.5, 3.0};
    for (std::string m : {"svd", "eigh", "cholesky"}) {
      INFO(m);
      F64 var = {9.0, 4.0, 1.0, 0.25};
      if (m == "eigh") std::reverse(var.begin(), var.end());
      if (m == "cholesky") var = {4.0, 0.25, 9.0, 1.0};
      F64 cov(16, 0.0), want(12);
      for (int i = 0; i < 4; ++i) cov[i * 5] = var[i];
      for (int r = 0; r < 3; ++r)
        for (int i = 0; i < 4; ++i) want[r * 4 + i] = mean[i] + std::sqrt(var[i]) * z[r * 4 + i];
      auto g = nprandom::default_rng(42);
      check_close(g.multivariate_normal(mean, cov, 3, "raise", 1e-8, m), want, 1e-14);
    }
  }

  SECTION("a singular PSD cov passes check_valid='raise' and gives perfectly correlated draws") {
    const F64 ones = {1.0, 1.0, 1.0, 1.0};
    for (std::string m : {"svd", "eigh"}) {
      INFO(m);
      auto g = nprandom::default_rng(8);
      const auto x = g.multivariate_normal({0.0, 5.0}, ones, 50, "raise", 1e-8, m);
      for (std::size_t r = 0; r < 50; ++r) CHECK(std::fabs(x[2 * r] + 5.0 - x[2 * r + 1]) < 1e-12);
    }
    CHECK_THROWS_WITH(nprandom::default_rng(8).multivariate_normal({0.0, 5.0}, ones, 5, "raise",
                                                                   1e-8, "cholesky"),
                      "Matrix is not positive definite");
  }

  SECTION("RandomState transform (vh, not u) against the 2.5.2 reference") {
    // RandomState(42)'s legacy gaussians (frozen stream) fed through the helper engineer E uses
    F64 x = mv("legacy-normals/42/6").doubles();
    const F64 mean = {0.0, 1.0};
    const F64 cov = {1.0, 0.5, 0.5, 2.0};
    nprandom::distributions::legacy_multivariate_normal_transform(mean.data(), cov.data(), 2,
                                                                  "warn", 1e-8, x.data(), 3);
    check_close(x, reference("RandomState/42/multivariate_normal").doubles(), 1e-10);
  }

  SECTION("errors, in NumPy's order") {
    const F64 m2 = {0.0, 1.0};
    const F64 eye2 = {1.0, 0.0, 0.0, 1.0};
    const F64 indef = {1.0, 2.0, 2.0, 1.0};
    auto err = [](int i, std::function<void()> f) {
      golden::check_error<std::invalid_argument>(mv("bad/multivariate_normal/" + std::to_string(i)),
                                                 f);
    };
    err(0, [&] { nprandom::default_rng(0).multivariate_normal(m2, eye2, "warn", 1e-8, "foo"); });
    err(1, [&] { nprandom::default_rng(0).multivariate_normal(m2, eye2, "foo"); });
    err(2, [&] { nprandom::default_rng(0).multivariate_normal(m2, indef, "raise"); });
    err(3, [&] { nprandom::default_rng(0).multivariate_normal(m2, indef, "raise", 1e-8, "eigh"); });
    err(4,
        [&] { nprandom::default_rng(0).multivariate_normal(m2, indef, "warn", 1e-8, "cholesky"); });
    err(5, [&] { nprandom::default_rng(0).multivariate_normal({0.0, 1.0, 2.0}, eye2); });
    // NumPy: a 1-d cov of 4 -> "cov must be 2 dimensional and square"; here: 3 values, or ragged
    // rows
    err(6, [&] { nprandom::default_rng(0).multivariate_normal(m2, F64{1.0, 0.0, 0.0}); });
    err(6, [&] {
      nprandom::default_rng(0).multivariate_normal(m2, std::vector<F64>{{1.0, 0.0}, {0.0}});
    });
    // the method is checked before the shapes; check_valid only after drawing, never for cholesky
    CHECK_THROWS_WITH(nprandom::default_rng(0).multivariate_normal({0.0}, eye2, "warn", 1e-8, "x"),
                      "method must be one of {'eigh', 'svd', 'cholesky'}");
    CHECK_NOTHROW(nprandom::default_rng(0).multivariate_normal(m2, eye2, "foo", 1e-8, "cholesky"));
    auto g = nprandom::default_rng(42);
    CHECK_THROWS_AS(g.multivariate_normal(m2, indef, 6, "raise"), std::invalid_argument);
    auto h = nprandom::default_rng(42);
    h.standard_normal(12);
    CHECK(g.bit_generator().random_raw() == h.bit_generator().random_raw());
  }

  SECTION("check_valid='warn' calls the warning handler and still returns the draws") {
    static int calls = 0;
    static std::string last;
    calls = 0;
    auto prev = nprandom::set_warning_handler([](const char* msg) {
      ++calls;
      last = msg;
    });
    const F64 indef = {1.0, 2.0, 2.0, 1.0};
    auto g = nprandom::default_rng(0);
    CHECK(g.multivariate_normal({0.0, 1.0}, indef, 4).size() == 8);
    CHECK(calls == 1);
    CHECK(last == "covariance is not symmetric positive-semidefinite.");
    g.multivariate_normal({0.0, 1.0}, indef, 4, "warn", 1e-8, "eigh");
    CHECK(calls == 2);
    g.multivariate_normal({0.0, 1.0}, indef, 4, "ignore");
    g.multivariate_normal({0.0, 1.0}, {2.0, 0.5, 0.5, 1.0}, 4);
    CHECK(calls == 2);
    nprandom::set_warning_handler(prev);
  }
}

TEST_CASE("linalg helpers reconstruct their input", "[multivariate][linalg]") {
  namespace la = nprandom::detail::linalg;
  const std::size_t n = 4;
  // a PSD matrix of rank 3 and a general non-symmetric one
  const F64 b = {1.0, 2.0, 0.5, -1.0, 0.0, 1.0, 3.0, 0.2, 2.0, -0.5, 1.0, 0.0};  // 4x3
  F64 psd(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      for (std::size_t k = 0; k < 3; ++k) psd[i * n + j] += b[i * 3 + k] * b[j * 3 + k];
  const F64 general = {4.0, 1.0, -2.0, 0.5,  3.0, -1.0, 0.0, 2.0,
                       1.0, 1.0, 5.0,  -3.0, 0.0, 2.0,  1.0, 1.0};
  for (const F64* a : {static_cast<const F64*>(&psd), &general}) {
    F64 u(n * n), s(n), vh(n * n);
    REQUIRE(la::svd(a->data(), n, u.data(), s.data(), vh.data()));
    for (std::size_t i = 0; i + 1 < n; ++i) CHECK(s[i] >= s[i + 1]);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        double rec = 0.0, uu = 0.0, vv = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
          rec += u[i * n + k] * s[k] * vh[k * n + j];
          uu += u[k * n + i] * u[k * n + j];
          vv += vh[i * n + k] * vh[j * n + k];
        }
        CHECK(std::fabs(rec - (*a)[i * n + j]) < 1e-12);
        CHECK(std::fabs(uu - (i == j ? 1.0 : 0.0)) < 1e-12);
        CHECK(std::fabs(vv - (i == j ? 1.0 : 0.0)) < 1e-12);
      }
    }
  }
  F64 w(n), v(n * n), l(n * n);
  REQUIRE(la::eigh(psd.data(), n, w.data(), v.data()));
  for (std::size_t i = 0; i + 1 < n; ++i) CHECK(w[i] <= w[i + 1]);
  CHECK(std::fabs(w[0]) < 1e-12);  // rank 3
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      double rec = 0.0;
      for (std::size_t k = 0; k < n; ++k) rec += v[i * n + k] * w[k] * v[j * n + k];
      CHECK(std::fabs(rec - psd[i * n + j]) < 1e-12);
    }
  CHECK_FALSE(la::cholesky_lower(psd.data(), n, l.data()));  // singular
  F64 pd = psd;
  for (std::size_t i = 0; i < n; ++i) pd[i * n + i] += 1.0;
  REQUIRE(la::cholesky_lower(pd.data(), n, l.data()));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      double rec = 0.0;
      for (std::size_t k = 0; k < n; ++k) rec += l[i * n + k] * l[j * n + k];
      CHECK(std::fabs(rec - pd[i * n + j]) < 1e-12);
      if (j > i) CHECK(l[i * n + j] == 0.0);
    }
  const F64 nan_m = {1.0, std::nan(""), 0.0, 1.0};
  F64 u2(4), s2(2), vh2(4);
  CHECK_FALSE(la::svd(nan_m.data(), 2, u2.data(), s2.data(), vh2.data()));
  // eigh reads the lower triangle only (NumPy's UPLO='L'): the NaN above is never seen; a
  // non-finite lower entry gives NaN eigenvalues, as LAPACK dsyevd does (no error in NumPy).
  CHECK(la::eigh(nan_m.data(), 2, s2.data(), u2.data()));
  CHECK(s2[0] == 1.0);
  CHECK(s2[1] == 1.0);
  const F64 nan_lower = {1.0, 0.0, std::nan(""), 1.0};
  CHECK(la::eigh(nan_lower.data(), 2, s2.data(), u2.data()));
  CHECK((std::isnan(s2[0]) && std::isnan(s2[1])));
  // svd: an infinite entry (no NaN) gives NaN singular values, as dgesdd does
  const F64 inf_m = {std::numeric_limits<double>::infinity(), 0.0, 0.0, 1.0};
  CHECK(la::svd(inf_m.data(), 2, u2.data(), s2.data(), vh2.data()));
  CHECK((std::isnan(s2[0]) && std::isnan(s2[1])));
}

// ---- statistical second net: sample means and covariances against the exact moments ----
namespace {
// Sample mean and covariance of `rows` draws of k components; checks them against `mean` and
// `cov` within `tol_mean` / `tol_cov` (absolute; chosen ~6 standard errors for the sample size).
template <class T>
void check_moments(const std::vector<T>& x, std::size_t k, const F64& mean, const F64& cov,
                   double tol_mean, double tol_cov) {
  const std::size_t rows = x.size() / k;
  F64 m(k, 0.0), c(k * k, 0.0);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t i = 0; i < k; ++i)
      m[i] += static_cast<double>(x[r * k + i]) / static_cast<double>(rows);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j)
        c[i * k + j] += (static_cast<double>(x[r * k + i]) - m[i]) *
                        (static_cast<double>(x[r * k + j]) - m[j]) / static_cast<double>(rows - 1);
  for (std::size_t i = 0; i < k; ++i) {
    INFO("mean " << i << ": " << m[i] << " vs " << mean[i]);
    CHECK(std::fabs(m[i] - mean[i]) < tol_mean);
  }
  for (std::size_t i = 0; i < k * k; ++i) {
    INFO("cov " << i << ": " << c[i] << " vs " << cov[i]);
    CHECK(std::fabs(c[i] - cov[i]) < tol_cov);
  }
}
}  // namespace

TEST_CASE("multivariate moments", "[multivariate][stats]") {
  constexpr std::size_t rows = 200000;
  SECTION("dirichlet, both algorithms") {
    for (const F64& alpha : {F64{1.0, 2.0, 3.0}, F64{0.05, 0.02, 0.08}}) {
      double a0 = 0.0;
      for (double a : alpha) a0 += a;
      F64 mean(3), cov(9);
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
          cov[i * 3 + j] =
              ((i == j ? alpha[i] / a0 : 0.0) - alpha[i] * alpha[j] / (a0 * a0)) / (a0 + 1.0);
      for (int i = 0; i < 3; ++i) mean[i] = alpha[i] / a0;
      auto g = nprandom::default_rng(2024);
      const auto x = g.dirichlet(alpha, rows);
      for (std::size_t r = 0; r < rows; r += 997) {
        const double s = x[r * 3] + x[r * 3 + 1] + x[r * 3 + 2];
        CHECK(std::fabs(s - 1.0) < 1e-12);
      }
      check_moments(x, 3, mean, cov, 0.005, 0.003);
    }
  }
  SECTION("multinomial") {
    const F64 p = {0.2, 0.3, 0.5};
    const double n = 40.0;
    F64 mean(3), cov(9);
    for (int i = 0; i < 3; ++i) {
      mean[i] = n * p[i];
      for (int j = 0; j < 3; ++j) cov[i * 3 + j] = n * ((i == j ? p[i] : 0.0) - p[i] * p[j]);
    }
    auto g = nprandom::default_rng(99);
    const auto x = g.multinomial(40, p, rows);
    for (std::size_t r = 0; r < rows; r += 991) CHECK(x[r * 3] + x[r * 3 + 1] + x[r * 3 + 2] == 40);
    check_moments(x, 3, mean, cov, 0.05, 0.25);
    // large n: BTPE
    auto h = nprandom::default_rng(5);
    const auto y = h.multinomial(100000, p, 20000);
    F64 mean2(3), cov2(9);
    for (int i = 0; i < 3; ++i) {
      mean2[i] = 1e5 * p[i];
      for (int j = 0; j < 3; ++j) cov2[i * 3 + j] = 1e5 * ((i == j ? p[i] : 0.0) - p[i] * p[j]);
    }
    check_moments(y, 3, mean2, cov2, 6.0, 2000.0);
  }
  SECTION("multivariate_hypergeometric, both methods") {
    const I64 colors = {10, 25, 15};
    const double total = 50.0, m = 20.0;
    F64 mean(3), cov(9);
    for (int i = 0; i < 3; ++i) {
      const double pi = static_cast<double>(colors[i]) / total;
      mean[i] = m * pi;
      for (int j = 0; j < 3; ++j) {
        const double pj = static_cast<double>(colors[j]) / total;
        cov[i * 3 + j] = m * (total - m) / (total - 1.0) * ((i == j ? pi : 0.0) - pi * pj);
      }
    }
    for (std::string method : {"marginals", "count"}) {
      INFO(method);
      auto g = nprandom::default_rng(11);
      const auto x = g.multivariate_hypergeometric(colors, 20, rows / 4, method);
      for (std::size_t r = 0; r < rows / 4; r += 97)
        CHECK(x[r * 3] + x[r * 3 + 1] + x[r * 3 + 2] == 20);
      check_moments(x, 3, mean, cov, 0.04, 0.15);
    }
  }
  SECTION("multivariate_normal, each method") {
    for (std::string m : {"svd", "eigh", "cholesky"}) {
      INFO(m);
      auto g = nprandom::default_rng(3);
      check_moments(g.multivariate_normal(kMean3, kCov3, rows, "raise", 1e-8, m), 3, kMean3, kCov3,
                    0.02, 0.03);
    }
  }
}
