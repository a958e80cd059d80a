#!/usr/bin/env python3
"""Write docs/numpy-map.md: every numpy.random call beside its nprandom spelling, from the headers.

For each public method of numpy.random.Generator, numpy.random.RandomState, the np.random.*
module functions, SeedSequence and the bit generators, the table gives NumPy's signature (from the
local NumPy's docstrings, plus the few 2.x additions listed in NUMPY_2X_ADDITIONS), every public
C++ overload with that name parsed from include/nprandom/ (return type = dtype; the draw-form
macros NPRANDOM_DRAW_FORMS* of detail/draw_forms.hpp are expanded here the way the preprocessor
expands them), a status: "yes" (overloads found) or "missing", and per feature whether NumPy's
array parameters (broadcasting) and a shape `size` are supported. Rerun after the headers change:

  /usr/bin/python3 tools/gen_numpy_map.py            # writes docs/numpy-map.md
  /usr/bin/python3 tools/gen_numpy_map.py --check    # exit 1 if docs/numpy-map.md is stale
"""
import inspect
import pathlib
import re
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
INC = ROOT / "include" / "nprandom"
OUT = ROOT / "docs" / "numpy-map.md"

# Present in NumPy 2.5 but not in the local NumPy these docs are generated with.
NUMPY_2X_ADDITIONS = {
    "Generator": {"spawn": "spawn(n_children)"},
    "BitGenerator": {"spawn": "spawn(n_children)", "seed_seq": "seed_seq (property)"},
}
# Python-only interop members: no C++ counterpart is meaningful.
NOT_APPLICABLE = {"capsule": "Python C-API capsule", "cffi": "Python cffi interface",
                  "ctypes": "Python ctypes interface",
                  "lock": "Python-level lock (a C++ bit generator is a plain value; share it "
                          "between threads only under your own mutex)"}
SKIP = {"__init__", "__getstate__", "__setstate__", "__reduce__", "__repr__", "__str__",
        "__eq__", "__ne__", "__hash__", "__reduce_cython__", "__setstate_cython__"}


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def split_top(s: str) -> list[str]:
    """Splits a macro argument list at top-level commas."""
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


DRAW_FORMS_RE = re.compile(r"NPRANDOM_DRAW_FORMS(_0|_MANY)?\s*\(")


