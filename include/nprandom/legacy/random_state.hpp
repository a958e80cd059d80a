// RandomState: NumPy's legacy random API (numpy/random/mtrand.pyx), bit for bit.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_LEGACY_RANDOM_STATE_HPP
#define NPRANDOM_LEGACY_RANDOM_STATE_HPP

// Mirrors numpy.random.RandomState of NumPy 2.5: the same methods, parameter order, defaults,
// messages and draws. Sampling algorithms live in legacy/distributions.hpp (the frozen legacy
// kernels) and distributions/ (the kernels mtrand.pyx shares with Generator); this file
// validates, sizes and dispatches. Each univariate method is one declaration `NAME_` (kernel,
// parameters with NumPy's names and constraints; detail/broadcast.hpp) whose four forms come from
// NPRANDOM_DRAW_FORMS (detail/draw_forms.hpp): `rs.normal(loc, scale)` one value;
// `rs.normal(loc, scale, n)` a std::vector of n values (NumPy's size=n); `rs.normal(loc, scale,
// out, n)` fills caller memory; `rs.normal({0.0, 1.0, 2.0}, 2.0)`, `rs.poisson(col, {2, 3})`:
// array parameters broadcast with `size` (ndarray; <nprandom/ndarray.hpp>). Discrete methods
// return std::int64_t (C long on LP64); multivariate results are row-major, one row per draw.
// Errors: ValueError/TypeError -> std::invalid_argument, OverflowError -> std::overflow_error,
// NumPy 2.5's texts, checked once per call before anything is drawn. Seeding (MT19937 only): an
// integer in [0, 2^32 - 1] -> init_genrand; a sequence -> init_by_array; nothing -> OS entropy.

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/broadcast.hpp>
#include <nprandom/detail/checked_size.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/integers_broadcast.hpp>
#include <nprandom/detail/kahan_sum.hpp>
#include <nprandom/detail/legacy_frontend.hpp>
#include <nprandom/detail/multivariate_frontend.hpp>
#include <nprandom/distributions/continuous.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/distributions/multivariate.hpp>
#include <nprandom/distributions/permutation.hpp>
#include <nprandom/distributions/uniform.hpp>
#include <nprandom/legacy/distributions.hpp>
#include <nprandom/ndarray.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace nprandom {

/// NumPy's `RandomState.get_state()` (legacy=True) tuple
/// ('MT19937', key[624], pos, has_gauss, cached_gaussian). A NumPy 3-tuple (no gaussian) is a
/// LegacyState with has_gauss = 0 and cached_gaussian = 0.0.
struct LegacyState {
  std::string bit_generator = "MT19937";
  std::array<std::uint32_t, 624> key{};
  int pos = 624;
  int has_gauss = 0;
  double cached_gaussian = 0.0;

  friend bool operator==(const LegacyState& a, const LegacyState& b) noexcept {
    return a.bit_generator == b.bit_generator && a.key == b.key && a.pos == b.pos &&
           a.has_gauss == b.has_gauss && a.cached_gaussian == b.cached_gaussian;
  }
  friend bool operator!=(const LegacyState& a, const LegacyState& b) noexcept { return !(a == b); }
};

/// NumPy's `RandomState.get_state(legacy=False)` dict: the bit generator's state dict
/// (`{'bit_generator': ..., 'state': {...}}`) plus 'has_gauss' and 'gauss'.
template <class BitGenState>
struct RandomStateDict {
  BitGenState state{};
  int has_gauss = 0;
  double gauss = 0.0;

  friend bool operator==(const RandomStateDict& a, const RandomStateDict& b) noexcept {
    return a.state == b.state && a.has_gauss == b.has_gauss && a.gauss == b.gauss;
  }
  friend bool operator!=(const RandomStateDict& a, const RandomStateDict& b) noexcept {
    return !(a == b);
  }
};

#include <nprandom/detail/draw_forms.hpp>  // macros only; undefined at the end of this file

/// numpy.random.RandomState over any bit generator (NumPy allows RandomState(bit_generator));
/// `RandomState` is the MT19937 one. Seeding (constructors and seed()) exists only for MT19937,
/// as in NumPy. get_state()/set_state() of the legacy tuple also need MT19937; the dict form
/// works for any bit generator with state()/set_state().
///
/// Not thread-safe: use one instance per thread, or the global facade (legacy/global.hpp), which
/// locks. Copies are independent streams in the same state (NumPy's pickling round trip).
template <class BitGen = MT19937>
class BasicRandomState {
  using C_ = detail::cons;

 public:
  using bit_generator_type = BitGen;
  static constexpr bool is_mt19937 = std::is_same<BitGen, MT19937>::value;

  /// RandomState(): a bit generator seeded from OS entropy (for MT19937: NumPy's SeedSequence
  /// path, pos = 623).
  BasicRandomState() : BasicRandomState(BitGen()) {}

  /// RandomState(bit_generator): uses that bit generator as is (its state is copied in).
  explicit BasicRandomState(const BitGen& bit_generator)
      : bit_generator_(bit_generator), aug_{&bit_generator_, 0, 0.0} {}

  /// RandomState(seed) with an integer in [0, 2**32 - 1] (init_genrand). Negative or larger
  /// values throw std::invalid_argument("Seed must be between 0 and 2**32 - 1"). MT19937 only.
  template <class Int, detail::enable_if_int_t<Int> = 0, bool B = is_mt19937,
            std::enable_if_t<B, int> = 0>
  explicit BasicRandomState(Int seed) : BasicRandomState(BitGen(0u)) {
    bit_generator_.legacy_seed(MT19937::legacy_seed_value(seed));
  }

  /// RandomState([s0, s1, ...]): init_by_array. Empty -> "Seed must be non-empty"; any value
  /// outside [0, 2**32 - 1] -> "Seed must be between 0 and 2**32 - 1". MT19937 only.
  template <class Range, bool B = is_mt19937,
            std::enable_if_t<B && detail::is_int_range<Range>::value, int> = 0>
  explicit BasicRandomState(const Range& seed) : BasicRandomState(BitGen(0u)) {
    bit_generator_.legacy_seed(seed_words(seed));
  }
  template <class Int, detail::enable_if_int_t<Int> = 0, bool B = is_mt19937,
            std::enable_if_t<B, int> = 0>
  BasicRandomState(std::initializer_list<Int> seed) : BasicRandomState(BitGen(0u)) {
    bit_generator_.legacy_seed(seed_words(seed));
  }

  BasicRandomState(const BasicRandomState& other)
      : bit_generator_(other.bit_generator_),
        aug_{&bit_generator_, other.aug_.has_gauss, other.aug_.gauss},
        binomial_cache_(other.binomial_cache_) {}
  BasicRandomState& operator=(const BasicRandomState& other) {
    bit_generator_ = other.bit_generator_;
    aug_.has_gauss = other.aug_.has_gauss;
    aug_.gauss = other.aug_.gauss;
    binomial_cache_ = other.binomial_cache_;
    return *this;
  }
  ~BasicRandomState() = default;

