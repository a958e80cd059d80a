// shape, ndarray<T> and array_arg<T>: NumPy's array parameters, `size` shapes and shaped results.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_NDARRAY_HPP
#define NPRANDOM_NDARRAY_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/checked_size.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__cplusplus) && __cplusplus >= 202002L && defined(__has_include)
#if __has_include(<span>)
#include <span>
#define NPRANDOM_HAS_SPAN 1
#endif
#endif

namespace nprandom {

// A NumPy shape: the dimensions of a row-major array, e.g. shape{4, 2, 3} for size=(4, 2, 3).
// shape{} is NumPy's () (one element); a bare count n converts to the 1-D shape (n,).
class shape {
 public:
  shape() = default;
  shape(std::initializer_list<std::size_t> dims) : dims_(dims) {}
  shape(std::size_t n) : dims_{n} {}  // NOLINT: implicit, as NumPy's size=n means (n,)
  explicit shape(std::vector<std::size_t> dims) : dims_(std::move(dims)) {}

  std::size_t ndim() const noexcept { return dims_.size(); }
  std::size_t operator[](std::size_t i) const noexcept { return dims_[i]; }
  const std::vector<std::size_t>& dims() const noexcept { return dims_; }
  // Number of elements (1 for ()), checked as np.empty(shape, dtype of `itemsize` bytes) is.
  std::size_t count(std::size_t itemsize = 1) const {
    std::size_t n = 1;
    for (std::size_t d : dims_) {
      if (d == 0) return 0;
    }
    std::size_t bytes = itemsize == 0 ? 1 : itemsize;
    for (std::size_t d : dims_) {
      if (d > detail::max_array_bytes || bytes > detail::max_array_bytes / d)
        detail::throw_array_too_big();
      bytes *= d;
      n *= d;
    }
    return n;
  }
  // Python's str() of the tuple: "()", "(3,)", "(2, 3)".
  std::string str() const {
    std::string s = "(";
    for (std::size_t i = 0; i < dims_.size(); ++i) {
      if (i) s += ", ";
      s += std::to_string(dims_[i]);
    }
    if (dims_.size() == 1) s += ",";
    return s + ")";
  }
  friend bool operator==(const shape& a, const shape& b) noexcept { return a.dims_ == b.dims_; }
  friend bool operator!=(const shape& a, const shape& b) noexcept { return !(a == b); }

 private:
  std::vector<std::size_t> dims_;
};

// NumPy's `size` argument: None (default-constructed, also `{}`), a count n (the shape (n,)) or
// a shape such as {4, 2, 3}. shape{} is the 0-d shape ().
class size_arg {
 public:
  size_arg() = default;
  size_arg(std::size_t n) : s_(nprandom::shape(n)), set_(true) {}  // NOLINT
  size_arg(std::initializer_list<std::size_t> dims) : s_(dims), set_(true) {}
  size_arg(nprandom::shape s) : s_(std::move(s)), set_(true) {}  // NOLINT
  explicit operator bool() const noexcept { return set_; }
  const nprandom::shape& operator*() const noexcept { return s_; }
  const nprandom::shape* operator->() const noexcept { return &s_; }

 private:
  nprandom::shape s_;
  bool set_ = false;
};

namespace detail {
// ndarray<bool>'s storage: a plain bool buffer, because std::vector<bool> has no data() and no
// bool& elements. A template (B is always bool) so that only a translation unit that uses
// ndarray<bool> compiles it.
template <class B>
class basic_bool_buffer {
 public:
  basic_bool_buffer() = default;
  explicit basic_bool_buffer(std::size_t n) : p_(new B[n == 0 ? 1 : n]()), n_(n) {}
  template <class It>
  basic_bool_buffer(It first, It last) {
    std::size_t n = 0;
    for (It it = first; it != last; ++it) ++n;
    basic_bool_buffer tmp(n);
    for (std::size_t i = 0; first != last; ++first, ++i) tmp.p_[i] = static_cast<B>(*first);
    swap(tmp);
  }
  basic_bool_buffer(const basic_bool_buffer& o) : basic_bool_buffer(o.begin(), o.end()) {}
  basic_bool_buffer(basic_bool_buffer&& o) noexcept : p_(o.p_), n_(o.n_) {
    o.p_ = nullptr;
    o.n_ = 0;
  }
  basic_bool_buffer& operator=(basic_bool_buffer o) noexcept {
    swap(o);
    return *this;
  }
  ~basic_bool_buffer() { delete[] p_; }
  void swap(basic_bool_buffer& o) noexcept {
    B* p = p_;
    p_ = o.p_;
    o.p_ = p;
    const std::size_t n = n_;
    n_ = o.n_;
    o.n_ = n;
  }
  std::size_t size() const noexcept { return n_; }
  bool empty() const noexcept { return n_ == 0; }
  B* data() noexcept { return p_; }
  const B* data() const noexcept { return p_; }
  B& operator[](std::size_t i) noexcept { return p_[i]; }
  const B& operator[](std::size_t i) const noexcept { return p_[i]; }
  B* begin() noexcept { return p_; }
  B* end() noexcept { return p_ + n_; }
  const B* begin() const noexcept { return p_; }
  const B* end() const noexcept { return p_ + n_; }

