// The multivariate front-end bodies (dirichlet, multinomial, multivariate_hypergeometric,
// multivariate_normal): NumPy's checks, in NumPy's order and words, and the row loops over the
// kernels of <nprandom/distributions/multivariate.hpp>. Shared by Generator and RandomState where
// NumPy shares them; results are row-major, one row per draw.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_MULTIVARIATE_FRONTEND_HPP
#define NPRANDOM_DETAIL_MULTIVARIATE_FRONTEND_HPP

#include <nprandom/detail/broadcast.hpp>
#include <nprandom/detail/checked_size.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/kahan_sum.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/multivariate.hpp>
#include <nprandom/distributions/normal.hpp>
#include <nprandom/ndarray.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nprandom {
namespace detail {

// pvals of multinomial: "pvals < 0, pvals > 1 or pvals contains NaNs", then per row of d values
// Kahan sum(pvals[:-1]) > 1 + 1e-12 -> "sum(pvals[:-1]) > 1.0" ("sum(pvals[...,:-1]) > 1.0"
// for N-D pvals, `nd`). pvals[-1] is only range-checked: the last category gets what is left.
inline void check_pvals(const double* pvals, std::size_t total, std::size_t d, bool nd) {
  for (std::size_t i = 0; i < total; ++i) {
    if (!(pvals[i] >= 0.0) || !(pvals[i] <= 1.0)) {
      throw std::invalid_argument("pvals < 0, pvals > 1 or pvals contains NaNs");
    }
  }
  for (std::size_t off = 0; d != 0 && off < total; off += d) {
    if (kahan_sum(pvals + off, d - 1) > (1.0 + 1e-12)) {
      throw std::invalid_argument(nd ? "sum(pvals[...,:-1]) > 1.0" : "sum(pvals[:-1]) > 1.0");
    }
  }
}
inline void check_pvals_dim(std::size_t d) {
  if (d == 0) {
    throw std::invalid_argument(
        "pvals must have at least 1 dimension and the last dimension of pvals must be greater "
        "than 0.");
  }
}

// Generator.multinomial with scalar n: `size` rows. `kept` (one-row calls): the last checked
// (n, pvals) and its row setups.
template <class BitGen>
void multinomial_fill(BitGen& bg, std::int64_t n, const std::vector<double>& pvals,
                      std::int64_t* out, std::size_t size,
                      multinomial_kept<distributions::binomial_sampler>* kept = nullptr) {
  const std::size_t d = pvals.size();
  const bool one_row = kept != nullptr && size == 1 && d >= 2;
  if (one_row && kept->matches(n, pvals.data(), d)) {  // checked before: the same bits pass
    kept->setups().row(bg, n, pvals.data(), d, out, distributions::sampler_draw{});
    return;
  }
  check_pvals_dim(d);
  check_pvals(pvals.data(), d, d, false);
  if (n < 0) throw std::invalid_argument("n < 0");
  if (one_row) kept->remember(n, pvals.data(), d);
  // Rows are walked by the checked element count (row r starts at r * d < total).
  const std::size_t total = checked_elements<std::int64_t>(size, d);
  if (d == 0) return;
  distributions::multinomial_rows(bg, n, pvals.data(), d, out, total / d);
}

// Generator.multinomial with array n and/or N-D pvals (NumPy's vector path): the result shape is
// broadcast(n, pvals.shape[:-1]) (or `size`, which must equal the broadcast of (n,
// pvals.shape[:-1], size)) + (d,), one multinomial draw per element in C order.
template <class BitGen>
ndarray<std::int64_t> multinomial_array(BitGen& bg, const array_arg<std::int64_t>& n,
                                        const array_arg<double>& pvals, const size_arg& size) {
  const std::size_t pnd = pvals.ndim();
  const std::size_t d = pnd >= 1 ? pvals.shape()[pnd - 1] : 0;
  check_pvals_dim(d);
  check_pvals(pvals.data(), pvals.size(), d, pnd != 1);
  if (n.ndim() == 0 && pnd == 1) {  // NumPy's scalar-n path: size + (d,)
    if (n[0] < 0) throw std::invalid_argument("n < 0");
    std::vector<std::size_t> dims = size ? size->dims() : std::vector<std::size_t>{};
    dims.push_back(d);
    ndarray<std::int64_t> out{shape(std::move(dims))};
    distributions::binomial_cache cache;
    for (std::size_t off = 0; off < out.size(); off += d) {
      distributions::multinomial(bg, n[0], pvals.data(), d, out.data() + off, cache);
    }
    return out;
  }
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (n[i] < 0) throw std::invalid_argument("n < 0");
  }
  const std::vector<std::size_t>& pd = pvals.shape().dims();
  const shape rows(std::vector<std::size_t>(pd.begin(), pd.end() - 1));  // pvals.shape[:-1]
  shape it;
  if (!size) {
    it = broadcast_shapes({&n.shape(), &rows});
  } else {
    it = broadcast_shapes({&n.shape(), &rows, &*size});
    if (it != *size) {
      fail("Output size " + size->str() +
           " is not compatible with broadcast dimensions of inputs " + it.str() + ".");
    }
  }
  std::vector<std::size_t> dims = it.dims();
  dims.push_back(d);
  ndarray<std::int64_t> out{shape(std::move(dims))};
  const std::size_t cnt = it.count();
  broadcast_walk w(it, {&n.shape(), &rows});
  distributions::binomial_cache cache;
  for (std::size_t i = 0; i < cnt; ++i, w.next()) {
    distributions::multinomial(bg, n[w.offset(0)], pvals.data() + w.offset(1) * d, d,
                               out.data() + i * d, cache);
  }
  return out;
}

