// Small dense linear algebra (Jacobi SVD / symmetric eigendecomposition, Cholesky) for
// multivariate_normal.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_LINALG_HPP
#define NPRANDOM_DETAIL_LINALG_HPP

// Everything here works on small row-major square matrices (the covariance of a
// multivariate normal) and needs no LAPACK. NumPy calls LAPACK (dgesdd, dsyevd, dpotrf); the
// results here agree with it to rounding, with two caveats that no portable code can avoid:
//
//  * Singular/eigen vectors are only defined up to sign (and, for repeated values, up to a
//    rotation within their subspace). LAPACK's signs fall out of its Householder/QR sequence and
//    differ between netlib, OpenBLAS and MKL. We pick a fixed, documented convention (see
//    `fix_signs_svd` / `fix_signs_eigh`) that reproduces NumPy 2.5.2's reference records (netlib
//    and OpenBLAS agree on those). For other matrices the signs may differ from your NumPy
//    build's; the sampled distribution is the same either way.
//  * Rounding: Jacobi and LAPACK round differently, so values agree to ~1e-15 relative, not
//    bit for bit.

#include <nprandom/detail/fp.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace nprandom {
namespace detail {
namespace linalg {

// The permutation that sorts 0..n-1 stably by `before` (a strict weak order on indices): an
// insertion sort, as n is a covariance dimension and the decompositions cost O(n^3) anyway
// (std::stable_sort here was instantiated in every translation unit: compile time).
template <class Before>
std::vector<std::size_t> stable_order(std::size_t n, Before before) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t j = i;
    for (; j > 0 && before(i, order[j - 1]); --j) {
      order[j] = order[j - 1];
    }
    order[j] = i;
  }
  return order;
}

inline bool all_finite(const double* a, std::size_t count) noexcept {
  for (std::size_t i = 0; i < count; ++i) {
    if (!detail::isfinite(a[i])) {
      return false;
    }
  }
  return true;
}

// The decomposition LAPACK returns for a matrix with an infinite entry it does not reject: it
// scales the matrix by 0 (x / inf), so every value NumPy derives from it is NaN. NaN values,
// identity vectors.
inline void nan_decomposition(std::size_t n, double* values, double* vec1, double* vec2) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    values[i] = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t j = 0; j < n; ++j) {
      vec1[i * n + j] = i == j ? 1.0 : 0.0;
      if (vec2) vec2[i * n + j] = i == j ? 1.0 : 0.0;
    }
  }
}

// numpy.allclose(a, b, rtol, atol) for two arrays of `count` doubles:
// |a - b| <= atol + rtol * |b| elementwise; NaN never matches; equal infinities match.
inline bool allclose(const double* a, const double* b, std::size_t count, double rtol,
                     double atol) noexcept {
  for (std::size_t i = 0; i < count; ++i) {
    const double x = a[i];
    const double y = b[i];
    if (detail::isinf(x) || detail::isinf(y)) {
      if (x != y) {
        return false;
      }
      continue;
    }
    if (!(detail::fabs(x - y) <= atol + mul(rtol, detail::fabs(y)))) {
      return false;
    }
  }
  return true;
}

// Lower Cholesky factor L (row-major n*n, zeros above the diagonal) of the symmetric matrix
// whose LOWER triangle is read from `a` (as numpy.linalg.cholesky / LAPACK dpotrf('L') do; the
// upper triangle is ignored). Returns false when a pivot is <= 0 or NaN ("Matrix is not positive
// definite"), like dpotrf's INFO > 0.
inline bool cholesky_lower(const double* a, std::size_t n, double* l) noexcept {
  std::fill(l, l + n * n, 0.0);
  for (std::size_t j = 0; j < n; ++j) {
    double ajj = a[j * n + j];
    for (std::size_t k = 0; k < j; ++k) {
      ajj -= mul(l[j * n + k], l[j * n + k]);
    }
    if (!(ajj > 0.0)) {  // also catches NaN
      return false;
    }
    ajj = detail::sqrt(ajj);
    l[j * n + j] = ajj;
    for (std::size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (std::size_t k = 0; k < j; ++k) {
        s -= mul(l[i * n + k], l[j * n + k]);
      }
      l[i * n + j] = s / ajj;
    }
  }
  return true;
}

