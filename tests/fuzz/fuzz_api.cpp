// libFuzzer target: every Generator / RandomState / np.random.* method and the state setters on
// special-valued parameters. Exceptions (NumPy's rejections) are fine; crashes, sanitizer
// reports and timeouts are bugs.
//
// Build and run: .ci/run's ci_fuzz, or by hand
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
//       -Iinclude tests/fuzz/fuzz_api.cpp -o build/fuzz_api            (one command line)
//   ASAN_OPTIONS=allocator_may_return_null=1 build/fuzz_api -max_total_time=180 -timeout=10
//       build/fuzz-corpus tests/fuzz/corpus                            (one command line)
//
// Input layout (all optional, missing bytes read as 0): [engine][op][size][seed x2] then per
// parameter one selector byte (< 0xE0: a special value from the tables below; otherwise the
// next 8 bytes as a raw double / int64). Sizes are 0..7, or one of a few huge counts that must
// be rejected by nprandom's size checks (never allocated).
//
// Deliberately bounded (resource use that NumPy shares, not bugs): memory that grows with a
// parameter rather than with `size` -- multivariate_hypergeometric(method="count") allocates
// sum(colors), RandomState.choice(replace=False) and permutation allocate the population -- so
// those parameters come from small tables here.
#include <nprandom/nprandom.hpp>
#include <nprandom/state_io.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <new>
#include <string>
#include <vector>

