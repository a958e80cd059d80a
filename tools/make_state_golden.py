#!/usr/bin/env python3
"""Write tests/data/state_io.tsv from real NumPy: state JSON text and the draws that follow it.

    /usr/bin/python3 tools/make_state_golden.py            # writes tests/data/state_io.tsv
    /usr/bin/python3 tools/make_state_golden.py --check    # exit 1 if it differs (skips when
                                                           # the local NumPy is not the one used)

Every record is one line, tab separated:  id <TAB> kind <TAB> field <TAB> field ...
  bitgen   id  state_json  u32 draws  raw draws  state_json_after
           Python's json text of bit_generator.state (tools/state_json.py), then 4 next_uint32
           values (Generator.integers(0, 2**32, 4, dtype=uint32): raw buffered halves), then 6
           random_raw values, then the state text after those draws.
  rs       id  legacy_json  dict_json  normals(hex)  uniforms(hex)  legacy_json_after  dict_json_after
           RandomState.get_state() (tuple as array) and get_state(legacy=False), then 3
           standard_normal and 2 random_sample values, then both state texts again.
  ss       id  state_json  generate_state(6, uint32)
  float    id  hex  repr        (Python's repr of a double, as json.dumps writes it)
Bit generators, SeedSequence and the legacy gauss are identical in NumPy 1.24.2 and 2.5.
"""
import os
import random
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from state_json import dumps  # noqa: E402

OUT = os.path.join(os.path.dirname(HERE), "tests", "data", "state_io.tsv")
BITGENS = ["MT19937", "PCG64", "PCG64DXSM", "Philox", "SFC64"]


def ints(xs):
    return " ".join(str(int(x)) for x in xs)


def hexes(xs):
    return " ".join(float(x).hex() for x in xs)


def bitgen_record(cid, bg):
    before = dumps(bg.state)
    u32 = np.random.Generator(bg).integers(0, 2**32, size=4, dtype=np.uint32)
    raw = bg.random_raw(6)
    return [cid, "bitgen", before, ints(u32), ints(raw), dumps(bg.state)]


def main():
    rows = []
    for name in BITGENS:
        cls = getattr(np.random, name)
        for seed in [0, 12345, 2**64 - 1]:
            bg = cls(seed)
            rows.append(bitgen_record(f"{name}/seed={seed}/fresh", bg))
            bg = cls(seed)
            bg.random_raw(7)
            np.random.Generator(bg).integers(0, 2**32, size=1, dtype=np.uint32)  # has_uint32 = 1
            rows.append(bitgen_record(f"{name}/seed={seed}/after-7-raw-1-u32", bg))
        bg = cls(7)
        bg.random_raw(1000)  # MT19937 past a twist; Philox mid-buffer
        rows.append(bitgen_record(f"{name}/seed=7/after-1000-raw", bg))
    # Philox with every buffer position, and a counter close to wrapping.
    for k in range(5):
        bg = np.random.Philox(counter=(2**64 - 1) + ((2**64 - 1) << 64) + (5 << 128), key=3 + ((2**64 - 2) << 64))
        bg.random_raw(k)
        rows.append(bitgen_record(f"Philox/key/after-{k}-raw", bg))
    # PCG64 with an explicit 128-bit state/inc near 2**128.
    for name in ["PCG64", "PCG64DXSM"]:
        bg = getattr(np.random, name)(1)
        st = bg.state
        st["state"]["state"] = 2**128 - 3
        st["state"]["inc"] = 2**128 - 1
        st["has_uint32"] = 1
        st["uinteger"] = 2**32 - 1
        bg.state = st
        rows.append(bitgen_record(f"{name}/max-state", bg))

    # RandomState: legacy tuple and dict forms, with and without a cached gaussian.
    for seed in [0, 5, 2**32 - 1]:
        for n_normals in [0, 1, 2, 701]:
            rs = np.random.RandomState(seed)
            rs.standard_normal(n_normals)
            cid = f"RandomState/seed={seed}/after-{n_normals}-normals"
            legacy, d = dumps(rs.get_state()), dumps(rs.get_state(legacy=False))
            normals, uniforms = rs.standard_normal(3), rs.random_sample(2)
            rows.append([cid, "rs", legacy, d, hexes(normals), hexes(uniforms),
                         dumps(rs.get_state()), dumps(rs.get_state(legacy=False))])

    # SeedSequence states.
    seqs = {
        "int": np.random.SeedSequence(42),
        "zero": np.random.SeedSequence(0),
        "wide": np.random.SeedSequence(2**100 + 7),
        "spawned": np.random.SeedSequence(42).spawn(3)[2],
        "pool8": np.random.SeedSequence(2**64 - 1, spawn_key=(1, 2**64 - 1), pool_size=8),
        "children": np.random.SeedSequence(9, n_children_spawned=5),
        "os": np.random.SeedSequence(0x1234_5678_9ABC_DEF0_0FED_CBA9_8765_4321),
    }
    for key, ss in seqs.items():
        rows.append([f"SeedSequence/{key}", "ss", dumps(ss.state), ints(ss.generate_state(6))])
    # A list entropy: C++ reads it; it writes the same seed as one integer (see state_io.hpp).
    ss = np.random.SeedSequence([1, 2**40, 3], spawn_key=(4, 5))
    rows.append(["SeedSequence/list", "ss", dumps(ss.state), ints(ss.generate_state(6))])

    # Python's float repr over many magnitudes (the "gauss" field's text).
    rnd = random.Random(20240611)
    values = [0.0, -0.0, 1.0, -1.0, 0.1, 1e-5, 1e-4, 1e15, 1e16, 1.5e16, 123456789012345.6,
              1234567890123456.0, 2.0**-1074, 5e-324, 1.7976931348623157e308, 2.0**52, 2.0**53,
              0.30471707975443135, 9007199254740993.0, 1e22, 1e23, 1.1e-300]
    for _ in range(300):
        values.append(rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-320, 308))
    for _ in range(100):
        values.append(float(np.random.RandomState(rnd.randrange(2**32)).standard_normal()))
    for i, v in enumerate(values):
        rows.append([f"float/{i}", "float", float(v).hex(), repr(v)])

    head = (f"# nprandom golden data for state_io: generated by tools/make_state_golden.py "
            f"-- do not edit. NumPy {np.__version__}\n")
    for r in rows:
        assert all("\t" not in x and "\n" not in x for x in r)
    text = head + "".join("\t".join(r) + "\n" for r in rows)
    if "--check" in sys.argv[1:]:
        try:
            with open(OUT) as f:
                have = f.read()
        except OSError:
            have = ""
        first = have.split("\n", 1)[0]
        if first.split("NumPy ")[-1] != np.__version__:
            print(f"make_state_golden --check: SKIP (committed data from {first.split('NumPy ')[-1]}, "
                  f"local NumPy is {np.__version__})")
            return
        ok = have == text
        print(f"make_state_golden --check: tests/data/state_io.tsv: {'ok' if ok else 'STALE'}")
        if not ok:
            sys.exit(1)
        return
    with open(OUT, "w") as f:
        f.write(text)
    print(f"{OUT}: {len(rows)} records")


if __name__ == "__main__":
    main()
