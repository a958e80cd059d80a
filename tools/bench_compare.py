#!/usr/bin/env python3
"""Time nprandom's Google Benchmark suites and the same NumPy calls in one run; print a table.

Each C++ benchmark (bench/bench_*.cpp) is named by a key such as "random_raw/PCG64" or
"Generator.standard_normal" and reports the number of values one iteration draws as the user
counter "n". This script runs the C++ binaries (JSON output), then times the NumPy twin of every
key listed in NUMPY (below) with timeit on the same count, and prints ns/value for both and the
speed ratio NumPy/nprandom (> 1: nprandom is faster). Best of several repetitions on both sides,
measured in CPU time of the process (both sides single-threaded), which a busy machine disturbs
less than wall time.

Usage (from the repository root, with NumPy's python):
  /usr/bin/python3 tools/bench_compare.py --build              # configure+build the bench preset
  /usr/bin/python3 tools/bench_compare.py --filter 'Generator[.]' # quick console comparison
Options: --build-dir DIR (default build/bench), --filter REGEX, --min-time SECONDS.
docs/benchmarks.md is written by tools/bench_report.py (every method, -O2 and -O3 -march=native,
in a marked section); --write here writes this quick table to a file of its own and refuses a
file holding that marked section.
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import subprocess
import sys
import time
import timeit

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARIES = ["bench_bitgen", "bench_generator"]

# key -> (setup, statement); N is the count the C++ benchmark reported. Goals: bulk raw output
# >= 2x NumPy's random_raw, Generator/RandomState sized draws >= 1.5x NumPy.
G = "g = np.random.Generator(np.random.PCG64(42))"
RS = "rs = np.random.RandomState(42)"
NUMPY = {
    "random_raw/PCG64": ("bg = np.random.PCG64(42)", "bg.random_raw(N)"),
    "random_raw/PCG64DXSM": ("bg = np.random.PCG64DXSM(42)", "bg.random_raw(N)"),
    "random_raw/MT19937": ("bg = np.random.MT19937(42)", "bg.random_raw(N)"),
    "random_raw/Philox": ("bg = np.random.Philox(42)", "bg.random_raw(N)"),
    "random_raw/SFC64": ("bg = np.random.SFC64(42)", "bg.random_raw(N)"),
    "next_double/PCG64": ("g = np.random.Generator(np.random.PCG64(42))", "g.random(N)"),
    "next_double/PCG64DXSM": ("g = np.random.Generator(np.random.PCG64DXSM(42))", "g.random(N)"),
    "next_double/MT19937": ("g = np.random.Generator(np.random.MT19937(42))", "g.random(N)"),
    "next_double/Philox": ("g = np.random.Generator(np.random.Philox(42))", "g.random(N)"),
    "next_double/SFC64": ("g = np.random.Generator(np.random.SFC64(42))", "g.random(N)"),
    "Generator.random": (G, "g.random(N)"),
    "Generator.random<float>": (G, "g.random(N, dtype=np.float32)"),
    "Generator.standard_normal": (G, "g.standard_normal(N)"),
    "Generator.standard_normal<float>": (G, "g.standard_normal(N, dtype=np.float32)"),
    "Generator.normal": (G, "g.normal(1.0, 2.0, N)"),
    "Generator.standard_exponential": (G, "g.standard_exponential(N)"),
    "Generator.standard_gamma(2.5)": (G, "g.standard_gamma(2.5, N)"),
    "Generator.standard_gamma(0.5)": (G, "g.standard_gamma(0.5, N)"),
    "Generator.integers(0,1000)": (G, "g.integers(0, 1000, N)"),
    "Generator.integers<int32>(0,1000)": (G, "g.integers(0, 1000, N, dtype=np.int32)"),
    "Generator.integers<uint8>(0,200)": (G, "g.integers(0, 200, N, dtype=np.uint8)"),
    "Generator.uniform": (G, "g.uniform(-1.0, 1.0, N)"),
    "Generator.beta": (G, "g.beta(2.0, 3.0, N)"),
    "Generator.chisquare": (G, "g.chisquare(3.0, N)"),
    "Generator.lognormal": (G, "g.lognormal(0.0, 1.0, N)"),
    "Generator.poisson(3)": (G, "g.poisson(3.0, N)"),
    "Generator.poisson(100)": (G, "g.poisson(100.0, N)"),
    "Generator.binomial(20,0.3)": (G, "g.binomial(20, 0.3, N)"),
    "Generator.binomial(1000,0.4)": (G, "g.binomial(1000, 0.4, N)"),
    "Generator.geometric": (G, "g.geometric(0.2, N)"),
    "Generator.hypergeometric": (G, "g.hypergeometric(100, 200, 50, N)"),
    "Generator.choice": (G, "g.choice(1000, N)"),
    "Generator.permutation": (G, "g.permutation(N)"),
    "RandomState.rand": (RS, "rs.rand(N)"),
    "RandomState.randn": (RS, "rs.randn(N)"),
    "RandomState.randint(0,1000)": (RS, "rs.randint(0, 1000, N)"),
    "RandomState.standard_exponential": (RS, "rs.standard_exponential(N)"),
    "RandomState.standard_gamma(2.5)": (RS, "rs.standard_gamma(2.5, N)"),
    "RandomState.normal": (RS, "rs.normal(1.0, 2.0, N)"),
    "RandomState.poisson(3)": (RS, "rs.poisson(3.0, N)"),
    "RandomState.binomial(20,0.3)": (RS, "rs.binomial(20, 0.3, N)"),
    "RandomState.beta": (RS, "rs.beta(2.0, 3.0, N)"),
}


def goal(key: str) -> float:
    if key.startswith("random_raw/"):
        return 2.0
    if key.startswith(("Generator.", "RandomState.")):
        return 1.5
    return 0.0


def build(build_dir: pathlib.Path) -> None:
    subprocess.run(["cmake", "--preset", "bench"], cwd=ROOT, check=True)
    subprocess.run(["cmake", "--build", "--preset", "bench"], cwd=ROOT, check=True)


def run_cpp(build_dir: pathlib.Path, filt: str, min_time: float, reps: int):
    results, context = {}, {}
    for name in BINARIES:
        exe = build_dir / "bench" / name
        if not exe.exists():
            print(f"note: {exe} not built; skipping", file=sys.stderr)
            continue
        cmd = [str(exe), "--benchmark_format=json", f"--benchmark_min_time={min_time}",
               f"--benchmark_repetitions={reps}", f"--benchmark_filter={filt}"]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        data = json.loads(out)
        context = data.get("context", context)
        for b in data["benchmarks"]:
            if b.get("run_type") == "aggregate":
                continue
            key = b.get("run_name", b["name"])
            scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
            n = float(b.get("n", 1.0))
            ns_per_value = b["cpu_time"] * scale / n
            prev = results.get(key)
            results[key] = (min(prev[0], ns_per_value) if prev else ns_per_value, int(n))
    return results, context


def run_numpy(key: str, n: int, reps: int) -> float | None:
    if key not in NUMPY:
        return None
    setup, stmt = NUMPY[key]
    glb = {"np": np, "N": n}
    try:
        t = timeit.Timer(stmt, setup=setup, timer=time.process_time, globals=glb)
        number, _ = t.autorange()
        best = min(t.repeat(repeat=reps, number=number)) / number
    except (AttributeError, TypeError, ValueError) as e:  # method absent in this NumPy
        print(f"note: NumPy cannot run {key}: {e}", file=sys.stderr)
        return None
    return best * 1e9 / n


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def machine_info(build_dir: pathlib.Path, context: dict) -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cxx, flags, btype = "unknown", "", ""
    cache = build_dir / "CMakeCache.txt"
    if cache.exists():
        text = cache.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"^CMAKE_CXX_COMPILER:\w+=(.*)$", text, re.M)
        if m:
            ver = subprocess.run([m.group(1), "--version"], capture_output=True, text=True).stdout
            cxx = ver.splitlines()[0] if ver else m.group(1)
        btype = (re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", text, re.M) or [None, ""])[1]
        flags = (re.search(r"^CMAKE_CXX_FLAGS_RELEASE:\w+=(.*)$", text, re.M) or [None, ""])[1]
    return [
        f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {cpu}; {os.cpu_count()} logical CPUs "
        f"(Google Benchmark saw {context.get('num_cpus', '?')} at {context.get('mhz_per_cpu', '?')} MHz)",
        f"- OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"- C++: {cxx}, CMake build type {btype} ({flags} -ffp-contract=off), Google Benchmark "
        f"{context.get('library_version') or '(Debian libbenchmark-dev)'}",
        f"- NumPy {np.__version__} on Python {platform.python_version()}",
        f"- Load average at the end of the run: {load_average()} (other jobs share the machine: "
        "compare ratios, not absolute times)",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build-dir", type=pathlib.Path, default=ROOT / "build" / "bench")
    ap.add_argument("--build", action="store_true", help="configure and build the bench preset")
    ap.add_argument("--filter", default=".", help="regex on benchmark keys")
    ap.add_argument("--min-time", type=float, default=0.2)
    ap.add_argument("--repetitions", type=int, default=3)
    ap.add_argument("--write", type=pathlib.Path, help="also write a Markdown report here")
    args = ap.parse_args()

    if args.build:
        build(args.build_dir)
    cpp, context = run_cpp(args.build_dir, args.filter, args.min_time, args.repetitions)
    if not cpp:
        sys.exit("no benchmark results; build with: cmake --workflow --preset bench "
                 "(or pass --build)")
    rows = []
    for key, (cpp_ns, n) in cpp.items():
        np_ns = run_numpy(key, n, args.repetitions)
        ratio = np_ns / cpp_ns if np_ns else None
        g = goal(key)
        status = "" if ratio is None or not g else ("ok" if ratio >= g else f"below {g:g}x")
        rows.append((key, n, cpp_ns, np_ns, ratio, g, status))

    header = "| benchmark | n | nprandom ns/value | NumPy ns/value | NumPy/nprandom | goal |"
    lines = [header, "|---|---:|---:|---:|---:|---|"]
    for key, n, cpp_ns, np_ns, ratio, g, status in rows:
        lines.append(
            f"| `{key}` | {n} | {cpp_ns:.3f} | {'-' if np_ns is None else f'{np_ns:.3f}'} | "
            f"{'-' if ratio is None else f'{ratio:.2f}x'} | "
            f"{(f'>= {g:g}x ' + status) if g and ratio is not None else '-'} |")
    table = "\n".join(lines)
    print(table)
    misses = [r[0] for r in rows if r[6].startswith("below")]
    if misses:
        print(f"\n{len(misses)} benchmark(s) below goal: {', '.join(misses)}")

    if args.write and args.write.exists() and \
            "<!-- bench:begin -->" in args.write.read_text(encoding="utf-8"):
        sys.exit(f"{args.write} holds the section tools/bench_report.py generates; not "
                 "overwriting it (regenerate it with tools/bench_report.py)")
    if args.write:
        info = machine_info(args.build_dir, context)
        doc = [
            "# Benchmarks: nprandom vs NumPy",
            "",
            "Generated by `/usr/bin/python3 tools/bench_compare.py --build --write docs/benchmarks.md`",
            "(C++: the Google Benchmark suites in `bench/`, `bench` preset; NumPy: `timeit` on the",
            "same calls with the same counts, in the same run). CPU time per value drawn, best of",
            f"{args.repetitions} repetitions on each side; ratio > 1 means nprandom is faster. NumPy's",
            "sized calls include its per-call Python overhead, negligible at these counts.",
            "",
            "Machine:",
            "",
            *info,
            "",
            table,
            "",
        ]
        if misses:
            doc += [f"Below goal in this run: {', '.join(f'`{m}`' for m in misses)}.", ""]
        args.write.write_text("\n".join(doc), encoding="utf-8")
        print(f"\nwrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
