// Generator<BitGen>: numpy.random.Generator's methods over any nprandom bit generator.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_GENERATOR_HPP
#define NPRANDOM_GENERATOR_HPP

#include <nprandom/bit_generator.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/config.hpp>
#include <nprandom/seed_sequence.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// ---- includes: core ----
#include <nprandom/detail/broadcast.hpp>
#include <nprandom/detail/checked_size.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/integers_frontend.hpp>
#include <nprandom/detail/kahan_sum.hpp>
#include <nprandom/distributions/exponential.hpp>
#include <nprandom/distributions/gamma.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/distributions/normal.hpp>
#include <nprandom/distributions/permutation.hpp>
#include <nprandom/distributions/uniform.hpp>
#include <nprandom/ndarray.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
// ---- includes: continuous ----
#include <nprandom/distributions/continuous.hpp>
// ---- includes: discrete ----
#include <nprandom/distributions/discrete.hpp>
// ---- includes: multivariate ----
#include <nprandom/distributions/multivariate.hpp>
// ---- includes: array bounds (integers) ----
#include <nprandom/detail/integers_broadcast.hpp>

#include <limits>

namespace nprandom {

// Mirrors numpy.random.Generator (numpy/random/_generator.pyx). Parameter checks and sizing live
// here; every sampling algorithm lives in a kernel under nprandom/distributions/.
//
// Each distribution comes in three forms:
//   T method(params...)                              one value (NumPy: size=None)
//   std::vector<T> method(params..., size_t size)    `size` values (NumPy: size=n; a NumPy shape
//                                                    (a, b) is the row-major a*b)
//   void method(params..., T* out, size_t n)         fills caller memory, allocates nothing
//   ndarray<T> method(array_arg<P>..., size_arg size = {})
//                                                    NumPy's array parameters: any parameter a
//                                                    scalar, std::vector, {..} / {{..}, {..}} list,
//                                                    ndarray, array_view or std::span; broadcast
//                                                    with each other and with `size` (a count or a
//                                                    shape {4, 2, 3}); values in NumPy's C order,
//                                                    result shape attached (<nprandom/ndarray.hpp>)
// All four come from one declaration per method (detail::method in detail/broadcast.hpp: the
// kernel, the parameters with NumPy's names and constraints, an optional bulk fill and
// cross-parameter checks), as NumPy's cont()/disc() + check_constraint.
// Parameters are validated once per call, before anything is drawn, with NumPy's messages
// (ValueError -> std::invalid_argument, OverflowError -> std::overflow_error).
template <class BitGen>
class Generator {
 public:
  using bit_generator_type = BitGen;

  explicit Generator(BitGen bit_generator) : bit_generator_(std::move(bit_generator)) {}

  BitGen& bit_generator() noexcept { return bit_generator_; }
  const BitGen& bit_generator() const noexcept { return bit_generator_; }

  // UniformRandomBitGenerator: the bit generator's 64-bit output (next_uint64; for MT19937 two
  // 32-bit outputs, the first as the high word), so std::shuffle and the <random> distributions
  // accept a Generator. Draws the same words as g.bit_generator()().
  using result_type = std::uint64_t;
  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return ~result_type{0}; }
  result_type operator()() noexcept { return bit_generator_.next_uint64(); }

  // ==== section: core (uniform, integers, normal/exponential/gamma, choice/shuffle/...) ====
  // Core methods (engineer C): random, integers, uniform, standard_normal/normal,
  // standard_exponential/exponential, standard_gamma/gamma, bytes, choice, shuffle, permutation,
  // permuted, spawn. dtype is a template parameter: Real = double | float, and for integers
  // T = std::int8_t .. std::uint64_t or bool (default std::int64_t).

  // ---- random(size=None, dtype=np.float64) ----
  template <class Real = double>
  Real random() {
    static_assert(is_real<Real>, "Unsupported dtype for random (double or float)");
    if constexpr (std::is_same<Real, float>::value) {
      return distributions::standard_uniform_f(bit_generator_);
    } else {
      return distributions::standard_uniform(bit_generator_);
    }
  }
  template <class Real = double>
  std::vector<Real> random(std::size_t size) {
    std::vector<Real> out(detail::checked_elements<Real>(size));
    random(out.data(), size);
    return out;
  }
  template <class Real>
  void random(Real* out, std::size_t n) {
    static_assert(is_real<Real>, "Unsupported dtype for random (double or float)");
    if constexpr (std::is_same<Real, float>::value) {
      distributions::standard_uniform_fill_f(bit_generator_, n, out);
    } else {
      distributions::standard_uniform_fill(bit_generator_, n, out);
    }
  }

  // ---- integers(low, high=None, size=None, dtype=np.int64, endpoint=False) ----
  // Bounds are any built-in integers (checked as exact values against T's range, like NumPy's
  // Python ints); T is the dtype. Forms:
  //   integers<T>(high)                         one value in [0, high)
  //   integers<T>(low, high)                    one value in [low, high)
  //   integers<T>(low, high, nprandom::endpoint)  one value in [low, high]
  //   integers<T>(low, high, size, endpoint = false)      std::vector<T> of `size` values
  //   integers(low, high, T* out, n, endpoint = false)    fill (T deduced from `out`)
  // Lemire's method with NumPy's buffering (see distributions/integers.hpp). Errors
  // (std::invalid_argument): "low is out of bounds for <dtype>", "high is out of bounds for
  // <dtype>", "low >= high" ("low > high" with endpoint), "high <= 0" ("high < 0") when low == 0.
  // As in NumPy, a sized call with size == 0 returns before any check.
  template <class T = std::int64_t, class High,
            std::enable_if_t<std::is_integral<High>::value, int> = 0>
  T integers(High high) {
    return integers<T>(0, high, endpoint_t{false});
  }
  template <
      class T = std::int64_t, class Low, class High,
      std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value, int> = 0>
  T integers(Low low, High high, endpoint_t closed = endpoint_t{false}) {
    static_assert(detail::integers_dtype<T>::supported,
                  "Unsupported dtype for integers (std::int8_t..std::uint64_t or bool)");
    using U = typename detail::integers_dtype<T>::unsigned_type;
    const auto r = detail::integers_check<T>(low, high, closed.value);
    return static_cast<T>(distributions::bounded_one_lemire<U>(bit_generator_, r.off, r.rng));
  }
  template <
      class T = std::int64_t, class Low, class High,
      std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value, int> = 0>
  std::vector<T> integers(Low low, High high, std::size_t size, bool closed = false) {
    static_assert(detail::integers_dtype<T>::supported,
                  "Unsupported dtype for integers (std::int8_t..std::uint64_t or bool)");
    if constexpr (std::is_same<T, bool>::value) {
      // std::vector<bool> has no data(): the kernel writes its words (the values of the fill form).
      const auto r = detail::integers_check<T>(low, high, closed);
      return distributions::bounded_bool_vector(bit_generator_, r.off, r.rng,
                                                detail::checked_elements<bool>(size));
    } else {
      std::vector<T> out(detail::checked_elements<T>(size));
      integers(low, high, out.data(), size, closed);
      return out;
    }
  }
  template <
      class T, class Low, class High,
      std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value, int> = 0>
  void integers(Low low, High high, T* out, std::size_t n, bool closed = false) {
    static_assert(detail::integers_dtype<T>::supported,
                  "Unsupported dtype for integers (std::int8_t..std::uint64_t or bool)");
    if (n == 0) return;
    integers_fill_checked(detail::integers_check<T>(low, high, closed), out, n);
  }

  // integers(low, high, true) would silently mean "a vector of 1 value" (bool -> size_t): rejected
  // at compile time.
  template <class T = std::int64_t, class Low, class High, class B,
            std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value &&
                                 std::is_same<B, bool>::value,
                             int> = 0>
  T integers(Low, High, B) {
    static_assert(
        !std::is_same<B, bool>::value,
        "integers(low, high, bool): write integers(low, high, nprandom::endpoint) for one value in "
        "[low, high], or integers(low, high, size, endpoint) for `size` values");
    return T{};
  }
  // The tag also works in the sized and fill forms: integers(0, 10, n, nprandom::endpoint).
  template <
      class T = std::int64_t, class Low, class High,
      std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value, int> = 0>
  std::vector<T> integers(Low low, High high, std::size_t size, endpoint_t closed) {
    return integers<T>(low, high, size, closed.value);
  }
  template <
      class T, class Low, class High,
      std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value, int> = 0>
  void integers(Low low, High high, T* out, std::size_t n, endpoint_t closed) {
    integers(low, high, out, n, closed.value);
  }

  // Array bounds (NumPy's broadcast path, _rand_<dtype>_broadcast): `low` and `high` are
  // std::vectors of equal length, or one of them has length 1 or is a scalar; one value per
  // element, in order. The 8/16-bit and bool buffer persists across the whole call (unlike
  // repeated scalar calls); 64-bit dtypes draw with random_bounded_uint64 per element. Checks
  // (NumPy 2.5 order): low out of bounds, high out of bounds, then low >= high (low > high with
  // endpoint; "high <= 0" / "high < 0" when every low is 0); lengths that do not broadcast ->
  // "operands could not be broadcast together with shapes (a,) (b,) ". The flag must be a bool
  // (B): an integer third argument is a `size` and picks the N-D form below.
  template <class T = std::int64_t, class Low, class High, class B = bool,
            std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value &&
                                 std::is_same<B, bool>::value,
                             int> = 0>
  std::vector<T> integers(const std::vector<Low>& low, const std::vector<High>& high,
                          B closed = false) {
    return integers_broadcast<T>(low.data(), low.size(), high.data(), high.size(), closed);
  }
  template <class T = std::int64_t, class Low, class High, class B = bool,
            std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value &&
                                 std::is_same<B, bool>::value,
                             int> = 0>
  std::vector<T> integers(Low low, const std::vector<High>& high, B closed = false) {
    return integers_broadcast<T>(&low, 1, high.data(), high.size(), closed);
  }
  template <class T = std::int64_t, class Low, class High, class B = bool,
            std::enable_if_t<std::is_integral<Low>::value && std::is_integral<High>::value &&
                                 std::is_same<B, bool>::value,
                             int> = 0>
  std::vector<T> integers(const std::vector<Low>& low, High high, B closed = false) {
    return integers_broadcast<T>(low.data(), low.size(), &high, 1, closed);
  }

