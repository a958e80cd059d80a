// Quick start: NumPy's Generator calls and their nprandom twins print the same numbers.
//
// The NumPy program this mirrors (tools/make_example_expected.py runs it to write
// examples/quickstart.expected, which CTest compares with this program's output):
//
// ---- python ----
// import numpy as np
//
// def show(label, values):
//     print("%-32s%s" % (label, " ".join("%.17g" % v for v in np.atleast_1d(values))))
//
// rng = np.random.default_rng(42)
// show("rng.normal(size=5)", rng.normal(size=5))
// show("rng.integers(0, 10, size=5)", rng.integers(0, 10, size=5))
// show("rng.random(3)", rng.random(3))
// show("rng.uniform(-1.0, 1.0)", rng.uniform(-1.0, 1.0))
// show("rng.standard_exponential(2)", rng.standard_exponential(2))
// show("rng.standard_normal(2)", rng.standard_normal(2))
//
// pcg = np.random.Generator(np.random.PCG64(12345))
// show("PCG64(12345) random(2)", pcg.random(2))
// ---- end python ----
//
// Build and run it with `cmake --workflow --preset quickstart`.
#include <nprandom/nprandom.hpp>

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

// Python's "%.17g" and C's agree digit for digit, so the two programs' outputs can be diffed.
void show(const char* label, const std::vector<double>& values) {
  std::printf("%-32s", label);
  for (std::size_t i = 0; i < values.size(); ++i) std::printf(i ? " %.17g" : "%.17g", values[i]);
  std::printf("\n");
}

void show(const char* label, const std::vector<std::int64_t>& values) {
  std::printf("%-32s", label);
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::printf(i ? " %" PRId64 : "%" PRId64, values[i]);
  }
  std::printf("\n");
}

void show(const char* label, double value) { show(label, std::vector<double>{value}); }

}  // namespace

int main() {
  // rng = np.random.default_rng(42)
  auto rng = nprandom::default_rng(42);

  show("rng.normal(size=5)", rng.normal(0.0, 1.0, 5));
  show("rng.integers(0, 10, size=5)", rng.integers(0, 10, 5));
  show("rng.random(3)", rng.random(3));
  show("rng.uniform(-1.0, 1.0)", rng.uniform(-1.0, 1.0));
  show("rng.standard_exponential(2)", rng.standard_exponential(2));
  show("rng.standard_normal(2)", rng.standard_normal(2));

  // pcg = np.random.Generator(np.random.PCG64(12345))
  nprandom::Generator<nprandom::PCG64> pcg(nprandom::PCG64(12345));
  show("PCG64(12345) random(2)", pcg.random(2));
  return 0;
}
