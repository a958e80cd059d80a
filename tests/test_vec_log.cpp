// The batched log (detail/vec_log.hpp) is the C library's log bit for bit: the portable scalar
// reference of glibc's algorithm and every vector kernel this CPU can run, against std::log, on
// (a) pseudo-random doubles over every exponent and sign, (b) every float in and around the
// near-1 interval, (c) every double 1 + k 2^-23 in [1, 2) and 1 - k 2^-24 in [0.5, 1) with both
// neighbours, (d) special values; the self-check gate rejects a libm that is not glibc's FMA
// build; NPRANDOM_SIMD=portable turns the vector path off; and the bulk forms of the log kernels
// redraw rejected uniforms exactly as the scalar kernels do. A 10^9-value sweep is
// bench/sweep_vec_log.cpp (too long for a unit test).
#include "support/catch.hpp"
#include "support/same_values.hpp"

#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/detail/vec_log.hpp>
#include <nprandom/distributions/continuous.hpp>
#include <nprandom/legacy/distributions.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace detail = nprandom::detail;

namespace {

// Sanitizer and unoptimised builds run a quarter of the exhaustive sets (every 4th value).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__OPTIMIZE__)
constexpr std::uint64_t kStride = 4;
constexpr std::size_t kRandom = 2000000;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
constexpr std::uint64_t kStride = 4;
constexpr std::size_t kRandom = 2000000;
#else
constexpr std::uint64_t kStride = 1;
constexpr std::size_t kRandom = 10000000;
#endif
#else
constexpr std::uint64_t kStride = 1;
constexpr std::size_t kRandom = 10000000;
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

using kernel_fn = void (*)(const double*, double*, std::size_t) noexcept;

// The implementations under test: the scalar reference of the build the C library runs (if it is
// one of glibc's two), and the vector kernels of every level this CPU supports.
struct candidate {
  std::string name;
  kernel_fn fn;
};

template <bool Fma>
void reference_kernel(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::log_reference<Fma>(in[i]);
}

// Which of glibc's builds std::log is here: 1 FMA, 0 without FMA, -1 neither (another libm).
int libm_build() {
  bool fma = true, nofma = true;
  double probes[detail::vlog_probe_count];
  detail::vlog_probes(probes, detail::vlog_probe_count);
  for (double x : probes) {
    const std::uint64_t want = bits(std::log(x));
    fma = fma && bits(detail::log_reference<true>(x)) == want;
    nofma = nofma && bits(detail::log_reference<false>(x)) == want;
  }
  return fma ? 1 : nofma ? 0 : -1;
}

std::vector<candidate> candidates() {
  std::vector<candidate> out;
  const int build = libm_build();
  if (build == 1) out.push_back({"log_reference<true>", &reference_kernel<true>});
  if (build == 0) out.push_back({"log_reference<false>", &reference_kernel<false>});
#if NPRANDOM_VEC_LOG
  if (build == 1) {
    for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
      if (detail::clamp_simd_level(l) != l) continue;  // the CPU lacks it
      if (const auto k = detail::vlog_kernel_for(l))
        out.push_back({std::string("vector ") + detail::simd_level_name(l), k});
    }
  }
#endif
  return out;
}

template <bool Fma>
void exp_reference_kernel(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::exp_reference<Fma>(in[i]);
}

// Which of glibc's builds std::exp is here: 1 FMA, 0 without FMA, -1 neither.
int libm_exp_build() {
  bool fma = true, nofma = true;
  double probes[detail::vlog_probe_count];
  detail::vexp_probes(probes, detail::vlog_probe_count);
  for (double x : probes) {
    const std::uint64_t want = bits(std::exp(x));
    fma = fma && bits(detail::exp_reference<true>(x)) == want;
    nofma = nofma && bits(detail::exp_reference<false>(x)) == want;
  }
  return fma ? 1 : nofma ? 0 : -1;
}

std::vector<candidate> exp_candidates() {
  std::vector<candidate> out;
  const int build = libm_exp_build();
  if (build == 1) out.push_back({"exp_reference<true>", &exp_reference_kernel<true>});
  if (build == 0) out.push_back({"exp_reference<false>", &exp_reference_kernel<false>});
#if NPRANDOM_VEC_LOG
  if (build == 1) {
    for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
      if (detail::clamp_simd_level(l) != l) continue;
      if (const auto k = detail::vexp_kernel_for(l))
        out.push_back({std::string("vector exp ") + detail::simd_level_name(l), k});
    }
  }
