"""Bad-input golden sweep (issue 9): every parameter rejection NumPy makes, and the state after it.

For every method of numpy.random.Generator and numpy.random.RandomState that validates its
parameters, each constraint is violated one parameter at a time (negative, -0.0, zero, NaN,
+-inf, > 1, out of the dtype's range, low >= high, bad probability vectors, shape mismatches, ...)
in the scalar form ("/s"), the scalar form with size=3 ("/z") and an array form ("/a": a 1-D
array with one bad element among good ones; NumPy's array messages differ for some constraints,
"contains NaNs" / "is NaN"); "all-bad" cases make every constrained parameter bad at once (which
check comes first). Every candidate below is
evaluated with NumPy first and kept only if NumPy rejects it (so the sweep holds exactly the
rejections NumPy makes, RandomState's looser checks included); the texts are NumPy's, never typed
here.

Each kept case gives two records:
  <F>/<method>/<case>          the call on a fresh generator: kind error, "Class: message"
  <F>/<method>/<case>/state    the same call inside np.testing.assert_raises, then the state probe:
                               Generator: bit_generator.random_raw(2) (form raises>raw:2);
                               RandomState: [pos, has_gauss, gauss, next uint32]
                               (form raises>legacy-state). Equal to a fresh generator's probe
                               whenever NumPy's rejection consumes nothing.
<F> is G (default_rng(0)) or RS (RandomState(0)); tests/test_bad_input.cpp also runs every RS
record through the np.random.* facade (nprandom::seed(0), then the module function).

NumPy version. Evaluated with the local NumPy 1.24.2, except where the 2.5.2 text differs: those
cases use exactly the call text of a record of the 2.5.2 reference (tests/data/reference), so
tools/make_golden.py takes the error record from there (numpy column 2.5.2):
  * Generator.choice sum(p) != 1 ("Probabilities do not sum to 1. See Notes ...": reference bad/8);
  * Generator.dirichlet negative alpha ("alpha < 0": reference bad/13). Zeros are valid since 1.25,
    so no other dirichlet rejection of 1.24.2 is used.
The "/state" records of those cases come from 1.24.2, which rejects the same call before drawing.
Not in the sweep (no NumPy 2.5.2 text available here): Generator.choice with NaN or negative p
(capitalised in 2.x). RandomState is frozen (NEP 19); its texts are 1.24.2's.
Out of scope: dtype/type errors nprandom's C++ types cannot express (a float dtype for integers,
size=-1 where size is std::size_t, 2-D mean, non-numeric arguments, multivariate_normal([], [])
whose 1-D `[]` cov is an empty row list, a valid 0 x 0 matrix, in C++), and inputs on which NumPy
itself never returns (docs/reliability.md).
ok/<F>/multivariate_normal/<case>: non-finite covariances NumPy does NOT reject, with the values
it draws (NaN where LAPACK turns an infinite matrix into NaN).
Used by: tests/test_bad_input.cpp.
"""
import warnings

import numpy as np
from _structure import LEGACY_STATE

G = "np.random.default_rng(0)"
RS = "np.random.RandomState(0)"
GEN_PROBE = "g.bit_generator.random_raw(2)"
LEGACY_PROBE = LEGACY_STATE.replace("r.", "g.")  # [pos, has_gauss, gauss, next uint32]

# Bad values per constraint of numpy/random/_common.pyx (scalar source text).
BAD = {
    "nn": [("neg", "-1.0"), ("negzero", "-0.0"), ("neginf", "-np.inf")],
    "pos": [("zero", "0.0"), ("negzero", "-0.0"), ("neg", "-1.0"), ("neginf", "-np.inf")],
    "pnn": [("nan", "np.nan"), ("zero", "0.0"), ("neg", "-1.0")],
    "b01": [("neg", "-0.1"), ("gt1", "1.1"), ("nan", "np.nan"), ("inf", "np.inf"),
            ("neginf", "-np.inf")],
    "bgt01": [("zero", "0.0"), ("neg", "-0.1"), ("gt1", "1.1"), ("nan", "np.nan")],
    "blt01": [("neg", "-0.1"), ("one", "1.0"), ("nan", "np.nan"), ("inf", "np.inf")],
    "gt1": [("one", "1.0"), ("half", "0.5"), ("nan", "np.nan"), ("neginf", "-np.inf")],
    "poisson": [("neg", "-1.0"), ("nan", "np.nan"), ("big", "1e20"), ("inf", "np.inf")],
    "int": [("neg", "-1")],
}

