// Bit-generator throughput in blocks of 10^6 values: raw 64-bit output into caller memory
// (NumPy: bit_generator.random_raw(n)) and next_double (NumPy: Generator(bitgen).random(n)).
// Benchmark names are "<key>/<generator>"; tools/bench_compare.py times the NumPy twin of each.
#include "bench_common.hpp"

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/bit_generators/pcg64.hpp>
#include <nprandom/bit_generators/philox.hpp>
#include <nprandom/bit_generators/sfc64.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace {

template <class BitGen>
void add_bit_generator(const std::string& name) {
  // Like NumPy's random_raw(n), which returns a fresh array, each iteration fills a buffer: the
  // fill form allocates nothing, so the buffer lives outside the timed loop.
  auto raw = std::make_shared<std::vector<std::uint64_t>>(nprandom_bench::kBlock);
  nprandom_bench::add(
      "random_raw/" + name, [] { return BitGen(42); },
      [raw](BitGen& bg, std::size_t n) {
        bg.random_raw(raw->data(), n);
        return raw->data();
      });
  auto dbl = std::make_shared<std::vector<double>>(nprandom_bench::kBlock);
  nprandom_bench::add(
      "next_double/" + name, [] { return BitGen(42); },
      [dbl](BitGen& bg, std::size_t n) {
        double* out = dbl->data();
        for (std::size_t i = 0; i < n; ++i) out[i] = bg.next_double();
        return out;
      });
}

const bool registered = [] {
  add_bit_generator<nprandom::PCG64>("PCG64");
  add_bit_generator<nprandom::PCG64DXSM>("PCG64DXSM");
  add_bit_generator<nprandom::MT19937>("MT19937");
  add_bit_generator<nprandom::Philox>("Philox");
  add_bit_generator<nprandom::SFC64>("SFC64");
  return true;
}();

}  // namespace
