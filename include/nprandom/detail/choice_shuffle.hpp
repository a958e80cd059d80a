// Generator's choice / shuffle / permutation / permuted bodies (numpy/random/_generator.pyx),
// as free functions over a bit generator, so Generator itself is a list of declarations.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_CHOICE_SHUFFLE_HPP
#define NPRANDOM_DETAIL_CHOICE_SHUFFLE_HPP

#include <nprandom/detail/checked_size.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/kahan_sum.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/distributions/permutation.hpp>
#include <nprandom/distributions/uniform.hpp>
#include <nprandom/ndarray.hpp>

#include <algorithm>
#include <cfloat>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace nprandom {
namespace detail {

// numpy.lib normalize_axis_index: "axis A is out of bounds for array of dimension N" (AxisError).
inline std::size_t normalize_axis(int axis, std::size_t ndim) {
  const int nd = static_cast<int>(ndim);
  if (axis < -nd || axis >= nd) {
    throw std::invalid_argument("axis " + std::to_string(axis) +
                                " is out of bounds for array of dimension " + std::to_string(nd));
  }
  return static_cast<std::size_t>(axis < 0 ? axis + nd : axis);
}

// choice's p checks (NumPy: kahan_sum(p) NaN, a p < 0, |kahan_sum(p) - 1| > atol, atol = sqrt of
// float64 eps) pass for sure when every p is finite and >= 0 and a 4-way sum s (error at most
// n * eps * sum(p), below 2^-32 for n <= 2^20) has |s - 1| <= atol / 2: the Kahan sum (error
// ~2 eps) is then within atol of 1 too. This decides the common valid case without the serial
// Kahan chain (~12 cycles per entry); false means: run NumPy's exact checks.
inline bool p_sum_surely_one(const double* p, std::size_t n) noexcept {
  constexpr double atol = 1.4901161193847656e-08;
  if (n <= (std::size_t{1} << 20)) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    bool bad = false;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += p[i];
      s1 += p[i + 1];
      s2 += p[i + 2];
      s3 += p[i + 3];
      bad |= !(p[i] >= 0.0 && p[i] <= DBL_MAX) || !(p[i + 1] >= 0.0 && p[i + 1] <= DBL_MAX) ||
             !(p[i + 2] >= 0.0 && p[i + 2] <= DBL_MAX) || !(p[i + 3] >= 0.0 && p[i + 3] <= DBL_MAX);
    }
    for (std::size_t k = 0; k < (n & 3); ++k) {  // the last n % 4 (a bound GCC -O3 can see)
      s0 += p[i + k];
      bad |= !(p[i + k] >= 0.0 && p[i + k] <= DBL_MAX);
    }
    return !bad && detail::fabs(((s0 + s1) + (s2 + s3)) - 1.0) <= 0.5 * atol;
  }
  return false;
}
// Generator.choice's p checks, NumPy's order and messages.
inline void choice_check_p(const double* p, std::size_t n) {
  constexpr double atol = 1.4901161193847656e-08;
  if (p_sum_surely_one(p, n)) return;
  const double p_sum = kahan_sum(p, n);
  if (detail::isnan(p_sum)) throw std::invalid_argument("Probabilities contain NaN");
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] < 0) throw std::invalid_argument("Probabilities are not non-negative");
  }
  if (detail::fabs(p_sum - 1.) > atol) {
    throw std::invalid_argument(
        "Probabilities do not sum to 1. See Notes section of docstring for more information.");
  }
}

