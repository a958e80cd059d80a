// Standard normal kernels: NumPy's 256-layer ziggurat (double and float32) and normal(loc, scale).
//
// Naming: NumPy's C function names minus the `random_` prefix: `standard_normal(bg)` returns a
// double, `standard_normal_f(bg)` a float; `_fill` variants write `cnt` values with the same draws
// as `cnt` single calls. Kernels do no argument checking.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_NORMAL_HPP
#define NPRANDOM_DISTRIBUTIONS_NORMAL_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/block_source.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/ziggurat_retry.hpp>
#include <nprandom/detail/ziggurat_tables.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace nprandom {
namespace detail {

// -x when `negate` is 1, else x, without a (50% unpredictable) branch: flips the IEEE sign bit,
// exactly what unary minus does (including for 0.0).
NPRANDOM_ALWAYS_INLINE double flip_sign_if(double x, std::uint64_t negate) noexcept {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  b ^= negate << 63;
  std::memcpy(&x, &b, sizeof b);
  return x;
}
NPRANDOM_ALWAYS_INLINE float flip_sign_if(float x, std::uint32_t negate) noexcept {
  std::uint32_t b;
  std::memcpy(&b, &x, sizeof b);
  b ^= negate << 31;
  std::memcpy(&x, &b, sizeof b);
  return x;
}

}  // namespace detail

namespace distributions {

/// random_standard_normal: Marsaglia & Tsang's ziggurat ("The Ziggurat Method for Generating
/// Random Variables", J. Stat. Softw. 5(8), 2000) with NumPy's 256-layer tables and bit layout.
/// One next_uint64 per attempt: bits 0-7 layer index, bit 8 sign, bits 9-60 the 52-bit magnitude.
/// Accepts on the first draw ~99.3% of the time. Layer 0 samples the tail beyond r with two
/// next_double per attempt (x = -log1p(-U1)/r, y = -log1p(-U2), accept if 2y > x^2; the sign is
/// bit 8 of the magnitude); other layers draw one next_double for the wedge test and restart on
/// rejection.
///
/// Built from named pieces: the decode of one word (zig_normal_decode) and its fast test are
/// inlined into every caller; the rest of a rejected attempt and any further attempts
/// (standard_normal_slow) stay out of line, so the inlined part is small and constant.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double standard_normal(BitGen& bg) noexcept;

}  // namespace distributions

namespace detail {

// One ziggurat attempt of random_standard_normal: the layer, the magnitude and the candidate x
// decoded from one 64-bit word; `fast()` is the ~99.3% acceptance test.
struct zig_normal_word {
  int idx;
  std::uint64_t rabs;
  double x;
  bool fast() const noexcept { return rabs < ziggurat::ki_double[idx]; }
};
NPRANDOM_ALWAYS_INLINE zig_normal_word zig_normal_decode(std::uint64_t r) noexcept {
  const int idx = static_cast<int>(r & 0xff);
  r >>= 8;
  const std::uint64_t sign = r & 0x1;
  const std::uint64_t rabs = (r >> 1) & 0x000fffffffffffffULL;
  // rabs < 2^52: the signed conversion is exact and much cheaper than uint64 -> double. The
  // product meets no addition here (the sign is flipped on its bits), so it needs no mul().
  const double x = flip_sign_if(
      static_cast<double>(static_cast<std::int64_t>(rabs)) * ziggurat::wi_double[idx], sign);
  return {idx, rabs, x};
}

// The rest of an attempt whose fast test failed: the tail (layer 0; always ends in a value) or the
// wedge test (one next_double). False: rejected, start a new attempt.
template <class BitGen>
inline bool zig_normal_rare(BitGen& bg, const zig_normal_word& w, double& out) noexcept {
  namespace z = ziggurat;
  if (w.idx == 0) {
    for (;;) {
      // 1 - U avoids log(0) (NumPy GH 13361); U1 is drawn before U2.
      const double xx = mul(-z::ziggurat_nor_inv_r, log1p(-bg.next_double()));
      const double yy = -log1p(-bg.next_double());
      if (yy + yy > xx * xx) {
        out = ((w.rabs >> 8) & 0x1) ? -(z::ziggurat_nor_r + xx) : z::ziggurat_nor_r + xx;
        return true;
      }
    }
  }
  if ((mul(z::fi_double[w.idx - 1] - z::fi_double[w.idx], bg.next_double()) + z::fi_double[w.idx]) <
      exp(-0.5 * w.x * w.x)) {
    out = w.x;
    return true;
  }
  return false;
}

// After a failed fast test on the raw word u: finish that attempt, then run whole attempts until
// one accepts (the word, not the decoded attempt: see standard_exponential_slow).
template <class BitGen>
NPRANDOM_NOINLINE double standard_normal_slow(BitGen& bg, std::uint64_t u) noexcept {
  return ziggurat_retry<double>(
      zig_normal_decode(u),
      [&bg](const zig_normal_word& a, double& v) { return zig_normal_rare(bg, a, v); },
      [&bg] { return zig_normal_decode(bg.next_uint64()); });
}

}  // namespace detail

