// Seed reset: np.random.seed(s) restarts the global legacy stream, so seeding with 42 again
// replays exactly the numbers 42 gave the first time.
//
// The NumPy program this mirrors (tools/make_example_expected.py runs it to write
// examples/seed_reset.expected, which CTest compares with this program's output):
//
// ---- python ----
// import numpy as np
//
// def show(label, values):
//     print("%-10s%s" % (label, " ".join("%.17g" % v for v in values)))
//
// np.random.seed(42)
// first = np.random.rand(3)
// show("seed 42", first)
// np.random.seed(100)
// show("seed 100", np.random.rand(2))
// np.random.seed(42)
// again = np.random.rand(3)
// show("seed 42", again)
// print("replayed:", bool((first == again).all()))
// ---- end python ----
#include <nprandom/legacy/global.hpp>

#include <cstdio>
#include <vector>

namespace {

// Python's "%.17g" and C's agree digit for digit, so the two programs' outputs can be diffed.
void show(const char* label, const std::vector<double>& values) {
  std::printf("%-10s", label);
  for (std::size_t i = 0; i < values.size(); ++i) std::printf(i ? " %.17g" : "%.17g", values[i]);
  std::printf("\n");
}

}  // namespace

int main() {
  nprandom::seed(42);  // np.random.seed(42)
  const std::vector<double> first = nprandom::rand(3);
  show("seed 42", first);

  nprandom::seed(100);  // a different seed: a different stream
  show("seed 100", nprandom::rand(2));

  nprandom::seed(42);  // back to 42: the first numbers again
  const std::vector<double> again = nprandom::rand(3);
  show("seed 42", again);

  std::printf("replayed: %s\n", first == again ? "True" : "False");
  return 0;
}