  // N-D array bounds (ndarray, array_view, std::vector, {..} or {{..}, {..}}, or a scalar for
  // one of them), broadcast with each other and with `size`: integers<T>(low, high, size,
  // endpoint = false) or integers<T>(low, high, endpoint_t = {}) (shape: the bounds' broadcast).
  // Bounds are int64 arrays (uint64 for T = std::uint64_t). NumPy's order: per-element bound
  // checks ("low is out of bounds for <dtype>", "high is out of bounds for <dtype>"), then the
  // broadcast of low and high ("operands could not be broadcast together with shapes ..."), then
  // "low >= high" ("low > high" closed; "high <= 0" / "high < 0" when every low is 0); then one
  // draw per output element in C order. A `size` with no elements returns before any check.
  template <class T = std::int64_t>
  ndarray<T> integers(const array_arg<detail::integers_bound_t<T>>& low,
                      const array_arg<detail::integers_bound_t<T>>& high, const size_arg& size,
                      bool closed = false) {
    if (low.ndim() == 0 && high.ndim() == 0) {  // NumPy's scalar path
      if (size && size->count() == 0) return ndarray<T>(*size);
      const auto r = detail::integers_check<T>(low[0], high[0], closed);
      const shape s = size ? *size : shape{};
      const std::size_t n = s.count(sizeof(T));
      std::unique_ptr<T[]> tmp(new T[n == 0 ? 1 : n]);
      integers_fill_checked(r, tmp.get(), n);
      return ndarray<T>(std::vector<T>(tmp.get(), tmp.get() + n), s);
    }
    return integers_array<T>(low.data(), low.shape(), high.data(), high.shape(), size, closed);
  }
  template <class T = std::int64_t>
  ndarray<T> integers(const array_arg<detail::integers_bound_t<T>>& low,
                      const array_arg<detail::integers_bound_t<T>>& high, const size_arg& size,
                      endpoint_t closed) {
    return integers<T>(low, high, size, closed.value);
  }
  template <class T = std::int64_t>
  ndarray<T> integers(const array_arg<detail::integers_bound_t<T>>& low,
                      const array_arg<detail::integers_bound_t<T>>& high) {
    return integers<T>(low, high, size_arg{}, false);
  }
  // integers<T>(high) with array `high` (low = 0).
  template <class T = std::int64_t>
  ndarray<T> integers(const array_arg<detail::integers_bound_t<T>>& high) {
    return integers<T>(detail::integers_bound_t<T>{0}, high, size_arg{}, false);
  }
  // (E is deduced, so a braced size such as {3} never reads as the tag.)
  template <class T = std::int64_t, class E,
            std::enable_if_t<std::is_same<E, endpoint_t>::value, int> = 0>
  ndarray<T> integers(const array_arg<detail::integers_bound_t<T>>& low,
                      const array_arg<detail::integers_bound_t<T>>& high, E closed) {
    return integers<T>(low, high, size_arg{}, closed.value);
  }

  // ---- uniform(low=0.0, high=1.0, size=None) ----
  // `low + (high - low) * U`. Errors: a non-finite high - low -> std::overflow_error
  // "high - low range exceeds valid bounds" ("Range exceeds valid bounds" with array bounds);
  // high - low < 0 -> "high - low < 0". The kernel takes (low, high - low), as NumPy's cont() call.
  static constexpr auto uniform_ =
      detail::make_method<double>(
          [](auto& g, double low, double range) { return distributions::uniform(g, low, range); },
          detail::prm<double>("low"), detail::prm<double>("high - low", detail::cons::non_negative))
          .with_fill([](auto& g, double* out, std::size_t cnt, double low, double range) {
            distributions::uniform_fill(g, low, range, cnt, out);
          });
  double uniform(double low = 0.0, double high = 1.0) {
    return uniform_.one(bit_generator_, low, uniform_range(low, high));
  }
  std::vector<double> uniform(double low, double high, std::size_t size) {
    return uniform_.sized(bit_generator_, size, low, uniform_range(low, high));
  }
  void uniform(double low, double high, double* out, std::size_t n) {
    uniform_.fill(bit_generator_, out, n, low, uniform_range(low, high));
  }
  ndarray<double> uniform(array_arg<double> low, array_arg<double> high, size_arg size = {}) {
    if (low.ndim() == 0 && high.ndim() == 0)
      return uniform_.array(bit_generator_, size, low[0], uniform_range(low[0], high[0]));
    return uniform_.array(bit_generator_, size, low, detail::uniform_range_array(low, high));
  }

  // ---- standard_normal(size=None, dtype=np.float64) ----
  template <class Real = double>
  Real standard_normal() {
    static_assert(is_real<Real>, "Unsupported dtype for standard_normal (double or float)");
    if constexpr (std::is_same<Real, float>::value) {
      return distributions::standard_normal_f(bit_generator_);
    } else {
      return distributions::standard_normal(bit_generator_);
    }
  }
  template <class Real = double>
  std::vector<Real> standard_normal(std::size_t size) {
    std::vector<Real> out(detail::checked_elements<Real>(size));
    standard_normal(out.data(), size);
    return out;
  }
  template <class Real>
  void standard_normal(Real* out, std::size_t n) {
    static_assert(is_real<Real>, "Unsupported dtype for standard_normal (double or float)");
    if constexpr (std::is_same<Real, float>::value) {
      distributions::standard_normal_fill_f(bit_generator_, n, out);
    } else {
      distributions::standard_normal_fill(bit_generator_, n, out);
    }
  }

  // ---- normal(loc=0.0, scale=1.0, size=None) ----
  // Error: scale < 0 (-0.0 included; NaN passes) -> "scale < 0".
  static constexpr auto normal_ =
      detail::make_method<double>(
          [](auto& g, double loc, double scale) { return distributions::normal(g, loc, scale); },
          detail::prm<double>("loc"), detail::prm<double>("scale", detail::cons::non_negative))
          .with_fill([](auto& g, double* out, std::size_t cnt, double loc, double scale) {
            distributions::normal_fill(g, loc, scale, cnt, out);
          });
  double normal(double loc = 0.0, double scale = 1.0) {
    return normal_.one(bit_generator_, loc, scale);
  }
  std::vector<double> normal(double loc, double scale, std::size_t size) {
    return normal_.sized(bit_generator_, size, loc, scale);
  }
  void normal(double loc, double scale, double* out, std::size_t n) {
    normal_.fill(bit_generator_, out, n, loc, scale);
  }
  ndarray<double> normal(array_arg<double> loc, array_arg<double> scale, size_arg size = {}) {
    return normal_.array(bit_generator_, size, loc, scale);
  }

  // ---- standard_exponential(size=None, dtype=np.float64, method='zig') ----
  // As in NumPy, method "zig" selects the ziggurat and ANY other string selects inversion
  // (-log1p(-U)).
  template <class Real = double>
  Real standard_exponential(std::string_view method = "zig") {
    static_assert(is_real<Real>, "Unsupported dtype for standard_exponential (double or float)");
    const bool zig = method == "zig";
    if constexpr (std::is_same<Real, float>::value) {
      return zig ? distributions::standard_exponential_f(bit_generator_)
                 : distributions::standard_exponential_inv_f(bit_generator_);
    } else {
      return zig ? distributions::standard_exponential(bit_generator_)
                 : distributions::standard_exponential_inv(bit_generator_);
    }
  }
  template <class Real = double>
  std::vector<Real> standard_exponential(std::size_t size, std::string_view method = "zig") {
    std::vector<Real> out(detail::checked_elements<Real>(size));
    standard_exponential(out.data(), size, method);
    return out;
  }
  template <class Real>
  void standard_exponential(Real* out, std::size_t n, std::string_view method = "zig") {
    static_assert(is_real<Real>, "Unsupported dtype for standard_exponential (double or float)");
    const bool zig = method == "zig";
    if constexpr (std::is_same<Real, float>::value) {
      if (zig) {
        distributions::standard_exponential_fill_f(bit_generator_, n, out);
      } else {
        distributions::standard_exponential_inv_fill_f(bit_generator_, n, out);
      }
    } else {
      if (zig) {
        distributions::standard_exponential_fill(bit_generator_, n, out);
      } else {
        distributions::standard_exponential_inv_fill(bit_generator_, n, out);
      }
    }
  }

  // ---- exponential(scale=1.0, size=None) ----
  // Error: scale < 0 -> "scale < 0".
  static constexpr auto exponential_ = detail::make_method<double>(
      [](auto& g, double scale) { return distributions::exponential(g, scale); },
      detail::prm<double>("scale", detail::cons::non_negative));
  double exponential(double scale = 1.0) { return exponential_.one(bit_generator_, scale); }
  std::vector<double> exponential(double scale, std::size_t size) {
    return exponential_.sized(bit_generator_, size, scale);
  }
  void exponential(double scale, double* out, std::size_t n) {
    exponential_.fill(bit_generator_, out, n, scale);
  }
  ndarray<double> exponential(array_arg<double> scale, size_arg size = {}) {
    return exponential_.array(bit_generator_, size, scale);
  }

  // ---- standard_gamma(shape, size=None, dtype=np.float64) ----
  // For Real = float the shape is rounded to float first (as NumPy's float32 path does), then
  // checked. Error: shape < 0 -> "shape < 0".
  template <class Real = double>
  Real standard_gamma(double shape) {
    static_assert(is_real<Real>, "Unsupported dtype for standard_gamma (double or float)");
    const Real s = static_cast<Real>(shape);
    check_shape_(static_cast<double>(s));
    if constexpr (std::is_same<Real, float>::value) {
      return distributions::standard_gamma_f(bit_generator_, s);
    } else {
      return distributions::standard_gamma(bit_generator_, s);
    }
  }
  template <class Real = double>
  std::vector<Real> standard_gamma(double shape, std::size_t size) {
    std::vector<Real> out(detail::checked_elements<Real>(size));
    standard_gamma(shape, out.data(), size);
    return out;
  }
  template <class Real>
  void standard_gamma(double shape, Real* out, std::size_t n) {
    static_assert(is_real<Real>, "Unsupported dtype for standard_gamma (double or float)");
    const Real s = static_cast<Real>(shape);
    check_shape_(static_cast<double>(s));
    if constexpr (std::is_same<Real, float>::value) {
      distributions::standard_gamma_fill_f(bit_generator_, s, n, out);
    } else {
      distributions::standard_gamma_fill(bit_generator_, s, n, out);
    }
  }

  // Array shapes (float64): standard_gamma(array_arg shape, size).
  static constexpr auto standard_gamma_ =
      detail::make_method<double>(
          [](auto& g, double k) { return distributions::standard_gamma(g, k); },
          detail::prm<double>("shape", detail::cons::non_negative))
          .with_fill([](auto& g, double* out, std::size_t n, double k) {
            distributions::standard_gamma_fill(g, k, n, out);
          });
  ndarray<double> standard_gamma(array_arg<double> shape, size_arg size = {}) {
    return standard_gamma_.array(bit_generator_, size, shape);
  }

