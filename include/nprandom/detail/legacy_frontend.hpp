// RandomState's front-end helpers: nprandom's refusals where NumPy's legacy kernels never return,
// integer comparisons and dtype names for randint, seed-sequence detection, the MT19937 block
// cursor and the bulk paths over it, RandomState.choice's index logic, and aug_method / bg_method,
// which build a legacy method's declaration (kernel + bulk fill) from one kernel lambda. The
// legacy kernels themselves stay in <nprandom/legacy/distributions.hpp>. Internal (detail).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_LEGACY_FRONTEND_HPP
#define NPRANDOM_DETAIL_LEGACY_FRONTEND_HPP

#include <nprandom/bit_generators/mt19937.hpp>
#include <nprandom/config.hpp>
#include <nprandom/detail/broadcast.hpp>
#include <nprandom/detail/checked_size.hpp>
#include <nprandom/detail/choice_shuffle.hpp>
#include <nprandom/detail/fp.hpp>
#include <nprandom/detail/kahan_sum.hpp>
#include <nprandom/detail/mt19937_core.hpp>
#include <nprandom/legacy/distributions.hpp>
#include <nprandom/ndarray.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace nprandom {
namespace detail {

// nprandom's refusals where NumPy's legacy kernels never return (docs/reliability.md), run per
// value after NumPy's own checks.
inline void vonmises_guard(double kappa) {
  if (kappa >= 1e-8 && !(legacy::vonmises_s(kappa) > 1.0)) {
    fail(
        "kappa too large for the legacy vonmises algorithm (NumPy never returns); use "
        "Generator.vonmises");
  }
}
inline void zipf_guard(double a) {
  if (a >= 1025.0) {
    fail(
        "a >= 1025: the legacy zipf algorithm never returns (NumPy loops forever); use "
        "Generator.zipf");
  }
  if (a <= 1.0 + 1e-7) {
    fail(
        "a <= 1 + 1e-7: the legacy zipf algorithm needs over 2e5 attempts per value there, 1e14 "
        "near a = 1 (NumPy "
        "effectively hangs); use Generator.zipf");
  }
}
// Not NumPy: its legacy HRUA computes popsize + 2 in int64, which wraps for ngood + nbad >
// 2**63 - 3, and then never returns. Reject instead of hanging.
struct hypergeometric_guard {
  void operator()(const array_arg<std::int64_t>& good, const array_arg<std::int64_t>& bad,
                  const array_arg<std::int64_t>& nsample) const {
    shape out;
    try {
      out = broadcast_shapes({&good.shape(), &bad.shape(), &nsample.shape()});
    } catch (const std::invalid_argument&) {
      return;  // the draw reports the mismatch with NumPy's text
    }
    broadcast_walk w(out, {&good.shape(), &bad.shape(), &nsample.shape()});
    for (std::size_t i = 0; i < out.count(); ++i, w.next()) {
      scalar(good[w.offset(0)], bad[w.offset(1)], nsample[w.offset(2)]);
    }
  }
  // ngood, nbad >= 0 here (checked before): their sum is exact in uint64.
  void scalar(std::int64_t good, std::int64_t bad, std::int64_t nsample) const {
    if (nsample > 10 &&
        static_cast<std::uint64_t>(good) + static_cast<std::uint64_t>(bad) >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max() - 2)) {
      fail(
          "ngood + nbad > 9223372036854775805: the legacy hypergeometric algorithm overflows "
          "there and NumPy never "
          "returns");
    }
  }
};

// ---- integer comparisons across signedness (C++20's std::cmp_less, for C++17) ----
template <class A, class B>
constexpr bool cmp_less(A a, B b) noexcept {
  if constexpr (std::is_signed<A>::value == std::is_signed<B>::value) {
    return a < b;
  } else if constexpr (std::is_signed<A>::value) {
    return a < 0 || static_cast<std::make_unsigned_t<A>>(a) < b;
  } else {
    return b >= 0 && a < static_cast<std::make_unsigned_t<B>>(b);
  }
}
template <class A, class B>
constexpr bool cmp_equal(A a, B b) noexcept {
  return !cmp_less(a, b) && !cmp_less(b, a);
}

