// The long sweep of detail/vec_log.hpp (too long for the unit tests, tests/test_vec_log.cpp):
// N values (default 10^9) through every vector kernel this CPU runs and through
// log_reference<true>, each compared bit for bit with std::log; prints the mismatches (none
// expected) and the time per value of std::log and of each kernel.
//   sweep_vec_log [N] [seed]
// Values: a third any positive double (uniform bit patterns: every exponent, subnormals
// included), a third the uniforms of the kernels ((0, 1) on the 2^-53 grid), a third within
// 2^-3 of 1 (the near-1 polynomial and its edges). Exit status 1 on any mismatch.
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/detail/vec_log.hpp>

#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace detail = nprandom::detail;

namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

double value(std::uint64_t i, std::uint64_t seed) {
  const std::uint64_t r = mix(i ^ (seed << 40));
  switch (i % 3) {
    case 0:
      return detail::vlog_double(r >> 1);
    case 1:
      return static_cast<double>((r >> 11) | 1) * 0x1p-53;
    default:
      return 1.0 + (static_cast<double>(r >> 11) * 0x1p-53 - 0.5) * 0x1p-2;
  }
}

using kernel_fn = void (*)(const double*, double*, std::size_t) noexcept;

void reference(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::log_reference<true>(in[i]);
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000000ULL;
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  struct cand {
    std::string name;
    kernel_fn fn;
    double seconds;
    std::uint64_t bad;
  };
  std::vector<cand> cands{{"log_reference<true>", &reference, 0.0, 0}};
#if NPRANDOM_VEC_LOG
  for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512})
    if (detail::clamp_simd_level(l) == l)
      if (const auto k = detail::vlog_kernel_for(l))
        cands.push_back({std::string("vector ") + detail::simd_level_name(l), k, 0.0, 0});
#endif
  std::printf("vec_log sweep: %" PRIu64 " values, seed %" PRIu64 ", vector path active: %d\n", n,
              seed, detail::vec_log_active() ? 1 : 0);
  constexpr std::size_t block = 1 << 16;
  std::vector<double> in(block), want(block), got(block);
  double libm_seconds = 0.0;
  using clock = std::chrono::steady_clock;
  for (std::uint64_t i = 0; i < n; i += block) {
    const std::size_t m = static_cast<std::size_t>(n - i < block ? n - i : block);
    for (std::size_t j = 0; j < m; ++j) in[j] = value(i + j, seed);
    auto t0 = clock::now();
    for (std::size_t j = 0; j < m; ++j) want[j] = detail::log(in[j]);
    libm_seconds += std::chrono::duration<double>(clock::now() - t0).count();
    for (auto& c : cands) {
      t0 = clock::now();
      c.fn(in.data(), got.data(), m);
      c.seconds += std::chrono::duration<double>(clock::now() - t0).count();
      for (std::size_t j = 0; j < m; ++j) {
        if (std::memcmp(&got[j], &want[j], sizeof(double)) != 0) {
          if (c.bad++ < 10)
            std::printf("MISMATCH %s x=%a libm=%a got=%a\n", c.name.c_str(), in[j], want[j],
                        got[j]);
        }
      }
    }
  }
  const double per = 1e9 / static_cast<double>(n);
  std::printf("std::log: %.3f ns/value\n", libm_seconds * per);
  bool ok = true;
  for (const auto& c : cands) {
    std::printf("%s: %" PRIu64 " mismatches, %.3f ns/value\n", c.name.c_str(), c.bad,
                c.seconds * per);
    ok = ok && c.bad == 0;
  }
  return ok ? 0 : 1;
}
