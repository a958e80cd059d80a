// The batched expm1 (detail/vec_expm1.hpp) is the C library's expm1 bit for bit: the portable
// scalar reference of glibc's FMA build and every vector kernel this CPU can run, against
// std::expm1, on pseudo-random doubles of every exponent, the ranges of every branch (k = 0,
// +-1, <= -2, 2..19, 20..56), grids around the branch edges and the specials; expm1_batch at every
// SIMD level and in place; the self-check gate rejects a kernel off by one ulp and (on this CPU)
// accepts the real kernels. A 10^9-value sweep is bench/sweep_vec_log.cpp (`expm1`).
#include "support/catch.hpp"
#include "support/same_values.hpp"

#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/detail/vec_expm1.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace detail = nprandom::detail;

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__OPTIMIZE__)
constexpr std::size_t kRandom = 500000;
#else
constexpr std::size_t kRandom = 2000000;
#endif

std::uint64_t bits(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}
double from_bits(std::uint64_t u) {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}
std::uint64_t mix(std::uint64_t x) {  // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

using kernel_fn = void (*)(const double*, double*, std::size_t) noexcept;

void reference_kernel(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::expm1_reference(in[i]);
}

// True when std::expm1 is glibc's FMA build (the reference matches it on every probe).
bool libm_is_fma_build() {
  double probes[detail::vlog_probe_count];
  detail::vexpm1_probes(probes, detail::vlog_probe_count);
  for (double x : probes)
    if (bits(detail::expm1_reference(x)) != bits(std::expm1(x))) return false;
  return true;
}

struct candidate {
  std::string name;
  kernel_fn fn;
};

std::vector<candidate> candidates() {
  std::vector<candidate> out;
  if (!libm_is_fma_build()) return out;
  out.push_back({"expm1_reference", &reference_kernel});
#if NPRANDOM_VEC_LOG
  for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
    if (detail::clamp_simd_level(l) != l) continue;
    if (const auto k = detail::vexpm1_kernel_for(l))
      out.push_back({std::string("vector expm1 ") + detail::simd_level_name(l), k});
  }
#endif
  return out;
}

// n values gen(i) through every candidate, in blocks of 4099 (whole vectors and tails), each
// compared bit for bit with std::expm1.
template <class Gen>
void sweep(const char* what, std::uint64_t n, Gen gen) {
  static const std::vector<candidate> cands = candidates();
  INFO(what);
  constexpr std::size_t block = 4099;
  std::vector<double> in(block), out(block);
  for (const auto& c : cands) {
    INFO(c.name);
    std::uint64_t bad = 0;
    double first_bad = 0.0;
    for (std::uint64_t i = 0; i < n; i += block) {
      const std::size_t m = static_cast<std::size_t>(n - i < block ? n - i : block);
      for (std::size_t j = 0; j < m; ++j) in[j] = gen(i + j);
      c.fn(in.data(), out.data(), m);
      for (std::size_t j = 0; j < m; ++j)
        if (bits(out[j]) != bits(std::expm1(in[j]))) {
          if (bad++ == 0) first_bad = in[j];
        }
    }
    CAPTURE(first_bad);
    REQUIRE(bad == 0);
  }
}

double uniform(std::uint64_t i, std::uint64_t salt) {
  return static_cast<double>(mix(i + (salt << 40)) >> 11) * 0x1p-53;
}

struct level_guard {
  detail::simd_level saved = detail::current_simd_level();
  ~level_guard() { detail::set_simd_level(saved); }
};

}  // namespace

TEST_CASE("vec_expm1: random doubles and every branch's range", "[vec_expm1]") {
  sweep("any bit pattern", kRandom, [](std::uint64_t i) { return from_bits(mix(i)); });
  sweep("(-40, 40): every k", kRandom, [](std::uint64_t i) { return uniform(i, 1) * 80.0 - 40.0; });
  sweep("(-1.1, 1.1): k = 0, +-1", kRandom,
        [](std::uint64_t i) { return uniform(i, 2) * 2.2 - 1.1; });
  sweep("-E: power's arguments", kRandom,
        [](std::uint64_t i) { return std::log(uniform(i, 3) + 0x1p-60); });
  sweep("E / a: pareto's arguments", kRandom,
        [](std::uint64_t i) { return -std::log(uniform(i, 4) + 0x1p-60) / 0.3; });
  sweep("every exponent in (2^-60, 64)", kRandom, [](std::uint64_t i) {
    const double m = 1.0 + uniform(i, 5);
    return std::ldexp(i % 2 ? m : -m, static_cast<int>(mix(i) % 66) - 60);
  });
}

