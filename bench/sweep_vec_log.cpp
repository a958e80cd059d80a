// The long sweep of detail/vec_log.hpp (too long for the unit tests, tests/test_vec_log.cpp):
// N values (default 10^9) through every vector log kernel this CPU runs and through
// log_reference<true>, each compared bit for bit with std::log, then N values through the exp
// kernels and exp_reference<true> against std::exp, then N values through the pow kernels and
// pow_reference<true> against std::pow, then N values through the expm1 (log1p) kernels and
// expm1_reference (log1p_reference) against std::expm1 (std::log1p) (detail/vec_expm1.hpp); prints the mismatches (none expected) and the wall time
// per value (a busy machine inflates it).
//   sweep_vec_log [N] [seed] [log,exp,pow,expm1,log1p]
// Values: a third any positive double (uniform bit patterns: every exponent, subnormals
// included), a third the uniforms of the kernels ((0, 1) on the 2^-53 grid), a third within
// 2^-3 of 1 (the near-1 polynomial and its edges); exp: a third any double, a third in
// [-746, 710), a third in [-40, 40); pow: y fixed per block of 2^16 (cycling through 1/a for
// a in (0.05, 20), (-10, 10), (-2^17, 2^17), and any double), x by value: an exponential, a
// uniform of (0, 1), within 2^-6 of 1, any positive double; expm1, log1p: see expm1_value, log1p_value. Exit status 1
// on any mismatch.
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/detail/vec_expm1.hpp>
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

double unit(std::uint64_t r) { return static_cast<double>(r >> 11) * 0x1p-53; }

double pow_y(std::uint64_t block, std::uint64_t seed) {
  const std::uint64_t r = mix(block ^ (seed << 40) ^ 0x3333333333333333ULL);
  switch (block % 4) {
    case 0:
      return 1.0 / (0.05 + 20.0 * unit(r));
    case 1:
      return 20.0 * unit(r) - 10.0;
    case 2:
      return (2.0 * unit(r) - 1.0) * 0x1p17;
    default:
      return detail::vlog_double(r);
  }
}

double pow_x(std::uint64_t i, std::uint64_t seed) {
  const std::uint64_t r = mix(i ^ (seed << 40) ^ 0x7777777777777777ULL);
  switch (i % 4) {
    case 0:
      return -std::log1p(-unit(r));
    case 1:
      return static_cast<double>((r >> 11) | 1) * 0x1p-53;
    case 2:
      return 1.0 + (unit(r) - 0.5) * 0x1p-5;
    default:
      return detail::vlog_double(r >> 1);
  }
}

// expm1: any bit pattern, (-40, 40) (every k), (-1.1, 1.1) (k = 0, +-1), and -E / E a: power's
// and pareto's arguments (E exponential, a in (0.05, 20)).
double expm1_value(std::uint64_t i, std::uint64_t seed) {
  const std::uint64_t r = mix(i ^ (seed << 40) ^ 0x1111111111111111ULL);
  switch (i % 4) {
    case 0:
      return detail::vlog_double(r);
    case 1:
      return 80.0 * unit(r) - 40.0;
    case 2:
      return 2.2 * unit(r) - 1.1;
    default: {
      const double e = -std::log1p(-unit(r));
      return (r & 1) ? -e : e / (0.05 + 20.0 * unit(mix(r)));
    }
  }
}

// log1p: any bit pattern, -U (the inversion's and rayleigh's arguments), (-1, 3), and 2^e m
// with e in [-60, 60) of either sign.
double log1p_value(std::uint64_t i, std::uint64_t seed) {
  const std::uint64_t r = mix(i ^ (seed << 40) ^ 0x2222222222222222ULL);
  switch (i % 4) {
    case 0:
      return detail::vlog_double(r);
    case 1:
      return -unit(r);
    case 2:
      return 4.0 * unit(r) - 1.0;
    default:
      return std::ldexp((r & 1) ? 1.0 + unit(r) : -0.5 - 0.5 * unit(r),
                        static_cast<int>(mix(r) % 120) - 60);
  }
}

using kernel_fn = void (*)(const double*, double*, std::size_t) noexcept;
using pow_fn = void (*)(const double*, double, double*, std::size_t) noexcept;

void reference(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::log_reference<true>(in[i]);
}
void exp_reference(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::exp_reference<true>(in[i]);
}
void expm1_reference(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::expm1_reference(in[i]);
}
void log1p_reference(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::log1p_reference(in[i]);
}
void pow_reference(const double* in, double y, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::pow_reference<true>(in[i], y);
}

}  // namespace