namespace {

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  // The unread bytes as text (the JSON state parser's input); consumes them.
  std::string rest() {
    std::string s(reinterpret_cast<const char*>(data_) + pos_, size_ - pos_);
    pos_ = size_;
    return s;
  }
  std::uint64_t raw64() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(byte()) << (8 * i);
    return v;
  }

  double real() {
    static const double table[] = {0.0,
                                   -0.0,
                                   1.0,
                                   -1.0,
                                   0.5,
                                   2.0,
                                   3.0,
                                   10.0,
                                   0.1,
                                   0.05,
                                   1e-8,
                                   1e-5,
                                   1e6,
                                   1e9,
                                   1e16,
                                   1e17,
                                   9.3e18,
                                   9.2e18,
                                   1e20,
                                   1e300,
                                   -1e300,
                                   1025.0,
                                   1024.5,
                                   1e-300,
                                   3e-103,
                                   1e-103,
                                   std::numeric_limits<double>::infinity(),
                                   -std::numeric_limits<double>::infinity(),
                                   std::numeric_limits<double>::quiet_NaN(),
                                   std::numeric_limits<double>::denorm_min(),
                                   -std::numeric_limits<double>::denorm_min(),
                                   std::numeric_limits<double>::min(),
                                   std::numeric_limits<double>::max(),
                                   -std::numeric_limits<double>::max(),
                                   std::nextafter(1.0, 2.0),
                                   std::nextafter(1.0, 0.0),
                                   1.0 + 1e-7,
                                   1.0 + 1e-9,
                                   0.333333333333333,
                                   0.3333333333333333,
                                   30.0,
                                   31.0,
                                   0.9999999999,
                                   1e-20,
                                   4.611686018427388e18,
                                   9.223372036854775807e18,
                                   -0.5,
                                   0.99};
    const std::uint8_t s = byte();
    if (s >= 0xE0) {
      const std::uint64_t bits = raw64();
      double d;
      std::memcpy(&d, &bits, sizeof d);
      return d;
    }
    return table[s % (sizeof table / sizeof table[0])];
  }

  std::int64_t integer() {
    static const std::int64_t table[] = {0,
                                         1,
                                         -1,
                                         2,
                                         10,
                                         11,
                                         100,
                                         999999999,
                                         1000000000,
                                         std::int64_t{1} << 62,
                                         (std::int64_t{1} << 62) - 1,
                                         std::numeric_limits<std::int64_t>::max(),
                                         std::numeric_limits<std::int64_t>::max() - 1,
                                         std::numeric_limits<std::int64_t>::min(),
                                         255,
                                         256,
                                         4294967295,
                                         4294967296,
                                         -4294967296,
                                         20000};
    const std::uint8_t s = byte();
    if (s >= 0xE0) return static_cast<std::int64_t>(raw64());
    return table[s % (sizeof table / sizeof table[0])];
  }
  // A parameter whose value sets an allocation (population sizes): small values or errors.
  std::int64_t small_count() {
    static const std::int64_t table[] = {-1, 0, 1, 2, 5, 17, 10001, 20000};
    return table[byte() % (sizeof table / sizeof table[0])];
  }

  std::size_t size() {
    static const std::size_t huge[] = {std::numeric_limits<std::size_t>::max(),
                                       std::numeric_limits<std::size_t>::max() / 2 + 1,
                                       std::numeric_limits<std::size_t>::max() / 3 + 1,
                                       std::size_t{1} << 62, std::size_t{1} << 63};
    const std::uint8_t s = byte();
    if (s >= 0xF8) return huge[s % 5];
    return s % 8;
  }

  std::vector<double> reals() {
    std::vector<double> v(byte() % 5);
    for (auto& x : v) x = real();
    return v;
  }
  std::vector<std::int64_t> counts() {
    std::vector<std::int64_t> v(byte() % 4);
    for (auto& x : v) x = byte() % 2 ? small_count() : integer();
    return v;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// Huge sizes are only for the calls whose output is at least 4 bytes per element: a valid count
// of bools or bytes that large would be an honest (MemoryError) allocation, not a bug.
std::size_t wide(std::size_t n) { return n; }

template <class G>
void generator_op(G& g, int op, Input& in) {
  const std::size_t n = in.size();
  switch (op) {
    case 0:
      g.random(wide(n));
      break;
    case 1:
      g.template random<float>(n);
      break;
    case 2:
      g.integers(in.integer(), in.integer(), n, in.byte() % 2 != 0);
      break;
    case 3:
      g.template integers<std::uint8_t>(in.integer(), in.integer(), n % 8);
      break;
    case 4:
      g.template integers<bool>(in.integer(), in.integer(), n % 8);
      break;
    case 5:
      g.uniform(in.real(), in.real(), n);
      break;
    case 6:
      g.standard_normal(n);
      break;
    case 7:
      g.normal(in.real(), in.real(), n);
      break;
    case 8:
      g.standard_exponential(n, in.byte() % 2 ? "zig" : "inv");
      break;
    case 9:
      g.exponential(in.real(), n);
      break;
    case 10:
      g.standard_gamma(in.real(), n);
      break;
    case 11:
      g.template standard_gamma<float>(in.real(), n);
      break;
    case 12:
      g.gamma(in.real(), in.real(), n);
      break;
    case 13:
      g.beta(in.real(), in.real(), n);
      break;
    case 14:
      g.chisquare(in.real(), n);
      break;
    case 15:
      g.noncentral_chisquare(in.real(), in.real(), n);
      break;
    case 16:
      g.f(in.real(), in.real(), n);
      break;
    case 17:
      g.noncentral_f(in.real(), in.real(), in.real(), n);
      break;
    case 18:
      g.standard_cauchy(n);
      break;
    case 19:
      g.standard_t(in.real(), n);
      break;
    case 20:
      g.vonmises(in.real(), in.real(), n);
      break;
    case 21:
      g.pareto(in.real(), n);
      break;
    case 22:
      g.weibull(in.real(), n);
      break;
    case 23:
      g.power(in.real(), n);
      break;
    case 24:
      g.laplace(in.real(), in.real(), n);
      break;
    case 25:
      g.gumbel(in.real(), in.real(), n);
      break;
    case 26:
      g.logistic(in.real(), in.real(), n);
      break;
    case 27:
      g.lognormal(in.real(), in.real(), n);
      break;
    case 28:
      g.rayleigh(in.real(), n);
      break;
    case 29:
      g.wald(in.real(), in.real(), n);
      break;
    case 30:
      g.triangular(in.real(), in.real(), in.real(), n);
      break;
    case 31:
      g.binomial(in.integer(), in.real(), n);
      break;
    case 32:
      g.negative_binomial(in.real(), in.real(), n);
      break;
    case 33:
      g.poisson(in.real(), n);
      break;
    case 34:
      g.zipf(in.real(), n);
      break;
    case 35:
      g.geometric(in.real(), n);
      break;
    case 36:
      g.hypergeometric(in.integer(), in.integer(), in.integer(), n);
      break;
    case 37:
      g.logseries(in.real(), n);
      break;
    case 38:
      g.dirichlet(in.reals(), n);
      break;
    case 39:
      g.multinomial(in.integer(), in.reals(), n);
      break;
    case 40: {
      auto colors = in.counts();
      const bool count = in.byte() % 2 != 0;
      if (count) {
        for (auto& c : colors) c = c > 100000 ? 100000 : c;  // 'count' allocates sum(colors)
      }
      g.multivariate_hypergeometric(colors, in.integer(), n, count ? "count" : "marginals");
      break;
    }
    case 41: {
      auto mean = in.reals();
      std::vector<double> cov(mean.size() * mean.size());
      for (auto& c : cov) c = in.real();
      static const char* const checks[] = {"warn", "raise", "ignore", "bogus"};
      static const char* const methods[] = {"svd", "eigh", "cholesky", "bogus"};
      nprandom::set_warning_handler(nullptr);
      g.multivariate_normal(mean, cov, n, checks[in.byte() % 4], in.real(), methods[in.byte() % 4]);
      break;
    }
    case 42:
      g.choice(in.byte() % 2 ? in.integer() : in.small_count(), n, in.byte() % 2 != 0, in.reals(),
               in.byte() % 2 != 0);
      break;
    case 43: {
      auto v = in.reals();
      g.shuffle(v);
      g.permutation(in.small_count());
      break;
    }
    case 44:
      g.bytes(n);
      break;
    default: {
      // one-value forms
      (void)g.normal(in.real(), in.real());
      (void)g.binomial(in.integer(), in.real());
      (void)g.hypergeometric(in.integer(), in.integer(), in.integer());
      (void)g.dirichlet(in.reals());
      (void)g.multinomial(in.integer(), in.reals());
      break;
    }
  }
}

template <class RS>
void random_state_op(RS& rs, int op, Input& in) {
  const std::size_t n = in.size();
  switch (op) {
    case 0:
      rs.random_sample(n);
      break;
    case 1:
      rs.rand(static_cast<std::int64_t>(in.byte() % 4) - 1, in.byte() % 4);
      break;
    case 2:
      rs.randn(in.size());
      break;
    case 3:
      rs.template randint<std::int64_t>(in.integer(), in.integer(), n);
      break;
    case 4:
      rs.template randint<std::uint8_t>(in.integer(), in.integer(), n % 8);
      break;
    case 5:
      rs.template randint<bool>(in.integer(), in.integer(), n % 8);
      break;
    case 6:
      rs.random_integers(in.integer(), in.integer(), n);
      break;
    case 7:
      rs.uniform(in.real(), in.real(), n);
      break;
    case 8:
      rs.standard_normal(n);
      break;
    case 9:
      rs.normal(in.real(), in.real(), n);
      break;
    case 10:
      rs.standard_exponential(n);
      break;
    case 11:
      rs.exponential(in.real(), n);
      break;
    case 12:
      rs.standard_gamma(in.real(), n);
      break;
    case 13:
      rs.gamma(in.real(), in.real(), n);
      break;
    case 14:
      rs.beta(in.real(), in.real(), n);
      break;
    case 15:
      rs.chisquare(in.real(), n);
      break;
    case 16:
      rs.noncentral_chisquare(in.real(), in.real(), n);
      break;
    case 17:
      rs.f(in.real(), in.real(), n);
      break;
    case 18:
      rs.noncentral_f(in.real(), in.real(), in.real(), n);
      break;
    case 19:
      rs.standard_cauchy(n);
      break;
    case 20:
      rs.standard_t(in.real(), n);
      break;
    case 21:
      rs.vonmises(in.real(), in.real(), n);
      break;
    case 22:
      rs.pareto(in.real(), n);
      break;
    case 23:
      rs.weibull(in.real(), n);
      break;
    case 24:
      rs.power(in.real(), n);
      break;
    case 25:
      rs.laplace(in.real(), in.real(), n);
      break;
    case 26:
      rs.gumbel(in.real(), in.real(), n);
      break;
    case 27:
      rs.logistic(in.real(), in.real(), n);
      break;
    case 28:
      rs.lognormal(in.real(), in.real(), n);
      break;
    case 29:
      rs.rayleigh(in.real(), n);
      break;
    case 30:
      rs.wald(in.real(), in.real(), n);
      break;
    case 31:
      rs.triangular(in.real(), in.real(), in.real(), n);
      break;
    case 32:
      rs.binomial(in.integer(), in.real(), n);
      break;
    case 33:
      rs.negative_binomial(in.real(), in.real(), n);
      break;
    case 34:
      rs.poisson(in.real(), n);
      break;
    case 35:
      rs.zipf(in.real(), n);
      break;
    case 36:
      rs.geometric(in.real(), n);
      break;
    case 37:
      rs.hypergeometric(in.integer(), in.integer(), in.integer(), n);
      break;
    case 38:
      rs.logseries(in.real(), n);
      break;
    case 39:
      rs.dirichlet(in.reals(), n);
      break;
    case 40:
      rs.multinomial(in.integer(), in.reals(), n);
      break;
    case 41: {
      auto mean = in.reals();
      std::vector<std::vector<double>> cov(mean.size(), std::vector<double>(mean.size()));
      for (auto& row : cov)
        for (auto& c : row) c = in.real();
      nprandom::set_warning_handler(nullptr);
      rs.multivariate_normal(mean, cov, n, in.byte() % 2 ? "raise" : "ignore", in.real());
      break;
    }
    case 42: {
      const bool replace = in.byte() % 2 != 0;
      rs.choice(replace ? in.integer() : in.small_count(), n, replace, in.reals());
      break;
    }
    case 43: {
      auto v = in.reals();
      rs.shuffle(v);
      rs.permutation(in.small_count());
      break;
    }
    case 44:
      rs.bytes(n % 8);
      break;
    case 45:
      rs.tomaxint(n);
      break;
    default: {
      (void)rs.standard_normal();
      (void)rs.binomial(in.integer(), in.real());
      (void)rs.hypergeometric(in.integer(), in.integer(), in.integer());
      (void)rs.zipf(in.real());
      break;
    }
  }
}

template <class BitGen>
void state_op(BitGen bg, Input& in) {
  auto st = bg.state();
  if (in.byte() % 2) st.bit_generator = "bogus";
  bg.set_state(st);
  (void)bg.next_uint64();
}

// Parses `text` into obj's state. A rejected text must leave obj unchanged (checked by comparing
// the state text before and after); an accepted one must round-trip.
template <class Obj>
void json_op(Obj obj, const std::string& text) {
  const std::string before = nprandom::get_state_json(obj);
  try {
    nprandom::set_state_json(obj, text);
  } catch (const std::invalid_argument&) {
    if (nprandom::get_state_json(obj) != before) __builtin_trap();
    return;
  }
  const std::string after = nprandom::get_state_json(obj);
  Obj copy = obj;
  nprandom::set_state_json(copy, after);
  if (nprandom::get_state_json(copy) != after) __builtin_trap();
}

void run(Input& in) {
  const int engine = in.byte() % 8;
  const int op = in.byte() % 48;
  const std::uint64_t seed = in.byte() | (static_cast<std::uint64_t>(in.byte()) << 8);
  switch (engine) {
    case 0: {
      auto g = nprandom::default_rng(seed);
      generator_op(g, op, in);
      break;
    }
    case 1: {
      nprandom::Generator<nprandom::MT19937> g{nprandom::MT19937(seed)};
      generator_op(g, op, in);
      break;
    }
    case 2: {
      nprandom::Generator<nprandom::Philox> g{nprandom::Philox(seed)};
      generator_op(g, op, in);
      break;
    }
    case 3: {
      nprandom::Generator<nprandom::SFC64> g{nprandom::SFC64(seed)};
      generator_op(g, op, in);
      break;
    }
    case 4: {
      nprandom::Generator<nprandom::PCG64DXSM> g{nprandom::PCG64DXSM(seed)};
      generator_op(g, op, in);
      break;
    }
    case 5: {
      nprandom::RandomState rs(static_cast<std::uint32_t>(seed));
      random_state_op(rs, op, in);
      break;
    }
    case 6: {  // the np.random.* facade: same methods on the global RandomState, under its lock
      nprandom::seed(static_cast<std::uint32_t>(seed));
      nprandom::with_global_random_state(
          [&](nprandom::RandomState& rs) { random_state_op(rs, op, in); });
      if (op == 0) (void)nprandom::rand(static_cast<std::int64_t>(in.byte() % 4) - 1);
      if (op == 1) (void)nprandom::zipf(in.real());
      if (op == 2) (void)nprandom::vonmises(in.real(), in.real());
      break;
    }
    default: {  // state setters
      switch (op % 8) {
        case 0:
          state_op(nprandom::PCG64(seed), in);
          break;
        case 1:
          state_op(nprandom::MT19937(seed), in);
          break;
        case 2:
          state_op(nprandom::Philox(seed), in);
          break;
        case 3:
          state_op(nprandom::SFC64(seed), in);
          break;
        case 4: {
          nprandom::RandomState rs(static_cast<std::uint32_t>(seed));
          auto st = rs.get_state();
          if (in.byte() % 2) st.bit_generator = "bogus";
          st.pos = static_cast<int>(in.integer() % 1000);
          st.has_gauss = in.byte() % 3;
          st.cached_gaussian = in.real();
          rs.set_state(st);
          (void)rs.standard_normal();
          (void)rs.random_sample();
          break;
        }
        case 6:
        case 7: {  // the JSON state parser (state_io.hpp): strict, never UB, object unchanged
          const int target = in.byte() % 7;
          const std::string text = in.rest();
          switch (target) {
            case 0:
              json_op(nprandom::PCG64(seed), text);
              break;
            case 1:
              json_op(nprandom::PCG64DXSM(seed), text);
              break;
            case 2:
              json_op(nprandom::MT19937(seed), text);
              break;
            case 3:
              json_op(nprandom::Philox(seed), text);
              break;
            case 4:
              json_op(nprandom::SFC64(seed), text);
              break;
            case 5: {
              nprandom::RandomState rs(static_cast<std::uint32_t>(seed));
              json_op(rs, text);
              break;
            }
            default: {
              auto g = nprandom::default_rng(seed);
              json_op(g, text);
              break;
            }
          }
          break;
        }
        default: {
          nprandom::SeedSequence ss(seed);
          (void)ss.spawn(in.integer() % 4);
          (void)ss.generate_state(in.byte() % 8);
          break;
        }
      }
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Input in(data, size);
  try {
    run(in);
  } catch (const std::exception&) {
    // NumPy's exceptions (ValueError, OverflowError, MemoryError, ...) are expected.
  }
  return 0;
}
