// MPI ranks: every rank seeds its own Generator from SeedSequence(seed).spawn(size)[rank], so the
// ranks draw independent streams and the run is reproducible for a given number of ranks. Rank 0
// gathers everyone's draws (MPI_Gather) and prints them in rank order.
//
// Run it with `mpiexec -np 2 ./mpi_ranks` (CTest does, when CMake finds MPI). The NumPy program
// this mirrors computes the two ranks' draws one after the other (tools/make_example_expected.py
// runs it to write examples/mpi_ranks.expected, which CTest compares with this program's output):
//
// ---- python ----
// import numpy as np
//
// size = 2                                           # mpiexec -np 2
// children = np.random.SeedSequence(2026).spawn(size)
// for rank in range(size):
//     rng = np.random.default_rng(children[rank])
//     print("rank %d: %s" % (rank, " ".join("%.17g" % v for v in rng.random(3))))
// ---- end python ----
#include <mpi.h>

#include <nprandom/nprandom.hpp>

#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  int size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);

  // Every rank spawns the same children and keeps its own.
  std::vector<nprandom::SeedSequence> children = nprandom::SeedSequence(2026).spawn(size);
  auto rng = nprandom::default_rng(children[static_cast<std::size_t>(rank)]);
  constexpr int n_draws = 3;
  const std::vector<double> mine = rng.random(n_draws);

  std::vector<double> all(rank == 0 ? static_cast<std::size_t>(size) * n_draws : 0);
  MPI_Gather(mine.data(), n_draws, MPI_DOUBLE, all.data(), n_draws, MPI_DOUBLE, 0, MPI_COMM_WORLD);

  if (rank == 0) {
    for (int r = 0; r < size; ++r) {
      std::printf("rank %d:", r);
      for (int i = 0; i < n_draws; ++i) {
        std::printf(i ? " %.17g" : " %.17g", all[static_cast<std::size_t>(r * n_draws + i)]);
      }
      std::printf("\n");
    }
  }
  MPI_Finalize();
  return 0;
}
