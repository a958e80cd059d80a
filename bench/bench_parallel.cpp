// nprandom/parallel.hpp: same-stream fills over 1, 2 and 4 threads against the sequential call
// ("<key>/seq"), 10^7 values (bytes: 8 * 10^6 bytes) per iteration. Wall time is what counts
// here (the benchmark reports real time): the speed-up is bounded by the cores free.
#include "bench_common.hpp"

#include <nprandom/generator.hpp>
#include <nprandom/parallel.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kN = 10000000;

template <class BitGen, class Body>
void add(const std::string& key, Body body) {
  benchmark::RegisterBenchmark(key.c_str(), [body](benchmark::State& state) {
    nprandom::Generator<BitGen> g{BitGen(42)};
    std::vector<double> buf(kN);
    for (auto _ : state) {
      body(g, buf.data(), kN);
      benchmark::DoNotOptimize(buf.data());
      benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kN));
  })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

template <class BitGen>
void add_all(const std::string& name) {
  using G = nprandom::Generator<BitGen>;
  add<BitGen>(name + ".random/seq", [](G& g, double* out, std::size_t n) { g.random(out, n); });
  add<BitGen>(name + ".random_raw/seq", [](G& g, double* out, std::size_t n) {
    g.bit_generator().random_raw(reinterpret_cast<std::uint64_t*>(out), n);
  });
  add<BitGen>(name + ".bytes/seq", [](G& g, double*, std::size_t n) {
    benchmark::DoNotOptimize(g.bytes(8 * n));
  });
  for (std::size_t t : {1, 2, 4}) {
    const std::string suffix = "/threads:" + std::to_string(t);
    add<BitGen>(name + ".random" + suffix, [t](G& g, double* out, std::size_t n) {
      nprandom::parallel::random(g, out, n, t);
    });
    add<BitGen>(name + ".random_raw" + suffix, [t](G& g, double* out, std::size_t n) {
      nprandom::parallel::random_raw(g, reinterpret_cast<std::uint64_t*>(out), n, t);
    });
    add<BitGen>(name + ".bytes" + suffix, [t](G& g, double*, std::size_t n) {
      benchmark::DoNotOptimize(nprandom::parallel::bytes(g, 8 * n, t));
    });
  }
}

const bool registered = [] {
  add_all<nprandom::PCG64>("PCG64");
  add_all<nprandom::PCG64DXSM>("PCG64DXSM");
  add_all<nprandom::Philox>("Philox");
  return true;
}();

}  // namespace
