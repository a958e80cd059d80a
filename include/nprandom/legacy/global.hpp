// The np.random.* module-level functions: one process-wide RandomState behind a mutex.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_LEGACY_GLOBAL_HPP
#define NPRANDOM_LEGACY_GLOBAL_HPP

// NumPy's module-level functions (np.random.seed, np.random.rand, np.random.normal, ...) are
// bound methods of one hidden RandomState, `numpy.random.mtrand._rand`, seeded from OS entropy at
// import. nprandom does the same: every function below forwards to one process-wide
// RandomState (MT19937), created on first use (a function-local static, so header-only and ODR
// safe), and takes its mutex once per call -- a sized draw locks once, so its values are
// contiguous in the stream. The functions have RandomState's names, parameters, defaults, draw
// forms (scalar, sized, fill) and errors; see legacy/random_state.hpp for each one.
//
//   nprandom::seed(42);
//   auto u = nprandom::rand(3);      // == np.random.seed(42); np.random.rand(3)
//   auto z = nprandom::randn(3);
//
// Threads may call these concurrently; the values are then shared out among the threads in
// whatever order they take the lock. For reproducible parallel streams use one RandomState (or
// Generator) per thread instead. To make several calls atomic, use with_global_random_state.

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/legacy/random_state.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

// The lock: a pthread mutex where the C library has one (<mutex> costs every translation unit
// ~0.06 s of compile time, docs/benchmarks.md), std::mutex elsewhere.
#if defined(__has_include)
#if __has_include(<pthread.h>) && !defined(NPRANDOM_USE_STD_MUTEX)
#include <pthread.h>
#define NPRANDOM_DETAIL_PTHREAD_MUTEX 1
#endif
#endif
#ifndef NPRANDOM_DETAIL_PTHREAD_MUTEX
#include <mutex>
#endif

