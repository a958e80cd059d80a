"""Golden calls for Generator's core methods (engineer C): random, standard_normal, normal,
standard_exponential, exponential, standard_gamma, gamma, uniform, integers, bytes, choice,
shuffle, permutation, permuted, spawn, default_rng seeding.

Evaluated with the local NumPy 1.24.2, which draws the same values as the 2.5 target for every
method here (numpy-random-notes.md section 6, "trust guide": random, integers, bytes, choice,
shuffle, permutation, permuted, normal/exponential/gamma incl. float32, uniform are unchanged).
Error texts that changed after 1.24 (choice's capitalised "Probabilities ..." messages) are NOT
taken from here: the tests use the 2.5.2 reference records (family "reference", bad/*) or the
texts of numpy/random/_generator.pyx at 2.5.2 (see tests/test_generator_core.cpp).
Generator.spawn does not exist in 1.24.2; spawn records use the equivalent
[Generator(PCG64(s)) for s in SeedSequence(seed).spawn(n)].

Record ids (unique keys; the tests read the structured columns, not the ids), fields separated by '|':
  f|<method>|<args>|<dtype>|<form>|<seed>      floating methods; args comma-separated
  i|<dtype>|<low>|<high>|<endpoint 0/1>|<form>|<seed>   integers
  forms: S  = size=20 call;  C = five scalar calls;  SR / CR = the state after S / C:
              [random_raw(), random_raw(), integers(0, 2**32, dtype=uint32)] (the last one
              reads a buffered 32-bit half if one is pending)
         B<n>/<k> = size=n call, every k-th value;  BT<n>/<t> = size=n call, values with
              |x| > t (the ziggurat tails);  BR<n> = the state after the size=n call
Other ids are listed individually below.
Used by: tests/test_generator_core.cpp.
"""

SEEDS = [1, 12345]
CALLS = []


def add(cid, call):
    CALLS.append((cid, call))


def rng(seed):
    return f"np.random.default_rng({seed})"


# object dtype keeps the 64-bit raw values exact (a mixed int list would become float64)
STATE = ("np.array([int(x) for x in g.bit_generator.random_raw(2)] + "
         "[int(g.integers(0, 2**32, dtype=np.uint32))], dtype=object)")

# ---- floating-point methods -------------------------------------------------------------
# (method, args, dtype or "" , extra kwargs text)
FLOAT_CASES = [
    ("random", "", "f8"), ("random", "", "f4"),
    ("standard_normal", "", "f8"), ("standard_normal", "", "f4"),
    ("standard_exponential", "", "f8"), ("standard_exponential", "", "f4"),
    ("standard_exponential", "inv", "f8"), ("standard_exponential", "inv", "f4"),
    ("standard_gamma", "0.5", "f8"), ("standard_gamma", "1.0", "f8"), ("standard_gamma", "3.0", "f8"),
    ("standard_gamma", "0.01", "f8"), ("standard_gamma", "0.0", "f8"), ("standard_gamma", "1e-05", "f8"),
    ("standard_gamma", "50.0", "f8"), ("standard_gamma", "1000000.0", "f8"), ("standard_gamma", "nan", "f8"),
    ("standard_gamma", "0.5", "f4"), ("standard_gamma", "1.0", "f4"), ("standard_gamma", "3.0", "f4"),
    ("standard_gamma", "0.01", "f4"), ("standard_gamma", "0.0", "f4"), ("standard_gamma", "0.3", "f4"),
    ("standard_gamma", "25.0", "f4"),
    ("normal", "0.0,1.0", "f8"), ("normal", "1.5,0.25", "f8"), ("normal", "-3.0,0.0", "f8"),
    ("normal", "nan,1.0", "f8"), ("normal", "0.0,nan", "f8"), ("normal", "1e300,1e300", "f8"),
    ("exponential", "1.0", "f8"), ("exponential", "2.5", "f8"), ("exponential", "0.0", "f8"),
    ("exponential", "nan", "f8"),
    ("gamma", "0.7,2.0", "f8"), ("gamma", "9.0,0.5", "f8"), ("gamma", "1.0,3.0", "f8"),
    ("gamma", "0.0,1.0", "f8"), ("gamma", "2.0,0.0", "f8"),
    ("uniform", "0.0,1.0", "f8"), ("uniform", "-3.0,3.0", "f8"), ("uniform", "5.0,5.0", "f8"),
    ("uniform", "-1e300,1e300", "f8"), ("uniform", "0.0,-0.0", "f8"),
]