// NumPy's dtype names for randint's messages.
template <class IntType>
constexpr const char* dtype_name() noexcept {
  if constexpr (std::is_same<IntType, bool>::value) {
    return "bool";
  } else if constexpr (std::is_signed<IntType>::value) {
    return sizeof(IntType) == 1   ? "int8"
           : sizeof(IntType) == 2 ? "int16"
           : sizeof(IntType) == 4 ? "int32"
                                  : "int64";
  } else {
    return sizeof(IntType) == 1   ? "uint8"
           : sizeof(IntType) == 2 ? "uint16"
           : sizeof(IntType) == 4 ? "uint32"
                                  : "uint64";
  }
}

// randint's errors (NumPy's messages): 0 low out of bounds, 1 high out of bounds, 2 "high <= 0",
// 3 "low >= high". Out of line, so that the checks inline into every scalar call.
[[noreturn]] NPRANDOM_NOINLINE inline void legacy_randint_fail(int what, const char* dtype) {
  if (what == 0) throw std::invalid_argument(std::string("low is out of bounds for ") + dtype);
  if (what == 1) throw std::invalid_argument(std::string("high is out of bounds for ") + dtype);
  throw std::invalid_argument(what == 2 ? "high <= 0" : "low >= high");
}

template <class T>
using enable_if_int_t =
    std::enable_if_t<std::is_integral<T>::value && !std::is_same<T, bool>::value, int>;

// A sequence of seed integers (vector, array, initializer_list, ...).
template <class T, class = void>
struct is_int_range : std::false_type {};
template <class T>
struct is_int_range<T, std::void_t<decltype(std::begin(std::declval<const T&>())),
                                   decltype(std::end(std::declval<const T&>()))>>
    : std::integral_constant<
          bool,
          std::is_integral<std::decay_t<decltype(*std::begin(std::declval<const T&>()))>>::value> {
};

// A read cursor over a copy of an MT19937's state for long sized draws: each 624-word block is
// twisted and tempered in one vectorisable pass, then handed out word by word; commit() writes
// the key and position back. The words, and so every value drawn through it, are exactly those
// of next_uint32() on the generator itself -- only faster (NumPy's RandomState draws one word at
// a time through a function pointer). Provides the kernel interface (next_uint32, next_uint64,
// next_double with MT19937's 53-bit double).
class MT19937BlockCursor {
 public:
  explicit MT19937BlockCursor(MT19937& bg) : bg_(bg), st_(bg.state()), pos_(st_.pos) {
    const auto p = static_cast<std::size_t>(pos_ < mt19937_n ? pos_ : mt19937_n);
    mt19937_temper_block(st_.key.data() + p, buf_.size() - p, buf_.data() + p);
  }
  MT19937BlockCursor(const MT19937BlockCursor&) = delete;
  MT19937BlockCursor& operator=(const MT19937BlockCursor&) = delete;

