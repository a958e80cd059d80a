// Multivariate distribution kernels of NumPy's Generator (dirichlet, multinomial,
// multivariate_hypergeometric, multivariate_normal).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_MULTIVARIATE_HPP
#define NPRANDOM_DISTRIBUTIONS_MULTIVARIATE_HPP

// Ports of NumPy 2.5.2's numpy/random/_generator.pyx (dirichlet, multinomial,
// multivariate_hypergeometric, multivariate_normal) and of the C functions random_multinomial
// (src/distributions/distributions.c), random_multivariate_hypergeometric_count
// (random_mvhg_count.c) and random_multivariate_hypergeometric_marginals (random_mvhg_marginals.c).
//
// Layout: every kernel writes `rows` draws of `k` components row-major, draw r in
// out[r*k .. r*k + k). Kernels check no arguments; the front ends (Generator, RandomState)
// validate with NumPy's messages. The multivariate_normal transforms are deterministic helpers
// (no bit generator): the caller draws the standard normals first, exactly as NumPy does.

#include <nprandom/config.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/linalg.hpp>
#include <nprandom/distributions/continuous.hpp>
#include <nprandom/distributions/discrete.hpp>
#include <nprandom/distributions/gamma.hpp>
#include <nprandom/distributions/integers.hpp>
#include <nprandom/distributions/permutation.hpp>
#include <nprandom/warnings.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace nprandom {