def pyargs(method, args, dtype):
    parts = []
    if method == "standard_exponential" and args == "inv":
        parts.append("method='inv'")
    elif args:
        parts += ["np.nan" if a == "nan" else a for a in args.split(",")]
    if dtype == "f4":
        parts.append("dtype=np.float32")
    return ", ".join(parts)


for method, args, dtype in FLOAT_CASES:
    a = pyargs(method, args, dtype)
    sep = ", " if a else ""
    for seed in SEEDS:
        key = f"f|{method}|{args}|{dtype}"
        add(f"{key}|S|{seed}", f"{rng(seed)}.{method}({a}{sep}size=20)")
        add(f"{key}|SR|{seed}", f"(lambda g: (g.{method}({a}{sep}size=20), {STATE})[1])({rng(seed)})")
    seed = SEEDS[0]
    add(f"{key}|C|{seed}", f"(lambda g: [g.{method}({a}) for _ in range(5)])({rng(seed)})")
    add(f"{key}|CR|{seed}", f"(lambda g: ([g.{method}({a}) for _ in range(5)], {STATE})[1])({rng(seed)})")

# Long runs: every ziggurat branch (body, wedges, tails) and the gamma rejection loops.
BIG = [
    ("standard_normal", "", "f8", 200000, 401, "3.5"),
    ("standard_normal", "", "f4", 200000, 401, "3.5"),
    ("standard_exponential", "", "f8", 200000, 401, "7.5"),
    ("standard_exponential", "", "f4", 200000, 401, "7.5"),
    ("standard_gamma", "0.5", "f8", 50000, 211, ""),
    ("standard_gamma", "3.0", "f8", 50000, 211, ""),
    ("standard_gamma", "0.05", "f8", 50000, 211, ""),
    ("standard_gamma", "0.5", "f4", 50000, 211, ""),
    ("standard_gamma", "3.0", "f4", 50000, 211, ""),
]
for method, args, dtype, n, k, tail in BIG:
    a = pyargs(method, args, dtype)
    sep = ", " if a else ""
    seed = 7
    key = f"f|{method}|{args}|{dtype}"
    add(f"{key}|B{n}/{k}|{seed}", f"{rng(seed)}.{method}({a}{sep}size={n})[::{k}]")
    add(f"{key}|BR{n}|{seed}", f"(lambda g: (g.{method}({a}{sep}size={n}), {STATE})[1])({rng(seed)})")
    if tail:
        add(f"{key}|BT{n}/{tail}|{seed}",
            f"(lambda x: x[np.abs(x) > {tail}])({rng(seed)}.{method}({a}{sep}size={n}))")