  // ---- gamma(shape, scale=1.0, size=None) ----
  // Errors: "shape < 0", then "scale < 0".
  static constexpr auto gamma_ = detail::make_method<double>(
      [](auto& g, double k, double scale) { return distributions::gamma(g, k, scale); },
      detail::prm<double>("shape", detail::cons::non_negative),
      detail::prm<double>("scale", detail::cons::non_negative));
  double gamma(double shape, double scale = 1.0) {
    return gamma_.one(bit_generator_, shape, scale);
  }
  std::vector<double> gamma(double shape, double scale, std::size_t size) {
    return gamma_.sized(bit_generator_, size, shape, scale);
  }
  void gamma(double shape, double scale, double* out, std::size_t n) {
    gamma_.fill(bit_generator_, out, n, shape, scale);
  }
  ndarray<double> gamma(array_arg<double> shape, array_arg<double> scale, size_arg size = {}) {
    return gamma_.array(bit_generator_, size, shape, scale);
  }

  // ---- bytes(length) ----
  // NumPy: integers(0, 2**32, size=ceil(length/4), dtype=uint32) -- raw next_uint32 words --
  // serialised little-endian and cut to `length` bytes.
  // bytes(0) still draws one word: NumPy computes the word count as (length - 1) // 4 + 1 with
  // C division (cdivision=True), which is 1 for length 0.
  std::string bytes(std::size_t length) {
    if (length == 0) {
      (void)bit_generator_.next_uint32();
      return std::string();
    }
    detail::checked_elements<std::uint32_t>((length - 1) / 4 + 1);  // NumPy's uint32 buffer
    std::string out(length, '\0');
    distributions::random_bytes(bit_generator_, &out[0], length);
    return out;
  }

  // ---- choice(a, size=None, replace=True, p=None, shuffle=True) ----
  // `a` is a population size (values 0..a-1, returned as std::int64_t) or a std::vector<T>
  // (values taken from it; an N-D ndarray / array_view with NumPy's `axis`: see below). An empty
  // `p` means p=None. Paths, as NumPy: with replacement and no p -> integers(0, a); with p ->
  // searchsorted on cumsum(p)/sum of uniforms; without replacement and no p -> Floyd or (a > 10000
  // and size > a // (50 if shuffle else 20)) a tail shuffle, both with Lemire draws; without
  // replacement with p -> rounds of uniforms. Errors (std::invalid_argument, NumPy 2.5 texts):
  // "a must be a positive integer unless no samples are taken", "a cannot be empty unless no
  // samples are taken", "a and p must have same size", "Probabilities contain NaN",
  // "Probabilities are not non-negative", "Probabilities do not sum to 1. See Notes section of
  // docstring for more information.", "Cannot take a larger sample than population when replace
  // is False", "Fewer non-zero entries in p than size".
  std::int64_t choice(std::int64_t a) {
    std::int64_t out;
    choice_impl(a, true, &out, 1, true, nullptr, 0, true);
    return out;
  }
  std::int64_t choice(std::int64_t a, const std::vector<double>& p, bool replace = true) {
    std::int64_t out;
    choice_impl(a, true, &out, 1, replace, p.empty() ? nullptr : p.data(), p.size(), true);
    return out;
  }
  std::vector<std::int64_t> choice(std::int64_t a, std::size_t size, bool replace = true,
                                   const std::vector<double>& p = {}, bool shuffle = true) {
    std::vector<std::int64_t> out(detail::checked_elements<std::int64_t>(size));
    choice(a, out.data(), size, replace, p, shuffle);
    return out;
  }
  void choice(std::int64_t a, std::int64_t* out, std::size_t n, bool replace = true,
              const std::vector<double>& p = {}, bool shuffle = true) {
    choice_impl(a, true, out, n, replace, p.empty() ? nullptr : p.data(), p.size(), shuffle);
  }
  template <class T>
  T choice(const std::vector<T>& a) {
    std::int64_t idx;
    choice_impl(static_cast<std::int64_t>(a.size()), false, &idx, 1, true, nullptr, 0, true);
    return a[static_cast<std::size_t>(idx)];
  }
  template <class T>
  T choice(const std::vector<T>& a, const std::vector<double>& p, bool replace = true) {
    std::int64_t idx;
    choice_impl(static_cast<std::int64_t>(a.size()), false, &idx, 1, replace,
                p.empty() ? nullptr : p.data(), p.size(), true);
    return a[static_cast<std::size_t>(idx)];
  }
  template <class T>
  std::vector<T> choice(const std::vector<T>& a, std::size_t size, bool replace = true,
                        const std::vector<double>& p = {}, bool shuffle = true) {
    std::vector<std::int64_t> idx(detail::checked_elements<std::int64_t>(size));
    choice_impl(static_cast<std::int64_t>(a.size()), false, idx.data(), size, replace,
                p.empty() ? nullptr : p.data(), p.size(), shuffle);
    std::vector<T> out;
    out.reserve(size);
    for (std::int64_t i : idx) out.push_back(a[static_cast<std::size_t>(i)]);
    return out;
  }

  // Rows of a row-major rows x cols array (NumPy: choice of a 2-D `a`, axis=0): `size` rows drawn
  // as choice(rows, size, ...) draws indices, returned row-major (size x cols).
  template <class T>
  std::vector<T> choice(const T* data, std::size_t rows, std::size_t cols, std::size_t size,
                        bool replace = true, const std::vector<double>& p = {},
                        bool shuffle = true) {
    std::vector<std::int64_t> idx(detail::checked_elements<std::int64_t>(size));
    choice_impl(static_cast<std::int64_t>(rows), false, idx.data(), size, replace,
                p.empty() ? nullptr : p.data(), p.size(), shuffle);
    std::vector<T> out;
    out.reserve(detail::checked_elements<T>(size, cols));
    for (std::int64_t i : idx) {
      const T* row = data + static_cast<std::size_t>(i) * cols;
      out.insert(out.end(), row, row + cols);
    }
    return out;
  }

  // An N-D array `a` (ndarray or array_view): choice along `axis` (NumPy's choice(a, size,
  // replace, p, axis, shuffle)): indices drawn as choice(a.shape[axis], size, ...) draws them
  // (size None: one index, the axis dropped), then a.take(idx, axis): the result shape is
  // a.shape[:axis] + size + a.shape[axis+1:]. A bad axis -> std::out_of_range "tuple index out of
  // range" (NumPy: IndexError).
  template <class T>
  ndarray<T> choice(const array_view<T>& a, const size_arg& size, bool replace = true,
                    const std::vector<double>& p = {}, int axis = 0, bool shuffle = true) {
    const std::vector<std::size_t>& ad = a.dims.dims();
    const int nd = static_cast<int>(ad.size());
    if (nd == 0 || axis < -nd || axis >= nd) throw std::out_of_range("tuple index out of range");
    const std::size_t ax = static_cast<std::size_t>(axis < 0 ? axis + nd : axis);
    const std::size_t n = size ? size->count(sizeof(std::int64_t)) : 1;
    std::vector<std::int64_t> idx(n);
    choice_impl(static_cast<std::int64_t>(ad[ax]), false, idx.data(), n, replace,
                p.empty() ? nullptr : p.data(), p.size(), shuffle);
    std::size_t outer = 1, inner = 1;
    for (std::size_t i = 0; i < ax; ++i) outer *= ad[i];
    for (std::size_t i = ax + 1; i < ad.size(); ++i) inner *= ad[i];
    std::vector<std::size_t> dims(ad.begin(), ad.begin() + static_cast<std::ptrdiff_t>(ax));
    if (size) dims.insert(dims.end(), (*size).dims().begin(), (*size).dims().end());
    dims.insert(dims.end(), ad.begin() + static_cast<std::ptrdiff_t>(ax) + 1, ad.end());
    std::vector<T> out;
    out.reserve(detail::checked_elements<T>(outer * n, inner));
    for (std::size_t o = 0; o < outer; ++o) {
      for (std::int64_t k : idx) {
        const T* src = a.data + (o * ad[ax] + static_cast<std::size_t>(k)) * inner;
        out.insert(out.end(), src, src + inner);
      }
    }
    return ndarray<T>(std::move(out), shape(std::move(dims)));
  }
  template <class T>
  ndarray<T> choice(const ndarray<T>& a, const size_arg& size, bool replace = true,
                    const std::vector<double>& p = {}, int axis = 0, bool shuffle = true) {
    return choice(array_view<T>{a.data(), a.shape()}, size, replace, p, axis, shuffle);
  }

  // ---- shuffle(x, axis=0) ----
  // In place, Fisher-Yates from the end with masked random_interval draws (NumPy's
  // _shuffle_raw). Any random-access range (std::vector, std::array, C array, ...), an iterator
  // pair, or a row-major rows x cols buffer (NumPy: a 2-D array) along `axis` (0: permute the
  // rows, 1: permute the columns; -1/-2 as NumPy). An empty 2-D array draws nothing. A bad axis ->
  // std::invalid_argument "axis A is out of bounds for array of dimension 2" (NumPy's AxisError).
  template <class Range>
  auto shuffle(Range& x) -> decltype(std::begin(x), std::end(x), void()) {
    shuffle(std::begin(x), std::end(x));
  }
  template <class RandomIt>
  void shuffle(RandomIt first, RandomIt last) {
    distributions::shuffle_raw(bit_generator_, first,
                               static_cast<std::size_t>(std::distance(first, last)), 1);
  }
  template <class T>
  void shuffle(T* data, std::size_t rows, std::size_t cols, int axis = 0) {
    axis = normalize_axis_2d(axis);
    if (rows == 0 || cols == 0) return;
    if (axis == 0) {
      distributions::shuffle_raw_with(bit_generator_, rows, 1, [&](std::size_t i, std::size_t j) {
        if (i != j) std::swap_ranges(data + i * cols, data + (i + 1) * cols, data + j * cols);
      });
    } else {
      distributions::shuffle_raw_with(bit_generator_, cols, 1, [&](std::size_t i, std::size_t j) {
        if (i == j) return;
        for (std::size_t r = 0; r < rows; ++r) std::swap(data[r * cols + i], data[r * cols + j]);
      });
    }
  }