  /// seed(): re-seed from OS entropy (NumPy's _legacy_seeding(None): key from a fresh
  /// SeedSequence, key[0] = 0x80000000, pos unchanged). Resets the gaussian cache.
  /// For a non-MT19937 bit generator: std::invalid_argument("can only re-seed a MT19937
  /// BitGenerator") (NumPy's TypeError).
  void seed() {
    if constexpr (is_mt19937) {
      bit_generator_.legacy_seed();
      aug_.reset_gauss();
    } else {
      not_mt19937();
    }
  }
  /// seed(s) with an integer in [0, 2**32 - 1]; resets the gaussian cache.
  template <class Int, detail::enable_if_int_t<Int> = 0>
  void seed(Int s) {
    if constexpr (is_mt19937) {
      bit_generator_.legacy_seed(MT19937::legacy_seed_value(s));
      aug_.reset_gauss();
    } else {
      (void)s;
      not_mt19937();
    }
  }
  /// seed([s0, s1, ...]): init_by_array; resets the gaussian cache.
  template <class Range, std::enable_if_t<detail::is_int_range<Range>::value, int> = 0>
  void seed(const Range& s) {
    if constexpr (is_mt19937) {
      bit_generator_.legacy_seed(seed_words(s));
      aug_.reset_gauss();
    } else {
      (void)s;
      not_mt19937();
    }
  }
  template <class Int, detail::enable_if_int_t<Int> = 0>
  void seed(std::initializer_list<Int> s) {
    seed<std::initializer_list<Int>>(s);
  }

  /// get_state() (legacy=True): ('MT19937', key, pos, has_gauss, cached_gaussian). MT19937 only.
  template <bool B = is_mt19937, std::enable_if_t<B, int> = 0>
  LegacyState get_state() const {
    const MT19937State s = bit_generator_.state();
    return LegacyState{s.bit_generator, s.key, s.pos, aug_.has_gauss, aug_.gauss};
  }
  /// get_state(legacy=False): the bit generator's state plus has_gauss and gauss.
  auto get_state_dict() const {
    using S = std::decay_t<decltype(bit_generator_.state())>;
    return RandomStateDict<S>{bit_generator_.state(), aug_.has_gauss, aug_.gauss};
  }
  /// set_state(tuple): "set_state can only be used with legacy MT19937 state instances." unless
  /// bit_generator == "MT19937". Restores the stream including the cached gaussian.
  template <bool B = is_mt19937, std::enable_if_t<B, int> = 0>
  void set_state(const LegacyState& state) {
    if (state.bit_generator != "MT19937") {
      throw std::invalid_argument(
          "set_state can only be used with legacy MT19937 state instances.");
    }
    MT19937State s;
    s.bit_generator = state.bit_generator;
    s.key = state.key;
    s.pos = state.pos;
    bit_generator_.set_state(s);
    aug_.has_gauss = state.has_gauss;
    aug_.gauss = state.cached_gaussian;
  }
  /// set_state(dict): the bit generator's own checks (e.g. "state must be for a MT19937 PRNG").
  template <class S>
  void set_state(const RandomStateDict<S>& state) {
    bit_generator_.set_state(state.state);
    aug_.has_gauss = state.has_gauss;
    aug_.gauss = state.gauss;
  }

  /// The underlying bit generator (NumPy's `_bit_generator`).
  BitGen& bit_generator() noexcept { return bit_generator_; }
  const BitGen& bit_generator() const noexcept { return bit_generator_; }

  /// Same bit-generator state and gaussian cache.
  friend bool operator==(const BasicRandomState& a, const BasicRandomState& b) noexcept {
    return a.bit_generator_ == b.bit_generator_ && a.aug_.has_gauss == b.aug_.has_gauss &&
           a.aug_.gauss == b.aug_.gauss;
  }
  friend bool operator!=(const BasicRandomState& a, const BasicRandomState& b) noexcept {
    return !(a == b);
  }

  /// random_sample(): U[0, 1) (random_standard_uniform).
  double random_sample() noexcept { return distributions::standard_uniform(bit_generator_); }
  std::vector<double> random_sample(std::size_t size) {
    const std::size_t n_checked = detail::checked_elements<double>(size);
    std::vector<double> out(n_checked);
    random_sample(out.data(), n_checked);
    return out;
  }
  void random_sample(double* out, std::size_t n) {
    with_bulk_bitgen(n, [&](auto& bg) {
      if constexpr (std::is_same<std::decay_t<decltype(bg)>, detail::MT19937BlockCursor>::value) {
        bg.fill_doubles(out, n);
      } else {
        distributions::standard_uniform_fill(bg, n, out);
      }
    });
  }
  /// random_sample(size=(2, 3)): a shape (nprandom::ndarray, C order).
  ndarray<double> random_sample(size_arg size) {
    return detail::draw_shaped<double>(size,
                                       [&](double* o, std::size_t n) { random_sample(o, n); });
  }
  /// random(): alias of random_sample.
  double random() noexcept { return random_sample(); }
  std::vector<double> random(std::size_t size) { return random_sample(size); }
  void random(double* out, std::size_t n) { random_sample(out, n); }
  ndarray<double> random(size_arg size) { return random_sample(std::move(size)); }
  /// rand(), rand(d0, d1, ...): random_sample with shape (d0, d1, ...), row-major.
  double rand() noexcept { return random_sample(); }
  /// Dimensions are any integers: a negative one throws "negative dimensions are not allowed",
  /// a shape over NumPy's size limit "array is too big; ..." (both std::invalid_argument).
  template <
      class D0, class... Dims,
      std::enable_if_t<std::is_integral<D0>::value && !std::is_same<D0, bool>::value, int> = 0>
  std::vector<double> rand(D0 d0, Dims... dims) {
    return random_sample(detail::checked_elements<double>(d0, dims...));
  }
  void rand(double* out, std::size_t n) { random_sample(out, n); }

  /// standard_normal(): the legacy polar gaussian (with its cached second value).
  double standard_normal() noexcept { return legacy::gauss(aug_); }
  std::vector<double> standard_normal(std::size_t size) {
    const std::size_t n_checked = detail::checked_elements<double>(size);
    std::vector<double> out(n_checked);
    standard_normal(out.data(), n_checked);
    return out;
  }
  void standard_normal(double* out, std::size_t n) {
    // same values as n gauss() calls, a pair at a time
    with_aug(n, [&](auto& a) { legacy::gauss_fill(a, out, n); });
  }
  ndarray<double> standard_normal(size_arg size) {
    return detail::draw_shaped<double>(size,
                                       [&](double* o, std::size_t n) { standard_normal(o, n); });
  }
  /// randn(), randn(d0, d1, ...): standard_normal with shape (d0, d1, ...), row-major.
  double randn() noexcept { return standard_normal(); }
  template <
      class D0, class... Dims,
      std::enable_if_t<std::is_integral<D0>::value && !std::is_same<D0, bool>::value, int> = 0>
  std::vector<double> randn(D0 d0, Dims... dims) {
    return standard_normal(detail::checked_elements<double>(d0, dims...));
  }
  void randn(double* out, std::size_t n) { standard_normal(out, n); }