def expand_draw_forms(text: str) -> str:
    """Replaces each NPRANDOM_DRAW_FORMS(name, Out, (T, p[, = d])...) use by the declarations it
    expands to (detail/draw_forms.hpp), one per line, so the overload parser sees them."""
    out, pos = [], 0
    for m in DRAW_FORMS_RE.finditer(text):
        if m.start() < pos:
            continue
        close = matching_paren(text, m.end() - 1)
        args = split_top(text[m.end():close])
        name, ret, params = args[0], args[1], []
        for a in args[2:]:
            parts = [x.strip() for x in split_top(a.strip()[1:-1])]
            params.append((parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
        decl = ", ".join(f"{ty} {nm}" for ty, nm, _ in params)
        one = ", ".join(f"{ty} {nm}{' ' + d if d else ''}" for ty, nm, d in params)
        arr = ", ".join(f"array_arg<{ty}> {nm}" for ty, nm, _ in params)
        c = ", " if params else ""
        forms = []
        if m.group(1) != "_MANY":
            forms.append(f"{ret} {name}({one})")
        forms += [f"std::vector<{ret}> {name}({decl}{c}std::size_t size)",
                  f"void {name}({decl}{c}{ret}* out, std::size_t count)",
                  f"ndarray<{ret}> {name}({arr}{c}size_arg size{' = {}' if params else ''})"]
        out.append(text[pos:m.start()])
        out.append("\n  ".join(f"{s} {{}}" for s in forms))
        pos = close + 1
        if text[pos:pos + 1] == ";":
            pos += 1
    out.append(text[pos:])
    return "".join(out)


def strip_detail(text: str) -> str:
    """Drops `namespace detail { ... }` blocks (internals)."""
    while True:
        m = re.search(r"namespace\s+detail\s*\{", text)
        if not m:
            return text
        i, depth = m.end(), 1
        while depth and i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        text = text[:m.start()] + text[i:]


def matching_paren(text: str, i: int) -> int:
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return len(text) - 1


def class_public_text(text: str, cls: str) -> str:
    """Public parts of `class cls { ... };` (top-level access sections only)."""
    m = re.search(r"\bclass\s+" + re.escape(cls) + r"\b[^;{]*\{", text)
    if not m:
        return ""
    i, depth, start = m.end(), 1, m.end()
    while depth and i < len(text):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    body = text[start:i - 1]
    # Access labels of nested classes (brace depth > 0) are not the outer class's: inside nested
    # braces every ':' becomes ';' (same length), so only top-level labels split the body.
    flat, depth = [], 0
    for ch in body:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        flat.append(";" if depth > 0 and ch == ":" else ch)
    body = "".join(flat)
    parts, public = [], False  # class default: private
    for chunk in re.split(r"^\s*(public|private|protected)\s*:", body, flags=re.M):
        if chunk in ("public", "private", "protected"):
            public = chunk == "public"
        elif public:
            parts.append(chunk)
    return "\n".join(parts)


SIG_RE = re.compile(
    r"(?:^|\n)(?P<indent>[ ]{0,2})(?P<tmpl>template\s*<(?:[^<>]|<[^<>]*>)*>\s*)?"
    r"(?P<head>(?:(?:static|inline|constexpr|explicit|virtual|friend|\[\[nodiscard\]\])\s+)*"
    r"[A-Za-z_][\w:<>,\s\*&]*?[\s\*&])(?P<name>[a-z_][a-z0-9_]*)\s*\(")


KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "constexpr", "decltype",
            "static_assert", "alignof", "noexcept", "operator"}


def overloads(text: str, indent: int = 2) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    depth = 0
    for m in SIG_RE.finditer(text):
        name = m.group("name")
        if len(m.group("indent")) != indent:
            continue
        head = " ".join(m.group("head").split())
        if head.split()[-1] in ("return", "else", "new", "delete") or head.startswith(("return ", "using ")):
            continue
        if name.endswith("_") or name.startswith("check_") or name in KEYWORDS:
            continue
        if m.group("tmpl") is None and "\n" in m.group("head"):
            continue
        close = matching_paren(text, m.end() - 1)
        args = " ".join(text[m.end():close].split())
        tail = text[close + 1:close + 400]
        if not re.match(r"\s*(const\s*)?(noexcept\s*)?(->[^{;]*)?(\{|:|;|=)", tail):
            continue
        for kw in ("inline ", "static ", "constexpr ", "explicit ", "[[nodiscard]] "):
            head = head.replace(kw, "")
        tmpl = m.group("tmpl")
        tmpl = " ".join(re.sub(r"\s+", " ", tmpl).split()) + " " if tmpl else ""
        tmpl = re.sub(r",\s*std::enable_if_t<[^>]*>[^>,]*", "", tmpl)
        tmpl = re.sub(r"class\s*(\.\.\.)?\s*", r"\1", tmpl).replace("template ", "")
        # A defaulted `RS = RandomState` only delays instantiation (legacy/global.hpp): not API.
        tmpl = re.sub(r",?\s*RS = RandomState", "", tmpl).replace("<, ", "<").replace("<> ", "")
        sig = f"{tmpl}{head.strip()} {name}({args})".strip()
        # default_rng(seed) is a template only to delay instantiation (generator.hpp): its one
        # allowed BitGen is PCG64.
        sig = sig.replace("Generator<BitGen> default_rng(SeedSource", "Generator<PCG64> default_rng(SeedSource")
        out.setdefault(name, [])
        if sig not in out[name]:
            out[name].append(sig)
    return out


def doc_signature(member, name: str) -> str:
    """The (possibly multi-line) signature on the first docstring lines, joined."""
    doc = (getattr(member, "__doc__", None) or "").strip().splitlines()
    if not doc or not doc[0].strip().startswith(name + "("):
        return ""
    sig = ""
    for line in doc:
        sig += (" " if sig and not sig.endswith("(") else "") + line.strip()
        if sig.count("(") <= sig.count(")"):
            break
    return sig


def numpy_methods(obj) -> dict[str, str]:
    res = {}
    for name, member in inspect.getmembers(obj):
        if name.startswith("_") and name not in ():
            continue
        first = doc_signature(member, name)
        if isinstance(member, property) or not callable(member):
            res[name] = f"{name} (property)"
        elif first.startswith(name + "("):
            res[name] = first
        else:
            try:
                res[name] = f"{name}{inspect.signature(member)}"
            except (TypeError, ValueError):
                res[name] = f"{name}(...)"
    return res


def md_code(s: str) -> str:
    return "`" + s.replace("|", "\\|").replace("`", "'") + "`"


# NumPy parameters that are not distribution parameters (never broadcast as arrays), and the
# methods whose array inputs NumPy does not broadcast (a population, a vector per draw, ...).
NON_ARRAY_PARAMS = {"size", "dtype", "out", "method", "axis", "endpoint", "replace", "shuffle",
                    "check_valid", "tol", "self", "length", "seed", "state", "legacy",
                    "n_children", "bit_generator", "jumps", "delta", "n_words", "args", "kwargs",
                    "d0", "d1", "dn", "ndim"}
NOT_BROADCAST = {"choice", "shuffle", "permutation", "permuted", "dirichlet", "multivariate_normal",
                 "multivariate_hypergeometric", "bytes", "spawn", "seed", "set_state", "get_state",
                 "jumped", "advance", "generate_state"}


def numpy_params(sig: str) -> list[str]:
    """Parameter names of a NumPy signature text such as 'normal(loc=0.0, scale=1.0, size=None)'."""
    if "(" not in sig or sig.endswith("(property)"):
        return []
    inner = sig[sig.index("(") + 1:sig.rindex(")")] if ")" in sig else ""
    names = []
    for part in split_top(inner.replace("[", "").replace("]", "")):
        nm = part.split("=")[0].strip().lstrip("*").strip()
        if re.match(r"^[A-Za-z_]\w*$", nm):
            names.append(nm)
    return names


def feature_status(numpy_sig: str, sigs: list[str], name: str) -> tuple[str, str]:
    """(array parameters, shape size): "yes" when an overload takes them, "no" when NumPy's
    method has them but no overload does, "—" when NumPy's method has no such parameter."""
    params = numpy_params(numpy_sig)
    takes_array = any(re.search(r"\b(array_arg|array_view|ndarray)<", s.split("(", 1)[1])
                      for s in sigs if "(" in s)
    takes_shape = any("size_arg" in s.split("(", 1)[1] for s in sigs if "(" in s)
    dist_params = [x for x in params if x not in NON_ARRAY_PARAMS and name not in NOT_BROADCAST]
    arr = "yes" if takes_array and dist_params else ("no" if dist_params else "—")
    shp = "yes" if takes_shape else ("no" if "size" in params else "—")
    return arr, shp


def table(title: str, intro: str, numpy: dict[str, str], cpp: dict[str, list[str]], prefix: str,
          lines: list[str]) -> tuple[int, int]:
    lines += [f"## {title}", "", intro, "",
              "| NumPy | nprandom | status | array parameters | shape `size` |",
              "|---|---|---|---|---|"]
    have = 0
    for name in sorted(numpy):
        sigs = cpp.get(name, [])
        if not sigs and name in NOT_APPLICABLE:
            lines.append(f"| {md_code(prefix + numpy[name])} | n/a: {NOT_APPLICABLE[name]} | n/a "
                         "| — | — |")
            have += 1
            continue
        if sigs:
            have += 1
            cell = "<br>".join(md_code(s) for s in sigs)
            status = "yes"
        else:
            cell, status = "", "**missing**"
        arr, shp = feature_status(numpy[name], sigs, name)
        if prefix == "RandomState." and name == "multinomial" and arr == "no":
            arr = "— (NumPy: TypeError for an array n)"
        if sigs and sigs[0].startswith("same overloads as RandomState::"):
            arr, shp = "as RandomState", "as RandomState"
        lines.append(f"| {md_code(prefix + numpy[name])} | {cell} | {status} | {arr} | {shp} |")
    extra = sorted(set(cpp) - set(numpy))
    lines += ["", f"{have} of {len(numpy)} NumPy members present."]
    if extra:
        lines += ["", "C++-only members: " + ", ".join(md_code(e) for e in extra) + "."]
    lines.append("")
    return have, len(numpy)


def header(path: pathlib.Path) -> str:
    return expand_draw_forms(strip_comments(path.read_text(encoding="utf-8"))) if path.is_file() else ""


def main() -> int:
    gen_cpp = overloads(class_public_text(header(INC / "generator.hpp"), "Generator"))
    rs_text = header(INC / "legacy" / "random_state.hpp")
    rs_cpp = overloads(class_public_text(rs_text, "BasicRandomState"))
    glob_text = header(INC / "legacy" / "global.hpp")
    facade = {n: [f"same overloads as RandomState::{n}, on the global RandomState (locked)"]
              for n in re.findall(r"^NPRANDOM_LEGACY_GLOBAL\((\w+)\)", glob_text, re.M)}
    for name, sigs in overloads(strip_detail(re.sub(r"^#define(?:[^\n]*\\\n)*[^\n]*\n", "", glob_text,
                                                            flags=re.M)), 0).items():
        facade.setdefault(name, [])
        facade[name] = [s for s in facade[name] if not s.startswith("same")] + sigs \
            if name not in re.findall(r"^NPRANDOM_LEGACY_GLOBAL\((\w+)\)", glob_text, re.M) \
            else facade[name] + sigs
    # the default_rng entry point lives at namespace scope in generator.hpp
    for name, sigs in overloads(header(INC / "generator.hpp"), 0).items():
        if name == "default_rng":
            facade.setdefault(name, []).extend(sigs)
    ss_cpp = overloads(class_public_text(header(INC / "seed_sequence.hpp"), "SeedSequence"))
    base_cpp = overloads(class_public_text(header(INC / "bit_generator.hpp"), "BitGenerator"))

    np_gen = numpy_methods(np.random.Generator)
    np_gen.update(NUMPY_2X_ADDITIONS["Generator"])
    np_rs = numpy_methods(np.random.RandomState)
    np_mod = {n: f"{n}(...)" for n in np.random.__all__
              if callable(getattr(np.random, n)) and not inspect.isclass(getattr(np.random, n))}
    for n in ("get_bit_generator", "set_bit_generator"):  # public since 1.24, not in __all__
        if hasattr(np.random, n):
            np_mod[n] = f"{n}(...)"
    for n in list(np_mod):
        np_mod[n] = doc_signature(getattr(np.random, n), n) or np_mod[n]
    np_ss = numpy_methods(np.random.SeedSequence)
    np_bg = numpy_methods(np.random.PCG64)
    np_bg.update(NUMPY_2X_ADDITIONS["BitGenerator"])
    for d in (np_gen, np_rs, np_ss, np_bg):
        for k in list(d):
            if k in SKIP:
                del d[k]

    lines = [
        "# NumPy → nprandom map",
        "",
        "Generated by `/usr/bin/python3 tools/gen_numpy_map.py` from the headers in",
        "`include/nprandom/` and the public API of the local NumPy "
        f"{np.__version__} (plus the 2.x additions `Generator.spawn`, `BitGenerator.spawn`, "
        "`seed_seq`). Do not edit by hand; rerun the script.",
        "",
        "Conventions (see README): every distribution has a scalar form (NumPy `size=None`), a "
        "sized form returning `std::vector` (NumPy `size=n`; a shape `(a, b)` is the row-major "
        "`a*b`), and a fill form writing to caller memory; dtype is a template argument "
        "defaulting to NumPy's default (`double`, `std::int64_t`); discrete methods return "
        "`std::int64_t`; multivariate results are row-major, one row per draw. NumPy's "
        "`ValueError` is `std::invalid_argument`, `OverflowError` is `std::overflow_error`. "
        "The overloads column lists each public C++ overload with that name (template "
        "parameters first). The last two columns say per method whether NumPy's array "
        "parameters (any distribution parameter an array, broadcast with the others and with "
        "`size`, as `array_arg`) and a shape `size` (`size_arg`, e.g. `{2, 3}`, giving an "
        "`ndarray`) are supported: yes, no, or — where NumPy's method has no such parameter.",
        "",
    ]
    totals = []
    totals.append(table("Generator (`np.random.Generator`, `nprandom::Generator<BitGen>`)",
                        "`auto g = nprandom::default_rng(seed);` or "
                        "`nprandom::Generator<nprandom::PCG64> g(nprandom::PCG64(seed));`",
                        np_gen, gen_cpp, "Generator.", lines))
    totals.append(table("RandomState (`np.random.RandomState`, `nprandom::RandomState`)",
                        "`nprandom::RandomState rs(seed);` (MT19937; "
                        "`nprandom::BasicRandomState<BitGen>` for other bit generators).",
                        np_rs, rs_cpp, "RandomState.", lines))
    totals.append(table("Module functions (`np.random.*`, `nprandom::*`)",
                        "Free functions in namespace `nprandom` forwarding to one process-wide "
                        "`RandomState` behind a mutex (`nprandom/legacy/global.hpp`), plus "
                        "`default_rng`.", np_mod, facade, "np.random.", lines))
    totals.append(table("SeedSequence (`np.random.SeedSequence`, `nprandom::SeedSequence`)", "",
                        np_ss, ss_cpp, "SeedSequence.", lines))
    totals.append(table("Bit generators (`np.random.PCG64` etc., `nprandom::PCG64` etc.)",
                        "Members shared by every bit generator through the CRTP base "
                        "`nprandom::BitGenerator<Derived>` (NumPy's `BitGenerator`); "
                        "`jumped`/`advance`/`state` live on each generator.",
                        np_bg, {**base_cpp, **overloads(
                            class_public_text(header(INC / "bit_generators" / "pcg64.hpp"),
                                              "PCG64Engine"))}, "PCG64.", lines))
    have = sum(t[0] for t in totals)
    total = sum(t[1] for t in totals)
    lines.insert(8, f"Coverage: {have} of {total} NumPy members have a C++ counterpart (or need "
                    "none: Python interop).\n")
    text = "\n".join(lines)
    if "--check" in sys.argv[1:]:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(f"gen_numpy_map --check: {OUT.relative_to(ROOT)}: {'ok' if same else 'STALE'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {have}/{total} present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
