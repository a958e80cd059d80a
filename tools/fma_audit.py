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

  python3 tools/fma_audit.py BINARY-OR-OBJECT [--objdump aarch64-linux-gnu-objdump]
"""
import argparse
import collections
import re
import subprocess
import sys

FMA = re.compile(r"\s(v?f(?:n?m(?:add|sub)|ml[as])\w*)\s", re.IGNORECASE)
LINE = re.compile(r"^(/[^:]+):(\d+)(?: \(discriminator \d+\))?$")
# An instruction line: GNU objdump writes "  401000:\tmnemonic", llvm-objdump (CMake's choice
# with Clang) "  401000:      \tmnemonic".
ADDR = re.compile(r"^\s*([0-9a-f]+):\s")


def addr2line_for(objdump: str) -> str:
    """addr2line of the same toolchain: aarch64-linux-gnu-objdump -> aarch64-linux-gnu-addr2line."""
    head, sep, tail = objdump.rpartition("objdump")
    return head + "addr2line" + tail if sep else "addr2line"


def is_relocatable(path: str) -> bool:
    """An ELF object file (e_type ET_REL): its sections all start at address 0."""
    with open(path, "rb") as f:
        head = f.read(18)
    if len(head) < 18 or head[:4] != b"\x7fELF":
        return False
    order = "little" if head[5] == 1 else "big"
    return int.from_bytes(head[16:18], order) == 1


def fma_locations_addr2line(args):
    """The source line ("path:line") of every FMA instruction: disassemble without -l (objdump's
    per-instruction line lookup takes minutes on the test binary), then map only the FMA
    instructions' addresses with one addr2line call."""
    proc = subprocess.Popen([args.objdump, "-d", "--no-show-raw-insn", args.binary],
                            stdout=subprocess.PIPE, text=True, errors="replace")
    addresses = []
    for line in proc.stdout:
        if "\t" not in line:
            continue
        m = ADDR.match(line)
        if m and FMA.search(line.replace("\t", " ") + " "):
            addresses.append(m.group(1))
    if proc.wait() != 0:
        print(f"fma_audit: {args.objdump} failed", file=sys.stderr)
        return None
    if not addresses:
        return []
    out = subprocess.run([addr2line_for(args.objdump), "-e", args.binary],
                         input="\n".join(addresses) + "\n", capture_output=True, text=True,
                         errors="replace", check=True).stdout.splitlines()
    if len(out) != len(addresses):
        print("fma_audit: addr2line returned an unexpected number of lines", file=sys.stderr)
        return None
    return out


def fma_locations_objdump_l(args):
    """The same from objdump -d -l, which resolves each section of an object file on its own."""
    proc = subprocess.Popen([args.objdump, "-d", "-l", "--no-show-raw-insn", args.binary],
                            stdout=subprocess.PIPE, text=True, errors="replace")
    where = None
    out = []
    for line in proc.stdout:
        text = line.strip().removeprefix("; ")  # llvm-objdump -l writes "; /path:line"
        if LINE.match(text):
            where = text
            continue
        if "\t" not in line:
            continue
        if FMA.search(line.replace("\t", " ") + " "):
            out.append(where or "??:0")
    if proc.wait() != 0:
        print(f"fma_audit: {args.objdump} failed", file=sys.stderr)
        return None
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("--objdump", default="objdump")
    ap.add_argument("--under", default="nprandom/", help="path fragment that marks library code")
    ap.add_argument("--require-fma", action="store_true",
                    help="fail when the binary has no FMA instruction at all: the disassembly was "
                         "not understood (the test binary always has the batched log's)")
    args = ap.parse_args()

    if is_relocatable(args.binary):
        locations = fma_locations_objdump_l(args)  # an object file: sections overlap at 0
    else:
        locations = fma_locations_addr2line(args)
    if locations is None:
        return 2
    total = len(locations)
    hits = collections.Counter()
    for text in locations:
        m = LINE.match(text.strip())
        if m and args.under in m.group(1) and ("/include/" in m.group(1)
                                               or "single_include" in m.group(1)):
            hits[(m.group(1), int(m.group(2)))] += 1

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
    if args.require_fma and total == 0:
        print("fma_audit: no FMA instruction found at all: the disassembler's output was not "
              "understood (or the binary was not built for FMA)", file=sys.stderr)
        return 2
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
