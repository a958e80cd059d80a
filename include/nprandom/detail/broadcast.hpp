// NumPy's broadcasting, constraint checks and cont()/disc() driver: one declaration per method.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_BROADCAST_HPP
#define NPRANDOM_DETAIL_BROADCAST_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/bitgen_traits.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/ndarray.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace nprandom {
namespace detail {

// ---- broadcasting (numpy/core/src/multiarray/iterators.c, PyArray_Broadcast) ----------------

// The broadcast shape of `shapes`, in the order NumPy's multi-iterator receives them. A
// mismatch throws NumPy's text, naming the first operand that set the dimension and the one that
// disagrees: "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between
// arg 0 with shape (2,) and arg 1 with shape (3,)."
inline shape broadcast_shapes(const std::vector<const shape*>& shapes) {
  std::size_t nd = 0;
  for (const shape* s : shapes) nd = s->ndim() > nd ? s->ndim() : nd;
  std::vector<std::size_t> dims(nd, 1);
  for (std::size_t i = 0; i < nd; ++i) {
    std::size_t src = 0;
    for (std::size_t j = 0; j < shapes.size(); ++j) {
      const shape& s = *shapes[j];
      if (i + s.ndim() < nd) continue;
      const std::size_t tmp = s[i + s.ndim() - nd];
      if (tmp == 1) continue;
      if (dims[i] == 1) {
        dims[i] = tmp;
        src = j;
      } else if (dims[i] != tmp) {
        throw std::invalid_argument(
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
            "arg " +
            std::to_string(src) + " with shape " + shapes[src]->str() + " and arg " +
            std::to_string(j) + " with shape " + s.str() + ".");
      }
    }
  }
  return shape(std::move(dims));
}

// The broadcast shape of a binary ufunc's operands (np.subtract(a, b), np.greater(a, b), ...):
// "operands could not be broadcast together with shapes (2,) (3,) ".
// The ufunc spells shapes without spaces: "(2,3) (2,) ".
inline std::string ufunc_shape_str(const shape& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.ndim(); ++i)
    r += std::to_string(s[i]) + (i + 1 < s.ndim() ? "," : "");
  if (s.ndim() == 1) r += ",";
  return r + ")";
}
inline shape ufunc_broadcast(const shape& a, const shape& b) {
  try {
    return broadcast_shapes({&a, &b});
  } catch (const std::invalid_argument&) {
    throw std::invalid_argument("operands could not be broadcast together with shapes " +
                                ufunc_shape_str(a) + " " + ufunc_shape_str(b) + " ");
  }
}

// C-order walk over a broadcast shape: offset(k) is operand k's flat index at the current element.
class broadcast_walk {
 public:
  broadcast_walk(const shape& out, const std::vector<const shape*>& ops)
      : dims_(out.dims()), idx_(out.ndim(), 0), off_(ops.size(), 0), strides_(ops.size()) {
    const std::size_t nd = out.ndim();
    for (std::size_t k = 0; k < ops.size(); ++k) {
      const shape& s = *ops[k];
      strides_[k].assign(nd, 0);
      std::size_t st = 1;
      for (std::size_t i = s.ndim(); i-- > 0;) {
        const std::size_t oi = i + nd - s.ndim();
        strides_[k][oi] = s[i] == 1 ? 0 : st;
        st *= s[i];
      }
    }
  }
  std::size_t offset(std::size_t k) const noexcept { return off_[k]; }
  void next() noexcept {
    for (std::size_t i = dims_.size(); i-- > 0;) {
      if (++idx_[i] < dims_[i]) {
        for (std::size_t k = 0; k < off_.size(); ++k) off_[k] += strides_[k][i];
        return;
      }
      for (std::size_t k = 0; k < off_.size(); ++k) off_[k] -= strides_[k][i] * (dims_[i] - 1);
      idx_[i] = 0;
    }
  }

 private:
  std::vector<std::size_t> dims_, idx_, off_;
  std::vector<std::vector<std::size_t>> strides_;
};

// True if pred(a_i, b_i) holds anywhere on the broadcast of a and b (np.any(np.greater(a, b))
// and friends); a shape mismatch throws the binary ufunc's text.
template <class A, class B, class Pred>
bool any_broadcast(const array_arg<A>& a, const array_arg<B>& b, Pred&& pred) {
  const shape out = ufunc_broadcast(a.shape(), b.shape());
  broadcast_walk w(out, {&a.shape(), &b.shape()});
  const std::size_t n = out.count();
  for (std::size_t i = 0; i < n; ++i, w.next()) {
    if (pred(a[w.offset(0)], b[w.offset(1)])) return true;
  }
  return false;
}