 private:
  B* p_ = nullptr;
  std::size_t n_ = 0;
};
using bool_buffer = basic_bool_buffer<bool>;
}  // namespace detail

// The result of a draw with array parameters or a `size` shape: a row-major buffer plus its
// shape (NumPy's ndarray, C order). Converts to std::vector<T> (the flat values), so code that
// only wants the values keeps using vectors; shape() says how to read them. ndarray<bool> has
// real bool elements (data(), bool&); its values() is a std::vector<bool> copy.
template <class T>
class ndarray {
  static constexpr bool is_bool = std::is_same<T, bool>::value;
  using storage = std::conditional_t<is_bool, detail::bool_buffer, std::vector<T>>;

 public:
  using value_type = T;
  ndarray() = default;
  explicit ndarray(nprandom::shape s) : shape_(std::move(s)), data_(shape_.count(sizeof(T))) {}
  ndarray(std::vector<T> values, nprandom::shape s)
      : shape_(std::move(s)), data_(to_storage(std::move(values))) {
    if (data_.size() != shape_.count(sizeof(T))) {
      throw std::invalid_argument("cannot reshape array of size " + std::to_string(data_.size()) +
                                  " into shape " + shape_.str());
    }
  }
  ndarray(std::initializer_list<T> values, nprandom::shape s)
      : ndarray(std::vector<T>(values), std::move(s)) {}

  const nprandom::shape& shape() const noexcept { return shape_; }
  std::size_t ndim() const noexcept { return shape_.ndim(); }
  std::size_t size() const noexcept { return data_.size(); }
  bool empty() const noexcept { return data_.empty(); }
  T* data() noexcept { return data_.data(); }
  const T* data() const noexcept { return data_.data(); }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  auto begin() noexcept { return data_.begin(); }
  auto end() noexcept { return data_.end(); }
  auto begin() const noexcept { return data_.begin(); }
  auto end() const noexcept { return data_.end(); }
  // The flat values, row-major (a reference, or for bool a std::vector<bool> copy).
  std::conditional_t<is_bool, std::vector<bool>, const std::vector<T>&> values() const& noexcept(
      !is_bool) {
    if constexpr (is_bool) {
      return std::vector<bool>(data_.begin(), data_.end());
    } else {
      return data_;
    }
  }
  std::vector<T> values() && noexcept(!is_bool) {
    if constexpr (is_bool) {
      return std::vector<bool>(data_.begin(), data_.end());
    } else {
      return std::move(data_);
    }
  }
  operator std::vector<T>() const& { return values(); }  // NOLINT: implicit by design
  operator std::vector<T>() && noexcept(!is_bool) { return std::move(*this).values(); }

 private:
  static storage to_storage(std::vector<T>&& v) {
    if constexpr (is_bool) {
      return storage(v.begin(), v.end());
    } else {
      return std::move(v);
    }
  }
  nprandom::shape shape_;
  storage data_;
};

// A read-only view of caller memory as a row-major array of the given shape.
template <class T>
struct array_view {
  const T* data;
  nprandom::shape dims;
};

// A distribution parameter: a scalar (NumPy 0-d) or an array that broadcasts with the other
// parameters and with `size`. Built implicitly from a number, a std::vector, an initializer list
// (1-D, or 2-D as {{..}, {..}}), an ndarray, an array_view, or (C++20) a std::span. Arrays of
// another arithmetic type are converted (for integer parameters only integer arrays are taken,
// as NumPy's safe cast does). Vectors and views of exactly T are referenced, not copied: the
// argument must outlive the call, as it does in a call expression.
template <class T>
class array_arg {
  template <class U>
  static constexpr bool accepts = std::is_arithmetic<U>::value && !std::is_same<U, bool>::value &&
                                  (std::is_floating_point<T>::value || std::is_integral<U>::value);

