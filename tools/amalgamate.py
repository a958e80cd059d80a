#!/usr/bin/env python3
"""Generate single_include/nprandom/nprandom.hpp from include/nprandom/nprandom.hpp.

Every `#include <nprandom/...>` (or "nprandom/...") is replaced, recursively and depth first, by
the text of that header the first time it is met; later includes of a header that has an include
guard are dropped (the guard would skip it anyway). A header WITHOUT an include guard (meant to be
included several times, e.g. a macro scope/unscope pair) is inlined at every include. All other
lines, including system #includes, are kept verbatim, so the output is the same translation unit
as the umbrella header. The output is deterministic (no dates, no absolute paths).

Usage:
  python3 tools/amalgamate.py            # (re)write single_include/nprandom/nprandom.hpp
  python3 tools/amalgamate.py --check    # exit 1 if the committed file is stale, or a header
                                         # does not say "Public header" / "Internal header"
  python3 tools/amalgamate.py --output FILE
  python3 tools/amalgamate.py --git-rev HEAD   # from the committed headers, not the work tree
"""
import argparse
import difflib
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDE_DIR = ROOT / "include"
UMBRELLA = "nprandom/nprandom.hpp"
# Opt-in headers kept out of the umbrella and the single header on purpose (parallel.hpp brings in
# <thread>; it includes the umbrella, so it also works copied beside the single header).
OPT_IN = {"nprandom/parallel.hpp"}
# Headers kept out of the umbrella (compile time of every translation unit) but part of the single
# header, which is all of nprandom in one file: inlined after the umbrella.
SINGLE_HEADER_EXTRA = ["nprandom/state_io.hpp"]
DEFAULT_OUTPUT = ROOT / "single_include" / "nprandom" / "nprandom.hpp"

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*[<"](nprandom/[^>"]+)[>"]')
GUARD_RE = re.compile(r"\A(?:\s*//[^\n]*\n|\s*/\*.*?\*/|\s*\n)*\s*#\s*ifndef\s+(\w+)\s*\n\s*#\s*define\s+\1\b",
                      re.S)
VERSION_RE = re.compile(r"^#\s*define\s+NPRANDOM_VERSION_(MAJOR|MINOR|PATCH)\s+(\d+)", re.M)


class Source:
    """Reads include/ from the working tree, or from a git revision (--git-rev)."""

    def __init__(self, include_dir: pathlib.Path, rev: str | None = None):
        self.include_dir, self.rev = include_dir, rev
        self.files = None
        if rev:
            rel = include_dir.relative_to(ROOT).as_posix()
            ls = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", rev, rel],
                                check=True, capture_output=True, text=True).stdout.split()
            self.files = {pathlib.PurePosixPath(f).relative_to(rel).as_posix() for f in ls}

    def exists(self, name: str) -> bool:
        if self.files is not None:
            return name in self.files
        return (self.include_dir / name).is_file()

    def read(self, name: str) -> str:
        if self.files is not None:
            rel = (self.include_dir / name).relative_to(ROOT).as_posix()
            return subprocess.run(["git", "-C", str(ROOT), "show", f"{self.rev}:{rel}"],
                                  check=True, capture_output=True, text=True).stdout
        return (self.include_dir / name).read_text(encoding="utf-8")

    def headers(self) -> list[str]:
        if self.files is not None:
            return sorted(f for f in self.files if f.startswith("nprandom/") and f.endswith(".hpp"))
        return sorted(p.relative_to(self.include_dir).as_posix()
                      for p in (self.include_dir / "nprandom").rglob("*.hpp"))


class Amalgamator:
    def __init__(self, source: "Source"):
        self.source = source
        self.include_dir = source.include_dir
        self.done = set()
        self.stack = []
        self.out = []

    def has_guard(self, text: str) -> bool:
        return GUARD_RE.match(text) is not None

    def add(self, name: str, where: str) -> None:
        if not self.source.exists(name):
            sys.exit(f"amalgamate.py: {where}: included header {name} not found in {self.include_dir}")
        if name in self.stack:
            sys.exit(f"amalgamate.py: include cycle: {' -> '.join(self.stack + [name])}")
        text = self.source.read(name)
        guarded = self.has_guard(text)
        if guarded and name in self.done:
            return
        self.done.add(name)
        self.stack.append(name)
        self.out.append(f"// ---- begin {name} ----\n")
        lines = text.splitlines(keepends=True)
        for lineno, line in enumerate(lines, 1):
            m = INCLUDE_RE.match(line)
            if m:
                self.add(m.group(1), f"{name}:{lineno}")
            else:
                self.out.append(line)
        if lines and not lines[-1].endswith("\n"):
            self.out.append("\n")
        self.out.append(f"// ---- end {name} ----\n")
        self.stack.pop()


