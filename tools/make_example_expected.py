#!/usr/bin/env python3
"""Write examples/<name>.expected by running the NumPy program embedded in examples/<name>.cpp.

An example keeps its Python twin in a comment block of the .cpp file:

    // ---- python ----
    // import numpy as np
    // ...
    // ---- end python ----

This script strips the leading "// " from those lines, runs the program with NumPy
(default interpreter: /usr/bin/python3, whose NumPy is recorded in the output of --verbose) and
writes its stdout to examples/<name>.expected. The C++ program must print the same bytes; CTest's
example.<name> test compares them. Expected output is therefore never typed by hand.

Usage:
  /usr/bin/python3 tools/make_example_expected.py examples/quickstart.cpp [...]
  /usr/bin/python3 tools/make_example_expected.py --all      # every example with a python block
  /usr/bin/python3 tools/make_example_expected.py --check --all   # exit 1 if an .expected is stale
"""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BEGIN = re.compile(r"^\s*//\s*-{3,}\s*python\s*-{3,}\s*$")
END = re.compile(r"^\s*//\s*-{3,}\s*end python\s*-{3,}\s*$")


def python_block(cpp: pathlib.Path) -> str | None:
    lines, inside, found = [], False, False
    for line in cpp.read_text(encoding="utf-8").splitlines():
        if BEGIN.match(line):
            inside, found = True, True
            continue
        if END.match(line):
            inside = False
            continue
        if inside:
            body = re.sub(r"^\s*//", "", line, count=1)
            lines.append(body[1:] if body.startswith(" ") else body)
    if inside:
        sys.exit(f"{cpp}: '---- python ----' block is not closed")
    return "\n".join(lines) + "\n" if found else None


def run(cpp: pathlib.Path, python: str) -> str:
    code = python_block(cpp)
    if code is None:
        sys.exit(f"{cpp}: no '// ---- python ----' block")
    res = subprocess.run([python, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if res.returncode != 0:
        sys.exit(f"{cpp}: the python block failed:\n{res.stderr}")
    return res.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("examples", nargs="*", type=pathlib.Path)
    ap.add_argument("--all", action="store_true", help="every examples/*.cpp with a python block")
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--python", default="/usr/bin/python3")
    args = ap.parse_args()

    files = list(args.examples)
    if args.all:
        files += [p for p in sorted((ROOT / "examples").glob("*.cpp")) if python_block(p) is not None]
    if not files:
        ap.error("name example .cpp files or pass --all")
    stale = 0
    for cpp in files:
        cpp = cpp.resolve()
        out = run(cpp, args.python)
        expected = cpp.with_suffix(".expected")
        if args.check:
            if not expected.is_file() or expected.read_text(encoding="utf-8") != out:
                print(f"STALE: {expected.relative_to(ROOT)}")
                stale += 1
            continue
        expected.write_text(out, encoding="utf-8", newline="\n")
        print(f"wrote {expected.relative_to(ROOT)} ({out.count(chr(10))} lines)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
