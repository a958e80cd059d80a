// Strict-warnings consumer: instantiates every public class template of nprandom over every bit
// generator and calls the public (template) methods with the argument types users write, so any
// warning in nprandom's headers under -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion
// -Wshadow -Wold-style-cast -Wdouble-promotion -Wcast-qual fails the build (-Werror).
#include <nprandom/nprandom.hpp>
#include <nprandom/state_io.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <vector>

// Every non-template member of the class templates.
template class nprandom::Generator<nprandom::MT19937>;
template class nprandom::Generator<nprandom::PCG64>;
template class nprandom::Generator<nprandom::PCG64DXSM>;
template class nprandom::Generator<nprandom::Philox>;
template class nprandom::Generator<nprandom::SFC64>;
template class nprandom::BasicRandomState<nprandom::MT19937>;
template class nprandom::BasicRandomState<nprandom::PCG64>;
template class nprandom::BasicRandomState<nprandom::PCG64DXSM>;
template class nprandom::BasicRandomState<nprandom::Philox>;
template class nprandom::BasicRandomState<nprandom::SFC64>;

namespace {

template <class BitGen>
int exercise_bitgen(BitGen bg) {
  std::uint64_t acc = bg.next_uint64() ^ bg.next_uint32() ^ bg();
  acc ^= static_cast<std::uint64_t>(bg.next_double() * 1024.0);
  acc ^= static_cast<std::uint64_t>(bg.next_float() * 1024.0f);
  acc ^= bg.random_raw();
  std::vector<std::uint64_t> raw = bg.random_raw(5);
  bg.random_raw(raw.data(), raw.size());
  bg.discard(3);
  auto st = bg.state();
  bg.set_state(st);
  const std::string json = nprandom::get_state_json(bg);
  nprandom::set_state_json(bg, json);
  std::stringstream ss;
  ss << bg;
  ss >> bg;
  auto kids = bg.spawn(2);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  acc ^= static_cast<std::uint64_t>(u(bg) * 8.0);
  return static_cast<int>(acc & 1u) + static_cast<int>(kids.size()) + (bg == kids[0] ? 1 : 0);
}

template <class BitGen>
int exercise_generator(BitGen bg) {
  nprandom::Generator<BitGen> g(bg);
  const std::size_t n = 4;
  double d = g.random() + static_cast<double>(g.template random<float>());
  std::vector<double> v = g.random(n);
  std::vector<float> vf = g.template random<float>(n);
  g.random(v.data(), n);
  g.random(vf.data(), n);
  std::int64_t k = g.integers(10) + g.integers(0, 10) + g.integers(0, 10, nprandom::endpoint);
  std::vector<std::int64_t> ks = g.integers(0, 10, n);
  ks = g.integers(0, 10, n, true);
  ks = g.integers(0, 10, n, nprandom::endpoint);
  g.integers(0, 10, ks.data(), n);
  std::vector<std::uint8_t> u8 = g.template integers<std::uint8_t>(0, 200, n);
  std::vector<std::int8_t> i8 = g.template integers<std::int8_t>(-5, 5, n);
  std::vector<std::uint16_t> u16 = g.template integers<std::uint16_t>(0, 60000, n);
  std::vector<std::int16_t> i16 = g.template integers<std::int16_t>(-300, 300, n);
  std::vector<std::uint32_t> u32 = g.template integers<std::uint32_t>(0u, 4000000000u, n);
  std::vector<std::int32_t> i32 = g.template integers<std::int32_t>(-7, 7, n);
  std::vector<std::uint64_t> u64 = g.template integers<std::uint64_t>(0u, ~0ull, n);
  std::vector<bool> b = g.template integers<bool>(0, 2, n);
  std::vector<std::int64_t> lows{0, 1}, highs{5, 6};
  ks = g.integers(lows, highs);
  ks = g.integers(0, highs);
  ks = g.integers(lows, 9);
  d += g.uniform() + g.uniform(1.0, 2.0);
  v = g.uniform(0.0, 1.0, n);
  d += g.standard_normal() + static_cast<double>(g.template standard_normal<float>());
  v = g.standard_normal(n);
  vf = g.template standard_normal<float>(n);
  d += g.normal() + g.normal(1.0, 2.0);
  v = g.normal(0.0, 1.0, n);
  d += g.standard_exponential() + static_cast<double>(g.template standard_exponential<float>());
  v = g.standard_exponential(n);
  d += g.exponential() + g.exponential(2.0);
  d += g.standard_gamma(2.0) + static_cast<double>(g.template standard_gamma<float>(2.0));
  v = g.standard_gamma(2.0, n);
  d += g.gamma(2.0) + g.gamma(2.0, 3.0);
  d += g.beta(1.0, 2.0) + g.chisquare(3.0) + g.f(2.0, 3.0) + g.noncentral_chisquare(2.0, 1.0);
  d += g.noncentral_f(2.0, 3.0, 1.0) + g.standard_cauchy() + g.standard_t(3.0);
  d += g.vonmises(0.0, 1.0) + g.pareto(2.0) + g.weibull(2.0) + g.power(2.0) + g.laplace();
  d += g.gumbel() + g.logistic() + g.lognormal() + g.rayleigh() + g.wald(1.0, 2.0);
  d += g.triangular(0.0, 1.0, 2.0);
  k += g.binomial(10, 0.5) + g.negative_binomial(3.0, 0.5) + g.poisson(3.0) + g.zipf(2.0);
  k += g.geometric(0.5) + g.hypergeometric(5, 5, 3) + g.logseries(0.5);
  ks = g.binomial(10, 0.5, n);
  ks = g.poisson(2.0, n);
  ks = g.multinomial(10, {0.2, 0.8});
  ks = g.multinomial(10, {0.2, 0.8}, n);
  ks = g.multivariate_hypergeometric({3, 4, 5}, 6);
  v = g.dirichlet({1.0, 2.0});
  v = g.multivariate_normal({0.0, 0.0}, {{1.0, 0.0}, {0.0, 1.0}});
  v = g.multivariate_normal({0.0, 0.0}, {{1.0, 0.0}, {0.0, 1.0}}, n);
  const std::string bytes = g.bytes(n);
  k += g.choice(10);
  ks = g.choice(10, n);
  ks = g.choice(10, n, false);
  ks = g.choice(3, n, true, {0.2, 0.3, 0.5});
  std::vector<int> pop{1, 2, 3, 4, 5};
  k += g.choice(pop);
  std::vector<int> picked = g.choice(pop, 2, false);
  g.shuffle(pop);
  g.shuffle(pop.begin(), pop.end());
  std::vector<double> grid(6, 1.0);
  g.shuffle(grid.data(), 2, 3, 1);
  ks = g.permutation(10);
  picked = g.permutation(pop);
  std::shuffle(pop.begin(), pop.end(), g);
  std::normal_distribution<double> nd;
  d += nd(g);
  nprandom::set_state_json(g, nprandom::get_state_json(g));
  return static_cast<int>(d > 0.0) + static_cast<int>(k & 1) + static_cast<int>(bytes.size()) +
         static_cast<int>(u8.size() + i8.size() + u16.size() + i16.size() + u32.size() +
                          i32.size() + u64.size() + b.size() + picked.size());
}

template <class BitGen>
int exercise_random_state(nprandom::BasicRandomState<BitGen> rs) {
  const std::size_t n = 3;
  double d = rs.random_sample() + rs.random() + rs.rand() + rs.randn();
  std::vector<double> v = rs.random_sample(n);
  v = rs.rand(2, 3);
  v = rs.randn(2, 3);
  std::int64_t k = rs.randint(10) + rs.randint(0, 10);
  std::vector<std::int64_t> ks = rs.randint(0, 10, n);
  std::vector<std::int32_t> k32 = rs.template randint<std::int32_t>(0, 10, n);
  d += rs.standard_normal() + rs.normal(1.0, 2.0) + rs.uniform() + rs.standard_exponential();
  d += rs.exponential(2.0) + rs.standard_gamma(2.0) + rs.gamma(2.0, 1.0) + rs.beta(1.0, 2.0);
  d += rs.chisquare(2.0) + rs.f(2.0, 3.0) + rs.standard_t(3.0) + rs.standard_cauchy();
  d += rs.vonmises(0.0, 1.0) + rs.pareto(2.0) + rs.weibull(2.0) + rs.power(2.0);
  d += rs.laplace() + rs.gumbel() + rs.logistic() + rs.lognormal() + rs.rayleigh();
  d += rs.wald(1.0, 2.0) + rs.triangular(0.0, 1.0, 2.0);
  d += rs.noncentral_chisquare(2.0, 1.0) + rs.noncentral_f(2.0, 3.0, 1.0);
  k += rs.binomial(10, 0.5) + rs.negative_binomial(3.0, 0.5) + rs.poisson(3.0) + rs.zipf(2.0);
  k += rs.geometric(0.5) + rs.hypergeometric(5, 5, 3) + rs.logseries(0.5);
  ks = rs.multinomial(10, {0.2, 0.8});
  v = rs.dirichlet({1.0, 2.0});
  v = rs.multivariate_normal({0.0, 0.0}, {{1.0, 0.0}, {0.0, 1.0}});
  std::vector<int> pop{1, 2, 3};
  rs.shuffle(pop);
  ks = rs.permutation(5);
  k += rs.choice(5);
  const std::string bytes = rs.bytes(n);
  auto dict = rs.get_state_dict();
  rs.set_state(dict);
  nprandom::set_state_json(rs, nprandom::get_state_json(rs));
  nprandom::set_state_json(rs, nprandom::get_state_json(rs, false));
  return static_cast<int>(d > 0.0) + static_cast<int>(k & 1) + static_cast<int>(k32.size()) +
         static_cast<int>(bytes.size());
}

}  // namespace

