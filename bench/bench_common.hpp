// Shared helpers for nprandom's Google Benchmark suites: block-of-n benchmarks named by a key.
#ifndef NPRANDOM_BENCH_COMMON_HPP
#define NPRANDOM_BENCH_COMMON_HPP

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

namespace nprandom_bench {

// Values drawn per benchmark iteration (NumPy's timing uses the same count: the benchmark reports
// it as the user counter "n", which tools/bench_compare.py passes to NumPy).
constexpr std::size_t kBlock = 1000000;

// Registers benchmark `key`: `make()` builds the engine once (seeded 42), then each iteration runs
// `body(engine, kBlock)`, whose result is kept alive so the work cannot be optimised away.
template <class Make, class Body>
void add(const std::string& key, Make make, Body body, std::size_t n = kBlock) {
  benchmark::RegisterBenchmark(key.c_str(), [make, body, n](benchmark::State& state) mutable {
    auto engine = make();
    for (auto _ : state) {
      auto result = body(engine, n);
      benchmark::DoNotOptimize(result);
      benchmark::ClobberMemory();
    }
    state.counters["n"] = static_cast<double>(n);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(n));
  })->Unit(benchmark::kMillisecond);
}

}  // namespace nprandom_bench

#endif  // NPRANDOM_BENCH_COMMON_HPP