# method: [(parameter, good value text, constraint key or None)], in NumPy's argument order.
# The constraint keys are candidates: NumPy decides (RandomState accepts some of them).
DIST = {
    "normal": [("loc", "0.0", None), ("scale", "1.0", "nn")],
    "exponential": [("scale", "1.0", "nn")],
    "standard_gamma": [("shape", "1.0", "nn")],
    "gamma": [("shape", "1.0", "nn"), ("scale", "1.0", "nn")],
    "beta": [("a", "1.0", "pos"), ("b", "1.0", "pos")],
    "chisquare": [("df", "1.0", "pos")],
    "noncentral_chisquare": [("df", "1.0", "pos"), ("nonc", "1.0", "nn")],
    "f": [("dfnum", "1.0", "pos"), ("dfden", "1.0", "pos")],
    "noncentral_f": [("dfnum", "1.0", "pos"), ("dfden", "1.0", "pos"), ("nonc", "1.0", "nn")],
    "standard_t": [("df", "1.0", "pos")],
    "vonmises": [("mu", "0.0", None), ("kappa", "1.0", "nn")],
    "pareto": [("a", "1.0", "pos")],
    "weibull": [("a", "1.0", "nn")],
    "power": [("a", "1.0", "pos")],
    "laplace": [("loc", "0.0", None), ("scale", "1.0", "nn")],
    "gumbel": [("loc", "0.0", None), ("scale", "1.0", "nn")],
    "logistic": [("loc", "0.0", None), ("scale", "1.0", "nn")],
    "lognormal": [("mean", "0.0", None), ("sigma", "1.0", "nn")],
    "rayleigh": [("scale", "1.0", "nn")],
    "wald": [("mean", "1.0", "pos"), ("scale", "1.0", "pos")],
    "binomial": [("n", "10", "int"), ("p", "0.5", "b01")],
    "negative_binomial": [("n", "1.0", "pnn"), ("p", "0.5", "bgt01")],
    "poisson": [("lam", "1.0", "poisson")],
    "zipf": [("a", "2.0", "gt1")],
    "geometric": [("p", "0.5", "bgt01")],
    "logseries": [("p", "0.5", "blt01")],
    "hypergeometric": [("ngood", "10", "int"), ("nbad", "10", "int"), ("nsample", "5", "int")],
}
EXTRA_BAD = {  # more values for one parameter: (method, parameter) -> [(tag, text)]
    ("hypergeometric", "nsample"): [("zero", "0")],  # RandomState: nsample < 1
    ("hypergeometric", "ngood"): [("1e9", "10**9")],  # Generator: both < 10**9
    ("hypergeometric", "nbad"): [("1e9", "10**9")],
    ("negative_binomial", "n"): [("big", "1e19")],  # Generator: n too large or p too small
    ("negative_binomial", "p"): [("tiny", "1e-19")],
}