// searchsorted(cdf, u, side='right') for many u on one cdf = cumsum(p) / sum (choice with p),
// exact: for a sorted cdf (every valid p gives one: sums of values >= 0, divided by one positive
// number) the index is the number of entries <= u. Up to 8 entries it is counted branch-free;
// above, a guide table g[k] = searchsorted(cdf, k / K) (K a power of two, so k = floor(u * K) is
// exact and k / K <= u) gives the first candidate and a short scan finds the first entry > u.
// An unsorted cdf (not reachable through the checks) keeps std::upper_bound.
class cdf_search {
 public:
  cdf_search() = default;  // empty
  cdf_search(const double* p, std::size_t n) : cdf_(distributions::choice_cdf(p, n)) {
    bool sorted = true;
    for (std::size_t i = 1; i < n; ++i) sorted = sorted && cdf_[i - 1] <= cdf_[i];
    if (!sorted || n > (std::size_t{1} << 31)) {
      mode_ = mode::bisect;
    } else if (n <= 8) {
      mode_ = mode::count;
      // padded to 8 entries above any u in [0, 1] for count8
      for (std::size_t j = 0; j < 8; ++j) count8_[j] = j < n ? cdf_[j] : 2.0;
    } else {
      mode_ = mode::guide;
      std::size_t k = 16;
      while (k < 2 * n && k < (std::size_t{1} << 16)) k *= 2;
      scale_ = static_cast<double>(k);
      guide_.resize(k);
      std::size_t i = 0;
      for (std::size_t b = 0; b < k; ++b) {
        const double lo = static_cast<double>(b) / scale_;
        while (i < n && !(lo < cdf_[i])) ++i;
        guide_[b] = static_cast<std::uint32_t>(i);
      }
    }
  }
  // out[i] = (*this)(bg.next_double()), n times, the mode chosen once and the table in locals.
  // Where the bit generator has a bulk uniform source (SIMD lanes, a block of words, the MT19937
  // block cursor) the doubles are drawn a block at a time (the same doubles in the same order),
  // then searched (search_all: up to 8 entries counted in vector lanes); elsewhere (SFC64,
  // Generator<MT19937>) each double is searched as it is drawn, which measured faster than a
  // block from a local engine copy.
  template <class BitGen>
  void draw(BitGen& bg, std::int64_t* out, std::size_t n) const {
    if constexpr (detail::bulk_uniforms<BitGen> || detail::has_fill_doubles<BitGen>::value) {
      double u[detail::bulk_block_words];
      for (std::size_t done = 0; done < n; done += detail::bulk_block_words) {
        const std::size_t m =
            n - done < detail::bulk_block_words ? n - done : detail::bulk_block_words;
        if constexpr (detail::has_fill_doubles<BitGen>::value) {
          bg.fill_doubles(u, m);
        } else if (m < detail::bulk_min_values) {  // too few to pay for the lanes' set-up
          for (std::size_t j = 0; j < m; ++j) u[j] = bg.next_double();
        } else {
          distributions::standard_uniform_fill(bg, m, u);
        }
        search_all(u, out + done, m);
      }
    } else {
      search_each([&bg](std::size_t) NPRANDOM_LAMBDA_INLINE { return bg.next_double(); }, out, n);
    }
  }
  // out[i] = (*this)(u[i]) for i < n.
  void search_all(const double* u, std::int64_t* out, std::size_t n) const noexcept {
    std::size_t i = 0;
    if (mode_ == mode::count) {
#if defined(__AVX__) && (defined(__GNUC__) || defined(__clang__))
      __extension__ typedef double f64x4 __attribute__((vector_size(32)));
      __extension__ typedef long long i64x4 __attribute__((vector_size(32)));
      i = count8_lanes<f64x4, i64x4>(u, out, n);
#elif NPRANDOM_DETAIL_F64X2
      i = count8_lanes<f64x2, i64x2>(u, out, n);
#endif
    }
    const double* v = u + i;
    search_each([v](std::size_t j) NPRANDOM_LAMBDA_INLINE { return v[j]; }, out + i, n - i);
  }
  // The index of u: up to 8 entries counted inline, longer tables searched out of line.
  NPRANDOM_ALWAYS_INLINE std::int64_t operator()(double u) const noexcept {
    if (mode_ == mode::count) return count8(u);
    return search_long(u);
  }

 private:
  enum class mode { count, guide, bisect };
  std::vector<double> cdf_;
  std::vector<std::uint32_t> guide_;
  double scale_ = 1.0;
  mode mode_ = mode::bisect;
  double count8_[8] = {};  // mode::count: cdf_ padded with 2.0