namespace detail {
// Distinct column shapes dirichlet_gammas batches at most (per-shape block storage, ~4 KiB each).
inline constexpr std::size_t dirichlet_lt1_max_shapes = 8;

// Block storage of dirichlet_gammas' batched path: the attempts (U, V), and per distinct shape
// the accepted low-branch attempts whose pow is deferred (their U, then X, and where X goes).
struct dirichlet_lt1_attempts {
  double u[rej_batch_block], v[rej_batch_block];
};
struct dirichlet_lt1_shape {
  double def_u[rej_batch_block];
  std::size_t def_out[rej_batch_block];
  std::size_t deferred;
};

// The gammas of dirichlet's gamma path: out[r*k + j] = standard_gamma(alpha[j]) for r < rows,
// drawn row-major, the same draws, doubles and final state as that loop of standard_gamma calls.
//  * Every alpha in (0, 1) or 0 (at most dirichlet_lt1_max_shapes distinct nonzero values): an
//    attempt of the 0 < shape < 1 rejection draws U then V whatever the shape and the outcome,
//    so blocks of K = min(rej_batch_block, gammas still needed) attempts are drawn in stream
//    order (each gamma takes at least one attempt: nothing is over-drawn), then scanned in
//    order: an attempt belongs to the current gamma and, when accepted under its shape, gives
//    its value and moves on to the next nonzero column (zero columns are 0 with no draw, as
//    standard_gamma(0)). Judging: either branch's pow(x, 1/shape) <= t by gamma_lt1_verdict
//    (integer powers of x bound it; undecided, a few percent: pow itself; the high branch's
//    log as the scalar kernel's), the pows of the accepted ones taken per shape after the scan
//    with pow_batch (bit for bit detail::pow). So a value costs one batched pow instead of a
//    libm pow per attempt; every double is the scalar kernel's.
//    The last few gammas (fewer than rej_batch_min) are drawn one by one. Zero columns are
//    left as they are (dirichlet has zeroed out).
//  * Otherwise: one prepared gamma_sampler per column (the Marsaglia-Tsang setup done once per
//    call, not once per value), rows drawn on a local engine copy.
template <class BitGen>
NPRANDOM_NOINLINE void dirichlet_gammas_planned(BitGen& bg, const double* alpha, std::size_t k,
                                                std::size_t rows, double* out);
template <class BitGen>
void dirichlet_gammas(BitGen& bg, const double* alpha, std::size_t k, std::size_t rows,
                      double* out) {
  if (rows * k < rej_batch_min) {  // a row or two (the one-row form): no plan, no block storage
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t j = 0; j < k; ++j)
        out[r * k + j] = distributions::standard_gamma(bg, alpha[j]);
    }
    return;
  }
  // Out of line: its block storage and vector code make GCC -O3 -march=native realign the stack
  // in the prologue, which the one-row form above should not pay (+8% per row).
  dirichlet_gammas_planned(bg, alpha, k, rows, out);
}
template <class BitGen>
NPRANDOM_NOINLINE void dirichlet_gammas_planned(BitGen& bg, const double* alpha, std::size_t k,
                                                std::size_t rows, double* out) {
  std::vector<distributions::gamma_sampler> samplers;
  samplers.reserve(k);
  for (std::size_t j = 0; j < k; ++j) samplers.emplace_back(alpha[j]);
  // Column plan of the batched path: the nonzero columns and their distinct shapes.
  bool batched = rows > 0;
  std::vector<std::size_t> cols;       // nonzero columns, in order
  std::vector<std::size_t> col_shape;  // index into shapes, per entry of cols
  std::vector<double> shapes;          // distinct nonzero shapes
  for (std::size_t j = 0; j < k && batched; ++j) {
    const double a = alpha[j];
    if (a == 0.0) continue;
    if (!(a > 0.0 && a < 1.0)) {
      batched = false;
      break;
    }
    std::size_t d = 0;
    while (d < shapes.size() && !(shapes[d] == a)) ++d;
    if (d == shapes.size()) {
      if (shapes.size() == dirichlet_lt1_max_shapes) {
        batched = false;
        break;
      }
      shapes.push_back(a);
    }
    cols.push_back(j);
    col_shape.push_back(d);
  }
  std::size_t r = 0, c = 0;  // the next gamma: row r, entry c of cols
  if (batched && !cols.empty()) {
    constexpr std::size_t blk = rej_batch_block;
    const std::size_t na = cols.size();
    const std::size_t total = rows * na;
    const std::size_t ns = shapes.size();
    std::vector<dirichlet_lt1_attempts> shared_block(1);
    dirichlet_lt1_attempts& a = shared_block[0];
    std::vector<dirichlet_lt1_shape> per_shape(ns);
    std::vector<double> inv(ns);
    for (std::size_t d = 0; d < ns; ++d) inv[d] = 1. / shapes[d];
    std::vector<gamma_lt1_bounds> bounds;
    for (std::size_t d = 0; d < ns; ++d) bounds.push_back(gamma_lt1_bounds_setup(inv[d]));
    std::size_t done = 0;
    while (total - done >= rej_batch_min) {
      const std::size_t kk = total - done < blk ? total - done : blk;
      with_local_engine(bg, [&](auto& e) NPRANDOM_LAMBDA_INLINE {
        for (std::size_t j = 0; j < kk; ++j) {
          a.u[j] = e.next_double();
          a.v[j] = distributions::standard_exponential(e);
        }
      });
      // The attempts in order, each judged under the shape of the gamma it belongs to: the
      // high branch exactly (as the scalar kernel), the low branch by its verdict, the pows of
      // the accepted ones deferred to one pow_batch per shape.
      for (std::size_t d = 0; d < ns; ++d) per_shape[d].deferred = 0;
      for (std::size_t j = 0; j < kk; ++j) {
        const std::size_t d = col_shape[c];
        const double shape = shapes[d];
        const double U = a.u[j];
        const std::size_t o = r * k + cols[c];
        // Either branch: X = pow(x, 1/shape) accepted when X <= t.
        double x = U, t = a.v[j];
        if (!gamma_lt1_low(U, shape)) {
          const double Y = -detail::log(gamma_lt1_log_arg(U, shape));
          x = gamma_lt1_base(Y, shape);
          t = a.v[j] + Y;
        }
        bool accepted;
        const int verdict = gamma_lt1_verdict(x, t, bounds[d]);
        if (verdict > 0) {
          dirichlet_lt1_shape& b = per_shape[d];
          b.def_u[b.deferred] = x;
          b.def_out[b.deferred++] = o;
          accepted = true;
        } else if (verdict < 0) {
          accepted = false;
        } else {
          const double X = detail::pow(x, inv[d]);
          accepted = X <= t;
          if (accepted) out[o] = X;
        }
        if (accepted) {
          ++done;
          if (++c == na) {
            c = 0;
            ++r;
          }
        }
      }
      for (std::size_t d = 0; d < ns; ++d) {
        dirichlet_lt1_shape& b = per_shape[d];
        pow_batch(b.def_u, inv[d], b.def_u, b.deferred);
        for (std::size_t h = 0; h < b.deferred; ++h) out[b.def_out[h]] = b.def_u[h];
      }
    }
    // The last gammas one by one, from row r, entry c on.
    for (; r < rows; ++r, c = 0) {
      for (; c < na; ++c) out[r * k + cols[c]] = samplers[cols[c]](bg);
    }
    return;
  }
  if (batched) return;  // every alpha is 0 (dirichlet takes stick-breaking then): no draws
  with_local_engine(bg, [&](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < rows; ++i) {
      double* row = out + i * k;
      for (std::size_t j = 0; j < k; ++j) row[j] = samplers[j](e);
    }
  });
}
}  // namespace detail

