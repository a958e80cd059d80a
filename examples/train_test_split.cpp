// Train/test split: a reproducible 80/20 split of the row indices 0..19 -- shuffle the indices
// once with rng.permutation, then take the first 80% for training and the rest for testing.
//
// The NumPy program this mirrors (tools/make_example_expected.py runs it to write
// examples/train_test_split.expected, which CTest compares with this program's output):
//
// ---- python ----
// import numpy as np
//
// n_rows = 20
// rng = np.random.default_rng(7)
// order = rng.permutation(n_rows)
// n_train = n_rows * 80 // 100
// train, test = order[:n_train], order[n_train:]
// print("train:", *train)
// print("test: ", *test)
// ---- end python ----
#include <nprandom/nprandom.hpp>

#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

void print_row(const char* label, const std::int64_t* first, const std::int64_t* last) {
  std::printf("%s", label);
  for (; first != last; ++first) std::printf(" %lld", static_cast<long long>(*first));
  std::printf("\n");
}

}  // namespace

int main() {
  constexpr std::int64_t n_rows = 20;
  auto rng = nprandom::default_rng(7);
  const std::vector<std::int64_t> order = rng.permutation(n_rows);
  const std::size_t n_train = n_rows * 80 / 100;

  print_row("train:", order.data(), order.data() + n_train);
  print_row("test: ", order.data() + n_train, order.data() + order.size());
  return 0;
}
