"""Golden calls for Generator's discrete univariate distributions (engineer D1a).

Methods: binomial, negative_binomial, poisson, zipf, geometric, hypergeometric, logseries.

Evaluated with the local NumPy 1.24.2, which draws the same values as the 2.5 target for every call
listed here (numpy-random-notes.md section 6 "trust guide"; diff of distributions.c v1.24.2..v2.5.2).
Deliberately NOT generated here, tests use only the 2.5.2 reference records (family "reference"):
  * binomial BTPE reaching Step 52 (k > 20 and k < n*p*q/2 - 1, so n*p*q > 42): NumPy 2.5 fixed
    the Stirling constants (13680 -> 13860, signs). BTPE cases below keep n*p*q <= 42, where Step 52
    is unreachable. Reference: Generator/*/binomial(1000, 0.5), binomial(2**31, 0.01),
    v25/binomial-1000-deep, v25/binomial-500-deep.
  * binomial inversion: 2.4 switched qn = exp(n*log(q)) to exp(n*log1p(-p)); qn may differ in the
    last bits, which can change a draw only when U falls within ~1e-15 of a cumulative sum -- but
    completely when 1 - p rounds to 1 (e.g. binomial(2**62, 1e-18): 1.24.2 always returns 0).
    Such cases are left to the statistical tests.
  * zipf with a near 1 (2.1 draws U = U01*Umin + (1-U01)): reference Generator/*/zipf(1.1),
    v25/zipf-1.5. zipf with a >= 1025 returns 1 without a draw in 2.1+, but 1.24.2 hangs there;
    the C++ test checks the value 1 and that the stream did not move (no record).
  * geometric results >= 2^63 (1.24.2 returned INT64_MIN, 1.25+ clamps): v25/geometric-tiny.

Record ids (per case "<method>(<args>)", args exactly as written in the call):
  <case>/<seed>         default_rng(seed).<method>(<args>, size=20)
  <case>/<seed>/raw     the next two raw 64-bit outputs after that sized call (proves the state)
  <case>/scalar         five scalar calls on default_rng(1), then ".../scalar/raw" likewise
  deep/<case>           one long sized call (many draws, to reach rare branches), and ".../raw"
  bitgen/<BG>/<case>    Generator(np.random.<BG>(42)) sized, then ".../raw" and ".../scalar/raw"
  bad/<method>/<n>      a call that raises (ValueError text)
Used by: tests/test_discrete.cpp.
"""

SEEDS = [1, 12345]
N = 20

CASES = {
    # n == 0 and p == 0 (no draw), p == 1 (inversion on q = 0: one draw per value), -0.0 passes
    # validation; inversion (n*min(p,q) <= 30, 60*0.5 == 30 exactly), reflection p > 0.5; BTPE
    # with n*p*q <= 42 (Step 52 unreachable), reflected BTPE; large n with tiny p (inversion).
    "binomial": ["0, 0.5", "100, 0.0", "100, 1.0", "10, -0.0", "1, 0.5", "20, 0.1", "20, 0.9",
                 "60, 0.5", "61, 0.5", "100, 0.4", "200, 0.25", "80, 0.6", "150, 0.75",
                 "10**9, 1e-8", "2**40, 1e-12", "7, 0.999", "2**62, 1.0"],
    # lam == 0 and -0.0 (no draw); multiplication (lam < 10); PTRS (lam >= 10), huge lam
    "poisson": ["0.0", "-0.0", "0.5", "3.0", "9.99", "10.0", "25.5", "1000.0", "1e6", "1e12",
                "1e15", "9e18"],
    # shape < 1 / == 1 / > 1 gamma, then poisson small or PTRS; p == 1 (Y = 0 -> poisson(0))
    "negative_binomial": ["1.0, 0.5", "10.5, 0.25", "0.5, 0.9", "1000.0, 0.01", "3.0, 1.0",
                          "0.001, 0.5", "50.0, 0.5", "1e10, 0.999"],
    # a >= ~2 only (see docstring), up to just below the 1025 cut-off
    "zipf": ["2.0", "3.5", "6.0", "50.0", "1024.5", "1024.9999"],
    # search (p >= 1/3, p == 1 -> 1 after one draw), inversion (p < 1/3)
    "geometric": ["1.0", "0.9", "0.5", "1/3", "0.33", "0.1", "1e-3", "1e-9", "1e-15", "1e-17"],
    # urn (sample < 10 or sample > total - 10): small, good == 0, bad == 0, sample == 0, sample ==
    # total, sample > total/2 (complement), large counts; HRUA (10 <= sample <= total - 10):
    # complement and good > bad reflections, Stirling log-factorials (counts > 125)
    "hypergeometric": ["10, 10, 5", "100, 200, 9", "0, 10, 5", "10, 0, 5", "5, 5, 0", "5, 5, 10",
                       "20, 20, 35", "1000, 1000, 1995", "10**8, 10**8, 5", "7, 3, 9",
                       "100, 200, 50", "5, 1000, 100", "1000, 1000, 1990", "500, 300, 600",
                       "20, 20, 20", "10**8, 3*10**8, 10**6", "999999999, 999999999, 10**9",
                       "50, 60, 10", "999999999, 1, 500000000", "1, 999999999, 999999990"],
    # p == 0 and -0.0 (V >= p: 1 after one draw), small and large p
    "logseries": ["0.0", "-0.0", "1e-10", "0.1", "0.5", "0.9", "0.9999", "0.999999999",
                  "1 - 2**-53"],
}

