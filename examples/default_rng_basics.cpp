// default_rng basics: the everyday Generator calls -- random, integers, normal, choice, shuffle,
// permutation -- with NumPy's default_rng(12345) and nprandom::default_rng(12345).
//
// The NumPy program this mirrors (tools/make_example_expected.py runs it to write
// examples/default_rng_basics.expected, which CTest compares with this program's output):
//
// ---- python ----
// import numpy as np
//
// def show(label, values):
//     print("%-40s%s" % (label, " ".join(str(v) if isinstance(v, str) else "%.17g" % v
//                                        for v in np.atleast_1d(values))))
//
// rng = np.random.default_rng(12345)
// show("rng.random(3)", rng.random(3))
// show("rng.integers(0, 100, size=5)", rng.integers(0, 100, size=5))
// show("rng.normal(10.0, 2.0, size=3)", rng.normal(10.0, 2.0, size=3))
// show("rng.choice(10, size=4)", rng.choice(10, size=4))
// show("rng.choice(10, size=4, replace=False)", rng.choice(10, size=4, replace=False))
// show("rng.choice(colors, size=3)", rng.choice(["red", "green", "blue"], size=3))
// deck = np.arange(8)
// rng.shuffle(deck)                                  # in place
// show("rng.shuffle(deck)", deck)
// show("rng.permutation(8)", rng.permutation(8))     # a shuffled copy of 0..7
// ---- end python ----
#include <nprandom/nprandom.hpp>

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

namespace {

// Python's "%.17g" and C's agree digit for digit, so the two programs' outputs can be diffed.
void show(const char* label, const std::vector<double>& values) {
  std::printf("%-40s", label);
  for (std::size_t i = 0; i < values.size(); ++i) std::printf(i ? " %.17g" : "%.17g", values[i]);
  std::printf("\n");
}

void show(const char* label, const std::vector<std::int64_t>& values) {
  std::printf("%-40s", label);
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::printf(i ? " %" PRId64 : "%" PRId64, values[i]);
  }
  std::printf("\n");
}

void show(const char* label, const std::vector<std::string>& values) {
  std::printf("%-40s", label);
  for (std::size_t i = 0; i < values.size(); ++i) std::printf(i ? " %s" : "%s", values[i].c_str());
  std::printf("\n");
}

}  // namespace

int main() {
  auto rng = nprandom::default_rng(12345);

  show("rng.random(3)", rng.random(3));
  show("rng.integers(0, 100, size=5)", rng.integers(0, 100, 5));
  show("rng.normal(10.0, 2.0, size=3)", rng.normal(10.0, 2.0, 3));
  show("rng.choice(10, size=4)", rng.choice(10, 4));
  show("rng.choice(10, size=4, replace=False)", rng.choice(10, 4, /*replace=*/false));
  const std::vector<std::string> colors{"red", "green", "blue"};
  show("rng.choice(colors, size=3)", rng.choice(colors, 3));

  std::vector<std::int64_t> deck(8);
  std::iota(deck.begin(), deck.end(), 0);  // np.arange(8)
  rng.shuffle(deck);                       // in place
  show("rng.shuffle(deck)", deck);
  show("rng.permutation(8)", rng.permutation(8));  // a shuffled copy of 0..7
  return 0;
}