TEST_CASE("vec_expm1: branch edges, grids and specials", "[vec_expm1]") {
  std::vector<double> v = {0.0,
                           -0.0,
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::denorm_min(),
                           -std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::max(),
                           -std::numeric_limits<double>::max()};
  // 2^-54, 0.5 ln2, 1.5 ln2, -0.25 +- ln2 (k = 1's switch), 56 ln2, k = 20's edge, overflow
  for (double e : {0x1p-54, 0x1.62e42p-2, 0x1.0a2b2p0, 0x1.3a0p-1, 0x1.62e42fefa39efp-1 - 0.25,
                   0x1.3687ap5, 0x1.bcp3, 19.5 * 0x1.62e42fefa39efp-1, 0x1.62e42fefa39efp+9})
    for (std::uint64_t d = 0; d < 256; ++d)
      for (double sgn : {1.0, -1.0}) {
        v.push_back(sgn * from_bits(bits(e) + d));
        v.push_back(sgn * from_bits(bits(e) - d - 1));
      }
  // every (k + 1/2) ln2 and k ln2 in [-56, 56] (the rounding of k) and neighbours
  for (int k = -112; k <= 112; ++k)
    for (std::uint64_t d = 0; d < 64; ++d) {
      const double c = k * 0.5 * 0x1.62e42fefa39efp-1;
      if (c == 0.0) continue;
      v.push_back(from_bits(bits(c) + d));
      v.push_back(from_bits(bits(c) - d - 1));
    }
  for (int e = -1074; e <= 1023; ++e) {
    v.push_back(std::ldexp(1.0, e));
    v.push_back(-std::ldexp(1.0, e));
  }
  for (double x : detail::vexpm1_probe_hard) v.push_back(x);
  sweep("edges", v.size(), [&v](std::uint64_t i) { return v[static_cast<std::size_t>(i)]; });
}

namespace {
[[maybe_unused]] void off_by_one_ulp(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = std::expm1(in[i]);
    if (in[i] > 0.4 && in[i] < 0.5) out[i] = std::nextafter(out[i], 0.0);
  }
}
}  // namespace

TEST_CASE("vec_expm1: expm1_batch == std::expm1 at every SIMD level, and the gate", "[vec_expm1]") {
  level_guard guard;
  std::vector<double> in(5003);
  for (std::size_t i = 0; i < in.size(); ++i) in[i] = uniform(i, 9) * 100.0 - 50.0;
  for (auto l :
       {detail::simd_level::portable, detail::simd_level::avx2, detail::simd_level::avx512}) {
    CAPTURE(detail::simd_level_name(l));
    detail::set_simd_level(l);
    if (l == detail::simd_level::portable) REQUIRE_FALSE(detail::vec_expm1_active());
    std::vector<double> out(in.size()), inplace(in);
    detail::expm1_batch(in.data(), out.data(), in.size());
    detail::expm1_batch(inplace.data(), inplace.data(), in.size());
    std::vector<double> want(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) want[i] = std::expm1(in[i]);
    REQUIRE_SAME_VALUES(out, want);
    REQUIRE_SAME_VALUES(inplace, out);
  }
#if NPRANDOM_VEC_LOG
  if (!libm_is_fma_build()) {
    // Not glibc's FMA build (no FMA, GLIBC_TUNABLES, another libm): the vector path stays off.
    REQUIRE_FALSE(detail::vec_expm1_active());
    return;
  }
  REQUIRE_FALSE(detail::vexpm1_self_check(&off_by_one_ulp));
  REQUIRE(detail::vexpm1_self_check(&reference_kernel));
  for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
    if (detail::clamp_simd_level(l) != l) continue;
    if (const auto k = detail::vexpm1_kernel_for(l)) {
      REQUIRE(detail::vexpm1_self_check(k));
      detail::set_simd_level(l);
      REQUIRE(detail::vec_expm1_active());
    }
  }
#endif
}

// ---- log1p (detail::log1p_batch: standard_exponential(method='inv'), legacy rayleigh) ----------

