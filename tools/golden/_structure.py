"""Structured fields of a golden call (used by tools/make_golden.py).

A golden record is a NumPy call; the C++ tests must not parse Python. This module reads the call
once, here, with Python's own parser (ast) and returns the fields the tests use:

  front   Generator | RandomState | facade | bitgen | SeedSequence | expr
  bitgen  MT19937 | PCG64 | PCG64DXSM | Philox | SFC64 | -      (default_rng -> PCG64)
  seed    the seed argument as a typed value (see fmt_value), or -
  method  the method called on the front end, or -
  args    typed positional and keyword arguments, space separated (size and dtype excluded)
  size    - (none) | n | a,b (a shape) | () (the 0-d shape, size=())
  dtype   - (the method's default) | NumPy's dtype name (float32, uint8, bool, ...)
  form    how the expected values come out of the call:
            call          the call's result (flattened row-major)
            tail:N        its last N values (call[-N:])
            stride:K      every K-th value (call[::K])
            absgt:T       the values x with |x| > T, in order ((lambda x: x[np.abs(x) > T])(call))
            repeat:K      K scalar calls, one value each
            call>raw:N    the call, then bit_generator.random_raw(N): the expected values
            repeat:K>raw:N, call>legacy-state, repeat:K>legacy-state, call>gen-state,
            repeat:K>gen-state   (the probes LEGACY_STATE and GEN_STATE below)
            call>u32      the call, then the next raw uint32 (the probe NEXT_U32 below)
            array:D       the call's whole result, an array of shape D ("4,2,3"; "" for 0-d),
                          row-major (families whose module defines evaluate(), e.g. broadcast)
            expr          anything else: the test builds it from the id, the call column says what

Typed values: int:<decimal>, float:<Python repr, exact round trip>, bool:True|False, str:<text>,
none:, ints:<a,b,...>, floats:<a,b,...>, intss:<a,b;c,d> (rows), floatss:<...>, intarr:<dims>|<values>
and floatarr:<dims>|<values> (an array of any number of dimensions, e.g. np.arange(24).reshape(2,
3, 4) is intarr:2,3,4|0,1,...,23; values row-major, dims "" for 0-d), and py:<source text> for
anything else. A keyword argument is written name=<typed value>.
"""
import ast

BITGENS = ("MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64")
# State probes used by the family modules (their exact text).
LEGACY_STATE = ("[float(r.get_state()[2]), float(r.get_state()[3]), r.get_state()[4], "
                "float(r.randint(0, 2**32, dtype=np.uint32))]")
NEXT_U32 = "[int(r.randint(0, 2**32, dtype=np.uint32))]"
GEN_STATE = ("np.array([int(x) for x in g.bit_generator.random_raw(2)] + "
             "[int(g.integers(0, 2**32, dtype=np.uint32))], dtype=object)")
FACADE = ("seed", "rand", "randn", "randint", "random_integers", "random_sample", "random",
          "ranf", "sample", "choice", "bytes", "shuffle", "permutation", "get_state", "set_state",
          # the distributions of the np.random module (RandomState's methods)
          "beta", "binomial", "chisquare", "dirichlet", "exponential", "f", "gamma", "geometric",
          "gumbel", "hypergeometric", "laplace", "logistic", "lognormal", "logseries",
          "multinomial", "multivariate_normal", "negative_binomial", "noncentral_chisquare",
          "noncentral_f", "normal", "pareto", "poisson", "power", "rayleigh", "standard_cauchy",
          "standard_exponential", "standard_gamma", "standard_normal", "standard_t", "triangular",
          "uniform", "vonmises", "wald", "weibull", "zipf")


def _src(node):
    return ast.unparse(node)


def _py(node):
    """py:<source text without spaces> (fields are space separated)."""
    return "py:" + _src(node).replace(" ", "")


def _np_attr(node):
    """'x' for np.random.x, else None."""
    if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
            and node.value.attr == "random" and isinstance(node.value.value, ast.Name)
            and node.value.value.id == "np"):
        return node.attr
    return None