  // out[j] = (*this)(next(j)) for j < n, next(j) called in order.
  template <class Next>
  NPRANDOM_ALWAYS_INLINE void search_each(Next&& next, std::int64_t* out,
                                          std::size_t n) const noexcept {
    if (mode_ == mode::count) {
      for (std::size_t j = 0; j < n; ++j) out[j] = count8(next(j));
    } else if (mode_ == mode::guide) {
      const std::uint32_t* guide = guide_.data();
      const double* cdf = cdf_.data();
      const std::size_t m = cdf_.size();
      const double scale = scale_;
      for (std::size_t j = 0; j < n; ++j) out[j] = guide_index(guide, cdf, m, scale, next(j));
    } else {
      for (std::size_t j = 0; j < n; ++j)
        out[j] = distributions::choice_searchsorted(cdf_, next(j));
    }
  }
  // mode::guide: the first candidate from the guide table, then the first entry > u.
  static NPRANDOM_ALWAYS_INLINE std::int64_t guide_index(const std::uint32_t* guide,
                                                         const double* cdf, std::size_t m,
                                                         double scale, double u) noexcept {
    std::size_t j = guide[static_cast<std::size_t>(u * scale)];
    while (j < m && !(u < cdf[j])) ++j;
    return static_cast<std::int64_t>(j);
  }
  NPRANDOM_NOINLINE std::int64_t search_long(double u) const noexcept {
    if (mode_ == mode::guide) {
      return guide_index(guide_.data(), cdf_.data(), cdf_.size(), scale_, u);
    }
    return distributions::choice_searchsorted(cdf_, u);
  }
#if defined(__GNUC__) || defined(__clang__)  // vector extensions (search_all's only callers)
  // count8 of u[i], W values at a time in the lanes of F (doubles) / I (their masks: an entry
  // <= u is -1), for the first n - n % W values; returns how many it did. GCC -O2 keeps count8's
  // loop scalar; at -O3 -march=native it vectorises it, as fast as the 4 AVX lanes here.
  template <class F, class I>
  NPRANDOM_ALWAYS_INLINE std::size_t count8_lanes(const double* u, std::int64_t* out,
                                                  std::size_t n) const noexcept {
    constexpr std::size_t w = sizeof(F) / sizeof(double);
    std::size_t i = 0;
    for (; i + w <= n; i += w) {
      F v;
      __builtin_memcpy(&v, u + i, sizeof v);
      I c = {};
      for (std::size_t j = 0; j < 8; ++j) c -= __builtin_bit_cast(I, count8_[j] <= v);
      for (std::size_t k = 0; k < w; ++k) out[i + k] = c[k];
    }
    return i;
  }
#endif
  // The number of entries <= u (mode::count), for one value: a fixed trip count (the loop over
  // m entries, vectorised at -O3 -march=native, cost one-value choice(5, p) 20% in set-up).
  NPRANDOM_ALWAYS_INLINE std::int64_t count8(double u) const noexcept {
    std::int64_t c = 0;
    for (std::size_t j = 0; j < 8; ++j) c += le_mask(count8_[j], u) ? 1 : 0;
    return c;
  }
};

// One choice(pop, p=p) index for the uniform u (size None): searchsorted(cumsum(p) / sum, u,
// side='right') by
// std::upper_bound's probes over the cumulative sums, dividing only the probed entries (the same
// values as the divided cdf, so the same probes and the same index), without a heap buffer for
// up to 128 entries.
inline std::int64_t choice_p_one(const double* p, std::size_t n, double u) {
  double small[128];
  std::vector<double> big;
  double* acc = small;
  if (n > 128) {
    big.resize(n);
    acc = big.data();
  }
  double a = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    a += p[i];
    acc[i] = a;
  }
  const double last = acc[n - 1];
  std::size_t first = 0, len = n;
  while (len > 0) {
    const std::size_t half = len >> 1;
    if (u < acc[first + half] / last) {
      len = half;
    } else {
      first += half + 1;
      len -= half + 1;
    }
  }
  return static_cast<std::int64_t>(first);
}

// Generator's memory of the last p that passed choice's checks (a copy, bit for bit) and, from
// its second use on, its cdf search: a later call with the same bits skips the checks (they would
// pass again: same bits, same arithmetic) and the cumulative sum (the same cdf). Only saves work.
class choice_p_cache {
 public:
  bool matches(const double* p, std::size_t n) const noexcept {
    return valid_ && n == p_.size() &&
           (n == 0 || std::memcmp(p, p_.data(), n * sizeof(double)) == 0);
  }
  void remember(const double* p, std::size_t n) {
    p_.assign(p, p + n);
    has_search_ = false;
    valid_ = true;
  }
  // The search for the remembered p (built on first use).
  NPRANDOM_ALWAYS_INLINE const cdf_search& search() {
    if (NPRANDOM_UNLIKELY(!has_search_)) build_search();
    return search_;
  }
  // One index from the remembered p when p[0..n) is it (its checks passed before: the same bits
  // pass again) and pop == n; false otherwise (then the caller runs the full path).
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE bool draw_one(BitGen& bg, std::int64_t pop, const double* p, std::size_t n,
                                       std::int64_t& out) {
    if (static_cast<std::int64_t>(n) != pop || !matches(p, n)) return false;
    out = search()(bg.next_double());
    return true;
  }