# Cross-parameter rules, size/shape errors and the vector-valued methods: (method, case, args).
OTHER = [
    ("uniform", "low>high", "2.0, 1.0"), ("uniform", "inf-range", "0.0, np.inf"),
    ("uniform", "nan-low", "np.nan, 1.0"), ("uniform", "huge-range", "-1e308, 1e308"),
    ("uniform", "neginf-low", "-np.inf, 0.0"), ("uniform", "nan-high", "0.0, np.nan"),
    ("uniform", "arr-low>high", "[0.0, 2.0, 0.0], 1.0"),
    ("uniform", "arr-inf-range", "0.0, [1.0, np.inf, 1.0]"),
    ("uniform", "arr-nan", "[0.0, np.nan, 0.0], 1.0"),
    ("triangular", "left>mode", "1.0, 0.0, 2.0"), ("triangular", "mode>right", "0.0, 3.0, 2.0"),
    ("triangular", "left==right", "1.0, 1.0, 1.0"),
    ("triangular", "arr-left>mode", "[0.0, 1.0, 0.0], 0.5, 2.0"),
    ("triangular", "arr-mode>right", "0.0, [0.5, 3.0, 0.5], 2.0"),
    ("triangular", "arr-left==right", "[0.0, 2.0, 0.0], [0.5, 2.0, 0.5], 2.0"),
    ("hypergeometric", "sum<nsample", "10, 10, 25"),
    ("hypergeometric", "arr-sum<nsample", "[10, 1, 10], 10, 15"),
    ("hypergeometric", "sum-wraps", "2**62, 2**62, 5"),  # int64 ngood + nbad wraps negative
    ("hypergeometric", "sum-wraps-max", "2**63 - 1, 1, 5"),
    ("hypergeometric", "arr-1e9", "[10, 10**9, 10], 10, 5"),
    ("negative_binomial", "overflow", "1e19, 0.5"),
    ("normal", "shape-mismatch", "[0.0, 1.0], [1.0, 2.0, 3.0]"),
    ("normal", "size-mismatch", "[0.0, 1.0], 1.0, size=3"),
    ("normal", "size-incompatible", "[0.0, 1.0], 1.0, size=(2, 3)"),
    ("binomial", "shape-mismatch", "[10, 20], [0.5, 0.5, 0.5]"),
    ("normal", "size0", "0.0, -1.0, size=0"), ("normal", "size0-arr", "0.0, [1.0, -1.0], size=0"),
    ("poisson", "size2x2", "-1.0, size=(2, 2)"),
    ("standard_gamma", "f32-neg", "-1.0, dtype=np.float32"),
    ("standard_gamma", "f32-negzero", "-0.0, dtype=np.float32"),
    ("standard_gamma", "f32-neg-size", "-1.0, size=3, dtype=np.float32"),
    ("triangular", "shape-mismatch", "[0.0, 1.0], [0.5, 1.5, 2.0], 3.0"),
    ("triangular", "shape-mismatch-3", "0.0, [0.5, 0.6], [1.0, 2.0, 3.0]"),
    ("hypergeometric", "shape-mismatch", "[10, 1], [10, 10, 10], 5"),
    ("hypergeometric", "size-mismatch", "[10, 11], 10, 5, size=3"),
    ("multinomial", "size-mismatch", "[10, 20], [0.5, 0.5], size=3"),
    ("uniform", "shape-mismatch", "[0.0, 1.0], [2.0, 3.0, 4.0]"),
    ("uniform", "size-mismatch", "[0.0, 1.0], 2.0, size=3"),
    # permutation / permuted axis (AxisError, a ValueError)
    ("permutation", "axis2", "[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], axis=2"),
    ("permutation", "axis-3", "[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], axis=-3"),
    ("permuted", "axis2", "[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], axis=2"),
    ("permuted", "axis-3", "[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], axis=-3"),
    # integers / randint (method name substituted per front end)
    ("INT", "low==high", "5, 5"), ("INT", "low>high", "5, 4"), ("INT", "high0", "0"),
    ("INT", "high-neg", "-3"), ("INT", "low>high-closed", "5, 4, endpoint=True"),
    ("INT", "high-neg-closed", "0, -1, endpoint=True"),
    ("INT", "int64-low", "-2**63 - 1, 0"), ("INT", "int64-high", "0, 2**63, endpoint=True"),
    ("INT", "uint8-high", "0, 300, dtype=np.uint8"), ("INT", "uint8-low", "-1, 5, dtype=np.uint8"),
    ("INT", "uint8-high-closed", "0, 256, dtype=np.uint8, endpoint=True"),
    ("INT", "int8-low", "-129, 0, dtype=np.int8"), ("INT", "int8-high", "0, 129, dtype=np.int8"),
    ("INT", "int16-high", "0, 2**15 + 1, dtype=np.int16"),
    ("INT", "uint16-low==high", "7, 7, dtype=np.uint16"),
    ("INT", "uint64-low==high", "2**63, 2**63, dtype=np.uint64"),
    ("INT", "uint64-low>high", "2**64 - 1, 5, dtype=np.uint64"),
    ("INT", "int32-low", "-2**31 - 1, 0, dtype=np.int32"),
    ("INT", "uint32-high", "0, 2**32 + 1, dtype=np.uint32"),
    ("INT", "uint64-low", "-1, 5, dtype=np.uint64"), ("INT", "bool-high", "0, 3, dtype=np.bool_"),
    ("INT", "bool-low", "-1, 1, dtype=np.bool_"),
    ("INT", "arr-low>=high", "[0, 5, 0], [5, 5, 5]"),
    ("INT", "arr-uint8-low", "[0, -1, 0], 5, dtype=np.uint8"),
    ("INT", "arr-uint8-high", "0, [5, 300, 5], dtype=np.uint8"),
    ("INT", "arr-high0", "[5, 0, 5]"),
    ("INT", "arr-shape", "[0, 1], [3, 4, 5]"),
    ("INT", "arr-size-mismatch", "[0, 1], 5, size=3"),
    ("INT", "size", "5, 5, size=3"), ("INT", "size0", "5, 5, size=0"),
    # choice
    ("choice", "norepl-too-many", "5, 6, replace=False"), ("choice", "a0", "0"),
    ("choice", "a-neg", "-3"), ("choice", "a0-size2", "0, 2"), ("choice", "empty-2", "[], 2"),
    ("choice", "p-size", "3, 2, p=[0.5, 0.5]"), ("choice", "p-sum", "3, p=[0.5, 0.6, 0.1]"),
    ("choice", "p-nan", "3, p=[0.5, np.nan, 0.5]"), ("choice", "p-neg", "3, p=[0.5, -0.5, 1.0]"),
    ("choice", "p-fewer-nonzero", "3, 3, replace=False, p=[0.5, 0.5, 0.0]"),
    ("choice", "arr-norepl-too-many", "[1.5, 2.5], 3, replace=False"),
    ("choice", "p-inf", "3, p=[np.inf, 0.0, 0.0]"), ("choice", "p-size-arr", "[1.5, 2.5], p=[1.0]"),
    ("choice", "norepl-p-too-many", "3, 4, replace=False, p=[0.5, 0.25, 0.25]"),
    # multinomial
    ("multinomial", "n-neg", "-1, [0.5, 0.5]"), ("multinomial", "p-neg", "10, [0.5, -0.1, 0.6]"),
    ("multinomial", "p-nan", "10, [0.5, np.nan, 0.5]"), ("multinomial", "p-gt1", "10, [1.5, 0.0]"),
    ("multinomial", "p-sum", "10, [0.6, 0.6, 0.0]"), ("multinomial", "p-empty", "10, []"),
    ("multinomial", "p-last-gt1", "10, [0.0, 1.5]"), ("multinomial", "p-inf", "10, [np.inf, 0.0]"),
    ("multinomial", "n-neg-size3", "-1, [0.5, 0.5], size=3"),
    ("multinomial", "p-sum-size3", "10, [0.6, 0.6, 0.0], size=3"),
    ("multinomial", "p-neg-size0", "10, [0.5, -0.1, 0.6], size=0"),
    # dirichlet (Generator: only the 2.5.2 reference call; see the docstring)
    ("dirichlet", "neg", "[1.0, -1.0]"), ("dirichlet", "zero", "[1.0, 0.0]"),
    ("dirichlet", "negzero", "[1.0, -0.0]"), ("dirichlet", "neginf", "[1.0, -np.inf]"),
    ("dirichlet", "neg-size3", "[1.0, -1.0], size=3"),
    # multivariate_normal
    ("multivariate_normal", "cov-not-square", "[0.0, 0.0], [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]"),
    ("multivariate_normal", "cov-ragged", "[0.0, 0.0], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]"),
    ("multivariate_normal", "mean-cov-length", "[0.0], [[1.0, 0.0], [0.0, 1.0]]"),
    ("multivariate_normal", "check_valid-bad",
     "[0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], check_valid='bad'"),
    ("multivariate_normal", "not-psd-raise",
     "[0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], check_valid='raise'"),
    ("multivariate_normal", "method-bad", "[0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], method='bad'"),
    ("multivariate_normal", "mean-cov-length-size3", "[0.0], [[1.0, 0.0], [0.0, 1.0]], size=3"),
    ("multivariate_normal", "not-psd-raise-size3",
     "[0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], size=3, check_valid='raise'"),
    ("multivariate_normal", "cov-upper-nan", "[0.0, 0.0], [[1.0, np.nan], [0.0, 1.0]]"),
    ("multivariate_normal", "cholesky-lower-inf",
     "[0.0, 0.0], [[1.0, 0.0], [np.inf, 1.0]], method='cholesky'"),
    ("multivariate_normal", "cholesky-neginf",
     "[0.0, 0.0], [[-np.inf, 0.0], [0.0, 1.0]], method='cholesky'"),
    ("multivariate_normal", "cov-nan", "[0.0, 0.0], [[np.nan, 0.0], [0.0, 1.0]]"),
    ("multivariate_normal", "cov-nan-ignore",
     "[0.0, 0.0], [[np.nan, 0.0], [0.0, 1.0]], check_valid='ignore'"),
    ("multivariate_normal", "cov-inf-raise",
     "[0.0, 0.0], [[np.inf, 0.0], [0.0, 1.0]], check_valid='raise'"),
    ("multivariate_normal", "cov-nonsym-raise",
     "[0.0, 0.0], [[1.0, 0.0], [0.5, 1.0]], check_valid='raise'"),
    ("multivariate_normal", "cholesky-not-pd",
     "[0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], method='cholesky'"),
    ("multivariate_normal", "cholesky-nan",
     "[0.0, 0.0], [[np.nan, 0.0], [0.0, 1.0]], method='cholesky'"),
    ("multivariate_normal", "eigh-not-psd-raise",
     "[0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], method='eigh', check_valid='raise'"),
    # multivariate_hypergeometric (Generator)
    ("multivariate_hypergeometric", "colors-neg", "[3, -1], 1"),
    ("multivariate_hypergeometric", "nsample>sum", "[3, 7], 11"),
    ("multivariate_hypergeometric", "nsample-neg", "[3, 7], -1"),
    ("multivariate_hypergeometric", "method-bad", "[3, 7], 1, method='bad'"),
    ("multivariate_hypergeometric", "marginals-total", "[10**9, 1], 1"),
    ("multivariate_hypergeometric", "count-total", "[2**61, 2**61], 1, method='count'"),
    ("multivariate_hypergeometric", "colors-neg-size3", "[3, -1], 1, size=3"),
    ("multivariate_hypergeometric", "nsample>sum-size3", "[3, 7], 11, size=3"),
    ("multivariate_hypergeometric", "nsample>sum-count", "[3, 7], 11, method='count'"),
    # RandomState only
    ("rand", "neg", "-1"), ("rand", "neg-2nd", "2, -1"), ("randn", "neg", "-1"),
    ("randn", "neg-2nd", "2, -1"),
    ("random_integers", "low>high", "5, 3"), ("random_integers", "high-neg", "-3"),
    ("seed", "neg", "-1"), ("seed", "2**32", "2**32"), ("seed", "list-neg", "[1, -1]"),
]
# Non-finite covariances NumPy accepts (LAPACK scales an infinite matrix to NaN; eigh and
# cholesky read the lower triangle only): the values it draws. ids ok/<F>/multivariate_normal/...
MVN_ACCEPTED = [
    ("svd-inf", "[[np.inf, 0.0], [0.0, 1.0]]", ""),
    ("svd-inf-ignore", "[[1.0, np.inf], [np.inf, 1.0]]", ", check_valid='ignore'"),
    ("svd-neginf", "[[1.0, 0.0], [0.0, -np.inf]]", ""),
    ("svd-inf-3", "[[2.0, 0.5, 0.1], [0.5, np.inf, 0.0], [0.1, 0.0, 1.0]]", ""),
    ("eigh-inf", "[[np.inf, 0.0], [0.0, 1.0]]", ", method='eigh'"),
    ("eigh-nan-raise", "[[np.nan, 0.0], [0.0, 1.0]]", ", method='eigh', check_valid='raise'"),
    ("eigh-lower-nan", "[[1.0, 0.0], [np.nan, 1.0]]", ", method='eigh'"),
    ("eigh-upper-inf", "[[1.0, np.inf], [0.0, 1.0]]", ", method='eigh'"),
    ("cholesky-inf", "[[np.inf, 0.0], [0.0, 1.0]]", ", method='cholesky'"),
    ("cholesky-upper-nan", "[[1.0, np.nan], [0.0, 1.0]]", ", method='cholesky'"),
]