def _num(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return "int", str(v)
    if isinstance(v, float):
        return "float", repr(v)
    return None


def _ndarray(v, np):
    """intarr:/floatarr: text of an ndarray, or of a nested list of depth >= 3; else None."""
    if isinstance(v, np.ndarray):
        a = v
    elif (isinstance(v, list) and v and isinstance(v[0], list) and v[0]
          and isinstance(v[0][0], list)):
        try:
            a = np.array(v)
        except ValueError:
            return None
    else:
        return None
    dims = ",".join(str(d) for d in a.shape)
    if a.dtype.kind in "iu":
        return f"intarr:{dims}|" + ",".join(str(int(x)) for x in a.ravel())
    if a.dtype.kind == "f":
        return f"floatarr:{dims}|" + ",".join(repr(float(x)) for x in a.ravel())
    return None


def fmt_value(node, np):
    """Typed text of an argument expression (evaluated with np in scope)."""
    try:
        v = eval(compile(ast.Expression(node), "<arg>", "eval"), {"np": np})  # noqa: S307
    except Exception:  # noqa: BLE001
        return _py(node)
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, bool):
        return f"bool:{v}"
    if v is None:
        return "none:"
    n = _num(v)
    if n:
        return f"{n[0]}:{n[1]}"
    if isinstance(v, str) and v and all(c.isalnum() or c in "_-." for c in v):
        return "str:" + v
    nd = _ndarray(v, np)
    if nd:
        return nd
    if isinstance(v, (list, tuple)) and not isinstance(node, ast.Call):
        items = [_num(x) for x in v]
        if all(items) and items:
            kinds = {k for k, _ in items}
            if kinds == {"int"}:
                return "ints:" + ",".join(t for _, t in items)
            return "floats:" + ",".join(repr(float(x)) for x in v)
        if v and all(isinstance(r, (list, tuple)) and r and all(_num(x) for x in r) for r in v):
            if all(isinstance(x, int) and not isinstance(x, bool) for r in v for x in r):
                return "intss:" + ";".join(",".join(str(x) for x in r) for r in v)
            return "floatss:" + ";".join(",".join(repr(float(x)) for x in r) for r in v)
        if not v:
            return "ints:"
    return _py(node)


def _dtype_name(node, np):
    try:
        return np.dtype(eval(compile(ast.Expression(node), "<dtype>", "eval"), {"np": np})).name  # noqa: S307
    except Exception:  # noqa: BLE001
        return _py(node)


def _front(node, np):
    """(front, bitgen, seed) of a front-end constructor expression, or None."""
    if not isinstance(node, ast.Call):
        return None
    name = _np_attr(node.func)
    seed = fmt_value(node.args[0], np) if node.args else "-"
    if node.keywords:
        seed = " ".join([seed] + [f"{k.arg}={fmt_value(k.value, np)}" for k in node.keywords])
    if name == "default_rng":
        return "Generator", "PCG64", seed
    if name == "RandomState":
        return "RandomState", "MT19937", seed
    if name == "SeedSequence":
        return "SeedSequence", "-", seed
    if name in BITGENS:
        return "bitgen", name, seed
    if name == "Generator" and len(node.args) == 1 and not node.keywords:
        inner = _front(node.args[0], np)
        if inner and inner[0] == "bitgen":
            return "Generator", inner[1], inner[2]
    return None


