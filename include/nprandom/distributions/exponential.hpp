// Standard exponential kernels: NumPy's 256-layer ziggurat and inversion (double and float32),
// and exponential(scale).
//
// Naming: NumPy's C function names minus the `random_` prefix: `standard_exponential(bg)` returns
// a double, `standard_exponential_f(bg)` a float; `standard_exponential_inv(bg)` /
// `standard_exponential_inv_f(bg)` are the inversion method (NumPy only has the fill forms
// random_standard_exponential_inv_fill[_f]); `_fill` variants write `cnt` values with the same
// draws as `cnt` single calls. Kernels do no argument checking.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_EXPONENTIAL_HPP
#define NPRANDOM_DISTRIBUTIONS_EXPONENTIAL_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/block_source.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/vec_expm1.hpp>
#include <nprandom/detail/ziggurat_retry.hpp>
#include <nprandom/detail/ziggurat_tables.hpp>
#include <nprandom/distributions/uniform.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace nprandom {
namespace distributions {

/// random_standard_exponential: Marsaglia & Tsang's ziggurat (J. Stat. Softw. 5(8), 2000) with
/// NumPy's 256-layer tables. One next_uint64 per attempt: the low 3 bits are dropped, then an
/// 8-bit layer index, then the 53-bit magnitude. Accepts on the first draw ~98.9% of the time.
/// Layer 0 returns `r - log1p(-U)` (one next_double); other layers draw one next_double for the
/// wedge test and start over with a fresh next_uint64 on rejection (NumPy recurses; same draws).
/// As standard_normal: the decode and fast test are inlined, the rest stays out of line.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE double standard_exponential(BitGen& bg) noexcept;
/// random_standard_exponential_f: the float32 ziggurat. One next_uint32 per attempt: bit 0
/// dropped, an 8-bit layer index, then the 23-bit magnitude. Float arithmetic throughout: the
/// tail is `r - log1pf(-next_float)`, the wedge test compares against `expf(-x)`; a rejection
/// starts over with a fresh next_uint32.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE float standard_exponential_f(BitGen& bg) noexcept;

}  // namespace distributions

namespace detail {

// One attempt of the exponential ziggurat, double (Word = uint64) or float (uint32): the layer,
// the magnitude and the candidate x; `fast()` is the ~98.9% acceptance test.
template <class Real>
struct zig_exp_word {
  int idx;
  std::uint64_t ri;
  Real x;
  bool fast() const noexcept {
    if constexpr (std::is_same<Real, double>::value)
      return ri < ziggurat::ke_double[idx];
    else
      return ri < ziggurat::ke_float[idx];
  }
};
NPRANDOM_ALWAYS_INLINE zig_exp_word<double> zig_exp_decode(std::uint64_t ri) noexcept {
  ri >>= 3;
  const int idx = static_cast<int>(ri & 0xFF);
  ri >>= 8;
  // ri < 2^53: the signed conversion is exact and cheaper than uint64 -> double.
  return {idx, ri,
          mul(static_cast<double>(static_cast<std::int64_t>(ri)), ziggurat::we_double[idx])};
}
NPRANDOM_ALWAYS_INLINE zig_exp_word<float> zig_exp_decode(std::uint32_t ri) noexcept {
  ri >>= 1;
  const int idx = static_cast<int>(ri & 0xFF);
  ri >>= 8;
  return {idx, ri, mul(static_cast<float>(static_cast<std::int32_t>(ri)), ziggurat::we_float[idx])};
}

// The rest of an attempt whose fast test failed: the tail (layer 0, always a value) or the wedge
// test (one uniform). False: rejected, start a new attempt.
template <class BitGen>
inline bool zig_exp_rare(BitGen& bg, const zig_exp_word<double>& w, double& out) noexcept {
  namespace z = ziggurat;
  if (w.idx == 0) {
    out = z::ziggurat_exp_r - log1p(-bg.next_double());  // 1 - U avoids log(0) (NumPy GH 13361)
    return true;
  }
  out = w.x;
  return mul(z::fe_double[w.idx - 1] - z::fe_double[w.idx], bg.next_double()) +
             z::fe_double[w.idx] <
         exp(-w.x);
}
template <class BitGen>
inline bool zig_exp_rare(BitGen& bg, const zig_exp_word<float>& w, float& out) noexcept {
  namespace z = ziggurat;
  if (w.idx == 0) {
    out = z::ziggurat_exp_r_f - log1p(-bg.next_float());
    return true;
  }
  out = w.x;
  return mul(z::fe_float[w.idx - 1] - z::fe_float[w.idx], bg.next_float()) + z::fe_float[w.idx] <
         exp(-w.x);
}

// After a failed fast test on the raw word u (uint64: double, uint32: float): finish that
// attempt, then run whole attempts until one accepts. It takes the word, not the decoded attempt:
// the 24-byte attempt went through the stack, a store-forwarding stall in the fill loops.
template <class BitGen, class Word>
NPRANDOM_NOINLINE auto standard_exponential_slow(BitGen& bg, Word u) noexcept {
  using Real = std::conditional_t<std::is_same<Word, std::uint64_t>::value, double, float>;
  return ziggurat_retry<Real>(
      zig_exp_decode(u),
      [&bg](const zig_exp_word<Real>& a, Real& v) { return zig_exp_rare(bg, a, v); },
      [&bg] {
        if constexpr (std::is_same<Real, double>::value)
          return zig_exp_decode(bg.next_uint64());
        else
          return zig_exp_decode(bg.next_uint32());
      });
}

}  // namespace detail