def _accepted_calls():
    calls = []
    for front, ctor in (("G", G), ("RS", RS)):
        for case, cov, kw in MVN_ACCEPTED:
            if front == "RS" and "method=" in kw:
                continue
            d = cov.count("], [") + 1
            mean = "[" + ", ".join(["0.0"] * d) + "]"
            calls.append((f"ok/{front}/multivariate_normal/{case}",
                          f"{ctor}.multivariate_normal({mean}, {cov}, size=2{kw})"))
    return calls


G_ONLY = {"multivariate_hypergeometric", "permuted", "permutation"}
RS_ONLY = {"rand", "randn", "random_integers", "seed"}
# 2.5.2 texts differ from 1.24.2: keep only the reference's own call (see the docstring).
G_REFERENCE_ONLY = {("choice", "p-sum"), ("dirichlet", "neg")}
# RandomState.multinomial takes a Python int n: an array is a TypeError ("an integer is
# required") that nprandom's int64 parameter cannot express.
RS_EXCLUDED = {("multinomial", "size-mismatch")}
G_EXCLUDED = {("choice", "p-nan"), ("choice", "p-neg"), ("choice", "p-inf"),
              ("dirichlet", "neg-size3"), ("dirichlet", "zero"),
              ("dirichlet", "negzero"), ("dirichlet", "neginf")}