 private:
  bool valid_ = false;
  bool has_search_ = false;
  std::vector<double> p_;
  cdf_search search_;  // no std::optional: GCC 12 -Wmaybe-uninitialized false positives

  NPRANDOM_NOINLINE void build_search() {
    search_ = cdf_search(p_.data(), p_.size());
    has_search_ = true;
  }
};

[[noreturn]] NPRANDOM_NOINLINE inline void choice_pop_fail() {
  throw std::invalid_argument("a must be a positive integer unless no samples are taken");
}

// Generator.choice(a) with an integer a (replace, p=None): choice_indices' check and n == 1
// draw, one Lemire draw in [0, a) as integers(0, a), without its dispatch (kept inline: the
// scalar call then costs what integers' does).
template <class BitGen>
NPRANDOM_ALWAYS_INLINE std::int64_t choice_one_int(BitGen& bg, std::int64_t pop) {
  if (NPRANDOM_UNLIKELY(pop <= 0)) choice_pop_fail();
  return static_cast<std::int64_t>(
      distributions::bounded_one_lemire<std::uint64_t>(bg, 0, static_cast<std::uint64_t>(pop - 1)));
}

// Generator.choice on the index population 0..pop-1 (from an int `a` when `is_int`, else from a
// container of size pop); p == nullptr means p=None. Writes n indices to out.
template <class BitGen>
void choice_indices(BitGen& bg, std::int64_t pop, bool is_int, std::int64_t* out, std::size_t n,
                    bool replace, const double* p, std::size_t p_size, bool shuffle,
                    choice_p_cache* cache = nullptr) {
  if (is_int) {
    if (pop <= 0 && n != 0) choice_pop_fail();
  } else if (pop == 0 && n != 0) {
    throw std::invalid_argument("a cannot be empty unless no samples are taken");
  }
  if (p) {
    if (static_cast<std::int64_t>(p_size) != pop)
      throw std::invalid_argument("a and p must have same size");
    if (cache && replace && cache->matches(p, p_size)) {  // checked before, the same bits
      if (n == 1) {
        out[0] = cache->search()(bg.next_double());  // draw's value, without its loop set-up
      } else {
        cache->search().draw(bg, out, n);
      }
      return;
    }
    choice_check_p(p, p_size);
    if (cache && replace) cache->remember(p, p_size);
  }
  if (replace) {
    if (p) {
      // NumPy draws all uniforms (random(shape)) before searching; the order of draws is the same.
      if (n == 1) {
        out[0] = choice_p_one(p, p_size, bg.next_double());
      } else if (n != 0) {
        if (cache) {
          cache->search().draw(bg, out, n);  // remembered above: kept for the next call
        } else {
          cdf_search(p, p_size).draw(bg, out, n);
        }
      }
    } else if (n == 1) {
      // The one-value Lemire draw is the n == 1 fill's (distributions::bounded_one_lemire).
      out[0] = static_cast<std::int64_t>(distributions::bounded_one_lemire<std::uint64_t>(
          bg, 0, static_cast<std::uint64_t>(pop - 1)));
    } else if (n != 0) {
      distributions::bounded_uint64_fill(bg, 0, static_cast<std::uint64_t>(pop - 1), n, false,
                                         reinterpret_cast<std::uint64_t*>(out));
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
    distributions::choice_p_noreplace(bg, p, p_size, n, out);
    return;
  }
  const std::int64_t cutoff = shuffle ? 50 : 20;
  if (pop > 10000 && size > pop / cutoff) {
    distributions::choice_tail_shuffle(bg, pop, size, out);
  } else {
    distributions::choice_floyd(bg, pop, size, shuffle, out);
  }
}

// The same with p as a std::vector (empty: p=None), returning the indices.
template <class BitGen>
std::vector<std::int64_t> choice_indices(BitGen& bg, std::int64_t pop, bool is_int, std::size_t n,
                                         bool replace, const std::vector<double>& p, bool shuffle,
                                         choice_p_cache* cache = nullptr) {
  std::vector<std::int64_t> idx(checked_elements<std::int64_t>(n));
  choice_indices(bg, pop, is_int, idx.data(), n, replace, p.empty() ? nullptr : p.data(), p.size(),
                 shuffle, cache);
  return idx;
}

// choice of an N-D `a` along `axis`: indices as choice(a.shape[axis], size, ...) (size None: one
// index, the axis dropped), then a.take(idx, axis). A bad axis -> std::out_of_range "tuple index
// out of range" (NumPy: IndexError).
template <class T, class BitGen>
ndarray<T> choice_axis(BitGen& bg, const array_view<T>& a, const size_arg& size, bool replace,
                       const std::vector<double>& p, int axis, bool shuffle) {
  const std::vector<std::size_t>& ad = a.dims.dims();
  const int nd = static_cast<int>(ad.size());
  if (nd == 0 || axis < -nd || axis >= nd) throw std::out_of_range("tuple index out of range");
  const std::size_t ax = static_cast<std::size_t>(axis < 0 ? axis + nd : axis);
  const std::size_t n = size ? size->count(sizeof(std::int64_t)) : 1;
  const std::vector<std::int64_t> idx =
      choice_indices(bg, static_cast<std::int64_t>(ad[ax]), false, n, replace, p, shuffle);
  std::size_t outer = 1, inner = 1;
  for (std::size_t i = 0; i < ax; ++i) outer *= ad[i];
  for (std::size_t i = ax + 1; i < ad.size(); ++i) inner *= ad[i];
  std::vector<std::size_t> dims(ad.begin(), ad.begin() + static_cast<std::ptrdiff_t>(ax));
  if (size) dims.insert(dims.end(), (*size).dims().begin(), (*size).dims().end());
  dims.insert(dims.end(), ad.begin() + static_cast<std::ptrdiff_t>(ax) + 1, ad.end());
  std::vector<T> out;
  out.reserve(checked_elements<T>(outer * n, inner));
  for (std::size_t o = 0; o < outer; ++o) {
    for (std::int64_t k : idx) {
      const T* src = a.data + (o * ad[ax] + static_cast<std::size_t>(k)) * inner;
      out.insert(out.end(), src, src + inner);
    }
  }
  return ndarray<T>(std::move(out), shape(std::move(dims)));
}

// Swaps lanes i and j of a row-major rows x cols buffer: rows (axis 0) or columns (axis 1).
template <class T>
void swap_lanes(T* data, std::size_t rows, std::size_t cols, std::size_t axis, std::size_t i,
                std::size_t j) {
  if (i == j) return;
  if (axis == 0) {
    std::swap_ranges(data + i * cols, data + (i + 1) * cols, data + j * cols);
  } else {
    for (std::size_t r = 0; r < rows; ++r) std::swap(data[r * cols + i], data[r * cols + j]);
  }
}

// shuffle of a rows x cols buffer along axis (NumPy's _shuffle_raw on the first axis of a view).
template <class T, class BitGen>
void shuffle_2d(BitGen& bg, T* data, std::size_t rows, std::size_t cols, int axis_in) {
  const std::size_t axis = normalize_axis(axis_in, 2);
  if (rows == 0 || cols == 0) return;
  distributions::shuffle_raw_with(
      bg, axis == 0 ? rows : cols, 1,
      [&](std::size_t i, std::size_t j) { swap_lanes(data, rows, cols, axis, i, j); });
}

// permuted along `axis` of a copy of x (NumPy's PyArray_IterAllButAxis: lanes in C order over
// the other dimensions; axis None: the flat copy).
template <class T, class BitGen>
ndarray<T> permuted_nd(BitGen& bg, const array_view<T>& x, std::optional<int> axis) {
  const std::vector<std::size_t>& xd = x.dims.dims();
  const std::size_t total = x.dims.count(sizeof(T));
  std::vector<T> out(x.data, x.data + total);
  if (!axis) {
    distributions::shuffle_raw(bg, out.begin(), out.size(), 1);
    return ndarray<T>(std::move(out), x.dims);
  }
  const std::size_t ax = normalize_axis(*axis, xd.size());
  std::size_t outer = 1, inner = 1;
  for (std::size_t i = 0; i < ax; ++i) outer *= xd[i];
  for (std::size_t i = ax + 1; i < xd.size(); ++i) inner *= xd[i];
  const std::size_t len = xd[ax];
  if (total == 0) return ndarray<T>(std::move(out), x.dims);
  for (std::size_t o = 0; o < outer; ++o) {
    for (std::size_t in = 0; in < inner; ++in) {
      T* lane = out.data() + o * len * inner + in;
      distributions::shuffle_raw_with(bg, len, 0, [&](std::size_t i, std::size_t j) {
        if (i != j) std::swap(lane[i * inner], lane[j * inner]);
      });
    }
  }
  return ndarray<T>(std::move(out), x.dims);
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_CHOICE_SHUFFLE_HPP