namespace distributions {

// ---- dirichlet ----
// Mirrors Generator.dirichlet (_generator.pyx, NumPy >= 1.26 behaviour): `rows` draws of
// Dirichlet(alpha[0..k)) into out[rows*k].
//  * max(alpha) < 0.1 (every alpha < 0.1; a NaN makes it false): stick-breaking with betas
//    (gh-14924, NumPy >= 1.19). csum[j] = sum(alpha[j:]) right to left; if csum[0] == 0 (all
//    zero) every row is 0 and nothing is drawn. Otherwise per row: acc = 1; for j < k-1:
//    v = beta(alpha[j], csum[j+1]), out[j] = acc*v, acc *= 1 - v, stop early when
//    csum[j+1] == 0 (the rest stay 0); out[k-1] = acc. Consumes k-1 betas per row (fewer on
//    the early stop).
//  * otherwise: k standard gammas per row (detail::dirichlet_gammas: batched or prepared, the
//    draws of the row-major standard_gamma loop), each multiplied by 1/sum (not divided).
template <class BitGen>
void dirichlet(BitGen& bg, const double* alpha, std::size_t k, std::size_t rows, double* out) {
  std::fill(out, out + rows * k, 0.0);
  if (k == 0) {
    return;
  }
  bool small = true;
  for (std::size_t j = 0; j < k; ++j) {
    if (!(alpha[j] < 0.1)) {
      small = false;
    }
  }
  if (small) {
    std::vector<double> csum(k);
    double c = 0.0;
    for (std::size_t j = k; j-- > 0;) {
      c += alpha[j];
      csum[j] = c;
    }
    if (!(c > 0.0)) {
      return;  // all alphas are zero: rows of zeros, no draws
    }
    for (std::size_t r = 0; r < rows; ++r) {
      double* row = out + r * k;
      double acc = 1.0;
      for (std::size_t j = 0; j + 1 < k; ++j) {
        const double v = beta(bg, alpha[j], csum[j + 1]);
        row[j] = acc * v;
        acc *= (1.0 - v);
        if (csum[j + 1] == 0.0) {
          break;
        }
      }
      row[k - 1] = acc;
    }
    return;
  }
  detail::dirichlet_gammas(bg, alpha, k, rows, out);
  for (std::size_t r = 0; r < rows; ++r) {
    double* row = out + r * k;
    double acc = 0.0;
    for (std::size_t j = 0; j < k; ++j) {
      acc = acc + row[j];
    }
    const double invacc = 1.0 / acc;
    for (std::size_t j = 0; j < k; ++j) {
      row[j] = row[j] * invacc;
    }
  }
}

// ---- multinomial ----
// Mirrors random_multinomial (distributions.c): one draw of Multinomial(n, pvals[0..d)) into
// out[d]. For j < d-1: out[j] = binomial(pvals[j] / remaining_p, dn); dn -= out[j]; stop as soon
// as dn <= 0; remaining_p -= pvals[j]. The last category gets the remaining dn; pvals[d-1] is
// never read. Entries after an early stop are 0. A binomial with n == 0 or p == 0 draws nothing.
// `cache` is the Generator's binomial setup cache (it only saves work; values do not depend on it).
template <class BitGen>
void multinomial(BitGen& bg, std::int64_t n, const double* pvals, std::size_t d, std::int64_t* out,
                 binomial_cache& cache) {
  std::fill(out, out + d, std::int64_t{0});
  double remaining_p = 1.0;
  std::int64_t dn = n;
  for (std::size_t j = 0; j + 1 < d; ++j) {
    out[j] = binomial(bg, dn, pvals[j] / remaining_p, cache);
    dn = dn - out[j];
    if (dn <= 0) {
      break;
    }
    remaining_p -= pvals[j];
  }
  if (dn > 0) {
    out[d - 1] = dn;
  }
}

// Generator's binomial for detail::multinomial_setups: a binomial_sampler kept per setup slot.
struct sampler_draw {
  template <class BitGen>
  NPRANDOM_ALWAYS_INLINE std::int64_t operator()(BitGen& bg, std::int64_t n, double p,
                                                 binomial_sampler& b) const noexcept {
    return b(bg, n, p);
  }
};

// `rows` multinomial draws (out[rows*d]), the values of `rows` multinomial calls. The binomial
// setup of category j for the remaining count dn is kept in a binomial_sampler (BTPE terms or
// the inversion table) per (j, dn mod slots): rows that meet the same (dn, p) again reuse it, as
// RandomState's legacy::multinomial_fill does (a sampler only saves work; values do not depend
// on it).
template <class BitGen>
void multinomial_rows(BitGen& bg, std::int64_t n, const double* pvals, std::size_t d,
                      std::int64_t* out, std::size_t rows) {
  if (rows <= 1 || d < 2) {
    binomial_cache cache;
    for (std::size_t i = 0; i < rows; ++i) multinomial(bg, n, pvals, d, out + i * d, cache);
    return;
  }
  detail::multinomial_setups<binomial_sampler> setups;
  setups.reset(d - 1, rows, 256);  // at most 256 samplers (~300 KiB)
  for (std::size_t i = 0; i < rows; ++i) setups.row(bg, n, pvals, d, out + i * d, sampler_draw{});
}

// ---- multivariate_hypergeometric ----
// Mirrors random_multivariate_hypergeometric_count (random_mvhg_count.c): `rows` draws into
// out[rows*num_colors]. The urn is the label array [0]*colors[0] + [1]*colors[1] + ...; each draw
// runs a partial Fisher-Yates over its first m entries (k = j + random_interval(total - j - 1),
// masked rejection) and counts labels, where m = nsample, or total - nsample when
// nsample > total/2 (then the complement is returned). The label array is NOT reset between
// draws of one call, so `rows` draws in one call differ from `rows` calls of one draw.
// total == 0, nsample == 0 or rows == 0: zeros, no draws. Allocates total size_t's.
template <class BitGen>
void multivariate_hypergeometric_count(BitGen& bg, std::int64_t total, const std::int64_t* colors,
                                       std::size_t num_colors, std::int64_t nsample,
                                       std::size_t rows, std::int64_t* out) {
  std::fill(out, out + rows * num_colors, std::int64_t{0});
  if (total == 0 || nsample == 0 || rows == 0) {
    return;
  }
  std::vector<std::size_t> choices(static_cast<std::size_t>(total));
  for (std::size_t i = 0, pos = 0; i < num_colors; ++i) {
    for (std::int64_t j = 0; j < colors[i]; ++j) {
      choices[pos++] = i;
    }
  }
  const bool more_than_half = nsample > total / 2;
  if (more_than_half) {
    nsample = total - nsample;
  }
  const auto m = static_cast<std::size_t>(nsample);
  const auto t = static_cast<std::size_t>(total);
  std::size_t js[kShuffleBlock];
  for (std::size_t r = 0; r < rows; ++r) {
    std::int64_t* row = out + r * num_colors;
    // k = j + random_interval(t - j - 1): the intervals of a block of j's drawn first, as
    // shuffle_raw draws its j's (the same draws in the same order; they do not depend on the
    // urn), then the swaps.
    for (std::size_t j0 = 0; j0 < m; j0 += kShuffleBlock) {
      const std::size_t kb = m - j0 < kShuffleBlock ? m - j0 : kShuffleBlock;
      shuffle_draw_block(bg, t - j0, kb, js);
      for (std::size_t q = 0; q < kb; ++q) std::swap(choices[j0 + q + js[q]], choices[j0 + q]);
    }
    for (std::size_t j = 0; j < m; ++j) {
      row[choices[j]] += 1;
    }
    if (more_than_half) {
      for (std::size_t c = 0; c < num_colors; ++c) {
        row[c] = colors[c] - row[c];
      }
    }
  }
}

// distributions::hypergeometric with the HRUA setups kept in a small direct-mapped cache keyed
// by (good, bad, sample) (when `enabled`; the same values as the plain call either way).
class hrua_setup_cache {
 public:
  explicit hrua_setup_cache(bool enabled) : slots_(enabled ? size : 0) {}