# Long runs through the rejection samplers (BTPE regions, PTRS final test, HRUA, logseries).
DEEP = [
    ("binomial(200, 0.25)", 3, "binomial(200, 0.25, size=3000)"),
    ("binomial(150, 0.75)", 4, "binomial(150, 0.75, size=3000)"),
    ("binomial(2**40, 1e-12)", 5, "binomial(2**40, 1e-12, size=2000)"),
    ("poisson(10.0)", 3, "poisson(10.0, size=3000)"),
    ("poisson(1000.0)", 4, "poisson(1000.0, size=3000)"),
    ("poisson(5.0)", 5, "poisson(5.0, size=2000)"),
    ("hypergeometric(100, 200, 50)", 3, "hypergeometric(100, 200, 50, size=3000)"),
    ("hypergeometric(10**8, 3*10**8, 10**6)", 4,
     "hypergeometric(10**8, 3*10**8, 10**6, size=2000)"),
    ("hypergeometric(30, 40, 8)", 5, "hypergeometric(30, 40, 8, size=2000)"),
    ("logseries(0.9999)", 3, "logseries(0.9999, size=3000)"),
    ("zipf(2.0)", 3, "zipf(2.0, size=3000)"),
    ("negative_binomial(10.5, 0.25)", 3, "negative_binomial(10.5, 0.25, size=2000)"),
    ("geometric(0.05)", 3, "geometric(0.05, size=2000)"),
]

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
        add(f"{case}/scalar", f"(lambda g: [g.{m}({a}) for _ in range(5)])(np.random.default_rng(1))")
        add(f"{case}/scalar/raw",
            f"(lambda g: ([g.{m}({a}) for _ in range(5)], g.bit_generator.random_raw(2))[1])"
            f"(np.random.default_rng(1))")

for case, seed, call in DEEP:
    add(f"deep/{case}", f"np.random.default_rng({seed}).{call}")
    add(f"deep/{case}/raw",
        f"(lambda g: (g.{call}, g.bit_generator.random_raw(2))[1])(np.random.default_rng({seed}))")

# The other bit generators (MT19937 has its own next_uint32 / next_double; the urn sampler uses
# next_uint32 halves on the 64-bit ones): Generator(np.random.<BitGen>(42)).
BG_CASES = ["binomial(20, 0.3)", "binomial(100, 0.4)", "poisson(3.0)", "poisson(100.0)",
            "hypergeometric(10, 10, 5)", "hypergeometric(100, 200, 50)", "geometric(0.5)",
            "geometric(0.1)", "zipf(2.0)", "logseries(0.9)", "negative_binomial(10.5, 0.25)"]
for bg in ["MT19937", "PCG64DXSM", "Philox", "SFC64"]:
    for case in BG_CASES:
        m, a = case[:-1].split("(", 1)
        gen = f"np.random.Generator(np.random.{bg}(42))"
        add(f"bitgen/{bg}/{case}", f"{gen}.{m}({a}, size={N})")
        add(f"bitgen/{bg}/{case}/raw",
            f"(lambda g: (g.{m}({a}, size={N}), g.bit_generator.random_raw(2))[1])({gen})")
        add(f"bitgen/{bg}/{case}/scalar/raw",
            f"(lambda g: ([g.{m}({a}) for _ in range(5)], g.bit_generator.random_raw(2))[1])({gen})")

# Defaults: poisson(lam=1.0).
add("poisson()/scalar", "(lambda g: [g.poisson() for _ in range(5)])(np.random.default_rng(1))")
add("poisson()/1", "np.random.default_rng(1).poisson(size=20)")

# Fresh raw stream (for calls that must not draw, e.g. zipf(a >= 1025)).
for s in SEEDS:
    add(f"raw/{s}", f"np.random.default_rng({s}).bit_generator.random_raw(2)")

# Validation: NumPy's messages, scalar parameters, in NumPy's check order.
BAD = {
    "binomial": ["-1, 0.5", "10, 1.5", "10, -0.1", "10, np.nan", "-1, 1.5", "-1, np.nan"],
    "negative_binomial": ["0.0, 0.5", "-1.0, 0.5", "np.nan, 0.5", "1.0, 0.0", "1.0, 1.5",
                          "1.0, np.nan", "0.0, 0.0", "1e20, 0.5", "10.0, 1e-19", "np.inf, 0.5"],
    "poisson": ["-1.0", "np.nan", "1e20", "np.inf", "-np.inf", "9.3e18"],
    "zipf": ["1.0", "0.5", "np.nan", "-np.inf"],
    "geometric": ["0.0", "-0.0", "1.5", "np.nan", "-0.5"],
    "hypergeometric": ["10, 10, 25", "10**9, 1, 1", "1, 10**9, 1", "-1, 10, 5", "10, -1, 5",
                       "10, 10, -1", "-5, 1, 0", "-1, -1, -5", "10**9, -5, 10**10"],
    "logseries": ["1.0", "-0.1", "np.nan", "1.5"],
}
for m, argsets in BAD.items():
    for i, a in enumerate(argsets):
        add(f"bad/{m}/{i}", f"np.random.default_rng(0).{m}({a})")
# A sized call raises even when size == 0.
add("bad/poisson-size0", "np.random.default_rng(0).poisson(-1.0, size=0)")
add("bad/binomial-size0", "np.random.default_rng(0).binomial(10, 1.5, size=0)")
add("bad/hypergeometric-size0", "np.random.default_rng(0).hypergeometric(10, 10, 25, size=0)")
add("bad/negative_binomial-size0", "np.random.default_rng(0).negative_binomial(0.0, 0.5, size=0)")