# ---- integers ---------------------------------------------------------------------------
INT_RANGES = {
    # dtype: list of (low, high, endpoint)
    "int64": [(0, 100, 0), (0, 100, 1), (7, 7, 1), (7, 8, 0), (-2**62, 2**62, 0), (0, 2**20, 0),
              (0, 2**32 - 1, 0), (0, 2**32, 0), (0, 2**32, 1), (-5, 2**32 - 5, 0), (0, 2**33, 0),
              (-2**63, 2**63 - 1, 1), (-2**63, 2**63 - 1, 0), (0, 3 * 2**61, 0), (-10, -3, 0),
              (0, 1, 0), (0, 2, 0), (2**63 - 2, 2**63 - 1, 1)],
    "int32": [(0, 100, 0), (0, 100, 1), (-2**31, 2**31 - 1, 1), (-2**31, 2**31 - 1, 0), (0, 2**16, 0),
              (-7, 3 * 2**29, 0), (5, 5, 1), (0, 2, 0)],
    "int16": [(0, 100, 0), (0, 100, 1), (-2**15, 2**15 - 1, 1), (-2**15, 2**15 - 1, 0), (0, 2**10, 0),
              (-3, 40000 - 2**15, 0), (5, 5, 1), (0, 2, 0)],
    "int8": [(0, 100, 0), (0, 100, 1), (-128, 127, 1), (-128, 127, 0), (0, 16, 0), (-100, 90, 0),
             (5, 5, 1), (0, 2, 0)],
    "uint64": [(0, 100, 0), (0, 100, 1), (0, 2**64 - 1, 1), (0, 2**64 - 1, 0), (1, 2**64 - 1, 1),
               (0, 2**32, 0), (0, 2**32, 1), (2**63, 2**64 - 1, 0), (0, 3 * 2**62, 0), (9, 9, 1),
               (2**64 - 2, 2**64 - 1, 1), (0, 2**40, 0)],
    "uint32": [(0, 100, 0), (0, 100, 1), (0, 2**32 - 1, 1), (0, 2**32 - 1, 0), (0, 2**31, 0),
               (7, 3000000000, 0), (9, 9, 1)],
    "uint16": [(0, 100, 0), (0, 100, 1), (0, 2**16 - 1, 1), (0, 2**16 - 1, 0), (0, 2**8, 0),
               (3, 40000, 0), (9, 9, 1)],
    "uint8": [(0, 100, 0), (0, 100, 1), (0, 255, 1), (0, 255, 0), (0, 16, 0), (3, 200, 0), (9, 9, 1),
              (0, 1, 1)],
    "bool": [(0, 2, 0), (0, 1, 1), (0, 1, 0), (1, 1, 1), (1, 2, 0), (0, 0, 1)],
}
NPDT = {"bool": "bool"}
for dt, ranges in INT_RANGES.items():
    npdt = NPDT.get(dt, "np." + dt)
    for lo, hi, ep in ranges:
        key = f"i|{dt}|{lo}|{hi}|{ep}"
        kw = f"dtype={npdt}, endpoint={bool(ep)}"
        for seed in SEEDS:
            add(f"{key}|S|{seed}", f"{rng(seed)}.integers({lo}, {hi}, size=20, {kw})")
            add(f"{key}|SR|{seed}", f"(lambda g: (g.integers({lo}, {hi}, size=20, {kw}), {STATE})[1])({rng(seed)})")
        seed = SEEDS[0]
        add(f"{key}|C|{seed}", f"(lambda g: [g.integers({lo}, {hi}, {kw}) for _ in range(5)])({rng(seed)})")
        add(f"{key}|CR|{seed}", f"(lambda g: ([g.integers({lo}, {hi}, {kw}) for _ in range(5)], {STATE})[1])({rng(seed)})")
# Rejection-heavy ranges, long runs.
for dt, lo, hi in [("int64", 0, 3 * 2**61), ("uint64", 0, 2**63 + 2**62), ("int64", 0, 3 * 2**30),
                   ("uint32", 0, 3 * 2**30), ("uint16", 0, 40000), ("uint8", 0, 200), ("int8", -128, 73)]:
    key = f"i|{dt}|{lo}|{hi}|0"
    kw = f"dtype=np.{dt}"
    add(f"{key}|B5000/7|3", f"{rng(3)}.integers({lo}, {hi}, size=5000, {kw})[::7]")
    add(f"{key}|BR5000|3", f"(lambda g: (g.integers({lo}, {hi}, size=5000, {kw}), {STATE})[1])({rng(3)})")
# Single-argument form integers(high) and the default dtype.
add("integers-high-only|1", f"{rng(1)}.integers(10, size=20)")
add("integers-high-only-scalar|1", f"(lambda g: [g.integers(10) for _ in range(5)])({rng(1)})")
# size=0 returns before any bound check.
add("integers-size0-bad-bounds|1", f"(lambda g: (g.integers(5, 5, size=0), {STATE})[1])({rng(1)})")

# integers errors
INT_BAD = [
    ("int64", 5, 5, 0), ("int64", 5, 4, 1), ("int64", 0, 0, 0), ("int64", 0, -1, 1), ("int64", 0, -5, 0),
    ("int64", 3, 2, 0), ("int64", -2**63 - 1, 0, 0), ("int64", 0, 2**63, 1), ("int64", 0, 2**64 - 1, 0),
    ("uint8", 0, 300, 0), ("uint8", -1, 5, 0), ("uint8", 0, 256, 1), ("uint8", 0, 256, 0), ("uint8", 0, 0, 0),
    ("int8", -129, 0, 0), ("int8", 0, 128, 1), ("int8", 0, 129, 0), ("bool", 0, 3, 0), ("bool", 0, 2, 1),
    ("bool", -1, 1, 0), ("uint64", -1, 5, 0), ("uint32", 0, 2**32, 1), ("int16", 0, 2**15 + 1, 0),
    ("uint16", 7, 7, 0), ("int32", -2**31 - 1, 0, 1),
]
for dt, lo, hi, ep in INT_BAD:
    npdt = NPDT.get(dt, "np." + dt)
    add(f"i|{dt}|{lo}|{hi}|{ep}|E|1", f"{rng(1)}.integers({lo}, {hi}, dtype={npdt}, endpoint={bool(ep)})")

