"""Golden calls for array parameters, broadcasting and `size` shapes (issue 10), from real NumPy.

A tools/make_golden.py family (`/usr/bin/python3 tools/make_golden.py broadcast`). Each record also
carries the result's shape (form `array:<dims>`, `array:` for a 0-d result; errors have form
`call`) and, in the extra column `after`, the next raw word of the bit generator after the call,
so the tests prove the final state too (and that a rejected call consumed nothing). Every call
starts from a fresh Generator(PCG64(12345)) ("G." ids) or RandomState(12345) ("R." ids); "F."
calls use the np.random facade after np.random.seed(12345). AxisError (a ValueError) is recorded
as ValueError: nprandom throws std::invalid_argument for it.
Only parameter regions whose streams NumPy 1.24 and 2.5 share are used (no wald, zipf near 1,
beta with tiny parameters, or large-n*p*q Generator binomial; see numpy-random-notes section 6).
Used by: tests/test_broadcast.cpp.
"""
import ast

MU23 = "[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]"
SIG3 = "[0.5, 1.0, 2.0]"
COL = "[[1.0], [4.0]]"

CALLS = []
# Generator and RandomState both have these; "{x}" is g, r or np.random.
BOTH = [
    ("normal_list", "{x}.normal([0, 1, 2], 2.0)"),
    ("normal_2x3_size", "{x}.normal(%s, %s, size=(4, 2, 3))" % (MU23, SIG3)),
    ("binomial_col", "{x}.binomial([10, 20], [[0.1], [0.9]])"),
    ("poisson_col_size", "{x}.poisson(lam=%s, size=(2, 3))" % COL),
    ("uniform_high", "{x}.uniform(high=[1, 2, 3])"),
    ("uniform_both", "{x}.uniform([[0.0], [10.0]], [1.0, 2.0, 3.0])"),
    ("exponential_size", "{x}.exponential([1.0, 2.0], size=(3, 2))"),
    ("gamma_mix", "{x}.gamma([[1.0], [2.5]], 2.0, size=(2, 3))"),
    ("standard_gamma_arr", "{x}.standard_gamma([0.5, 1.0, 3.0])"),
    ("beta_arr", "{x}.beta([1.5, 2.0], [[3.0], [0.7]])"),
    ("chisquare_arr", "{x}.chisquare([1.0, 5.0, 9.0])"),
    ("noncentral_chisquare_arr", "{x}.noncentral_chisquare([2.0, 3.0], [[0.5], [2.0]])"),
    ("f_arr", "{x}.f([1.0, 5.0], 3.0, size=(2, 2))"),
    ("noncentral_f_arr", "{x}.noncentral_f([2.0, 3.0], [4.0], [[1.0], [0.0]])"),
    ("standard_t_arr", "{x}.standard_t([1.0, 2.0, 30.0])"),
    ("vonmises_arr", "{x}.vonmises([0.0, 1.0], [[0.5], [4.0]])"),
    ("pareto_arr", "{x}.pareto([1.0, 3.0])"),
    ("weibull_arr", "{x}.weibull([0.0, 1.0, 2.0])"),
    ("power_arr", "{x}.power([0.5, 2.0])"),
    ("laplace_arr", "{x}.laplace([0.0, 1.0], [[1.0], [2.0]])"),
    ("gumbel_arr", "{x}.gumbel([0.0, 1.0], 2.0)"),
    ("logistic_arr", "{x}.logistic(1.0, [0.5, 2.0])"),
    ("lognormal_arr", "{x}.lognormal([0.0, 1.0], [[0.5], [1.0]])"),
    ("rayleigh_arr", "{x}.rayleigh([1.0, 2.0, 3.0])"),
    ("triangular_arr", "{x}.triangular([0.0, 1.0], [0.5, 1.5], [[2.0], [3.0]])"),
    ("negative_binomial_arr", "{x}.negative_binomial([1.0, 5.5], [[0.3], [0.9]])"),
    ("geometric_arr", "{x}.geometric([0.1, 0.5, 1.0])"),
    ("logseries_arr", "{x}.logseries([0.0, 0.5, 0.9])"),
    ("zipf_arr", "{x}.zipf([1.5, 3.0])"),
    ("hypergeometric_arr", "{x}.hypergeometric([10, 20], [5], [[3], [12]])"),
    ("zero_size_param", "{x}.normal(np.zeros(0), 1.0)"),
    ("zero_size_size", "{x}.poisson([1.0, 2.0], size=(0, 2))"),
    ("scalar_shape", "{x}.normal(1.0, 2.0, size=(2, 3))"),
    ("scalar_size_empty_tuple", "{x}.exponential(2.0, size=())"),
    # rejections: each array element is checked before anything is drawn
    ("err_scale", "{x}.normal([0.0, 1.0], [1.0, -1.0])"),
    ("err_p_nan", "{x}.binomial([1, 2], [0.1, np.nan])"),
    ("err_n_neg", "{x}.binomial([1, -2], [0.1, 0.2])"),
    ("err_lam", "{x}.poisson([1.0, -2.0])"),
    ("err_lam_nan", "{x}.poisson([1.0, np.nan])"),
    ("err_lam_big", "{x}.poisson([1.0, 1e19])"),
    ("err_mismatch", "{x}.normal([0.0, 1.0], [1.0, 2.0, 3.0])"),
    ("err_mismatch_size", "{x}.normal([0.0, 1.0], 1.0, size=(3,))"),
    ("err_output_size", "{x}.normal(%s, 1.0, size=(3,))" % MU23),
    ("err_output_size2", "{x}.poisson(%s, size=(3,))" % COL),
    ("err_triangular", "{x}.triangular([0.0, 2.0], [1.0, 1.0], 3.0)"),
    ("err_triangular_shape", "{x}.triangular([0.0, 1.0], [1.0, 1.0, 1.0], 3.0)"),
    ("err_triangular_shape2d", "{x}.triangular([[0.0, 1.0, 2.0]], [1.0, 1.0], 3.0)"),
    ("err_uniform_shape", "{x}.uniform([0.0, 1.0], [1.0, 2.0, 3.0])"),
    ("err_uniform_range", "{x}.uniform([0.0, 1.0], [1.0, np.inf])"),
    ("err_hyper_sum", "{x}.hypergeometric([1, 2], [1, 1], [2, 5])"),
    ("err_hyper_shape", "{x}.hypergeometric([1, 2], [1, 1, 1], 1)"),
    ("err_geometric", "{x}.geometric([0.5, 0.0])"),
    ("err_logseries", "{x}.logseries([0.5, np.nan])"),
    ("err_zipf", "{x}.zipf([2.0, 1.0])"),
    ("err_gamma_shape", "{x}.gamma([1.0, -1.0], 1.0)"),
    ("err_beta", "{x}.beta([1.0, 0.0], 1.0)"),
    ("err_noncentral_f", "{x}.noncentral_f(1.0, 1.0, [1.0, -0.0])"),
    ("err_negbin_n", "{x}.negative_binomial([1.0, 0.0], 0.5)"),
    ("err_negbin_p", "{x}.negative_binomial(1.0, [0.5, 1.5])"),
]
for name, expr in BOTH:
    CALLS.append(("G." + name, expr.format(x="g")))
    CALLS.append(("R." + name, expr.format(x="r")))
