// Uniform kernels: standard uniform doubles/floats and the shifted-scaled uniform.
//
// Naming: NumPy's C function names minus the `random_` prefix. A trailing `_f` is the float32
// variant (as in NumPy); `_fill` writes `cnt` values to `out` with the same draws as `cnt`
// single calls. Kernels do no argument checking.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_UNIFORM_HPP
#define NPRANDOM_DISTRIBUTIONS_UNIFORM_HPP

#include <nprandom/detail/bitgen_traits.hpp>
#include <nprandom/detail/block_source.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/pcg64_lanes.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace nprandom {
namespace detail {

// True when BitGen has the internal `fill_block<lane_output>(out, n, lower, range)` of the PCG
// generators and Philox (bit_generators/pcg64.hpp, philox.hpp): the double forms computed in the
// SIMD lanes.
template <class BitGen, class = void>
struct has_fill_block : std::false_type {};
template <class BitGen>
struct has_fill_block<
    BitGen, std::void_t<decltype(std::declval<BitGen&>().template fill_block<lane_output::unit>(
                std::declval<void*>(), std::size_t{}, 0.0, 0.0))>> : std::true_type {};

// Whether standard_uniform_fill(bg, ...) takes its doubles from a bulk source (SIMD lanes or a
// block of words) rather than a loop over next_double.
template <class BitGen>
inline constexpr bool bulk_uniforms = has_fill_block<BitGen>::value ||
                                      (has_fill_uint64<BitGen>::value &&
                                       uses_default_next_double<BitGen>::value &&
                                       !cheap_scalar_step<BitGen>::value);

}  // namespace detail

namespace distributions {

/// random_standard_uniform: U[0, 1) with 53 random bits, `bg.next_double()`. One next_uint64
/// on 64-bit generators (two 32-bit outputs on MT19937).
template <class BitGen>
inline double standard_uniform(BitGen& bg) noexcept {
  return bg.next_double();
}

/// random_standard_uniform_f: U[0, 1) float with 24 random bits, `(next_uint32() >> 8) * 2^-24`.
/// One next_uint32.
template <class BitGen>
inline float standard_uniform_f(BitGen& bg) noexcept {
  return bg.next_float();
}

/// random_standard_uniform_fill.
template <class BitGen>
inline void standard_uniform_fill(BitGen& bg, std::size_t cnt, double* out) noexcept {
  if constexpr (detail::has_fill_block<BitGen>::value) {
    // PCG64 / PCG64DXSM / Philox: the values are formed in the SIMD lanes.
    bg.template fill_block<detail::lane_output::unit>(out, cnt, 0.0, 0.0);
    return;
  } else if constexpr (detail::bulk_uniforms<BitGen>) {
    // A bulk word source without fill_block: one word per value.
    detail::for_each_word_block(bg, cnt,
                                [out](const std::uint64_t* w, std::size_t m, std::size_t done)
                                    NPRANDOM_LAMBDA_INLINE {
                                      for (std::size_t j = 0; j < m; ++j)
                                        out[done + j] = detail::uint64_to_double(w[j]);
                                    });
    return;
  }
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = e.next_double();
  });
}

/// k attempts' pairs of doubles, u[j] drawn before v[j] (U, V, U, V, ...: the batched rejection
/// fills of Johnk's beta and zipf): standard_uniform_fill's doubles through `w` (2k doubles) where
/// that fill has a bulk source, else drawn in turn.
template <class BitGen>
inline void standard_uniform_pairs(BitGen& bg, std::size_t k, double* u, double* v,
                                   double* w) noexcept {
  if constexpr (detail::bulk_uniforms<BitGen>) {
    standard_uniform_fill(bg, 2 * k, w);
    for (std::size_t j = 0; j < k; ++j) {
      u[j] = w[2 * j];
      v[j] = w[2 * j + 1];
    }
  } else {
    for (std::size_t j = 0; j < k; ++j) {
      u[j] = bg.next_double();
      v[j] = bg.next_double();
    }
  }
}