# Array bounds (broadcast path): ib|<dtype>|<low>|<high>|<endpoint>|<form>|<seed>, where a bound
# written [a,b,...] is an array and a bare number a scalar. Forms: S (values), SR (state after), E.
IB_CASES = [
    ("int64", "[0,10,-5]", "[5,2**40,3]", 0), ("int64", "0", "[5,100,2**33,7]", 0),
    ("int64", "[-3,0,1]", "9", 1), ("int64", "[7,7]", "[7,8]", 1), ("uint64", "[0,5]", "[2**64-1,2**63]", 1),
    ("int32", "[0,10,-5]", "[5,2**20,3]", 0), ("uint32", "[0,1]", "[2**32-1,2**32-1]", 1),
    ("int16", "[0,-300,1,2]", "[5,300,2,30000]", 0), ("uint16", "0", "[65535,3,2,40000,9,9]", 1),
    ("int8", "[-128,0,5,5]", "[127,3,6,100]", 1), ("uint8", "[0,10,20]", "[5,100,250]", 0),
    ("uint8", "0", "[255,3,200,1,0,7,2,100,9]", 1), ("bool", "[0,0,1,0]", "2", 0), ("bool", "0", "[1,1,0,1,1]", 1),
    ("int64", "[1,2,3]", "[]", 0),
]
IB_BAD = [
    ("uint8", "[-1,0]", "[5,5]", 0), ("uint8", "[0,0]", "[5,300]", 0), ("int64", "[0,0]", "[0,1]", 0),
    ("int64", "[0,1]", "[1,0]", 0), ("uint8", "[300,1]", "[5,10]", 0), ("int64", "[1,2]", "[3,4,5]", 0),
    ("int64", "[0,0]", "[-1,3]", 1), ("int16", "[0,2]", "[3,2]", 0), ("bool", "[0,1]", "[1,1]", 0),
]


def ib_py(b):
    return b.replace(",", ", ")


for dt, lo, hi, ep in IB_CASES + IB_BAD:
    npdt = NPDT.get(dt, "np." + dt)
    key = f"ib|{dt}|{lo}|{hi}|{ep}"
    call = f"integers({ib_py(lo)}, {ib_py(hi)}, dtype={npdt}, endpoint={bool(ep)})"
    if (dt, lo, hi, ep) in IB_BAD:
        add(f"{key}|E|1", f"{rng(1)}.{call}")
        continue
    for seed in SEEDS:
        add(f"{key}|S|{seed}", f"{rng(seed)}.{call}")
    add(f"{key}|SR|1", f"(lambda g: (g.{call}, {STATE})[1])({rng(1)})")

# ---- float errors ---------------------------------------------------------------------
for cid, call in [
    ("err|normal|0.0,-1.0", "normal(0.0, -1.0)"), ("err|normal|0.0,-0.0", "normal(0.0, -0.0)"),
    ("err|exponential|-1.0", "exponential(-1.0)"), ("err|exponential|-0.0", "exponential(-0.0)"),
    ("err|standard_gamma|-1.0", "standard_gamma(-1.0)"), ("err|standard_gamma|-0.0", "standard_gamma(-0.0)"),
    ("err|standard_gamma_f4|-1.0", "standard_gamma(-1.0, dtype=np.float32)"),
    ("err|gamma|-1.0,1.0", "gamma(-1.0, 1.0)"), ("err|gamma|1.0,-1.0", "gamma(1.0, -1.0)"),
    ("err|gamma|-1.0,-1.0", "gamma(-1.0, -1.0)"),
    ("err|uniform|2.0,1.0", "uniform(2.0, 1.0)"), ("err|uniform|0.0,inf", "uniform(0.0, np.inf)"),
    ("err|uniform|nan,1.0", "uniform(np.nan, 1.0)"), ("err|uniform|-1e308,1e308", "uniform(-1e308, 1e308)"),
    ("err|uniform|1e300,-1e300", "uniform(1e300, -1e300)"),
    ("err|normal-size0|0.0,-1.0", "normal(0.0, -1.0, size=0)"),
]:
    add(cid, f"{rng(1)}.{call}")

# ---- bytes -----------------------------------------------------------------------------
for n in [0, 1, 3, 4, 5, 11, 16, 37]:
    add(f"bytes|{n}|1", f"np.frombuffer({rng(1)}.bytes({n}), dtype=np.uint8)")
    add(f"bytes|{n}|R|1", f"(lambda g: (g.bytes({n}), {STATE})[1])({rng(1)})")