// ---- the constraint vocabulary (numpy/random/_common.pyx check_constraint /
// check_array_constraint), shared by Generator and RandomState ---------------------------------

enum class cons : unsigned char {
  none,
  non_negative,       // "{n} < 0": a set sign bit (-0.0 too) unless NaN
  positive,           // "{n} <= 0" (NaN passes)
  positive_not_nan,   // "{n} must not be NaN", then "{n} <= 0"
  bounded_0_1,        // 0 <= x <= 1
  bounded_gt_0_1,     // 0 < x <= 1
  bounded_lt_0_1,     // 0 <= x < 1
  gt_1,               // x > 1
  gte_1,              // x >= 1
  poisson,            // 0 <= x <= POISSON_LAM_MAX
  legacy_poisson,     // the same with C long (LP64: identical)
  non_negative_long,  // LEGACY_CONS_NON_NEGATIVE_INBOUNDS_LONG on int64: "{n} < 0"
};

// POISSON_LAM_MAX = int64max - 10 sqrt(int64max) (as a double).
inline double poisson_lam_max() noexcept {
  const double imax = static_cast<double>(std::numeric_limits<std::int64_t>::max());
  return imax - mul(detail::sqrt(imax), 10.0);
}

// One parameter of a method: NumPy's name and constraint, and an optional extra per-value check
// (nprandom's refusals where NumPy never returns) run after the constraint.
struct param {
  const char* name = "";
  cons c = cons::none;
  void (*extra)(double) = nullptr;
};

[[noreturn]] inline void fail(const std::string& msg) { throw std::invalid_argument(msg); }

// check_constraint (`is_array` false) or check_array_constraint (true) over the n values of v,
// converted to double as NumPy's checks see them. Messages are NumPy's, which differ between
// the scalar and the array form for some constraints ("is NaN" / "contains NaNs").
template <class T>
void check_values(const param& p, const T* v, std::size_t n, bool is_array) {
  const std::string nm(p.name);
  auto all = [&](auto&& ok) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!ok(static_cast<double>(v[i]))) return false;
    }
    return true;
  };
  const char* nan_word = is_array ? " contains NaNs" : " is NaN";
  switch (p.c) {
    case cons::none:
      break;
    case cons::non_negative:
    case cons::non_negative_long:
      if (!all([](double x) { return detail::isnan(x) || !detail::signbit(x); })) fail(nm + " < 0");
      break;
    case cons::positive_not_nan:
      if (!all([](double x) { return !detail::isnan(x); })) fail(nm + " must not be NaN");
      [[fallthrough]];
    case cons::positive:
      if (!all([](double x) { return !(x <= 0); })) fail(nm + " <= 0");
      break;
    case cons::bounded_0_1:
      if (!all([](double x) { return x >= 0 && x <= 1; }))
        fail(nm + " < 0, " + nm + " > 1 or " + nm + nan_word);
      break;
    case cons::bounded_gt_0_1:
      if (!all([](double x) { return x > 0 && x <= 1; }))
        fail(nm + " <= 0, " + nm + " > 1 or " + nm + " contains NaNs");
      break;
    case cons::bounded_lt_0_1:
      if (!all([](double x) { return x >= 0 && x < 1; }))
        fail(nm + " < 0, " + nm + " >= 1 or " + nm + nan_word);
      break;
    case cons::gt_1:
      if (!all([](double x) { return x > 1; })) fail(nm + " <= 1 or " + nm + nan_word);
      break;
    case cons::gte_1:
      if (!all([](double x) { return x >= 1; })) fail(nm + " < 1 or " + nm + nan_word);
      break;
    case cons::poisson:
    case cons::legacy_poisson: {
      const double lam_max = poisson_lam_max();
      auto too_large = [&] {
        return !all([&](double x) { return detail::isnan(x) || x <= lam_max; });
      };
      auto negative = [&] { return !all([](double x) { return x >= 0; }); };
      if (is_array) {  // the array check tests "too large" first; NaN fails the second test
        if (!all([&](double x) { return x <= lam_max; })) fail(nm + " value too large");
        if (negative()) fail(nm + " < 0 or " + nm + " contains NaNs");
      } else {
        if (negative()) fail(nm + " < 0 or " + nm + " is NaN");
        if (too_large()) fail(nm + " value too large");
      }
      break;
    }
  }
  if (p.extra) {
    for (std::size_t i = 0; i < n; ++i) p.extra(static_cast<double>(v[i]));
  }
}

