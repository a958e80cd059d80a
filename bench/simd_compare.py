#!/usr/bin/env python3
"""Medians of the SIMD dispatch paths against NumPy, interleaved on a noisy machine (issue 12).

Runs the benchmark binaries of one or more build directories (e.g. -O2 and -O3 -march=native)
once per dispatch path (NPRANDOM_SIMD=portable|avx2|avx512) and NumPy's twin of every key
(tools/bench_compare.py's table), round after round, so that a burst of load from other jobs
hits every configuration alike; prints the median ns/value of each and the NumPy/nprandom ratio
as a Markdown table. NPRANDOM_SIMD=portable runs the code of the previous release for these
methods (the 4-lane scalar raw loop, the scalar double loops): it is the "before" column.

  /usr/bin/python3 bench/simd_compare.py --build-once "main O2=build/main-O2" \
      --build O2=build/bench-O2 --build native=build/bench-native --rounds 5
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import bench_compare  # noqa: E402  (NumPy twins and timing)

DEFAULT_FILTER = ("^(random_raw|next_double)/PCG64(DXSM)?$|^Generator\\.random(<float>)?$|"
                  "^Generator\\.uniform$")
LEVELS = ["portable", "avx2", "avx512"]


def run_cpp(build_dir: pathlib.Path, level: str, filt: str, min_time: float) -> dict:
    out = {}
    env = dict(os.environ, NPRANDOM_SIMD=level)
    for name in ("bench_bitgen", "bench_generator"):
        exe = build_dir / "bench" / name
        if not exe.exists():
            continue
        cmd = [str(exe), "--benchmark_format=json", f"--benchmark_min_time={min_time}",
               f"--benchmark_filter={filt}"]
        data = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True,
                                         env=env).stdout)
        for b in data["benchmarks"]:
            scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
            n = float(b.get("n", 1.0))
            out[b.get("run_name", b["name"])] = (b["cpu_time"] * scale / n, int(n))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", action="append", required=True, help="LABEL=DIR (repeatable)")
    ap.add_argument("--build-once", action="append", default=[],
                    help="LABEL=DIR run once per round, no NPRANDOM_SIMD (a tree without the "
                    "dispatch, e.g. the previous release)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--filter", default=DEFAULT_FILTER)
    ap.add_argument("--min-time", type=float, default=0.3)
    args = ap.parse_args()
    builds = [(b.split("=", 1)[0], pathlib.Path(b.split("=", 1)[1])) for b in args.build]
    once = [(b.split("=", 1)[0], pathlib.Path(b.split("=", 1)[1])) for b in args.build_once]

    samples: dict = {}  # (key, column) -> [ns]
    counts: dict = {}
    for r in range(args.rounds):
        for label, d in once:
            for key, (ns, n) in run_cpp(d, "", args.filter, args.min_time).items():
                samples.setdefault((key, label), []).append(ns)
                counts[key] = n
        for label, d in builds:
            for level in LEVELS:
                for key, (ns, n) in run_cpp(d, level, args.filter, args.min_time).items():
                    samples.setdefault((key, f"{label} {level}"), []).append(ns)
                    counts[key] = n
        for key, n in counts.items():
            ns = bench_compare.run_numpy(key, n, 1)
            if ns is not None:
                samples.setdefault((key, "NumPy"), []).append(ns)
        print(f"round {r + 1}/{args.rounds} done, load {bench_compare.load_average()}",
              file=sys.stderr)

    cols = [label for label, _ in once]
    cols += [f"{label} {level}" for label, _ in builds for level in LEVELS]
    print("| benchmark | NumPy | " + " | ".join(cols) + " |")
    print("|---|---:|" + "---:|" * len(cols))
    for key in counts:
        np_ns = statistics.median(samples.get((key, "NumPy"), [float("nan")]))
        cells = []
        for c in cols:
            v = samples.get((key, c))
            if not v:
                cells.append("-")
                continue
            m = statistics.median(v)
            cells.append(f"{m:.3f} ({np_ns / m:.2f}x)")
        print(f"| `{key}` | {np_ns:.3f} | " + " | ".join(cells) + " |")
    print(f"\nMedians of {args.rounds} interleaved rounds, ns/value (NumPy/nprandom in brackets); "
          f"load average at the end: {bench_compare.load_average()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