def _method_call(call, np, receiver):
    """(method, args, size, dtype) of receiver.method(...), receiver a Name id or a front node."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return None
    if isinstance(receiver, str):
        if not (isinstance(call.func.value, ast.Name) and call.func.value.id == receiver):
            return None
    args = [fmt_value(a, np) for a in call.args]
    size, dtype = "-", "-"
    for k in call.keywords:
        if k.arg == "size":
            size = _size(k.value, np)
        elif k.arg == "dtype":
            dtype = _dtype_name(k.value, np)
        else:
            args.append(f"{k.arg}={fmt_value(k.value, np)}")
    return call.func.attr, " ".join(args) if args else "-", size, dtype


def _size(node, np):
    t = fmt_value(node, np)
    if t.startswith("int:"):
        return t[4:]
    if t == "ints:":
        return "()"
    if t.startswith("ints:"):
        return t[5:]
    if t == "none:":
        return "-"
    return t


def _probe(node, var):
    """Name of the state probe expression `node` on variable var, or None."""
    text = _src(node)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "random_raw" and _src(node.func.value) == f"{var}.bit_generator"
            and len(node.args) == 1 and isinstance(node.args[0], ast.Constant)):
        return f"raw:{node.args[0].value}"
    if text == _src(ast.parse(LEGACY_STATE.replace("r.", var + "."), mode="eval").body):
        return "legacy-state"
    if text == _src(ast.parse(GEN_STATE.replace("g.", var + "."), mode="eval").body):
        return "gen-state"
    if text == _src(ast.parse(NEXT_U32.replace("r.", var + "."), mode="eval").body):
        return "u32"
    return None


def _repeat(node, var, np):
    """(K, method call fields) of [var.m(...) for _ in range(K)], or None."""
    if not (isinstance(node, ast.ListComp) and len(node.generators) == 1):
        return None
    gen = node.generators[0]
    if not (isinstance(gen.iter, ast.Call) and _src(gen.iter.func) == "range"
            and len(gen.iter.args) == 1 and isinstance(gen.iter.args[0], ast.Constant)
            and not gen.ifs):
        return None
    mc = _method_call(node.elt, np, var)
    if mc is None:
        return None
    return gen.iter.args[0].value, mc


def structure(call, np):
    """Dict of the structured fields of one golden call text."""
    out = dict(front="expr", bitgen="-", seed="-", method="-", args="-", size="-", dtype="-",
               form="expr")
    expr = ast.parse(call, mode="eval").body
    tail = None
    if isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Slice):
        sl = expr.slice
        if (sl.upper is None and sl.step is None and isinstance(sl.lower, ast.UnaryOp)
                and isinstance(sl.lower.op, ast.USub) and isinstance(sl.lower.operand, ast.Constant)):
            tail, expr = f"tail:{sl.lower.operand.value}", expr.value
        elif (sl.lower is None and sl.upper is None and isinstance(sl.step, ast.Constant)):
            tail, expr = f"stride:{sl.step.value}", expr.value
    # receiver.method(...) on a front-end constructor
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        fr = _front(expr.func.value, np)
        if (fr is None and isinstance(expr.func.value, ast.Attribute)
                and expr.func.value.attr == "bit_generator"):
            fr = _front(expr.func.value.value, np)
            if fr is not None:
                fr = ("bitgen",) + fr[1:]
        if fr is not None:
            mc = _method_call(expr, np, None)
            out.update(front=fr[0], bitgen=fr[1], seed=fr[2], method=mc[0], args=mc[1],
                       size=mc[2], dtype=mc[3], form="call" if tail is None else tail)
            return out
        if _np_attr(expr.func) in FACADE and tail is None:
            mc = _method_call(expr, np, None)
            out.update(front="facade", bitgen="MT19937", method=mc[0], args=mc[1], size=mc[2],
                       dtype=mc[3], form="call")
            return out
    if tail is not None:
        return out
    # (lambda x: x[np.abs(x) > T])(CALL)
    if (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Lambda) and len(expr.args) == 1
            and len(expr.func.args.args) == 1):
        x = expr.func.args.args[0].arg
        body = expr.func.body
        if (isinstance(body, ast.Subscript) and _src(body.value) == x
                and isinstance(body.slice, ast.Compare) and len(body.slice.ops) == 1
                and isinstance(body.slice.ops[0], ast.Gt)
                and _src(body.slice.left) == f"np.abs({x})"
                and isinstance(body.slice.comparators[0], ast.Constant)):
            inner = structure(_src(expr.args[0]), np)
            if inner["form"] == "call":
                inner["form"] = f"absgt:{body.slice.comparators[0].value!r}"
                return inner
    # (lambda v: BODY)(FRONT)
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Lambda) and len(expr.args) == 1
            and len(expr.func.args.args) == 1):
        return out
    fr = _front(expr.args[0], np)
    if fr is None:
        return out
    out.update(front=fr[0], bitgen=fr[1], seed=fr[2])
    var = expr.func.args.args[0].arg
    body = expr.func.body
    first, probe = body, None
    # (FIRST, PROBE)[1]
    if (isinstance(body, ast.Subscript) and isinstance(body.value, ast.Tuple)
            and len(body.value.elts) == 2 and isinstance(body.slice, ast.Constant)
            and body.slice.value == 1):
        first, probe = body.value.elts
        probe = _probe(probe, var)
        if probe is None:
            return out
    rep = _repeat(first, var, np)
    if rep is not None:
        k, mc = rep
        form = f"repeat:{k}"
    else:
        mc = _method_call(first, np, var)
        if mc is None:
            return out
        form = "call"
    if probe is None and form == "call":
        return out  # a lambda around one call: keep it as an expression
    out.update(method=mc[0], args=mc[1], size=mc[2], dtype=mc[3],
               form=form if probe is None else f"{form}>{probe}")
    return out