def version(source: Source) -> str:
    if not source.exists("nprandom/version.hpp"):
        return "unknown"
    parts = dict(VERSION_RE.findall(source.read("nprandom/version.hpp")))
    return ".".join(parts.get(k, "?") for k in ("MAJOR", "MINOR", "PATCH"))


def amalgamate(rev: str | None = None) -> str:
    return amalgamate_with_report(rev)[0]


def amalgamate_with_report(rev: str | None = None) -> tuple[str, list[str]]:
    """The amalgamation, and the headers under include/nprandom/ that it does not contain."""
    source = Source(INCLUDE_DIR, rev)
    a = Amalgamator(source)
    a.add(UMBRELLA, "command line")
    for extra in SINGLE_HEADER_EXTRA:
        a.add(extra, "command line (single header only)")
    header = (
        f"// nprandom {version(source)} -- single-header edition: a header-only C++17 library\n"
        "// reproducing numpy.random bit for bit. https://github.com/nprandom/nprandom\n"
        "//\n"
        "// GENERATED by tools/amalgamate.py from include/nprandom/ -- do not edit; edit include/\n"
        "// and rerun `python3 tools/amalgamate.py` (CI fails when this file is stale).\n"
        "//\n"
        "// SPDX-License-Identifier: MIT AND BSD-3-Clause\n"
        "// nprandom is MIT-licensed; its algorithms and tables follow NumPy (BSD-3-Clause, Copyright\n"
        "// (c) 2005-2025 NumPy Developers) and the works NumPy credits. See the LICENSE file.\n"
        f"// Headers inlined: {len(a.done)}.\n"
        "\n"
    )
    every = source.headers()
    return header + "".join(a.out), [h for h in every if h not in a.done and h not in OPT_IN]


def unlabelled(rev: str | None = None) -> list[str]:
    """Headers whose first comment block does not say "Public header" or "Internal header"
    (docs/design.md: every header states which side of the API line it is on)."""
    source = Source(INCLUDE_DIR, rev)
    out = []
    for name in source.headers():
        lines = source.read(name).splitlines()
        block = []
        for line in lines:
            if not line.startswith("//"):
                break
            block.append(line)
        text = " ".join(block)
        if "Public header" not in text and "Internal header" not in text:
            out.append(name)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the output file is missing or differs")
    ap.add_argument("--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    ap.add_argument("--git-rev", metavar="REV",
                    help="read include/ as committed at REV (e.g. HEAD) instead of the work tree")
    args = ap.parse_args()

    text, missing = amalgamate_with_report(args.git_rev)
    for name in missing:
        print(f"amalgamate.py: warning: include/{name} is not reachable from {UMBRELLA}, so the "
              "single header lacks it (add it to the umbrella)", file=sys.stderr)
    out = args.output
    bad = unlabelled(args.git_rev)
    for name in bad:
        print(f"amalgamate.py: include/{name}: its first comment must say \"Public header\" or "
              "\"Internal header\" (docs/design.md)", file=sys.stderr)
    if args.check and bad:
        return 1
    if args.check:
        old = out.read_text(encoding="utf-8") if out.is_file() else ""
        if missing:
            print(f"amalgamate.py: {len(missing)} header(s) missing from the single header",
                  file=sys.stderr)
            return 1
        if old == text:
            print(f"amalgamate.py: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} is up to date")
            return 0
        diff = difflib.unified_diff(old.splitlines(keepends=True), text.splitlines(keepends=True),
                                    "committed", "regenerated", n=1)
        sys.stdout.writelines(list(diff)[:60])
        print(f"\namalgamate.py: {out} is STALE; run: python3 tools/amalgamate.py", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    if not out.is_file() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8", newline="\n")
        print(f"amalgamate.py: wrote {out} ({text.count(chr(10))} lines)")
    else:
        print(f"amalgamate.py: {out} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