  NPRANDOM_ALWAYS_INLINE std::uint32_t next_uint32() noexcept {
    if (NPRANDOM_UNLIKELY(pos_ >= mt19937_n)) refill();
    return buf_[static_cast<std::size_t>(pos_++)];
  }
  NPRANDOM_ALWAYS_INLINE std::uint64_t next_uint64() noexcept {
    const std::uint64_t hi = next_uint32();
    return (hi << 32) | next_uint32();
  }
  // Two words from the block; at a block edge the out-of-line next_double_slow(). Keeping the
  // refill (the twist call and the tempering loop, AVX-512 at -march=native) out of the double
  // kernels lets GCC -O3 inline them into their fill loops without a 64-byte stack realignment
  // per value (the -O3 native cliff of standard_gamma(1), pareto, power, noncentral_chisquare).
  NPRANDOM_ALWAYS_INLINE double next_double() noexcept {
    if (NPRANDOM_LIKELY(pos_ < mt19937_n - 1)) {
      const std::uint32_t a = buf_[static_cast<std::size_t>(pos_)];
      const std::uint32_t b = buf_[static_cast<std::size_t>(pos_) + 1];
      pos_ += 2;
      return rounded(mt19937_to_double(a, b));
    }
    return next_double_slow();
  }
  // n consecutive next_double() values, converted straight from the tempered block (the
  // per-word block check is only paid at block edges).
  void fill_doubles(double* out, std::size_t n) noexcept {
    constexpr int nw = mt19937_n;
    while (n != 0) {
      if (pos_ >= nw - 1) {  // a pair that straddles (or starts at) a block edge
        *out++ = next_double();
        --n;
        continue;
      }
      std::size_t k = static_cast<std::size_t>(nw - pos_) / 2;
      if (k > n) k = n;
      mt19937_to_doubles(buf_.data() + pos_, out, k);
      pos_ += static_cast<int>(2 * k);
      out += k;
      n -= k;
    }
  }
  // The tempered words not yet drawn, refilled first if there are none: w points at them and
  // the count is returned. Run kernels (distributions::masked_uint32_fill_runs) read them straight
  // from the block and then consume32(k) the k they used, the words k next_uint32() would give.
  NPRANDOM_ALWAYS_INLINE std::size_t run32(const std::uint32_t*& w) noexcept {
    if (pos_ >= mt19937_n) refill();
    w = buf_.data() + pos_;
    return static_cast<std::size_t>(mt19937_n - pos_);
  }
  NPRANDOM_ALWAYS_INLINE void consume32(std::size_t k) noexcept { pos_ += static_cast<int>(k); }
  // n consecutive next_uint32() words written little-endian to out (4 n bytes), copied from the
  // tempered block.
  void fill_words_le(char* out, std::size_t n) noexcept {
    while (n != 0) {
      if (pos_ >= mt19937_n) refill();
      std::size_t k = static_cast<std::size_t>(mt19937_n - pos_);
      if (k > n) k = n;
      const std::uint32_t* w = buf_.data() + pos_;
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      std::memcpy(out, w, 4 * k);
#else
      for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t b = 0; b < 4; ++b) {
          out[4 * i + b] = static_cast<char>(static_cast<unsigned char>((w[i] >> (8 * b)) & 0xffu));
        }
      }
#endif
      pos_ += static_cast<int>(k);
      out += 4 * k;
      n -= k;
    }
  }
  // The rest of the current block to read ahead in (no refill): the batched legacy gammas draw
  // their attempts from a block_reader, with its position in a register, and then set the
  // cursor's position to where the scalar loop would be (set_block_pos, same block).
  struct block_reader {
    const std::uint32_t* w;
    int pos;
    NPRANDOM_ALWAYS_INLINE int left() const noexcept { return mt19937_n - pos; }
    // next_double() of the cursor; requires left() >= 2.
    NPRANDOM_ALWAYS_INLINE double next_double() noexcept {
      const std::uint32_t a = w[static_cast<std::size_t>(pos)];
      const std::uint32_t b = w[static_cast<std::size_t>(pos) + 1];
      pos += 2;
      return rounded(mt19937_to_double(a, b));
    }
  };
  NPRANDOM_ALWAYS_INLINE block_reader reader() const noexcept { return {buf_.data(), pos_}; }
  NPRANDOM_ALWAYS_INLINE void set_block_pos(int pos) noexcept { pos_ = pos; }
  // Writes the advanced state back to the generator.
  void commit() {
    st_.pos = pos_;
    bg_.set_state(st_);
  }

 private:
  NPRANDOM_NOINLINE double next_double_slow() noexcept {
    const std::uint32_t a = next_uint32();
    return rounded(mt19937_to_double(a, next_uint32()));
  }
  void refill() noexcept {
    mt19937_twist(st_.key);
    mt19937_temper_block(st_.key.data(), buf_.size(), buf_.data());
    pos_ = 0;
  }

  MT19937& bg_;
  MT19937State st_;
  std::array<std::uint32_t, mt19937_n> buf_;
  int pos_;
};

