// Generator<BitGen>: numpy.random.Generator's methods over any nprandom bit generator.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_GENERATOR_HPP
#define NPRANDOM_GENERATOR_HPP

#include <nprandom/bit_generator.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/broadcast.hpp>
#include <nprandom/detail/checked_size.hpp>
#include <nprandom/detail/choice_shuffle.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/integers_broadcast.hpp>
#include <nprandom/detail/integers_frontend.hpp>
#include <nprandom/detail/multivariate_frontend.hpp>
#include <nprandom/distributions/continuous.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/exponential.hpp>
#include <nprandom/distributions/gamma.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/distributions/multivariate.hpp>
#include <nprandom/distributions/normal.hpp>
#include <nprandom/distributions/permutation.hpp>
#include <nprandom/distributions/uniform.hpp>
#include <nprandom/ndarray.hpp>
#include <nprandom/seed_sequence.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace nprandom {

#include <nprandom/detail/draw_forms.hpp>  // macros only; undefined at the end of this file

// Mirrors numpy.random.Generator (numpy/random/_generator.pyx): parameter checks and sizing;
// the sampling algorithms are the kernels under nprandom/distributions/. Each distribution has
// four forms (docs/design.md): T method(params...) (size=None); std::vector<T> method(params...,
// size_t size); void method(params..., T* out, size_t count) (fills, allocates nothing); and
// ndarray<T> method(array_arg<P>..., size_arg size = {}) (NumPy's array parameters broadcast with
// `size`, C order, <nprandom/ndarray.hpp>). All four come from one `static constexpr auto NAME_ =
// detail::make_method<T>(kernel, named parameters and constraints)` (detail/broadcast.hpp)
// expanded by NPRANDOM_DRAW_FORMS. Checked once per call, before any draw, with NumPy's messages
// (ValueError -> std::invalid_argument, OverflowError -> std::overflow_error); NaN parameters that
// pass give NaN, as in NumPy. dtype is a template parameter: Real = double | float; integers T =
// std::int8_t .. std::uint64_t or bool.
template <class BitGen>
class Generator {
  using P_ = detail::cons;

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
    const std::size_t n_checked = detail::checked_elements<Real>(size);
    std::vector<Real> out(n_checked);
    random(out.data(), n_checked);
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
  // random(size=(2, 3)): a shape (nprandom::ndarray, C order; size_arg: a count or {d0, d1, ...}).
  template <class Real = double>
  ndarray<Real> random(size_arg size) {
    return detail::draw_shaped<Real>(size, [&](Real* o, std::size_t n) { random(o, n); });
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
      const std::size_t n_checked = detail::checked_elements<T>(size);
      std::vector<T> out(n_checked);
      integers(low, high, out.data(), n_checked, closed);
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

  // Array bounds (NumPy's _rand_<dtype>_broadcast): std::vectors of equal length, or one of
  // length 1 or a scalar; one value per element, the 8/16-bit and bool buffer kept across the
  // call. NumPy 2.5's checks and order (detail/integers_broadcast.hpp). The flag must be a bool
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

  // N-D array bounds (any array_arg, int64; uint64 for T = std::uint64_t), broadcast with each
  // other and with `size`: integers<T>(low, high, size, endpoint = false) or integers<T>(low,
  // high, endpoint_t = {}). NumPy's checks and order: per-element bounds, the broadcast, then
  // low >= high; one draw per element in C order; an empty `size` returns before any check.
  template <class T = std::int64_t>
  ndarray<T> integers(const array_arg<detail::integers_bound_t<T>>& low,
                      const array_arg<detail::integers_bound_t<T>>& high, const size_arg& size,
                      bool closed = false) {
    return detail::with_exact_bounds(low, high, [&](const auto* lo, const auto* hi) {
      if (low.ndim() == 0 && high.ndim() == 0) {  // NumPy's scalar path
        if (size && size->count() == 0) return ndarray<T>(*size);
        const auto r = detail::integers_check<T>(lo[0], hi[0], closed);
        ndarray<T> out(size ? *size : shape{});
        integers_fill_checked(r, out.data(), out.size());
        return out;
      }
      return integers_array<T>(lo, low.shape(), hi, high.shape(), size, closed);
    });
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
    const std::size_t n_checked = detail::checked_elements<Real>(size);
    std::vector<Real> out(n_checked);
    standard_normal(out.data(), n_checked);
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
  template <class Real = double>
  ndarray<Real> standard_normal(size_arg size) {
    return detail::draw_shaped<Real>(size, [&](Real* o, std::size_t n) { standard_normal(o, n); });
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
  NPRANDOM_DRAW_FORMS(normal, double, (double, loc, = 0.0), (double, scale, = 1.0));

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
    const std::size_t n_checked = detail::checked_elements<Real>(size);
    std::vector<Real> out(n_checked);
    standard_exponential(out.data(), n_checked, method);
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
  template <class Real = double>
  ndarray<Real> standard_exponential(size_arg size, std::string_view method = "zig") {
    return detail::draw_shaped<Real>(
        size, [&](Real* o, std::size_t n) { standard_exponential(o, n, method); });
  }

  // ---- exponential(scale=1.0, size=None) ----
  // Error: scale < 0 -> "scale < 0".
  static constexpr auto exponential_ =
      detail::make_method<double>(distributions::exponential_kernel{},
                                  detail::prm<double>("scale", detail::cons::non_negative));
  NPRANDOM_DRAW_FORMS(exponential, double, (double, scale, = 1.0));

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
    const std::size_t n_checked = detail::checked_elements<Real>(size);
    std::vector<Real> out(n_checked);
    standard_gamma(shape, out.data(), n_checked);
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
      distributions::gamma_kernel{}, detail::prm<double>("shape", detail::cons::non_negative),
      detail::prm<double>("scale", detail::cons::non_negative));
  NPRANDOM_DRAW_FORMS(gamma, double, (double, shape), (double, scale, = 1.0));

  // ---- bytes(length) ----
  // NumPy: integers(0, 2**32, size=ceil(length/4), dtype=uint32) -- raw next_uint32 words --
  // serialised little-endian and cut to `length` bytes.
  // bytes(0) still draws one word: NumPy's (length - 1) // 4 + 1 in C division is 1.
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
  // `a`: a population size (values 0..a-1 as std::int64_t), a std::vector<T>, a row-major rows x
  // cols buffer (rows drawn), or an N-D ndarray / array_view with NumPy's `axis` (the result
  // shape a.shape[:axis] + size + a.shape[axis+1:]; a bad axis -> std::out_of_range "tuple index
  // out of range"). Empty `p` means p=None. NumPy's paths and messages (detail/choice_shuffle.hpp).
  std::int64_t choice(std::int64_t a) { return detail::choice_one_int(bit_generator_, a); }
  std::int64_t choice(std::int64_t a, const std::vector<double>& p, bool replace = true) {
    std::int64_t out = 0;
    if (replace && choice_p_cache_.draw_one(bit_generator_, a, p.data(), p.size(), out)) return out;
    detail::choice_indices(bit_generator_, a, true, &out, 1, replace,
                           p.empty() ? nullptr : p.data(), p.size(), true, &choice_p_cache_);
    return out;
  }
  std::vector<std::int64_t> choice(std::int64_t a, std::size_t size, bool replace = true,
                                   const std::vector<double>& p = {}, bool shuffle = true) {
    return detail::choice_indices(bit_generator_, a, true, size, replace, p, shuffle,
                                  &choice_p_cache_);
  }
  void choice(std::int64_t a, std::int64_t* out, std::size_t n, bool replace = true,
              const std::vector<double>& p = {}, bool shuffle = true) {
    detail::choice_indices(bit_generator_, a, true, out, n, replace, p.empty() ? nullptr : p.data(),
                           p.size(), shuffle, &choice_p_cache_);
  }
  template <class T>
  T choice(const std::vector<T>& a) {
    return choice(a, std::vector<double>{});
  }
  template <class T>
  T choice(const std::vector<T>& a, const std::vector<double>& p, bool replace = true) {
    return a[static_cast<std::size_t>(pick_(a.size(), 1, replace, p, true)[0])];
  }
  template <class T>
  std::vector<T> choice(const std::vector<T>& a, std::size_t size, bool replace = true,
                        const std::vector<double>& p = {}, bool shuffle = true) {
    std::vector<T> out;
    for (std::int64_t i : pick_(a.size(), size, replace, p, shuffle))
      out.push_back(a[static_cast<std::size_t>(i)]);
    return out;
  }
  template <class T>
  std::vector<T> choice(const T* data, std::size_t rows, std::size_t cols, std::size_t size,
                        bool replace = true, const std::vector<double>& p = {},
                        bool shuffle = true) {
    return choice(array_view<T>{data, shape{rows, cols}}, size, replace, p, 0, shuffle);
  }
  template <class T>
  ndarray<T> choice(const array_view<T>& a, const size_arg& size, bool replace = true,
                    const std::vector<double>& p = {}, int axis = 0, bool shuffle = true) {
    return detail::choice_axis(bit_generator_, a, size, replace, p, axis, shuffle);
  }
  template <class T>
  ndarray<T> choice(const ndarray<T>& a, const size_arg& size, bool replace = true,
                    const std::vector<double>& p = {}, int axis = 0, bool shuffle = true) {
    return choice(array_view<T>{a.data(), a.shape()}, size, replace, p, axis, shuffle);
  }

  // ---- shuffle(x, axis=0), permutation(x, axis=0), permuted(x, axis=None) ----
  // NumPy's _shuffle_raw: in place, Fisher-Yates from the end with masked random_interval draws.
  // shuffle takes any random-access range, an iterator pair, or a row-major rows x cols buffer
  // along `axis` (0: rows, 1: columns; -1/-2 as NumPy). permutation(n) is a shuffled 0..n-1;
  // permutation / permuted return shuffled copies; permuted(data, rows, cols, axis) and the N-D
  // permuted shuffle each lane along `axis` independently, lanes in C order (axis None: flat).
  // A bad axis -> std::invalid_argument "axis A is out of bounds for array of dimension N".
  template <class Range>
  auto shuffle(Range& x) -> decltype(std::begin(x), std::end(x), void()) {
    shuffle(std::begin(x), std::end(x));
  }
  template <class RandomIt>
  void shuffle(RandomIt first, RandomIt last) {
    distributions::shuffle_raw(bit_generator_, first, static_cast<std::size_t>(last - first), 1);
  }
  template <class T>
  void shuffle(T* data, std::size_t rows, std::size_t cols, int axis = 0) {
    detail::shuffle_2d(bit_generator_, data, rows, cols, axis);
  }
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
  template <class T>  // NumPy shuffles an index of the axis' length: the same draws
  std::vector<T> permutation(const T* data, std::size_t rows, std::size_t cols, int axis = 0) {
    const std::size_t ax = detail::normalize_axis(axis, 2);
    auto idx = permutation(static_cast<std::int64_t>(ax == 0 ? rows : cols));
    std::vector<T> out;
    out.reserve(detail::checked_elements<T>(rows, cols));
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        const std::size_t rr = ax == 0 ? static_cast<std::size_t>(idx[r]) : r;
        out.push_back(data[rr * cols + (ax == 0 ? c : static_cast<std::size_t>(idx[c]))]);
      }
    }
    return out;
  }
  template <class T>
  std::vector<T> permuted(const std::vector<T>& x) {
    return permutation(x);
  }
  template <class T>
  std::vector<T> permuted(const T* data, std::size_t rows, std::size_t cols, int axis) {
    return permuted(array_view<T>{data, shape{rows, cols}}, axis).values();
  }
  template <class T>
  ndarray<T> permuted(const array_view<T>& x, std::optional<int> axis = std::nullopt) {
    return detail::permuted_nd(bit_generator_, x, axis);
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

  static void check_shape_(double v) { standard_gamma_.check_scalars(v); }

  static double uniform_range(double low, double high) {
    const double range = high - low;
    if (!detail::isfinite(range))
      throw std::overflow_error("high - low range exceeds valid bounds");
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

  std::vector<std::int64_t> pick_(std::size_t pop, std::size_t n, bool replace,
                                  const std::vector<double>& p, bool shuffle) {
    return detail::choice_indices(bit_generator_, static_cast<std::int64_t>(pop), false, n, replace,
                                  p, shuffle, &choice_p_cache_);
  }

 public:
  static constexpr auto beta_ = detail::make_method<double>(distributions::beta_kernel{},
                                                            detail::prm<double>("a", P_::positive),
                                                            detail::prm<double>("b", P_::positive));
  NPRANDOM_DRAW_FORMS(beta, double, (double, a), (double, b));

  static constexpr auto chisquare_ = detail::make_method<double>(
      distributions::chisquare_kernel{}, detail::prm<double>("df", P_::positive));
  NPRANDOM_DRAW_FORMS(chisquare, double, (double, df));

  static constexpr auto f_ = detail::make_method<double>(
      distributions::f_kernel{}, detail::prm<double>("dfnum", P_::positive),
      detail::prm<double>("dfden", P_::positive));
  NPRANDOM_DRAW_FORMS(f, double, (double, dfnum), (double, dfden));

  static constexpr auto noncentral_chisquare_ = detail::make_method<double>(
      distributions::noncentral_chisquare_kernel{}, detail::prm<double>("df", P_::positive),
      detail::prm<double>("nonc", P_::non_negative));
  NPRANDOM_DRAW_FORMS(noncentral_chisquare, double, (double, df), (double, nonc));

  static constexpr auto noncentral_f_ = detail::make_method<double>(
      distributions::noncentral_f_kernel{}, detail::prm<double>("dfnum", P_::positive),
      detail::prm<double>("dfden", P_::positive), detail::prm<double>("nonc", P_::non_negative));
  NPRANDOM_DRAW_FORMS(noncentral_f, double, (double, dfnum), (double, dfden), (double, nonc));

  static constexpr auto standard_cauchy_ =
      detail::make_method<double>(distributions::standard_cauchy_kernel{});
  NPRANDOM_DRAW_FORMS_0(standard_cauchy, double);

  static constexpr auto standard_t_ = detail::make_method<double>(
      distributions::standard_t_kernel{}, detail::prm<double>("df", P_::positive));
  NPRANDOM_DRAW_FORMS(standard_t, double, (double, df));

  // vonmises(mu, kappa): kappa < 0. NaN kappa gives NaN without drawing; for kappa < 1e-8 the
  // result is uniform on [-pi, pi) and, as in NumPy, does not depend on mu.
  static constexpr auto vonmises_ =
      detail::make_method<double>(distributions::vonmises_kernel{}, detail::prm<double>("mu"),
                                  detail::prm<double>("kappa", P_::non_negative));
  NPRANDOM_DRAW_FORMS(vonmises, double, (double, mu), (double, kappa));

  static constexpr auto pareto_ = detail::make_method<double>(
      distributions::pareto_kernel{}, detail::prm<double>("a", P_::positive));
  NPRANDOM_DRAW_FORMS(pareto, double, (double, a));

  static constexpr auto weibull_ = detail::make_method<double>(
      distributions::weibull_kernel{}, detail::prm<double>("a", P_::non_negative));
  NPRANDOM_DRAW_FORMS(weibull, double, (double, a));

  static constexpr auto power_ = detail::make_method<double>(
      distributions::power_kernel{}, detail::prm<double>("a", P_::positive));
  NPRANDOM_DRAW_FORMS(power, double, (double, a));

  static constexpr auto laplace_ =
      detail::make_method<double>(distributions::laplace_kernel{}, detail::prm<double>("loc"),
                                  detail::prm<double>("scale", P_::non_negative));
  NPRANDOM_DRAW_FORMS(laplace, double, (double, loc, = 0.0), (double, scale, = 1.0));

  static constexpr auto gumbel_ =
      detail::make_method<double>(distributions::gumbel_kernel{}, detail::prm<double>("loc"),
                                  detail::prm<double>("scale", P_::non_negative));
  NPRANDOM_DRAW_FORMS(gumbel, double, (double, loc, = 0.0), (double, scale, = 1.0));

  static constexpr auto logistic_ =
      detail::make_method<double>(distributions::logistic_kernel{}, detail::prm<double>("loc"),
                                  detail::prm<double>("scale", P_::non_negative));
  NPRANDOM_DRAW_FORMS(logistic, double, (double, loc, = 0.0), (double, scale, = 1.0));

  static constexpr auto lognormal_ =
      detail::make_method<double>(distributions::lognormal_kernel{}, detail::prm<double>("mean"),
                                  detail::prm<double>("sigma", P_::non_negative));
  NPRANDOM_DRAW_FORMS(lognormal, double, (double, mean, = 0.0), (double, sigma, = 1.0));

  static constexpr auto rayleigh_ = detail::make_method<double>(
      distributions::rayleigh_kernel{}, detail::prm<double>("scale", P_::non_negative));
  NPRANDOM_DRAW_FORMS(rayleigh, double, (double, scale, = 1.0));

  static constexpr auto wald_ = detail::make_method<double>(
      distributions::wald_kernel{}, detail::prm<double>("mean", P_::positive),
      detail::prm<double>("scale", P_::positive));
  NPRANDOM_DRAW_FORMS(wald, double, (double, mean), (double, scale));

  // triangular(left, mode, right): "left > mode", "mode > right", "left == right" (checked in
  // that order, over the broadcast pairs for arrays; NaN bounds pass and give NaN).
  static constexpr auto triangular_ =
      detail::make_method<double>(distributions::triangular_kernel{}, detail::prm<double>("left"),
                                  detail::prm<double>("mode"), detail::prm<double>("right"))
          .with_pre(detail::check_triangular{});
  NPRANDOM_DRAW_FORMS(triangular, double, (double, left), (double, mode), (double, right));

  // Results are int64 like NumPy's; a sized call with bad parameters throws even when size == 0.

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
    binomial_.check_scalars(p, n);
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
      detail::make_method<std::int64_t>(distributions::negative_binomial_kernel{},
                                        detail::prm<double>("n", P_::positive_not_nan),
                                        detail::prm<double>("p", P_::bounded_gt_0_1))
          .with_post(detail::check_negative_binomial_lam{});
  NPRANDOM_DRAW_FORMS(negative_binomial, std::int64_t, (double, n), (double, p));

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
    poisson_.check_scalars(lam);
    return poisson_sampler_(bit_generator_, lam);
  }
  NPRANDOM_DRAW_FORMS_MANY(poisson, std::int64_t, (double, lam));

  static constexpr auto zipf_ =
      detail::make_method<std::int64_t>([](auto& g, double a) { return distributions::zipf(g, a); },
                                        detail::prm<double>("a", P_::gt_1))
          .with_fill([](auto& g, std::int64_t* out, std::size_t cnt, double a) {
            distributions::zipf_fill(g, a, out, cnt);
          });
  // One value: the setup is kept between calls with the same a (zipf_sampler_).
  std::int64_t zipf(double a) {
    zipf_.check_scalars(a);
    return zipf_sampler_(bit_generator_, a);
  }
  NPRANDOM_DRAW_FORMS_MANY(zipf, std::int64_t, (double, a));

  // geometric(p): p in (0, 1] ("p <= 0, p > 1 or p contains NaNs"). Results >= 2^63 are clamped
  // to INT64_MAX (NumPy >= 1.25).
  static constexpr auto geometric_ =
      detail::make_method<std::int64_t>(
          [](auto& g, double p) { return distributions::geometric(g, p); },
          detail::prm<double>("p", P_::bounded_gt_0_1))
          .with_fill([](auto& g, std::int64_t* out, std::size_t cnt, double p) {
            distributions::geometric_fill(g, p, out, cnt);
          });
  // One value: the per-p setup is kept between calls with the same p (geometric_sampler_).
  std::int64_t geometric(double p) {
    geometric_.check_scalars(p);
    return geometric_sampler_(bit_generator_, p);
  }
  NPRANDOM_DRAW_FORMS_MANY(geometric, std::int64_t, (double, p));

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
  // One value: the HRUA setup is kept between calls (hypergeometric_sampler_).
  std::int64_t hypergeometric(std::int64_t ngood, std::int64_t nbad, std::int64_t nsample) {
    hypergeometric_.check_scalars(ngood, nbad, nsample);
    return hypergeometric_sampler_(bit_generator_, ngood, nbad, nsample);
  }
  NPRANDOM_DRAW_FORMS_MANY(hypergeometric, std::int64_t, (std::int64_t, ngood),
                           (std::int64_t, nbad), (std::int64_t, nsample));

  static constexpr auto logseries_ = detail::make_method<std::int64_t>(
      distributions::logseries_kernel{}, detail::prm<double>("p", P_::bounded_lt_0_1));
  // One value: r = log1p(-p) is kept between calls with the same p (logseries_r_).
  std::int64_t logseries(double p) {
    logseries_.check_scalars(p);
    return distributions::logseries_from(bit_generator_, p,
                                         logseries_r_.get(&distributions::logseries_setup, p));
  }
  NPRANDOM_DRAW_FORMS_MANY(logseries, std::int64_t, (double, p));

  // Checks in detail/multivariate_frontend.hpp. With k components per draw (k = alpha.size(),
  // pvals.size(), colors.size(), mean.size()) results are row-major, one row per draw:
  //   method(params...)                        one draw, k values (NumPy: size=None)
  //   method(params..., std::size_t size)      size*k values, draw r at [r*k, r*k+k)
  //   method(params..., T* out, std::size_t size)   writes size*k values to out
  // Checked once, before anything is drawn, in NumPy's order and words, also when size == 0.
  // The one-draw form draws exactly what size=1 draws.
 public:
  // dirichlet(alpha): "alpha < 0" (-0.0 and NaN pass, as np.less does). Zeros are allowed;
  // all-zero alpha gives rows of 0 without drawing. max(alpha) < 0.1: stick-breaking with betas,
  // otherwise normalised gammas.
  std::vector<double> dirichlet(const std::vector<double>& alpha) { return dirichlet(alpha, 1); }
  std::vector<double> dirichlet(const std::vector<double>& alpha, std::size_t size) {
    return rows_<double>(size, alpha.size(), [&](double* o) { dirichlet(alpha, o, size); });
  }
  void dirichlet(const std::vector<double>& alpha, double* out, std::size_t size) {
    detail::dirichlet_fill(bit_generator_, alpha, out, size);
  }

  // multinomial(n, pvals): NumPy's pvals and n checks. Array n and N-D pvals broadcast (NumPy's
  // vector path): the shape is broadcast(n, pvals.shape[:-1]) (or `size`) + (d,).
  std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals) {
    return multinomial(n, pvals, 1);
  }
  std::vector<std::int64_t> multinomial(std::int64_t n, const std::vector<double>& pvals,
                                        std::size_t size) {
    return rows_<std::int64_t>(size, pvals.size(),
                               [&](std::int64_t* o) { multinomial(n, pvals, o, size); });
  }
  void multinomial(std::int64_t n, const std::vector<double>& pvals, std::int64_t* out,
                   std::size_t size) {
    detail::multinomial_fill(bit_generator_, n, pvals, out, size, &multinomial_kept_);
  }
  ndarray<std::int64_t> multinomial(const array_arg<std::int64_t>& n,
                                    const array_arg<double>& pvals, const size_arg& size = {}) {
    return detail::multinomial_array(bit_generator_, n, pvals, size);
  }