#endif
  return out;
}

// Runs every candidate on the values next(i), i < n (in blocks), against std::log (std::exp).
template <bool Exp = false, class Next>
void sweep(const char* what, std::uint64_t n, Next next) {
  static const std::vector<candidate> cands = Exp ? exp_candidates() : candidates();
  if (cands.empty()) {
    WARN("std::log is not glibc's log: nothing to compare");
    return;
  }
  constexpr std::size_t block = 4099;  // odd: every kernel's tail path runs too
  std::vector<double> in(block), want(block), got(block);
  std::uint64_t bad = 0;
  std::string first_bad;
  for (std::uint64_t i = 0; i < n; i += block) {
    const std::size_t m = static_cast<std::size_t>(n - i < block ? n - i : block);
    for (std::size_t j = 0; j < m; ++j) {
      in[j] = next(i + j);
      want[j] = Exp ? std::exp(in[j]) : std::log(in[j]);
    }
    for (const auto& c : cands) {
      c.fn(in.data(), got.data(), m);
      for (std::size_t j = 0; j < m; ++j) {
        if (bits(got[j]) != bits(want[j])) {
          if (bad++ == 0) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%a", in[j]);
            first_bad = c.name + " at x = " + buf;
          }
        }
      }
    }
  }
  INFO(what << ": " << n << " values, " << cands.size()
            << " implementations; first mismatch: " << first_bad);
  REQUIRE(bad == 0);
}

// splitmix64
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

struct level_guard {
  detail::simd_level saved = detail::current_simd_level();
  ~level_guard() { detail::set_simd_level(saved); }
};

}  // namespace

TEST_CASE("vec_log: (a) random doubles of every exponent and sign", "[vec_log]") {
  sweep("any bit pattern", kRandom, [](std::uint64_t i) { return from_bits(mix(i)); });
  sweep("positive, every exponent", kRandom,
        [](std::uint64_t i) { return from_bits(mix(i + (1ULL << 40)) >> 1); });
  sweep("(0, 1): the uniforms of the kernels", kRandom, [](std::uint64_t i) {
    return static_cast<double>((mix(i + (2ULL << 40)) >> 11) | 1) * 0x1p-53;
  });
}

TEST_CASE("vec_log: (b) every float in [0.875, 1.125]", "[vec_log]") {
  const float lo = 0.875f, hi = 1.125f;
  std::uint32_t a, b;
  std::memcpy(&a, &lo, sizeof a);
  std::memcpy(&b, &hi, sizeof b);
  sweep("float grid near 1", (b - a + 1 + kStride - 1) / kStride, [a](std::uint64_t i) {
    const std::uint32_t u = a + static_cast<std::uint32_t>(i * kStride);
    float f;
    std::memcpy(&f, &u, sizeof f);
    return static_cast<double>(f);
  });
}

TEST_CASE("vec_log: (c) 1 + k 2^-23, 1 - k 2^-24 and their neighbours", "[vec_log]") {
  const std::uint64_t n = (std::uint64_t{1} << 23) / kStride;
  for (int side : {-1, 0, 1}) {
    CAPTURE(side);
    sweep("1 + k 2^-23 in [1, 2)", n, [side](std::uint64_t i) {
      return from_bits(bits(1.0 + static_cast<double>(i * kStride) * 0x1p-23) +
                       static_cast<std::uint64_t>(side));
    });
    sweep("1 - k 2^-24 in [0.5, 1)", n, [side](std::uint64_t i) {
      return from_bits(bits(1.0 - static_cast<double>(i * kStride + 1) * 0x1p-24) +
                       static_cast<std::uint64_t>(side));
    });
  }
}

