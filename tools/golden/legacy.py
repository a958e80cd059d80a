"""Golden calls for the legacy API: numpy.random.RandomState and the np.random.* facade (engineer E).

RandomState is frozen (NEP 19): NumPy 1.24.2 and 2.5.2 draw the same values for every call here,
except RandomState.multinomial with a zero pval or n = 0 (2.5 switched it to the legacy binomial,
which consumes a uniform there) -- those come only from the 2.5.2 reference ("v25:" ids) -- and a
few error texts (set_state's message had a typo in 1.24.2, so it is not generated here).

Record ids:
  RS/<seed>/<method>(<args>)            RandomState(seed).<method>(<args>, size=20)
  RS/<seed>/<method>(<args>)/after      then [pos, has_gauss, cached gaussian, next raw uint32]
  RS/42/<method>(<args>)/scalar         five scalar calls on RandomState(42)
  RS/42/<method>(<args>)/scalar/after   then the same state summary
    (<args> are plain numbers or np.nan; the tests read the typed args column)
  randint/<dtype>/<low>,<high>          RandomState(42).randint(low, high, size=20, dtype=...)
  randint/<dtype>/<low>,<high>/scalar   five scalar randint calls (fresh 32-bit buffer each)
  randint/<dtype>/<low>,<high>/after    the next raw uint32 after the sized call
  seed/..., state/..., choice/..., perm/..., multi/..., global/..., bad/...   see each entry
Used by: tests/test_random_state.cpp, tests/test_facade.cpp.
"""

CALLS = []


def add(cid, call):
    CALLS.append((cid, call))


RS = "np.random.RandomState"
# [pos, has_gauss, gauss, next raw 32-bit output] of RandomState r, as floats.
AFTER = ("[float(r.get_state()[2]), float(r.get_state()[3]), r.get_state()[4], "
         "float(r.randint(0, 2**32, dtype=np.uint32))]")

FLOAT = {
    "random_sample": [""],
    "standard_normal": [""],
    "standard_exponential": [""],
    "standard_cauchy": [""],
    "standard_gamma": ["0.5", "1.0", "3.0", "0.0", "0.001"],
    "gamma": ["0.7, 2.0", "9.0, 0.5"],
    "beta": ["0.3, 0.3", "4.0, 2.0", "0.5, 2.0", "1.0, 1.0", "1e-300, 1e-300"],
    "chisquare": ["1.0", "10.0"],
    "noncentral_chisquare": ["0.5, 2.0", "3.0, 1.0", "3.0, 0.0", "1.0, 5.0", "0.5, np.nan"],
    "noncentral_f": ["2.0, 5.0, 1.5", "0.5, 5.0, 1.5"],
    "f": ["5.0, 20.0", "1.0, 1.0"],
    "standard_t": ["1.0", "7.5"],
    "normal": ["1.5, 0.25", "0.0, 0.0"],
    "lognormal": ["0.0, 1.0", "2.0, 0.1"],
    "exponential": ["3.0"],
    "vonmises": ["0.0, 0.0", "0.5, 0.5", "0.0, 4.0", "1.0, 1e-7", "0.0, 1e7", "-2.0, 3.0",
                 "3.0, 0.1"],
    "pareto": ["1.0", "5.0"],
    "weibull": ["0.5", "3.0", "0.0"],
    "power": ["0.5", "4.0"],
    "laplace": ["0.0, 1.0", "2.0, 0.5"],
    "gumbel": ["0.0, 1.0"],
    "logistic": ["0.0, 1.0"],
    "rayleigh": ["1.0", "2.5"],
    "wald": ["1.0, 1.0", "0.5, 10.0", "1000.0, 0.001"],
    "triangular": ["0.0, 0.5, 1.0", "0.0, 0.0, 1.0", "0.0, 1.0, 1.0"],
    "uniform": ["-3.0, 3.0", "5.0, 2.0", "0.0, 1.0"],
}
INT = {
    "binomial": ["20, 0.1", "20, 0.9", "1000, 0.5", "1000, 0.9", "0, 0.5", "100, 0.0", "100, 1.0",
                 "2147483648, 0.01", "5, 0.5"],
    "negative_binomial": ["10.5, 0.25", "1.0, 0.5", "5.0, 0.999"],
    "poisson": ["0.0", "0.5", "9.9", "10.0", "1000.0"],
    "zipf": ["1.1", "1.5", "2.0", "6.0"],
    "geometric": ["0.1", "0.5", "1.0", "1e-20", "0.3333333333333333"],
    "hypergeometric": ["10, 10, 5", "100, 200, 50", "5, 1000, 100", "1000, 1000, 1990",
                       "10, 5, 12", "3, 0, 2", "1, 1, 1"],
    "logseries": ["0.1", "0.9", "0.9999", "0.0"],
    "random_integers": ["1, 6", "-5, 5"],
    "tomaxint": [""],
}
for m, argsets in list(FLOAT.items()) + list(INT.items()):
    for a in argsets:
        sep = ", " if a else ""
        case = f"{m}({a})"
        for s in [0, 42]:
            add(f"RS/{s}/{case}", f"{RS}({s}).{m}({a}{sep}size=20)")
        add(f"RS/42/{case}/after", f"(lambda r: (r.{m}({a}{sep}size=20), {AFTER})[1])({RS}(42))")
        add(f"RS/42/{case}/scalar", f"(lambda r: [r.{m}({a}) for _ in range(5)])({RS}(42))")
        add(f"RS/42/{case}/scalar/after",
            f"(lambda r: ([r.{m}({a}) for _ in range(5)], {AFTER})[1])({RS}(42))")