// Generator.dirichlet: "alpha < 0" (np.less: -0.0 and NaN pass).
template <class BitGen>
void dirichlet_fill(BitGen& bg, const std::vector<double>& alpha, double* out, std::size_t size) {
  bool negative_zero = false;
  for (double a : alpha) {
    if (a < 0.0) throw std::invalid_argument("alpha < 0");
    negative_zero = negative_zero || (a == 0.0 && detail::signbit(a));
  }
  checked_elements<double>(size, alpha.size());
  if (negative_zero) {
    // -0.0 passes NumPy's `alpha < 0` test, but its stick-breaking beta(-0.0, b) then computes
    // pow(U, 1 / -0.0) = inf and rejects forever: NumPy 2.5.2 never returns. A zero weight is a
    // zero weight: nprandom draws exactly what NumPy draws for +0.0 (that component is 0).
    std::vector<double> a(alpha);
    for (double& v : a) v = v == 0.0 ? 0.0 : v;
    distributions::dirichlet(bg, a.data(), a.size(), size, out);
    return;
  }
  distributions::dirichlet(bg, alpha.data(), alpha.size(), size, out);
}

// Generator.multivariate_hypergeometric, checks in NumPy's order (see Generator).
template <class BitGen>
void multivariate_hypergeometric_fill(BitGen& bg, const std::vector<std::int64_t>& colors,
                                      std::int64_t nsample, std::int64_t* out, std::size_t size,
                                      std::string_view method) {
  const bool count = method == "count";
  if (!count && method != "marginals") fail("method must be \"count\" or \"marginals\".");
  if (nsample < 0) fail("nsample must be nonnegative.");
  constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
  std::int64_t total = 0;
  for (std::int64_t c : colors) {
    if (c < 0) {
      fail("colors must be a one-dimensional sequence of nonnegative integers not exceeding " +
           std::to_string(int64_max) + ".");
    }
  }
  for (std::int64_t c : colors) {
    if (c > int64_max - total) {
      fail("sum(colors) must not exceed the maximum value of a 64 bit signed integer (" +
           std::to_string(int64_max) + ")");
    }
    total += c;
  }
  if (!count && total >= 1000000000) {
    fail("When method is \"marginals\", sum(colors) must be less than 1000000000.");
  }
  const std::uint64_t max_index =
      (std::numeric_limits<std::size_t>::max() > static_cast<std::uint64_t>(int64_max)
           ? static_cast<std::uint64_t>(int64_max)
           : static_cast<std::uint64_t>(std::numeric_limits<std::size_t>::max())) /
      sizeof(std::size_t);
  if (count && static_cast<std::uint64_t>(total) > max_index) {
    fail("When method is 'count', sum(colors) must not exceed " + std::to_string(max_index));
  }
  if (nsample > total) fail("nsample > sum(colors)");
  checked_elements<std::int64_t>(size, colors.size());
  if (colors.empty()) return;
  if (count) {
    distributions::multivariate_hypergeometric_count(bg, total, colors.data(), colors.size(),
                                                     nsample, size, out);
  } else {
    distributions::multivariate_hypergeometric_marginals(bg, total, colors.data(), colors.size(),
                                                         nsample, size, out);
  }
}

// A covariance given as rows, flattened row-major: "cov must be 2 dimensional and square".
inline std::vector<double> flatten_cov(const std::vector<std::vector<double>>& cov) {
  std::vector<double> flat;
  flat.reserve(checked_elements<double>(cov.size(), cov.size()));
  for (const auto& row : cov) {
    if (row.size() != cov.size()) fail("cov must be 2 dimensional and square");
    flat.insert(flat.end(), row.begin(), row.end());
  }
  return flat;
}

// Generator.multivariate_normal on a row-major d*d cov (order of events: see Generator).
template <class BitGen>
void multivariate_normal_fill(BitGen& bg, const std::vector<double>& mean,
                              const std::vector<double>& cov, double* out, std::size_t size,
                              std::string_view check_valid, double tol, std::string_view method,
                              distributions::mvn_factor_cache* cache = nullptr) {
  const distributions::mvn_method m = distributions::parse_mvn_method(method);
  const std::size_t d = mean.size();
  std::size_t side = 0;
  while ((side + 1) * (side + 1) <= cov.size()) ++side;
  if (side * side != cov.size()) fail("cov must be 2 dimensional and square");
  if (side != d) fail("mean and cov must have same length");
  const std::size_t total = checked_elements<double>(size, d);
  for (std::size_t i = 0; i < total; ++i) out[i] = distributions::standard_normal(bg);
  distributions::multivariate_normal_transform(mean.data(), cov.data(), d, m, check_valid, tol, out,
                                               size, cache);
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_MULTIVARIATE_FRONTEND_HPP