TEST_CASE("vec_log: (d) special values, edges, every power of two", "[vec_log]") {
  std::vector<double> v = {0.0,
                           -0.0,
                           -1.0,
                           1.0,
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN(),
                           -std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::min(),
                           std::numeric_limits<double>::max(),
                           -std::numeric_limits<double>::min(),
                           0x1.fffffffffffffp-1023,
                           0x1.6p-1,
                           0x1.6p0};
  for (std::uint64_t e : {detail::vlog_near_lo, detail::vlog_near_hi, bits(1.0), bits(0x1.6p-1)})
    for (std::uint64_t d = 0; d < 64; ++d) {
      v.push_back(from_bits(e + d));
      v.push_back(from_bits(e - d - 1));
    }
  for (int e = -1074; e <= 1023; ++e) {
    const double p = std::ldexp(1.0, e);
    v.push_back(p);
    v.push_back(std::nextafter(p, 0.0));
    v.push_back(std::nextafter(p, 2.0 * p + 1.0));
    v.push_back(-p);
  }
  for (std::uint64_t m = 1; m < (1ULL << 52); m = m * 3 + 1)
    v.push_back(from_bits(m));  // subnormal
  sweep("specials", v.size(), [&v](std::uint64_t i) { return v[static_cast<std::size_t>(i)]; });
  // the hard cases of the self-check are in its probe set; both builds agree on none of them
  for (double x : detail::vlog_probe_hard)
    REQUIRE(bits(detail::log_reference<true>(x)) != bits(detail::log_reference<false>(x)));
}

TEST_CASE("vec_log: log_batch == std::log at every SIMD level, in place too", "[vec_log]") {
  level_guard guard;
  std::vector<double> in(10007);
  for (std::size_t i = 0; i < in.size(); ++i)
    in[i] = i % 3 ? static_cast<double>(mix(i) >> 11) * 0x1p-53 : from_bits(mix(i) >> 1);
  for (auto l :
       {detail::simd_level::portable, detail::simd_level::avx2, detail::simd_level::avx512}) {
    CAPTURE(detail::simd_level_name(l));
    detail::set_simd_level(l);
    if (l == detail::simd_level::portable) REQUIRE_FALSE(detail::vec_log_active());
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8},
                          std::size_t{9}, std::size_t{17}, in.size()}) {
      std::vector<double> out(n), inplace(in.begin(), in.begin() + static_cast<long>(n));
      detail::log_batch(in.data(), out.data(), n);
      detail::log_batch(inplace.data(), inplace.data(), n);
      for (std::size_t i = 0; i < n; ++i) {
        CAPTURE(n, i);
        REQUIRE(bits(out[i]) == bits(std::log(in[i])));
        REQUIRE(bits(inplace[i]) == bits(out[i]));
      }
    }
  }
}

#if NPRANDOM_VEC_LOG
namespace {
void nofma_kernel(const double* in, double* out, std::size_t n) noexcept {
  reference_kernel<false>(in, out, n);
}
void off_by_one_ulp_near_1(const double* in, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = std::log(in[i]);
    if (in[i] > 0.99 && in[i] < 1.01 && in[i] != 1.0) out[i] = std::nextafter(out[i], 0.0);
  }
}
}  // namespace

TEST_CASE("vec_log: the self-check gate", "[vec_log]") {
  if (libm_build() != 1) {
    // Not glibc's FMA build (no FMA, GLIBC_TUNABLES, another libm): the vector path stays off.
    REQUIRE_FALSE(detail::vec_log_active());
    return;
  }
  REQUIRE_FALSE(detail::vlog_self_check(&nofma_kernel));  // glibc's build without FMA
  REQUIRE_FALSE(detail::vlog_self_check(&off_by_one_ulp_near_1));
  for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
    if (detail::clamp_simd_level(l) != l) continue;
    if (const auto k = detail::vlog_kernel_for(l)) REQUIRE(detail::vlog_self_check(k));
  }
}
#endif

namespace {
// A bit generator that replays given doubles (zeros included, to force the rejections).
struct scripted {
  std::vector<double> v;
  std::size_t i = 0;
  double next_double() { return v[i++ % v.size()]; }
};
}  // namespace

