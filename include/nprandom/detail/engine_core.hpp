// Engine cores: a bit generator's state as a small value type that bulk loops keep in locals,
// and with_local_engine(), which runs a loop on such a copy and writes the state back.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_ENGINE_CORE_HPP
#define NPRANDOM_DETAIL_ENGINE_CORE_HPP

#include <nprandom/config.hpp>
#include <nprandom/detail/bitgen_traits.hpp>
#include <nprandom/detail/fp.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

namespace nprandom {
namespace detail {

// The named pieces every 64-bit bit generator and engine core share (one copy of each):
// NumPy's uint64_to_double (53 random bits in [0, 1); the product is exact, so an FMA could not
// change a bit, and rounded() only keeps it unfused so that tools/fma_audit.py can demand zero
// FMAs), NumPy's next_float (24 bits of one 32-bit draw), and NumPy's buffered half-word
// next_uint32 (the low half of a fresh 64-bit word now, its high half on the next call).
NPRANDOM_ALWAYS_INLINE double uint64_to_double(std::uint64_t x) noexcept {
  return rounded(static_cast<double>(x >> 11) * (1.0 / 9007199254740992.0));
}
NPRANDOM_ALWAYS_INLINE float uint32_to_float(std::uint32_t x) noexcept {
  return rounded(static_cast<float>(x >> 8) * (1.0f / 16777216.0f));
}
// out[0..2m) = uint32_to_float of the halves of w[0..m), each word's low half first (the order
// of buffered_uint32). On little-endian GCC/Clang the halves are the words' memory as 32-bit
// integers, converted four at a time in vector lanes (GCC -O2 leaves the scalar loop scalar);
// every step is exact (24-bit integers, a power-of-two scale), so the floats are the same.
inline void words_to_floats(const std::uint64_t* w, std::size_t m, float* out) noexcept {
  std::size_t j = 0;
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  using v4u = std::uint32_t __attribute__((vector_size(16)));
  using v4i = std::int32_t __attribute__((vector_size(16)));
  using v4f = float __attribute__((vector_size(16)));
  for (; j + 2 <= m; j += 2) {
    v4u x;
    __builtin_memcpy(&x, w + j, sizeof x);
    const v4f f =
        __builtin_convertvector(__builtin_convertvector(x >> 8u, v4i), v4f) * (1.0f / 16777216.0f);
    __builtin_memcpy(out + 2 * j, &f, sizeof f);
  }
#endif
  for (; j < m; ++j) {
    out[2 * j] = uint32_to_float(static_cast<std::uint32_t>(w[j] & 0xffffffffu));
    out[2 * j + 1] = uint32_to_float(static_cast<std::uint32_t>(w[j] >> 32));
  }
}
template <class Next64>
NPRANDOM_ALWAYS_INLINE std::uint32_t buffered_uint32(bool& has, std::uint32_t& buf,
                                                     Next64&& next64) noexcept {
  if (has) {
    has = false;
    return buf;
  }
  const std::uint64_t next = next64();
  has = true;
  buf = static_cast<std::uint32_t>(next >> 32);
  return static_cast<std::uint32_t>(next & 0xffffffffu);
}

// Why: a fill loop that draws through the generator object (a member of Generator, reached by
// reference) must store the state to memory after every draw whenever the loop also calls an
// opaque function (libm in a rejection branch, a kernel the compiler did not inline), and reload
// it before the next draw: a store-to-load round trip on the serial dependency chain of the
// state. A local copy whose address never escapes lives in registers instead. The copy carries
// everything a kernel may touch (state, NumPy's buffered half-word), so a loop over the copy
// draws exactly what the same loop over the generator would, and leaves the same final state.
//
// half_word_core<Core>: the surface kernels use (next_uint32 with NumPy's buffered half-words,
// next_double, next_float, next_raw, the half-word buffer access), over Core::next_uint64 --
// the same arithmetic as BitGenerator's, so detail::uses_half_word_uint32 and
// uses_default_next_double hold for cores too.
template <class Core>
class half_word_core {
 public:
  NPRANDOM_ALWAYS_INLINE std::uint32_t next_uint32() noexcept {
    return buffered_uint32(has_uint32_, uinteger_, [this] { return self().next_uint64(); });
  }
  NPRANDOM_ALWAYS_INLINE double next_double() noexcept {
    return uint64_to_double(self().next_uint64());
  }
  NPRANDOM_ALWAYS_INLINE float next_float() noexcept { return uint32_to_float(next_uint32()); }
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_raw() noexcept { return self().next_uint64(); }
  bool uint32_buffer_state(std::uint32_t& value) const noexcept {
    value = uinteger_;
    return has_uint32_;
  }
  void set_uint32_buffer_state(bool has, std::uint32_t value) noexcept {
    has_uint32_ = has;
    uinteger_ = value;
  }

 protected:
  half_word_core(bool has, std::uint32_t value) noexcept : has_uint32_(has), uinteger_(value) {}