# odd counts of gaussians leave one cached (has_gauss = 1)
add("RS/42/standard_normal()/odd/after", f"(lambda r: (r.standard_normal(size=7), {AFTER})[1])({RS}(42))")
add("RS/42/standard_t(7.5)/odd/after", f"(lambda r: (r.standard_t(7.5, size=3), {AFTER})[1])({RS}(42))")

# ---- randint: masked rejection for every dtype; 8/16-bit and bool buffers ----
RANDINT = {
    "np.int64": ["0, 100", "-50, 50", "0, 4294967296", "0, 4294967297", "-9223372036854775808, 9223372036854775807",
                 "5, 6", "0, 1000000000000"],
    "np.int32": ["0, 100", "-2147483648, 2147483647", "-2147483648, 2147483648", "7, 8"],
    "np.int16": ["0, 100", "-32768, 32768", "-300, 300", "7, 8"],
    "np.int8": ["0, 100", "-128, 128", "-5, 5", "7, 8"],
    "np.uint64": ["0, 100", "0, 18446744073709551615", "0, 4294967296", "10, 11"],
    "np.uint32": ["0, 100", "0, 4294967296", "3, 4"],
    "np.uint16": ["0, 100", "0, 65536", "1000, 1001"],
    "np.uint8": ["0, 100", "0, 256", "0, 1", "200, 256"],
    "bool": ["0, 2", "0, 1", "1, 2"],
}
for dt, cases in RANDINT.items():
    for c in cases:
        cid = f"randint/{dt.replace('np.', '')}/{c.replace(' ', '')}"
        add(cid, f"{RS}(42).randint({c}, size=20, dtype={dt})")
        add(cid + "/scalar", f"(lambda r: [r.randint({c}, dtype={dt}) for _ in range(5)])({RS}(42))")
        add(cid + "/after",
            f"(lambda r: (r.randint({c}, size=20, dtype={dt}), [int(r.randint(0, 2**32, dtype=np.uint32))])[1])({RS}(42))")
add("randint/default/high-only", f"{RS}(42).randint(7, size=10)")
add("randint/default/size0", f"{RS}(42).randint(5, 5, size=0)")
add("randint/int64/0,100/size1000", f"{RS}(7).randint(0, 100, size=1000)")