// The scalar form of check_values' tests, without building a message: true if x passes `c`.
// The scalar draw forms run this first and call check_values (same order, same message) only for
// a value that fails, so a valid scalar call pays a few compares.
inline bool passes(cons c, double x) noexcept {
  switch (c) {
    case cons::none:
      return true;
    case cons::non_negative:
    case cons::non_negative_long:
      return detail::isnan(x) || !detail::signbit(x);
    case cons::positive_not_nan:
      return !detail::isnan(x) && !(x <= 0);
    case cons::positive:
      return !(x <= 0);
    case cons::bounded_0_1:
      return x >= 0 && x <= 1;
    case cons::bounded_gt_0_1:
      return x > 0 && x <= 1;
    case cons::bounded_lt_0_1:
      return x >= 0 && x < 1;
    case cons::gt_1:
      return x > 1;
    case cons::gte_1:
      return x >= 1;
    case cons::poisson:
    case cons::legacy_poisson:
      return x >= 0 && x <= poisson_lam_max();
  }
  return false;
}

// ---- cross-parameter checks (NumPy's np.any(np.greater(a, b)) ... on the broadcast pairs) ----

// triangular: "left > mode", "mode > right", "left == right".
// Each cross-parameter check also has `scalar(...)`, the same tests and messages on scalar
// parameters without building arrays (method::check_scalars uses it when present).
struct check_triangular {
  void operator()(const array_arg<double>& l, const array_arg<double>& m,
                  const array_arg<double>& r) const {
    if (any_broadcast(l, m, [](double a, double b) { return a > b; })) fail("left > mode");
    if (any_broadcast(m, r, [](double a, double b) { return a > b; })) fail("mode > right");
    if (any_broadcast(l, r, [](double a, double b) { return a == b; })) fail("left == right");
  }
  void scalar(double l, double m, double r) const {
    if (l > m) fail("left > mode");
    if (m > r) fail("mode > right");
    if (l == r) fail("left == right");
  }
};

// Generator.negative_binomial: (1 - p) / p * (n + 10 sqrt(n)) > POISSON_LAM_MAX.
struct check_negative_binomial_lam {
  void operator()(const array_arg<double>& n, const array_arg<double>& p) const {
    const double lam_max = poisson_lam_max();
    if (any_broadcast(p, n, [&](double pv, double nv) {
          return (1 - pv) / pv * (nv + mul(10.0, detail::sqrt(nv))) > lam_max;
        })) {
      fail("n too large or p too small, see Generator.negative_binomial Notes");
    }
  }
  void scalar(double n, double p) const {
    if ((1 - p) / p * (n + mul(10.0, detail::sqrt(n))) > poisson_lam_max()) {
      fail("n too large or p too small, see Generator.negative_binomial Notes");
    }
  }
};

// hypergeometric: (Generator only, `limit`) ngood, nbad < 10**9, then ngood + nbad >= nsample
// (int64 arithmetic, wrapping as NumPy's does for absurd inputs).
struct check_hypergeometric_sum {
  bool limit;
  void operator()(const array_arg<std::int64_t>& good, const array_arg<std::int64_t>& bad,
                  const array_arg<std::int64_t>& nsample) const {
    constexpr std::int64_t hypergeom_max = 1000000000;
    if (limit) {
      bool over = false;
      for (std::size_t i = 0; i < good.size(); ++i) over = over || good[i] >= hypergeom_max;
      for (std::size_t i = 0; i < bad.size(); ++i) over = over || bad[i] >= hypergeom_max;
      if (over) fail("both ngood and nbad must be less than 1000000000");
    }
    const shape gb = ufunc_broadcast(good.shape(), bad.shape());
    ndarray<std::int64_t> sum(gb);
    broadcast_walk w(gb, {&good.shape(), &bad.shape()});
    for (std::size_t i = 0; i < sum.size(); ++i, w.next()) {
      sum[i] = static_cast<std::int64_t>(static_cast<std::uint64_t>(good[w.offset(0)]) +
                                         static_cast<std::uint64_t>(bad[w.offset(1)]));
    }
    if (any_broadcast(array_arg<std::int64_t>(sum), nsample,
                      [](std::int64_t a, std::int64_t b) { return a < b; })) {
      fail("ngood + nbad < nsample");
    }
  }
  void scalar(std::int64_t good, std::int64_t bad, std::int64_t nsample) const {
    constexpr std::int64_t hypergeom_max = 1000000000;
    if (limit && (good >= hypergeom_max || bad >= hypergeom_max)) {
      fail("both ngood and nbad must be less than 1000000000");
    }
    const auto sum = static_cast<std::int64_t>(static_cast<std::uint64_t>(good) +
                                               static_cast<std::uint64_t>(bad));
    if (sum < nsample) fail("ngood + nbad < nsample");
  }
};

