// Legacy API: np.random.seed / rand / randn and their nprandom twins print the same numbers.
//
// The NumPy program this mirrors (tools/make_example_expected.py runs it to write
// examples/legacy_seed.expected, which CTest compares with this program's output):
//
// ---- python ----
// import numpy as np
//
// np.random.seed(42)
// for v in list(np.random.rand(3)) + list(np.random.randn(3)):
//     print("%.17g" % v)
// ---- end python ----
//
// (The Python session `np.random.seed(42); print(np.random.rand(3), np.random.randn(3))`,
// printed one value per line with full precision.)
#include <nprandom/legacy/global.hpp>

#include <cstdio>

int main() {
  nprandom::seed(42);
  // One statement per draw: rand must run before randn, as in the Python program.
  const auto u = nprandom::rand(3);
  const auto z = nprandom::randn(3);
  for (double v : u) std::printf("%.17g\n", v);
  for (double v : z) std::printf("%.17g\n", v);
  return 0;
}
