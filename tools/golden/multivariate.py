"""Golden calls for Generator's multivariate distributions (engineer D2).

Methods: dirichlet, multinomial, multivariate_hypergeometric, multivariate_normal (+ the
RandomState.multivariate_normal transform helper).

Evaluated with the local NumPy 1.24.2 only where it draws the same values as the 2.5 target
(numpy-random-notes.md section 6 "trust guide"):
  * dirichlet with alpha >= 0.1 somewhere (gamma normalisation), and stick-breaking with alphas
    (0.05 .. 0.09) whose betas cannot underflow;
  * multinomial with small n*p (binomial inversion only, no BTPE);
  * multivariate_hypergeometric (unchanged since 1.18);
  * standard normals (the draws under multivariate_normal).
NOT generated here (tests use the 2.5.2 reference records, family "reference"):
  * multinomial with large n*p*q (BTPE Stirling fix in 2.5.0): Generator/42/multinomial,
    Generator/42/multinomial-pvals-short, v25/multinomial-deep, bad/18;
  * dirichlet with tiny alphas (beta underflow handling, 1.26-2.1): Generator/42/dirichlet-small;
  * multivariate_normal (LAPACK dependent): Generator/42/multivariate_normal-{svd,eigh,cholesky},
    RandomState/42/multivariate_normal;
  * dirichlet's 'alpha < 0' text (1.24.2 says 'alpha <= 0'): bad/13; bad/29.
Zeros in alpha are valid only since NumPy 1.25, so 1.24.2 cannot draw them: the "model25/"
records rebuild those rows from NumPy's own streams following the 2.5.2 source
(_generator.pyx dirichlet + random_beta / random_standard_gamma in distributions.c):
standard_gamma(0) = 0 with no draw; beta(0, b) and beta(a, 0) (a, b < 1, not tiny) take Johnk's
log path after two uniforms and return exactly 0 and 1; all-zero alpha gives zeros, no draws.
They are a model of 2.5.2, not NumPy output.

Record ids:
  <method>(<args>)/<seed>        default_rng(seed).<method>(<args>, size=N)
  <method>(<args>)/<seed>/raw    the next two raw outputs after that call (proves the state)
  <method>(<args>)/scalar        several size=None calls on default_rng(1); ".../scalar/raw"
  bad/<method>/<n>               a call that raises
  normals/<seed>/<n>             default_rng(seed).standard_normal(n) (multivariate_normal's draws)
Used by: tests/test_multivariate.cpp.
"""

SEEDS = [42, 12345]
N = 6

CASES = {
    # gamma normalisation (shape 1 -> exponential, < 1, > 1; max(alpha) == 0.1 exactly is NOT
    # small), stick-breaking (max < 0.1), a single category
    "dirichlet": ["[1.0, 2.0, 3.0]", "[0.5, 0.5]", "[0.2, 0.09, 4.0, 1.0]", "[0.1, 0.05]",
                  "[0.05, 0.08, 0.09]", "[0.09, 0.07]", "[0.06]", "[2.5]"],
    # inversion binomials only; zero pvals (no draw), n == 0 (no draw at all), pvals summing to
    # less than 1 (the last category takes the rest), pvals[-1] ignored, early stop
    "multinomial": ["20, [0.2, 0.3, 0.5]", "10, [0.0, 0.5, 0.5]", "10, [0.2, 0.0, 0.8]",
                    "0, [0.5, 0.5]", "15, [0.1, 0.1, 0.1]", "12, [0.3, 0.3, 0.9]",
                    "5, [1.0, 0.0, 0.0]", "7, [0.25]", "30, [0.5, 0.4, 0.1]"],
    "multivariate_hypergeometric": [
        "[3, 7, 10], 8", "[3, 7, 10], 8, method='count'",
        "[3, 7, 10], 15", "[3, 7, 10], 15, method='count'",  # nsample > total/2: complement
        "[50, 30, 20, 5], 40", "[50, 30, 20, 5], 40, method='count'",  # HRUA marginals
        "[0, 5, 0, 5], 3", "[0, 5, 0, 5], 3, method='count'",
        "[4, 6], 0", "[4, 6], 0, method='count'",
        "[4, 6], 10", "[4, 6], 10, method='count'",
        "[12], 5", "[12], 5, method='count'",
        "[2, 3, 1000, 5], 600", "[2, 3, 1000, 5], 600, method='count'"],
}

CALLS = []


def add(cid, call):
    CALLS.append((cid, call))


for m, argsets in CASES.items():
    for a in argsets:
        case = f"{m}({a})"
        for s in SEEDS:
            add(f"{case}/{s}", f"np.random.default_rng({s}).{m}({a}, size={N})")
            add(f"{case}/{s}/raw",
                f"(lambda g: (g.{m}({a}, size={N}), g.bit_generator.random_raw(2))[1])"
                f"(np.random.default_rng({s}))")
        add(f"{case}/scalar", f"(lambda g: [g.{m}({a}) for _ in range(4)])(np.random.default_rng(1))")
        add(f"{case}/scalar/raw",
            f"(lambda g: ([g.{m}({a}) for _ in range(4)], g.bit_generator.random_raw(2))[1])"
            f"(np.random.default_rng(1))")

