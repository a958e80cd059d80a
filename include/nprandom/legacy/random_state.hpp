// RandomState: NumPy's legacy random API (numpy/random/mtrand.pyx), bit for bit.
#ifndef NPRANDOM_LEGACY_RANDOM_STATE_HPP
#define NPRANDOM_LEGACY_RANDOM_STATE_HPP

// Mirrors numpy.random.RandomState of NumPy 2.5: the same methods, parameter order, defaults,
// validation messages and draws. Sampling algorithms live in legacy/distributions.hpp (the frozen
// legacy kernels) and in distributions/ (the kernels mtrand.pyx shares with Generator: uniform,
// laplace, gumbel, logistic, triangular, poisson, the geometric search, bounded integers,
// random_interval). This file only validates, sizes and dispatches.
//
// Draw forms (as everywhere in nprandom): `rs.normal(loc, scale)` -> one value;
// `rs.normal(loc, scale, n)` -> std::vector of n values, identical to NumPy's `size=n` (a NumPy
// shape (a, b) is the row-major a*b); `rs.normal(loc, scale, out, n)` fills caller memory;
// `rs.normal({0.0, 1.0, 2.0}, 2.0)`, `rs.poisson(lam_column, {2, 3})`: array parameters broadcast
// with `size` by NumPy's rules (ndarray result with its shape; see <nprandom/ndarray.hpp>). The
// univariate methods are each one detail::method declaration giving all four forms.
// Discrete methods return std::int64_t (NumPy's C long on LP64). Multivariate results are
// row-major, one row per draw.
//
// Errors: NumPy's ValueError and TypeError -> std::invalid_argument, OverflowError ->
// std::overflow_error, with NumPy 2.5's message text. Validation happens once per call, before
// anything is drawn.
//
// Seeding (MT19937 only, as in NumPy): an integer in [0, 2^32 - 1] -> init_genrand; a non-empty
// sequence of such integers -> init_by_array; nothing -> OS entropy. RandomState([5]) differs
// from RandomState(5), as in NumPy.

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/broadcast.hpp>
#include <nprandom/detail/checked_size.hpp>
#include <nprandom/detail/draw_forms.hpp>  // scope: ends before the end of this file
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/integers_broadcast.hpp>
#include <nprandom/detail/kahan_sum.hpp>
#include <nprandom/distributions/continuous.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/distributions/multivariate.hpp>
#include <nprandom/distributions/uniform.hpp>
#include <nprandom/legacy/distributions.hpp>
#include <nprandom/ndarray.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
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

namespace legacy {
namespace detail {

// Parameter checks use the one constraint vocabulary of <nprandom/detail/broadcast.hpp>.
[[noreturn]] inline void fail(const std::string& msg) { throw std::invalid_argument(msg); }

// nprandom's refusals where NumPy's legacy kernels never return (docs/reliability.md), run per
// value after NumPy's own checks.
inline void vonmises_guard(double kappa) {
  if (kappa >= 1e-8 && !(vonmises_s(kappa) > 1.0)) {
    fail(
        "kappa too large for the legacy vonmises algorithm (NumPy never returns); use "
        "Generator.vonmises");
  }
}
inline void zipf_guard(double a) {
  if (a >= 1025.0) {
    fail(
        "a >= 1025: the legacy zipf algorithm never returns (NumPy loops forever); use "
        "Generator.zipf");
  }
  if (a <= 1.0 + 1e-7) {
    fail(
        "a <= 1 + 1e-7: the legacy zipf algorithm needs over 2e5 attempts per value there, 1e14 "
        "near a = 1 (NumPy "
        "effectively hangs); use Generator.zipf");
  }
}
// Not NumPy: its legacy HRUA computes popsize + 2 in int64, which wraps for ngood + nbad >
// 2**63 - 3, and then never returns. Reject instead of hanging.
struct hypergeometric_guard {
  void operator()(const array_arg<std::int64_t>& good, const array_arg<std::int64_t>& bad,
                  const array_arg<std::int64_t>& nsample) const {
    shape out;
    try {
      out = ::nprandom::detail::broadcast_shapes({&good.shape(), &bad.shape(), &nsample.shape()});
    } catch (const std::invalid_argument&) {
      return;  // the draw reports the mismatch with NumPy's text
    }
    ::nprandom::detail::broadcast_walk w(out, {&good.shape(), &bad.shape(), &nsample.shape()});
    for (std::size_t i = 0; i < out.count(); ++i, w.next()) {
      const std::int64_t g = good[w.offset(0)], b = bad[w.offset(1)];
      if (nsample[w.offset(2)] > 10 && g + b > std::numeric_limits<std::int64_t>::max() - 2) {
        fail(
            "ngood + nbad > 9223372036854775805: the legacy hypergeometric algorithm overflows "
            "there and NumPy never "
            "returns");
      }
    }
  }
};

// ---- integer comparisons across signedness (C++20's std::cmp_less, for C++17) ----
template <class A, class B>
constexpr bool cmp_less(A a, B b) noexcept {
  if constexpr (std::is_signed<A>::value == std::is_signed<B>::value) {
    return a < b;
  } else if constexpr (std::is_signed<A>::value) {
    return a < 0 || static_cast<std::make_unsigned_t<A>>(a) < b;
  } else {
    return b >= 0 && a < static_cast<std::make_unsigned_t<B>>(b);
  }
}
template <class A, class B>
constexpr bool cmp_equal(A a, B b) noexcept {
  return !cmp_less(a, b) && !cmp_less(b, a);
}

// NumPy's dtype names for randint's messages.
template <class IntType>
constexpr const char* dtype_name() noexcept {
  if constexpr (std::is_same<IntType, bool>::value) {
    return "bool";
  } else if constexpr (std::is_signed<IntType>::value) {
    return sizeof(IntType) == 1   ? "int8"
           : sizeof(IntType) == 2 ? "int16"
           : sizeof(IntType) == 4 ? "int32"
                                  : "int64";
  } else {
    return sizeof(IntType) == 1   ? "uint8"
           : sizeof(IntType) == 2 ? "uint16"
           : sizeof(IntType) == 4 ? "uint32"
                                  : "uint64";
  }
}

template <class T>
using enable_if_int_t =
    std::enable_if_t<std::is_integral<T>::value && !std::is_same<T, bool>::value, int>;

// A sequence of seed integers (vector, array, initializer_list, ...).
template <class T, class = void>
struct is_int_range : std::false_type {};
template <class T>
struct is_int_range<T, std::void_t<decltype(std::begin(std::declval<const T&>())),
                                   decltype(std::end(std::declval<const T&>()))>>
    : std::integral_constant<
          bool,
          std::is_integral<std::decay_t<decltype(*std::begin(std::declval<const T&>()))>>::value> {
};

// A read cursor over a copy of an MT19937's state for long sized draws: each 624-word block is
// twisted and tempered in one vectorisable pass, then handed out word by word; commit() writes
// the key and position back. The words, and so every value drawn through it, are exactly those
// of next_uint32() on the generator itself -- only faster (NumPy's RandomState draws one word at
// a time through a function pointer). Provides the kernel interface (next_uint32, next_uint64,
// next_double with MT19937's 53-bit double).
class MT19937BlockCursor {
 public:
  explicit MT19937BlockCursor(MT19937& bg) : bg_(bg), st_(bg.state()), pos_(st_.pos) {
    for (int i = pos_; i < nprandom::detail::mt19937_n; ++i) {
      buf_[static_cast<std::size_t>(i)] =
          nprandom::detail::mt19937_temper(st_.key[static_cast<std::size_t>(i)]);
    }
  }
  MT19937BlockCursor(const MT19937BlockCursor&) = delete;
  MT19937BlockCursor& operator=(const MT19937BlockCursor&) = delete;