// cdf = cumsum(p); cdf /= cdf[-1]
inline std::vector<double> normalized_cdf(const std::vector<double>& p) {
  std::vector<double> cdf(p.size());
  double acc = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    acc += p[i];
    cdf[i] = acc;
  }
  const double last = cdf.empty() ? 1.0 : cdf.back();
  for (double& c : cdf) c /= last;
  return cdf;
}
// searchsorted(cdf, u, side='right')
inline std::int64_t search_right(const std::vector<double>& cdf, double u) {
  return static_cast<std::int64_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
}

// RandomState.choice's index logic (mtrand.pyx) over a RandomState `rs` (its random_sample,
// randint and permutation, as NumPy's choice calls them). `is_scalar`: size=None.
template <class RS>
std::vector<std::int64_t> legacy_choice_indices(RS& rs, std::int64_t pop_size, bool a_is_int,
                                                std::size_t size, bool is_scalar, bool replace,
                                                const std::vector<double>* p) {
  const bool samples = is_scalar || size != 0;
  if (a_is_int) {
    if (pop_size <= 0 && samples) {
      throw std::invalid_argument("a must be greater than 0 unless no samples are taken");
    }
  } else if (pop_size == 0 && samples) {
    throw std::invalid_argument("'a' cannot be empty unless no samples are taken");
  }
  if (p != nullptr) {
    if (static_cast<std::int64_t>(p->size()) != pop_size) {
      throw std::invalid_argument("'a' and 'p' must have same size");
    }
    if (!p_sum_surely_one(p->data(), p->size())) {  // the common valid case: no Kahan chain
      const double p_sum = kahan_sum(p->data(), p->size());
      if (detail::isnan(p_sum)) throw std::invalid_argument("probabilities contain NaN");
      for (double v : *p) {
        if (v < 0) throw std::invalid_argument("probabilities are not non-negative");
      }
      const double atol = 1.4901161193847656e-08;  // sqrt(float64 eps)
      if (detail::fabs(p_sum - 1.) > atol) {
        throw std::invalid_argument("probabilities do not sum to 1");
      }
    }
  }
  std::vector<std::int64_t> idx(checked_elements<std::int64_t>(size));
  if (replace) {
    if (p != nullptr) {
      // NumPy: cdf = cumsum(p) / cdf[-1]; uniform_samples = random_sample(shape);
      // idx = cdf.searchsorted(uniform_samples, side='right').
      if (is_scalar) {
        idx[0] = search_right(normalized_cdf(*p), rs.random_sample());
      } else if (size != 0) {
        // the uniforms in chunks (the same random_sample stream), not one array of `size`
        // doubles: a large fresh array costs its page faults (~4 ns a value at 10^6)
        const cdf_search search(p->data(), p->size());
        constexpr std::size_t chunk = 8192;
        std::vector<double> u(size < chunk ? size : chunk);
        for (std::size_t i = 0; i < size; i += chunk) {
          const std::size_t m = size - i < chunk ? size - i : chunk;
          rs.random_sample(u.data(), m);
          search.search_all(u.data(), idx.data() + i, m);
        }
      }
    } else if (size != 0) {
      rs.template randint<std::int64_t>(std::int64_t{0}, pop_size, idx.data(), size);
    }
    return idx;
  }
  if (static_cast<std::int64_t>(size) > pop_size) {
    throw std::invalid_argument("Cannot take a larger sample than population when 'replace=False'");
  }
  if (p != nullptr) {
    std::vector<double> pp(*p);
    std::size_t nonzero = 0;
    for (double v : pp) nonzero += v > 0 ? 1 : 0;
    if (nonzero < size) throw std::invalid_argument("Fewer non-zero entries in p than size");
    std::size_t n_uniq = 0;
    std::vector<double> x;
    // Values already taken have p = 0 from the next round on and can never be drawn again, so
    // one "seen" flag per value serves the whole call.
    std::vector<char> seen(pp.size(), 0);
    while (n_uniq < size) {
      x = rs.random_sample(size - n_uniq);
      for (std::size_t i = 0; i < n_uniq; ++i) pp[static_cast<std::size_t>(idx[i])] = 0;
      const std::vector<double> cdf = normalized_cdf(pp);
      // new = searchsorted(cdf, x); keep the first occurrence of each value, in draw order
      // (NumPy: unique(return_index=True), indices sorted).
      std::size_t found = 0;
      for (double u : x) {
        const std::int64_t v = search_right(cdf, u);
        char& flag = seen[static_cast<std::size_t>(v)];
        if (!flag) {
          flag = 1;
          idx[n_uniq + found++] = v;
        }
      }
      n_uniq += found;
    }
    return idx;
  }
  const std::vector<std::int64_t> perm = rs.permutation(pop_size);
  std::copy(perm.begin(), perm.begin() + static_cast<std::ptrdiff_t>(size), idx.begin());
  return idx;
}