// The shape-`size` form of a parameterless method (random((2, 3)), standard_normal((4, 5)), ...):
// an ndarray of that shape (size None: shape (), one value) filled in C order by
// `fill(out, count)`, i.e. the values of the sized form for the element count.
template <class T, class Fill>
ndarray<T> draw_shaped(const size_arg& size, Fill&& fill) {
  ndarray<T> r(size ? *size : shape{});
  fill(r.data(), r.size());
  return r;
}

// uniform with array bounds: high - low (np.subtract(high, low)), all finite or
// std::overflow_error "Range exceeds valid bounds" (RandomState and Generator alike).
inline ndarray<double> uniform_range_array(const array_arg<double>& low,
                                           const array_arg<double>& high) {
  const shape out = ufunc_broadcast(high.shape(), low.shape());
  ndarray<double> range(out);
  broadcast_walk w(out, {&high.shape(), &low.shape()});
  bool finite = true;
  for (std::size_t i = 0; i < range.size(); ++i, w.next()) {
    range[i] = high[w.offset(0)] - low[w.offset(1)];
    finite = finite && detail::isfinite(range[i]);
  }
  if (!finite) throw std::overflow_error("Range exceeds valid bounds");
  return range;
}

// ---- one declaration per method: NumPy's cont()/disc() ----------------------------------------

struct no_fill {};
struct no_check {
  template <class... A>
  void operator()(const A&...) const noexcept {}
  template <class... A>
  void scalar(const A&...) const noexcept {}
};

// Whether check functor F has scalar(A...) (then scalar calls skip the array form).
template <class F, class Args, class = void>
struct has_scalar_check : std::false_type {};
template <class F, class... A>
struct has_scalar_check<
    F, std::tuple<A...>,
    std::void_t<decltype(std::declval<const F&>().scalar(std::declval<A>()...))>> : std::true_type {
};

// A distribution method: its result type Out, its parameters P... (NumPy's names, constraints,
// in NumPy's check and broadcast order), the kernel `kernel(state, p...)` giving one value, an
// optional bulk `fill(state, out, n, p...)` for scalar parameters (same values as n kernel
// calls), and optional cross-parameter checks run on the parameters as arrays before (`pre`) and
// after (`post`) the per-parameter constraints. From it come every draw form:
//   one(state, p...)                one value (NumPy size=None with scalars)
//   fill(state, out, n, p...)       n values into caller memory
//   sized(state, n, p...)           std::vector of n values
//   array(state, size, a...)        array parameters broadcast with each other and with `size`
// Everything is checked before anything is drawn, so a rejected call consumes no state.
template <class Out, class Kernel, class Fill, class Pre, class Post, class... P>
struct method {
  static constexpr std::size_t arity = sizeof...(P);
  std::array<param, sizeof...(P)> params;
  Kernel kernel;
  Fill bulk;
  Pre pre;
  Post post;
  bool validate_output = true;  // NumPy's validate_output_shape (integers does not call it)

  template <class F>
  constexpr method<Out, Kernel, F, Pre, Post, P...> with_fill(F f) const {
    return {params, kernel, f, pre, post, validate_output};
  }
  template <class F>
  constexpr method<Out, Kernel, Fill, F, Post, P...> with_pre(F f) const {
    return {params, kernel, bulk, f, post, validate_output};
  }
  template <class F>
  constexpr method<Out, Kernel, Fill, Pre, F, P...> with_post(F f) const {
    return {params, kernel, bulk, pre, f, validate_output};
  }

  // Runs every check, scalar messages when no parameter is an array.
  void check(bool is_array, const array_arg<P>&... a) const {
    pre(a...);
    check_each(is_array, std::index_sequence_for<P...>{}, a...);
    post(a...);
  }