CALLS += [
    ("G.err_negbin_lam", "g.negative_binomial([1.0, 1e18], [0.5, 1e-10])"),
    ("G.err_negbin_nan", "g.negative_binomial([1.0, np.nan], 0.5)"),
    ("G.err_hyper_max", "g.hypergeometric([1, 10**9], 1, 1)"),
    ("G.err_uniform_neg", "g.uniform([0.0, 1.0], [1.0, 0.5])"),
    ("R.uniform_reversed", "r.uniform([0.0, 1.0], [1.0, 0.5])"),
    ("R.err_hyper_nsample", "r.hypergeometric([1, 2], [1, 1], [1, 0])"),
    ("F.normal_list", "np.random.normal([0, 1, 2], 2.0)"),
    ("F.binomial_col", "np.random.binomial([10, 20], [[0.1], [0.9]])"),
    ("F.poisson_col_size", "np.random.poisson(lam=%s, size=(2, 3))" % COL),
    ("F.uniform_high", "np.random.uniform(high=[1, 2, 3])"),
]

# Generator.integers with N-D array bounds (_rand_<dtype>_broadcast), issue 10's remaining lines.
CALLS += [
    ("G.integers_2d_size", "g.integers([0, 5], [10, 50], size=(3, 2))"),
    ("G.integers_col_endpoint", "g.integers([[0], [5]], [10, 200, 300], endpoint=True)"),
    ("G.integers_scalar_low", "g.integers(7, [[10, 20], [30, 40]])"),
    ("G.integers_scalar_shape", "g.integers(0, 10, size=(2, 3))"),
    ("G.integers_int8", "g.integers([[-5], [0]], [5, 100], size=(3, 2, 2), dtype=np.int8)"),
    ("G.integers_uint16_endpoint",
     "g.integers([0, 5], [[10], [65535]], endpoint=True, dtype=np.uint16)"),
    ("G.integers_uint64", "g.integers([0, 7], [[10], [2**62]], dtype=np.uint64)"),
    ("G.integers_zero_size", "g.integers([5, 5], [1, 1], size=(0, 2))"),
    ("G.err_integers_low_high", "g.integers([0, 5], [[10, 50], [10, 5]])"),
    ("G.err_integers_high_le0", "g.integers([0, 0], [10, 0])"),
    ("G.err_integers_endpoint", "g.integers([0, 5], [10, 4], endpoint=True)"),
    ("G.err_integers_high_oob", "g.integers([0, 5], [[10, 300]], dtype=np.int8)"),
    ("G.err_integers_high_oob_endpoint",
     "g.integers([0, 5], [10, 128], endpoint=True, dtype=np.int8)"),
    ("G.err_integers_low_oob", "g.integers([-200, 5], 10, dtype=np.int8)"),
    ("G.err_integers_shape", "g.integers([0, 1], [5, 6, 7])"),
    ("G.err_integers_shape2d", "g.integers([[0, 1, 2], [3, 4, 5]], [7, 8])"),
    ("G.err_integers_size", "g.integers([0, 1], [5, 6], size=(3,))"),
    ("G.integers_high_only", "g.integers([5, 10, 1000])"),
    ("G.integers_high_only_int8", "g.integers([[5], [100]], dtype=np.int8)"),
    ("G.integers_bool", "g.integers([0, 0, 1], [2, 1, 2], size=(2, 3), dtype=bool)"),
    ("G.integers_bool_endpoint", "g.integers([0, 1], [1, 1], endpoint=True, dtype=bool)"),
    ("G.err_integers_bool_oob", "g.integers([0, 1], [[1], [3]], dtype=bool)"),
    # Bounds given as integers of the other signedness (a uint64 array for int64, negative values
    # for uint64) are checked as given, never converted first.
    ("G.integers_u64_bound", "g.integers(0, [2**63, 5])"),
    ("G.integers_u64_bound_size", "g.integers(0, 2**63, size=2)"),
    ("G.err_integers_u64_high_oob", "g.integers([2**63], [2**63 + 5])"),
    ("G.err_integers_u64_high_oob_endpoint", "g.integers(0, [2**63], endpoint=True)"),
    ("G.err_integers_u64_high_oob_size", "g.integers(0, 2**63 + 1, size=2)"),
    ("G.err_integers_u64_low_above", "g.integers([2**63], [5])"),
    ("G.err_integers_neg_high_uint64", "g.integers(0, [-1], dtype=np.uint64)"),
    ("G.err_integers_neg_low_uint64", "g.integers([-1], 5, dtype=np.uint64)"),
]