namespace nprandom {
namespace detail {

// RandomState, spelled so that it depends on a template's parameters: a facade function's return
// type then does not instantiate RandomState's members where the facade is only declared.
template <class T, class...>
struct dependent_type {
  using type = T;
};
template <class... Args>
using dependent_random_state = typename dependent_type<RandomState, Args...>::type;

// A template so that a translation unit that never calls the facade does not instantiate
// RandomState's members (compile time); there is still one object per program (a static local
// of an inline function).
template <class RS>
struct GlobalRandomState {
#ifdef NPRANDOM_DETAIL_PTHREAD_MUTEX
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  void lock() noexcept { pthread_mutex_lock(&mutex); }
  void unlock() noexcept { pthread_mutex_unlock(&mutex); }
#else
  std::mutex mutex;
  void lock() { mutex.lock(); }
  void unlock() noexcept { mutex.unlock(); }
#endif
  RS state;  // seeded from OS entropy, as numpy.random.mtrand._rand
};

template <class RS = RandomState>
inline GlobalRandomState<RS>& global_random_state() {
  static GlobalRandomState<RS> g;
  return g;
}

}  // namespace detail

/// Runs f(RandomState&) on the global RandomState with its lock held (several calls as one
/// atomic step) and returns f's result.
/// (RS is never given: it keeps the global object dependent, so a translation unit that does
/// not use the facade does not instantiate RandomState's members.)
template <class F, class RS = RandomState>
decltype(auto) with_global_random_state(F&& f) {
  auto& g = detail::global_random_state<RS>();
  struct unlock_on_exit {
    decltype(g)& held;
    ~unlock_on_exit() { held.unlock(); }
  };
  g.lock();
  unlock_on_exit guard{g};
  return std::forward<F>(f)(g.state);
}

// The forwarding below passes the caller's arguments on unconverted, so `nprandom::rand(3)` or
// `nprandom::normal(0.0, 1.0, 5)` would convert the int to std::size_t inside this header and
// warn under -Wsign-conversion although the same call on a RandomState does not (a constant).
// The implicit conversions are the ones RandomState's own signatures ask for; silence them here
// only. (rand/randn take any integer dimensions and reject negative ones themselves.)
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wconversion"
#endif

// Each NPRANDOM_LEGACY_GLOBAL(name) defines nprandom::name(args...) =
// global RandomState.name(args...), under the lock.
#define NPRANDOM_LEGACY_GLOBAL(name)                                                       \
  template <class... Args>                                                                 \
  auto name(Args&&... args)                                                                \
      ->decltype(std::declval<detail::dependent_random_state<Args...>&>().name(            \
          std::forward<Args>(args)...)) {                                                  \
    return with_global_random_state(                                                       \
        [&](auto& rs) -> decltype(auto) { return rs.name(std::forward<Args>(args)...); }); \
  }

// seeding and state
NPRANDOM_LEGACY_GLOBAL(seed)
NPRANDOM_LEGACY_GLOBAL(get_state)
NPRANDOM_LEGACY_GLOBAL(set_state)
// uniform and integers
NPRANDOM_LEGACY_GLOBAL(rand)
NPRANDOM_LEGACY_GLOBAL(randn)
NPRANDOM_LEGACY_GLOBAL(random_sample)
NPRANDOM_LEGACY_GLOBAL(random)
NPRANDOM_LEGACY_GLOBAL(random_integers)
NPRANDOM_LEGACY_GLOBAL(bytes)
NPRANDOM_LEGACY_GLOBAL(uniform)
// continuous
NPRANDOM_LEGACY_GLOBAL(standard_normal)
NPRANDOM_LEGACY_GLOBAL(normal)
NPRANDOM_LEGACY_GLOBAL(lognormal)
NPRANDOM_LEGACY_GLOBAL(standard_exponential)
NPRANDOM_LEGACY_GLOBAL(exponential)
NPRANDOM_LEGACY_GLOBAL(standard_gamma)
NPRANDOM_LEGACY_GLOBAL(gamma)
NPRANDOM_LEGACY_GLOBAL(beta)
NPRANDOM_LEGACY_GLOBAL(chisquare)
NPRANDOM_LEGACY_GLOBAL(noncentral_chisquare)
NPRANDOM_LEGACY_GLOBAL(f)
NPRANDOM_LEGACY_GLOBAL(noncentral_f)
NPRANDOM_LEGACY_GLOBAL(standard_cauchy)
NPRANDOM_LEGACY_GLOBAL(standard_t)
NPRANDOM_LEGACY_GLOBAL(vonmises)
NPRANDOM_LEGACY_GLOBAL(pareto)
NPRANDOM_LEGACY_GLOBAL(weibull)
NPRANDOM_LEGACY_GLOBAL(power)
NPRANDOM_LEGACY_GLOBAL(laplace)
NPRANDOM_LEGACY_GLOBAL(gumbel)
NPRANDOM_LEGACY_GLOBAL(logistic)
NPRANDOM_LEGACY_GLOBAL(rayleigh)
NPRANDOM_LEGACY_GLOBAL(wald)
NPRANDOM_LEGACY_GLOBAL(triangular)
// discrete
NPRANDOM_LEGACY_GLOBAL(binomial)
NPRANDOM_LEGACY_GLOBAL(negative_binomial)
NPRANDOM_LEGACY_GLOBAL(poisson)
NPRANDOM_LEGACY_GLOBAL(zipf)
NPRANDOM_LEGACY_GLOBAL(geometric)
NPRANDOM_LEGACY_GLOBAL(hypergeometric)
NPRANDOM_LEGACY_GLOBAL(logseries)
// permutations, choice and multivariate (braced lists have explicit overloads below)
NPRANDOM_LEGACY_GLOBAL(shuffle)
NPRANDOM_LEGACY_GLOBAL(permutation)
NPRANDOM_LEGACY_GLOBAL(choice)
NPRANDOM_LEGACY_GLOBAL(multinomial)
NPRANDOM_LEGACY_GLOBAL(dirichlet)
NPRANDOM_LEGACY_GLOBAL(multivariate_normal)

#undef NPRANDOM_LEGACY_GLOBAL

/// np.random.seed([s0, s1, ...]) written as a braced list.
template <class Int>
void seed(std::initializer_list<Int> s) {
  with_global_random_state([&](auto& rs) { rs.seed(s); });
}

/// np.random.ranf / np.random.sample: aliases of random_sample.
/// (All functions here are templates, the non-generic ones with an RS parameter that is never
/// given, so that a translation unit instantiates only the RandomState members it calls.)
template <class RS = RandomState>
double ranf() {
  return with_global_random_state([](RS& rs) { return rs.random_sample(); });
}
template <class RS = RandomState>
std::vector<double> ranf(std::size_t size) {
  return with_global_random_state([&](RS& rs) { return rs.random_sample(size); });
}
template <class RS = RandomState>
double sample() {
  return with_global_random_state([](RS& rs) { return rs.random_sample(); });
}
template <class RS = RandomState>
std::vector<double> sample(std::size_t size) {
  return with_global_random_state([&](RS& rs) { return rs.random_sample(size); });
}

/// np.random.randint<IntType = int64>(...): as RandomState::randint.
template <class IntType = std::int64_t, class... Args>
auto randint(Args&&... args)
    -> decltype(std::declval<detail::dependent_random_state<Args...>&>().template randint<IntType>(
        std::forward<Args>(args)...)) {
  return with_global_random_state([&](auto& rs) -> decltype(auto) {
    return rs.template randint<IntType>(std::forward<Args>(args)...);
  });
}
/// np.random.randint with braced-list array bounds, e.g. randint({0, 5}, 10, {3, 2}).
template <class IntType = std::int64_t>
ndarray<IntType> randint(const array_arg<detail::integers_bound_t<IntType>>& low,
                         const array_arg<detail::integers_bound_t<IntType>>& high,
                         const size_arg& size = {}) {
  return with_global_random_state(
      [&](auto& rs) { return rs.template randint<IntType>(low, high, size); });
}
template <class IntType = std::int64_t>
ndarray<IntType> randint(const array_arg<detail::integers_bound_t<IntType>>& high) {
  return with_global_random_state([&](auto& rs) { return rs.template randint<IntType>(high); });
}

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

// choice / multinomial / dirichlet / multivariate_normal with braced-list arguments. Templates (RS
// is never given) so that a translation unit that does not call them does not instantiate the
// RandomState members behind them (compile cost: docs/benchmarks.md).
template <class RS = RandomState>
std::int64_t choice(std::int64_t a, bool replace, const std::vector<double>& p) {
  return with_global_random_state([&](RS& rs) { return rs.choice(a, replace, p); });
}
template <class RS = RandomState>
std::vector<std::int64_t> choice(std::int64_t a, std::size_t size, bool replace,
                                 const std::vector<double>& p) {
  return with_global_random_state([&](RS& rs) { return rs.choice(a, size, replace, p); });
}
template <class T, class RS = RandomState>
std::vector<T> choice(const std::vector<T>& a, std::size_t size, bool replace = true,
                      const std::vector<double>& p = {}) {
  return with_global_random_state([&](RS& rs) { return rs.choice(a, size, replace, p); });
}
template <class RS = RandomState>
std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals) {
  return with_global_random_state([&](RS& rs) { return rs.multinomial(n, pvals); });
}
template <class RS = RandomState>
std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals,
                                      std::size_t size) {
  return with_global_random_state([&](RS& rs) { return rs.multinomial(n, pvals, size); });
}
template <class RS = RandomState>
std::vector<double> dirichlet(const std::vector<double>& alpha) {
  return with_global_random_state([&](RS& rs) { return rs.dirichlet(alpha); });
}
template <class RS = RandomState>
std::vector<double> dirichlet(const std::vector<double>& alpha, std::size_t size) {
  return with_global_random_state([&](RS& rs) { return rs.dirichlet(alpha, size); });
}
template <class RS = RandomState>
std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                        const std::vector<std::vector<double>>& cov,
                                        std::size_t size = 1,
                                        const std::string& check_valid = "warn",
                                        double tol = 1e-8) {
  return with_global_random_state(
      [&](RS& rs) { return rs.multivariate_normal(mean, cov, size, check_valid, tol); });
}

/// np.random.get_bit_generator(): a copy of the global MT19937 (NumPy returns the object itself;
/// use with_global_random_state to work on the shared one).
template <class RS = RandomState>
MT19937 get_bit_generator() {
  return with_global_random_state([](RS& rs) { return rs.bit_generator(); });
}
/// np.random.set_bit_generator(bg): the global RandomState now draws from (a copy of) bg; the
/// cached gaussian is reset, as NumPy's _initialize_bit_generator does.
template <class RS = RandomState>
void set_bit_generator(const MT19937& bit_generator) {
  with_global_random_state([&](RS& rs) { rs = RS(bit_generator); });
}

}  // namespace nprandom

#endif  // NPRANDOM_LEGACY_GLOBAL_HPP