// Index of the first entry of column `col` (of a row-major n*n matrix) whose magnitude exceeds
// `thresh`, or n when there is none.
inline std::size_t first_significant(const double* m, std::size_t n, std::size_t col,
                                     double thresh) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    if (detail::fabs(m[i * n + col]) > thresh) {
      return i;
    }
  }
  return n;
}

inline std::size_t count_significant(const double* m, std::size_t n, std::size_t col,
                                     double thresh) noexcept {
  std::size_t c = 0;
  for (std::size_t i = 0; i < n; ++i) {
    c += detail::fabs(m[i * n + col]) > thresh ? 1u : 0u;
  }
  return c;
}

constexpr double sign_threshold = 1e-12;

// Sign convention for eigh's eigenvectors (columns of v): the first significant component of
// each column is positive. Matches NumPy 2.5.2's reference eigh record (and the unit vectors
// LAPACK returns for diagonal matrices).
inline void fix_signs_eigh(double* v, std::size_t n) noexcept {
  for (std::size_t j = 0; j < n; ++j) {
    const std::size_t i = first_significant(v, n, j, sign_threshold);
    if (i < n && v[i * n + j] < 0.0) {
      for (std::size_t r = 0; r < n; ++r) {
        v[r * n + j] = -v[r * n + j];
      }
    }
  }
}

// Inverse of an orthonormal square matrix is its transpose: write vt = v^T.
inline void transpose(const double* v, std::size_t n, double* vt) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      vt[j * n + i] = v[i * n + j];
    }
  }
}

// Cyclic Jacobi eigendecomposition of the symmetric matrix whose LOWER triangle is read from `a`
// (numpy.linalg.eigh's default UPLO='L'). Writes the eigenvalues in ascending order to w[n] and
// the eigenvectors as the COLUMNS of the row-major n*n matrix v (NumPy's `eigh(a)[1]`), signs
// fixed by `fix_signs_eigh`. A NaN or infinite entry in the lower triangle gives NaN eigenvalues
// (LAPACK dsyevd does not reject it: NumPy's multivariate_normal(method='eigh') then draws NaN);
// the upper triangle is never read. Returns true.
inline bool eigh(const double* a, std::size_t n, double* w, double* v) {
  for (std::size_t i = 0; i < n; ++i) {
    if (!all_finite(a + i * n, i + 1)) {
      nan_decomposition(n, w, v, nullptr);
      return true;
    }
  }
  std::vector<double> m(n * n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      m[i * n + j] = m[j * n + i] = a[i * n + j];
    }
  }
  std::vector<double> vec(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    vec[i * n + i] = 1.0;
  }
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0.0;
    double diag = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      diag += mul(m[i * n + i], m[i * n + i]);
      for (std::size_t j = i + 1; j < n; ++j) {
        off += mul(m[i * n + j], m[i * n + j]);
      }
    }
    if (off == 0.0 || off <= 1e-36 * diag) {
      break;
    }
    for (std::size_t p = 0; p + 1 < n; ++p) {
      for (std::size_t q = p + 1; q < n; ++q) {
        const double apq = m[p * n + q];
        if (apq == 0.0) {
          continue;
        }
        const double app = m[p * n + p];
        const double aqq = m[q * n + q];
        // Rutishauser's stable rotation: t = tan(theta) zeroing m[p][q].
        const double theta = (aqq - app) / (2.0 * apq);
        const double t = (theta >= 0.0 ? 1.0 : -1.0) /
                         (detail::fabs(theta) + detail::sqrt(mul(theta, theta) + 1.0));
        const double c = 1.0 / detail::sqrt(mul(t, t) + 1.0);
        const double s = t * c;
        for (std::size_t k = 0; k < n; ++k) {  // columns p, q
          const double mkp = m[k * n + p];
          const double mkq = m[k * n + q];
          m[k * n + p] = mul(c, mkp) - mul(s, mkq);
          m[k * n + q] = mul(s, mkp) + mul(c, mkq);
        }
        for (std::size_t k = 0; k < n; ++k) {  // rows p, q
          const double mpk = m[p * n + k];
          const double mqk = m[q * n + k];
          m[p * n + k] = mul(c, mpk) - mul(s, mqk);
          m[q * n + k] = mul(s, mpk) + mul(c, mqk);
        }
        m[p * n + q] = m[q * n + p] = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
          const double vkp = vec[k * n + p];
          const double vkq = vec[k * n + q];
          vec[k * n + p] = mul(c, vkp) - mul(s, vkq);
          vec[k * n + q] = mul(s, vkp) + mul(c, vkq);
        }
      }
    }
  }
  const std::vector<std::size_t> order =
      stable_order(n, [&](std::size_t x, std::size_t y) { return m[x * n + x] < m[y * n + y]; });
  for (std::size_t j = 0; j < n; ++j) {
    w[j] = m[order[j] * n + order[j]];
    for (std::size_t i = 0; i < n; ++i) {
      v[i * n + j] = vec[i * n + order[j]];
    }
  }
  fix_signs_eigh(v, n);
  return true;
}

