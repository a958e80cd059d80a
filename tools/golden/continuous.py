"""Golden calls for Generator's continuous univariate distributions (engineer D1b).

Methods: beta, chisquare, f, noncentral_chisquare, noncentral_f, standard_cauchy, standard_t,
vonmises, pareto, weibull, power, laplace, gumbel, logistic, lognormal, rayleigh, wald, triangular.

Evaluated with the local NumPy 1.24.2, which draws the same values as the 2.5 target for every call
listed here (numpy-random-notes.md section 6 "trust guide"). Two exceptions are NOT generated here:
  * wald: NumPy 2.4 rewrote the formula, every value may differ in the last bits. Tests use only
    the 2.5.2 reference records (family "reference": Generator/*/wald(...), v25/wald-extreme).
  * beta with tiny parameters (Johnk underflow / a, b < 3e-103): tests use the reference records
    v25/beta-tiny and v25/beta-small. The a, b < 3e-103 Bernoulli branch has no NumPy 2.5 record and
    NumPy 1.24.2 hangs on it, so the "model25/" records below rebuild that branch from NumPy's
    uniform stream and the 2.5.2 source line `return (a + b)*U < a;` (random_beta in
    numpy/random/src/distributions/distributions.c) -- a model of 2.5.2, not NumPy output.

Record ids (per case "<method>(<args>)", args exactly as written in the call):
  <case>/<seed>         default_rng(seed).<method>(<args>, size=20)
  <case>/<seed>/raw     the next two raw 64-bit outputs after that sized call (proves the state)
  <case>/scalar         five scalar calls on default_rng(1), then ".../scalar/raw" likewise
  bad/<method>/<n>      a call that raises (ValueError text)
Used by: tests/test_continuous.cpp.
"""

SEEDS = [1, 12345]
N = 20

CASES = {
    # Johnk (a, b <= 1) and gamma-ratio (otherwise) paths; shape 1 -> exponential inside gamma
    "beta": ["0.3, 0.3", "0.9, 0.6", "1.0, 1.0", "4.0, 2.0", "0.5, 5.0", "2.5, 0.7", "1.0, 1.5"],
    "chisquare": ["1.0", "10.0", "0.5", "2.0"],
    "f": ["1.0, 1.0", "5.0, 20.0", "0.5, 3.0"],
    # df <= 1 (Poisson mixture: multiplication and PTRS), df > 1, nonc == 0, nonc NaN (no draw)
    "noncentral_chisquare": ["0.5, 2.0", "1.0, 30.0", "3.0, 1.0", "1.5, 0.001", "3.0, 0.0",
                             "0.5, 0.0", "3.0, np.nan"],
    "noncentral_f": ["2.0, 5.0, 1.5", "0.8, 3.0, 2.0", "3.0, 4.0, 0.0"],
    "standard_cauchy": [""],
    "standard_t": ["1.0", "7.5", "0.5", "100.0"],
    # kappa < 1e-8 (uniform; NumPy ignores mu there), < 1e-5 (Taylor s), Best-Fisher, > 1e6
    # (wrapped normal, both wrap directions), NaN kappa (no draw); negative and positive mu
    "vonmises": ["2.0, 1e-9", "-1.0, 1e-6", "0.5, 0.5", "-2.5, 4.0", "3.0, 50.0", "-3.0, 50.0",
                 "3.14159, 1e7", "-3.14159, 2e6", "1.0, 1e12", "0.0, np.nan"],
    "pareto": ["1.0", "5.0", "0.1", "np.nan"],
    "weibull": ["0.5", "3.0", "0.0", "1.0"],
    "power": ["0.5", "4.0", "1.0"],
    "laplace": ["0.0, 1.0", "-2.0, 3.5", "1.0, 0.0", "0.0, np.nan"],
    "gumbel": ["0.0, 1.0", "5.0, 0.5"],
    "logistic": ["0.0, 1.0", "-1.0, 2.0"],
    "lognormal": ["0.0, 1.0", "2.0, 0.1", "-1.0, 3.0"],
    "rayleigh": ["1.0", "3.0", "0.0"],
    # mode inside, at the left end, at the right end; NaN bounds pass validation
    "triangular": ["0.0, 0.5, 1.0", "0.0, 0.0, 1.0", "0.0, 1.0, 1.0", "-3.0, 2.0, 8.0",
                   "np.nan, 0.0, 1.0"],
}

CALLS = []


def add(cid, call):
    CALLS.append((cid, call))


for m, argsets in CASES.items():
    for a in argsets:
        sep = ", " if a else ""
        case = f"{m}({a})"
        for s in SEEDS:
            add(f"{case}/{s}", f"np.random.default_rng({s}).{m}({a}{sep}size={N})")
            add(f"{case}/{s}/raw",
                f"(lambda g: (g.{m}({a}{sep}size={N}), g.bit_generator.random_raw(2))[1])"
                f"(np.random.default_rng({s}))")
        add(f"{case}/scalar", f"(lambda g: [g.{m}({a}) for _ in range(5)])(np.random.default_rng(1))")
        add(f"{case}/scalar/raw",
            f"(lambda g: ([g.{m}({a}) for _ in range(5)], g.bit_generator.random_raw(2))[1])"
            f"(np.random.default_rng(1))")