 public:
  template <class U, std::enable_if_t<accepts<U>, int> = 0>
  array_arg(U v) : scalar_(static_cast<T>(v)), data_(&scalar_) {  // NOLINT
    other_sign_ = lost_sign(v);
  }
  template <class U, std::enable_if_t<accepts<U>, int> = 0>
  array_arg(const std::vector<U>& v) {  // NOLINT
    set(v.data(), nprandom::shape(v.size()));
  }
  // 1-D {a, b, ...} (one element type: write {0.0, 1.5}, not {0, 1.5}); 2-D {{..}, {..}}.
  template <class U, std::enable_if_t<accepts<U>, int> = 0>
  array_arg(std::initializer_list<U> v) {
    set(v.begin(), nprandom::shape(v.size()));
  }
  array_arg(std::initializer_list<std::initializer_list<T>> rows) {
    const std::size_t cols = rows.size() ? rows.begin()->size() : 0;
    for (const auto& r : rows) {
      if (r.size() != cols) {
        throw std::invalid_argument(
            "setting an array element with a sequence. The requested array has an inhomogeneous "
            "shape after 1 "
            "dimensions. The detected shape was (" +
            std::to_string(rows.size()) + ",) + inhomogeneous part.");
      }
      own_.insert(own_.end(), r.begin(), r.end());
    }
    shape_ = nprandom::shape{rows.size(), cols};
    data_ = own_.data();
  }
  template <class U, std::enable_if_t<accepts<U>, int> = 0>
  array_arg(const ndarray<U>& a) {  // NOLINT
    set(a.data(), a.shape());
  }
  template <class U, std::enable_if_t<accepts<U>, int> = 0>
  array_arg(const array_view<U>& a) {  // NOLINT
    set(a.data, a.dims);
  }
#ifdef NPRANDOM_HAS_SPAN
  template <class U, std::size_t E, std::enable_if_t<accepts<std::remove_const_t<U>>, int> = 0>
  array_arg(std::span<U, E> s) {  // NOLINT
    set(s.data(), nprandom::shape(s.size()));
  }
#endif

  array_arg(const array_arg& o)
      : scalar_(o.scalar_), own_(o.own_), shape_(o.shape_), other_sign_(o.other_sign_) {
    rebind(o);
  }
  array_arg& operator=(const array_arg& o) {
    if (this != &o) {
      scalar_ = o.scalar_;
      own_ = o.own_;
      shape_ = o.shape_;
      other_sign_ = o.other_sign_;
      rebind(o);
    }
    return *this;
  }
  ~array_arg() = default;

  const nprandom::shape& shape() const noexcept { return shape_; }
  std::size_t ndim() const noexcept { return shape_.ndim(); }
  std::size_t size() const noexcept { return shape_.count(); }
  const T* data() const noexcept { return data_; }
  T operator[](std::size_t i) const noexcept { return data_[i]; }
  // True when T is a 64-bit integer and an integer value of the other signedness did not fit T
  // (a uint64 above INT64_MAX for int64, a negative value for uint64): the elements then hold
  // the two's-complement bits of the given values, to be read back as T's signed/unsigned
  // counterpart (Generator.integers and RandomState.randint check the bounds as given).
  bool other_sign() const noexcept { return other_sign_; }

 private:
  template <class U>
  void set(const U* p, nprandom::shape s) {
    shape_ = std::move(s);
    if constexpr (std::is_same<U, T>::value) {
      data_ = p;
    } else {
      const std::size_t n = shape_.count();
      own_.reserve(n);
      for (std::size_t i = 0; i < n; ++i) {
        own_.push_back(static_cast<T>(p[i]));
        other_sign_ = other_sign_ || lost_sign(p[i]);
      }
      data_ = own_.data();
    }
  }
  template <class U>
  static bool lost_sign(U v) noexcept {
    if constexpr (!std::is_integral<T>::value || !std::is_integral<U>::value || sizeof(T) != 8 ||
                  std::is_signed<T>::value == std::is_signed<U>::value) {
      (void)v;
      return false;
    } else if constexpr (std::is_signed<U>::value) {
      return v < 0;
    } else {
      return static_cast<T>(v) < 0;
    }
  }
  void rebind(const array_arg& o) {
    if (o.data_ == &o.scalar_) {
      data_ = &scalar_;
    } else if (!o.own_.empty() && o.data_ == o.own_.data()) {
      data_ = own_.data();
    } else {
      data_ = o.data_;
    }
  }

  T scalar_{};
  std::vector<T> own_;
  nprandom::shape shape_;
  bool other_sign_ = false;
  const T* data_ = nullptr;
};

}  // namespace nprandom

#endif  // NPRANDOM_NDARRAY_HPP