def _arr(good, bad):
    return f"[{good}, {bad}, {good}]"


def _cases():
    """(method, case, args text) of every candidate, before NumPy's verdict."""
    out = []
    for m, params in DIST.items():
        for i, (name, _good, cons) in enumerate(params):
            bads = (BAD[cons] if cons else []) + EXTRA_BAD.get((m, name), [])
            for tag, bad in bads:
                for form in ("s", "a", "z"):  # scalar, array, scalar with size=3
                    vals = [p[1] for p in params]
                    vals[i] = bad if form != "a" else _arr(params[i][1], bad)
                    size = ", size=3" if form == "z" else ""
                    out.append((m, f"{name}-{tag}/{form}", ", ".join(vals) + size))
        # every constrained parameter bad at once: which check NumPy runs first
        cons_idx = [i for i, p in enumerate(params) if p[2]]
        if len(cons_idx) > 1:
            for form in ("s", "a"):
                vals = [p[1] for p in params]
                for i in cons_idx:
                    bad = BAD[params[i][2]][0][1]
                    vals[i] = bad if form == "s" else _arr(params[i][1], bad)
                out.append((m, f"all-bad/{form}", ", ".join(vals)))
    out += OTHER
    return out


def _rejected(call):
    try:
        with np.errstate(all="ignore"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                eval(call, {"np": np})  # noqa: S307
    except Exception:  # noqa: BLE001 - NumPy rejects it
        return True
    return False


def _front_calls():
    calls = []
    for front, ctor, probe in (("G", G, GEN_PROBE), ("RS", RS, LEGACY_PROBE)):
        for m, case, args in _cases():
            if (front == "G" and m in RS_ONLY) or (front == "RS" and m in G_ONLY):
                continue
            if front == "G" and (m, case) in G_EXCLUDED:
                continue
            meth = m if m != "INT" else ("integers" if front == "G" else "randint")
            if front == "RS" and ("endpoint=" in args or "dtype=np.float" in args):
                continue  # randint has no endpoint, standard_gamma no dtype (Python TypeErrors)
            if front == "RS" and (m, case) in RS_EXCLUDED:
                continue
            if front == "RS" and m == "multivariate_normal" and "method=" in args:
                continue  # RandomState.multivariate_normal has no method argument
            call = f"{ctor}.{meth}({args})"
            if not _rejected(call):
                continue
            cid = f"{front}/{meth}/{case}"
            calls.append((cid, call))
            calls.append((cid + "/state",
                          f"(lambda g: (np.testing.assert_raises(Exception, g.{meth}, {args}), "
                          f"{probe})[1])({ctor})"))
    return calls


CALLS = _front_calls() + _accepted_calls()