// Sign convention for the SVD (applied to the pairs (u[:, j], vh[j, :]) together, so that
// a == u @ diag(s) @ vh still holds): the first significant component of each column of u is
// positive, except for the LAST column (n >= 2) when it has more than one significant component:
// there the last significant component is made negative. This is not a property of LAPACK -- it
// is the simplest rule that reproduces NumPy 2.5.2's reference records (Generator 3x3 svd and
// RandomState 2x2) and LAPACK's unit vectors for diagonal matrices.
inline void fix_signs_svd(double* u, double* vh, std::size_t n) noexcept {
  for (std::size_t j = 0; j < n; ++j) {
    bool flip = false;
    if (j + 1 == n && n >= 2 && count_significant(u, n, j, sign_threshold) > 1) {
      std::size_t last = n;
      for (std::size_t i = n; i-- > 0;) {
        if (detail::fabs(u[i * n + j]) > sign_threshold) {
          last = i;
          break;
        }
      }
      flip = last < n && u[last * n + j] > 0.0;
    } else {
      const std::size_t i = first_significant(u, n, j, sign_threshold);
      flip = i < n && u[i * n + j] < 0.0;
    }
    if (flip) {
      for (std::size_t r = 0; r < n; ++r) {
        u[r * n + j] = -u[r * n + j];
        vh[j * n + r] = -vh[j * n + r];
      }
    }
  }
}