namespace distributions {

template <class BitGen>
NPRANDOM_ALWAYS_INLINE double standard_normal(BitGen& bg) noexcept {
  const std::uint64_t u = bg.next_uint64();
  const detail::zig_normal_word w = detail::zig_normal_decode(u);
  if (NPRANDOM_LIKELY(w.fast())) return w.x;
  return detail::standard_normal_slow(bg, u);
}

/// random_standard_normal_f: the float32 ziggurat. One next_uint32 per attempt: bits 0-7 layer
/// index, bit 8 sign, bits 9-31 the 23-bit magnitude. Float arithmetic, but the wedge test
/// compares against the double `exp(-0.5*x*x)` (as NumPy does); tail and wedge uniforms are
/// next_float, the tail uses log1pf. Same pieces as standard_normal.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE float standard_normal_f(BitGen& bg) noexcept;

}  // namespace distributions

namespace detail {

struct zig_normal_word_f {
  int idx;
  std::uint32_t rabs;
  float x;
  bool fast() const noexcept { return rabs < ziggurat::ki_float[idx]; }
};
NPRANDOM_ALWAYS_INLINE zig_normal_word_f zig_normal_decode_f(std::uint32_t r) noexcept {
  const int idx = static_cast<int>(r & 0xff);
  const std::uint32_t sign = (r >> 8) & 0x1;
  const std::uint32_t rabs = (r >> 9) & 0x0007fffff;
  // The product meets no addition here (the sign is flipped on its bits).
  const float x = flip_sign_if(
      static_cast<float>(static_cast<std::int32_t>(rabs)) * ziggurat::wi_float[idx], sign);
  return {idx, rabs, x};
}
template <class BitGen>
inline bool zig_normal_rare_f(BitGen& bg, const zig_normal_word_f& w, float& out) noexcept {
  namespace z = ziggurat;
  if (w.idx == 0) {
    for (;;) {
      const float xx = mul(-z::ziggurat_nor_inv_r_f, log1p(-bg.next_float()));
      const float yy = -log1p(-bg.next_float());
      if (yy + yy > xx * xx) {
        out = ((w.rabs >> 8) & 0x1) ? -(z::ziggurat_nor_r_f + xx) : z::ziggurat_nor_r_f + xx;
        return true;
      }
    }
  }
  const float lhs =
      mul(z::fi_float[w.idx - 1] - z::fi_float[w.idx], bg.next_float()) + z::fi_float[w.idx];
  out = w.x;
  return static_cast<double>(lhs) < exp(-0.5 * static_cast<double>(w.x) * static_cast<double>(w.x));
}
template <class BitGen>
NPRANDOM_NOINLINE float standard_normal_slow_f(BitGen& bg, std::uint32_t u) noexcept {
  return ziggurat_retry<float>(
      zig_normal_decode_f(u),
      [&bg](const zig_normal_word_f& a, float& v) { return zig_normal_rare_f(bg, a, v); },
      [&bg] { return zig_normal_decode_f(bg.next_uint32()); });
}

}  // namespace detail