// RandomState's private state, for the method builders and choice below (BasicRandomState
// befriends it).
struct legacy_access {
  template <class S>
  static auto& aug(S& s) noexcept {
    return s.aug_;
  }
  template <class S>
  static auto& bg(S& s) noexcept {
    return s.bit_generator_;
  }
  template <class S>
  static auto& choice_cache(S& s) noexcept {
    return s.choice_p_cache_;
  }
};

// One RandomState.choice index (size None): with replacement and no p it is randint(0, pop)
// without the index vector; every other case is legacy_choice_indices' one value.
template <class RS>
std::int64_t legacy_choice_one_p(RS& rs, std::int64_t pop_size, bool a_is_int, bool replace,
                                 const std::vector<double>* p);
template <class RS>
NPRANDOM_ALWAYS_INLINE std::int64_t legacy_choice_one(RS& rs, std::int64_t pop_size, bool a_is_int,
                                                      bool replace, const std::vector<double>* p) {
  if (replace && p == nullptr && pop_size > 0) {  // inline: the scalar call costs randint's
    return rs.template randint<std::int64_t>(std::int64_t{0}, pop_size);
  }
  return legacy_choice_one_p(rs, pop_size, a_is_int, replace, p);
}
template <class RS>
std::int64_t legacy_choice_one_p(RS& rs, std::int64_t pop_size, bool a_is_int, bool replace,
                                 const std::vector<double>* p) {
  if (replace && p != nullptr && pop_size > 0 && static_cast<std::int64_t>(p->size()) == pop_size) {
    // The p of the last call, bit for bit: its checks passed, its cdf search is kept.
    choice_p_cache& cache = legacy_access::choice_cache(rs);
    std::int64_t idx;
    if (cache.draw_one(legacy_access::bg(rs), pop_size, p->data(), p->size(), idx)) return idx;
    if (p_sum_surely_one(p->data(), p->size())) {  // the checks pass: no index vector, no cdf
      cache.remember(p->data(), p->size());
      return choice_p_one(p->data(), p->size(), rs.random_sample());
    }
  }
  return legacy_choice_indices(rs, pop_size, a_is_int, 1, true, replace, p)[0];
}