// SVD of a general square matrix, a = u @ diag(s) @ vh, as numpy.linalg.svd(a) returns it:
// u (columns = left singular vectors) and vh (rows = right singular vectors) row-major n*n,
// s[n] in descending order. One-sided (Hestenes) Jacobi on the columns of a; left vectors of
// zero singular values are completed to an orthonormal basis. Signs per `fix_signs_svd`.
// Returns false on a NaN entry ("SVD did not converge": LAPACK dgesdd rejects NaN input); an
// infinite entry (no NaN) gives NaN singular values, as dgesdd does (NumPy: no error, NaN draws,
// and check_valid sees a matrix that is not positive-semidefinite).
inline bool svd(const double* a, std::size_t n, double* u, double* s, double* vh) {
  if (!all_finite(a, n * n)) {
    for (std::size_t i = 0; i < n * n; ++i) {
      if (detail::isnan(a[i])) return false;
    }
    nan_decomposition(n, s, u, vh);
    return true;
  }
  std::vector<double> g(a, a + n * n);  // columns are rotated until mutually orthogonal
  std::vector<double> v(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    v[i * n + i] = 1.0;
  }
  const double eps = std::numeric_limits<double>::epsilon();
  for (int sweep = 0; sweep < 100; ++sweep) {
    bool rotated = false;
    for (std::size_t p = 0; p + 1 < n; ++p) {
      for (std::size_t q = p + 1; q < n; ++q) {
        double alpha = 0.0;
        double beta = 0.0;
        double gamma = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
          const double gp = g[k * n + p];
          const double gq = g[k * n + q];
          alpha += mul(gp, gp);
          beta += mul(gq, gq);
          gamma += mul(gp, gq);
        }
        if (gamma == 0.0 || detail::fabs(gamma) <= eps * detail::sqrt(alpha * beta)) {
          continue;
        }
        rotated = true;
        const double zeta = (beta - alpha) / (2.0 * gamma);
        const double t =
            (zeta >= 0.0 ? 1.0 : -1.0) / (detail::fabs(zeta) + detail::sqrt(mul(zeta, zeta) + 1.0));
        const double c = 1.0 / detail::sqrt(mul(t, t) + 1.0);
        const double sn = t * c;
        for (std::size_t k = 0; k < n; ++k) {
          const double gp = g[k * n + p];
          const double gq = g[k * n + q];
          g[k * n + p] = mul(c, gp) - mul(sn, gq);
          g[k * n + q] = mul(sn, gp) + mul(c, gq);
          const double vp = v[k * n + p];
          const double vq = v[k * n + q];
          v[k * n + p] = mul(c, vp) - mul(sn, vq);
          v[k * n + q] = mul(sn, vp) + mul(c, vq);
        }
      }
    }
    if (!rotated) {
      break;
    }
  }
  std::vector<double> norms(n);
  double max_norm = 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    double ss = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      ss += mul(g[k * n + j], g[k * n + j]);
    }
    norms[j] = detail::sqrt(ss);
    max_norm = std::max(max_norm, norms[j]);
  }
  const std::vector<std::size_t> order =
      stable_order(n, [&](std::size_t x, std::size_t y) { return norms[x] > norms[y]; });
  const double null_tol = max_norm * static_cast<double>(n) * eps;
  std::vector<char> have(n, 0);
  for (std::size_t j = 0; j < n; ++j) {
    const std::size_t src = order[j];
    s[j] = norms[src];
    for (std::size_t k = 0; k < n; ++k) {
      vh[j * n + k] = v[k * n + src];
    }
    if (norms[src] > null_tol && norms[src] > 0.0) {
      for (std::size_t k = 0; k < n; ++k) {
        u[k * n + j] = g[k * n + src] / norms[src];
      }
      have[j] = 1;
    }
  }
  // Complete u with unit vectors made orthogonal (twice, for stability) to the columns we have.
  std::size_t next_unit = 0;
  for (std::size_t j = 0; j < n; ++j) {
    if (have[j]) {
      continue;
    }
    for (; next_unit < n; ++next_unit) {
      std::vector<double> cand(n, 0.0);
      cand[next_unit] = 1.0;
      for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t c = 0; c < n; ++c) {
          if (!have[c]) {
            continue;
          }
          double dot = 0.0;
          for (std::size_t k = 0; k < n; ++k) {
            dot += mul(u[k * n + c], cand[k]);
          }
          for (std::size_t k = 0; k < n; ++k) {
            cand[k] -= mul(dot, u[k * n + c]);
          }
        }
      }
      double nn = 0.0;
      for (double x : cand) {
        nn += mul(x, x);
      }
      nn = detail::sqrt(nn);
      if (nn > 0.5) {
        for (std::size_t k = 0; k < n; ++k) {
          u[k * n + j] = cand[k] / nn;
        }
        have[j] = 1;
        ++next_unit;
        break;
      }
    }
  }
  fix_signs_svd(u, vh, n);
  return true;
}

}  // namespace linalg
}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_LINALG_HPP