int main() {
  int sum = 0;
  sum += exercise_bitgen(nprandom::MT19937(1)) + exercise_bitgen(nprandom::PCG64(1)) +
         exercise_bitgen(nprandom::PCG64DXSM(1)) + exercise_bitgen(nprandom::Philox(1)) +
         exercise_bitgen(nprandom::SFC64(1));
  sum += exercise_generator(nprandom::MT19937(2)) + exercise_generator(nprandom::PCG64(2)) +
         exercise_generator(nprandom::PCG64DXSM(2)) + exercise_generator(nprandom::Philox(2)) +
         exercise_generator(nprandom::SFC64(2));
  sum += exercise_random_state(nprandom::RandomState(3));
  sum += exercise_random_state(nprandom::BasicRandomState<nprandom::PCG64>(nprandom::PCG64(3)));
  nprandom::RandomState legacy(4);
  const nprandom::LegacyState ls = legacy.get_state();
  legacy.set_state(ls);
  // the np.random.* facade
  nprandom::seed(0);
  nprandom::seed({1, 2, 3});
  std::vector<double> r = nprandom::rand(3);
  r = nprandom::randn(2, 2);
  r = nprandom::normal(0.0, 1.0, 5);
  std::vector<std::int64_t> ri = nprandom::randint(0, 10, 5);
  nprandom::set_state(nprandom::get_state());
  // SeedSequence
  nprandom::SeedSequence ss(42);
  std::vector<std::uint32_t> words = ss.generate_state(4);
  std::vector<std::uint64_t> words64 = ss.template generate_state<std::uint64_t>(2);
  std::vector<nprandom::SeedSequence> kids = ss.spawn(2);
  const nprandom::SeedSequence back =
      nprandom::from_json<nprandom::SeedSequence>(nprandom::to_json(ss));
  std::array<std::uint32_t, 4> seeded{};
  ss.generate(seeded.begin(), seeded.end());
  nprandom::set_warning_handler(nullptr);
  std::cout << "strict consumer: "
            << sum +
                   static_cast<int>(r.size() + ri.size() + words.size() + words64.size() +
                                    kids.size()) +
                   (back == ss ? 1 : 0)
            << '\n';
  return 0;
}