int main(int argc, char** argv) {
  const std::uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000000ULL;
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  const std::string which = argc > 3 ? argv[3] : "log,exp,pow,expm1,log1p";
  struct cand {
    std::string name;
    kernel_fn fn;
    double seconds;
    std::uint64_t bad;
  };
  const auto has = [&which](const char* f) {
    return ("," + which + ",").find(std::string(",") + f + ",") != std::string::npos;
  };
  bool ok = true;
  for (bool is_exp : {false, true}) {
    if (!has(is_exp ? "exp" : "log")) continue;
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
  for (bool is_log1p : {false, true}) {
    if (!has(is_log1p ? "log1p" : "expm1")) continue;
    const char* fname = is_log1p ? "log1p" : "expm1";
    struct cand {
      std::string name;
      kernel_fn fn;
      double seconds;
      std::uint64_t bad;
    };
    std::vector<cand> cands{is_log1p ? cand{"log1p_reference", &log1p_reference, 0.0, 0}
                                     : cand{"expm1_reference", &expm1_reference, 0.0, 0}};
#if NPRANDOM_VEC_LOG
    for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512})
      if (detail::clamp_simd_level(l) == l)
        if (const auto k = is_log1p ? detail::vlog1p_kernel_for(l) : detail::vexpm1_kernel_for(l))
          cands.push_back({std::string("vector ") + fname + " " + detail::simd_level_name(l), k,
                           0.0, 0});
#endif
    std::printf("%s sweep: %" PRIu64 " values, seed %" PRIu64 ", vector path active: %d\n", fname,
                n, seed,
                (is_log1p ? detail::vec_log1p_active() : detail::vec_expm1_active()) ? 1 : 0);
    constexpr std::size_t block = 1 << 16;
    std::vector<double> in(block), want(block), got(block);
    double libm_seconds = 0.0;
    using clock = std::chrono::steady_clock;
    for (std::uint64_t i = 0; i < n; i += block) {
      const std::size_t m = static_cast<std::size_t>(n - i < block ? n - i : block);
      for (std::size_t j = 0; j < m; ++j)
        in[j] = is_log1p ? log1p_value(i + j, seed) : expm1_value(i + j, seed);
      auto t0 = clock::now();
      if (is_log1p) {
        for (std::size_t j = 0; j < m; ++j) want[j] = detail::log1p(in[j]);
      } else {
        for (std::size_t j = 0; j < m; ++j) want[j] = detail::expm1(in[j]);
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
    std::printf("std::%s: %.3f ns/value\n", fname, libm_seconds * per);
    for (const auto& c : cands) {
      std::printf("%s: %" PRIu64 " mismatches, %.3f ns/value\n", c.name.c_str(), c.bad,
                  c.seconds * per);
      ok = ok && c.bad == 0;
    }
  }
  if (has("pow")) {
    struct pcand {
      std::string name;
      pow_fn fn;
      double seconds;
      std::uint64_t bad;
    };
    std::vector<pcand> cands{{"pow_reference<true>", &pow_reference, 0.0, 0}};
#if NPRANDOM_VEC_LOG
    for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512})
      if (detail::clamp_simd_level(l) == l)
        if (const auto k = detail::vpow_kernel_for(l))
          cands.push_back({std::string("vector pow ") + detail::simd_level_name(l), k, 0.0, 0});
#endif
    std::printf("pow sweep: %" PRIu64 " values, seed %" PRIu64 ", vector path active: %d\n", n,
                seed, detail::vec_pow_active() ? 1 : 0);
    constexpr std::size_t block = 1 << 16;
    std::vector<double> in(block), want(block), got(block);
    double libm_seconds = 0.0;
    std::uint64_t vector_lanes = 0;  // values on the main path (not std::pow's special cases)
    using clock = std::chrono::steady_clock;
    for (std::uint64_t i = 0; i < n; i += block) {
      const std::size_t m = static_cast<std::size_t>(n - i < block ? n - i : block);
      const double y = pow_y(i / block, seed);
      for (std::size_t j = 0; j < m; ++j) in[j] = pow_x(i + j, seed);
      auto t0 = clock::now();
      for (std::size_t j = 0; j < m; ++j) want[j] = detail::pow(in[j], y);
      libm_seconds += std::chrono::duration<double>(clock::now() - t0).count();
      for (std::size_t j = 0; j < m; ++j) {
        const double e = detail::log(in[j]) * y;
        vector_lanes += in[j] > 0x1p-1022 && in[j] <= 0x1.fffffffffffffp1023 && detail::vpow_y_ok(y) &&
                        e == e && (e < 0 ? -e : e) >= 0x1p-54 && (e < 0 ? -e : e) < 511.0;
      }
      for (auto& c : cands) {
        t0 = clock::now();
        c.fn(in.data(), y, got.data(), m);
        c.seconds += std::chrono::duration<double>(clock::now() - t0).count();
        for (std::size_t j = 0; j < m; ++j) {
          if (std::memcmp(&got[j], &want[j], sizeof(double)) != 0) {
            if (c.bad++ < 10)
              std::printf("MISMATCH %s x=%a y=%a libm=%a got=%a\n", c.name.c_str(), in[j], y,
                          want[j], got[j]);
          }
        }
      }
    }
    const double per = 1e9 / static_cast<double>(n);
    std::printf("about %" PRIu64 " values on the main path (the rest std::pow's)\n", vector_lanes);
    std::printf("std::pow: %.3f ns/value\n", libm_seconds * per);
    for (const auto& c : cands) {
      std::printf("%s: %" PRIu64 " mismatches, %.3f ns/value\n", c.name.c_str(), c.bad,
                  c.seconds * per);
      ok = ok && c.bad == 0;
    }
  }
  return ok ? 0 : 1;
}