# ---- seeding ----
add("seed/int5", f"{RS}(5).random_sample(3)")
add("seed/list5", f"{RS}([5]).random_sample(3)")
add("seed/list0", f"{RS}([0]).random_sample(3)")
add("seed/list-long", f"{RS}(list(range(1000))).random_sample(3)")
add("seed/list-max", f"{RS}([4294967295, 0, 7]).random_sample(3)")
add("seed/key42", f"[int(x) for x in {RS}(42).get_state()[1]] + [{RS}(42).get_state()[2]]")
add("seed/key-list", f"[int(x) for x in {RS}([1, 2, 3]).get_state()[1]] + [{RS}([1, 2, 3]).get_state()[2]]")
add("seed/reseed", f"(lambda r: (r.randn(1), r.seed(7), list(r.randn(3)) + [float(r.get_state()[3])])[2])({RS}(0))")
add("seed/reseed-list", f"(lambda r: (r.rand(5), r.seed([7, 8]), r.rand(3))[2])({RS}(0))")

# ---- state: get/set round trip with a cached gaussian ----
add("state/randn5", f"{RS}(42).randn(5)")
add("state/after-randn1", f"(lambda r: (r.randn(1), [int(r.get_state()[2]), int(r.get_state()[3])])[1])({RS}(42))")
add("state/gauss-after-randn1", f"(lambda r: (r.randn(1), [r.get_state()[4]])[1])({RS}(42))")

# ---- choice / permutation / shuffle / bytes ----
add("choice/scalar", f"(lambda r: [r.choice(10) for _ in range(5)])({RS}(42))")
add("choice/scalar-norepl", f"(lambda r: [r.choice(10, replace=False) for _ in range(3)])({RS}(42))")
add("choice/scalar-p", f"(lambda r: [r.choice(4, p=[0.1, 0.2, 0.3, 0.4]) for _ in range(5)])({RS}(42))")
add("choice/container", f"{RS}(42).choice([10, 20, 30], 5)")
add("choice/container-norepl", f"{RS}(42).choice([1.5, 2.5, 3.5, 4.5, 5.5], 3, replace=False)")
add("choice/p-repl", f"{RS}(42).choice(4, 12, p=[0.1, 0.2, 0.3, 0.4])")
add("choice/p-norepl-10", f"{RS}(42).choice(10, 7, replace=False, p=[0.05, 0.05, 0.05, 0.05, 0.05, 0.15, 0.15, 0.15, 0.15, 0.15])")
add("choice/p-zero", f"{RS}(42).choice(4, 10, p=[0.5, 0.0, 0.5, 0.0])")
add("choice/norepl-big", f"{RS}(42).choice(20000, 5, replace=False)")
add("choice/size0", f"{RS}(42).choice(5, 0, replace=False)")
add("choice/after", f"(lambda r: (r.choice(10, 6, replace=False), r.random_sample(2))[1])({RS}(42))")
add("perm/0", f"{RS}(42).permutation(0)")
add("perm/1000", f"{RS}(42).permutation(1000)")
add("perm/container", f"{RS}(42).permutation([1.5, 2.5, 3.5, 4.5, 5.5, 6.5])")
add("perm/shuffle-list", "(lambda r, a: (r.shuffle(a), a)[1])(np.random.RandomState(3), list(range(20)))")
add("bytes/0", f"list({RS}(42).bytes(0))")
add("bytes/8", f"list({RS}(42).bytes(8))")
add("bytes/after", f"(lambda r: (r.bytes(5), [int(r.randint(0, 2**32, dtype=np.uint32))])[1])({RS}(42))")

# ---- multivariate ----
add("multi/multinomial-scalar", f"{RS}(42).multinomial(10, [0.5, 0.5])")
add("multi/multinomial-5", f"{RS}(42).multinomial(20, [0.3, 0.3, 0.4], size=5)")
add("multi/multinomial-btpe", f"{RS}(42).multinomial(100000, [0.25, 0.25, 0.5], size=3)")
add("multi/multinomial-after", f"(lambda r: (r.multinomial(20, [0.3, 0.3, 0.4], size=5), r.random_sample(2))[1])({RS}(42))")
add("multi/dirichlet-small", f"{RS}(42).dirichlet([0.5, 0.5], size=4)")
add("multi/dirichlet-scalar", f"{RS}(42).dirichlet([2.0, 3.0])")
add("multi/mvn-after", f"(lambda r: (r.multivariate_normal([0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]], size=3), r.random_sample(2))[1])({RS}(42))")
add("multi/mvn-odd-after", f"(lambda r: (r.multivariate_normal([0.0, 1.0, 2.0], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]), {AFTER})[1])({RS}(42))")