# RandomState.randint / np.random.randint with array bounds (masked _rand_<dtype>_broadcast).
CALLS += [
    ("R.randint_list", "r.randint([0, 5], 10)"),
    ("R.randint_u64_bound", "r.randint(0, [2**63])"),
    ("R.err_randint_u64_high_oob", "r.randint(0, [2**63 + 1])"),
    ("R.err_randint_neg_low_uint64", "r.randint([-1], 5, dtype=np.uint64)"),
    ("R.randint_2d_size", "r.randint([0, 5], [[10], [50]], size=(3, 2, 2))"),
    ("R.randint_high_only", "r.randint([5, 10, 1000])"),
    ("R.randint_int8", "r.randint([[-5], [0]], [5, 100], size=(3, 2, 2), dtype=np.int8)"),
    ("R.randint_uint16", "r.randint([0, 5], [[10], [65535]], dtype=np.uint16)"),
    ("R.randint_scalar_shape", "r.randint(0, 10, size=(2, 3))"),
    ("R.err_randint_low_high", "r.randint([0, 5], [10, 5])"),
    ("R.err_randint_high_le0", "r.randint([0, 0], [10, 0])"),
    ("R.err_randint_shape", "r.randint([0, 1], [5, 6, 7])"),
    ("R.err_randint_oob", "r.randint([0, 5], 300, dtype=np.int8)"),
    ("R.randint_bool", "r.randint([0, 0, 1], [2, 1, 2], dtype=bool)"),
    ("F.randint_list", "np.random.randint([0, 5], 10)"),
    ("F.randint_high_only", "np.random.randint([5, 10, 1000])"),
    ("F.randint_2d_size", "np.random.randint([0, 5], [[10], [50]], size=(3, 2, 2))"),
]