  template <class BitGen>
  std::int64_t draw(BitGen& bg, std::int64_t good, std::int64_t bad, std::int64_t sample) {
    if (slots_.empty() || !(sample >= 10 && sample <= good + bad - 10)) {
      return hypergeometric(bg, good, bad, sample);
    }
    const std::uint64_t h = static_cast<std::uint64_t>(good) * 0x9E3779B97F4A7C15u ^
                            static_cast<std::uint64_t>(bad) * 0xC2B2AE3D27D4EB4Fu ^
                            static_cast<std::uint64_t>(sample) * 0x165667B19E3779F9u;
    slot& sl = slots_[static_cast<std::size_t>(h >> 58)];  // size == 64
    if (!(sl.used && sl.st.good == good && sl.st.bad == bad && sl.st.sample == sample)) {
      sl.st = hypergeometric_hrua_setup(good, bad, sample);
      sl.used = true;
    }
    const hypergeometric_hrua_setup& st = sl.st;
    return hypergeometric_hrua(bg, st, [&st](std::int64_t K) { return st.gp(K); });
  }

 private:
  static constexpr std::size_t size = 64;
  struct slot {
    bool used = false;
    hypergeometric_hrua_setup st{20, 20, 10};  // placeholder until used
  };
  std::vector<slot> slots_;
};

// Mirrors random_multivariate_hypergeometric_marginals (random_mvhg_marginals.c): per draw,
// remaining = total; for j < num_colors-1 while some are still to be taken:
// remaining -= colors[j]; out[j] = hypergeometric(colors[j], remaining, num_to_sample);
// the last color gets the rest. Same complement trick as the count method (nsample > total/2).
// total == 0, nsample == 0 or rows == 0: zeros, no draws. Needs num_colors > 0.
template <class BitGen>
void multivariate_hypergeometric_marginals(BitGen& bg, std::int64_t total,
                                           const std::int64_t* colors, std::size_t num_colors,
                                           std::int64_t nsample, std::size_t rows,
                                           std::int64_t* out) {
  std::fill(out, out + rows * num_colors, std::int64_t{0});
  if (total == 0 || nsample == 0 || rows == 0 || num_colors == 0) {
    return;
  }
  const bool more_than_half = nsample > total / 2;
  if (more_than_half) {
    nsample = total - nsample;
  }
  // Long runs keep the HRUA setups (the same doubles as NumPy's per-call setup): the parameters
  // (colors[j], remaining, num_to_sample) take few distinct values.
  hrua_setup_cache cache(rows >= 1024);
  for (std::size_t r = 0; r < rows; ++r) {
    std::int64_t* row = out + r * num_colors;
    std::int64_t num_to_sample = nsample;
    std::int64_t remaining = total;
    for (std::size_t j = 0; num_to_sample > 0 && j + 1 < num_colors; ++j) {
      remaining -= colors[j];
      const std::int64_t got = cache.draw(bg, colors[j], remaining, num_to_sample);
      row[j] = got;
      num_to_sample -= got;
    }
    if (num_to_sample > 0) {
      row[num_colors - 1] = num_to_sample;
    }
    if (more_than_half) {
      for (std::size_t c = 0; c < num_colors; ++c) {
        row[c] = colors[c] - row[c];
      }
    }
  }
}

// ---- multivariate_normal ----
enum class mvn_method { svd, eigh, cholesky };

// method='svd' | 'eigh' | 'cholesky' (Generator checks this first, before drawing anything).
inline mvn_method parse_mvn_method(std::string_view method) {
  if (method == "svd") return mvn_method::svd;
  if (method == "eigh") return mvn_method::eigh;
  if (method == "cholesky") return mvn_method::cholesky;
  throw std::invalid_argument("method must be one of {'eigh', 'svd', 'cholesky'}");
}

}  // namespace distributions