# size=0 draws nothing (the raw stream is untouched), but parameters are still validated.
add("dirichlet([1.0, 2.0])/size0/raw",
    "(lambda g: (g.dirichlet([1.0, 2.0], size=0), g.bit_generator.random_raw(2))[1])(np.random.default_rng(42))")
add("multinomial(5, [0.5, 0.5])/size0/raw",
    "(lambda g: (g.multinomial(5, [0.5, 0.5], size=0), g.bit_generator.random_raw(2))[1])(np.random.default_rng(42))")
add("multivariate_hypergeometric([3, 4], 2)/size0/raw",
    "(lambda g: (g.multivariate_hypergeometric([3, 4], 2, size=0), g.bit_generator.random_raw(2))[1])(np.random.default_rng(42))")
add("multivariate_hypergeometric([], 0)/3", "np.random.default_rng(42).multivariate_hypergeometric([], 0, size=3)")
add("raw/42", "np.random.default_rng(42).bit_generator.random_raw(2)")

# ---- model25: zeros in alpha (valid since NumPy 1.25; 1.24.2 rejects them) ----
# Each model is an expression of g (a fresh default_rng(42)) producing 4 rows; "<id>/raw" is the
# next two raw outputs after those rows.
MODELS = {
    # gamma path: standard_gamma(0) = 0 without a draw; each row times 1/sum (sequential sum).
    "[1.0, 0.0, 2.0]": "(lambda v: [x * (1.0 / (v[0] + v[1] + v[2])) for x in v])"
                       "([g.standard_gamma(1.0), 0.0, g.standard_gamma(2.0)])",
    # stick-breaking, csum = [0.07, 0.07, 0.02]. j=0: beta(0, 0.07) -> 0 after 2 uniforms;
    # j=1: v = beta(0.05, 0.02) (no underflow here); last = acc = 1 - v.
    "[0.0, 0.05, 0.02]": "(lambda u, v: [0.0, 1.0 * v, 1.0 * (1.0 - v)])(g.random(2), g.beta(0.05, 0.02))",
    # csum = [0.07, 0.02, 0.0]. j=0: v = beta(0.05, 0.02); j=1: beta(0.02, 0) -> 1 after 2 uniforms,
    # out[1] = (1 - v) * 1, then stop (csum[2] == 0); last = acc = 0.
    "[0.05, 0.02, 0.0]": "(lambda v, u: [1.0 * v, (1.0 - v) * 1.0, 0.0])(g.beta(0.05, 0.02), g.random(2))",
    # all zero: zeros, no draws
    "[0.0, 0.0]": "[0.0, 0.0]",
}
for alpha, row in MODELS.items():
    cid = f"model25/dirichlet({alpha})/42"
    add(cid, f"(lambda g: [{row} for _ in range(4)])(np.random.default_rng(42))")
    add(cid + "/raw", f"(lambda g: ([{row} for _ in range(4)], g.bit_generator.random_raw(2))[1])"
                      f"(np.random.default_rng(42))")

# ---- multivariate_normal: only the standard normals it draws (the transform is LAPACK-level) ----
for s in [42, 7]:
    add(f"normals/{s}/12", f"np.random.default_rng({s}).standard_normal(12)")
    add(f"normals/{s}/12/raw",
        f"(lambda g: (g.standard_normal(12), g.bit_generator.random_raw(2))[1])(np.random.default_rng({s}))")
# RandomState.multivariate_normal draws legacy gaussians first (frozen stream since 1.16)
add("legacy-normals/42/6", "np.random.RandomState(42).standard_normal(6)")

# ---- errors (texts that did not change after 1.24.2; compare with _generator.pyx 2.5) ----
BAD = {
    "multinomial": ["10, [0.7, 0.7, 0.1]", "10, [1.5, 0.5]", "10, [-0.1, 0.5]", "10, [np.nan, 0.5]",
                    "-1, [0.5, 0.5]", "10, []", "10, [0.5, 0.6, 0.0]"],
    "multivariate_hypergeometric": ["[3, 7], 11", "[3, 7], 11, method='count'",
                                    "[3, 7], 2, method='foo'", "[3, 7], -1", "[-1, 7], 2",
                                    "[10**9], 5", "[10**9 - 1], 5", "[2**61], 5, method='count'",
                                    "[2**62, 2**62], 5", "[2**62, 2**62], 5, method='count'"],
    "multivariate_normal": ["[0.0, 1.0], [[1.0, 0.0], [0.0, 1.0]], method='foo'",
                            "[0.0, 1.0], [[1.0, 0.0], [0.0, 1.0]], check_valid='foo'",
                            "[0.0, 1.0], [[1.0, 2.0], [2.0, 1.0]], check_valid='raise'",
                            "[0.0, 1.0], [[1.0, 2.0], [2.0, 1.0]], check_valid='raise', method='eigh'",
                            "[0.0, 1.0], [[1.0, 2.0], [2.0, 1.0]], method='cholesky'",
                            "[0.0, 1.0, 2.0], [[1.0, 0.0], [0.0, 1.0]]",
                            "[0.0, 1.0], [1.0, 0.0, 0.0, 1.0]"],
}
for m, argsets in BAD.items():
    for i, a in enumerate(argsets):
        add(f"bad/{m}/{i}", f"np.random.default_rng(0).{m}({a})")