# Generator.multinomial with array n and N-D pvals (the vector path).
CALLS += [
    ("G.multinomial_2d", "g.multinomial([10, 20], [[0.2, 0.8], [0.5, 0.5]])"),
    ("G.multinomial_n_col_size", "g.multinomial([[10], [20]], [0.2, 0.3, 0.5], size=(2, 3))"),
    ("G.multinomial_pvals2d", "g.multinomial(7, [[0.1, 0.9], [0.6, 0.4], [1.0, 0.0]])"),
    ("G.multinomial_size_bcast", "g.multinomial([5, 6], [[0.2, 0.8]], size=(3, 2))"),
    ("G.multinomial_scalar_shape", "g.multinomial(9, [0.3, 0.3, 0.4], size=(2, 2))"),
    ("G.err_multinomial_n", "g.multinomial([10, -1], [0.5, 0.5])"),
    ("G.err_multinomial_sum2d", "g.multinomial([1, 2], [[0.5, 0.2, 0.3], [0.8, 0.7, 0.1]])"),
    ("G.err_multinomial_sum1d", "g.multinomial([1, 2], [0.8, 0.7, 0.1])"),
    ("G.err_multinomial_range", "g.multinomial([1, 2], [[0.5, 0.5], [1.5, -0.5]])"),
    ("G.err_multinomial_shape", "g.multinomial([1, 2, 3], [[0.5, 0.5], [0.2, 0.8]])"),
    ("G.err_multinomial_size", "g.multinomial([1, 2], [0.5, 0.5], size=(3,))"),
    ("G.err_multinomial_size_compat", "g.multinomial([1, 2], [0.5, 0.5], size=(1, 1))"),
    ("G.err_multinomial_pvals0d", "g.multinomial([1, 2], 0.5)"),
]

# Generator.choice along an axis of an N-D array, Generator.permuted of an N-D array.
A34 = "np.arange(12).reshape(3, 4)"
A234 = "np.arange(24).reshape(2, 3, 4)"
CALLS += [
    ("G.choice_axis1", "g.choice(%s, 2, axis=1)" % A34),
    ("G.choice_axis2_noreplace", "g.choice(%s, (2, 2), replace=False, axis=2)" % A234),
    ("G.choice_axis0_p", "g.choice(%s, 5, p=[0.2, 0.3, 0.5])" % A34),
    ("G.choice_axis_scalar", "g.choice(%s, axis=1)" % A34),
    ("G.choice_axis_neg", "g.choice(%s, 3, replace=False, axis=-2)" % A234),
    ("G.permuted_axis2", "g.permuted(%s, axis=2)" % A234),
    ("G.permuted_axis1", "g.permuted(%s, axis=1)" % A234),
    ("G.permuted_axis_neg3", "g.permuted(%s, axis=-3)" % A234),
    ("G.permuted_none", "g.permuted(%s)" % A234),
    ("G.err_permuted_axis", "g.permuted(%s, axis=3)" % A234),
]


# The receivers: g, r and np.random are spelled out in the call text, so that the structured
# fields (front, bitgen, seed, method, args, size, dtype) come from tools/golden/_structure.py.
G_RECEIVER = "np.random.Generator(np.random.PCG64(12345))"
R_RECEIVER = "np.random.RandomState(12345)"
F_RECEIVER = "np.random"
RECEIVERS = {"g": G_RECEIVER, "r": R_RECEIVER}


def _spelled_out(call):
    head, rest = call.split(".", 1)
    return call if head == "np" else RECEIVERS[head] + "." + rest


CALLS = [(cid, _spelled_out(call)) for cid, call in CALLS]

# make_golden.py: the extra column this family writes, and how each call is evaluated.
EXTRA_COLUMN = "after"


def evaluate(call, np):
    """The record of one call: values (row-major), result shape, and the next raw word."""
    expr = ast.parse(call, mode="eval").body
    receiver = ast.unparse(expr.func.value)
    if receiver == F_RECEIVER:
        np.random.seed(12345)
        obj, bg = np.random, np.random.mtrand._rand._bit_generator
    else:
        obj = eval(receiver, {"np": np})  # noqa: S307
        bg = obj.bit_generator if isinstance(obj, np.random.Generator) else obj._bit_generator
    expr.func.value = ast.Name("x", ast.Load())
    rec = {}
    try:
        v = np.asarray(eval(compile(ast.fix_missing_locations(ast.Expression(expr)), "<call>",
                                    "eval"), {"np": np, "x": obj}))  # noqa: S307
        rec["shape"] = ",".join(str(d) for d in v.shape)
        if v.dtype.kind == "f":
            rec["kind"], rec["values"] = "float", [float(x).hex() for x in v.ravel()]
        else:
            rec["kind"], rec["values"] = "int", [int(x) for x in v.ravel()]
    except Exception as e:  # noqa: BLE001 -- the error text is the golden value
        name = "ValueError" if type(e).__name__ == "AxisError" else type(e).__name__
        rec["error"] = "%s: %s" % (name, e)
    rec["after"] = str(int(bg.random_raw()))
    return rec