# ---- choice ----------------------------------------------------------------------------
P5 = "[0.5, 0.2, 0.1, 0.1, 0.1]"
P6Z = "[0.0, 0.3, 0.0, 0.4, 0.3, 0.0]"
CHOICE = [
    # id suffix, call args text
    ("int-10-6", "10, 6"),
    ("int-10-6-norepl", "10, 6, replace=False"),
    ("int-10-10-norepl", "10, 10, replace=False"),
    ("int-10-0-norepl", "10, 0, replace=False"),
    ("int-10-6-norepl-noshuffle", "10, 6, replace=False, shuffle=False"),
    ("int-1-5", "1, 5"),
    ("int-1-1-norepl", "1, 1, replace=False"),
    ("int-100000-6-norepl", "100000, 6, replace=False"),
    ("int-100000-2001-norepl", "100000, 2001, replace=False"),
    ("int-100000-2000-norepl", "100000, 2000, replace=False"),
    ("int-100000-5001-norepl-noshuffle", "100000, 5001, replace=False, shuffle=False"),
    ("int-100000-5000-norepl-noshuffle", "100000, 5000, replace=False, shuffle=False"),
    ("int-10001-10001-norepl", "10001, 10001, replace=False"),
    ("int-10000-10000-norepl", "10000, 10000, replace=False"),
    ("int-5000000000-4", "5000000000, 4"),
    ("int-5000000000-4-norepl", "5000000000, 4, replace=False"),
    ("int-p5-8", f"5, 8, p={P5}"),
    ("int-p5-3-norepl", f"5, 3, replace=False, p={P5}"),
    ("int-p5-5-norepl", f"5, 5, replace=False, p={P5}"),
    ("int-p6z-3-norepl", f"6, 3, replace=False, p={P6Z}"),
    ("int-p6z-20", f"6, 20, p={P6Z}"),
    ("arr-4-6", "np.array([10, 20, 30, 40]), 6"),
    ("arr-4-3-norepl", "np.array([10, 20, 30, 40]), 3, replace=False"),
    ("arr-4-7-p", "np.array([10, 20, 30, 40]), 7, p=[0.1, 0.2, 0.3, 0.4]"),
]
for suffix, args in CHOICE:
    for seed in SEEDS:
        add(f"choice|{suffix}|{seed}", f"{rng(seed)}.choice({args})")
    add(f"choice|{suffix}|R|1", f"(lambda g: (g.choice({args}), {STATE})[1])({rng(1)})")
for suffix, args in [("int-10", "10"), ("int-10-norepl", "10, replace=False"), ("int-p5", f"5, p={P5}"),
                     ("int-p5-norepl", f"5, replace=False, p={P5}"), ("arr-4", "np.array([10, 20, 30, 40])")]:
    add(f"choice-scalar|{suffix}|1", f"(lambda g: [g.choice({args}) for _ in range(5)])({rng(1)})")
    add(f"choice-scalar|{suffix}|R|1", f"(lambda g: ([g.choice({args}) for _ in range(5)], {STATE})[1])({rng(1)})")
# rows of a 2-D population
for suffix, args in [("2d-4x3-5", "np.arange(12).reshape(4, 3), 5"),
                     ("2d-4x3-3-norepl", "np.arange(12).reshape(4, 3), 3, replace=False"),
                     ("2d-4x3-6-p", "np.arange(12).reshape(4, 3), 6, p=[0.1, 0.2, 0.3, 0.4]")]:
    add(f"choice|{suffix}|1", f"{rng(1)}.choice({args})")
add("choice-err|2d-empty-2|1", f"{rng(1)}.choice(np.zeros((0, 3)), 2)")
# errors whose text is unchanged between 1.24.2 and 2.5.2
for suffix, args in [("int-5-6-norepl", "5, 6, replace=False"), ("int-0", "0"), ("int-neg3", "-3"),
                     ("int-0-size2", "0, 2"), ("arr-empty-2", "np.array([], dtype=np.int64), 2"),
                     ("p-size", "3, 2, p=[0.5, 0.5]"), ("p-fewer-nonzero", "3, 3, replace=False, p=[0.5, 0.5, 0.0]")]:
    add(f"choice-err|{suffix}|1", f"{rng(1)}.choice({args})")