  /// normal(loc=0, scale=1): legacy loc + scale * gauss. "scale < 0".
  static constexpr auto normal_ =
      detail::make_method<double>(
          [](auto& s, double loc, double scale) { return legacy::normal(s.aug_, loc, scale); },
          detail::prm<double>("loc"), detail::prm<double>("scale", C_::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double loc, double scale) {
            s.standard_normal(out, n);  // legacy_normal over the batched gaussians
            for (std::size_t i = 0; i < n; ++i)
              out[i] = loc + ::nprandom::detail::mul(scale, out[i]);
          });
  NPRANDOM_DRAW_FORMS(normal, double, (double, loc, = 0.0), (double, scale, = 1.0));

  /// lognormal(mean=0, sigma=1): legacy exp(mean + sigma * gauss). "sigma < 0".
  static constexpr auto lognormal_ =
      detail::make_method<double>(
          [](auto& s, double mean, double sigma) { return legacy::lognormal(s.aug_, mean, sigma); },
          detail::prm<double>("mean"), detail::prm<double>("sigma", C_::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double mean, double sigma) {
            s.standard_normal(out, n);
            ::nprandom::detail::exp_of_affine(out, n, mean, sigma);
          });
  NPRANDOM_DRAW_FORMS(lognormal, double, (double, mean, = 0.0), (double, sigma, = 1.0));

  /// standard_exponential(): legacy inversion -log(1 - U).
  double standard_exponential() noexcept { return legacy::standard_exponential(aug_); }
  std::vector<double> standard_exponential(std::size_t size) {
    const std::size_t n_checked = detail::checked_elements<double>(size);
    std::vector<double> out(n_checked);
    standard_exponential(out.data(), n_checked);
    return out;
  }
  void standard_exponential(double* out, std::size_t n) noexcept {
    // legacy_standard_exponential: -log(1 - U), one double each; the doubles first (straight
    // from the MT block), then the logs in batches
    legacy_doubles(out, n);
    legacy::standard_exponential_from_uniforms(out, n);
  }
  ndarray<double> standard_exponential(size_arg size) {
    return detail::draw_shaped<double>(
        size, [&](double* o, std::size_t n) { standard_exponential(o, n); });
  }

  /// exponential(scale=1): legacy scale * -log(1 - U). "scale < 0".
  static constexpr auto exponential_ =
      detail::make_method<double>(
          [](auto& s, double scale) { return legacy::exponential(s.aug_, scale); },
          detail::prm<double>("scale", C_::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double scale) {
            s.legacy_doubles(out, n);
            legacy::exponential_from_uniforms(out, n, scale);
          });
  NPRANDOM_DRAW_FORMS(exponential, double, (double, scale, = 1.0));

  /// standard_gamma(shape): legacy. "shape < 0".
  static constexpr auto standard_gamma_ =
      detail::make_method<double>(
          [](auto& s, double shape) { return legacy::standard_gamma(s.aug_, shape); },
          detail::prm<double>("shape", C_::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double shape) {
            s.standard_gamma_unchecked(shape, out, n);
          });
  NPRANDOM_DRAW_FORMS(standard_gamma, double, (double, shape));

  /// gamma(shape, scale=1): legacy scale * standard_gamma(shape). "shape < 0", "scale < 0".
  static constexpr auto gamma_ =
      detail::make_method<double>(
          [](auto& s, double shape, double scale) { return legacy::gamma(s.aug_, shape, scale); },
          detail::prm<double>("shape", C_::non_negative),
          detail::prm<double>("scale", C_::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double shape, double scale) {
            s.standard_gamma_unchecked(shape, out, n);
            for (std::size_t i = 0; i < n; ++i) out[i] = scale * out[i];
          });
  NPRANDOM_DRAW_FORMS(gamma, double, (double, shape), (double, scale, = 1.0));

  /// beta(a, b): legacy Johnk / Cheng. "a <= 0", "b <= 0".
  static constexpr auto beta_ =
      detail::make_method<double>(
          [](auto& s, double a, double b) { return legacy::beta(s.aug_, a, b); },
          detail::prm<double>("a", C_::positive), detail::prm<double>("b", C_::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double a, double b) {
            s.with_aug(n, [&](auto& aug) {
              if constexpr (std::is_same<std::decay_t<decltype(aug)>,
                                         legacy::AugBitGen<detail::MT19937BlockCursor>>::value) {
                legacy::beta_fill_batched(aug, a, b, out, n);
              } else {
                legacy::beta_fill(aug, a, b, out, n);
              }
            });
          });
  NPRANDOM_DRAW_FORMS(beta, double, (double, a), (double, b));

  /// chisquare(df): legacy 2 * standard_gamma(df / 2). "df <= 0".
  static constexpr auto chisquare_ =
      detail::make_method<double>([](auto& s, double df) { return legacy::chisquare(s.aug_, df); },
                                  detail::prm<double>("df", C_::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double df) {
            s.standard_gamma_unchecked(df / 2.0, out, n);
            for (std::size_t i = 0; i < n; ++i) out[i] = 2.0 * out[i];
          });
  NPRANDOM_DRAW_FORMS(chisquare, double, (double, df));

  static constexpr auto noncentral_chisquare_ = detail::aug_method<double>(
      legacy::noncentral_chisquare_kernel{}, detail::prm<double>("df", C_::positive),
      detail::prm<double>("nonc", C_::non_negative));
  NPRANDOM_DRAW_FORMS(noncentral_chisquare, double, (double, df), (double, nonc));

  static constexpr auto f_ =
      detail::make_method<double>(
          [](auto& s, double dfnum, double dfden) { return legacy::f(s.aug_, dfnum, dfden); },
          detail::prm<double>("dfnum", C_::positive), detail::prm<double>("dfden", C_::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double dfnum, double dfden) {
            s.with_aug(n, [&](auto& aug) {
              if constexpr (std::is_same<std::decay_t<decltype(aug)>,
                                         legacy::AugBitGen<detail::MT19937BlockCursor>>::value) {
                legacy::f_fill_batched(aug, dfnum, dfden, out, n);
              } else {
                for (std::size_t i = 0; i < n; ++i) out[i] = legacy::f(aug, dfnum, dfden);
              }
            });
          });
  NPRANDOM_DRAW_FORMS(f, double, (double, dfnum), (double, dfden));

