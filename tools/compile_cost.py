#!/usr/bin/env python3
"""Measure what including nprandom costs a translation unit, against <random> and <iostream>.

Each case is a hello-world that includes one header and draws one value; it is compiled with
`-c` (object to a temporary file) by every compiler found (g++, clang++) at -O0 and -O2, each
`--runs` times. The table gives the median wall time and the median CPU time (user + sys of the
compiler process), in seconds; CPU time is what a busy machine disturbs least. The last columns
are the difference nprandom - <random> (issue 11's target: within +0.5 s).

  python3 tools/compile_cost.py                      # prints a Markdown table
  python3 tools/compile_cost.py --runs 7 --std c++20
"""
import argparse
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

CASES = {
    "<cstdio>": "#include <cstdio>\nint main() { std::puts(\"1\"); }\n",
    "<iostream>": "#include <iostream>\nint main() { std::cout << 1 << '\\n'; }\n",
    "<random>": "#include <random>\n#include <cstdio>\n"
                "int main() { std::mt19937_64 g(42);\n"
                "  std::printf(\"%f\\n\", std::uniform_real_distribution<double>(0, 1)(g)); }\n",
    "nprandom.hpp": "#include <nprandom/nprandom.hpp>\n#include <cstdio>\n"
                    "int main() { std::printf(\"%f\\n\", nprandom::default_rng(42).random()); }\n",
    "nprandom.hpp (facade)": "#include <nprandom/nprandom.hpp>\n#include <cstdio>\n"
                             "int main() { nprandom::seed(42);\n"
                             "  std::printf(\"%f\\n\", nprandom::rand()); }\n",
    "generator.hpp": "#include <nprandom/generator.hpp>\n#include <cstdio>\n"
                     "int main() { std::printf(\"%f\\n\", nprandom::default_rng(42).random()); }\n",
    "state_io.hpp (opt-in)": "#include <nprandom/state_io.hpp>\n#include <cstdio>\n"
                             "int main() { std::printf(\"%s\\n\",\n"
                             "  nprandom::get_state_json(nprandom::PCG64(42)).c_str()); }\n",
}


def compile_once(cxx, std, opt, src, obj):
    cmd = [cxx, f"-std={std}", opt, "-I", str(ROOT / "include"), "-c", str(src), "-o", str(obj)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--std", default="c++17")
    ap.add_argument("--compilers", default="g++,clang++")
    args = ap.parse_args()
    compilers = [c for c in args.compilers.split(",") if shutil.which(c)]
    opts = ["-O0", "-O2"]
    samples = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        srcs = {}
        for i, (name, text) in enumerate(CASES.items()):
            srcs[name] = tmp / f"case{i}.cpp"
            srcs[name].write_text(text)
        # Runs interleaved (every case once per round), so that a change in the machine's load
        # shifts all cases alike and the differences stay fair.
        for _ in range(args.runs):
            for name in CASES:
                for cxx in compilers:
                    for opt in opts:
                        w, c = compile_once(cxx, args.std, opt, srcs[name], tmp / "a.o")
                        samples.setdefault((name, cxx, opt), ([], []))
                        samples[(name, cxx, opt)][0].append(w)
                        samples[(name, cxx, opt)][1].append(c)
    results = {k: (statistics.median(v[0]), statistics.median(v[1])) for k, v in samples.items()}
    cols = [(c, o) for c in compilers for o in opts]
    print(f"-std={args.std}, median of {args.runs} runs: wall s / CPU s (user+sys)\n")
    print("| hello.cpp includes | " + " | ".join(f"{c} {o}" for c, o in cols) + " |")
    print("|---|" + "---|" * len(cols))
    for name in CASES:
        cells = [f"{results[(name, c, o)][0]:.2f} / {results[(name, c, o)][1]:.2f}" for c, o in cols]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for name in ("nprandom.hpp", "nprandom.hpp (facade)", "generator.hpp"):
        cells = []
        for c, o in cols:
            w = results[(name, c, o)][0] - results[("<random>", c, o)][0]
            u = results[(name, c, o)][1] - results[("<random>", c, o)][1]
            cells.append(f"{w:+.2f} / {u:+.2f}")
        print(f"| {name} - `<random>` | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
