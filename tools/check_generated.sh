#!/usr/bin/env bash
# Regenerates every generated file in memory and compares it with the committed one (--check).
# Exit status 1 if any is stale. Generators that need what this machine lacks skip with a message
# instead of failing: the table generators without NumPy's source (set NPRANDOM_NUMPY_SRC to a
# NumPy git repository or source tree; NPRANDOM_NUMPY_TAG picks the revision, default v2.5.2),
# the golden data when the local NumPy is not the version the committed data was made with.
#   tools/check_generated.sh            # from anywhere
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-/usr/bin/python3}
TAG=(--numpy-tag "${NPRANDOM_NUMPY_TAG:-v2.5.2}")
failed=()
check() {
  echo "---- $*"
  "$@" || failed+=("$*")
}
check "$PY" tools/amalgamate.py --check
check "$PY" tools/gen_ziggurat_tables.py --check "${TAG[@]}"
check "$PY" tools/gen_logfactorial_table.py --check "${TAG[@]}"
check "$PY" tools/gen_mt19937_jump.py --check "${TAG[@]}"
check "$PY" tools/gen_numpy_map.py --check
check "$PY" tools/make_golden.py --check
check "$PY" tools/make_state_golden.py --check
check "$PY" tools/make_example_expected.py --all --check --python "$PY"
# No machine-specific absolute paths in the tree (generators take paths as arguments).
echo "---- no absolute machine paths in tracked files"
if git ls-files -z | xargs -0 grep -nIE '(^|[^A-Za-z0-9_.])/(work|home|root)/' -- 2>/dev/null \
    | grep -v '^tools/check_generated.sh:'; then
  failed+=("absolute machine paths in tracked files")
fi
if ((${#failed[@]})); then
  printf 'check_generated: FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "check_generated: every generated file is up to date"