  static constexpr auto noncentral_f_ = detail::aug_method<double>(
      [](auto& aug, double dfnum, double dfden, double nonc) {
        return legacy::noncentral_f(aug, dfnum, dfden, nonc);
      },
      detail::prm<double>("dfnum", C_::positive), detail::prm<double>("dfden", C_::positive),
      detail::prm<double>("nonc", C_::non_negative));
  NPRANDOM_DRAW_FORMS(noncentral_f, double, (double, dfnum), (double, dfden), (double, nonc));

  /// standard_cauchy(): gauss / gauss.
  static constexpr auto standard_cauchy_ =
      detail::aug_method<double>(legacy::standard_cauchy_kernel{});
  NPRANDOM_DRAW_FORMS_0(standard_cauchy, double);

  static constexpr auto standard_t_ =
      detail::aug_method<double>([](auto& aug, double df) { return legacy::standard_t(aug, df); },
                                 detail::prm<double>("df", C_::positive));
  NPRANDOM_DRAW_FORMS(standard_t, double, (double, df));

  /// vonmises(mu, kappa). "kappa < 0". kappa where NumPy's legacy loop can never accept (its
  /// constant s rounds to 1: kappa >~ 1.7e16, inf) throws std::invalid_argument instead of
  /// hanging (NumPy never returns; Generator.vonmises handles any kappa).
  static constexpr auto vonmises_ = detail::bg_method<double>(
      legacy::vonmises_kernel{}, detail::prm<double>("mu"),
      detail::prm<double>("kappa", C_::non_negative, &detail::vonmises_guard));
  NPRANDOM_DRAW_FORMS(vonmises, double, (double, mu), (double, kappa));

  static constexpr auto pareto_ =
      detail::bg_method<double>(legacy::pareto_kernel{}, detail::prm<double>("a", C_::positive));
  NPRANDOM_DRAW_FORMS(pareto, double, (double, a));

  static constexpr auto weibull_ = detail::bg_method<double>(
      legacy::weibull_kernel{}, detail::prm<double>("a", C_::non_negative));
  NPRANDOM_DRAW_FORMS(weibull, double, (double, a));

  static constexpr auto power_ =
      detail::bg_method<double>(legacy::power_kernel{}, detail::prm<double>("a", C_::positive));
  NPRANDOM_DRAW_FORMS(power, double, (double, a));

  /// laplace(loc=0, scale=1) (the shared random_laplace). "scale < 0".
  static constexpr auto laplace_ =
      detail::bg_method<double>(distributions::laplace_kernel{}, detail::prm<double>("loc"),
                                detail::prm<double>("scale", C_::non_negative));
  NPRANDOM_DRAW_FORMS(laplace, double, (double, loc, = 0.0), (double, scale, = 1.0));

  /// gumbel(loc=0, scale=1) (the shared random_gumbel). "scale < 0".
  static constexpr auto gumbel_ =
      detail::bg_method<double>(distributions::gumbel_kernel{}, detail::prm<double>("loc"),
                                detail::prm<double>("scale", C_::non_negative));
  NPRANDOM_DRAW_FORMS(gumbel, double, (double, loc, = 0.0), (double, scale, = 1.0));

  /// logistic(loc=0, scale=1) (the shared random_logistic). "scale < 0".
  static constexpr auto logistic_ =
      detail::bg_method<double>(distributions::logistic_kernel{}, detail::prm<double>("loc"),
                                detail::prm<double>("scale", C_::non_negative));
  NPRANDOM_DRAW_FORMS(logistic, double, (double, loc, = 0.0), (double, scale, = 1.0));

  /// rayleigh(scale=1): legacy scale * sqrt(-2 log1p(-U)). "scale < 0".
  static constexpr auto rayleigh_ = detail::bg_method<double>(
      legacy::rayleigh_kernel{}, detail::prm<double>("scale", C_::non_negative));
  NPRANDOM_DRAW_FORMS(rayleigh, double, (double, scale, = 1.0));

  static constexpr auto wald_ = detail::aug_method<double>(
      [](auto& aug, double mean, double scale) { return legacy::wald(aug, mean, scale); },
      detail::prm<double>("mean", C_::positive), detail::prm<double>("scale", C_::positive));
  NPRANDOM_DRAW_FORMS(wald, double, (double, mean), (double, scale));

  /// triangular(left, mode, right) (the shared random_triangular). "left > mode",
  /// "mode > right", "left == right" (over the broadcast pairs for arrays).
  static constexpr auto triangular_ =
      detail::bg_method<double>(distributions::triangular_kernel{}, detail::prm<double>("left"),
                                detail::prm<double>("mode"), detail::prm<double>("right"))
          .with_pre(detail::check_triangular{});
  NPRANDOM_DRAW_FORMS(triangular, double, (double, left), (double, mode), (double, right));

  /// uniform(low=0, high=1): low + (high - low) * U. Unlike Generator, low > high is allowed;
  /// a non-finite high - low throws std::overflow_error("Range exceeds valid bounds").
  static constexpr auto uniform_ = detail::bg_method<double>(
      distributions::uniform_kernel{}, detail::prm<double>("low"), detail::prm<double>("range"));
  double uniform(double low = 0.0, double high = 1.0) {
    return uniform_.one(*this, low, check_uniform(low, high));
  }
  std::vector<double> uniform(double low, double high, std::size_t size) {
    return uniform_.sized(*this, size, low, check_uniform(low, high));
  }
  void uniform(double low, double high, double* out, std::size_t n) {
    uniform_.fill(*this, out, n, low, check_uniform(low, high));
  }
  ndarray<double> uniform(array_arg<double> low, array_arg<double> high, size_arg size = {}) {
    if (low.ndim() == 0 && high.ndim() == 0)
      return uniform_.array(*this, size, low[0], check_uniform(low[0], high[0]));
    return uniform_.array(*this, size, low, detail::uniform_range_array(low, high));
  }