  NPRANDOM_ALWAYS_INLINE std::uint32_t next_uint32() noexcept {
    if (NPRANDOM_UNLIKELY(pos_ >= nprandom::detail::mt19937_n)) refill();
    return buf_[static_cast<std::size_t>(pos_++)];
  }
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
    const std::uint64_t hi = next_uint32();
    return (hi << 32) | next_uint32();
  }
  NPRANDOM_ALWAYS_INLINE double next_double() noexcept {
    const std::uint32_t a = next_uint32();
    return nprandom::detail::rounded(nprandom::detail::mt19937_to_double(a, next_uint32()));
  }
  // n consecutive next_double() values, converted straight from the tempered block (the
  // per-word block check is only paid at block edges).
  void fill_doubles(double* out, std::size_t n) noexcept {
    constexpr int nw = nprandom::detail::mt19937_n;
    while (n != 0) {
      if (pos_ >= nw - 1) {  // a pair that straddles (or starts at) a block edge
        *out++ = next_double();
        --n;
        continue;
      }
      std::size_t k = static_cast<std::size_t>(nw - pos_) / 2;
      if (k > n) k = n;
      const std::uint32_t* w = buf_.data() + pos_;
      for (std::size_t i = 0; i < k; ++i) {
        out[i] = ::nprandom::detail::mt19937_to_double(w[2 * i], w[2 * i + 1]);
      }
      pos_ += static_cast<int>(2 * k);
      out += k;
      n -= k;
    }
  }
  // The position in the stream, to go back to (restore() re-tempers the block).
  struct Snapshot {
    std::array<std::uint32_t, nprandom::detail::mt19937_n> key;
    int pos;
  };
  Snapshot snapshot() const noexcept { return Snapshot{st_.key, pos_}; }
  void restore(const Snapshot& s) noexcept {
    st_.key = s.key;
    for (std::size_t i = 0; i < buf_.size(); ++i)
      buf_[i] = nprandom::detail::mt19937_temper(st_.key[i]);
    pos_ = s.pos;
  }
  // Writes the advanced state back to the generator.
  void commit() {
    st_.pos = pos_;
    bg_.set_state(st_);
  }

 private:
  void refill() noexcept {
    nprandom::detail::mt19937_twist(st_.key);
    for (std::size_t i = 0; i < buf_.size(); ++i)
      buf_[i] = nprandom::detail::mt19937_temper(st_.key[i]);
    pos_ = 0;
  }

  MT19937& bg_;
  MT19937State st_;
  std::array<std::uint32_t, nprandom::detail::mt19937_n> buf_;
  int pos_;
};

}  // namespace detail
}  // namespace legacy

/// numpy.random.RandomState over any bit generator (NumPy allows RandomState(bit_generator));
/// `RandomState` is the MT19937 one. Seeding (constructors and seed()) exists only for MT19937,
/// as in NumPy. get_state()/set_state() of the legacy tuple also need MT19937; the dict form
/// works for any bit generator with state()/set_state().
///
/// Not thread-safe: use one instance per thread, or the global facade (legacy/global.hpp), which
/// locks. Copies are independent streams in the same state (NumPy's pickling round trip).
template <class BitGen = MT19937>
class BasicRandomState {
 public:
  using bit_generator_type = BitGen;
  static constexpr bool is_mt19937 = std::is_same<BitGen, MT19937>::value;

  // ---- construction and seeding ----

  /// RandomState(): a bit generator seeded from OS entropy (for MT19937: NumPy's SeedSequence
  /// path, pos = 623).
  BasicRandomState() : BasicRandomState(BitGen()) {}

  /// RandomState(bit_generator): uses that bit generator as is (its state is copied in).
  explicit BasicRandomState(const BitGen& bit_generator)
      : bit_generator_(bit_generator), aug_{&bit_generator_, 0, 0.0} {}

  /// RandomState(seed) with an integer in [0, 2**32 - 1] (init_genrand). Negative or larger
  /// values throw std::invalid_argument("Seed must be between 0 and 2**32 - 1"). MT19937 only.
  template <class Int, legacy::detail::enable_if_int_t<Int> = 0, bool B = is_mt19937,
            std::enable_if_t<B, int> = 0>
  explicit BasicRandomState(Int seed) : BasicRandomState(BitGen(0u)) {
    bit_generator_.legacy_seed(MT19937::legacy_seed_value(seed));
  }

  /// RandomState([s0, s1, ...]): init_by_array. Empty -> "Seed must be non-empty"; any value
  /// outside [0, 2**32 - 1] -> "Seed must be between 0 and 2**32 - 1". MT19937 only.
  template <class Range, bool B = is_mt19937,
            std::enable_if_t<B && legacy::detail::is_int_range<Range>::value, int> = 0>
  explicit BasicRandomState(const Range& seed) : BasicRandomState(BitGen(0u)) {
    bit_generator_.legacy_seed(seed_words(seed));
  }
  template <class Int, legacy::detail::enable_if_int_t<Int> = 0, bool B = is_mt19937,
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
  template <class Int, legacy::detail::enable_if_int_t<Int> = 0>
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
  template <class Range, std::enable_if_t<legacy::detail::is_int_range<Range>::value, int> = 0>
  void seed(const Range& s) {
    if constexpr (is_mt19937) {
      bit_generator_.legacy_seed(seed_words(s));
      aug_.reset_gauss();
    } else {
      (void)s;
      not_mt19937();
    }
  }
  template <class Int, legacy::detail::enable_if_int_t<Int> = 0>
  void seed(std::initializer_list<Int> s) {
    seed<std::initializer_list<Int>>(s);
  }

  // ---- state ----

