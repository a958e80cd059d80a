#!/usr/bin/env python3
"""Write tests/data/<family>.tsv, the golden data of the nprandom tests, from real NumPy.

    /usr/bin/python3 tools/make_golden.py --all            # every family
    /usr/bin/python3 tools/make_golden.py <family> ...     # some families
    /usr/bin/python3 tools/make_golden.py --check          # exit 1 if committed data differs

Each family is a module tools/golden/<family>.py defining CALLS = [(id, python_expr), ...]
(np = numpy; the result is flattened row-major). Output: a header, then one record per line, tab
separated, columns

    id numpy front bitgen seed method args size dtype form kind expected call

  numpy     the NumPy version that produced the expected values: the local NumPy's version, or
            2.5.2 for records taken from tests/data/reference/numpy-2.5.2.jsonl; "model" for
            records that are NOT NumPy output (ids "model25/...": NumPy 2.5 behaviour rebuilt from
            NumPy's streams, see the family module).
  front .. form   the call as structured fields (tools/golden/_structure.py explains them); the
            C++ tests read these, never the call text.
  kind      int | float | error
  expected  space-separated decimal ints or float.hex() doubles; for errors "Class: message"
  call      the Python call, for people and for this script (the C++ reader only prints it)
  after     (only in families whose module sets EXTRA_COLUMN = "after": broadcast) the bit generator's
            next raw word after the call, decimal -- the final state, also after an error

nprandom targets NumPy 2.5. If a call's exact text appears in the committed NumPy 2.5.2 reference
(tests/data/reference/numpy-2.5.2.jsonl, from the shared reference set), that record is used
(numpy 2.5.2). Otherwise the call is evaluated with the local NumPy. Ids prefixed "v25:" must come
from the 2.5.2 reference; the script fails if they do not. Which locally evaluated calls still
hold for 2.5 is argued in each family module's docstring; calls whose result changed after the
local NumPy are never evaluated locally.

The special family "reference" turns every record of the 2.5.2 reference file into golden data,
keeping its ids.

--check regenerates every family in memory and compares with the committed files. If the local
NumPy is not the version the committed data was made with, the locally evaluated records cannot
be reproduced: --check says so and skips (exit 0), after still checking the "reference" family.
"""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
from _structure import structure  # noqa: E402

ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "tests", "data")
REF = os.path.join(DATA, "reference", "numpy-2.5.2.jsonl")


def load_reference():
    by_call, records = {}, []
    with open(REF) as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] == "_meta":
                continue
            records.append(rec)
            by_call.setdefault(rec["call"], rec)
    return by_call, records


def fmt_payload(rec):
    if "error" in rec:
        return "error", rec["error"].replace("\t", " ").replace("\n", " ")
    return rec["kind"], " ".join(str(v) for v in rec["values"])


COLUMNS = ["id", "numpy", "front", "bitgen", "seed", "method", "args", "size", "dtype", "form",
           "kind", "expected", "call"]


def flat(v, np):
    if isinstance(v, (bytes, bytearray)):
        return np.frombuffer(bytes(v), dtype=np.uint8)
    if isinstance(v, (list, tuple)) and v and any(isinstance(x, np.ndarray) for x in v):
        return np.concatenate([np.asarray(x).ravel() for x in v])
    return np.asarray(v).ravel()


def evaluate(call, np):
    rec = {}
    try:
        a = flat(eval(call, {"np": np}), np)
        if a.dtype.kind == "f":
            rec["kind"], rec["values"] = "float", [float(x).hex() for x in a.astype(np.float64)]
        elif a.dtype.kind in "iub":
            rec["kind"], rec["values"] = "int", [int(x) for x in a]
        else:  # object arrays of Python ints (e.g. 128-bit states)
            rec["kind"], rec["values"] = "int", [int(x) for x in a]
    except Exception as e:  # noqa: BLE001 - the error is the reference
        rec["error"] = f"{type(e).__name__}: {e}"
    return rec