  // multivariate_hypergeometric(colors, nsample, method = "marginals" | "count"): NumPy's checks
  // and texts (detail/multivariate_frontend.hpp). The 'count' urn is shared by the draws of a call.
  std::vector<std::int64_t> multivariate_hypergeometric(const std::vector<std::int64_t>& colors,
                                                        std::int64_t nsample,
                                                        std::string_view method = "marginals") {
    return multivariate_hypergeometric(colors, nsample, 1, method);
  }
  std::vector<std::int64_t> multivariate_hypergeometric(const std::vector<std::int64_t>& colors,
                                                        std::int64_t nsample, std::size_t size,
                                                        std::string_view method = "marginals") {
    return rows_<std::int64_t>(size, colors.size(), [&](std::int64_t* o) {
      multivariate_hypergeometric(colors, nsample, o, size, method);
    });
  }
  void multivariate_hypergeometric(const std::vector<std::int64_t>& colors, std::int64_t nsample,
                                   std::int64_t* out, std::size_t size,
                                   std::string_view method = "marginals") {
    detail::multivariate_hypergeometric_fill(bit_generator_, colors, nsample, out, size, method);
  }

  // multivariate_normal(mean, cov, check_valid = "warn", tol = 1e-8, method = "svd"): cov
  // row-major d*d (d = mean.size()) or d rows of d; NumPy's order of checks and draws (the
  // normals are drawn before cov is decomposed; "warn" calls nprandom's warning handler). The
  // normals are bit-exact; the decomposition is not LAPACK (~1e-15 relative, detail/linalg.hpp).
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
    return rows_<double>(size, mean.size(), [&](double* o) {
      multivariate_normal(mean, cov, o, size, check_valid, tol, method);
    });
  }
  void multivariate_normal(const std::vector<double>& mean, const std::vector<double>& cov,
                           double* out, std::size_t size, std::string_view check_valid = "warn",
                           double tol = 1e-8, std::string_view method = "svd") {
    detail::multivariate_normal_fill(bit_generator_, mean, cov, out, size, check_valid, tol, method,
                                     &mvn_cache_);
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
    return rows_<double>(size, mean.size(), [&](double* o) {
      multivariate_normal(mean, cov, o, size, check_valid, tol, method);
    });
  }
  void multivariate_normal(const std::vector<double>& mean,
                           const std::vector<std::vector<double>>& cov, double* out,
                           std::size_t size, std::string_view check_valid = "warn",
                           double tol = 1e-8, std::string_view method = "svd") {
    if (mvn_cache_.matches_rows(distributions::parse_mvn_method(method), cov, tol)) {
      multivariate_normal(mean, mvn_cache_.cov, out, size, check_valid, tol, method);  // its copy
      return;
    }
    multivariate_normal(mean, detail::flatten_cov(cov), out, size, check_valid, tol, method);
  }

 private:
  BitGen& draw_state_() noexcept { return bit_generator_; }  // what the kernels take
  // A std::vector of rows x k values written by fill(out).
  template <class T, class F>
  static std::vector<T> rows_(std::size_t rows, std::size_t k, F&& fill) {
    std::vector<T> out(detail::checked_elements<T>(rows, k));
    fill(out.data());
    return out;
  }
  BitGen bit_generator_;
  // Setups kept between one-value calls (NumPy's Generator keeps its binomial_t); they never
  // change a value drawn.
  distributions::binomial_sampler binomial_sampler_;
  distributions::poisson_sampler poisson_sampler_;
  distributions::zipf_sampler zipf_sampler_;
  distributions::hypergeometric_sampler hypergeometric_sampler_;
  distributions::geometric_sampler geometric_sampler_;
  detail::kept_setup<double, 1> logseries_r_;
  detail::multinomial_kept<distributions::binomial_sampler> multinomial_kept_;  // one-row calls
  detail::choice_p_cache choice_p_cache_;      // the last valid p of choice (checks, cdf)
  distributions::mvn_factor_cache mvn_cache_;  // multivariate_normal's last cov decomposition
};

// ==== free functions: core (default_rng) ====
// numpy.random.default_rng: a Generator over PCG64 seeded through SeedSequence(seed) (an integer
// >= 0, a sequence of integers, a SeedSequence, or no argument: OS entropy), or over a given bit
// generator. A negative seed -> std::invalid_argument. (A template only so that a TU that never
// calls it does not instantiate Generator<PCG64>: compile time.)
template <class BitGen = PCG64, std::enable_if_t<std::is_same<BitGen, PCG64>::value, int> = 0>
Generator<BitGen> default_rng(SeedSource seed = {}) {
  return Generator<BitGen>(BitGen(std::move(seed)));
}
template <class BitGen,
          std::enable_if_t<std::is_base_of<BitGenerator<BitGen>, BitGen>::value, int> = 0>
Generator<BitGen> default_rng(BitGen bit_generator) {
  return Generator<BitGen>(std::move(bit_generator));
}

}  // namespace nprandom

#include <nprandom/detail/draw_forms_undef.hpp>

#endif  // NPRANDOM_GENERATOR_HPP