# ---- the np.random.* facade (one process-wide RandomState) ----
G = "np.random"
add("global/seed42", f"({G}.seed(42), list({G}.rand(3)) + list({G}.randn(3)))[1]")
add("global/aliases", f"({G}.seed(5), list({G}.random_sample(2)) + list({G}.random(2)) + list({G}.ranf(2)) + list({G}.sample(2)))[1]")
add("global/randint", f"({G}.seed(5), {G}.randint(0, 10, size=8))[1]")
add("global/choice", f"({G}.seed(5), {G}.choice(10, 4, replace=False))[1]")
add("global/shuffle", f"(lambda a: ({G}.seed(5), {G}.shuffle(a), a)[2])(list(range(10)))")
add("global/permutation", f"({G}.seed(5), {G}.permutation(10))[1]")
add("global/bytes", f"({G}.seed(5), list({G}.bytes(6)))[1]")
add("global/dists", f"({G}.seed(5), [{G}.normal(1.0, 2.0), {G}.standard_gamma(2.5), {G}.beta(2.0, 3.0), {G}.exponential(2.0), {G}.uniform(1.0, 2.0), {G}.laplace(0.0, 1.0), {G}.wald(1.0, 1.0), {G}.standard_t(3.0), {G}.vonmises(0.0, 1.0)])[1]")
add("global/discrete", f"({G}.seed(5), [{G}.binomial(10, 0.3), {G}.poisson(4.0), {G}.geometric(0.2), {G}.hypergeometric(10, 5, 3), {G}.zipf(2.0), {G}.logseries(0.5), {G}.negative_binomial(3.0, 0.5), {G}.random_integers(1, 6)])[1]")
add("global/state", f"({G}.seed(5), {G}.randn(1), [int({G}.get_state()[2]), int({G}.get_state()[3])])[2]")
add("global/bitgen-raw", f"({G}.seed(5), {G}.get_bit_generator().random_raw(3))[1]")
add("global/set-bitgen", f"({G}.set_bit_generator({G}.MT19937(5)), {G}.rand(3), {G}.set_bit_generator({G}.MT19937(0)))[1]")