TEST_CASE("vec_log: bulk log kernels redraw rejected uniforms as the scalar kernels", "[vec_log]") {
  level_guard guard;
  std::vector<double> u;
  for (std::size_t i = 0; i < 1500; ++i) {
    const std::uint64_t r = mix(i + 77);
    // about 1 in 16 an exact 0 (laplace, logistic reject it; 1 - 0 == 1: gumbel rejects it)
    u.push_back(r % 16 == 0 ? 0.0 : static_cast<double>(r >> 11) * 0x1p-53);
  }
  for (auto l : {detail::simd_level::portable, detail::cpu_simd_level()}) {
    detail::set_simd_level(l);
    for (std::size_t n : {std::size_t{1}, std::size_t{255}, std::size_t{257}, std::size_t{1000}}) {
      CAPTURE(detail::simd_level_name(l), n);
      namespace d = nprandom::distributions;
      auto run = [&](auto one, auto fill) {
        scripted a{u}, b{u};
        std::vector<double> got(n);
        fill(a, got.data());
        std::vector<double> want(n);
        for (std::size_t i = 0; i < n; ++i) want[i] = one(b);
        REQUIRE_SAME_VALUES(got, want);
        REQUIRE(a.i == b.i);
      };
      run([](scripted& g) { return d::laplace(g, 0.5, 2.0); },
          [n](scripted& g, double* o) { d::laplace_fill(g, 0.5, 2.0, n, o); });
      run([](scripted& g) { return d::gumbel(g, 0.5, 2.0); },
          [n](scripted& g, double* o) { d::gumbel_fill(g, 0.5, 2.0, n, o); });
      run([](scripted& g) { return d::logistic(g, 0.5, 2.0); },
          [n](scripted& g, double* o) { d::logistic_fill(g, 0.5, 2.0, n, o); });
      // logseries batched by attempt: V == 0 gives no value (NumPy draws again)
      for (double p : {0.3, 0.9, 0.999999}) {
        CAPTURE(p);
        auto run_int = [&](auto one, auto fill) {
          scripted a{u}, b{u};
          std::vector<std::int64_t> got(n);
          fill(a, got.data());
          std::vector<std::int64_t> want(n);
          for (std::size_t i = 0; i < n; ++i) want[i] = one(b);
          REQUIRE_SAME_VALUES(got, want);
          REQUIRE(a.i == b.i);
        };
        run_int([p](scripted& g) { return d::logseries(g, p); },
                [n, p](scripted& g, std::int64_t* o) { d::logseries_fill(g, p, o, n); });
        run_int([p](scripted& g) { return nprandom::legacy::logseries(g, p); },
                [n, p](scripted& g, std::int64_t* o) {
                  nprandom::legacy::logseries_kernel{}.fill(g, o, n, p);
                });
      }
    }
  }
}

// ---- exp (detail::exp_batch, lognormal)
// ----------------------------------------------------------

TEST_CASE("vec_exp: random doubles, the whole finite range, grids and edges", "[vec_log]") {
  sweep<true>("any bit pattern", kRandom, [](std::uint64_t i) { return from_bits(mix(i + 99)); });
  sweep<true>("[-746, 710)", kRandom, [](std::uint64_t i) {
    return static_cast<double>(mix(i + (3ULL << 40)) >> 11) * 0x1p-53 * 1456.0 - 746.0;
  });
  sweep<true>("[-40, 40): lognormal's arguments", kRandom, [](std::uint64_t i) {
    return static_cast<double>(mix(i + (4ULL << 40)) >> 11) * 0x1p-53 * 80.0 - 40.0;
  });
  // every k 2^-12 in [-746, 710] and both neighbours
  const std::uint64_t grid = (1456ULL << 12) / kStride;
  for (int side : {-1, 0, 1}) {
    CAPTURE(side);
    sweep<true>("k 2^-12 grid", grid, [side](std::uint64_t i) {
      const double x = -746.0 + static_cast<double>(i * kStride) * 0x1p-12;
      return x == 0.0 ? 0.0 : from_bits(bits(x) + static_cast<std::uint64_t>(side));
    });
  }
  std::vector<double> v = {0.0,
                           -0.0,
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::denorm_min()};
  for (double e : {0x1p-54, 512.0, 709.782712893384, 1024.0, 745.1332191019411, 708.3964185322641})
    for (std::uint64_t d = 0; d < 64; ++d)
      for (double sgn : {1.0, -1.0}) {
        v.push_back(sgn * from_bits(bits(e) + d));
        v.push_back(sgn * from_bits(bits(e) - d - 1));
      }
  for (int e = -1074; e <= 1023; ++e) {
    v.push_back(std::ldexp(1.0, e));
    v.push_back(-std::ldexp(1.0, e));
  }
  sweep<true>("specials", v.size(),
              [&v](std::uint64_t i) { return v[static_cast<std::size_t>(i)]; });
  for (double x : detail::vexp_probe_hard)
    REQUIRE(bits(detail::exp_reference<true>(x)) != bits(detail::exp_reference<false>(x)));
}