# no samples: no error even with an empty/non-positive population
add("choice|int-0-size0|R|1", f"(lambda g: (g.choice(0, 0), {STATE})[1])({rng(1)})")

# ---- shuffle / permutation / permuted --------------------------------------------------
for n in [0, 1, 2, 15, 1000]:
    for seed in SEEDS:
        add(f"shuffle|{n}|{seed}", f"(lambda g, a: (g.shuffle(a), a)[1])({rng(seed)}, np.arange({n}))")
    add(f"shuffle|{n}|R|1", f"(lambda g, a: (g.shuffle(a), {STATE})[1])({rng(1)}, np.arange({n}))")
    add(f"permutation|{n}|1", f"{rng(1)}.permutation({n})")
for rows, cols in [(4, 3), (7, 2), (1, 5), (30, 4)]:
    add(f"shuffle2d|{rows}|{cols}|1",
        f"(lambda g, a: (g.shuffle(a), a)[1])({rng(1)}, np.arange({rows * cols}).reshape({rows}, {cols}))")
    add(f"permutation2d|{rows}|{cols}|1", f"{rng(1)}.permutation(np.arange({rows * cols}).reshape({rows}, {cols}))")
    for axis in [0, 1, -1, -2]:
        add(f"permuted2d|{rows}|{cols}|{axis}|1",
            f"{rng(1)}.permuted(np.arange({rows * cols}).reshape({rows}, {cols}), axis={axis})")
    add(f"permuted2d|{rows}|{cols}|none|1", f"{rng(1)}.permuted(np.arange({rows * cols}).reshape({rows}, {cols}))")
for rows, cols in [(4, 3), (7, 2), (1, 5), (30, 4)]:
    for axis in [1, -1, -2]:
        add(f"shuffle2d-axis|{rows}|{cols}|{axis}|1",
            f"(lambda g, a: (g.shuffle(a, axis={axis}), a)[1])({rng(1)}, np.arange({rows * cols}).reshape({rows}, {cols}))")
        add(f"permutation2d-axis|{rows}|{cols}|{axis}|1",
            f"{rng(1)}.permutation(np.arange({rows * cols}).reshape({rows}, {cols}), axis={axis})")
# empty 2-D arrays: shuffle draws nothing; permutation still shuffles an index of length shape[axis]
for rows, cols, axis in [(4, 0, 0), (0, 3, 1), (5, 0, 0), (0, 4, 0)]:
    add(f"shuffle2d-empty|{rows}|{cols}|{axis}|R|1",
        f"(lambda g, a: (g.shuffle(a, axis={axis}), {STATE})[1])({rng(1)}, np.zeros(({rows}, {cols})))")
    add(f"permutation2d-empty|{rows}|{cols}|{axis}|R|1",
        f"(lambda g, a: (g.permutation(a, axis={axis}), {STATE})[1])({rng(1)}, np.zeros(({rows}, {cols})))")
add("shuffle2d-err|axis2", f"{rng(1)}.shuffle(np.zeros((2, 3)), axis=2)")
add("permutation-arr|1", f"{rng(1)}.permutation(np.array([3.5, -1.0, 2.25, 8.0, 0.5]))")
add("permuted-1d|1", f"{rng(1)}.permuted(np.arange(20))")
add("permuted-err|axis2", f"{rng(1)}.permuted(np.arange(6).reshape(2, 3), axis=2)")
add("permuted-err|axis-3", f"{rng(1)}.permuted(np.arange(6).reshape(2, 3), axis=-3)")

# ---- seeding / spawn -------------------------------------------------------------------
for seed_text, cid in [("0", "0"), ("2**32 + 5", "2^32+5"), ("2**64 - 1", "2^64-1"), ("[1, 2, 3]", "list123"),
                       ("2**100", "2^100"), ("[0, 0, 0, 16]", "list0-0-0-16"),
                       ("np.random.SeedSequence(99)", "ss99"),
                       ("np.random.SeedSequence(99, spawn_key=(3,))", "ss99-key3")]:
    add(f"seed|{cid}", f"np.random.default_rng({seed_text}).random(4)")
add("spawn|42|2", "[np.random.Generator(np.random.PCG64(s)).random(3) "
                  "for s in np.random.SeedSequence(42).spawn(2)]")
add("spawn|42|nested", "np.random.Generator(np.random.PCG64(np.random.SeedSequence(42).spawn(2)[1]"
                       ".spawn(3)[2])).random(3)")