namespace distributions {

template <class BitGen>
NPRANDOM_ALWAYS_INLINE double standard_exponential(BitGen& bg) noexcept {
  const std::uint64_t u = bg.next_uint64();
  const detail::zig_exp_word<double> w = detail::zig_exp_decode(u);
  if (NPRANDOM_LIKELY(w.fast())) return w.x;
  return detail::standard_exponential_slow(bg, u);
}

template <class BitGen>
NPRANDOM_ALWAYS_INLINE float standard_exponential_f(BitGen& bg) noexcept {
  const std::uint32_t u = bg.next_uint32();
  const detail::zig_exp_word<float> w = detail::zig_exp_decode(u);
  if (NPRANDOM_LIKELY(w.fast())) return w.x;
  return detail::standard_exponential_slow(bg, u);
}

/// Inversion, one element of random_standard_exponential_inv_fill: `-log1p(-U)`, one next_double.
template <class BitGen>
inline double standard_exponential_inv(BitGen& bg) noexcept {
  return -detail::log1p(-bg.next_double());
}

/// Inversion, one element of random_standard_exponential_inv_fill_f: one next_float, but the
/// double log1p (as NumPy does), rounded to float.
template <class BitGen>
inline float standard_exponential_inv_f(BitGen& bg) noexcept {
  return static_cast<float>(-detail::log1p(-static_cast<double>(bg.next_float())));
}

/// out[i] = map(standard_exponential draw i) for i < cnt: the draws of cnt
/// random_standard_exponential calls (exponential's and rayleigh's sized forms map them).
template <class BitGen, class Map>
inline void standard_exponential_fill_map(BitGen& bg, std::size_t cnt, double* out,
                                          Map map) noexcept {
  // Words in blocks from the bulk source, exactly those of cnt single calls: the fast test on
  // each word straight from the block, the rest of a rejected attempt on the source
  // (detail::for_each_value_pieces, detail/block_source.hpp).
  detail::for_each_value_pieces<std::uint64_t>(
      bg, cnt, static_cast<detail::no_piece_buffer*>(nullptr),
      [](auto& src) NPRANDOM_LAMBDA_INLINE { return src.next_uint64(); },
      [=](std::uint64_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const auto w = detail::zig_exp_decode(u);
        if (NPRANDOM_UNLIKELY(!w.fast())) return false;
        out[i] = map(w.x);
        return true;
      },
      [=](auto& src, std::uint64_t u, std::size_t i)
          NPRANDOM_LAMBDA_INLINE { out[i] = map(detail::standard_exponential_slow(src, u)); });
}

/// random_standard_exponential_fill.
template <class BitGen>
inline void standard_exponential_fill(BitGen& bg, std::size_t cnt, double* out) noexcept {
  standard_exponential_fill_map(bg, cnt, out, [](double z) NPRANDOM_LAMBDA_INLINE { return z; });
}

/// random_standard_exponential_fill_f.
template <class BitGen>
inline void standard_exponential_fill_f(BitGen& bg, std::size_t cnt, float* out) noexcept {
  // Words in blocks from the bulk source, exactly those of cnt single calls: the fast test on
  // each word straight from the block, the rest of a rejected attempt on the source
  // (detail::for_each_value_pieces, detail/block_source.hpp).
  detail::for_each_value_pieces<std::uint32_t>(
      bg, cnt, static_cast<detail::no_piece_buffer*>(nullptr),
      [](auto& src) NPRANDOM_LAMBDA_INLINE { return src.next_uint32(); },
      [=](std::uint32_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const auto w = detail::zig_exp_decode(u);
        if (NPRANDOM_UNLIKELY(!w.fast())) return false;
        const float z = w.x;
        out[i] = z;
        return true;
      },
      [=](auto& src, std::uint32_t u, std::size_t i) NPRANDOM_LAMBDA_INLINE {
        const float z = detail::standard_exponential_slow(src, u);
        out[i] = z;
      });
}

/// random_standard_exponential_inv_fill.
template <class BitGen>
inline void standard_exponential_inv_fill(BitGen& bg, std::size_t cnt, double* out) noexcept {
  // -U for a block of 1024, then log1p in one detail::log1p_batch (bit for bit the C library's).
  // The U from the bulk source (standard_uniform_fill) where there is one, else drawn on a local
  // engine copy.
  const auto run = [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t b = 0; b < cnt; b += 1024) {
      double* v = out + b;
      const std::size_t m = cnt - b < 1024 ? cnt - b : 1024;
      if constexpr (detail::bulk_uniforms<BitGen>) {
        standard_uniform_fill(e, m, v);
        for (std::size_t i = 0; i < m; ++i) v[i] = -v[i];
      } else {
        for (std::size_t i = 0; i < m; ++i) v[i] = -e.next_double();
      }
      detail::log1p_batch(v, v, m);
      for (std::size_t i = 0; i < m; ++i) v[i] = -v[i];
    }
  };
  if constexpr (detail::bulk_uniforms<BitGen>) {
    run(bg);
  } else {
    detail::with_local_engine(bg, run);
  }
}

/// random_standard_exponential_inv_fill_f.
template <class BitGen>
inline void standard_exponential_inv_fill_f(BitGen& bg, std::size_t cnt, float* out) noexcept {
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = standard_exponential_inv_f(e);
  });
}

/// random_exponential: `scale * standard_exponential(bg)`.
template <class BitGen>
inline double exponential(BitGen& bg, double scale) noexcept {
  return detail::mul(scale, standard_exponential(bg));
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_EXPONENTIAL_HPP