namespace {

void log1p_reference_kernel(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::log1p_reference(in[i]);
}

bool libm_log1p_is_fma_build() {
  double probes[detail::vlog_probe_count];
  detail::vlog1p_probes(probes, detail::vlog_probe_count);
  for (double x : probes)
    if (bits(detail::log1p_reference(x)) != bits(std::log1p(x))) return false;
  return true;
}

std::vector<candidate> log1p_candidates() {
  std::vector<candidate> out;
  if (!libm_log1p_is_fma_build()) return out;
  out.push_back({"log1p_reference", &log1p_reference_kernel});
#if NPRANDOM_VEC_LOG
  for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
    if (detail::clamp_simd_level(l) != l) continue;
    if (const auto k = detail::vlog1p_kernel_for(l))
      out.push_back({std::string("vector log1p ") + detail::simd_level_name(l), k});
  }
#endif
  return out;
}

template <class Gen>
void sweep_log1p(const char* what, std::uint64_t n, Gen gen) {
  static const std::vector<candidate> cands = log1p_candidates();
  INFO(what);
  constexpr std::size_t block = 4099;
  std::vector<double> in(block), out(block);
  for (const auto& c : cands) {
    INFO(c.name);
    std::uint64_t bad = 0;
    double first_bad = 0.0;
    for (std::uint64_t i = 0; i < n; i += block) {
      const std::size_t m = static_cast<std::size_t>(n - i < block ? n - i : block);
      for (std::size_t j = 0; j < m; ++j) in[j] = gen(i + j);
      c.fn(in.data(), out.data(), m);
      for (std::size_t j = 0; j < m; ++j)
        if (bits(out[j]) != bits(std::log1p(in[j]))) {
          if (bad++ == 0) first_bad = in[j];
        }
    }
    CAPTURE(first_bad);
    REQUIRE(bad == 0);
  }
}

[[maybe_unused]] void log1p_off_by_one_ulp(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = std::log1p(in[i]);
    if (in[i] > -0.5 && in[i] < -0.4) out[i] = std::nextafter(out[i], 0.0);
  }
}

}  // namespace

TEST_CASE("vec_log1p: random doubles, every branch, edges", "[vec_expm1]") {
  sweep_log1p("any bit pattern", kRandom, [](std::uint64_t i) { return from_bits(mix(i + 77)); });
  sweep_log1p("-U: the inversion's arguments", kRandom,
              [](std::uint64_t i) { return -uniform(i, 11); });
  sweep_log1p("(-1, 3)", kRandom, [](std::uint64_t i) { return uniform(i, 12) * 4.0 - 1.0; });
  sweep_log1p("every exponent in (2^-60, 2^60)", kRandom, [](std::uint64_t i) {
    const double m = 1.0 + uniform(i, 13);
    return std::ldexp(i % 2 ? m : -m / 2.0, static_cast<int>(mix(i) % 120) - 60);
  });
  // 1 - k 2^-30 (u just below a power of two: hu = 0 after reduction), branch edges, specials
  std::vector<double> v = {0.0,
                           -0.0,
                           -1.0,
                           -2.0,
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::max()};
  for (std::uint64_t k = 0; k < 4096; ++k) {
    v.push_back(-static_cast<double>(k) * 0x1p-30);
    v.push_back(static_cast<double>(k) * 0x1p-30 + 1.0);
    v.push_back(-0.5 - static_cast<double>(k) * 0x1p-40);
  }
  for (double e : {0x1p-54, 0x1p-29, 0x1.2bec4p-2, 0x1.a827ap-2, 1.0, 0x1p53,
                   0x1.6a09e667f3bcdp0 - 1.0, 0x1.6a09ep-1 - 1.0})
    for (std::uint64_t d = 0; d < 256; ++d)
      for (double sgn : {1.0, -1.0}) {
        v.push_back(sgn * from_bits(bits(e) + d));
        v.push_back(sgn * from_bits(bits(e) - d - 1));
      }
  for (int e = -1074; e <= 1023; ++e) {
    v.push_back(std::ldexp(1.0, e));
    v.push_back(-std::ldexp(1.0, e));
  }
  for (double x : detail::vlog1p_probe_hard) v.push_back(x);
  sweep_log1p("edges", v.size(), [&v](std::uint64_t i) { return v[static_cast<std::size_t>(i)]; });
}