// Runs f(bg) with bg = the bit generator, or for MT19937 and long draws (n >= 2048) a block
// cursor over it (same words, tempered a block at a time; see MT19937BlockCursor).
template <class BitGen, class F>
void with_bulk_bitgen(BitGen& bit_generator, std::size_t n, F&& f) {
  if constexpr (std::is_same<BitGen, MT19937>::value) {
    if (n >= 2048) {
      MT19937BlockCursor cursor(bit_generator);
      f(cursor);
      cursor.commit();
      return;
    }
  }
  f(bit_generator);
}

// f(aug) with aug = the augmented state (gaussian cache) over with_bulk_bitgen's generator; the
// cache is carried in and out.
template <class BitGen, class F>
void with_aug(legacy::AugBitGen<BitGen>& state, std::size_t n, F&& f) {
  with_bulk_bitgen(state.bitgen(), n, [&](auto& bg) {
    legacy::AugBitGen<std::decay_t<decltype(bg)>> aug{&bg, state.has_gauss, state.gauss};
    f(aug);
    state.has_gauss = aug.has_gauss;
    state.gauss = aug.gauss;
  });
}

// out[i] = legacy_double (the bit generator's next_double), n times.
template <class BitGen>
void legacy_doubles(BitGen& bit_generator, double* out, std::size_t n) noexcept {
  with_bulk_bitgen(bit_generator, n, [&](auto& bg) {
    if constexpr (std::is_same<std::decay_t<decltype(bg)>, MT19937BlockCursor>::value) {
      bg.fill_doubles(out, n);
    } else {
      for (std::size_t i = 0; i < n; ++i) out[i] = bg.next_double();
    }
  });
}

// n standard_gamma(shape) values (the batched Marsaglia-Tsang path on the block cursor).
template <class BitGen>
void legacy_standard_gamma_fill(legacy::AugBitGen<BitGen>& state, double shape, double* out,
                                std::size_t n) {
  if (shape == 1.0) {  // legacy_standard_exponential: the doubles, then their logs in batches
    legacy_doubles(state.bitgen(), out, n);
    legacy::standard_exponential_from_uniforms(out, n);
    return;
  }
  with_aug(state, n, [&](auto& aug) {
    if constexpr (std::is_same<std::decay_t<decltype(aug)>,
                               legacy::AugBitGen<MT19937BlockCursor>>::value) {
      legacy::standard_gamma_fill_batched(aug, shape, out, n);
    } else {
      legacy::standard_gamma_fill(aug, shape, out, n);
    }
  });
}

// A RandomState method whose kernel k(gen, p...) runs on the augmented state (the gaussian
// cache: aug_method) or on the bare bit generator (bg_method); its bulk fill runs the same
// kernel over the MT19937 block cursor for long draws (same words, same values).
template <class Out, class K, class... P>
constexpr auto aug_method(K k, typed_param<P>... p) {
  return make_method<Out>([k](auto& s, P... v) { return k(legacy_access::aug(s), v...); }, p...)
      .with_fill([k](auto& s, Out* out, std::size_t n, P... v) {
        with_aug(legacy_access::aug(s), n, [&](auto& aug) {
          if constexpr (std::is_base_of<bulk_kernel, K>::value) {
            k.fill(aug, out, n, v...);  // the kernel's batched form
          } else {
            for (std::size_t i = 0; i < n; ++i) out[i] = k(aug, v...);
          }
        });
      });
}
template <class Out, class K, class... P>
constexpr auto bg_method(K k, typed_param<P>... p) {
  return make_method<Out>([k](auto& s, P... v) { return k(legacy_access::bg(s), v...); }, p...)
      .with_fill([k](auto& s, Out* out, std::size_t n, P... v) {
        with_bulk_bitgen(legacy_access::bg(s), n, [&](auto& bg) {
          if constexpr (std::is_base_of<bulk_kernel, K>::value) {
            k.fill(bg, out, n, v...);  // the kernel's batched form
          } else {
            for (std::size_t i = 0; i < n; ++i) out[i] = k(bg, v...);
          }
        });
      });
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_LEGACY_FRONTEND_HPP
