#!/usr/bin/env python3
"""Live state round trip between NumPy and nprandom (the CTest test nprandom.state_io_live).

    /usr/bin/python3 tools/state_roundtrip_live.py <path to the state_io_live program>

For each bit generator and RandomState (with a cached gaussian): Python draws a little, saves its
state as JSON (tools/state_json.py), the C++ program loads it, draws N values and saves its own
state as JSON; Python checks that the C++ draws equal its own continuation, that the C++ state
text equals Python's text for the same state byte for byte, and that NumPy accepts the C++ text
and continues identically. Exits 77 (CTest: skipped) when NumPy cannot be imported.
"""
import os
import subprocess
import sys
import tempfile

try:
    import numpy as np
except ImportError:
    print("NumPy is not importable: skipping")
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from state_json import dumps, loads  # noqa: E402

N = 1000


def run_cpp(prog, kind, text, n, tmp):
    src, dst = os.path.join(tmp, "in.json"), os.path.join(tmp, "out.json")
    with open(src, "w") as f:
        f.write(text)
    out = subprocess.run([prog, kind, src, str(n), dst], check=True, capture_output=True, text=True)
    with open(dst) as f:
        return out.stdout.split(), f.read()


def main(prog):
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in ["MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64"]:
            bg = getattr(np.random, name)(20240611)
            bg.random_raw(3)
            np.random.Generator(bg).integers(0, 2**32, dtype=np.uint32)  # a buffered half
            draws, cpp_state = run_cpp(prog, name, dumps(bg.state), N, tmp)
            ok = [int(x) for x in draws] == bg.random_raw(N).tolist() and cpp_state == dumps(bg.state)
            twin = getattr(np.random, name)()
            twin.state = loads(cpp_state)
            ok = ok and twin.random_raw(100).tolist() == bg.random_raw(100).tolist()
            print(f"{name}: {'ok' if ok else 'MISMATCH'}")
            failures += not ok
        rs = np.random.RandomState(2024)
        rs.standard_normal(3)  # odd: a cached gaussian
        assert rs.get_state()[3] == 1
        start = rs.get_state()
        for form in (rs.get_state(), rs.get_state(legacy=False)):
            rs.set_state(start)
            draws, cpp_state = run_cpp(prog, "RandomState", dumps(form), N, tmp)
            ok = [float.fromhex(x) for x in draws] == rs.standard_normal(N).tolist()
            ok = ok and cpp_state == dumps(rs.get_state())
            twin = np.random.RandomState()
            twin.set_state(tuple(loads(cpp_state)))
            ok = ok and twin.standard_normal(101).tolist() == rs.standard_normal(101).tolist()
            print(f"RandomState ({'tuple' if isinstance(form, tuple) else 'dict'}): "
                  f"{'ok' if ok else 'MISMATCH'}")
            failures += not ok
    print(f"NumPy {np.__version__}: {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
