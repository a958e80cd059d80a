"""Golden calls for the reliability fixes (issue 9): size limits, extreme-but-valid parameters.

Everything here is evaluated with the local NumPy 1.24.2 and is unchanged in 2.5.2
(numpy-random-notes.md section 6): array-size errors come from PyArray_NewFromDescr / the
dimension converter, not from numpy.random; noncentral_chisquare / noncentral_f and RandomState
binomial / multinomial (no zero pvals, n > 0) draw the same values in both versions.

Record ids:
  size/<what>      a sized call whose shape NumPy cannot build (the error it raises)
  edge/<what>      a valid call just inside a limit where RandomState refuses NumPy's hangs
  wrap/<what>      a valid call whose kernel wraps an int64 in NumPy's C (2 * i, -k * k):
                   the values NumPy returns, which nprandom must keep without the UB
Used by: tests/test_reliability.cpp.
"""

SMAX3 = (2**64 - 1) // 3 + 1   # SIZE_MAX / 3 + 1 (fits npy_intp: the byte count overflows)

CALLS = [
    # ---- array sizes: ValueError texts of PyArray_NewFromDescr and the dimension converter ----
    ("size/G-dirichlet", f"np.random.default_rng(1).dirichlet([1.0, 1.0, 1.0], {SMAX3})"),
    ("size/G-multinomial", "np.random.default_rng(1).multinomial(10, [0.5, 0.5, 0.0, 0.0], 2**62)"),
    ("size/G-mvhg", "np.random.default_rng(1).multivariate_hypergeometric([1, 2], 1, 2**62)"),
    ("size/G-mvn", "np.random.default_rng(1).multivariate_normal([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], 2**62)"),
    ("size/G-random", "np.random.default_rng(1).random(2**62)"),
    ("size/G-random-dim", "np.random.default_rng(1).random(2**63)"),
    ("size/G-random-neg", "np.random.default_rng(1).random(-1)"),
    ("size/RS-dirichlet", "np.random.RandomState(1).dirichlet([1.0, 1.0], 2**63)"),
    ("size/RS-dirichlet-bytes", "np.random.RandomState(1).dirichlet([1.0, 1.0], 2**62)"),
    ("size/RS-multinomial", "np.random.RandomState(1).multinomial(10, [0.5, 0.5], 2**62)"),
    ("size/RS-mvn", "np.random.RandomState(1).multivariate_normal([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], 2**62)"),
    ("size/RS-rand", "np.random.RandomState(1).rand(2**32, 2**32)"),
    ("size/RS-rand-neg", "np.random.RandomState(1).rand(-1)"),
    ("size/RS-randn-neg", "np.random.RandomState(1).randn(2, -1)"),
    ("size/RS-rand-ok-zero", "np.random.RandomState(1).rand(0, 2**40)"),
    # ---- int64 wraps inside NumPy's kernels (values NumPy returns) ----
    ("wrap/G-ncchisq-inf", "np.random.default_rng(1).noncentral_chisquare(1.0, np.inf, 3)"),
    ("wrap/G-ncchisq-big", "np.random.default_rng(1).noncentral_chisquare(0.5, 9.3e18, 3)"),
    ("wrap/G-ncf-big", "np.random.default_rng(1).noncentral_f(0.5, 1.0, 9.3e18, 3)"),
    ("wrap/G-ncf-inf", "np.random.default_rng(1).noncentral_f(1.0, 2.0, np.inf, 3)"),
    ("wrap/RS-ncchisq-inf", "np.random.RandomState(1).noncentral_chisquare(1.0, np.inf, 3)"),
    ("wrap/RS-ncchisq-big", "np.random.RandomState(1).noncentral_chisquare(0.5, 9.3e18, 3)"),
    ("wrap/RS-ncf-big", "np.random.RandomState(1).noncentral_f(0.5, 1.0, 9.3e18, 3)"),
    ("wrap/RS-binomial-max", "np.random.RandomState(12345).binomial(2**63 - 1, 0.5, 3)"),
    ("wrap/RS-binomial-max-p", "np.random.RandomState(7).binomial(2**63 - 1, 0.3, 4)"),
    ("wrap/RS-binomial-max-smallp", "np.random.RandomState(1).binomial(2**63 - 1, 1e-17, 6)"),  # n + 1 (found by the fuzzer)
    ("wrap/RS-multinomial-max", "np.random.RandomState(12345).multinomial(2**63 - 1, [0.5, 0.5], 2)"),
    ("wrap/RS-multinomial-2p62", "np.random.RandomState(3).multinomial(2**62, [0.25, 0.25, 0.5], 2)"),
    # ---- just inside the limits where RandomState now refuses to hang (values NumPy returns) ----
    ("edge/RS-zipf-1024.5", "np.random.RandomState(1).zipf(1024.5, 3)"),
    ("edge/RS-zipf-1+2e-7", "np.random.RandomState(1).zipf(1 + 2e-7, 3)"),
    ("edge/RS-vonmises-1e16", "np.random.RandomState(1).vonmises(0.5, 1e16, 3)"),
    ("edge/RS-hypergeometric-big", "np.random.RandomState(1).hypergeometric(2**62 - 3, 2**62, 2**62, 3)"),
    # the facade is a RandomState: np.random.seed(s) then the call
    ("wrap/global-ncchisq-big", "(np.random.seed(5), np.random.noncentral_chisquare(0.5, 9.3e18, 3))[1]"),
]