  /// randint<IntType = int64>(low, high): uniform on [low, high) by masked rejection (never
  /// Lemire), NumPy's default dtype being C long (int64). 8/16-bit values and bools come from a
  /// 32-bit buffer that lives for one call (so each scalar call uses a fresh next_uint32).
  /// Errors: "low is out of bounds for <dtype>", "high is out of bounds for <dtype>",
  /// "high <= 0" (low == 0) or "low >= high". A sized call with size 0 returns an empty vector
  /// without checking the bounds (NumPy returns np.empty(0) first). `low`/`high` may be any
  /// integer types; a uint64 range up to 2^64 (exclusive) cannot be written (use
  /// high = 2^64 - 1 or a wider dtype).
  template <
      class IntType = std::int64_t, class Low, class High,
      std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value, int> = 0>
  NPRANDOM_ALWAYS_INLINE IntType randint(Low low, High high) {  // the n == 1 fill's draw
    using U =
        typename std::conditional_t<std::is_same<IntType, bool>::value, std::common_type<bool>,
                                    std::make_unsigned<IntType>>::type;
    const std::uint64_t rng = randint_check<IntType>(low, high);
    return static_cast<IntType>(distributions::bounded_one_masked<U>(
        bit_generator_, static_cast<U>(static_cast<std::uint64_t>(low)), static_cast<U>(rng)));
  }
  /// randint<IntType>(high): uniform on [0, high).
  template <class IntType = std::int64_t, class High,
            std::enable_if_t<std::is_integral<High>::value, int> = 0>
  IntType randint(High high) {
    return randint<IntType>(0, high);
  }
  template <
      class IntType = std::int64_t, class Low, class High,
      std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value, int> = 0>
  std::vector<IntType> randint(Low low, High high, std::size_t size) {
    if constexpr (std::is_same<IntType, bool>::value) {
      // The bits go straight into the vector's words (the values of the fill form; NumPy's
      // masked and Lemire bool draws are the same), over the block cursor for long draws.
      const std::size_t n_checked = detail::checked_elements<bool>(size);
      if (n_checked == 0) return {};
      const std::uint64_t rng64 = randint_check<bool>(low, high);
      std::vector<bool> out;
      with_bulk_bitgen(n_checked, [&](auto& bg) {
        out = distributions::bounded_bool_vector(bg, low != 0, rng64 != 0, n_checked);
      });
      return out;
    } else {
      const std::size_t n_checked = detail::checked_elements<IntType>(size);
      std::vector<IntType> out(n_checked);
      randint(low, high, out.data(), n_checked);
      return out;
    }
  }
  template <
      class IntType, class Low, class High,
      std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value, int> = 0>
  void randint(Low low, High high, IntType* out, std::size_t n) {
    if (n == 0) return;
    randint_fill(low, high, out, n);
  }
  /// Array bounds (ndarray, array_view, std::vector, {..} or {{..}, {..}}, or a scalar for one of
  /// them), broadcast with each other and with `size`: NumPy's _rand_<dtype>_broadcast with the
  /// masked sampler, one draw per output element in C order. IntType is a fixed-width integer
  /// type or bool; bounds are int64 arrays (uint64 for std::uint64_t). Errors as the scalar form,
  /// then "operands could not be broadcast together with shapes ..." before "low >= high".
  template <class IntType = std::int64_t>
  ndarray<IntType> randint(const array_arg<nprandom::detail::integers_bound_t<IntType>>& low,
                           const array_arg<nprandom::detail::integers_bound_t<IntType>>& high,
                           const size_arg& size = {}) {
    static_assert(nprandom::detail::integers_dtype<IntType>::supported,
                  "randint with array bounds: dtype std::int8_t..std::uint64_t or bool");
    return nprandom::detail::with_exact_bounds(low, high, [&](const auto* lo, const auto* hi) {
      if (low.ndim() == 0 && high.ndim() == 0) {  // NumPy's scalar path
        ndarray<IntType> out(size ? *size : shape{});
        randint<IntType>(lo[0], hi[0], out.data(), out.size());
        return out;
      }
      return nprandom::detail::integers_broadcast_draw<IntType>(bit_generator_, lo, low.shape(), hi,
                                                                high.shape(), size, false, true);
    });
  }
  /// randint(high) with array `high`: low = 0.
  template <class IntType = std::int64_t>
  ndarray<IntType> randint(const array_arg<nprandom::detail::integers_bound_t<IntType>>& high) {
    return randint<IntType>(nprandom::detail::integers_bound_t<IntType>{0}, high, size_arg{});
  }

  /// random_integers(low, high): deprecated NumPy API, uniform on [low, high] as int64, i.e.
  /// randint(low, high + 1) (same draws and errors, e.g. "low >= high" for high < low).
  NPRANDOM_ALWAYS_INLINE std::int64_t random_integers(std::int64_t low, std::int64_t high) {
    if (NPRANDOM_UNLIKELY(high == std::numeric_limits<std::int64_t>::max()))
      return random_integers_to_max(low);
    return randint<std::int64_t>(low, high + 1);  // one inline draw (no second instance)
  }
  /// random_integers(high): uniform on [1, high].
  std::int64_t random_integers(std::int64_t high) { return random_integers(1, high); }
  std::vector<std::int64_t> random_integers(std::int64_t low, std::int64_t high, std::size_t size) {
    return with_high_plus_one(high, [&](auto h) { return randint<std::int64_t>(low, h, size); });
  }
  void random_integers(std::int64_t low, std::int64_t high, std::int64_t* out, std::size_t n) {
    with_high_plus_one(high, [&](auto h) { randint<std::int64_t>(low, h, out, n); });
  }