namespace detail {
constexpr const char* mvn_not_psd = "covariance is not symmetric positive-semidefinite.";

// numpy.allclose(vh.T * s @ vh, cov, rtol=tol, atol=tol): the svd check of both front ends.
inline bool mvn_svd_psd(const double* cov, const double* s, const double* vh, std::size_t d,
                        double tol) {
  std::vector<double> rec(d * d, 0.0);
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t j = 0; j < d; ++j) {
      double acc = 0.0;
      for (std::size_t k = 0; k < d; ++k) {
        acc += mul(vh[k * d + i] * s[k], vh[k * d + j]);
      }
      rec[i * d + j] = acc;
    }
  }
  return linalg::allclose(rec.data(), cov, d * d, tol, tol);
}

enum class mvn_check { warn, raise, ignore };

// NumPy validates check_valid only when it is not 'ignore' (and, in Generator, only when the
// method is not cholesky), after the normals are drawn and cov decomposed.
inline mvn_check parse_mvn_check(std::string_view check_valid) {
  if (check_valid == "ignore") return mvn_check::ignore;
  if (check_valid == "warn") return mvn_check::warn;
  if (check_valid == "raise") return mvn_check::raise;
  throw std::invalid_argument("check_valid must equal 'warn', 'raise', or 'ignore'");
}

