// Monte Carlo pi: the fraction of 10^5 uniform points in the unit square that fall inside the
// quarter circle x^2 + y^2 < 1 is about pi/4.
//
// The NumPy program this mirrors (tools/make_example_expected.py runs it to write
// examples/monte_carlo_pi.expected, which CTest compares with this program's output):
//
// ---- python ----
// import numpy as np
//
// n = 100_000
// rng = np.random.default_rng(2026)
// x = rng.random(n)
// y = rng.random(n)
// inside = int(np.count_nonzero(x * x + y * y < 1.0))
// print("points inside:", inside, "of", n)
// print("pi estimate:  %.17g" % (4.0 * inside / n))
// ---- end python ----
#include <nprandom/nprandom.hpp>

#include <cstdint>
#include <cstdio>
#include <vector>

int main() {
  constexpr std::int64_t n = 100000;
  auto rng = nprandom::default_rng(2026);
  const std::vector<double> x = rng.random(n);  // all the x first, then all the y, as NumPy
  const std::vector<double> y = rng.random(n);

  std::int64_t inside = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] * x[i] + y[i] * y[i] < 1.0) ++inside;
  }
  std::printf("points inside: %lld of %lld\n", static_cast<long long>(inside),
              static_cast<long long>(n));
  std::printf("pi estimate:  %.17g\n", 4.0 * static_cast<double>(inside) / static_cast<double>(n));
  return 0;
}