  /// tomaxint(): next_uint64 >> 1, a non-negative C long.
  std::int64_t tomaxint() noexcept {
    return static_cast<std::int64_t>(bit_generator_.next_uint64() >> 1);
  }
  std::vector<std::int64_t> tomaxint(std::size_t size) {
    const std::size_t n_checked = detail::checked_elements<std::int64_t>(size);
    std::vector<std::int64_t> out(n_checked);
    tomaxint(out.data(), n_checked);
    return out;
  }
  void tomaxint(std::int64_t* out, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i) out[i] = tomaxint();
  }

  /// bytes(length): `length` random bytes: randint(0, 2**32, size=ceil(length/4), dtype=uint32)
  /// written little-endian and truncated. Returned as a std::string (Python bytes).
  std::string bytes(std::size_t length) {
    const std::size_t words = length / 4 + (length % 4 != 0 ? 1 : 0);
    std::string out(detail::checked_elements<std::uint32_t>(words) * 4, '\0');
    out.resize(length);
    // random_bytes draws ceil(length / 4) next_uint32 words, as the uint32 randint does (its
    // range is full, so the masked sampler takes each word as it is).
    with_bulk_bitgen(words, [&](auto& bg) {
      if constexpr (std::is_same<std::decay_t<decltype(bg)>, detail::MT19937BlockCursor>::value) {
        const std::size_t whole = length / 4;  // whole words straight from the tempered block
        bg.fill_words_le(&out[0], whole);
        distributions::random_bytes(bg, &out[0] + 4 * whole, length - 4 * whole);
      } else {
        distributions::random_bytes(bg, &out[0], length);
      }
    });
    return out;
  }

  /// binomial(n, p): the frozen legacy binomial (inversion / BTPE), which draws even for n == 0
  /// or p == 0. "p < 0, p > 1 or p is NaN", "n < 0". NumPy broadcasts (p, n) in that order.
  static constexpr auto binomial_ =
      detail::make_method<std::int64_t>(
          [](auto& s, double p, std::int64_t n) {
            return legacy::binomial(s.bit_generator_, p, n, s.binomial_cache_);
          },
          detail::prm<double>("p", C_::bounded_0_1),
          detail::prm<std::int64_t>("n", C_::non_negative_long))
          .with_fill([](auto& s, std::int64_t* out, std::size_t cnt, double p, std::int64_t n) {
            s.with_bulk_bitgen(cnt, [&](auto& bg) {
              legacy::binomial_fill(bg, p, n, s.binomial_cache_, out, cnt);
            });
          });
  std::int64_t binomial(std::int64_t n, double p) { return binomial_.one(*this, p, n); }
  std::vector<std::int64_t> binomial(std::int64_t n, double p, std::size_t size) {
    return binomial_.sized(*this, size, p, n);
  }
  void binomial(std::int64_t n, double p, std::int64_t* out, std::size_t cnt) {
    binomial_.fill(*this, out, cnt, p, n);
  }
  ndarray<std::int64_t> binomial(array_arg<std::int64_t> n, array_arg<double> p,
                                 size_arg size = {}) {
    return binomial_.array(*this, size, p, n);
  }

  /// negative_binomial(n, p): poisson(legacy gamma(n, (1-p)/p)). "n <= 0",
  /// "p < 0, p > 1 or p is NaN" (p = 0 is accepted, as in NumPy).
  static constexpr auto negative_binomial_ = detail::aug_method<std::int64_t>(
      legacy::negative_binomial_kernel{}, detail::prm<double>("n", C_::positive),
      detail::prm<double>("p", C_::bounded_0_1));
  NPRANDOM_DRAW_FORMS(negative_binomial, std::int64_t, (double, n), (double, p));

  static constexpr auto poisson_ = detail::bg_method<std::int64_t>(
      legacy::poisson_kernel{}, detail::prm<double>("lam", C_::legacy_poisson));
  // The one-value forms of poisson, zipf, geometric, hypergeometric and logseries keep their
  // per-parameter setup between calls with the same parameters (the members at the end).
  std::int64_t poisson(double lam = 1.0) {
    poisson_.check_scalars(lam);
    return poisson_sampler_(bit_generator_, lam);
  }
  NPRANDOM_DRAW_FORMS_MANY(poisson, std::int64_t, (double, lam));

  /// zipf(a): the frozen legacy zipf. "a <= 1 or a is NaN". Where NumPy's RandomState.zipf
  /// never returns -- a >= 1025 (2^(a-1) overflows, the test never passes) -- or needs about
  /// 0.023 / (a - 1) attempts per value (a <= 1 + 1e-7: over 2e5, up to 1e14), it throws
  /// std::invalid_argument instead.
  static constexpr auto zipf_ = detail::bg_method<std::int64_t>(
      legacy::zipf_kernel{}, detail::prm<double>("a", C_::gt_1, &detail::zipf_guard));
  std::int64_t zipf(double a) {
    zipf_.check_scalars(a);
    return zipf_setup_.get([](double x) { return legacy::zipf_sampler(x); }, a)(bit_generator_);
  }
  NPRANDOM_DRAW_FORMS_MANY(zipf, std::int64_t, (double, a));

  static constexpr auto geometric_ = detail::bg_method<std::int64_t>(
      legacy::geometric_kernel{}, detail::prm<double>("p", C_::bounded_gt_0_1));
  std::int64_t geometric(double p) {
    geometric_.check_scalars(p);
    return geometric_sampler_(bit_generator_, p);
  }
  NPRANDOM_DRAW_FORMS_MANY(geometric, std::int64_t, (double, p));

  /// hypergeometric(ngood, nbad, nsample): legacy HYP (nsample <= 10) / HRUA. Errors, in
  /// NumPy's order: "ngood + nbad < nsample", "ngood < 0", "nbad < 0",
  /// "nsample < 1 or nsample is NaN" ("... contains NaNs" for arrays).
  static constexpr auto hypergeometric_ =
      detail::bg_method<std::int64_t>(legacy::hypergeometric_kernel{},
                                      detail::prm<std::int64_t>("ngood", C_::non_negative_long),
                                      detail::prm<std::int64_t>("nbad", C_::non_negative),
                                      detail::prm<std::int64_t>("nsample", C_::gte_1))
          .with_pre(detail::check_hypergeometric_sum{false})
          .with_post(detail::hypergeometric_guard{});
  std::int64_t hypergeometric(std::int64_t ngood, std::int64_t nbad, std::int64_t nsample) {
    hypergeometric_.check_scalars(ngood, nbad, nsample);
    return hypergeometric_sampler_(bit_generator_, ngood, nbad, nsample);
  }
  NPRANDOM_DRAW_FORMS_MANY(hypergeometric, std::int64_t, (std::int64_t, ngood),
                           (std::int64_t, nbad), (std::int64_t, nsample));

  /// logseries(p): the legacy Kemp sampler. "p < 0, p >= 1 or p is NaN".
  static constexpr auto logseries_ = detail::bg_method<std::int64_t>(
      legacy::logseries_kernel{}, detail::prm<double>("p", C_::bounded_lt_0_1));
  std::int64_t logseries(double p) {
    logseries_.check_scalars(p);
    return legacy::logseries_from(bit_generator_, p, logseries_r_.get(&legacy::logseries_setup, p));
  }
  NPRANDOM_DRAW_FORMS_MANY(logseries, std::int64_t, (double, p));

  /// multinomial(n, pvals[, size]): rows of d = pvals.size() counts (the legacy binomial: a
  /// zero pval or n = 0 still consumes draws). "pvals < 0, pvals > 1 or pvals contains NaNs",
  /// "sum(pvals[:-1]) > 1.0", "n < 0". pvals[-1] is only range-checked.
  std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals) {
    return multinomial(n, pvals, std::size_t{1});
  }
  std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals,
                                        std::size_t size) {
    std::vector<std::int64_t> out(detail::checked_elements<std::int64_t>(size, pvals.size()), 0);
    multinomial(n, pvals, out.data(), size);
    return out;
  }
  void multinomial(std::int64_t n, const std::vector<double>& pvals, std::int64_t* out,
                   std::size_t size) {
    const std::size_t d = pvals.size();
    const bool one_row = size == 1 && d >= 2;  // the last checked (n, pvals), its row setups
    if (one_row && multinomial_kept_.matches(n, pvals.data(), d)) {
      multinomial_kept_.setups().row(bit_generator_, n, pvals.data(), d, out, legacy::cache_draw{});
      return;
    }
    detail::check_pvals(pvals.data(), d, d, false);
    if (n < 0) throw std::invalid_argument("n < 0");
    if (one_row) multinomial_kept_.remember(n, pvals.data(), d);
    const std::size_t total = detail::checked_elements<std::int64_t>(size, d);
    std::fill(out, out + total, std::int64_t{0});
    // Rows from the checked count: GCC -O3 otherwise sees a constant huge `size` in the loop.
    if (d != 0)
      legacy::multinomial_fill(bit_generator_, n, out, pvals.data(), d, total / d, binomial_cache_);
  }

  /// dirichlet(alpha[, size]): rows of legacy gammas times 1/sum. "alpha <= 0".
  std::vector<double> dirichlet(const std::vector<double>& alpha) {
    return dirichlet(alpha, std::size_t{1});
  }
  std::vector<double> dirichlet(const std::vector<double>& alpha, std::size_t size) {
    std::vector<double> out(detail::checked_elements<double>(size, alpha.size()), 0.0);
    dirichlet(alpha, out.data(), size);
    return out;
  }
  void dirichlet(const std::vector<double>& alpha, double* out, std::size_t size) {
    for (double a : alpha) {
      if (a <= 0) throw std::invalid_argument("alpha <= 0");
    }
    const std::size_t k = alpha.size(), total = detail::checked_elements<double>(size, k);
    detail::with_aug(aug_, total, [&](auto& aug) {  // the block cursor for long draws
      legacy::dirichlet_fill(aug, alpha.data(), k, out, total);
    });
  }

  /// multivariate_normal(mean, cov[, size], check_valid="warn", tol=1e-8): SVD only,
  /// x @ (sqrt(s)[:, None] * vh) + mean. The legacy gaussians are drawn before the
  /// decomposition (bit-exact stream; the transform matches LAPACK to rounding, detail/linalg.hpp).
  /// "cov must be 2 dimensional and square", "mean and cov must have same length", "check_valid
  /// must equal 'warn', 'raise', or 'ignore'", "covariance is not symmetric positive-semidefinite."
  std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                          const std::vector<std::vector<double>>& cov,
                                          std::size_t size, const std::string& check_valid = "warn",
                                          double tol = 1e-8) {
    // cov's row-major copy: the one kept with the last decomposition when cov and tol match it
    const bool kept = mvn_cache_.matches_rows(distributions::mvn_method::svd, cov, tol);
    const std::vector<double> flat = kept ? std::vector<double>() : detail::flatten_cov(cov);
    if (mean.size() != cov.size())
      throw std::invalid_argument("mean and cov must have same length");
    const std::size_t n_checked = detail::checked_elements<double>(size, mean.size());
    std::vector<double> x = standard_normal(n_checked);  // rows: the checked count, not `size`
    distributions::legacy_multivariate_normal_transform(
        mean.data(), kept ? mvn_cache_.cov.data() : flat.data(), mean.size(), check_valid, tol,
        x.data(), mean.empty() ? 0 : n_checked / mean.size(), &mvn_cache_);
    return x;
  }
  std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                          const std::vector<std::vector<double>>& cov) {
    return multivariate_normal(mean, cov, 1);
  }

  /// shuffle(first, last): in-place Fisher-Yates from the end with masked random_interval,
  /// as RandomState.shuffle of a 1-d array or a list.
  template <class RandomIt>
  void shuffle(RandomIt first, RandomIt last) {
    const auto n = static_cast<std::size_t>(last - first);
    if (n < 2) return;
    // i = n-1 .. 1: j = random_interval(i), swap(x[i], x[j]) -- distributions::shuffle_raw (the
    // same draws and swaps, j's drawn a block ahead, the swaps prefetched), over the MT19937
    // block cursor for long ranges.
    with_bulk_bitgen(n, [&](auto& bg) { distributions::shuffle_raw(bg, first, n, 1); });
  }
  /// shuffle(range): shuffles a random-access container in place.
  template <class Range>
  void shuffle(Range& range) {
    shuffle(std::begin(range), std::end(range));
  }

  /// permutation(n): a shuffled arange(n) (empty for n <= 0).
  std::vector<std::int64_t> permutation(std::int64_t n) {
    std::vector<std::int64_t> out(n > 0 ? detail::checked_elements<std::int64_t>(n) : 0);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::int64_t>(i);
    shuffle(out);
    return out;
  }
  /// permutation(x): a shuffled copy of x.
  template <class T>
  std::vector<T> permutation(const std::vector<T>& x) {
    std::vector<T> out(x);
    shuffle(out);
    return out;
  }

  /// choice(a): one element of arange(a) (randint(0, a)). With `replace = false` it is
  /// permutation(a)[0]; with `p` (size a) it is a draw from the cdf of p. Errors as NumPy's
  /// RandomState.choice: "a must be greater than 0 unless no samples are taken",
  /// "'a' and 'p' must have same size", "probabilities contain NaN", "probabilities are not
  /// non-negative", "probabilities do not sum to 1", "Fewer non-zero entries in p than size".
  template <class B = bool, std::enable_if_t<std::is_same<B, bool>::value, int> = 0>
  NPRANDOM_ALWAYS_INLINE std::int64_t choice(std::int64_t a, B replace = true,
                                             const std::vector<double>& p = {}) {
    return detail::legacy_choice_one(*this, a, true, replace, p.empty() ? nullptr : &p);
  }
  /// choice(a, size, replace=true, p={}): `size` draws from arange(a). Without replacement:
  /// "Cannot take a larger sample than population when 'replace=False'".
  template <class Size, detail::enable_if_int_t<Size> = 0>
  std::vector<std::int64_t> choice(std::int64_t a, Size size, bool replace = true,
                                   const std::vector<double>& p = {}) {
    return detail::legacy_choice_indices(*this, a, true, to_size(size), false, replace,
                                         p.empty() ? nullptr : &p);
  }
  /// choice(population): one element. Empty population: "'a' cannot be empty unless no
  /// samples are taken".
  template <class T, class B = bool, std::enable_if_t<std::is_same<B, bool>::value, int> = 0>
  T choice(const std::vector<T>& a, B replace = true, const std::vector<double>& p = {}) {
    return a[static_cast<std::size_t>(detail::legacy_choice_one(
        *this, static_cast<std::int64_t>(a.size()), false, replace, p.empty() ? nullptr : &p))];
  }
  /// choice(population, size, replace=true, p={}).
  template <class T, class Size, detail::enable_if_int_t<Size> = 0>
  std::vector<T> choice(const std::vector<T>& a, Size size, bool replace = true,
                        const std::vector<double>& p = {}) {
    const auto idx =
        detail::legacy_choice_indices(*this, static_cast<std::int64_t>(a.size()), false,
                                      to_size(size), false, replace, p.empty() ? nullptr : &p);
    std::vector<T> out;
    out.reserve(idx.size());
    for (auto i : idx) out.push_back(a[static_cast<std::size_t>(i)]);
    return out;
  }

 private:
  [[noreturn]] static void not_mt19937() {
    throw std::invalid_argument("can only re-seed a MT19937 BitGenerator");
  }

  template <class Range>
  static std::vector<std::uint32_t> seed_words(const Range& seed) {
    std::vector<std::uint32_t> words;
    for (const auto& v : seed) words.push_back(MT19937::legacy_seed_value(v));
    if (words.empty()) throw std::invalid_argument("Seed must be non-empty");
    return words;
  }

  template <class Size>
  static std::size_t to_size(Size size) {
    if constexpr (std::is_signed<Size>::value) {
      if (size < 0) throw std::invalid_argument("negative dimensions are not allowed");
    }
    return static_cast<std::size_t>(size);
  }

  // The bulk paths of detail/legacy_frontend.hpp (the MT19937 block cursor for long draws).
  template <class F>
  void with_bulk_bitgen(std::size_t n, F&& f) {
    detail::with_bulk_bitgen(bit_generator_, n, f);
  }
  template <class F>
  void with_aug(std::size_t n, F&& f) {
    detail::with_aug(aug_, n, f);
  }
  void standard_gamma_unchecked(double shape, double* out, std::size_t n) {
    detail::legacy_standard_gamma_fill(aug_, shape, out, n);
  }
  void legacy_doubles(double* out, std::size_t n) noexcept {
    detail::legacy_doubles(bit_generator_, out, n);
  }

  static double check_uniform(double low, double high) {
    const double range = high - low;
    if (!detail::isfinite(range)) throw std::overflow_error("Range exceeds valid bounds");
    return range;
  }
  // random_integers(low, INT64_MAX) = randint(low, 2**63), out of line.
  NPRANDOM_NOINLINE std::int64_t random_integers_to_max(std::int64_t low) {
    return randint<std::int64_t>(low, std::uint64_t{1} << 63);
  }
  // random_integers(low, high) = randint(low, int(high) + 1): calls f(high + 1), passing 2**63
  // as a uint64 when high == INT64_MAX (a valid exclusive bound for int64, as in NumPy).
  template <class F>
  static decltype(auto) with_high_plus_one(std::int64_t high, F&& f) {
    if (high == std::numeric_limits<std::int64_t>::max()) {
      return f(static_cast<std::uint64_t>(high) + 1u);
    }
    return f(high + 1);
  }

  // randint's bound checks (NumPy's messages); the width high - 1 - low of the closed range.
  template <class IntType, class Low, class High>
  static std::uint64_t randint_check(Low low, High high) {
    static_assert(std::is_integral<Low>::value && std::is_integral<High>::value,
                  "randint bounds must be integers");
    static_assert(std::is_integral<IntType>::value && sizeof(IntType) <= 8,
                  "randint dtype must be an integer type of at most 64 bits, or bool");
    using Lim = std::numeric_limits<IntType>;
    constexpr IntType lb = std::is_same<IntType, bool>::value ? IntType(0) : Lim::min();
    constexpr IntType ub = std::is_same<IntType, bool>::value ? IntType(1) : Lim::max();
    using LbT = std::conditional_t<std::is_same<IntType, bool>::value, int, IntType>;
    const LbT lbv = static_cast<LbT>(lb);
    const LbT ubv = static_cast<LbT>(ub);
    using detail::cmp_equal;
    using detail::cmp_less;
    // The throws out of line (detail::legacy_randint_fail), so that a scalar randint inlines.
    if (cmp_less(low, lbv)) detail::legacy_randint_fail(0, detail::dtype_name<IntType>());
    // high - 1 > ub, without computing high - 1 in a type that could wrap.
    if (cmp_less(ubv, high) && !cmp_equal(high - 1, ubv))
      detail::legacy_randint_fail(1, detail::dtype_name<IntType>());
    if (!cmp_less(low, high)) detail::legacy_randint_fail(low == 0 ? 2 : 3, "");  // low > high - 1
    // Closed range [low, high - 1] as unsigned offset and width (two's complement).
    return static_cast<std::uint64_t>(high) - 1u - static_cast<std::uint64_t>(low);
  }

  // The scalar-bounds path of _rand_<dtype> (numpy/random/_bounded_integers.pyx.in), masked.
  template <class Low, class High, class IntType>
  void randint_fill(Low low, High high, IntType* out, std::size_t n) {
    const std::uint64_t rng64 = randint_check<IntType>(low, high);
    with_bulk_bitgen(n, [&](auto& bg) {
      if constexpr (std::is_same<IntType, bool>::value) {
        distributions::bounded_bool_fill(bg, low != 0, rng64 != 0, n, true, out);
      } else {
        using U = std::make_unsigned_t<IntType>;
        const U off = static_cast<U>(static_cast<std::uint64_t>(low));
        const U rng = static_cast<U>(rng64);
        if constexpr (sizeof(IntType) == 8) {
          distributions::bounded_uint64_fill(bg, off, rng, n, true,
                                             reinterpret_cast<std::uint64_t*>(out));
        } else if constexpr (sizeof(IntType) == 4) {
          distributions::bounded_uint32_fill(bg, off, rng, n, true,
                                             reinterpret_cast<std::uint32_t*>(out));
        } else if constexpr (sizeof(IntType) == 2) {
          distributions::bounded_uint16_fill(bg, off, rng, n, true,
                                             reinterpret_cast<std::uint16_t*>(out));
        } else {
          distributions::bounded_uint8_fill(bg, off, rng, n, true,
                                            reinterpret_cast<std::uint8_t*>(out));
        }
      }
    });
  }

  friend struct detail::legacy_access;
  BasicRandomState& draw_state_() noexcept { return *this; }  // what the kernels take
  BitGen bit_generator_;
  legacy::AugBitGen<BitGen> aug_;
  legacy::BinomialCache binomial_cache_;
  distributions::mvn_factor_cache mvn_cache_;  // multivariate_normal's last decomposition
  // One-value setups kept between calls with the same parameters (only save work; a copy of the
  // RandomState starts without them).
  distributions::poisson_sampler poisson_sampler_;
  detail::kept_setup<legacy::zipf_sampler, 1> zipf_setup_;
  legacy::geometric_sampler geometric_sampler_;
  legacy::hypergeometric_sampler hypergeometric_sampler_;
  detail::kept_setup<double, 1> logseries_r_;
  detail::choice_p_cache choice_p_cache_;  // choice's last valid p (one-value calls)
  detail::multinomial_kept<legacy::BinomialCache> multinomial_kept_;  // one-row calls
};

/// numpy.random.RandomState: the legacy API over MT19937.
using RandomState = BasicRandomState<MT19937>;

}  // namespace nprandom

#include <nprandom/detail/draw_forms_undef.hpp>

#endif  // NPRANDOM_LEGACY_RANDOM_STATE_HPP