inline void mvn_report(bool psd, mvn_check check) {
  if (psd) {
    return;
  }
  if (check == mvn_check::raise) {
    throw std::invalid_argument(mvn_not_psd);
  }
  emit_runtime_warning(mvn_not_psd);
}
}  // namespace detail

namespace distributions {

// Generator.multivariate_normal after its standard normals are drawn (_generator.pyx, NumPy
// 2.5): decomposes cov (row-major d*d, cast to double), runs check_valid, and replaces each row
// x of `x` (rows*d standard normals, drawn by the caller before any of this, as NumPy does) by
// mean + x @ factor.T, where factor = u*sqrt(s) (svd), u*sqrt(|s|) (eigh, lower triangle) or
// the lower Cholesky factor (cholesky; check skipped). Decompositions come from
// detail/linalg.hpp (Jacobi; see there for the sign convention and why results match NumPy to
// rounding, not bit for bit).
// Throws std::invalid_argument (NumPy's ValueError / numpy.linalg.LinAlgError, a ValueError):
// "covariance is not symmetric positive-semidefinite." (check_valid "raise"), "Matrix is not
// positive definite" (cholesky), "SVD did not converge" (svd, a NaN in cov; an infinite entry
// gives NaN draws, and eigh gives NaN draws for either, as LAPACK does), "check_valid must equal
// 'warn', 'raise', or 'ignore'" (not checked for cholesky, as in NumPy). check_valid "warn" reports
// through nprandom's warning handler and continues.
// The last decomposition of Generator.multivariate_normal: (method, tol, cov bits) -> factor and
// the psd verdict, so that calls with the same cov (one row at a time) skip the decomposition.
// check_valid is still parsed and reported on every call, at the same point.
struct mvn_factor_cache {
  bool valid = false;
  mvn_method method = mvn_method::svd;
  double tol = 0.0;
  bool psd = true;
  std::vector<double> cov, factor;
  bool matches(mvn_method m, const double* c, std::size_t d, double t) const noexcept {
    return valid && m == method && cov.size() == d * d && std::memcmp(&t, &tol, sizeof t) == 0 &&
           (d == 0 || std::memcmp(c, cov.data(), d * d * sizeof(double)) == 0);
  }
  // The same test for cov given as d rows of d: true means `cov` is its row-major copy (the
  // caller can pass it instead of flattening the rows again).
  bool matches_rows(mvn_method m, const std::vector<std::vector<double>>& rows,
                    double t) const noexcept {
    const std::size_t d = rows.size();
    if (!(valid && m == method && cov.size() == d * d && std::memcmp(&t, &tol, sizeof t) == 0)) {
      return false;
    }
    for (std::size_t i = 0; i < d; ++i) {
      if (rows[i].size() != d ||
          (d != 0 && std::memcmp(rows[i].data(), cov.data() + i * d, d * sizeof(double)) != 0)) {
        return false;
      }
    }
    return true;
  }
};

// Scratch for one row of d doubles: on the stack up to 16 (the one-row calls allocate nothing).
class mvn_row_scratch {
 public:
  explicit mvn_row_scratch(std::size_t d) {
    if (d > 16) heap_.resize(d);
  }
  double* data() noexcept { return heap_.empty() ? stack_ : heap_.data(); }