  // ---- permutation(x, axis=0) ----
  // permutation(n): a shuffled 0..n-1 (std::int64_t); permutation(container): a shuffled copy;
  // permutation(data, rows, cols, axis = 0): a copy of a row-major rows x cols array with its
  // rows (axis 0) or columns (axis 1) in shuffled order (NumPy shuffles an index of that length,
  // which draws the same values).
  std::vector<std::int64_t> permutation(std::int64_t n) {
    std::vector<std::int64_t> out(n > 0 ? detail::checked_elements<std::int64_t>(n) : 0);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::int64_t>(i);
    shuffle(out);
    return out;
  }
  template <class T>
  std::vector<T> permutation(const std::vector<T>& x) {
    std::vector<T> out(x);
    shuffle(out);
    return out;
  }
  template <class T>
  std::vector<T> permutation(const T* data, std::size_t rows, std::size_t cols, int axis = 0) {
    axis = normalize_axis_2d(axis);
    auto idx = permutation(static_cast<std::int64_t>(axis == 0 ? rows : cols));
    std::vector<T> out;
    out.reserve(detail::checked_elements<T>(rows, cols));
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        const std::size_t rr = axis == 0 ? static_cast<std::size_t>(idx[r]) : r;
        const std::size_t cc = axis == 0 ? c : static_cast<std::size_t>(idx[c]);
        out.push_back(data[rr * cols + cc]);
      }
    }
    return out;
  }

  // ---- permuted(x, axis=None) ----
  // permuted(x): a copy of x shuffled as one flat sequence (axis=None). permuted(data, rows,
  // cols, axis): a copy of a row-major rows x cols array with each lane along `axis` (0: columns,
  // 1: rows; -1/-2 as NumPy) shuffled independently, lanes in C order. A bad axis ->
  // std::invalid_argument "axis A is out of bounds for array of dimension 2" (NumPy's AxisError).
  template <class T>
  std::vector<T> permuted(const std::vector<T>& x) {
    std::vector<T> out(x);
    shuffle(out);
    return out;
  }
  template <class T>
  std::vector<T> permuted(const T* data, std::size_t rows, std::size_t cols, int axis) {
    axis = normalize_axis_2d(axis);
    std::vector<T> out(data, data + rows * cols);
    if (axis == 1) {
      for (std::size_t r = 0; r < rows; ++r) {
        distributions::shuffle_raw(bit_generator_,
                                   out.begin() + static_cast<std::ptrdiff_t>(r * cols), cols, 0);
      }
    } else {
      for (std::size_t c = 0; c < cols; ++c) {
        T* col = out.data() + c;
        distributions::shuffle_raw_with(bit_generator_, rows, 0, [&](std::size_t i, std::size_t j) {
          if (i != j) std::swap(col[i * cols], col[j * cols]);
        });
      }
    }
    return out;
  }

  // permuted of an N-D array (ndarray or array_view): axis=None (the default) shuffles the flat
  // copy; otherwise every lane along `axis` is shuffled independently, lanes in C order over the
  // other dimensions (NumPy's PyArray_IterAllButAxis). A bad axis -> std::invalid_argument "axis
  // A is out of bounds for array of dimension N" (NumPy's AxisError).
  template <class T>
  ndarray<T> permuted(const array_view<T>& x, std::optional<int> axis = std::nullopt) {
    const std::vector<std::size_t>& xd = x.dims.dims();
    const std::size_t total = x.dims.count(sizeof(T));
    std::vector<T> out(x.data, x.data + total);
    if (!axis) {
      shuffle(out);
      return ndarray<T>(std::move(out), x.dims);
    }
    const int nd = static_cast<int>(xd.size());
    if (*axis < -nd || *axis >= nd) {
      throw std::invalid_argument("axis " + std::to_string(*axis) +
                                  " is out of bounds for array of dimension " + std::to_string(nd));
    }
    const std::size_t ax = static_cast<std::size_t>(*axis < 0 ? *axis + nd : *axis);
    std::size_t outer = 1, inner = 1;
    for (std::size_t i = 0; i < ax; ++i) outer *= xd[i];
    for (std::size_t i = ax + 1; i < xd.size(); ++i) inner *= xd[i];
    const std::size_t len = xd[ax];
    if (total == 0) return ndarray<T>(std::move(out), x.dims);
    for (std::size_t o = 0; o < outer; ++o) {
      for (std::size_t in = 0; in < inner; ++in) {
        T* lane = out.data() + o * len * inner + in;
        distributions::shuffle_raw_with(bit_generator_, len, 0, [&](std::size_t i, std::size_t j) {
          if (i != j) std::swap(lane[i * inner], lane[j * inner]);
        });
      }
    }
    return ndarray<T>(std::move(out), x.dims);
  }
  template <class T>
  ndarray<T> permuted(const ndarray<T>& x, std::optional<int> axis = std::nullopt) {
    return permuted(array_view<T>{x.data(), x.shape()}, axis);
  }

  // ---- spawn(n_children) ----
  // n_children new Generators over bit_generator().spawn(n) (children of its SeedSequence).
  // Errors: n_children < 0 -> "n_children must be non-negative"; a bit generator without a
  // SeedSequence -> std::invalid_argument (NumPy: TypeError).
  std::vector<Generator> spawn(std::int64_t n_children) {
    if (n_children < 0) throw std::invalid_argument("n_children must be non-negative");
    std::vector<Generator> out;
    for (auto& bg : bit_generator_.spawn(n_children)) out.emplace_back(std::move(bg));
    return out;
  }

 private:
  template <class Real>
  static constexpr bool is_real =
      std::is_same<Real, double>::value || std::is_same<Real, float>::value;

  // numpy.lib normalize_axis_index for a 2-D array.
  static int normalize_axis_2d(int axis) {
    if (axis < -2 || axis > 1) {
      throw std::invalid_argument("axis " + std::to_string(axis) +
                                  " is out of bounds for array of dimension 2");
    }
    return axis < 0 ? axis + 2 : axis;
  }

  static void check_shape_(double v) { standard_gamma_.check(false, v); }

  static double uniform_range(double low, double high) {
    const double range = high - low;
    if (!std::isfinite(range)) throw std::overflow_error("high - low range exceeds valid bounds");
    return range;
  }

  template <class T>
  void integers_fill_checked(const detail::integers_range<T>& r, T* out, std::size_t n) {
    using U = typename detail::integers_dtype<T>::unsigned_type;
    // Signed T is written through its unsigned counterpart (allowed aliasing), as NumPy does.
    U* u = reinterpret_cast<U*>(out);
    if constexpr (std::is_same<U, bool>::value) {
      distributions::bounded_bool_fill(bit_generator_, r.off, r.rng, n, false, u);
    } else if constexpr (sizeof(U) == 8) {
      distributions::bounded_uint64_fill(bit_generator_, r.off, r.rng, n, false, u);
    } else if constexpr (sizeof(U) == 4) {
      distributions::bounded_uint32_fill(bit_generator_, r.off, r.rng, n, false, u);
    } else if constexpr (sizeof(U) == 2) {
      distributions::bounded_uint16_fill(bit_generator_, r.off, r.rng, n, false, u);
    } else {
      distributions::bounded_uint8_fill(bit_generator_, r.off, r.rng, n, false, u);
    }
  }

  template <class T, class Low, class High>
  std::vector<T> integers_broadcast(const Low* low, std::size_t n_low, const High* high,
                                    std::size_t n_high, bool closed) {
    return integers_array<T>(low, shape(n_low), high, shape(n_high), size_arg{}, closed).values();
  }

  template <class T, class Low, class High>
  ndarray<T> integers_array(const Low* low, const shape& ls, const High* high, const shape& hs,
                            const size_arg& size, bool closed) {
    return detail::integers_broadcast_draw<T>(bit_generator_, low, ls, high, hs, size, closed,
                                              false);
  }

  // Generator.choice on an index population 0..pop-1 (from an int `a` when `is_int`, else from a
  // container of size pop). p == nullptr means p=None.
  void choice_impl(std::int64_t pop, bool is_int, std::int64_t* out, std::size_t n, bool replace,
                   const double* p, std::size_t p_size, bool shuffle) {
    if (is_int) {
      if (pop <= 0 && n != 0) {
        throw std::invalid_argument("a must be a positive integer unless no samples are taken");
      }
    } else if (pop == 0 && n != 0) {
      throw std::invalid_argument("a cannot be empty unless no samples are taken");
    }
    if (p) {
      if (static_cast<std::int64_t>(p_size) != pop)
        throw std::invalid_argument("a and p must have same size");
      const double p_sum = detail::kahan_sum(p, p_size);
      if (std::isnan(p_sum)) throw std::invalid_argument("Probabilities contain NaN");
      for (std::size_t i = 0; i < p_size; ++i) {
        if (p[i] < 0) throw std::invalid_argument("Probabilities are not non-negative");
      }
      // atol = sqrt(float64 eps)
      if (std::abs(p_sum - 1.) > 1.4901161193847656e-08) {
        throw std::invalid_argument(
            "Probabilities do not sum to 1. See Notes section of docstring for more information.");
      }
    }
    if (replace) {
      if (p) {
        distributions::choice_p_replace(bit_generator_, p, p_size, n, out);
      } else if (n != 0) {
        distributions::bounded_uint64_fill(bit_generator_, 0, static_cast<std::uint64_t>(pop - 1),
                                           n, false, reinterpret_cast<std::uint64_t*>(out));
      }
      return;
    }
    const auto size = static_cast<std::int64_t>(n);
    if (size > pop) {
      throw std::invalid_argument(
          "Cannot take a larger sample than population when replace is False");
    }
    if (p) {
      std::int64_t nonzero = 0;
      for (std::size_t i = 0; i < p_size; ++i) nonzero += p[i] > 0;
      if (nonzero < size) throw std::invalid_argument("Fewer non-zero entries in p than size");
      distributions::choice_p_noreplace(bit_generator_, p, p_size, n, out);
      return;
    }
    const std::int64_t cutoff = shuffle ? 50 : 20;
    if (pop > 10000 && size > pop / cutoff) {
      distributions::choice_tail_shuffle(bit_generator_, pop, size, out);
    } else {
      distributions::choice_floyd(bit_generator_, pop, size, shuffle, out);
    }
  }

 public:
  // ==== end section: core ====

  // ==== section: continuous distributions ====
  // Continuous univariate distributions (_generator.pyx; kernels in
  // <nprandom/distributions/continuous.hpp>). Each method is ONE declaration -- kernel, parameters
  // with NumPy's names and constraints (detail::cons, NumPy's check_constraint messages) -- from
  // which come its four forms (see the class comment): one value, `size` values, fill, and array
  // parameters broadcast with `size` (ndarray). NaN parameters that pass give NaN, as in NumPy.
  // "x <= 0" rejects x <= 0 (NaN passes); "x < 0" rejects a set sign bit (-0.0 too; NaN passes).
 private:
  using P_ = detail::cons;
  template <class T>
  static constexpr auto prm_(const char* name, detail::cons c = detail::cons::none) {
    return detail::prm<T>(name, c);
  }

 public:
  // beta(a, b): a <= 0 / b <= 0.
  static constexpr auto beta_ = detail::make_method<double>(
      [](auto& g, double a, double b) { return distributions::beta(g, a, b); },
      detail::prm<double>("a", P_::positive), detail::prm<double>("b", P_::positive));
  double beta(double a, double b) { return beta_.one(bit_generator_, a, b); }
  std::vector<double> beta(double a, double b, std::size_t size) {
    return beta_.sized(bit_generator_, size, a, b);
  }
  void beta(double a, double b, double* out, std::size_t n) {
    beta_.fill(bit_generator_, out, n, a, b);
  }
  ndarray<double> beta(array_arg<double> a, array_arg<double> b, size_arg size = {}) {
    return beta_.array(bit_generator_, size, a, b);
  }

  // chisquare(df): df <= 0.
  static constexpr auto chisquare_ = detail::make_method<double>(
      [](auto& g, double df) { return distributions::chisquare(g, df); },
      detail::prm<double>("df", P_::positive));
  double chisquare(double df) { return chisquare_.one(bit_generator_, df); }
  std::vector<double> chisquare(double df, std::size_t size) {
    return chisquare_.sized(bit_generator_, size, df);
  }
  void chisquare(double df, double* out, std::size_t n) {
    chisquare_.fill(bit_generator_, out, n, df);
  }
  ndarray<double> chisquare(array_arg<double> df, size_arg size = {}) {
    return chisquare_.array(bit_generator_, size, df);
  }

  // f(dfnum, dfden): dfnum <= 0 / dfden <= 0.
  static constexpr auto f_ = detail::make_method<double>(
      [](auto& g, double dfnum, double dfden) { return distributions::f(g, dfnum, dfden); },
      detail::prm<double>("dfnum", P_::positive), detail::prm<double>("dfden", P_::positive));
  double f(double dfnum, double dfden) { return f_.one(bit_generator_, dfnum, dfden); }
  std::vector<double> f(double dfnum, double dfden, std::size_t size) {
    return f_.sized(bit_generator_, size, dfnum, dfden);
  }
  void f(double dfnum, double dfden, double* out, std::size_t n) {
    f_.fill(bit_generator_, out, n, dfnum, dfden);
  }
  ndarray<double> f(array_arg<double> dfnum, array_arg<double> dfden, size_arg size = {}) {
    return f_.array(bit_generator_, size, dfnum, dfden);
  }

  // noncentral_chisquare(df, nonc): df <= 0 / nonc < 0. NaN nonc gives NaN without drawing.
  static constexpr auto noncentral_chisquare_ = detail::make_method<double>(
      [](auto& g, double df, double nonc) {
        return distributions::noncentral_chisquare(g, df, nonc);
      },
      detail::prm<double>("df", P_::positive), detail::prm<double>("nonc", P_::non_negative));
  double noncentral_chisquare(double df, double nonc) {
    return noncentral_chisquare_.one(bit_generator_, df, nonc);
  }
  std::vector<double> noncentral_chisquare(double df, double nonc, std::size_t size) {
    return noncentral_chisquare_.sized(bit_generator_, size, df, nonc);
  }
  void noncentral_chisquare(double df, double nonc, double* out, std::size_t n) {
    noncentral_chisquare_.fill(bit_generator_, out, n, df, nonc);
  }
  ndarray<double> noncentral_chisquare(array_arg<double> df, array_arg<double> nonc,
                                       size_arg size = {}) {
    return noncentral_chisquare_.array(bit_generator_, size, df, nonc);
  }

  // noncentral_f(dfnum, dfden, nonc): dfnum <= 0 / dfden <= 0 / nonc < 0.
  static constexpr auto noncentral_f_ = detail::make_method<double>(
      [](auto& g, double dfnum, double dfden, double nonc) {
        return distributions::noncentral_f(g, dfnum, dfden, nonc);
      },
      detail::prm<double>("dfnum", P_::positive), detail::prm<double>("dfden", P_::positive),
      detail::prm<double>("nonc", P_::non_negative));
  double noncentral_f(double dfnum, double dfden, double nonc) {
    return noncentral_f_.one(bit_generator_, dfnum, dfden, nonc);
  }
  std::vector<double> noncentral_f(double dfnum, double dfden, double nonc, std::size_t size) {
    return noncentral_f_.sized(bit_generator_, size, dfnum, dfden, nonc);
  }
  void noncentral_f(double dfnum, double dfden, double nonc, double* out, std::size_t n) {
    noncentral_f_.fill(bit_generator_, out, n, dfnum, dfden, nonc);
  }
  ndarray<double> noncentral_f(array_arg<double> dfnum, array_arg<double> dfden,
                               array_arg<double> nonc, size_arg size = {}) {
    return noncentral_f_.array(bit_generator_, size, dfnum, dfden, nonc);
  }

  // standard_cauchy().
  static constexpr auto standard_cauchy_ =
      detail::make_method<double>([](auto& g) { return distributions::standard_cauchy(g); });
  double standard_cauchy() { return standard_cauchy_.one(bit_generator_); }
  std::vector<double> standard_cauchy(std::size_t size) {
    return standard_cauchy_.sized(bit_generator_, size);
  }
  void standard_cauchy(double* out, std::size_t n) {
    standard_cauchy_.fill(bit_generator_, out, n);
  }
  ndarray<double> standard_cauchy(size_arg size) {
    return standard_cauchy_.array(bit_generator_, size);
  }

  // standard_t(df): df <= 0.
  static constexpr auto standard_t_ = detail::make_method<double>(
      [](auto& g, double df) { return distributions::standard_t(g, df); },
      detail::prm<double>("df", P_::positive));
  double standard_t(double df) { return standard_t_.one(bit_generator_, df); }
  std::vector<double> standard_t(double df, std::size_t size) {
    return standard_t_.sized(bit_generator_, size, df);
  }
  void standard_t(double df, double* out, std::size_t n) {
    standard_t_.fill(bit_generator_, out, n, df);
  }
  ndarray<double> standard_t(array_arg<double> df, size_arg size = {}) {
    return standard_t_.array(bit_generator_, size, df);
  }

  // vonmises(mu, kappa): kappa < 0. NaN kappa gives NaN without drawing; for kappa < 1e-8 the
  // result is uniform on [-pi, pi) and, as in NumPy, does not depend on mu.
  static constexpr auto vonmises_ = detail::make_method<double>(
      [](auto& g, double mu, double kappa) { return distributions::vonmises(g, mu, kappa); },
      detail::prm<double>("mu"), detail::prm<double>("kappa", P_::non_negative));
  double vonmises(double mu, double kappa) { return vonmises_.one(bit_generator_, mu, kappa); }
  std::vector<double> vonmises(double mu, double kappa, std::size_t size) {
    return vonmises_.sized(bit_generator_, size, mu, kappa);
  }
  void vonmises(double mu, double kappa, double* out, std::size_t n) {
    vonmises_.fill(bit_generator_, out, n, mu, kappa);
  }
  ndarray<double> vonmises(array_arg<double> mu, array_arg<double> kappa, size_arg size = {}) {
    return vonmises_.array(bit_generator_, size, mu, kappa);
  }

  // pareto(a): a <= 0.
  static constexpr auto pareto_ =
      detail::make_method<double>([](auto& g, double a) { return distributions::pareto(g, a); },
                                  detail::prm<double>("a", P_::positive));
  double pareto(double a) { return pareto_.one(bit_generator_, a); }
  std::vector<double> pareto(double a, std::size_t size) {
    return pareto_.sized(bit_generator_, size, a);
  }
  void pareto(double a, double* out, std::size_t n) { pareto_.fill(bit_generator_, out, n, a); }
  ndarray<double> pareto(array_arg<double> a, size_arg size = {}) {
    return pareto_.array(bit_generator_, size, a);
  }

  // weibull(a): a < 0. a == 0 gives 0 without drawing.
  static constexpr auto weibull_ =
      detail::make_method<double>([](auto& g, double a) { return distributions::weibull(g, a); },
                                  detail::prm<double>("a", P_::non_negative));
  double weibull(double a) { return weibull_.one(bit_generator_, a); }
  std::vector<double> weibull(double a, std::size_t size) {
    return weibull_.sized(bit_generator_, size, a);
  }
  void weibull(double a, double* out, std::size_t n) { weibull_.fill(bit_generator_, out, n, a); }
  ndarray<double> weibull(array_arg<double> a, size_arg size = {}) {
    return weibull_.array(bit_generator_, size, a);
  }

  // power(a): a <= 0.
  static constexpr auto power_ =
      detail::make_method<double>([](auto& g, double a) { return distributions::power(g, a); },
                                  detail::prm<double>("a", P_::positive));
  double power(double a) { return power_.one(bit_generator_, a); }
  std::vector<double> power(double a, std::size_t size) {
    return power_.sized(bit_generator_, size, a);
  }
  void power(double a, double* out, std::size_t n) { power_.fill(bit_generator_, out, n, a); }
  ndarray<double> power(array_arg<double> a, size_arg size = {}) {
    return power_.array(bit_generator_, size, a);
  }

  // laplace(loc = 0, scale = 1): scale < 0.
  static constexpr auto laplace_ = detail::make_method<double>(
      [](auto& g, double loc, double scale) { return distributions::laplace(g, loc, scale); },
      detail::prm<double>("loc"), detail::prm<double>("scale", P_::non_negative));
  double laplace(double loc = 0.0, double scale = 1.0) {
    return laplace_.one(bit_generator_, loc, scale);
  }
  std::vector<double> laplace(double loc, double scale, std::size_t size) {
    return laplace_.sized(bit_generator_, size, loc, scale);
  }
  void laplace(double loc, double scale, double* out, std::size_t n) {
    laplace_.fill(bit_generator_, out, n, loc, scale);
  }
  ndarray<double> laplace(array_arg<double> loc, array_arg<double> scale, size_arg size = {}) {
    return laplace_.array(bit_generator_, size, loc, scale);
  }

  // gumbel(loc = 0, scale = 1): scale < 0.
  static constexpr auto gumbel_ = detail::make_method<double>(
      [](auto& g, double loc, double scale) { return distributions::gumbel(g, loc, scale); },
      detail::prm<double>("loc"), detail::prm<double>("scale", P_::non_negative));
  double gumbel(double loc = 0.0, double scale = 1.0) {
    return gumbel_.one(bit_generator_, loc, scale);
  }
  std::vector<double> gumbel(double loc, double scale, std::size_t size) {
    return gumbel_.sized(bit_generator_, size, loc, scale);
  }
  void gumbel(double loc, double scale, double* out, std::size_t n) {
    gumbel_.fill(bit_generator_, out, n, loc, scale);
  }
  ndarray<double> gumbel(array_arg<double> loc, array_arg<double> scale, size_arg size = {}) {
    return gumbel_.array(bit_generator_, size, loc, scale);
  }

  // logistic(loc = 0, scale = 1): scale < 0.
  static constexpr auto logistic_ = detail::make_method<double>(
      [](auto& g, double loc, double scale) { return distributions::logistic(g, loc, scale); },
      detail::prm<double>("loc"), detail::prm<double>("scale", P_::non_negative));
  double logistic(double loc = 0.0, double scale = 1.0) {
    return logistic_.one(bit_generator_, loc, scale);
  }
  std::vector<double> logistic(double loc, double scale, std::size_t size) {
    return logistic_.sized(bit_generator_, size, loc, scale);
  }
  void logistic(double loc, double scale, double* out, std::size_t n) {
    logistic_.fill(bit_generator_, out, n, loc, scale);
  }
  ndarray<double> logistic(array_arg<double> loc, array_arg<double> scale, size_arg size = {}) {
    return logistic_.array(bit_generator_, size, loc, scale);
  }

  // lognormal(mean = 0, sigma = 1): sigma < 0.
  static constexpr auto lognormal_ = detail::make_method<double>(
      [](auto& g, double mean, double sigma) { return distributions::lognormal(g, mean, sigma); },
      detail::prm<double>("mean"), detail::prm<double>("sigma", P_::non_negative));
  double lognormal(double mean = 0.0, double sigma = 1.0) {
    return lognormal_.one(bit_generator_, mean, sigma);
  }
  std::vector<double> lognormal(double mean, double sigma, std::size_t size) {
    return lognormal_.sized(bit_generator_, size, mean, sigma);
  }
  void lognormal(double mean, double sigma, double* out, std::size_t n) {
    lognormal_.fill(bit_generator_, out, n, mean, sigma);
  }
  ndarray<double> lognormal(array_arg<double> mean, array_arg<double> sigma, size_arg size = {}) {
    return lognormal_.array(bit_generator_, size, mean, sigma);
  }

  // rayleigh(scale = 1): scale < 0.
  static constexpr auto rayleigh_ = detail::make_method<double>(
      [](auto& g, double scale) { return distributions::rayleigh(g, scale); },
      detail::prm<double>("scale", P_::non_negative));
  double rayleigh(double scale = 1.0) { return rayleigh_.one(bit_generator_, scale); }
  std::vector<double> rayleigh(double scale, std::size_t size) {
    return rayleigh_.sized(bit_generator_, size, scale);
  }
  void rayleigh(double scale, double* out, std::size_t n) {
    rayleigh_.fill(bit_generator_, out, n, scale);
  }
  ndarray<double> rayleigh(array_arg<double> scale, size_arg size = {}) {
    return rayleigh_.array(bit_generator_, size, scale);
  }

  // wald(mean, scale): mean <= 0 / scale <= 0. NumPy >= 2.4 formula.
  static constexpr auto wald_ = detail::make_method<double>(
      [](auto& g, double mean, double scale) { return distributions::wald(g, mean, scale); },
      detail::prm<double>("mean", P_::positive), detail::prm<double>("scale", P_::positive));
  double wald(double mean, double scale) { return wald_.one(bit_generator_, mean, scale); }
  std::vector<double> wald(double mean, double scale, std::size_t size) {
    return wald_.sized(bit_generator_, size, mean, scale);
  }
  void wald(double mean, double scale, double* out, std::size_t n) {
    wald_.fill(bit_generator_, out, n, mean, scale);
  }
  ndarray<double> wald(array_arg<double> mean, array_arg<double> scale, size_arg size = {}) {
    return wald_.array(bit_generator_, size, mean, scale);
  }

  // triangular(left, mode, right): "left > mode", "mode > right", "left == right" (checked in
  // that order, over the broadcast pairs for arrays; NaN bounds pass and give NaN).
  static constexpr auto triangular_ =
      detail::make_method<double>(
          [](auto& g, double left, double mode, double right) {
            return distributions::triangular(g, left, mode, right);
          },
          detail::prm<double>("left"), detail::prm<double>("mode"), detail::prm<double>("right"))
          .with_pre(detail::check_triangular{});
  double triangular(double left, double mode, double right) {
    return triangular_.one(bit_generator_, left, mode, right);
  }
  std::vector<double> triangular(double left, double mode, double right, std::size_t size) {
    return triangular_.sized(bit_generator_, size, left, mode, right);
  }
  void triangular(double left, double mode, double right, double* out, std::size_t n) {
    triangular_.fill(bit_generator_, out, n, left, mode, right);
  }
  ndarray<double> triangular(array_arg<double> left, array_arg<double> mode,
                             array_arg<double> right, size_arg size = {}) {
    return triangular_.array(bit_generator_, size, left, mode, right);
  }
  // ==== end section: continuous distributions ====

  // ==== section: discrete distributions ====
  // Discrete univariate distributions (numpy/random/_generator.pyx; kernels in
  // <nprandom/distributions/discrete.hpp>). Results are int64 like NumPy's. One declaration per
  // method as above; parameters in NumPy's check and broadcast order; a sized call with bad
  // parameters throws even when size == 0.

  // binomial(n, p): p in [0, 1] ("p < 0, p > 1 or p is NaN", checked first), n >= 0 ("n < 0").
  // n == 0 or p == 0 return 0 without drawing. NumPy broadcasts (p, n) in that order.
  static constexpr auto binomial_ =
      detail::make_method<std::int64_t>(
          [](auto& g, double p, std::int64_t n) { return distributions::binomial(g, n, p); },
          detail::prm<double>("p", P_::bounded_0_1),
          detail::prm<std::int64_t>("n", P_::non_negative))
          .with_fill([](auto& g, std::int64_t* out, std::size_t cnt, double p, std::int64_t n) {
            distributions::binomial_fill(g, n, p, out, cnt);
          });
  // One value: NumPy's Generator keeps the binomial setup between calls; so does binomial_sampler_.
  std::int64_t binomial(std::int64_t n, double p) {
    binomial_.check(false, array_arg<double>(p), array_arg<std::int64_t>(n));
    return binomial_sampler_(bit_generator_, n, p);
  }
  std::vector<std::int64_t> binomial(std::int64_t n, double p, std::size_t size) {
    return binomial_.sized(bit_generator_, size, p, n);
  }
  void binomial(std::int64_t n, double p, std::int64_t* out, std::size_t cnt) {
    binomial_.fill(bit_generator_, out, cnt, p, n);
  }
  ndarray<std::int64_t> binomial(array_arg<std::int64_t> n, array_arg<double> p,
                                 size_arg size = {}) {
    return binomial_.array(bit_generator_, size, p, n);
  }

  // negative_binomial(n, p): n > 0 ("n <= 0"; NaN: "n must not be NaN"), p in (0, 1]
  // ("p <= 0, p > 1 or p contains NaNs"), and (1-p)/p * (n + 10*sqrt(n)) must not exceed the
  // Poisson limit ("n too large or p too small, see Generator.negative_binomial Notes").
  static constexpr auto negative_binomial_ =
      detail::make_method<std::int64_t>(
          [](auto& g, double n, double p) { return distributions::negative_binomial(g, n, p); },
          detail::prm<double>("n", P_::positive_not_nan),
          detail::prm<double>("p", P_::bounded_gt_0_1))
          .with_post(detail::check_negative_binomial_lam{});
  std::int64_t negative_binomial(double n, double p) {
    return negative_binomial_.one(bit_generator_, n, p);
  }
  std::vector<std::int64_t> negative_binomial(double n, double p, std::size_t size) {
    return negative_binomial_.sized(bit_generator_, size, n, p);
  }
  void negative_binomial(double n, double p, std::int64_t* out, std::size_t cnt) {
    negative_binomial_.fill(bit_generator_, out, cnt, n, p);
  }
  ndarray<std::int64_t> negative_binomial(array_arg<double> n, array_arg<double> p,
                                          size_arg size = {}) {
    return negative_binomial_.array(bit_generator_, size, n, p);
  }

  // poisson(lam = 1.0): lam >= 0 ("lam < 0 or lam is NaN") and lam <= int64max - 10*sqrt(int64max)
  // ("lam value too large"). lam == 0 returns 0 without drawing.
  static constexpr auto poisson_ =
      detail::make_method<std::int64_t>(
          [](auto& g, double lam) { return distributions::poisson(g, lam); },
          detail::prm<double>("lam", P_::poisson))
          .with_fill([](auto& g, std::int64_t* out, std::size_t cnt, double lam) {
            distributions::poisson_fill(g, lam, out, cnt);
          });
  std::int64_t poisson(double lam = 1.0) {
    poisson_.check(false, array_arg<double>(lam));
    return poisson_sampler_(bit_generator_, lam);
  }
  std::vector<std::int64_t> poisson(double lam, std::size_t size) {
    return poisson_.sized(bit_generator_, size, lam);
  }
  void poisson(double lam, std::int64_t* out, std::size_t cnt) {
    poisson_.fill(bit_generator_, out, cnt, lam);
  }
  ndarray<std::int64_t> poisson(array_arg<double> lam, size_arg size = {}) {
    return poisson_.array(bit_generator_, size, lam);
  }

  // zipf(a): a > 1 ("a <= 1 or a is NaN"). a >= 1025 returns 1 without drawing (NumPy >= 2.1).
  static constexpr auto zipf_ =
      detail::make_method<std::int64_t>([](auto& g, double a) { return distributions::zipf(g, a); },
                                        detail::prm<double>("a", P_::gt_1));
  std::int64_t zipf(double a) { return zipf_.one(bit_generator_, a); }
  std::vector<std::int64_t> zipf(double a, std::size_t size) {
    return zipf_.sized(bit_generator_, size, a);
  }
  void zipf(double a, std::int64_t* out, std::size_t cnt) {
    zipf_.fill(bit_generator_, out, cnt, a);
  }
  ndarray<std::int64_t> zipf(array_arg<double> a, size_arg size = {}) {
    return zipf_.array(bit_generator_, size, a);
  }

  // geometric(p): p in (0, 1] ("p <= 0, p > 1 or p contains NaNs"). Results >= 2^63 are clamped
  // to INT64_MAX (NumPy >= 1.25).
  static constexpr auto geometric_ =
      detail::make_method<std::int64_t>(
          [](auto& g, double p) { return distributions::geometric(g, p); },
          detail::prm<double>("p", P_::bounded_gt_0_1))
          .with_fill([](auto& g, std::int64_t* out, std::size_t cnt, double p) {
            distributions::geometric_fill(g, p, out, cnt);
          });
  std::int64_t geometric(double p) { return geometric_.one(bit_generator_, p); }
  std::vector<std::int64_t> geometric(double p, std::size_t size) {
    return geometric_.sized(bit_generator_, size, p);
  }
  void geometric(double p, std::int64_t* out, std::size_t cnt) {
    geometric_.fill(bit_generator_, out, cnt, p);
  }
  ndarray<std::int64_t> geometric(array_arg<double> p, size_arg size = {}) {
    return geometric_.array(bit_generator_, size, p);
  }

  // hypergeometric(ngood, nbad, nsample), checked in NumPy's order: ngood, nbad < 10^9
  // ("both ngood and nbad must be less than 1000000000"), ngood + nbad >= nsample
  // ("ngood + nbad < nsample"), then "ngood < 0", "nbad < 0", "nsample < 0".
  static constexpr auto hypergeometric_ =
      detail::make_method<std::int64_t>(
          [](auto& g, std::int64_t ngood, std::int64_t nbad, std::int64_t nsample) {
            return distributions::hypergeometric(g, ngood, nbad, nsample);
          },
          detail::prm<std::int64_t>("ngood", P_::non_negative),
          detail::prm<std::int64_t>("nbad", P_::non_negative),
          detail::prm<std::int64_t>("nsample", P_::non_negative))
          .with_fill([](auto& g, std::int64_t* out, std::size_t cnt, std::int64_t ngood,
                        std::int64_t nbad, std::int64_t nsample) {
            distributions::hypergeometric_fill(g, ngood, nbad, nsample, out, cnt);
          })
          .with_pre(detail::check_hypergeometric_sum{true});
  std::int64_t hypergeometric(std::int64_t ngood, std::int64_t nbad, std::int64_t nsample) {
    return hypergeometric_.one(bit_generator_, ngood, nbad, nsample);
  }
  std::vector<std::int64_t> hypergeometric(std::int64_t ngood, std::int64_t nbad,
                                           std::int64_t nsample, std::size_t size) {
    return hypergeometric_.sized(bit_generator_, size, ngood, nbad, nsample);
  }
  void hypergeometric(std::int64_t ngood, std::int64_t nbad, std::int64_t nsample,
                      std::int64_t* out, std::size_t cnt) {
    hypergeometric_.fill(bit_generator_, out, cnt, ngood, nbad, nsample);
  }
  ndarray<std::int64_t> hypergeometric(array_arg<std::int64_t> ngood, array_arg<std::int64_t> nbad,
                                       array_arg<std::int64_t> nsample, size_arg size = {}) {
    return hypergeometric_.array(bit_generator_, size, ngood, nbad, nsample);
  }

  // logseries(p): p in [0, 1) ("p < 0, p >= 1 or p is NaN").
  static constexpr auto logseries_ = detail::make_method<std::int64_t>(
      [](auto& g, double p) { return distributions::logseries(g, p); },
      detail::prm<double>("p", P_::bounded_lt_0_1));
  std::int64_t logseries(double p) { return logseries_.one(bit_generator_, p); }
  std::vector<std::int64_t> logseries(double p, std::size_t size) {
    return logseries_.sized(bit_generator_, size, p);
  }
  void logseries(double p, std::int64_t* out, std::size_t cnt) {
    logseries_.fill(bit_generator_, out, cnt, p);
  }
  ndarray<std::int64_t> logseries(array_arg<double> p, size_arg size = {}) {
    return logseries_.array(bit_generator_, size, p);
  }
  // ==== end section: discrete distributions ====

  // ==== section: multivariate distributions ====
  // Multivariate distributions (numpy/random/_generator.pyx; kernels in
  // <nprandom/distributions/multivariate.hpp>). LAYOUT: results are row-major, one row per draw.
  // With k components per draw (k = alpha.size(), pvals.size(), colors.size(), mean.size()):
  //   method(params...)                      one draw, k values (NumPy: size=None, shape (k,))
  //   method(params..., std::size_t size)    `size` draws, size*k values, draw r at [r*k, r*k+k)
  //                                          (NumPy: size=n, shape (n, k); a NumPy size=(a, b)
  //                                          is size = a*b)
  //   method(params..., T* out, std::size_t size)   writes size*k values to out (allocates only
  //                                          the kernel's scratch: dirichlet's stick-breaking
  //                                          sums, the 'count' urn, the decompositions)
  // Parameters are checked once, before anything is drawn, in NumPy's order and with NumPy's
  // texts (ValueError -> std::invalid_argument), also when size == 0. The one-draw form draws
  // exactly what size=1 draws.

 public:
  // dirichlet(alpha): "alpha < 0" if any alpha < 0 (-0.0 and NaN pass, as np.less does).
  // Zeros are allowed (NumPy >= 1.25); all-zero alpha gives rows of 0 without drawing (>= 1.26).
  // max(alpha) < 0.1 uses stick-breaking with betas, otherwise normalised gammas.
  std::vector<double> dirichlet(const std::vector<double>& alpha) { return dirichlet(alpha, 1); }
  std::vector<double> dirichlet(const std::vector<double>& alpha, std::size_t size) {
    std::vector<double> out(detail::checked_elements<double>(size, alpha.size()));
    dirichlet(alpha, out.data(), size);
    return out;
  }
  void dirichlet(const std::vector<double>& alpha, double* out, std::size_t size) {
    bool negative_zero = false;
    for (double a : alpha) {
      if (a < 0.0) throw std::invalid_argument("alpha < 0");
      negative_zero = negative_zero || (a == 0.0 && std::signbit(a));
    }
    detail::checked_elements<double>(size, alpha.size());
    if (negative_zero) {
      // -0.0 passes NumPy's `alpha < 0` test, but its stick-breaking beta(-0.0, b) then computes
      // pow(U, 1 / -0.0) = inf and rejects forever: NumPy 2.5.2 never returns. A zero weight is a
      // zero weight: nprandom draws exactly what NumPy draws for +0.0 (that component is 0).
      std::vector<double> a(alpha);
      for (double& v : a) v = v == 0.0 ? 0.0 : v;
      distributions::dirichlet(bit_generator_, a.data(), a.size(), size, out);
      return;
    }
    distributions::dirichlet(bit_generator_, alpha.data(), alpha.size(), size, out);
  }

  // multinomial(n, pvals): checks in NumPy's order: pvals empty -> "pvals must have at least 1
  // dimension and the last dimension of pvals must be greater than 0."; any pval outside [0, 1]
  // or NaN -> "pvals < 0, pvals > 1 or pvals contains NaNs"; Kahan sum of pvals[:-1] > 1 + 1e-12
  // -> "sum(pvals[:-1]) > 1.0"; n < 0 -> "n < 0". pvals[-1] is only range-checked: the last
  // category gets what is left. Scalar n with one pvals vector; array n and N-D pvals: the
  // broadcasting overload below.
  std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals) {
    return multinomial(n, pvals, 1);
  }
  std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals,
                                        std::size_t size) {
    std::vector<std::int64_t> out(detail::checked_elements<std::int64_t>(size, pvals.size()));
    multinomial(n, pvals, out.data(), size);
    return out;
  }
  void multinomial(std::int64_t n, const std::vector<double>& pvals, std::int64_t* out,
                   std::size_t size) {
    const std::size_t d = pvals.size();
    if (d == 0) {
      throw std::invalid_argument(
          "pvals must have at least 1 dimension and the last dimension of pvals must be "
          "greater than 0.");
    }
    for (double p : pvals) {
      if (!(p >= 0.0) || !(p <= 1.0)) {
        throw std::invalid_argument("pvals < 0, pvals > 1 or pvals contains NaNs");
      }
    }
    if (detail::kahan_sum(pvals.data(), d - 1) > (1.0 + 1e-12)) {
      throw std::invalid_argument("sum(pvals[:-1]) > 1.0");
    }
    if (n < 0) throw std::invalid_argument("n < 0");
    // Rows are walked by the checked element count (row r starts at r * d < total).
    const std::size_t total = detail::checked_elements<std::int64_t>(size, d);
    distributions::binomial_cache cache;
    for (std::size_t off = 0; off < total; off += d) {
      distributions::multinomial(bit_generator_, n, pvals.data(), d, out + off, cache);
    }
  }

  // multinomial(n, pvals, size) with array n and/or N-D pvals (NumPy's vector path): the result
  // shape is broadcast(n, pvals.shape[:-1]) (or `size`, which must equal the broadcast of (n,
  // pvals.shape[:-1], size)) + (d,), one multinomial draw per element in C order. Checks, in
  // NumPy's order: d == 0 (0-d pvals) -> "pvals must have at least 1 dimension ..."; pvals
  // outside [0, 1] -> "pvals < 0, pvals > 1 or pvals contains NaNs"; per row "sum(pvals[:-1]) >
  // 1.0" ("sum(pvals[...,:-1]) > 1.0" for N-D pvals); "n < 0"; shape errors as NumPy's
  // iterators ("shape mismatch: ...", "Output size ... is not compatible with broadcast
  // dimensions of inputs ...").
  ndarray<std::int64_t> multinomial(const array_arg<std::int64_t>& n,
                                    const array_arg<double>& pvals, const size_arg& size = {}) {
    const std::size_t pnd = pvals.ndim();
    const std::size_t d = pnd >= 1 ? pvals.shape()[pnd - 1] : 0;
    if (d == 0) {
      throw std::invalid_argument(
          "pvals must have at least 1 dimension and the last dimension of pvals must be "
          "greater than 0.");
    }
    const std::size_t psz = pvals.size();
    for (std::size_t i = 0; i < psz; ++i) {
      const double p = pvals[i];
      if (!(p >= 0.0) || !(p <= 1.0)) {
        throw std::invalid_argument("pvals < 0, pvals > 1 or pvals contains NaNs");
      }
    }
    for (std::size_t off = 0; off < psz; off += d) {
      if (detail::kahan_sum(pvals.data() + off, d - 1) > (1.0 + 1e-12)) {
        throw std::invalid_argument(pnd == 1 ? "sum(pvals[:-1]) > 1.0"
                                             : "sum(pvals[...,:-1]) > 1.0");
      }
    }
    if (n.ndim() == 0 && pnd == 1) {  // NumPy's scalar-n path: size + (d,)
      if (n[0] < 0) throw std::invalid_argument("n < 0");
      std::vector<std::size_t> dims = size ? size->dims() : std::vector<std::size_t>{};
      dims.push_back(d);
      ndarray<std::int64_t> out{shape(std::move(dims))};
      distributions::binomial_cache cache;
      for (std::size_t off = 0; off < out.size(); off += d) {
        distributions::multinomial(bit_generator_, n[0], pvals.data(), d, out.data() + off, cache);
      }
      return out;
    }
    for (std::size_t i = 0; i < n.size(); ++i) {
      if (n[i] < 0) throw std::invalid_argument("n < 0");
    }
    // The row offsets into pvals, shaped pvals.shape[:-1].
    const std::vector<std::size_t>& pd = pvals.shape().dims();
    const shape rows(std::vector<std::size_t>(pd.begin(), pd.end() - 1));
    shape it;
    if (!size) {
      it = detail::broadcast_shapes({&n.shape(), &rows});
    } else {
      it = detail::broadcast_shapes({&n.shape(), &rows, &*size});
      if (it != *size) {
        throw std::invalid_argument("Output size " + size->str() +
                                    " is not compatible with broadcast dimensions of inputs " +
                                    it.str() + ".");
      }
    }
    std::vector<std::size_t> dims = it.dims();
    dims.push_back(d);
    ndarray<std::int64_t> out{shape(std::move(dims))};
    const std::size_t cnt = it.count();
    detail::broadcast_walk w(it, {&n.shape(), &rows});
    distributions::binomial_cache cache;
    for (std::size_t i = 0; i < cnt; ++i, w.next()) {
      distributions::multinomial(bit_generator_, n[w.offset(0)], pvals.data() + w.offset(1) * d, d,
                                 out.data() + i * d, cache);
    }
    return out;
  }

  // multivariate_hypergeometric(colors, nsample, method = "marginals" | "count"). Checks, in
  // NumPy's order: method -> 'method must be "count" or "marginals".'; nsample < 0 -> "nsample
  // must be nonnegative."; a negative color -> "colors must be a one-dimensional sequence of
  // nonnegative integers not exceeding 9223372036854775807."; sum overflow -> "sum(colors) must
  // not exceed the maximum value of a 64 bit signed integer (9223372036854775807)"; marginals with
  // sum >= 1e9 -> 'When method is "marginals", sum(colors) must be less than 1000000000.'; count
  // with sum > INT64_MAX / sizeof(size_t) -> "When method is 'count', sum(colors) must not exceed
  // <that>"; nsample > sum -> "nsample > sum(colors)". Empty colors give empty rows. The 'count'
  // urn is shared by the draws of one call, so size=n differs from n one-draw calls (as in NumPy).
  std::vector<std::int64_t> multivariate_hypergeometric(const std::vector<std::int64_t>& colors,
                                                        std::int64_t nsample,
                                                        std::string_view method = "marginals") {
    return multivariate_hypergeometric(colors, nsample, 1, method);
  }
  std::vector<std::int64_t> multivariate_hypergeometric(const std::vector<std::int64_t>& colors,
                                                        std::int64_t nsample, std::size_t size,
                                                        std::string_view method = "marginals") {
    std::vector<std::int64_t> out(detail::checked_elements<std::int64_t>(size, colors.size()));
    multivariate_hypergeometric(colors, nsample, out.data(), size, method);
    return out;
  }
  void multivariate_hypergeometric(const std::vector<std::int64_t>& colors, std::int64_t nsample,
                                   std::int64_t* out, std::size_t size,
                                   std::string_view method = "marginals") {
    const bool count = method == "count";
    if (!count && method != "marginals") {
      throw std::invalid_argument("method must be \"count\" or \"marginals\".");
    }
    if (nsample < 0) throw std::invalid_argument("nsample must be nonnegative.");
    constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
    std::int64_t total = 0;
    for (std::int64_t c : colors) {
      if (c < 0) {
        throw std::invalid_argument(
            "colors must be a one-dimensional sequence of nonnegative integers not exceeding " +
            std::to_string(int64_max) + ".");
      }
    }
    for (std::int64_t c : colors) {
      if (c > int64_max - total) {
        throw std::invalid_argument(
            "sum(colors) must not exceed the maximum value of a 64 bit signed integer (" +
            std::to_string(int64_max) + ")");
      }
      total += c;
    }
    if (!count && total >= 1000000000) {
      throw std::invalid_argument(
          "When method is \"marginals\", sum(colors) must be less than 1000000000.");
    }
    const std::uint64_t max_index =
        (std::numeric_limits<std::size_t>::max() > static_cast<std::uint64_t>(int64_max)
             ? static_cast<std::uint64_t>(int64_max)
             : static_cast<std::uint64_t>(std::numeric_limits<std::size_t>::max())) /
        sizeof(std::size_t);
    if (count && static_cast<std::uint64_t>(total) > max_index) {
      throw std::invalid_argument("When method is 'count', sum(colors) must not exceed " +
                                  std::to_string(max_index));
    }
    if (nsample > total) throw std::invalid_argument("nsample > sum(colors)");
    detail::checked_elements<std::int64_t>(size, colors.size());
    if (colors.empty()) return;
    if (count) {
      distributions::multivariate_hypergeometric_count(bit_generator_, total, colors.data(),
                                                       colors.size(), nsample, size, out);
    } else {
      distributions::multivariate_hypergeometric_marginals(bit_generator_, total, colors.data(),
                                                           colors.size(), nsample, size, out);
    }
  }

  // multivariate_normal(mean, cov, check_valid = "warn", tol = 1e-8, method = "svd").
  // cov is row-major d*d with d = mean.size() (or a vector of d rows of d). Order of events, as
  // in NumPy: method -> "method must be one of {'eigh', 'svd', 'cholesky'}"; cov not d'*d' for an
  // integer d' (or ragged rows) -> "cov must be 2 dimensional and square"; d' != d -> "mean and
  // cov must have same length"; then size*d standard normals are drawn (so the stream advances
  // even if what follows throws); then cov is decomposed ("svd": factor u*sqrt(s); "eigh": lower
  // triangle, factor u*sqrt(|s|); "cholesky": lower triangle, "Matrix is not positive definite");
  // then check_valid (not for cholesky): anything but "warn"/"raise"/"ignore" -> "check_valid must
  // equal 'warn', 'raise', or 'ignore'"; a failed PSD test (svd: allclose(vh.T*s @ vh, cov,
  // rtol=tol, atol=tol); eigh: any eigenvalue < -tol) throws "covariance is not symmetric
  // positive-semidefinite." for "raise" and, for "warn", calls nprandom's warning handler
  // (default: a line on stderr; see nprandom::set_warning_handler) and goes on.
  // Each row is mean + x @ factor.T. The normals are bit-exact with NumPy; the decomposition is
  // not LAPACK, so values match NumPy to ~1e-15 relative and singular/eigen-vector signs follow
  // nprandom's documented convention (detail/linalg.hpp), which reproduces NumPy's reference
  // outputs but can differ from a given LAPACK on other matrices. LinAlgError -> invalid_argument.
  std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                          const std::vector<double>& cov,
                                          std::string_view check_valid = "warn", double tol = 1e-8,
                                          std::string_view method = "svd") {
    return multivariate_normal(mean, cov, 1, check_valid, tol, method);
  }
  std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                          const std::vector<double>& cov, std::size_t size,
                                          std::string_view check_valid = "warn", double tol = 1e-8,
                                          std::string_view method = "svd") {
    std::vector<double> out(detail::checked_elements<double>(size, mean.size()));
    multivariate_normal(mean, cov, out.data(), size, check_valid, tol, method);
    return out;
  }
  void multivariate_normal(const std::vector<double>& mean, const std::vector<double>& cov,
                           double* out, std::size_t size, std::string_view check_valid = "warn",
                           double tol = 1e-8, std::string_view method = "svd") {
    const distributions::mvn_method m = distributions::parse_mvn_method(method);
    const std::size_t d = mean.size();
    std::size_t side = 0;
    while ((side + 1) * (side + 1) <= cov.size()) ++side;
    if (side * side != cov.size()) {
      throw std::invalid_argument("cov must be 2 dimensional and square");
    }
    if (side != d) throw std::invalid_argument("mean and cov must have same length");
    const std::size_t total = detail::checked_elements<double>(size, d);
    for (std::size_t i = 0; i < total; ++i) out[i] = distributions::standard_normal(bit_generator_);
    distributions::multivariate_normal_transform(mean.data(), cov.data(), d, m, check_valid, tol,
                                                 out, size);
  }
  std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                          const std::vector<std::vector<double>>& cov,
                                          std::string_view check_valid = "warn", double tol = 1e-8,
                                          std::string_view method = "svd") {
    return multivariate_normal(mean, cov, 1, check_valid, tol, method);
  }
  std::vector<double> multivariate_normal(const std::vector<double>& mean,
                                          const std::vector<std::vector<double>>& cov,
                                          std::size_t size, std::string_view check_valid = "warn",
                                          double tol = 1e-8, std::string_view method = "svd") {
    std::vector<double> out(detail::checked_elements<double>(size, mean.size()));
    multivariate_normal(mean, cov, out.data(), size, check_valid, tol, method);
    return out;
  }
  void multivariate_normal(const std::vector<double>& mean,
                           const std::vector<std::vector<double>>& cov, double* out,
                           std::size_t size, std::string_view check_valid = "warn",
                           double tol = 1e-8, std::string_view method = "svd") {
    distributions::parse_mvn_method(method);
    std::vector<double> flat;
    flat.reserve(detail::checked_elements<double>(cov.size(), cov.size()));
    for (const auto& row : cov) {
      if (row.size() != cov.size()) {
        throw std::invalid_argument("cov must be 2 dimensional and square");
      }
      flat.insert(flat.end(), row.begin(), row.end());
    }
    multivariate_normal(mean, flat, out, size, check_valid, tol, method);
  }
  // ==== end section: multivariate distributions ====

 private:
  BitGen bit_generator_;
  // Setups kept between one-value calls (NumPy's Generator keeps its binomial_t); they never
  // change a value drawn.
  distributions::binomial_sampler binomial_sampler_;
  distributions::poisson_sampler poisson_sampler_;
};

// ==== free functions: core (default_rng) ====
// numpy.random.default_rng: a Generator over PCG64 seeded through SeedSequence(seed) -- from a
// non-negative integer, a sequence of integers (wider entropy as 32-bit words, as NumPy stores
// it), a SeedSequence, or (no argument) fresh OS entropy; or a Generator wrapping a given bit
// generator. A negative seed throws std::invalid_argument ("expected non-negative integer").
inline Generator<PCG64> default_rng(SeedSource seed = {}) {
  return Generator<PCG64>(PCG64(std::move(seed)));
}
template <class BitGen,
          std::enable_if_t<std::is_base_of<BitGenerator<BitGen>, BitGen>::value, int> = 0>
Generator<BitGen> default_rng(BitGen bit_generator) {
  return Generator<BitGen>(std::move(bit_generator));
}
// ==== end free functions: core ====

}  // namespace nprandom

#endif  // NPRANDOM_GENERATOR_HPP