# ---- errors (NumPy's ValueError / OverflowError texts) ----
BAD = [
    f"{RS}([])", f"{RS}([1, -1])", f"{RS}([4294967296])", f"{RS}(0).seed(-1)", f"{RS}(0).seed(4294967296)",
    f"{RS}(0).normal(0.0, -1.0)", f"{RS}(0).normal(0.0, -0.0)", f"{RS}(0).exponential(-1.0)",
    f"{RS}(0).standard_gamma(-1.0)", f"{RS}(0).gamma(-1.0, 1.0)", f"{RS}(0).gamma(1.0, -1.0)",
    f"{RS}(0).beta(0.0, 1.0)", f"{RS}(0).beta(1.0, 0.0)", f"{RS}(0).chisquare(0.0)",
    f"{RS}(0).noncentral_chisquare(0.0, 1.0)", f"{RS}(0).noncentral_chisquare(1.0, -1.0)",
    f"{RS}(0).f(0.0, 1.0)", f"{RS}(0).f(1.0, 0.0)", f"{RS}(0).noncentral_f(0.0, 1.0, 1.0)",
    f"{RS}(0).noncentral_f(1.0, 0.0, 1.0)", f"{RS}(0).noncentral_f(1.0, 1.0, -1.0)",
    f"{RS}(0).standard_t(0.0)", f"{RS}(0).vonmises(0.0, -1.0)", f"{RS}(0).pareto(0.0)",
    f"{RS}(0).weibull(-1.0)", f"{RS}(0).power(0.0)", f"{RS}(0).laplace(0.0, -1.0)",
    f"{RS}(0).gumbel(0.0, -1.0)", f"{RS}(0).logistic(0.0, -1.0)", f"{RS}(0).lognormal(0.0, -1.0)",
    f"{RS}(0).rayleigh(-1.0)", f"{RS}(0).wald(0.0, 1.0)", f"{RS}(0).wald(1.0, 0.0)",
    f"{RS}(0).triangular(1.0, 0.0, 2.0)", f"{RS}(0).triangular(0.0, 3.0, 2.0)",
    f"{RS}(0).triangular(1.0, 1.0, 1.0)", f"{RS}(0).uniform(0.0, np.inf)",
    f"{RS}(0).binomial(-1, 0.5)", f"{RS}(0).binomial(10, 1.5)", f"{RS}(0).binomial(10, np.nan)",
    f"{RS}(0).negative_binomial(0.0, 0.5)", f"{RS}(0).negative_binomial(1.0, 1.5)",
    f"{RS}(0).poisson(-1.0)", f"{RS}(0).poisson(1e19)", f"{RS}(0).poisson(np.nan)",
    f"{RS}(0).zipf(1.0)", f"{RS}(0).geometric(0.0)", f"{RS}(0).geometric(1.5)",
    f"{RS}(0).hypergeometric(5, 5, 11)", f"{RS}(0).hypergeometric(-1, 5, 3)",
    f"{RS}(0).hypergeometric(5, -1, 3)", f"{RS}(0).hypergeometric(5, 5, 0)",
    f"{RS}(0).logseries(1.0)", f"{RS}(0).logseries(-0.1)",
    f"{RS}(0).randint(0, 0)", f"{RS}(0).randint(-1, 5, dtype=np.uint8)",
    f"{RS}(0).randint(0, 257, dtype=np.uint8)", f"{RS}(0).randint(-129, 0, dtype=np.int8)",
    f"{RS}(0).randint(0, 3, dtype=bool)", f"{RS}(0).randint(0, 2**63 + 1)",
    f"{RS}(0).randint(10, 3, dtype=np.int16)", f"{RS}(0).random_integers(5, 4)",
    f"{RS}(0).choice(0)", f"{RS}(0).choice([])", f"{RS}(0).choice(3, p=[0.5, 0.5])",
    f"{RS}(0).choice(2, p=[np.nan, 0.5])", f"{RS}(0).choice(2, p=[-0.5, 1.5])",
    f"{RS}(0).choice(2, p=[0.3, 0.3])", f"{RS}(0).choice(3, 4, replace=False)",
    f"{RS}(0).choice(3, 3, replace=False, p=[0.5, 0.5, 0.0])",
    f"{RS}(0).multinomial(5, [0.5, 0.6, 0.1])", f"{RS}(0).multinomial(5, [0.5, -0.1, 0.6])",
    f"{RS}(0).multinomial(-1, [0.5, 0.5])", f"{RS}(0).dirichlet([1.0, 0.0])",
    f"{RS}(0).multivariate_normal([0.0, 0.0], [[1.0, 0.0]])",
    f"{RS}(0).multivariate_normal([0.0, 0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]])",
    f"{RS}(0).multivariate_normal([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]], check_valid='raise')",
    f"{RS}(0).multivariate_normal([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], check_valid='foo')",
    f"{G}.seed(-1)",
]
for i, call in enumerate(BAD):
    add(f"bad/{i}", call)

# ---- long sized draws (>= 2048 values: RandomState's block-cursor fast path), tails + state ----
for name, pre, call in [
    ("rand", "r.rand(7)", "r.rand(5000)"),
    ("randn", "r.randn(3)", "r.randn(5002)"),
    ("random_sample", "r.random_sample(700)", "r.random_sample(2048)"),
    ("randint-int64", "r.randint(0, 100, size=3)", "r.randint(0, 100, size=5000)"),
    ("randint-wide", "r.randint(0, 100, size=3)", "r.randint(-2**40, 2**40, size=3000)"),
    ("randint-uint8", "r.randint(0, 100, size=3)", "r.randint(0, 100, size=5000, dtype=np.uint8)"),
    ("randint-int16", "r.randint(0, 100, size=3)", "r.randint(-1000, 1000, size=5000, dtype=np.int16)"),
    ("randint-bool", "r.randint(0, 100, size=3)", "r.randint(0, 2, size=5000, dtype=bool)"),
]:
    add(f"bulk/{name}/tail", f"(lambda r: ({pre}, {call}[-6:])[1])({RS}(3))")
    add(f"bulk/{name}/after", f"(lambda r: ({pre}, {call}, {AFTER})[2])({RS}(3))")