  /// get_state() (legacy=True): ('MT19937', key, pos, has_gauss, cached_gaussian). MT19937 only.
  template <bool B = is_mt19937, std::enable_if_t<B, int> = 0>
  LegacyState get_state() const {
    const MT19937State s = bit_generator_.state();
    LegacyState out;
    out.bit_generator = s.bit_generator;
    out.key = s.key;
    out.pos = s.pos;
    out.has_gauss = aug_.has_gauss;
    out.cached_gaussian = aug_.gauss;
    return out;
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

  // ---- uniform floats: random_sample / random / rand ----

  /// random_sample(): U[0, 1) (random_standard_uniform).
  double random_sample() noexcept { return distributions::standard_uniform(bit_generator_); }
  std::vector<double> random_sample(std::size_t size) {
    std::vector<double> out(detail::checked_elements<double>(size));
    random_sample(out.data(), size);
    return out;
  }
  void random_sample(double* out, std::size_t n) {
    with_bulk_bitgen(n, [&](auto& bg) {
      if constexpr (std::is_same<std::decay_t<decltype(bg)>,
                                 legacy::detail::MT19937BlockCursor>::value) {
        bg.fill_doubles(out, n);
      } else {
        distributions::standard_uniform_fill(bg, n, out);
      }
    });
  }
  /// random(): alias of random_sample.
  double random() noexcept { return random_sample(); }
  std::vector<double> random(std::size_t size) { return random_sample(size); }
  void random(double* out, std::size_t n) { random_sample(out, n); }
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

  // ---- normal family ----

  /// standard_normal(): the legacy polar gaussian (with its cached second value).
  double standard_normal() noexcept { return legacy::gauss(aug_); }
  std::vector<double> standard_normal(std::size_t size) {
    std::vector<double> out(detail::checked_elements<double>(size));
    standard_normal(out.data(), size);
    return out;
  }
  void standard_normal(double* out, std::size_t n) {
    // same values as n gauss() calls, a pair at a time
    with_bulk_bitgen(n, [&](auto& bg) {
      legacy::AugBitGen<std::decay_t<decltype(bg)>> a{&bg, aug_.has_gauss, aug_.gauss};
      legacy::gauss_fill(a, out, n);
      aug_.has_gauss = a.has_gauss;
      aug_.gauss = a.gauss;
    });
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

  // Each method below is ONE declaration (detail::method: kernel, parameters with NumPy's names
  // and constraints in NumPy's check and broadcast order, an optional bulk fill); its four forms
  // -- one value, `size` values, fill, array parameters broadcast with `size` (ndarray) -- are
  // one-line calls of that declaration.

  /// normal(loc=0, scale=1): legacy loc + scale * gauss. "scale < 0".
  static constexpr auto normal_ =
      detail::make_method<double>(
          [](auto& s, double loc, double scale) { return legacy::normal(s.aug_, loc, scale); },
          detail::prm<double>("loc"), detail::prm<double>("scale", detail::cons::non_negative))
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
          detail::prm<double>("mean"), detail::prm<double>("sigma", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double mean, double sigma) {
            s.standard_normal(out, n);
            for (std::size_t i = 0; i < n; ++i)
              out[i] = ::nprandom::detail::exp(mean + ::nprandom::detail::mul(sigma, out[i]));
          });
  NPRANDOM_DRAW_FORMS(lognormal, double, (double, mean, = 0.0), (double, sigma, = 1.0));

  // ---- exponential / gamma family ----

  /// standard_exponential(): legacy inversion -log(1 - U).
  double standard_exponential() noexcept { return legacy::standard_exponential(aug_); }
  std::vector<double> standard_exponential(std::size_t size) {
    return sized(size, [&](double* o, std::size_t n) { standard_exponential(o, n); });
  }
  void standard_exponential(double* out, std::size_t n) noexcept {
    // legacy_standard_exponential: -log(1 - U), one double each; the doubles first (straight
    // from the MT block), then the logs in one branch-free pass
    legacy_doubles(out, n);
    for (std::size_t i = 0; i < n; ++i) out[i] = -::nprandom::detail::log(1.0 - out[i]);
  }

  /// exponential(scale=1): legacy scale * -log(1 - U). "scale < 0".
  static constexpr auto exponential_ =
      detail::make_method<double>(
          [](auto& s, double scale) { return legacy::exponential(s.aug_, scale); },
          detail::prm<double>("scale", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double scale) {
            s.legacy_doubles(out, n);
            for (std::size_t i = 0; i < n; ++i)
              out[i] = scale * -::nprandom::detail::log(1.0 - out[i]);
          });
  NPRANDOM_DRAW_FORMS(exponential, double, (double, scale, = 1.0));

  /// standard_gamma(shape): legacy. "shape < 0".
  static constexpr auto standard_gamma_ =
      detail::make_method<double>(
          [](auto& s, double shape) { return legacy::standard_gamma(s.aug_, shape); },
          detail::prm<double>("shape", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double shape) {
            s.standard_gamma_unchecked(shape, out, n);
          });
  NPRANDOM_DRAW_FORMS(standard_gamma, double, (double, shape));

  /// gamma(shape, scale=1): legacy scale * standard_gamma(shape). "shape < 0", "scale < 0".
  static constexpr auto gamma_ =
      detail::make_method<double>(
          [](auto& s, double shape, double scale) { return legacy::gamma(s.aug_, shape, scale); },
          detail::prm<double>("shape", detail::cons::non_negative),
          detail::prm<double>("scale", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double shape, double scale) {
            s.standard_gamma_unchecked(shape, out, n);
            for (std::size_t i = 0; i < n; ++i) out[i] = scale * out[i];
          });
  NPRANDOM_DRAW_FORMS(gamma, double, (double, shape), (double, scale, = 1.0));

  /// beta(a, b): legacy Johnk / Cheng. "a <= 0", "b <= 0".
  static constexpr auto beta_ =
      detail::make_method<double>(
          [](auto& s, double a, double b) { return legacy::beta(s.aug_, a, b); },
          detail::prm<double>("a", detail::cons::positive),
          detail::prm<double>("b", detail::cons::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double a, double b) {
            s.with_aug(n, [&](auto& aug) {
              if constexpr (std::is_same<
                                std::decay_t<decltype(aug)>,
                                legacy::AugBitGen<legacy::detail::MT19937BlockCursor>>::value) {
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
                                  detail::prm<double>("df", detail::cons::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double df) {
            s.standard_gamma_unchecked(df / 2.0, out, n);
            for (std::size_t i = 0; i < n; ++i) out[i] = 2.0 * out[i];
          });
  NPRANDOM_DRAW_FORMS(chisquare, double, (double, df));

  /// noncentral_chisquare(df, nonc). "df <= 0", "nonc < 0".
  static constexpr auto noncentral_chisquare_ =
      detail::make_method<double>(
          [](auto& s, double df, double nonc) {
            return legacy::noncentral_chisquare(s.aug_, df, nonc);
          },
          detail::prm<double>("df", detail::cons::positive),
          detail::prm<double>("nonc", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double df, double nonc) {
            s.fill_aug(out, n,
                       [&](auto& aug) { return legacy::noncentral_chisquare(aug, df, nonc); });
          });
  NPRANDOM_DRAW_FORMS(noncentral_chisquare, double, (double, df), (double, nonc));

  /// f(dfnum, dfden). "dfnum <= 0", "dfden <= 0".
  static constexpr auto f_ =
      detail::make_method<double>(
          [](auto& s, double dfnum, double dfden) { return legacy::f(s.aug_, dfnum, dfden); },
          detail::prm<double>("dfnum", detail::cons::positive),
          detail::prm<double>("dfden", detail::cons::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double dfnum, double dfden) {
            s.fill_aug(out, n, [&](auto& aug) { return legacy::f(aug, dfnum, dfden); });
          });
  NPRANDOM_DRAW_FORMS(f, double, (double, dfnum), (double, dfden));

  /// noncentral_f(dfnum, dfden, nonc). "dfnum <= 0", "dfden <= 0", "nonc < 0".
  static constexpr auto noncentral_f_ =
      detail::make_method<double>(
          [](auto& s, double dfnum, double dfden, double nonc) {
            return legacy::noncentral_f(s.aug_, dfnum, dfden, nonc);
          },
          detail::prm<double>("dfnum", detail::cons::positive),
          detail::prm<double>("dfden", detail::cons::positive),
          detail::prm<double>("nonc", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double dfnum, double dfden,
                        double nonc) {
            s.fill_aug(out, n,
                       [&](auto& aug) { return legacy::noncentral_f(aug, dfnum, dfden, nonc); });
          });
  NPRANDOM_DRAW_FORMS(noncentral_f, double, (double, dfnum), (double, dfden), (double, nonc));

  /// standard_cauchy(): gauss / gauss.
  static constexpr auto standard_cauchy_ = detail::make_method<double>([](auto& s) {
                                             return legacy::standard_cauchy(s.aug_);
                                           }).with_fill([](auto& s, double* out, std::size_t n) {
    s.fill_aug(out, n, [&](auto& aug) { return legacy::standard_cauchy(aug); });
  });
  NPRANDOM_DRAW_FORMS_0(standard_cauchy, double);

  /// standard_t(df). "df <= 0".
  static constexpr auto standard_t_ =
      detail::make_method<double>([](auto& s, double df) { return legacy::standard_t(s.aug_, df); },
                                  detail::prm<double>("df", detail::cons::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double df) {
            s.fill_aug(out, n, [&](auto& aug) { return legacy::standard_t(aug, df); });
          });
  NPRANDOM_DRAW_FORMS(standard_t, double, (double, df));

  /// vonmises(mu, kappa). "kappa < 0". kappa where NumPy's legacy loop can never accept (its
  /// constant s rounds to 1: kappa >~ 1.7e16, inf) throws std::invalid_argument instead of
  /// hanging (NumPy never returns; Generator.vonmises handles any kappa).
  static constexpr auto vonmises_ =
      detail::make_method<double>(
          [](auto& s, double mu, double kappa) {
            return legacy::vonmises(s.bit_generator_, mu, kappa);
          },
          detail::prm<double>("mu"),
          detail::prm<double>("kappa", detail::cons::non_negative, &legacy::detail::vonmises_guard))
          .with_fill([](auto& s, double* out, std::size_t n, double mu, double kappa) {
            s.fill_bg(out, n, [&](auto& bg) { return legacy::vonmises(bg, mu, kappa); });
          });
  NPRANDOM_DRAW_FORMS(vonmises, double, (double, mu), (double, kappa));

  /// pareto(a). "a <= 0".
  static constexpr auto pareto_ =
      detail::make_method<double>([](auto& s, double a) { return legacy::pareto(s.aug_, a); },
                                  detail::prm<double>("a", detail::cons::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double a) {
            s.fill_aug(out, n, [&](auto& aug) { return legacy::pareto(aug, a); });
          });
  NPRANDOM_DRAW_FORMS(pareto, double, (double, a));

  /// weibull(a). "a < 0".
  static constexpr auto weibull_ =
      detail::make_method<double>([](auto& s, double a) { return legacy::weibull(s.aug_, a); },
                                  detail::prm<double>("a", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double a) {
            s.fill_aug(out, n, [&](auto& aug) { return legacy::weibull(aug, a); });
          });
  NPRANDOM_DRAW_FORMS(weibull, double, (double, a));

  /// power(a). "a <= 0".
  static constexpr auto power_ =
      detail::make_method<double>([](auto& s, double a) { return legacy::power(s.aug_, a); },
                                  detail::prm<double>("a", detail::cons::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double a) {
            s.fill_aug(out, n, [&](auto& aug) { return legacy::power(aug, a); });
          });
  NPRANDOM_DRAW_FORMS(power, double, (double, a));

  /// laplace(loc=0, scale=1) (the shared random_laplace). "scale < 0".
  static constexpr auto laplace_ =
      detail::make_method<double>(
          [](auto& s, double loc, double scale) {
            return distributions::laplace(s.bit_generator_, loc, scale);
          },
          detail::prm<double>("loc"), detail::prm<double>("scale", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double loc, double scale) {
            s.fill_bg(out, n, [&](auto& bg) { return distributions::laplace(bg, loc, scale); });
          });
  NPRANDOM_DRAW_FORMS(laplace, double, (double, loc, = 0.0), (double, scale, = 1.0));

  /// gumbel(loc=0, scale=1) (the shared random_gumbel). "scale < 0".
  static constexpr auto gumbel_ =
      detail::make_method<double>(
          [](auto& s, double loc, double scale) {
            return distributions::gumbel(s.bit_generator_, loc, scale);
          },
          detail::prm<double>("loc"), detail::prm<double>("scale", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double loc, double scale) {
            s.fill_bg(out, n, [&](auto& bg) { return distributions::gumbel(bg, loc, scale); });
          });
  NPRANDOM_DRAW_FORMS(gumbel, double, (double, loc, = 0.0), (double, scale, = 1.0));

  /// logistic(loc=0, scale=1) (the shared random_logistic). "scale < 0".
  static constexpr auto logistic_ =
      detail::make_method<double>(
          [](auto& s, double loc, double scale) {
            return distributions::logistic(s.bit_generator_, loc, scale);
          },
          detail::prm<double>("loc"), detail::prm<double>("scale", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double loc, double scale) {
            s.fill_bg(out, n, [&](auto& bg) { return distributions::logistic(bg, loc, scale); });
          });
  NPRANDOM_DRAW_FORMS(logistic, double, (double, loc, = 0.0), (double, scale, = 1.0));

  /// rayleigh(scale=1): legacy scale * sqrt(-2 log1p(-U)). "scale < 0".
  static constexpr auto rayleigh_ =
      detail::make_method<double>(
          [](auto& s, double scale) { return legacy::rayleigh(s.bit_generator_, scale); },
          detail::prm<double>("scale", detail::cons::non_negative))
          .with_fill([](auto& s, double* out, std::size_t n, double scale) {
            s.fill_bg(out, n, [&](auto& bg) { return legacy::rayleigh(bg, scale); });
          });
  NPRANDOM_DRAW_FORMS(rayleigh, double, (double, scale, = 1.0));

  /// wald(mean, scale). "mean <= 0", "scale <= 0".
  static constexpr auto wald_ =
      detail::make_method<double>(
          [](auto& s, double mean, double scale) { return legacy::wald(s.aug_, mean, scale); },
          detail::prm<double>("mean", detail::cons::positive),
          detail::prm<double>("scale", detail::cons::positive))
          .with_fill([](auto& s, double* out, std::size_t n, double mean, double scale) {
            s.fill_aug(out, n, [&](auto& aug) { return legacy::wald(aug, mean, scale); });
          });
  NPRANDOM_DRAW_FORMS(wald, double, (double, mean), (double, scale));

  /// triangular(left, mode, right) (the shared random_triangular). "left > mode",
  /// "mode > right", "left == right" (over the broadcast pairs for arrays).
  static constexpr auto triangular_ =
      detail::make_method<double>(
          [](auto& s, double left, double mode, double right) {
            return distributions::triangular(s.bit_generator_, left, mode, right);
          },
          detail::prm<double>("left"), detail::prm<double>("mode"), detail::prm<double>("right"))
          .with_fill([](auto& s, double* out, std::size_t n, double left, double mode,
                        double right) {
            s.fill_bg(out, n,
                      [&](auto& bg) { return distributions::triangular(bg, left, mode, right); });
          })
          .with_pre(detail::check_triangular{});
  NPRANDOM_DRAW_FORMS(triangular, double, (double, left), (double, mode), (double, right));

  /// uniform(low=0, high=1): low + (high - low) * U. Unlike Generator, low > high is allowed;
  /// a non-finite high - low throws std::overflow_error("Range exceeds valid bounds").
  static constexpr auto uniform_ =
      detail::make_method<double>(
          [](auto& s, double low, double range) {
            return distributions::uniform(s.bit_generator_, low, range);
          },
          detail::prm<double>("low"), detail::prm<double>("range"))
          .with_fill([](auto& s, double* out, std::size_t n, double low, double range) {
            s.fill_bg(out, n, [&](auto& bg) { return distributions::uniform(bg, low, range); });
          });
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

  // ---- integers ----

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
  IntType randint(Low low, High high) {
    IntType out{};
    randint_fill(low, high, &out, 1);
    return out;
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
      std::unique_ptr<bool[]> tmp(new bool[size == 0 ? 1 : detail::checked_elements<bool>(size)]);
      randint(low, high, tmp.get(), size);
      return std::vector<bool>(tmp.get(), tmp.get() + size);
    } else {
      std::vector<IntType> out(detail::checked_elements<IntType>(size));
      randint(low, high, out.data(), size);
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
    if (low.ndim() == 0 && high.ndim() == 0) {  // NumPy's scalar path
      const shape s = size ? *size : shape{};
      const std::size_t n = s.count(sizeof(IntType));
      std::unique_ptr<IntType[]> tmp(new IntType[n == 0 ? 1 : n]);
      randint<IntType>(low[0], high[0], tmp.get(), n);
      return ndarray<IntType>(std::vector<IntType>(tmp.get(), tmp.get() + n), s);
    }
    return nprandom::detail::integers_broadcast_draw<IntType>(
        bit_generator_, low.data(), low.shape(), high.data(), high.shape(), size, false, true);
  }
  /// randint(high) with array `high`: low = 0.
  template <class IntType = std::int64_t>
  ndarray<IntType> randint(const array_arg<nprandom::detail::integers_bound_t<IntType>>& high) {
    return randint<IntType>(nprandom::detail::integers_bound_t<IntType>{0}, high, size_arg{});
  }

  /// random_integers(low, high): deprecated NumPy API, uniform on [low, high] as int64, i.e.
  /// randint(low, high + 1) (same draws and errors, e.g. "low >= high" for high < low).
  std::int64_t random_integers(std::int64_t low, std::int64_t high) {
    return with_high_plus_one(high, [&](auto h) { return randint<std::int64_t>(low, h); });
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
    std::vector<std::int64_t> out(detail::checked_elements<std::int64_t>(size));
    tomaxint(out.data(), size);
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
    for (std::size_t i = 0; i < words; ++i) {
      const std::uint32_t w = bit_generator_.next_uint32();
      for (std::size_t k = 0; k < 4; ++k) {
        out[4 * i + k] = static_cast<char>(static_cast<unsigned char>((w >> (8 * k)) & 0xffu));
      }
    }
    out.resize(length);
    return out;
  }

  // ---- discrete distributions ----

  /// binomial(n, p): the frozen legacy binomial (inversion / BTPE), which draws even for n == 0
  /// or p == 0. "p < 0, p > 1 or p is NaN", "n < 0". NumPy broadcasts (p, n) in that order.
  static constexpr auto binomial_ =
      detail::make_method<std::int64_t>(
          [](auto& s, double p, std::int64_t n) {
            return legacy::binomial(s.bit_generator_, p, n, s.binomial_cache_);
          },
          detail::prm<double>("p", detail::cons::bounded_0_1),
          detail::prm<std::int64_t>("n", detail::cons::non_negative_long))
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
  static constexpr auto negative_binomial_ =
      detail::make_method<std::int64_t>(
          [](auto& s, double n, double p) { return legacy::negative_binomial(s.aug_, n, p); },
          detail::prm<double>("n", detail::cons::positive),
          detail::prm<double>("p", detail::cons::bounded_0_1))
          .with_fill([](auto& s, std::int64_t* out, std::size_t cnt, double n, double p) {
            s.fill_aug(out, cnt, [&](auto& aug) { return legacy::negative_binomial(aug, n, p); });
          });
  NPRANDOM_DRAW_FORMS(negative_binomial, std::int64_t, (double, n), (double, p));

  /// poisson(lam=1). "lam < 0 or lam is NaN", "lam value too large".
  static constexpr auto poisson_ =
      detail::make_method<std::int64_t>(
          [](auto& s, double lam) { return legacy::poisson(s.bit_generator_, lam); },
          detail::prm<double>("lam", detail::cons::legacy_poisson))
          .with_fill([](auto& s, std::int64_t* out, std::size_t n, double lam) {
            s.fill_bg(out, n, [&](auto& bg) { return legacy::poisson(bg, lam); });
          });
  NPRANDOM_DRAW_FORMS(poisson, std::int64_t, (double, lam, = 1.0));

  /// zipf(a): the frozen legacy zipf. "a <= 1 or a is NaN". Where NumPy's RandomState.zipf
  /// never returns -- a >= 1025 (2^(a-1) overflows, the test never passes) -- or needs about
  /// 0.023 / (a - 1) attempts per value (a <= 1 + 1e-7: over 2e5, up to 1e14), it throws
  /// std::invalid_argument instead.
  static constexpr auto zipf_ =
      detail::make_method<std::int64_t>(
          [](auto& s, double a) { return legacy::zipf(s.bit_generator_, a); },
          detail::prm<double>("a", detail::cons::gt_1, &legacy::detail::zipf_guard))
          .with_fill([](auto& s, std::int64_t* out, std::size_t n, double a) {
            s.fill_bg(out, n, [&](auto& bg) { return legacy::zipf(bg, a); });
          });
  NPRANDOM_DRAW_FORMS(zipf, std::int64_t, (double, a));

  /// geometric(p). "p <= 0, p > 1 or p contains NaNs".
  static constexpr auto geometric_ =
      detail::make_method<std::int64_t>(
          [](auto& s, double p) { return legacy::geometric(s.bit_generator_, p); },
          detail::prm<double>("p", detail::cons::bounded_gt_0_1))
          .with_fill([](auto& s, std::int64_t* out, std::size_t n, double p) {
            s.fill_bg(out, n, [&](auto& bg) { return legacy::geometric(bg, p); });
          });
  NPRANDOM_DRAW_FORMS(geometric, std::int64_t, (double, p));

  /// hypergeometric(ngood, nbad, nsample): legacy HYP (nsample <= 10) / HRUA. Errors, in
  /// NumPy's order: "ngood + nbad < nsample", "ngood < 0", "nbad < 0",
  /// "nsample < 1 or nsample is NaN" ("... contains NaNs" for arrays).
  static constexpr auto hypergeometric_ =
      detail::make_method<std::int64_t>(
          [](auto& s, std::int64_t ngood, std::int64_t nbad, std::int64_t nsample) {
            return legacy::hypergeometric(s.bit_generator_, ngood, nbad, nsample);
          },
          detail::prm<std::int64_t>("ngood", detail::cons::non_negative_long),
          detail::prm<std::int64_t>("nbad", detail::cons::non_negative),
          detail::prm<std::int64_t>("nsample", detail::cons::gte_1))
          .with_fill([](auto& s, std::int64_t* out, std::size_t n, std::int64_t ngood,
                        std::int64_t nbad, std::int64_t nsample) {
            s.fill_bg(out, n,
                      [&](auto& bg) { return legacy::hypergeometric(bg, ngood, nbad, nsample); });
          })
          .with_pre(detail::check_hypergeometric_sum{false})
          .with_post(legacy::detail::hypergeometric_guard{});
  NPRANDOM_DRAW_FORMS(hypergeometric, std::int64_t, (std::int64_t, ngood), (std::int64_t, nbad),
                      (std::int64_t, nsample));

  /// logseries(p): the legacy Kemp sampler. "p < 0, p >= 1 or p is NaN".
  static constexpr auto logseries_ =
      detail::make_method<std::int64_t>(
          [](auto& s, double p) { return legacy::logseries(s.bit_generator_, p); },
          detail::prm<double>("p", detail::cons::bounded_lt_0_1))
          .with_fill([](auto& s, std::int64_t* out, std::size_t n, double p) {
            s.fill_bg(out, n, [&](auto& bg) { return legacy::logseries(bg, p); });
          });
  NPRANDOM_DRAW_FORMS(logseries, std::int64_t, (double, p));

  // ---- multivariate distributions (row-major, one row per draw) ----

  /// multinomial(n, pvals): one draw of d = pvals.size() counts (NumPy 2.5: the legacy binomial,
  /// so a zero pval or n = 0 still consumes draws). pvals[-1] is only range-checked. Errors:
  /// "pvals < 0, pvals > 1 or pvals contains NaNs", "sum(pvals[:-1]) > 1.0", "n < 0".
  std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals) {
    return multinomial(n, pvals, std::size_t{1});
  }
  /// multinomial(n, pvals, size): size rows of d counts.
  std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals,
                                        std::size_t size) {
    std::vector<std::int64_t> out(detail::checked_elements<std::int64_t>(size, pvals.size()), 0);
    multinomial(n, pvals, out.data(), size);
    return out;
  }
  /// multinomial fill form: writes size rows of pvals.size() counts to out.
  void multinomial(std::int64_t n, const std::vector<double>& pvals, std::int64_t* out,
                   std::size_t size) {
    const std::size_t d = pvals.size();
    check_multinomial(n, pvals);
    std::fill(out, out + detail::checked_elements<std::int64_t>(size, d), std::int64_t{0});
    for (std::size_t i = 0; d != 0 && i < size; ++i) {
      legacy::multinomial(bit_generator_, n, out + i * d, pvals.data(), d, binomial_cache_);
    }
  }

  /// dirichlet(alpha): one draw of k = alpha.size() values (legacy gammas times 1/sum).
  /// "alpha <= 0" if any alpha <= 0.
  std::vector<double> dirichlet(const std::vector<double>& alpha) {
    return dirichlet(alpha, std::size_t{1});
  }
  /// dirichlet(alpha, size): size rows of k values.
  std::vector<double> dirichlet(const std::vector<double>& alpha, std::size_t size) {
    std::vector<double> out(detail::checked_elements<double>(size, alpha.size()), 0.0);
    dirichlet(alpha, out.data(), size);
    return out;
  }
  /// dirichlet fill form: writes size rows of alpha.size() values to out.
  void dirichlet(const std::vector<double>& alpha, double* out, std::size_t size) {
    for (double a : alpha) {
      if (a <= 0) throw std::invalid_argument("alpha <= 0");
    }
    const std::size_t k = alpha.size();
    const std::size_t total = detail::checked_elements<double>(size, k);
    for (std::size_t i = 0; i < total; i += k) {
      double acc = 0.0;
      for (std::size_t j = 0; j < k; ++j) {
        out[i + j] = legacy::standard_gamma(aug_, alpha[j]);
        acc = acc + out[i + j];
      }
      const double invacc = 1 / acc;
      for (std::size_t j = 0; j < k; ++j) out[i + j] = out[i + j] * invacc;
    }
  }

  /// multivariate_normal(mean, cov, size, check_valid="warn", tol=1e-8): SVD only,
  /// x @ (sqrt(s)[:, None] * vh) + mean. The normals (legacy gauss) are drawn before the
  /// decomposition, so the stream is bit-exact; the transform agrees with NumPy's LAPACK to
  /// rounding only (see detail/linalg.hpp). Errors: "cov must be 2 dimensional and square",
  /// "mean and cov must have same length", "check_valid must equal 'warn', 'raise', or
  /// 'ignore'", "covariance is not symmetric positive-semidefinite." (check_valid="raise";
  /// "warn" goes to nprandom's warning handler).
  std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                          const std::vector<std::vector<double>>& cov,
                                          std::size_t size, const std::string& check_valid = "warn",
                                          double tol = 1e-8) {
    const std::size_t d = mean.size();
    for (const auto& row : cov) {
      if (row.size() != cov.size()) {
        throw std::invalid_argument("cov must be 2 dimensional and square");
      }
    }
    if (d != cov.size()) throw std::invalid_argument("mean and cov must have same length");
    std::vector<double> x = standard_normal(detail::checked_elements<double>(size, d));
    std::vector<double> flat;
    flat.reserve(d * d);
    for (const auto& row : cov) flat.insert(flat.end(), row.begin(), row.end());
    distributions::legacy_multivariate_normal_transform(mean.data(), flat.data(), d, check_valid,
                                                        tol, x.data(), size);
    return x;
  }
  /// multivariate_normal(mean, cov): one draw (NumPy's size=None).
  std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                          const std::vector<std::vector<double>>& cov) {
    return multivariate_normal(mean, cov, 1);
  }

  // ---- permutations and choice ----

  /// shuffle(first, last): in-place Fisher-Yates from the end with masked random_interval,
  /// as RandomState.shuffle of a 1-d array or a list.
  template <class RandomIt>
  void shuffle(RandomIt first, RandomIt last) {
    const auto n = static_cast<std::uint64_t>(last - first);
    if (n < 2) return;
    for (std::uint64_t i = n - 1; i >= 1; --i) {
      const std::uint64_t j = distributions::random_interval(bit_generator_, i);
      using std::swap;
      swap(first[static_cast<std::ptrdiff_t>(i)], first[static_cast<std::ptrdiff_t>(j)]);
    }
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
  std::int64_t choice(std::int64_t a, B replace = true, const std::vector<double>& p = {}) {
    return choice_indices(a, true, 1, true, replace, p.empty() ? nullptr : &p)[0];
  }
  /// choice(a, size, replace=true, p={}): `size` draws from arange(a). Without replacement:
  /// "Cannot take a larger sample than population when 'replace=False'".
  template <class Size, legacy::detail::enable_if_int_t<Size> = 0>
  std::vector<std::int64_t> choice(std::int64_t a, Size size, bool replace = true,
                                   const std::vector<double>& p = {}) {
    return choice_indices(a, true, to_size(size), false, replace, p.empty() ? nullptr : &p);
  }
  /// choice(population): one element. Empty population: "'a' cannot be empty unless no
  /// samples are taken".
  template <class T, class B = bool, std::enable_if_t<std::is_same<B, bool>::value, int> = 0>
  T choice(const std::vector<T>& a, B replace = true, const std::vector<double>& p = {}) {
    const auto idx = choice_indices(static_cast<std::int64_t>(a.size()), false, 1, true, replace,
                                    p.empty() ? nullptr : &p);
    return a[static_cast<std::size_t>(idx[0])];
  }
  /// choice(population, size, replace=true, p={}).
  template <class T, class Size, legacy::detail::enable_if_int_t<Size> = 0>
  std::vector<T> choice(const std::vector<T>& a, Size size, bool replace = true,
                        const std::vector<double>& p = {}) {
    const auto idx = choice_indices(static_cast<std::int64_t>(a.size()), false, to_size(size),
                                    false, replace, p.empty() ? nullptr : &p);
    std::vector<T> out;
    out.reserve(idx.size());
    for (auto i : idx) out.push_back(a[static_cast<std::size_t>(i)]);
    return out;
  }

 private:
  // ---- helpers ----
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

  // Runs f(bg) with bg = the bit generator, or for MT19937 and long draws (n >= 2048) a
  // block cursor over it (same words, tempered a block at a time; see MT19937BlockCursor).
  template <class F>
  void with_bulk_bitgen(std::size_t n, F&& f) {
    if constexpr (is_mt19937) {
      if (n >= 2048) {
        legacy::detail::MT19937BlockCursor cursor(bit_generator_);
        f(cursor);
        cursor.commit();
        return;
      }
    }
    f(bit_generator_);
  }

  // n standard_gamma(shape) values (the batched Marsaglia-Tsang path on the block cursor).
  void standard_gamma_unchecked(double shape, double* out, std::size_t n) {
    with_aug(n, [&](auto& aug) {
      if constexpr (std::is_same<std::decay_t<decltype(aug)>,
                                 legacy::AugBitGen<legacy::detail::MT19937BlockCursor>>::value) {
        legacy::standard_gamma_fill_batched(aug, shape, out, n);
      } else {
        legacy::standard_gamma_fill(aug, shape, out, n);
      }
    });
  }

  // out[i] = legacy_double (the bit generator's next_double), n times.
  void legacy_doubles(double* out, std::size_t n) noexcept {
    with_bulk_bitgen(n, [&](auto& bg) {
      if constexpr (std::is_same<std::decay_t<decltype(bg)>,
                                 legacy::detail::MT19937BlockCursor>::value) {
        bg.fill_doubles(out, n);
      } else {
        for (std::size_t i = 0; i < n; ++i) out[i] = bg.next_double();
      }
    });
  }

  // f(aug) with aug = the augmented state (gaussian cache) over with_bulk_bitgen's generator;
  // the cache is carried in and out.
  template <class F>
  void with_aug(std::size_t n, F&& f) {
    with_bulk_bitgen(n, [&](auto& bg) {
      legacy::AugBitGen<std::decay_t<decltype(bg)>> aug{&bg, aug_.has_gauss, aug_.gauss};
      f(aug);
      aug_.has_gauss = aug.has_gauss;
      aug_.gauss = aug.gauss;
    });
  }

  // out[i] = draw(aug) for a kernel on the augmented state (gaussian cache), over
  // with_bulk_bitgen's generator; the cache is carried in and out.
  template <class T, class F>
  void fill_aug(T* out, std::size_t n, F&& draw) {
    with_bulk_bitgen(n, [&](auto& bg) {
      legacy::AugBitGen<std::decay_t<decltype(bg)>> aug{&bg, aug_.has_gauss, aug_.gauss};
      for (std::size_t i = 0; i < n; ++i) out[i] = draw(aug);
      aug_.has_gauss = aug.has_gauss;
      aug_.gauss = aug.gauss;
    });
  }
  // out[i] = draw(bg) for a kernel on the bare bit generator.
  template <class T, class F>
  void fill_bg(T* out, std::size_t n, F&& draw) {
    with_bulk_bitgen(n, [&](auto& bg) {
      for (std::size_t i = 0; i < n; ++i) out[i] = draw(bg);
    });
  }
  template <class F>
  static std::vector<double> sized(std::size_t size, F&& fill_fn) {
    std::vector<double> out(detail::checked_elements<double>(size));
    fill_fn(out.data(), size);
    return out;
  }

  // ---- validation (NumPy's order) ----
  static double check_uniform(double low, double high) {
    const double range = high - low;
    if (!std::isfinite(range)) throw std::overflow_error("Range exceeds valid bounds");
    return range;
  }
  static void check_multinomial(std::int64_t n, const std::vector<double>& pvals) {
    for (double v : pvals) {
      if (!(v >= 0) || !(v <= 1)) {
        throw std::invalid_argument("pvals < 0, pvals > 1 or pvals contains NaNs");
      }
    }
    if (!pvals.empty() && detail::kahan_sum(pvals.data(), pvals.size() - 1) > (1.0 + 1e-12)) {
      throw std::invalid_argument("sum(pvals[:-1]) > 1.0");
    }
    if (n < 0) throw std::invalid_argument("n < 0");
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

  // The scalar-bounds path of _rand_<dtype> (numpy/random/_bounded_integers.pyx.in), masked.
  template <class Low, class High, class IntType>
  void randint_fill(Low low, High high, IntType* out, std::size_t n) {
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
    using legacy::detail::cmp_equal;
    using legacy::detail::cmp_less;
    if (cmp_less(low, lbv)) {
      throw std::invalid_argument(std::string("low is out of bounds for ") +
                                  legacy::detail::dtype_name<IntType>());
    }
    // high - 1 > ub, without computing high - 1 in a type that could wrap.
    if (cmp_less(ubv, high) && !cmp_equal(high - 1, ubv)) {
      throw std::invalid_argument(std::string("high is out of bounds for ") +
                                  legacy::detail::dtype_name<IntType>());
    }
    if (!cmp_less(low, high)) {  // low > high - 1
      throw std::invalid_argument(low == 0 ? "high <= 0" : "low >= high");
    }
    // Closed range [low, high - 1] as unsigned offset and width (two's complement).
    const std::uint64_t rng64 =
        static_cast<std::uint64_t>(high) - 1u - static_cast<std::uint64_t>(low);
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

  // NumPy's choice index logic (mtrand.pyx RandomState.choice). `is_scalar`: size=None.
  std::vector<std::int64_t> choice_indices(std::int64_t pop_size, bool a_is_int, std::size_t size,
                                           bool is_scalar, bool replace,
                                           const std::vector<double>* p) {
    const bool samples = is_scalar || size != 0;
    if (a_is_int) {
      if (pop_size <= 0 && samples) {
        throw std::invalid_argument("a must be greater than 0 unless no samples are taken");
      }
    } else if (pop_size == 0 && samples) {
      throw std::invalid_argument("'a' cannot be empty unless no samples are taken");
    }
    if (p != nullptr) {
      if (static_cast<std::int64_t>(p->size()) != pop_size) {
        throw std::invalid_argument("'a' and 'p' must have same size");
      }
      const double p_sum = detail::kahan_sum(p->data(), p->size());
      if (std::isnan(p_sum)) throw std::invalid_argument("probabilities contain NaN");
      for (double v : *p) {
        if (v < 0) throw std::invalid_argument("probabilities are not non-negative");
      }
      const double atol = 1.4901161193847656e-08;  // sqrt(float64 eps)
      if (std::fabs(p_sum - 1.) > atol)
        throw std::invalid_argument("probabilities do not sum to 1");
    }
    std::vector<std::int64_t> idx(detail::checked_elements<std::int64_t>(size));
    if (replace) {
      if (p != nullptr) {
        const std::vector<double> cdf = normalized_cdf(*p);
        for (std::size_t i = 0; i < size; ++i) idx[i] = search_right(cdf, random_sample());
      } else if (size != 0) {
        randint<std::int64_t>(std::int64_t{0}, pop_size, idx.data(), size);
      }
      return idx;
    }
    if (static_cast<std::int64_t>(size) > pop_size) {
      throw std::invalid_argument(
          "Cannot take a larger sample than population when 'replace=False'");
    }
    if (p != nullptr) {
      std::vector<double> pp(*p);
      std::size_t nonzero = 0;
      for (double v : pp) nonzero += v > 0 ? 1 : 0;
      if (nonzero < size) throw std::invalid_argument("Fewer non-zero entries in p than size");
      std::size_t n_uniq = 0;
      std::vector<double> x;
      // Values already taken have p = 0 from the next round on and can never be drawn again, so
      // one "seen" flag per value serves the whole call.
      std::vector<char> seen(pp.size(), 0);
      while (n_uniq < size) {
        x = random_sample(size - n_uniq);
        for (std::size_t i = 0; i < n_uniq; ++i) pp[static_cast<std::size_t>(idx[i])] = 0;
        const std::vector<double> cdf = normalized_cdf(pp);
        // new = searchsorted(cdf, x); keep the first occurrence of each value, in draw order
        // (NumPy: unique(return_index=True), indices sorted).
        std::size_t found = 0;
        for (double u : x) {
          const std::int64_t v = search_right(cdf, u);
          char& flag = seen[static_cast<std::size_t>(v)];
          if (!flag) {
            flag = 1;
            idx[n_uniq + found++] = v;
          }
        }
        n_uniq += found;
      }
      return idx;
    }
    const std::vector<std::int64_t> perm = permutation(pop_size);
    std::copy(perm.begin(), perm.begin() + static_cast<std::ptrdiff_t>(size), idx.begin());
    return idx;
  }

  // cdf = cumsum(p); cdf /= cdf[-1]
  static std::vector<double> normalized_cdf(const std::vector<double>& p) {
    std::vector<double> cdf(p.size());
    double acc = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      acc += p[i];
      cdf[i] = acc;
    }
    const double last = cdf.empty() ? 1.0 : cdf.back();
    for (double& c : cdf) c /= last;
    return cdf;
  }
  // searchsorted(cdf, u, side='right')
  static std::int64_t search_right(const std::vector<double>& cdf, double u) {
    return static_cast<std::int64_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
  }

  BasicRandomState& draw_state_() noexcept { return *this; }  // what the kernels take
  BitGen bit_generator_;
  legacy::AugBitGen<BitGen> aug_;
  legacy::BinomialCache binomial_cache_;
};

/// numpy.random.RandomState: the legacy API over MT19937.
using RandomState = BasicRandomState<MT19937>;

}  // namespace nprandom

#include <nprandom/detail/draw_forms_undef.hpp>

#endif  // NPRANDOM_LEGACY_RANDOM_STATE_HPP
