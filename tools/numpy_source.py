"""Shared by the table generators: where NumPy's C sources come from, and --check.

Every generator that copies numbers out of NumPy's source takes

    --numpy-src PATH   a NumPy git repository (work tree or bare) or an unpacked source tree;
                       default: the NPRANDOM_NUMPY_SRC environment variable
    --numpy-tag TAG    the git revision to read when PATH is a repository (default v2.5.2, the
                       NumPy version nprandom targets); ignored for an unpacked tree
    --check            regenerate in memory and compare with the committed file: exit 1 if it
                       differs; if NumPy's source cannot be found, say so and exit 0 (skip)
    FILE               (optional, positional) the one source file itself, instead of the above
"""
import argparse
import os
import pathlib
import subprocess
import sys

DEFAULT_TAG = "v2.5.2"
ROOT = pathlib.Path(__file__).resolve().parent.parent


def parse_args(description):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("source_file", nargs="?", help="the NumPy source file itself")
    ap.add_argument("--numpy-src", default=os.environ.get("NPRANDOM_NUMPY_SRC"),
                    help="NumPy git repository or source tree (env NPRANDOM_NUMPY_SRC)")
    ap.add_argument("--numpy-tag", default=DEFAULT_TAG, help=f"git revision (default {DEFAULT_TAG})")
    ap.add_argument("--check", action="store_true",
                    help="compare with the committed file instead of writing it")
    return ap.parse_args()


def read(args, rel_path, tool):
    """Text of NumPy's rel_path; None (after a message) if there is no source to read."""
    if args.source_file:
        return pathlib.Path(args.source_file).read_text()
    src = args.numpy_src
    if not src:
        print(f"{tool}: no NumPy source given (--numpy-src PATH or NPRANDOM_NUMPY_SRC)",
              file=sys.stderr)
        return None
    p = pathlib.Path(src)
    if (p / rel_path).is_file() and not (p / ".git").exists():
        return (p / rel_path).read_text()
    r = subprocess.run(["git", "-C", str(p), "show", f"{args.numpy_tag}:{rel_path}"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        if (p / rel_path).is_file():
            return (p / rel_path).read_text()
        print(f"{tool}: cannot read {rel_path} at {args.numpy_tag} from {src}: {r.stderr.strip()}",
              file=sys.stderr)
        return None
    return r.stdout


def source_or_skip(args, rel_path, tool):
    """The source text; without one, exit: 0 (skip) under --check, 2 otherwise."""
    text = read(args, rel_path, tool)
    if text is None:
        if args.check:
            print(f"{tool} --check: SKIP (NumPy source not found)")
            sys.exit(0)
        sys.exit(2)
    return text


def write_or_check(args, out, text, tool):
    out = pathlib.Path(out)
    rel = out.relative_to(ROOT)
    if args.check:
        same = out.is_file() and out.read_text() == text
        print(f"{tool} --check: {rel}: {'ok' if same else 'STALE'}")
        if not same:
            sys.exit(1)
        return
    out.write_text(text)
    print(f"wrote {rel}")