TEST_CASE("vec_exp: exp_batch == std::exp at every SIMD level, and the gate", "[vec_log]") {
  level_guard guard;
  std::vector<double> in(5003);
  for (std::size_t i = 0; i < in.size(); ++i)
    in[i] = static_cast<double>(mix(i + 5) >> 11) * 0x1p-53 * 1500.0 - 750.0;
  for (auto l :
       {detail::simd_level::portable, detail::simd_level::avx2, detail::simd_level::avx512}) {
    CAPTURE(detail::simd_level_name(l));
    detail::set_simd_level(l);
    if (l == detail::simd_level::portable) REQUIRE_FALSE(detail::vec_exp_active());
    std::vector<double> out(in.size()), inplace(in);
    detail::exp_batch(in.data(), out.data(), in.size());
    detail::exp_batch(inplace.data(), inplace.data(), in.size());
    std::vector<double> want(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) want[i] = std::exp(in[i]);
    REQUIRE_SAME_VALUES(out, want);
    REQUIRE_SAME_VALUES(inplace, out);
  }
#if NPRANDOM_VEC_LOG
  if (libm_exp_build() != 1) {
    REQUIRE_FALSE(detail::vec_exp_active());
    return;
  }
  REQUIRE_FALSE(detail::vexp_self_check(&exp_reference_kernel<false>));
  for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
    if (detail::clamp_simd_level(l) != l) continue;
    if (const auto k = detail::vexp_kernel_for(l)) REQUIRE(detail::vexp_self_check(k));
  }
#endif
}

// ---- pow (detail::pow_batch: weibull, power) ---------------------------------------------------

namespace {

using pow_fn = void (*)(const double*, double, double*, std::size_t) noexcept;

struct pow_candidate {
  std::string name;
  pow_fn fn;
};

template <bool Fma>
void pow_reference_kernel(const double* in, double y, double* out, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = detail::pow_reference<Fma>(in[i], y);
}

// Which of glibc's builds std::pow is here: 1 FMA, 0 without FMA, -1 neither.
int libm_pow_build() {
  bool fma = true, nofma = true;
  auto check = [&](double x, double y) {
    const std::uint64_t want = bits(std::pow(x, y));
    fma = fma && bits(detail::pow_reference<true>(x, y)) == want;
    nofma = nofma && bits(detail::pow_reference<false>(x, y)) == want;
  };
  for (const auto& h : detail::vpow_probe_hard) check(h[0], h[1]);
  double probes[detail::vlog_probe_count];
  detail::vlog_probes(probes, detail::vlog_probe_count);
  for (std::size_t i = 0; i < detail::vlog_probe_count; ++i)
    check(probes[i], detail::vpow_probe_y[i % 4]);
  return fma ? 1 : nofma ? 0 : -1;
}

std::vector<pow_candidate> pow_candidates() {
  std::vector<pow_candidate> out;
  const int build = libm_pow_build();
  if (build == 1) out.push_back({"pow_reference<true>", &pow_reference_kernel<true>});
  if (build == 0) out.push_back({"pow_reference<false>", &pow_reference_kernel<false>});
#if NPRANDOM_VEC_LOG
  if (build == 1) {
    for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
      if (detail::clamp_simd_level(l) != l) continue;
      if (const auto k = detail::vpow_kernel_for(l))
        out.push_back({std::string("vector pow ") + detail::simd_level_name(l), k});
    }
  }
#endif
  return out;
}

