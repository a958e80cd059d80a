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

// ---- Method cases (bench_methods*.cpp, tools/bench_report.py) -----------------------------------
// One row per case, written once: the key, the NumPy twin (setup code and a statement in which
// the word SIZE stands for the count: "g.normal(1.0, 2.0, SIZE)"), and one C++ callable taking
// (engine, n) for the sized form and (engine) for the scalar form -- usually a generic
// `[](Gen& g, auto... s) { return g.normal(1.0, 2.0, s...); }`. The NumPy twin travels in the
// benchmark's label ("<setup> || <statement>"), so tools/bench_report.py times exactly the call
// listed next to the C++ lambda: the two sides cannot drift apart.
//   sized/<key>   one call drawing n values per iteration (NumPy: SIZE -> N)
//   scalar/<key>  kScalarCalls one-value calls per iteration (NumPy: ", SIZE" removed, one call
//                 timed in a timeit loop, Python's call overhead included)
//   std/<key>, boost/<key>  the same distribution from <random> / Boost.Random (scalar calls)
enum Forms : unsigned { kSized = 1U, kScalar = 2U, kBoth = 3U };

constexpr std::size_t kScalarCalls = 100000;

inline const char* label_separator() { return " || "; }

template <unsigned F = kBoth, class Make, class Call>
void method(const std::string& key, const std::string& setup, const std::string& stmt, Make make,
            Call call, std::size_t n = kBlock) {
  const std::string label = setup + label_separator() + stmt;
  if constexpr ((F & kSized) != 0U) {
    benchmark::RegisterBenchmark(
        ("sized/" + key).c_str(), [make, call, n, label](benchmark::State& state) mutable {
          auto engine = make();
          for (auto _ : state) {
            auto result = call(engine, n);
            benchmark::DoNotOptimize(result);
            benchmark::ClobberMemory();
          }
          state.counters["n"] = static_cast<double>(n);
          state.SetLabel(label);
        });
  }
  if constexpr ((F & kScalar) != 0U) {
    benchmark::RegisterBenchmark(
        ("scalar/" + key).c_str(), [make, call, label](benchmark::State& state) mutable {
          auto engine = make();
          for (auto _ : state) {
            for (std::size_t i = 0; i < kScalarCalls; ++i) {
              auto result = call(engine);
              benchmark::DoNotOptimize(result);
            }
          }
          state.counters["n"] = static_cast<double>(kScalarCalls);
          state.SetLabel(label);
        });
  }
}

// Registers "<lib>/<key>": kScalarCalls draws of `dist` over a default-seeded-42 `Engine`.
template <class Engine, class Dist>
void versus(const std::string& lib, const std::string& key, Dist dist) {
  benchmark::RegisterBenchmark((lib + "/" + key).c_str(), [dist](benchmark::State& state) mutable {
    Engine engine(42);
    for (auto _ : state) {
      for (std::size_t i = 0; i < kScalarCalls; ++i) {
        auto result = dist(engine);
        benchmark::DoNotOptimize(result);
      }
    }
    state.counters["n"] = static_cast<double>(kScalarCalls);
  });
}

}  // namespace nprandom_bench

#endif  // NPRANDOM_BENCH_COMMON_HPP