def family_module(name):
    path = os.path.join(HERE, "golden", name + ".py")
    spec = importlib.util.spec_from_file_location("golden_" + name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def family_text(name, by_call, ref_records, np):
    mod = None if name == "reference" else family_module(name)
    calls = [(r["id"], r["call"]) for r in ref_records] if mod is None else list(mod.CALLS)
    # A family module may evaluate its calls itself (evaluate(call, np) -> the record, with the
    # result's "shape": form array:<dims>) and write one extra column after `call` (EXTRA_COLUMN: its
    # name; the record's value under that name).
    own_eval = getattr(mod, "evaluate", None)
    after = getattr(mod, "EXTRA_COLUMN", None)
    # A family module may give the structured fields of a record whose call text is a model
    # expression (STRUCTURE: id -> {field: value}), so that tests need not read them from the id.
    overrides = getattr(mod, "STRUCTURE", {})
    ids = [c[0] for c in calls]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"{name}: duplicate ids {sorted(dup)[:5]}")
    lines = [f"# nprandom golden data, family '{name}': generated by tools/make_golden.py -- do not edit.",
             f"# local NumPy {np.__version__}; numpy column: the version that produced each record "
             "(2.5.2: tests/data/reference; model: NOT NumPy output, see tools/golden/).",
             "#" + "\t".join(COLUMNS + ([after] if after else []))]
    n_ref = n_model = 0
    for cid, call in calls:
        if "\t" in call or "\n" in call:
            sys.exit(f"{cid}: call text must not contain tabs/newlines")
        if call in by_call:
            rec, version = by_call[call], "2.5.2"
            n_ref += 1
        elif cid.startswith("v25:"):
            sys.exit(f"{cid}: must come from the NumPy 2.5.2 reference, but its call is not there: {call}")
        else:
            rec, version = (own_eval or evaluate)(call, np), np.__version__
            if cid.startswith("model25/"):
                version = "model"
                n_model += 1
        kind, payload = fmt_payload(rec)
        st = structure(call, np)
        st.update(overrides.get(cid, {}))
        if "shape" in rec and st["form"] == "call":
            st["form"] = "array:" + rec["shape"]
        fields = [cid, version] + [st[c] for c in COLUMNS[2:10]] + [kind, payload, call]
        if after:
            fields.append(rec[after])
        for f in fields:
            if "\t" in f or "\n" in f:
                sys.exit(f"{cid}: field with a tab or newline: {f!r}")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n", len(calls), n_ref, n_model


def committed_numpy(path):
    """The local NumPy version recorded in a committed family file, or None."""
    try:
        with open(path) as f:
            for line in f:
                if line.startswith("# local NumPy "):
                    return line.split()[3].rstrip(";")
    except OSError:
        pass
    return None


def all_families():
    return ["reference"] + sorted(f[:-3] for f in os.listdir(os.path.join(HERE, "golden"))
                                  if f.endswith(".py") and not f.startswith("_"))


def main(argv):
    import numpy as np
    by_call, ref_records = load_reference()
    names = argv[1:]
    check = "--check" in names
    names = [n for n in names if n != "--check"]
    if names == ["--all"] or (check and not names):
        names = all_families()
    if not names:
        sys.exit(__doc__)
    stale = []
    for name in names:
        out = os.path.join(DATA, name + ".tsv")
        if check:
            have = committed_numpy(out)
            if name != "reference" and have != np.__version__:
                print(f"make_golden --check: SKIP {name}: committed data is from NumPy {have}, "
                      f"local NumPy is {np.__version__}")
                continue
        text, n, n_ref, n_model = family_text(name, by_call, ref_records, np)
        if check:
            try:
                with open(out) as f:
                    same = f.read() == text
            except OSError:
                same = False
            print(f"make_golden --check: {name}: {'ok' if same else 'STALE'} ({n} records)")
            if not same:
                stale.append(out)
            continue
        with open(out, "w") as f:
            f.write(text)
        print(f"{out}: {n} records ({n_ref} from the 2.5.2 reference, {n_model} models)")
    if stale:
        sys.exit("stale golden data (run tools/make_golden.py --all): " + " ".join(stale))


if __name__ == "__main__":
    main(sys.argv)