namespace distributions {

template <class BitGen>
NPRANDOM_ALWAYS_INLINE float standard_normal_f(BitGen& bg) noexcept {
  const std::uint32_t u = bg.next_uint32();
  const detail::zig_normal_word_f w = detail::zig_normal_decode_f(u);
  if (NPRANDOM_LIKELY(w.fast())) return w.x;
  return detail::standard_normal_slow_f(bg, u);
}

/// random_standard_normal_fill.
template <class BitGen>
inline void standard_normal_fill(BitGen& bg, std::size_t cnt, double* out) noexcept {
  // Words in blocks from the bulk source, exactly those of cnt single calls: the fast test on
  // each word straight from the block, the rest of a rejected attempt on the source
  // (detail::for_each_value_pieces, detail/block_source.hpp).
  detail::for_each_value_pieces<std::uint64_t>(
      bg, cnt, static_cast<detail::no_piece_buffer*>(nullptr),
      [](auto& src) NPRANDOM_LAMBDA_INLINE { return src.next_uint64(); },
      [=](std::uint64_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const auto w = detail::zig_normal_decode(u);
        if (NPRANDOM_UNLIKELY(!w.fast())) return false;
        const double z = w.x;
        out[i] = z;
        return true;
      },
      [=](auto& src, std::uint64_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const double z = detail::standard_normal_slow(src, u);
        out[i] = z;
      });
}

/// random_standard_normal_fill_f.
template <class BitGen>
inline void standard_normal_fill_f(BitGen& bg, std::size_t cnt, float* out) noexcept {
  // Words in blocks from the bulk source, exactly those of cnt single calls: the fast test on
  // each word straight from the block, the rest of a rejected attempt on the source
  // (detail::for_each_value_pieces, detail/block_source.hpp).
  detail::for_each_value_pieces<std::uint32_t>(
      bg, cnt, static_cast<detail::no_piece_buffer*>(nullptr),
      [](auto& src) NPRANDOM_LAMBDA_INLINE { return src.next_uint32(); },
      [=](std::uint32_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const auto w = detail::zig_normal_decode_f(u);
        if (NPRANDOM_UNLIKELY(!w.fast())) return false;
        const float z = w.x;
        out[i] = z;
        return true;
      },
      [=](auto& src, std::uint32_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const float z = detail::standard_normal_slow_f(src, u);
        out[i] = z;
      });
}

/// random_normal: `loc + scale * standard_normal(bg)`.
template <class BitGen>
inline double normal(BitGen& bg, double loc, double scale) noexcept {
  return loc + detail::mul(scale, standard_normal(bg));
}

/// `cnt` values of random_normal(bg, loc, scale).
template <class BitGen>
inline void normal_fill(BitGen& bg, double loc, double scale, std::size_t cnt,
                        double* out) noexcept {
  // Words in blocks from the bulk source, exactly those of cnt single calls: the fast test on
  // each word straight from the block, the rest of a rejected attempt on the source
  // (detail::for_each_value_pieces, detail/block_source.hpp).
  detail::for_each_value_pieces<std::uint64_t>(
      bg, cnt, static_cast<detail::no_piece_buffer*>(nullptr),
      [](auto& src) NPRANDOM_LAMBDA_INLINE { return src.next_uint64(); },
      [=](std::uint64_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const auto w = detail::zig_normal_decode(u);
        if (NPRANDOM_UNLIKELY(!w.fast())) return false;
        const double z = w.x;
        out[i] = loc + detail::mul(scale, z);
        return true;
      },
      [=](auto& src, std::uint64_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const double z = detail::standard_normal_slow(src, u);
        out[i] = loc + detail::mul(scale, z);
      });
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_NORMAL_HPP
