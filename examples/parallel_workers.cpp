// Parallel workers: give each thread its own Generator, seeded from SeedSequence(seed).spawn(n).
// The children are independent streams, and the results do not depend on thread scheduling.
// The pitfall: seeding two workers with the same integer gives them the *same* stream.
//
// The NumPy program this mirrors (tools/make_example_expected.py runs it to write
// examples/parallel_workers.expected, which CTest compares with this program's output). NumPy
// draws the workers one after another; the C++ program runs them in std::threads:
//
// ---- python ----
// import numpy as np
//
// def show(label, values):
//     print("%-10s%s" % (label, " ".join("%.17g" % v for v in values)))
//
// children = np.random.SeedSequence(2024).spawn(4)
// for worker, child in enumerate(children):
//     rng = np.random.Generator(np.random.PCG64(child))
//     show("worker %d" % worker, rng.random(3))
//
// # pitfall: the same integer seed in two workers
// a = np.random.default_rng(7).random(3)
// b = np.random.default_rng(7).random(3)
// show("same 7 a", a)
// show("same 7 b", b)
// print("identical:", bool((a == b).all()))
// ---- end python ----
#include <nprandom/nprandom.hpp>

#include <cstddef>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

// Python's "%.17g" and C's agree digit for digit, so the two programs' outputs can be diffed.
void show(const std::string& label, const std::vector<double>& values) {
  std::printf("%-10s", label.c_str());
  for (std::size_t i = 0; i < values.size(); ++i) std::printf(i ? " %.17g" : "%.17g", values[i]);
  std::printf("\n");
}

}  // namespace

int main() {
  constexpr std::size_t n_workers = 4;
  std::vector<nprandom::SeedSequence> children = nprandom::SeedSequence(2024).spawn(n_workers);

  // Each worker owns its Generator and writes only its own slot of `results`.
  std::vector<std::vector<double>> results(n_workers);
  std::vector<std::thread> workers;
  for (std::size_t w = 0; w < n_workers; ++w) {
    workers.emplace_back([&results, &children, w] {
      nprandom::Generator<nprandom::PCG64> rng{nprandom::PCG64(children[w])};
      results[w] = rng.random(3);
    });
  }
  for (auto& t : workers) t.join();  // all done before anything is printed
  for (std::size_t w = 0; w < n_workers; ++w) show("worker " + std::to_string(w), results[w]);

  // Pitfall: the same integer seed in two workers gives two copies of one stream.
  std::vector<double> a, b;
  std::thread ta([&a] { a = nprandom::default_rng(7).random(3); });
  std::thread tb([&b] { b = nprandom::default_rng(7).random(3); });
  ta.join();
  tb.join();
  show("same 7 a", a);
  show("same 7 b", b);
  std::printf("identical: %s\n", a == b ? "True" : "False");
  return 0;
}
