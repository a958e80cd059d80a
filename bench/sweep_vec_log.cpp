// The long sweep of detail/vec_log.hpp (too long for the unit tests, tests/test_vec_log.cpp):
// N values (default 10^9) through every vector log kernel this CPU runs and through
// log_reference<true>, each compared bit for bit with std::log, then N values through the exp
// kernels and exp_reference<true> against std::exp; prints the mismatches (none expected) and
// the wall time per value (a busy machine inflates it).
//   sweep_vec_log [N] [seed]
// Values: a third any positive double (uniform bit patterns: every exponent, subnormals
// included), a third the uniforms of the kernels ((0, 1) on the 2^-53 grid), a third within
// 2^-3 of 1 (the near-1 polynomial and its edges); exp: a third any double, a third in
// [-746, 710), a third in [-40, 40). Exit status 1 on any mismatch.
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

double exp_value(std::uint64_t i, std::uint64_t seed) {
  const std::uint64_t r = mix(i ^ (seed << 40) ^ 0x5555555555555555ULL);
  switch (i % 3) {
    case 0:
      return detail::vlog_double(r);
    case 1:
      return static_cast<double>(r >> 11) * 0x1p-53 * 1456.0 - 746.0;
    default:
      return static_cast<double>(r >> 11) * 0x1p-53 * 80.0 - 40.0;
  }
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
void exp_reference(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::exp_reference<true>(in[i]);
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
  bool ok = true;
  for (bool is_exp : {false, true}) {
    std::vector<cand> cands{is_exp ? cand{"exp_reference<true>", &exp_reference, 0.0, 0}
                                   : cand{"log_reference<true>", &reference, 0.0, 0}};
#if NPRANDOM_VEC_LOG
    for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512})
      if (detail::clamp_simd_level(l) == l)
        if (const auto k = is_exp ? detail::vexp_kernel_for(l) : detail::vlog_kernel_for(l))
          cands.push_back({std::string(is_exp ? "vector exp " : "vector log ") +
                               detail::simd_level_name(l),
                           k, 0.0, 0});
#endif
    std::printf("%s sweep: %" PRIu64 " values, seed %" PRIu64 ", vector path active: %d\n",
                is_exp ? "exp" : "log", n, seed,
                (is_exp ? detail::vec_exp_active() : detail::vec_log_active()) ? 1 : 0);
    constexpr std::size_t block = 1 << 16;
    std::vector<double> in(block), want(block), got(block);
    double libm_seconds = 0.0;
    using clock = std::chrono::steady_clock;
    for (std::uint64_t i = 0; i < n; i += block) {
      const std::size_t m = static_cast<std::size_t>(n - i < block ? n - i : block);
      for (std::size_t j = 0; j < m; ++j) in[j] = is_exp ? exp_value(i + j, seed) : value(i + j, seed);
      auto t0 = clock::now();
      if (is_exp) {
        for (std::size_t j = 0; j < m; ++j) want[j] = detail::exp(in[j]);
      } else {
        for (std::size_t j = 0; j < m; ++j) want[j] = detail::log(in[j]);
      }
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
    std::printf("std::%s: %.3f ns/value\n", is_exp ? "exp" : "log", libm_seconds * per);
    for (const auto& c : cands) {
      std::printf("%s: %" PRIu64 " mismatches, %.3f ns/value\n", c.name.c_str(), c.bad,
                  c.seconds * per);
      ok = ok && c.bad == 0;
    }
  }
  return ok ? 0 : 1;
}