// Runs every candidate on blocks of `block` values x(b, j) with exponent y(b), b < blocks,
// against std::pow; returns the number of values compared.
template <class Y, class X>
std::uint64_t sweep_pow(const char* what, std::uint64_t blocks, std::size_t block, Y y_of, X x_of) {
  static const std::vector<pow_candidate> cands = pow_candidates();
  if (cands.empty()) {
    WARN("std::pow is not glibc's pow: nothing to compare");
    return 0;
  }
  std::vector<double> in(block), want(block), got(block);
  std::uint64_t bad = 0;
  std::string first_bad;
  for (std::uint64_t b = 0; b < blocks; ++b) {
    const double y = y_of(b);
    for (std::size_t j = 0; j < block; ++j) {
      in[j] = x_of(b, j);
      want[j] = std::pow(in[j], y);
    }
    for (const auto& c : cands) {
      c.fn(in.data(), y, got.data(), block);
      for (std::size_t j = 0; j < block; ++j) {
        if (bits(got[j]) != bits(want[j]) && bad++ == 0) {
          char buf[96];
          std::snprintf(buf, sizeof buf, "%a, y = %a", in[j], y);
          first_bad = c.name + " at x = " + buf;
        }
      }
    }
  }
  INFO(what << ": " << blocks * block << " values, " << cands.size()
            << " implementations; first mismatch: " << first_bad);
  REQUIRE(bad == 0);
  return blocks * block;
}

double unit(std::uint64_t r) { return static_cast<double>(r >> 11) * 0x1p-53; }

}  // namespace

TEST_CASE("vec_pow: random and structured inputs against std::pow", "[vec_log]") {
  const std::uint64_t blocks = kRandom / 5000;  // 2000 blocks of 1000 per case (400 sanitized)
  std::uint64_t total = 0;
  // weibull / power: x an exponential or a uniform, y = 1/a, a in (0.05, 20)
  total += sweep_pow(
      "weibull: x in (0, 40), y = 1/a", blocks, 1000,
      [](std::uint64_t b) { return 1.0 / (0.05 + 20.0 * unit(mix(b + (5ULL << 40)))); },
      [](std::uint64_t b, std::size_t j) {
        const double u = unit(mix(b * 1000 + j + (6ULL << 40)));
        return j % 2 ? -std::log1p(-u) : 40.0 * u;
      });
  total += sweep_pow(
      "power: x in (0, 1), y in (-10, 10)", blocks, 1000,
      [](std::uint64_t b) { return 20.0 * unit(mix(b + (7ULL << 40))) - 10.0; },
      [](std::uint64_t b, std::size_t j) { return unit(mix(b * 1000 + j + (8ULL << 40))); });
  // any positive double with y in (-4, 4) (most of them overflow or underflow: std::pow's lanes)
  total += sweep_pow(
      "any positive x, y in (-4, 4)", blocks, 1000,
      [](std::uint64_t b) { return 8.0 * unit(mix(b + (9ULL << 40))) - 4.0; },
      [](std::uint64_t b, std::size_t j) {
        return from_bits(mix(b * 1000 + j + (10ULL << 40)) >> 1);
      });
  // near 1 with large |y| (the results near the overflow / underflow edges), and |y log x| near 512
  total += sweep_pow(
      "x within 2^-6 of 1, |y| < 2^17", blocks, 1000,
      [](std::uint64_t b) { return (2.0 * unit(mix(b + (11ULL << 40))) - 1.0) * 0x1p17; },
      [](std::uint64_t b, std::size_t j) {
        return 1.0 + (unit(mix(b * 1000 + j + (12ULL << 40))) - 0.5) * 0x1p-5;
      });
  total += sweep_pow(
      "|y log x| near 512 and 2^-54", blocks, 1000,
      [](std::uint64_t b) {
        const double yb = b % 2 ? 0x1p-60 : 1.0;
        return (b % 4 < 2 ? 1.0 : -1.0) * yb * (1.0 + unit(mix(b + (13ULL << 40))));
      },
      [](std::uint64_t b, std::size_t j) {
        return from_bits(mix(b * 1000 + j + (14ULL << 40)) >> 1);
      });
  // x on the 2^-23 grid in [0.5, 2) with y on a grid of fractions (table edges of both stages)
  total += sweep_pow(
      "x = k 2^-23 in [0.5, 2), y = j / 4 - 16", 128 / kStride, 8192,
      [](std::uint64_t b) { return static_cast<double>(b * kStride) / 4.0 - 16.0; },
      [](std::uint64_t b, std::size_t j) {
        return 0.5 + static_cast<double>((b * 7919 + j * 1531) % (3ULL << 23)) * 0x1p-24;
      });
  // specials: every x class with every y class (y = 0, -0, +-1, 2, 0.5, integers, tiny, huge, inf,
  // nan; x negative, zero, subnormal, inf, nan, 1)
  std::vector<double> xs = {0.0,
                            -0.0,
                            1.0,
                            -1.0,
                            2.0,
                            -2.0,
                            0.5,
                            -0.5,
                            std::numeric_limits<double>::infinity(),
                            -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN(),
                            std::numeric_limits<double>::denorm_min(),
                            0x1.fffffffffffffp-1023,
                            std::numeric_limits<double>::min(),
                            std::numeric_limits<double>::max(),
                            -3.0,
                            0x1.fffffffffffffp-1,
                            0x1.0000000000001p+0};
  for (int e = -1074; e <= 1023; e += 3) xs.push_back(std::ldexp(1.0, e));
  for (std::uint64_t m = 1; m < (1ULL << 52); m = m * 5 + 1) xs.push_back(from_bits(m));
  const std::vector<double> ys = {0.0,
                                  -0.0,
                                  1.0,
                                  -1.0,
                                  2.0,
                                  3.0,
                                  -3.0,
                                  0.5,
                                  -0.5,
                                  0x1p-66,
                                  -0x1p-66,
                                  0x1p-65,
                                  0x1p63,
                                  0x1.fffffffffffffp62,
                                  -0x1p63,
                                  1e300,
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN(),
                                  1.0 / 3.0,
                                  1023.5,
                                  -1074.5,
                                  0x1.fffffffffffffp-1,
                                  0x1p53,
                                  0x1p53 + 2.0};
  total += sweep_pow(
      "special x and y", ys.size(), xs.size(),
      [&ys](std::uint64_t b) { return ys[static_cast<std::size_t>(b)]; },
      [&xs](std::uint64_t, std::size_t j) { return xs[j]; });
  CHECK(total >= 10000000 / kStride / kStride);  // about 1.1e7 (2.3e6 sanitized)
  for (const auto& h : detail::vpow_probe_hard)
    REQUIRE(bits(detail::pow_reference<true>(h[0], h[1])) !=
            bits(detail::pow_reference<false>(h[0], h[1])));
}