# Defaults (loc=0, scale=1 / mean=0, sigma=1 / scale=1), scalar form.
for m in ["laplace", "gumbel", "logistic", "lognormal", "rayleigh"]:
    add(f"{m}()/scalar", f"(lambda g: [g.{m}() for _ in range(5)])(np.random.default_rng(1))")

# make_golden.py: structured fields of records whose call text is a model expression.
STRUCTURE = {}

# beta, a and b < 3e-103: NumPy 2.5.2 returns (a + b)*U < a from one uniform. Model records (see
# the module docstring): the same uniforms NumPy draws, pushed through 2.5.2's expression.
for s in SEEDS:
    for a, b in [("1e-110", "2e-110"), ("2.5e-103", "5e-104")]:
        add(f"model25/beta({a}, {b})/{s}",
            f"(lambda g: [float(({a} + {b}) * u < {a}) for u in g.random({N})])(np.random.default_rng({s}))")
        # What the model stands for, as structured fields: default_rng(s).beta(a, b, size=N).
        STRUCTURE[f"model25/beta({a}, {b})/{s}"] = dict(
            method="beta", args=f"float:{float(a)!r} float:{float(b)!r}", size=str(N), form="call")
        add(f"model25/beta({a}, {b})/{s}/raw",
            f"(lambda g: (g.random({N}), g.bit_generator.random_raw(2))[1])(np.random.default_rng({s}))")

# Validation: NumPy's check_constraint texts (scalar parameters). Calls that pass validation with
# NaN are covered by the cases above.
BAD = {
    "beta": ["1.0, -1.0", "-0.0, 1.0", "1.0, 0.0"],
    "chisquare": ["0.0", "-1.0"],
    "f": ["0.0, 1.0", "1.0, 0.0", "-1.0, -1.0"],
    "noncentral_chisquare": ["1.0, -1.0", "1.0, -0.0", "-1.0, -1.0"],
    "noncentral_f": ["0.0, 1.0, 1.0", "1.0, 0.0, 1.0", "1.0, 1.0, -1.0", "1.0, 1.0, -0.0"],
    "standard_t": ["0.0", "-2.0"],
    "vonmises": ["0.0, -0.0", "np.nan, -1.0"],
    "pareto": ["0.0", "-0.0", "-1.0"],
    "weibull": ["-1.0", "-0.0"],
    "power": ["0.0", "-1.0"],
    "laplace": ["0.0, -1.0", "0.0, -0.0"],
    "gumbel": ["0.0, -1.0", "0.0, -0.0"],
    "logistic": ["0.0, -1.0"],
    "lognormal": ["0.0, -1.0"],
    "rayleigh": ["-1.0", "-0.0"],
    "wald": ["1.0, 0.0", "-1.0, 1.0", "1.0, -1.0"],
    "triangular": ["0.0, 3.0, 2.0", "1.0, 1.0, 1.0", "2.0, 1.0, 0.0", "0.0, 0.0, 0.0"],
}
for m, argsets in BAD.items():
    for i, a in enumerate(argsets):
        add(f"bad/{m}/{i}", f"np.random.default_rng(0).{m}({a})")
# A sized call raises even when size == 0.
add("bad/pareto-size0", "np.random.default_rng(0).pareto(-1.0, size=0)")
add("bad/triangular-size0", "np.random.default_rng(0).triangular(1.0, 0.0, 2.0, size=0)")

# Longer runs (seed 7, 1000 draws) through the rejection loops and rare branches: Johnk, Best-Fisher
# (both acceptance tests), Poisson mixture, gamma shapes < 1 and > 1.
LONG = ["beta(0.3, 0.3)", "beta(0.9, 0.6)", "beta(2.5, 0.7)", "vonmises(0.5, 0.5)",
        "vonmises(-2.5, 4.0)", "vonmises(1.0, 1e-6)", "noncentral_chisquare(0.5, 2.0)",
        "noncentral_chisquare(1.0, 30.0)", "standard_t(0.5)", "f(0.5, 3.0)", "laplace(0.0, 1.0)"]
for case in LONG:
    m, a = case[:-1].split("(", 1)
    add(f"long/{case}/7", f"np.random.default_rng(7).{m}({a}, size=1000)")
    add(f"long/{case}/7/raw",
        f"(lambda g: (g.{m}({a}, size=1000), g.bit_generator.random_raw(2))[1])(np.random.default_rng(7))")

# Another bit generator (MT19937 overrides next_double): Generator(MT19937(42)).
MT = ["beta(0.3, 0.3)", "beta(4.0, 2.0)", "vonmises(0.5, 0.5)", "vonmises(3.0, 1e7)",
      "noncentral_chisquare(0.5, 2.0)", "standard_cauchy()", "triangular(-3.0, 2.0, 8.0)",
      "gumbel(5.0, 0.5)", "pareto(5.0)"]
for case in MT:
    m, a = case[:-1].split("(", 1)
    sep = ", " if a else ""
    add(f"mt19937/{case}/42", f"np.random.Generator(np.random.MT19937(42)).{m}({a}{sep}size=20)")
