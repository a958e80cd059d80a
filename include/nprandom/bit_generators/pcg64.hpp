// PCG64 (XSL-RR 128/64) and PCG64DXSM (CM DXSM 128/64): one 128-bit LCG, two output policies.
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_BIT_GENERATORS_PCG64_HPP
#define NPRANDOM_BIT_GENERATORS_PCG64_HPP

#include <nprandom/bit_generator.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/engine_core.hpp>
#include <nprandom/detail/pcg64_lanes.hpp>
#include <nprandom/detail/simd_dispatch.hpp>
#include <nprandom/detail/uint128.hpp>
#include <nprandom/seed_sequence.hpp>

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace nprandom {

// NumPy's `bit_generator.state` dict of PCG64 / PCG64DXSM:
// {'bit_generator': name, 'state': {'state': int, 'inc': int}, 'has_uint32': int, 'uinteger': int}.
struct PCG64State {
  std::string bit_generator;
  uint128 state;
  uint128 inc;
  int has_uint32 = 0;
  std::uint32_t uinteger = 0;
  friend bool operator==(const PCG64State& a, const PCG64State& b) noexcept {
    return a.bit_generator == b.bit_generator && a.state == b.state && a.inc == b.inc &&
           a.has_uint32 == b.has_uint32 && a.uinteger == b.uinteger;
  }
  friend bool operator!=(const PCG64State& a, const PCG64State& b) noexcept { return !(a == b); }
};

namespace detail {

// 128-bit multiplier of PCG64 (pcg64.h PCG_DEFAULT_MULTIPLIER_128).
inline constexpr uint128 pcg_default_multiplier{0x2360ED051FC65DA4ULL, 0x4385DF649FCCF645ULL};
// 64-bit "cheap multiplier" of PCG64DXSM (PCG_CHEAP_MULTIPLIER_128).
inline constexpr std::uint64_t pcg_cheap_multiplier = pcg_dxsm_output_multiplier;
// (phi - 1) * 2^128: the step of `jumped` for both PCG generators (_pcg64.pyx).
inline constexpr uint128 pcg_jump_step{0x9e3779b97f4a7c15ULL, 0xf39cc0605cedc835ULL};

// state * mult + inc (mod 2^128): the LCG step, written out so that the carry is one ADC.
NPRANDOM_ALWAYS_INLINE uint128 pcg_mul_step(uint128 state, uint128 mult, uint128 inc) noexcept {
  std::uint64_t hi = 0;
  std::uint64_t lo = umul128(state.lo(), mult.lo(), hi);
  hi += state.hi() * mult.lo() + state.lo() * mult.hi();
  add128(hi, lo, inc.hi(), inc.lo());
  return uint128(hi, lo);
}

// Brown's "arbitrary stride" LCG jump (pcg_advance_lcg_128 in pcg64.c): the `delta`-step LCG
// s -> s * acc_mult + acc_plus, computed in O(log delta).
inline void pcg_lcg_jump(uint128 delta, uint128 mult, uint128 plus, uint128& acc_mult,
                         uint128& acc_plus) noexcept {
  acc_mult = 1;
  acc_plus = 0;
  while (delta != uint128(0)) {
    if (delta.lo() & 1u) {
      acc_mult = acc_mult * mult;
      acc_plus = acc_plus * mult + plus;
    }
    plus = (mult + uint128(1)) * plus;
    mult = mult * mult;
    delta = delta >> 1;
  }
}

// The constants of the lane setup (PCG64Engine::setup_lanes) for one LCG multiplier m:
// mult[j] = m^(2^j) and sum[j] = 1 + m + ... + m^(2^j - 1), so that the 2^j-step LCG is
// s -> s * mult[j] + inc * sum[j]; inverse = m^-1 mod 2^128 (m is odd).
struct pcg_jump_constants {
  uint128 mult[6];
  uint128 sum[6];
  uint128 inverse;
};
constexpr pcg_jump_constants make_pcg_jump_constants(uint128 m) noexcept {
  pcg_jump_constants c{};
  uint128 mp = m, s = 1;
  for (int j = 0; j < 6; ++j) {
    c.mult[j] = mp;
    c.sum[j] = s;
    s = constexpr_mul(s, mp + uint128(1));  // S(2k) = S(k) (1 + m^k)
    mp = constexpr_mul(mp, mp);
  }
  uint128 x = m;  // Newton: x * m == 1 mod 2^3, each step doubles the correct low bits
  for (int i = 0; i < 7; ++i) x = constexpr_mul(x, uint128(2) - constexpr_mul(m, x));
  c.inverse = x;
  return c;
}
inline constexpr pcg_jump_constants pcg_default_jumps =
    make_pcg_jump_constants(pcg_default_multiplier);
inline constexpr pcg_jump_constants pcg_cheap_jumps =
    make_pcg_jump_constants(uint128(pcg_cheap_multiplier));
static_assert(constexpr_mul(pcg_default_jumps.inverse, pcg_default_multiplier) == uint128(1),
              "PCG64 multiplier inverse");
static_assert(constexpr_mul(pcg_cheap_jumps.inverse, uint128(pcg_cheap_multiplier)) == uint128(1),
              "PCG64DXSM multiplier inverse");

// The state `delta` draws on (pcg_advance_lcg_128).
inline uint128 pcg_advance_lcg(uint128 state, uint128 delta, uint128 mult, uint128 plus) noexcept {
  uint128 acc_mult, acc_plus;
  pcg_lcg_jump(delta, mult, plus, acc_mult, acc_plus);
  return acc_mult * state + acc_plus;
}

template <class Int>
uint128 to_wrapped_uint128(Int v) noexcept {
  static_assert(std::is_integral<Int>::value, "integer required");
  if constexpr (std::is_signed<Int>::value) {
    // NumPy's wrap_int: a negative delta is taken modulo 2^128 (so it steps backwards).
    const auto lo = static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
    return uint128(v < 0 ? ~std::uint64_t{0} : std::uint64_t{0}, lo);
  } else {
    return uint128(static_cast<std::uint64_t>(v));
  }
}

// The common engine: state, increment, seeding (pcg64_set_seed), advance, state dict.
// `Dxsm` selects PCG64DXSM's output (from the pre-step state) and cheap multiplier.
template <class Derived, bool Dxsm>
class PCG64Engine : public BitGenerator<Derived> {
 public:
  // Seeded from fresh OS entropy (NumPy: PCG64()).
  PCG64Engine() : PCG64Engine(SeedSource()) {}
  // Seeded through SeedSequence(seed), as NumPy's PCG64(seed): an integer (negative throws
  // std::invalid_argument "expected non-negative integer"), integers, or a SeedSequence
  // (nprandom::SeedSource, seed_sequence.hpp).
  explicit PCG64Engine(SeedSource seed) { seed_from(std::move(seed).seed_sequence()); }
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  PCG64Engine(std::initializer_list<Int> seed)
      : PCG64Engine(SeedSource(seed)) {}  // PCG64Engine g = {1, 2}

  NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
    uint128 s = state_.load();
    const std::uint64_t r = step(s, inc_);
    state_.store(s);
    return r;
  }

  // One draw: advances `s` by one LCG step and returns the output (PCG64: of the new state;
  // PCG64DXSM: of the old one). The one definition used by next_uint64 and by core.
  static NPRANDOM_ALWAYS_INLINE std::uint64_t step(uint128& s, uint128 inc) noexcept {
    if constexpr (Dxsm) {
      const uint128 old = s;
      s = pcg_mul_step(old, uint128(pcg_cheap_multiplier), inc);
      return output(old);
    } else {
      s = pcg_mul_step(s, pcg_default_multiplier, inc);
      return output(s);
    }
  }

  // The state as a value (detail/engine_core.hpp): bulk kernels draw from a local copy, whose
  // state stays in registers, and write it back with set_engine_core.
  class core : public half_word_core<core> {
   public:
    core(uint128 state, uint128 inc, bool has, std::uint32_t value) noexcept
        : half_word_core<core>(has, value), state_(state), inc_(inc) {}
    NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
      uint128 s = state_.load();
      const std::uint64_t r = PCG64Engine::step(s, inc_);
      state_.store(s);
      return r;
    }
    uint128 state() const noexcept { return state_.load(); }

   private:
    uint128_storage state_;  // as in the engine, in case the copy does end up in memory
    uint128 inc_;
  };
  core engine_core() const noexcept {
    return core(state_.load(), inc_, this->has_uint32_, this->uinteger_);
  }
  void set_engine_core(const core& c) noexcept {
    state_.store(c.state());
    this->has_uint32_ = c.uint32_buffer_state(this->uinteger_);
  }

  using BitGenerator<Derived>::random_raw;

  // `n` consecutive next_uint64() values, identical to calling it n times (same final state).
  // The LCG's serial dependency is the bottleneck of a plain loop, so the bulk paths run L
  // interleaved lanes, lane k starting at the state of output k and stepping by the L-step LCG
  // (detail/pcg64_lanes.hpp): 32 lanes in AVX-512 registers or 16 in AVX2 registers where the CPU
  // has them (chosen at run time, detail/simd_dispatch.hpp), else 4 lanes in scalar registers.
  // Every path writes the same values and leaves the same state.
  void fill_uint64(std::uint64_t* out, std::size_t n) noexcept {
    fill_block<lane_output::raw>(out, n, 0.0, 0.0);
  }

  // Internal (distributions/uniform.hpp): n values of one word each into out, with the values
  // and final state of n sequential draws: raw words (std::uint64_t* out), next_double()
  // (lane_output::unit) or `lower + range * next_double()` (lane_output::affine) (double* out).
  template <lane_output Out>
  void fill_block(void* out, std::size_t n, double lower, double range) noexcept {
#if NPRANDOM_X86_SIMD
    if (n >= 2 * pcg_avx2_lanes) {
      const simd_level level = current_simd_level();
      if (level == simd_level::avx512 && n >= 2 * pcg_avx512_lanes) {
        uint128 lanes[pcg_avx512_lanes];
        uint128 jm, jp;
        const std::size_t done = setup_lanes(lanes, pcg_avx512_lanes, n, jm, jp);
        pcg_lanes_avx512<Dxsm, Out>(lanes, jm, jp, out, done / pcg_avx512_lanes, lower, range);
        state_.store(state_after_lanes(lanes[0]));
        fill_scalar<Out>(out, done, n, lower, range);
        return;
      }
      if (level != simd_level::portable) {
        uint128 lanes[pcg_avx2_lanes];
        uint128 jm, jp;
        const std::size_t done = setup_lanes(lanes, pcg_avx2_lanes, n, jm, jp);
        pcg_lanes_avx2<Dxsm, Out>(lanes, jm, jp, out, done / pcg_avx2_lanes, lower, range);
        state_.store(state_after_lanes(lanes[0]));
        fill_scalar<Out>(out, done, n, lower, range);
        return;
      }
    }
#endif
    if constexpr (Out == lane_output::raw) {
      fill_uint64_portable(static_cast<std::uint64_t*>(out), n);
    } else {
      fill_scalar<Out>(out, 0, n, lower, range);
    }
  }

  void random_raw(std::uint64_t* out, std::size_t n) noexcept { fill_uint64(out, n); }

  // Advance the stream by `delta` 64-bit draws (taken modulo 2^128; negative steps back). Resets
  // the buffered 32-bit half, as NumPy does. Returns *this.
  Derived& advance(uint128 delta) noexcept {
    state_.store(pcg_advance_lcg(state_.load(), delta, multiplier(), inc_));
    this->reset_uint32_buffer();
    return this->self();
  }
  template <class Int, std::enable_if_t<std::is_integral<Int>::value, int> = 0>
  Derived& advance(Int delta) noexcept {
    return advance(to_wrapped_uint128(delta));
  }

  // A copy advanced by jumps * (phi - 1) * 2^128 steps (mod 2^128). Like NumPy, the copy gets a
  // fresh, unrelated SeedSequence, so spawning from it is not derived from this generator's seed.
  Derived jumped(std::uint64_t jumps = 1) const {
    Derived copy = this->self();
    copy.seed_seq_ = SeedSequence();
    copy.advance(pcg_jump_step * uint128(jumps));
    return copy;
  }

  PCG64State state() const {
    return PCG64State{Derived::name(), state_.load(), inc_, this->has_uint32_ ? 1 : 0,
                      this->uinteger_};
  }
  // Throws std::invalid_argument when the state belongs to another bit generator.
  void set_state(const PCG64State& s) {
    if (s.bit_generator != Derived::name())
      throw std::invalid_argument("state must be for a " + std::string(Derived::name()) + " RNG");
    state_.store(s.state);
    inc_ = s.inc;
    this->has_uint32_ = s.has_uint32 != 0;
    this->uinteger_ = s.uinteger;
  }

  friend bool operator==(const Derived& a, const Derived& b) noexcept {
    return a.state_.load() == b.state_.load() && a.inc_ == b.inc_ &&
           a.has_uint32_ == b.has_uint32_ && a.uinteger_ == b.uinteger_;
  }
  friend bool operator!=(const Derived& a, const Derived& b) noexcept { return !(a == b); }

 private:
  // PCG64: XSL-RR of the post-step state. PCG64DXSM: DXSM of the pre-step state (pcg64.h).
  static NPRANDOM_ALWAYS_INLINE std::uint64_t output(uint128 s) noexcept {
    if constexpr (Dxsm) {
      std::uint64_t hi = s.hi();
      const std::uint64_t lo = s.lo() | 1u;
      hi ^= hi >> 32;
      hi *= pcg_cheap_multiplier;
      hi ^= hi >> 48;
      hi *= lo;
      return hi;
    } else {
      const std::uint64_t v = s.hi() ^ s.lo();
      const unsigned rot = static_cast<unsigned>(s.hi() >> 58);
      return (v >> rot) | (v << ((64u - rot) & 63u));
    }
  }

  // The portable path of fill_uint64: four interleaved lanes in scalar registers, each stepping
  // by the 4-step LCG (multiplier M^4, increment inc * (M^3 + M^2 + M + 1)); the four multiply
  // chains overlap in the pipeline.
  void fill_uint64_portable(std::uint64_t* out, std::size_t n) noexcept {
    constexpr std::size_t lanes = 4;
    if (n < 4 * lanes) {
      for (std::size_t i = 0; i < n; ++i) out[i] = this->next_uint64();
      return;
    }
    const uint128 m = multiplier();
    const uint128 m2 = m * m;
    const uint128 m4 = m2 * m2;
    const uint128 c4 = inc_ * (m2 * m + m2 + m + uint128(1));
    // Lane j holds the state that produces output i + j: for PCG64 the state after the step, for
    // PCG64DXSM the state before it.
    uint128 l0 = state_.load(), l1, l2, l3;
    if constexpr (!Dxsm) l0 = l0 * m + inc_;
    l1 = l0 * m + inc_;
    l2 = l1 * m + inc_;
    l3 = l2 * m + inc_;
    const std::size_t blocks = n / lanes;
    uint128 last = l3;  // PCG64: the post-step state of the last output emitted
    for (std::size_t b = 0; b < blocks; ++b) {
      std::uint64_t* o = out + b * lanes;
      o[0] = output(l0);
      o[1] = output(l1);
      o[2] = output(l2);
      o[3] = output(l3);
      last = l3;
      l0 = l0 * m4 + c4;
      l1 = l1 * m4 + c4;
      l2 = l2 * m4 + c4;
      l3 = l3 * m4 + c4;
    }
    // The scalar state after blocks*lanes outputs: DXSM keeps the pre-step state of the next
    // output (lane 0 now); PCG64 keeps the post-step state of the last one emitted.
    if constexpr (Dxsm) {
      state_.store(l0);
    } else {
      state_.store(last);
    }
    for (std::size_t i = blocks * lanes; i < n; ++i) out[i] = this->next_uint64();
  }
  // The SIMD paths of fill_uint64: lanes[k] = the state output k is computed from (PCG64: the
  // state after its step, PCG64DXSM: before), jump_mult / jump_plus = the L-step LCG
  // (multiplier M^L, increment inc * (M^(L-1) + ... + 1), pcg_advance_lcg's accumulators).
  // Returns the number of outputs the kernel is to write (whole blocks of L, L a power of two
  // <= 32). The lanes are filled by doubling, lanes[k + w] = lanes[k] stepped w times with the
  // precomputed w-step LCG (pcg_jump_constants): five rounds of independent products instead of
  // a serial chain of L steps (the setup was ~115 ns, a fifth of a 512-word block).
  std::size_t setup_lanes(uint128* lanes, std::size_t L, std::size_t n, uint128& jump_mult,
                          uint128& jump_plus) noexcept {
    const pcg_jump_constants& c = jumps();
    uint128 t = state_.load();
    if constexpr (!Dxsm) t = pcg_mul_step(t, multiplier(), inc_);
    lanes[0] = t;
    std::size_t j = 0;
    for (std::size_t w = 1; w < L; w *= 2, ++j) {
      const uint128 plus = inc_ * c.sum[j];
      for (std::size_t k = 0; k < w; ++k) lanes[k + w] = pcg_mul_step(lanes[k], c.mult[j], plus);
    }
    jump_mult = c.mult[j];
    jump_plus = inc_ * c.sum[j];
    return n - n % L;
  }
  // The state after the kernel's outputs, from lane 0's final state (the state output `done` is
  // computed from): DXSM keeps that pre-step state; PCG64 keeps the post-step state of output
  // done - 1, one LCG step back: (s - inc) * m^-1.
  uint128 state_after_lanes(uint128 lane0) const noexcept {
    if constexpr (Dxsm) {
      return lane0;
    } else {
      return (lane0 - inc_) * jumps().inverse;
    }
  }
  static constexpr const pcg_jump_constants& jumps() noexcept {
    if constexpr (Dxsm) {
      return pcg_cheap_jumps;
    } else {
      return pcg_default_jumps;
    }
  }
  // Values [from, n) of fill_block one draw at a time, on a local copy of the state (kept in
  // registers; the portable path of the double forms is this loop).
  template <lane_output Out>
  void fill_scalar(void* out, std::size_t from, std::size_t n, double lower,
                   double range) noexcept {
    uint128 s = state_.load();
    const uint128 inc = inc_;
    for (std::size_t i = from; i < n; ++i) {
      const std::uint64_t w = step(s, inc);
      if constexpr (Out == lane_output::raw) {
        static_cast<std::uint64_t*>(out)[i] = w;
      } else if constexpr (Out == lane_output::unit) {
        static_cast<double*>(out)[i] = uint64_to_double(w);
      } else {
        static_cast<double*>(out)[i] = lower + mul(range, uint64_to_double(w));
      }
    }
    state_.store(s);
  }

  static uint128 multiplier() noexcept {
    if constexpr (Dxsm) {
      return uint128(pcg_cheap_multiplier);
    } else {
      return pcg_default_multiplier;
    }
  }

  // pcg64_set_seed (= pcg_setseq_128_srandom_r, with the 128-bit multiplier for BOTH generators):
  // generate_state(4, uint64) -> initstate = v0:v1, initseq = v2:v3.
  void seed_from(const SeedSequence& ss) {
    const auto v = ss.generate_state<std::uint64_t>(4);
    const uint128 initstate(v[0], v[1]);
    const uint128 initseq(v[2], v[3]);
    inc_ = (initseq << 1) | uint128(1);
    uint128 s = pcg_mul_step(uint128(0), pcg_default_multiplier, inc_);
    s += initstate;
    state_.store(pcg_mul_step(s, pcg_default_multiplier, inc_));
    this->reset_uint32_buffer();
    this->seed_seq_ = ss;
  }

  uint128_storage state_;  // see uint128_storage: the layout matters at -O3 -march=native
  uint128 inc_;
};

}  // namespace detail

// PCG64: NumPy's default bit generator (numpy/random/_pcg64.pyx, src/pcg64/pcg64.h).
class PCG64 : public detail::PCG64Engine<PCG64, false> {
 public:
  using detail::PCG64Engine<PCG64, false>::PCG64Engine;
  static constexpr const char* name() noexcept { return "PCG64"; }
};

// PCG64DXSM: PCG64's upgraded output function (NumPy >= 1.21). Seeded exactly like PCG64.
class PCG64DXSM : public detail::PCG64Engine<PCG64DXSM, true> {
 public:
  using detail::PCG64Engine<PCG64DXSM, true>::PCG64Engine;
  static constexpr const char* name() noexcept { return "PCG64DXSM"; }
};

}  // namespace nprandom

#endif  // NPRANDOM_BIT_GENERATORS_PCG64_HPP