/// random_standard_uniform_fill_f.
template <class BitGen>
inline void standard_uniform_fill_f(BitGen& bg, std::size_t cnt, float* out) noexcept {
  if constexpr (detail::has_fill_uint64<BitGen>::value &&
                detail::uses_half_word_uint32<BitGen>::value) {
    if (cnt >= detail::bulk_min_values) {
      // NumPy's buffered half-words: a buffered high half first, then each word gives its low
      // half and its high half, and an odd last value draws one more word and buffers its high
      // half. After the pairs the buffer holds the last high half, already consumed (has = 0).
      std::uint32_t half = 0;
      std::size_t i = 0;
      if (bg.uint32_buffer_state(half)) out[i++] = detail::uint32_to_float(half);
      const std::size_t pairs = (cnt - i) / 2;
      float* o = out + i;
      detail::for_each_word_block(bg, pairs,
                                  [o, &half](const std::uint64_t* w, std::size_t m,
                                             std::size_t done) NPRANDOM_LAMBDA_INLINE {
                                    detail::words_to_floats(w, m, o + 2 * done);
                                    half = static_cast<std::uint32_t>(w[m - 1] >> 32);
                                  });
      bg.set_uint32_buffer_state(false, half);
      i += 2 * pairs;
      if (i < cnt) out[i] = bg.next_float();
      return;
    }
  }
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = e.next_float();
  });
}

/// random_uniform: `lower + range * U`, one next_double.
template <class BitGen>
inline double uniform(BitGen& bg, double lower, double range) noexcept {
  return lower + detail::mul(range, bg.next_double());
}

/// `cnt` values of random_uniform(bg, lower, range) (NumPy's cont fill of `uniform`).
template <class BitGen>
inline void uniform_fill(BitGen& bg, double lower, double range, std::size_t cnt,
                         double* out) noexcept {
  if constexpr (detail::has_fill_block<BitGen>::value) {
    // PCG64 / PCG64DXSM / Philox: the values are formed in the SIMD lanes.
    bg.template fill_block<detail::lane_output::affine>(out, cnt, lower, range);
    return;
  } else if constexpr (detail::has_fill_uint64<BitGen>::value &&
                       detail::uses_default_next_double<BitGen>::value &&
                       !detail::cheap_scalar_step<BitGen>::value) {
    detail::for_each_word_block(
        bg, cnt,
        [out, lower, range](const std::uint64_t* w, std::size_t m, std::size_t done)
            NPRANDOM_LAMBDA_INLINE {
              for (std::size_t j = 0; j < m; ++j)
                out[done + j] = lower + detail::mul(range, detail::uint64_to_double(w[j]));
            });
    return;
  }
  // The state in registers (detail/engine_core.hpp); parameters by value, so that the stores to
  // out cannot be taken to modify them.
  detail::with_local_engine(bg, [out, cnt, lower, range](auto& e) NPRANDOM_LAMBDA_INLINE {
    for (std::size_t i = 0; i < cnt; ++i) out[i] = uniform(e, lower, range);
  });
}

}  // namespace distributions

namespace detail {
// True when BitGen converts runs of doubles itself, `fill_doubles(out, n)` (the legacy front end's
// MT19937 block cursor).
template <class BitGen, class = void>
struct has_fill_doubles : std::false_type {};
template <class BitGen>
struct has_fill_doubles<BitGen, std::void_t<decltype(std::declval<BitGen&>().fill_doubles(
                                    std::declval<double*>(), std::size_t{}))>> : std::true_type {};

// The next m doubles of the stream (next_double) into o: the SIMD lanes' fill or the MT19937
// block cursor's where the bit generator has one, else a loop on a local engine copy.
template <class BitGen>
NPRANDOM_ALWAYS_INLINE void bulk_uniforms_into(BitGen& bg, double* o, std::size_t m) noexcept {
  if constexpr (has_fill_doubles<BitGen>::value) {
    bg.fill_doubles(o, m);
  } else {
    distributions::standard_uniform_fill(bg, m, o);
  }
}
}  // namespace detail

namespace distributions {

/// RandomState.uniform's kernel object: one value, and the fill (on the MT19937 block cursor the
/// doubles converted in runs, then lower + range * U; elsewhere uniform_fill). The same doubles.
struct uniform_kernel : detail::bulk_kernel {
  template <class BitGen>
  double operator()(BitGen& bg, double lower, double range) const noexcept {
    return uniform(bg, lower, range);
  }
  template <class BitGen>
  void fill(BitGen& bg, double* out, std::size_t n, double lower, double range) const noexcept {
    if constexpr (detail::has_fill_doubles<BitGen>::value) {
      bg.fill_doubles(out, n);
      for (std::size_t i = 0; i < n; ++i) out[i] = lower + detail::mul(range, out[i]);
    } else {
      uniform_fill(bg, lower, range, n, out);
    }
  }
};

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_UNIFORM_HPP