TEST_CASE("vec_log1p: log1p_batch == std::log1p at every SIMD level, and the gate", "[vec_expm1]") {
  level_guard guard;
  std::vector<double> in(5003);
  for (std::size_t i = 0; i < in.size(); ++i) in[i] = uniform(i, 14) * 2.5 - 1.25;
  for (auto l :
       {detail::simd_level::portable, detail::simd_level::avx2, detail::simd_level::avx512}) {
    CAPTURE(detail::simd_level_name(l));
    detail::set_simd_level(l);
    if (l == detail::simd_level::portable) REQUIRE_FALSE(detail::vec_log1p_active());
    std::vector<double> out(in.size()), inplace(in);
    detail::log1p_batch(in.data(), out.data(), in.size());
    detail::log1p_batch(inplace.data(), inplace.data(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
      CAPTURE(i);
      const double want = std::log1p(in[i]);
      REQUIRE((bits(out[i]) == bits(want) || (want != want && out[i] != out[i])));
      REQUIRE((bits(inplace[i]) == bits(out[i]) || (want != want && inplace[i] != inplace[i])));
    }
  }
#if NPRANDOM_VEC_LOG
  if (!libm_log1p_is_fma_build()) {
    REQUIRE_FALSE(detail::vec_log1p_active());
    return;
  }
  REQUIRE_FALSE(detail::vlog1p_self_check(&log1p_off_by_one_ulp));
  REQUIRE(detail::vlog1p_self_check(&log1p_reference_kernel));
  for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
    if (detail::clamp_simd_level(l) != l) continue;
    if (const auto k = detail::vlog1p_kernel_for(l)) {
      REQUIRE(detail::vlog1p_self_check(k));
      detail::set_simd_level(l);
      REQUIRE(detail::vec_log1p_active());
    }
  }
#endif
}

// Every batch function on short and odd lengths (issue 12: a tail of 3 or more lanes is one padded
// vector, shorter tails and batches below 3 the C library): each length 0..19 at several offsets
// into inputs that mix ordinary values with the kernels' special lanes (0, negatives, tiny, huge,
// infinities, NaN), at every SIMD level, against the C library.
TEST_CASE("vec batches: every short length and tail equals the C library", "[vec_expm1][vec_log]") {
  level_guard guard;
  const double specials[] = {0.0,
                             -0.0,
                             -1.0,
                             1.0,
                             -2.5,
                             1e-310,
                             1e300,
                             -1e300,
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN(),
                             800.0,
                             -800.0};
  std::vector<double> in(64);
  for (std::size_t i = 0; i < in.size(); ++i) {
    in[i] = i % 7 == 3 ? specials[(i / 7) % (sizeof specials / sizeof specials[0])]
                       : uniform(i, 21) * 6.0 - 1.0;
  }
  for (auto l :
       {detail::simd_level::portable, detail::simd_level::avx2, detail::simd_level::avx512}) {
    CAPTURE(detail::simd_level_name(l));
    detail::set_simd_level(l);
    for (std::size_t off : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{30}}) {
      for (std::size_t n = 0; n < 20; ++n) {
        CAPTURE(off, n);
        const double* x = in.data() + off;
        std::vector<double> out(n), want(n);
        detail::log_batch(x, out.data(), n);
        for (std::size_t i = 0; i < n; ++i) want[i] = std::log(x[i]);
        REQUIRE_SAME_VALUES(out, want);
        detail::exp_batch(x, out.data(), n);
        for (std::size_t i = 0; i < n; ++i) want[i] = std::exp(x[i]);
        REQUIRE_SAME_VALUES(out, want);
        detail::pow_batch(x, 0.7, out.data(), n);
        for (std::size_t i = 0; i < n; ++i) want[i] = std::pow(x[i], 0.7);
        REQUIRE_SAME_VALUES(out, want);
        detail::expm1_batch(x, out.data(), n);
        for (std::size_t i = 0; i < n; ++i) want[i] = std::expm1(x[i]);
        REQUIRE_SAME_VALUES(out, want);
        detail::log1p_batch(x, out.data(), n);
        for (std::size_t i = 0; i < n; ++i) want[i] = std::log1p(x[i]);
        REQUIRE_SAME_VALUES(out, want);
        std::vector<double> inplace(x, x + n);  // in place
        detail::log_batch(inplace.data(), inplace.data(), n);
        for (std::size_t i = 0; i < n; ++i) want[i] = std::log(x[i]);
        REQUIRE_SAME_VALUES(inplace, want);
      }
    }
  }
}