TEST_CASE("vec_pow: pow_batch == std::pow at every SIMD level, and the gate", "[vec_log]") {
  level_guard guard;
  std::vector<double> in(5003);
  for (std::size_t i = 0; i < in.size(); ++i)
    in[i] = i % 97 == 0 ? -1.5 : 30.0 * unit(mix(i + 55)) + (i % 5 == 0 ? 0.0 : 1e-3);
  for (auto l :
       {detail::simd_level::portable, detail::simd_level::avx2, detail::simd_level::avx512}) {
    CAPTURE(detail::simd_level_name(l));
    detail::set_simd_level(l);
    if (l == detail::simd_level::portable) REQUIRE_FALSE(detail::vec_pow_active());
    for (double y : {0.7, -2.0, 1.0 / 3.0, 0.0, 2.0}) {
      for (std::size_t n :
           {std::size_t{0}, std::size_t{7}, std::size_t{8}, std::size_t{13}, in.size()}) {
        CAPTURE(y, n);
        std::vector<double> out(n), inplace(in.begin(), in.begin() + static_cast<long>(n));
        detail::pow_batch(in.data(), y, out.data(), n);
        detail::pow_batch(inplace.data(), y, inplace.data(), n);
        std::vector<double> want(n);
        for (std::size_t i = 0; i < n; ++i) want[i] = std::pow(in[i], y);
        REQUIRE_SAME_VALUES(out, want);
        REQUIRE_SAME_VALUES(inplace, out);
      }
    }
  }
#if NPRANDOM_VEC_LOG
  if (libm_pow_build() != 1) {
    REQUIRE_FALSE(detail::vec_pow_active());
    return;
  }
  REQUIRE_FALSE(detail::vpow_self_check(&pow_reference_kernel<false>));  // glibc without FMA
  for (auto l : {detail::simd_level::avx2, detail::simd_level::avx512}) {
    if (detail::clamp_simd_level(l) != l) continue;
    if (const auto k = detail::vpow_kernel_for(l)) REQUIRE(detail::vpow_self_check(k));
  }
#endif
}
