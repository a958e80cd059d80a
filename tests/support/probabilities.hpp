// Probability vectors with uneven weights and some zeros, for the choice-with-p tests (long enough
// for cdf_search's guide table, zeros giving repeated cdf entries).
#pragma once

#include <cstddef>
#include <vector>

namespace nprandom_test {

// n probabilities: 0 where i % zero_every == zero_at, else 1 + i % cycle, divided by their sum.
inline std::vector<double> uneven_p(std::size_t n, std::size_t zero_every, std::size_t zero_at,
                                    std::size_t cycle) {
  std::vector<double> p(n);
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    p[i] = i % zero_every == zero_at ? 0.0 : 1.0 + static_cast<double>(i % cycle);
    total += p[i];
  }
  for (double& x : p) x /= total;
  return p;
}

}  // namespace nprandom_test