 private:
  Core& self() noexcept { return static_cast<Core&>(*this); }
  bool has_uint32_;
  std::uint32_t uinteger_;
};

// True when BitGen offers `engine_core()` / `set_engine_core(core)` (PCG64, PCG64DXSM, SFC64).
template <class BitGen, class = void>
struct has_engine_core : std::false_type {};
template <class BitGen>
struct has_engine_core<BitGen, std::void_t<decltype(std::declval<BitGen&>().set_engine_core(
                                   std::declval<const BitGen&>().engine_core()))>>
    : std::true_type {};

// f(engine): engine is a local copy of bg's core when BitGen has one, else bg itself. The copy is
// written back when f returns (or throws, so that an exception leaves the draws made so far
// consumed, as a loop on bg would). f must draw only through its argument.
template <class BitGen, class F>
NPRANDOM_ALWAYS_INLINE void with_local_engine(BitGen& bg, F&& f) {
  if constexpr (has_engine_core<BitGen>::value) {
    struct commit {
      BitGen& bg;
      std::decay_t<decltype(std::declval<const BitGen&>().engine_core())> core;
      ~commit() { bg.set_engine_core(core); }
    } local{bg, bg.engine_core()};
    std::forward<F>(f)(local.core);
  } else {
    std::forward<F>(f)(bg);
  }
}

// Whether a prepared sampler has a batched `s.fill(e, out, n)` of its own (it says so with
// `static constexpr bool batched_fill = true`).
template <class S, class = void>
struct has_sampler_fill : std::false_type {};
template <class S>
struct has_sampler_fill<S, std::void_t<decltype(S::batched_fill)>>
    : std::integral_constant<bool, S::batched_fill> {};

// Whether a sampler's batched fill takes the bit generator itself (`fill_on_bitgen = true`: it
// draws through a block source, detail/block_source.hpp) rather than a local engine copy.
template <class S, class = void>
struct has_sampler_fill_on_bitgen : std::false_type {};
template <class S>
struct has_sampler_fill_on_bitgen<S, std::void_t<decltype(S::fill_on_bitgen)>>
    : std::integral_constant<bool, S::fill_on_bitgen> {};

// A method's kernel written as a prepared sampler: `Sampler s(p...)` does the per-parameter
// setup (the doubles NumPy recomputes on every call), `s(bg)` draws one value. The one-value form
// prepares and draws; the bulk form prepares once and draws n values on a local engine copy
// (with the sampler's own `fill(e, out, n)` where it has one: a batched form of the same draws).
// One kernel either way: the same draws, doubles and final state as n one-value calls.
template <class Sampler>
struct prepared_kernel : bulk_kernel {
  template <class BitGen, class... P>
  auto operator()(BitGen& bg, P... p) const noexcept {
    Sampler s(p...);
    return s(bg);
  }
  template <class BitGen, class Out, class... P>
  void fill(BitGen& bg, Out* out, std::size_t n, P... p) const noexcept {
    Sampler s(p...);
    if constexpr (has_sampler_fill_on_bitgen<Sampler>::value) {
      s.fill(bg, out, n);
    } else if constexpr (has_sampler_fill<Sampler>::value) {
      with_local_engine(bg, [&](auto& e) { s.fill(e, out, n); });
    } else {
      with_local_engine(bg, [&](auto& e) NPRANDOM_LAMBDA_INLINE {
        for (std::size_t i = 0; i < n; ++i) out[i] = s(e);
      });
    }
  }
};

// A parameter's bits, for kept_setup's key: a double by its bit pattern (so -0.0 and 0.0 differ,
// and a setup is only reused for exactly the same input), an integer by value.
NPRANDOM_ALWAYS_INLINE std::uint64_t param_bits(double x) noexcept {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}
NPRANDOM_ALWAYS_INLINE std::uint64_t param_bits(std::int64_t x) noexcept {
  return static_cast<std::uint64_t>(x);
}

// The setup of a one-value call's last N parameters, kept for the next call with the same
// parameter bits (NumPy's Generator keeps its binomial setup between calls the same way; the
// other one-value setups NumPy recomputes). `make(p...)` is a pure function of the parameters
// (the C library gives the same doubles every time), so a value never depends on whether the
// setup was kept or made afresh. `fresh()` says whether the last get() made it.
template <class Setup, std::size_t N>
class kept_setup {
 public:
  template <class Make, class... P>
  NPRANDOM_ALWAYS_INLINE const Setup& get(Make&& make, P... p) {
    static_assert(sizeof...(P) == N, "one key word per parameter");
    const std::uint64_t key[N] = {param_bits(p)...};
    fresh_ = !has_ || std::memcmp(key, key_, sizeof key) != 0;
    if (NPRANDOM_UNLIKELY(fresh_)) remake(make, key, p...);
    return setup_;
  }
  bool fresh() const noexcept { return fresh_; }

 private:
  template <class Make, class... P>
  NPRANDOM_NOINLINE void remake(Make& make, const std::uint64_t (&key)[N], P... p) {
    setup_ = make(p...);  // out of line: the calls that keep the setup stay small
    std::memcpy(key_, key, sizeof key);
    has_ = true;
  }

  Setup setup_{};
  std::uint64_t key_[N] = {};
  bool has_ = false, fresh_ = false;
};

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_ENGINE_CORE_HPP
