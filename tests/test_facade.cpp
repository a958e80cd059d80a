// Tests of the np.random.* facade (nprandom::seed, rand, randn, ...) and its locking.
#include "support/catch.hpp"
#include "support/golden.hpp"

#include <nprandom/legacy/global.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

namespace {
template <class T>
std::vector<T> cat(std::vector<T> a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
}  // namespace

TEST_CASE("facade: np.random.* functions against NumPy", "[facade]") {
  using golden::get;
  nprandom::seed(7);
  const auto u7 = nprandom::rand(3);  // sequenced: rand first, then randn
  golden::check(get("reference", "global/seed-rand-randn"), cat(u7, nprandom::randn(3)));
  nprandom::seed(42);
  const auto u42 = nprandom::rand(3);
  golden::check(get("legacy", "global/seed42"), cat(u42, nprandom::randn(3)));

  nprandom::seed(5);
  std::vector<double> v = nprandom::random_sample(2);
  v = cat(v, nprandom::random(2));
  v = cat(v, nprandom::ranf(2));
  v = cat(v, nprandom::sample(2));
  golden::check(get("legacy", "global/aliases"), v);

  nprandom::seed(5);
  golden::check(get("legacy", "global/randint"), nprandom::randint(0, 10, 8));
  nprandom::seed(5);
  golden::check(get("legacy", "global/choice"), nprandom::choice(10, 4, false));
  nprandom::seed(5);
  std::vector<std::int64_t> a(10);
  std::iota(a.begin(), a.end(), 0);
  nprandom::shuffle(a);
  golden::check(get("legacy", "global/shuffle"), a);
  nprandom::seed(5);
  golden::check(get("legacy", "global/permutation"), nprandom::permutation(10));
  nprandom::seed(5);
  const std::string b = nprandom::bytes(6);
  golden::check(get("legacy", "global/bytes"), std::vector<std::uint8_t>(b.begin(), b.end()));

  nprandom::seed(5);
  golden::check(get("legacy", "global/dists"),
                std::vector<double>{nprandom::normal(1.0, 2.0), nprandom::standard_gamma(2.5),
                                    nprandom::beta(2.0, 3.0), nprandom::exponential(2.0),
                                    nprandom::uniform(1.0, 2.0), nprandom::laplace(0.0, 1.0),
                                    nprandom::wald(1.0, 1.0), nprandom::standard_t(3.0),
                                    nprandom::vonmises(0.0, 1.0)});
  nprandom::seed(5);
  golden::check(
      get("legacy", "global/discrete"),
      std::vector<std::int64_t>{
          nprandom::binomial(10, 0.3), nprandom::poisson(4.0), nprandom::geometric(0.2),
          nprandom::hypergeometric(10, 5, 3), nprandom::zipf(2.0), nprandom::logseries(0.5),
          nprandom::negative_binomial(3.0, 0.5), nprandom::random_integers(1, 6)});
  nprandom::seed(5);
  nprandom::randn(1);
  const nprandom::LegacyState st = nprandom::get_state();
  golden::check(get("legacy", "global/state"), std::vector<std::int64_t>{st.pos, st.has_gauss});
  nprandom::seed(5);
  golden::check(get("legacy", "global/bitgen-raw"), nprandom::get_bit_generator().random_raw(3));
  nprandom::set_bit_generator(nprandom::MT19937(5));
  golden::check(get("legacy", "global/set-bitgen"), nprandom::rand(3));

  // set_state restores the stream, cached gaussian included
  nprandom::seed(3);
  nprandom::randn(1);
  const auto saved = nprandom::get_state();
  const auto x = nprandom::randn(5);
  nprandom::set_state(saved);
  CHECK(nprandom::randn(5) == x);

  // braced-list overloads, fill forms and dtype templates
  nprandom::seed({1, 2, 3});
  const auto u = nprandom::random_sample(5);
  golden::check(get("reference", "RandomState/seed-array"), u);
  nprandom::seed(42);
  CHECK(nprandom::multinomial(100, {0.1, 0.2, 0.3, 0.4}, 3) ==
        nprandom::RandomState(42).multinomial(100, {0.1, 0.2, 0.3, 0.4}, 3));
  nprandom::seed(42);
  CHECK(nprandom::dirichlet({1.0, 2.0}) == nprandom::RandomState(42).dirichlet({1.0, 2.0}));
  nprandom::seed(42);
  CHECK(nprandom::choice(5, 8, true, {0.5, 0.2, 0.1, 0.1, 0.1}) ==
        nprandom::RandomState(42).choice(5, 8, true, {0.5, 0.2, 0.1, 0.1, 0.1}));
  nprandom::seed(42);
  std::vector<double> buf(4);
  nprandom::normal(0.0, 1.0, buf.data(), buf.size());
  CHECK(buf == nprandom::RandomState(42).normal(0.0, 1.0, 4));
  nprandom::seed(42);
  CHECK(nprandom::randint<std::uint8_t>(0, 100, 20) ==
        nprandom::RandomState(42).randint<std::uint8_t>(0, 100, 20));

  // errors come through unchanged
  golden::check_error<std::invalid_argument>(get("legacy", "bad/78"), [] { nprandom::seed(-1); });
  nprandom::seed();  // OS entropy
  nprandom::with_global_random_state(
      [](nprandom::RandomState& rs) { CHECK(rs.get_state().has_gauss == 0); });
}

TEST_CASE("facade: concurrent draws share one stream, locked once per call", "[facade][threads]") {
  constexpr int n_threads = 4;
  constexpr int n_calls = 400;
  constexpr std::size_t batch = 5;  // each sized call takes 5 consecutive values
  nprandom::seed(2026);
  std::vector<std::vector<double>> got(n_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < n_threads; ++t) {
    threads.emplace_back([t, &got] {
      for (int i = 0; i < n_calls; ++i) {
        if (i % 2 == 0) {
          got[static_cast<std::size_t>(t)].push_back(nprandom::random_sample());
        } else {
          const auto v = nprandom::random_sample(std::size_t{batch});
          // a sized call is one locked draw: its values are consecutive in the stream
          got[static_cast<std::size_t>(t)].insert(got[static_cast<std::size_t>(t)].end(), v.begin(),
                                                  v.end());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<double> all;
  for (const auto& g : got) all.insert(all.end(), g.begin(), g.end());
  const std::size_t total = static_cast<std::size_t>(n_threads) * (n_calls / 2) * (1 + batch);
  REQUIRE(all.size() == total);
  nprandom::RandomState ref(2026);
  auto want = ref.random_sample(total);
  // every sized batch appears contiguously in the reference stream
  for (const auto& g : got) {
    for (std::size_t pos = 1; pos + batch <= g.size(); pos += 1 + batch) {
      const auto it =
          std::search(want.begin(), want.end(), g.begin() + static_cast<std::ptrdiff_t>(pos),
                      g.begin() + static_cast<std::ptrdiff_t>(pos + batch));
      CHECK(it != want.end());
    }
  }
  std::sort(all.begin(), all.end());
  std::sort(want.begin(), want.end());
  CHECK(all == want);
  // and the global state ends exactly where a single-threaded draw of the same total does
  CHECK(nprandom::random_sample() == ref.random_sample());
}

TEST_CASE("facade: concurrent gaussians keep the cache consistent", "[facade][threads]") {
  constexpr int n_threads = 4;
  constexpr int n_calls = 301;  // odd: leaves a cached gaussian at the end
  nprandom::seed(99);
  std::vector<std::vector<double>> got(n_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < n_threads; ++t) {
    threads.emplace_back([t, &got] {
      for (int i = 0; i < n_calls; ++i)
        got[static_cast<std::size_t>(t)].push_back(nprandom::randn());
    });
  }
  for (auto& th : threads) th.join();
  std::vector<double> all;
  for (const auto& g : got) all.insert(all.end(), g.begin(), g.end());
  nprandom::RandomState ref(99);
  auto want = ref.randn(all.size());
  std::sort(all.begin(), all.end());
  std::sort(want.begin(), want.end());
  CHECK(all == want);
  CHECK(nprandom::get_state() == ref.get_state());
}