  // check(false, ...) for scalar parameters: the per-parameter tests without building arrays or
  // messages unless a value fails (then check_values throws NumPy's message, in the same order).
  void check_scalars(P... v) const {
    if constexpr (has_scalar_check<Pre, std::tuple<P...>>::value &&
                  has_scalar_check<Post, std::tuple<P...>>::value) {
      pre.scalar(v...);
      check_scalars_each(std::index_sequence_for<P...>{}, v...);
      post.scalar(v...);
    } else {
      check(false, array_arg<P>(v)...);
    }
  }

  template <class S>
  Out one(S& s, P... v) const {
    check_scalars(v...);
    return static_cast<Out>(kernel(s, v...));
  }
  template <class S>
  void fill(S& s, Out* out, std::size_t n, P... v) const {
    check_scalars(v...);
    fill_unchecked(s, out, n, v...);
  }
  template <class S>
  std::vector<Out> sized(S& s, std::size_t n, P... v) const {
    check_scalars(v...);
    const std::size_t total = checked_elements<Out>(n);  // walk by the checked count (GCC -O3
    std::vector<Out> out(total);                         // otherwise sees a constant huge n)
    fill_unchecked(s, out.data(), total, v...);
    return out;
  }
  // NumPy's broadcast path: all parameters 0-d -> the scalar path (shape `size`, or () for one
  // value); otherwise array constraints, then the output shape: the broadcast of the parameters
  // (size None) or `size`, which must equal the broadcast of (size, parameters...).
  template <class S>
  ndarray<Out> array(S& s, const size_arg& size, const array_arg<P>&... a) const {
    if (((a.ndim() == 0) && ...)) {
      check(false, a...);
      ndarray<Out> r(size ? *size : shape{});
      fill_unchecked(s, r.data(), r.size(), a[0]...);
      return r;
    }
    check(true, a...);
    const shape out = output_shape(size, validate_output, a.shape()...);
    ndarray<Out> r(out);
    broadcast_walk w(out, {&a.shape()...});
    draw_walk(s, r, w, std::index_sequence_for<P...>{}, a...);
    return r;
  }

  template <class S>
  void fill_unchecked(S& s, Out* out, std::size_t n, P... v) const {
    if constexpr (!std::is_same<Fill, no_fill>::value) {
      bulk(s, out, n, v...);
    } else if constexpr (std::is_base_of<bulk_kernel, Kernel>::value) {
      kernel.fill(s, out, n, v...);
    } else {
      for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<Out>(kernel(s, v...));
    }
  }

  template <class... Shapes>
  static shape output_shape(const size_arg& size, bool validate, const Shapes&... shapes) {
    if (!size) return broadcast_shapes({&shapes...});
    const shape it = broadcast_shapes({&*size, &shapes...});
    if (validate && it != *size) {
      fail("Output size " + size->str() +
           " is not compatible with broadcast dimensions of inputs " + it.str() + ".");
    }
    return *size;
  }

 private:
  template <std::size_t... I>
  void check_scalars_each(std::index_sequence<I...>, P... v) const {
    (check_one_scalar(std::get<I>(params), v), ...);
  }
  template <class T>
  static void check_one_scalar(const param& p, T v) {
    const double x = static_cast<double>(v);
    if (!passes(p.c, x)) check_values(p, &v, 1, false);  // throws NumPy's message
    if (p.extra) p.extra(x);
  }
  template <std::size_t... I>
  void check_each(bool is_array, std::index_sequence<I...>, const array_arg<P>&... a) const {
    (void)is_array;
    (check_values(std::get<I>(params), a.data(), a.size(), is_array), ...);
  }
  template <class S, std::size_t... I>
  void draw_walk(S& s, ndarray<Out>& r, broadcast_walk& w, std::index_sequence<I...>,
                 const array_arg<P>&... a) const {
    const std::size_t n = r.size();
    for (std::size_t i = 0; i < n; ++i, w.next())
      r[i] = static_cast<Out>(kernel(s, a[w.offset(I)]...));
  }
};

// method<Out>(kernel, param<P>...) -- see `method`.
template <class P>
struct typed_param {
  param p;
};
template <class P>
constexpr typed_param<P> prm(const char* name, cons c = cons::none,
                             void (*extra)(double) = nullptr) {
  return typed_param<P>{param{name, c, extra}};
}
template <class Out, class Kernel, class... P>
constexpr method<Out, Kernel, no_fill, no_check, no_check, P...> make_method(Kernel k,
                                                                             typed_param<P>... p) {
  return {{p.p...}, k, no_fill{}, no_check{}, no_check{}, true};
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_BROADCAST_HPP