 private:
  double stack_[16];
  std::vector<double> heap_;
};

inline void multivariate_normal_transform(const double* mean, const double* cov, std::size_t d,
                                          mvn_method method, std::string_view check_valid,
                                          double tol, double* x, std::size_t rows,
                                          mvn_factor_cache* cache = nullptr) {
  namespace la = ::nprandom::detail::linalg;
  std::vector<double> own;
  if (cache && cache->matches(method, cov, d, tol)) {
    if (method != mvn_method::cholesky) {
      const auto check = detail::parse_mvn_check(check_valid);
      if (check != detail::mvn_check::ignore) detail::mvn_report(cache->psd, check);
    }
  } else {
    // factor[i*d + k]: x @ factor.T -> sum_k x[k]*factor[i][k]
    std::vector<double>& factor = cache ? cache->factor : own;
    if (cache) cache->valid = false;
    factor.assign(d * d, 0.0);
    bool psd = true;
    if (method == mvn_method::cholesky) {
      if (!la::cholesky_lower(cov, d, factor.data())) {
        throw std::invalid_argument("Matrix is not positive definite");
      }
    } else if (method == mvn_method::svd) {
      std::vector<double> u(d * d), s(d), vh(d * d);
      if (!la::svd(cov, d, u.data(), s.data(), vh.data())) {
        throw std::invalid_argument("SVD did not converge");
      }
      const auto check = detail::parse_mvn_check(check_valid);
      psd = detail::mvn_svd_psd(cov, s.data(), vh.data(), d, tol);  // kept for later calls
      if (check != detail::mvn_check::ignore) detail::mvn_report(psd, check);
      for (std::size_t i = 0; i < d; ++i) {
        for (std::size_t k = 0; k < d; ++k) {
          factor[i * d + k] = u[i * d + k] * detail::sqrt(s[k]);
        }
      }
    } else {
      std::vector<double> u(d * d), s(d);
      if (!la::eigh(cov, d, s.data(), u.data())) {
        throw std::invalid_argument("Eigenvalues did not converge");
      }
      const auto check = detail::parse_mvn_check(check_valid);
      for (std::size_t k = 0; k < d; ++k) {
        if (s[k] < -tol) {
          psd = false;
        }
      }
      if (check != detail::mvn_check::ignore) detail::mvn_report(psd, check);
      for (std::size_t i = 0; i < d; ++i) {
        for (std::size_t k = 0; k < d; ++k) {
          factor[i * d + k] = u[i * d + k] * detail::sqrt(detail::fabs(s[k]));
        }
      }
    }
    if (cache) {
      cache->cov.assign(cov, cov + d * d);
      cache->method = method;
      cache->tol = tol;
      cache->psd = psd;
      cache->valid = true;
    }
  }
  const std::vector<double>& factor = cache ? cache->factor : own;
  mvn_row_scratch scratch(d);
  double* const tmp = scratch.data();
  for (std::size_t r = 0; r < rows; ++r) {
    double* row = x + r * d;
    for (std::size_t i = 0; i < d; ++i) {
      double acc = 0.0;
      for (std::size_t k = 0; k < d; ++k) {
        acc += detail::mul(row[k], factor[i * d + k]);
      }
      tmp[i] = mean[i] + acc;
    }
    std::copy(tmp, tmp + d, row);
  }
}

// RandomState.multivariate_normal after its standard normals are drawn (mtrand.pyx; frozen):
// SVD only, (u, s, vh) = svd(cov); check_valid as above; each row x becomes
// x @ (sqrt(s)[:, None] * vh) + mean -- note: vh, not u. `x` holds rows*d legacy gaussians
// drawn by the caller first. Same exceptions and warning behaviour as
// multivariate_normal_transform (no cholesky / eigh here).
// With a cache (RandomState keeps one), a call with the same cov and tol as the last reuses its
// b and psd verdict: check_valid is still parsed and reported, at the same point.
inline void legacy_multivariate_normal_transform(const double* mean, const double* cov,
                                                 std::size_t d, std::string_view check_valid,
                                                 double tol, double* x, std::size_t rows,
                                                 mvn_factor_cache* cache = nullptr) {
  namespace la = ::nprandom::detail::linalg;
  std::vector<double> own;
  if (cache && cache->matches(mvn_method::svd, cov, d, tol)) {
    const auto check = detail::parse_mvn_check(check_valid);
    if (check != detail::mvn_check::ignore) detail::mvn_report(cache->psd, check);
  } else {
    std::vector<double>& b = cache ? cache->factor : own;
    if (cache) cache->valid = false;
    std::vector<double> u(d * d), s(d), vh(d * d);
    if (!la::svd(cov, d, u.data(), s.data(), vh.data())) {
      throw std::invalid_argument("SVD did not converge");
    }
    const auto check = detail::parse_mvn_check(check_valid);
    const bool psd = detail::mvn_svd_psd(cov, s.data(), vh.data(), d, tol);
    if (check != detail::mvn_check::ignore) detail::mvn_report(psd, check);
    b.assign(d * d, 0.0);  // b[k*d + i] = sqrt(s[k]) * vh[k][i]
    for (std::size_t k = 0; k < d; ++k) {
      const double sk = detail::sqrt(s[k]);
      for (std::size_t i = 0; i < d; ++i) {
        b[k * d + i] = sk * vh[k * d + i];
      }
    }
    if (cache) {
      cache->cov.assign(cov, cov + d * d);
      cache->method = mvn_method::svd;
      cache->tol = tol;
      cache->psd = psd;
      cache->valid = true;
    }
  }
  const std::vector<double>& b = cache ? cache->factor : own;
  mvn_row_scratch scratch(d);
  double* const tmp = scratch.data();
  for (std::size_t r = 0; r < rows; ++r) {
    double* row = x + r * d;
    for (std::size_t i = 0; i < d; ++i) {
      double acc = 0.0;
      for (std::size_t k = 0; k < d; ++k) {
        acc += detail::mul(row[k], b[k * d + i]);
      }
      tmp[i] = acc + mean[i];
    }
    std::copy(tmp, tmp + d, row);
  }
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_MULTIVARIATE_HPP
