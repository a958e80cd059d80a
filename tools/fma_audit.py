#!/usr/bin/env python3
"""Lists the fused multiply-add instructions that a compiler generated from nprandom's headers.

nprandom must give NumPy's bits whatever the user's -ffp-contract, so no product in its headers
may be fused with the addition that consumes it (detail/fp.hpp). This script disassembles a
binary built with debug line info (-g1 or more) at flags that allow contraction (e.g. -O3
-march=native, or any aarch64 build) and reports every FMA instruction whose source line lies
under include/nprandom/ (or the single header). It exits 1 if there is any, unless that source
line carries the marker `fma-exact` (a product that is exact, such as an integer below 2^53
times a power of two, where fusing cannot change a bit) or `fma-glibc` (a deliberate fused
multiply-add of detail/vec_log.hpp or vec_expm1.hpp, which reproduce glibc's FMA builds bit for bit).

  python3 tools/fma_audit.py BINARY [--objdump aarch64-linux-gnu-objdump]
"""
import argparse
import collections
import re
import subprocess
import sys

FMA = re.compile(r"\s(v?f(?:n?m(?:add|sub)|ml[as])\w*)\s", re.IGNORECASE)
LINE = re.compile(r"^(/[^:]+):(\d+)(?: \(discriminator \d+\))?$")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("--objdump", default="objdump")
    ap.add_argument("--under", default="nprandom/", help="path fragment that marks library code")
    args = ap.parse_args()

    proc = subprocess.Popen([args.objdump, "-d", "-l", "--no-show-raw-insn", args.binary],
                            stdout=subprocess.PIPE, text=True, errors="replace")
    where = None
    hits = collections.Counter()
    total = 0
    for line in proc.stdout:
        m = LINE.match(line.strip())
        if m:
            where = (m.group(1), int(m.group(2)))
            continue
        if "\t" not in line or where is None:
            continue
        if FMA.search(line.replace("\t", " ") + " "):
            total += 1
            if args.under in where[0] and ("/include/" in where[0] or "single_include" in where[0]):
                hits[where] += 1
    if proc.wait() != 0:
        print(f"fma_audit: {args.objdump} failed", file=sys.stderr)
        return 2

    bad = 0
    cache = {}
    for (path, lineno), n in sorted(hits.items()):
        if path not in cache:
            try:
                cache[path] = open(path, encoding="utf-8").read().splitlines()
            except OSError:
                cache[path] = []
        src = cache[path][lineno - 1].strip() if 0 < lineno <= len(cache[path]) else "?"
        exact = "fma-exact" in src or "fma-glibc" in src
        bad += 0 if exact else 1
        print(f"{'exact' if exact else 'FUSED'} {path}:{lineno} ({n}x): {src}")
    print(f"fma_audit: {sum(hits.values())} FMA instructions from nprandom's headers at "
          f"{len(hits)} source lines, {bad} not marked exact ({total} FMA instructions in all)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
