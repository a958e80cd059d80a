// Permutation kernels: Fisher-Yates shuffles (masked random_interval and Lemire variants) and the
// index samplers behind Generator.choice (Floyd, tail shuffle, weighted with/without replacement).
//
// Naming: NumPy's Cython helpers minus the leading underscore (_shuffle_raw -> shuffle_raw,
// _shuffle_int -> shuffle_int); the choice samplers have no NumPy function of their own (they are
// inline in Generator.choice in numpy/random/_generator.pyx) and are named choice_*.
// Kernels do no argument checking.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DISTRIBUTIONS_PERMUTATION_HPP
#define NPRANDOM_DISTRIBUTIONS_PERMUTATION_HPP

#include <nprandom/detail/bitgen_traits.hpp>
#include <nprandom/distributions/integers.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace nprandom {
namespace distributions {

/// _shuffle_raw (Generator.shuffle / permutation / permuted): Fisher-Yates from the end, for
/// i = n-1 down to `first`: j = random_interval(i) (masked rejection, next_uint32 while
/// i <= 0xFFFFFFFF), swap(x[i], x[j]). `first` is 1 for shuffle and 0 for permuted along an axis
/// (random_interval(0) draws nothing, so both consume the same draws). `swap_fn(i, j)` exchanges
/// elements i and j (it is also called with i == j).
template <class BitGen, class SwapFn>
inline void shuffle_raw_with(BitGen& bg, std::size_t n, std::size_t first, SwapFn&& swap_fn) {
  for (std::size_t i = n; i-- > first;) {
    const auto j = static_cast<std::size_t>(random_interval(bg, i));
    swap_fn(i, j);
  }
}

inline constexpr std::size_t kShuffleBlock = 64;

/// js[t] = random_interval(bg, i - 1 - t) for t < k, in order. For generators with half-word
/// next_uint32 and i - 1 <= 0xFFFFFFFF, runs with an empty half-word buffer take the masked
/// candidates from the halves of next_uint64 words drawn in advance (never more halves than
/// j's still wanted, each needing at least one) and reject branch-free; the buffer is then left
/// as the next_uint32 calls would have left it (empty, holding the last word's high half).
template <class BitGen>
inline void shuffle_draw_block(BitGen& bg, std::size_t i, std::size_t k, std::size_t* js) noexcept {
  std::size_t t = 0;
  if constexpr (detail::uses_half_word_uint32<BitGen>::value) {
    if (i - 1 <= 0xffffffffULL) {
      // t's with max = i - 1 - t >= 1 (random_interval(0) draws nothing: left to the scalar loop).
      const std::size_t limit = i - k == 0 ? k - 1 : k;
      std::uint64_t words[kShuffleBlock / 2];
      while (t < limit) {
        std::uint32_t unused;
        if (bg.uint32_buffer_state(unused) || limit - t < 2) {
          js[t] = static_cast<std::size_t>(random_interval(bg, i - 1 - t));
          ++t;
          continue;
        }
        const std::size_t nw = (limit - t) / 2;
        for (std::size_t q = 0; q < nw; ++q) words[q] = bg.next_uint64();
        for (std::size_t q = 0; q < nw; ++q) {
          for (int half = 0; half < 2; ++half) {
            const std::uint64_t max = i - 1 - t;
#if defined(__GNUC__)
            const std::uint64_t mask =
                ~std::uint64_t{0} >> __builtin_clzll(max);  // gen_mask(max), max >= 1
#else
            const std::uint64_t mask = gen_mask(max);
#endif
            const std::uint64_t c = (half ? (words[q] >> 32) : (words[q] & 0xffffffffu)) & mask;
            js[t] = static_cast<std::size_t>(c);
            t += c <= max;
          }
        }
        bg.set_uint32_buffer_state(false, static_cast<std::uint32_t>(words[nw - 1] >> 32));
      }
    }
  } else if constexpr (detail::has_run32<BitGen>::value) {
    // The legacy MT19937 cursor's runs of words (one word per candidate, as random_interval's
    // 32-bit loop), rejected branch-free; only the words used are consumed.
    if (i - 1 <= 0xffffffffULL) {
      const std::size_t limit = i - k == 0 ? k - 1 : k;
      while (t < limit) {
        const std::uint32_t* w;
        const std::size_t avail = bg.run32(w);
        std::size_t q = 0;
        for (; q < avail && t < limit; ++q) {
          const std::uint64_t max = i - 1 - t;
          const std::uint64_t c = w[q] & gen_mask(max);
          js[t] = static_cast<std::size_t>(c);
          t += c <= max ? 1 : 0;
        }
        bg.consume32(q);
      }
    }
  }
  for (; t < k; ++t) js[t] = static_cast<std::size_t>(random_interval(bg, i - 1 - t));
}

/// _shuffle_raw on a random-access range [begin, begin + n). The j's are drawn a block ahead of
/// the swaps (the draws do not depend on the data, so they are the same draws in the same order)
/// and, for ranges of real lvalues, the element at j is prefetched a few swaps ahead: the swaps
/// of a large range are random memory accesses.
template <class BitGen, class RandomIt>
inline void shuffle_raw(BitGen& bg, RandomIt begin, std::size_t n, std::size_t first = 1) {
  using diff_t = decltype(std::declval<RandomIt&>() - std::declval<RandomIt&>());
  constexpr std::size_t kBlock = kShuffleBlock;
  constexpr std::size_t kAhead = 8;
  constexpr bool can_prefetch = std::is_lvalue_reference<decltype(*begin)>::value;
  std::size_t js[kBlock];
  std::size_t i = n;
  while (i > first) {
    const std::size_t k = i - first < kBlock ? i - first : kBlock;
    shuffle_draw_block(bg, i, k, js);
#if defined(__GNUC__)
    if constexpr (can_prefetch) {
      for (std::size_t t = 0; t < k && t < kAhead; ++t) {
        __builtin_prefetch(__builtin_addressof(*(begin + static_cast<diff_t>(js[t]))), 1);
      }
    }
#endif
    for (std::size_t t = 0; t < k; ++t) {
#if defined(__GNUC__)
      if constexpr (can_prefetch) {
        if (t + kAhead < k)
          __builtin_prefetch(__builtin_addressof(*(begin + static_cast<diff_t>(js[t + kAhead]))),
                             1);
      }
#endif
      const std::size_t a = i - 1 - t;
      if (a != js[t])
        std::iter_swap(begin + static_cast<diff_t>(a), begin + static_cast<diff_t>(js[t]));
    }
    i -= k;
  }
}

/// _shuffle_int (Generator.choice without replacement): like shuffle_raw, but
/// j = bounded_uint64(0, i) by Lemire's method (so 32-bit draws for i <= 0xFFFFFFFF).
template <class BitGen>
inline void shuffle_int(BitGen& bg, std::size_t n, std::size_t first, std::int64_t* data) noexcept {
  for (std::size_t i = n; i-- > first;) {
    const auto j = static_cast<std::size_t>(bounded_uint64(bg, 0, i, 0, false));
    std::swap(data[i], data[j]);
  }
}

/// Generator.choice(pop, size, replace=False), no p, tail-shuffle path (NumPy takes it when
/// pop > 10000 and size > pop // (50 if shuffle else 20)): idx = arange(pop); shuffle_int from
/// pop-1 down to max(pop-size, 1); the result is idx[pop-size:]. Allocates pop int64s.
template <class BitGen>
inline void choice_tail_shuffle(BitGen& bg, std::int64_t pop, std::int64_t size,
                                std::int64_t* out) {
  std::vector<std::int64_t> idx(static_cast<std::size_t>(pop));
  for (std::int64_t i = 0; i < pop; ++i) idx[static_cast<std::size_t>(i)] = i;
  shuffle_int(bg, static_cast<std::size_t>(pop),
              static_cast<std::size_t>(std::max<std::int64_t>(pop - size, 1)), idx.data());
  std::copy(idx.begin() + (pop - size), idx.end(), out);
}

/// Generator.choice(pop, size, replace=False), no p, Floyd's algorithm (R. W. Floyd, via Bentley
/// & Floyd, "Programming Pearls: A Sample of Brilliance", CACM 30(9), 1987): for j = pop-size ..
/// pop-1, v = bounded_uint64(0, j) (Lemire; j == 0 draws nothing); record v if not yet taken,
/// else j. Membership uses NumPy's open-addressing table of 2^ceil(log2(1.2*size)) slots (speed
/// only). If `shuffle`, the result is then shuffled with shuffle_int(size, first=1).
template <class BitGen>
inline void choice_floyd(BitGen& bg, std::int64_t pop, std::int64_t size, bool shuffle,
                         std::int64_t* out) {
  constexpr std::uint64_t empty = ~std::uint64_t{0};
  const std::uint64_t mask = gen_mask(static_cast<std::uint64_t>(1.2 * static_cast<double>(size)));
  std::vector<std::uint64_t> hash_set(static_cast<std::size_t>(mask + 1), empty);
  for (std::int64_t j = pop - size; j < pop; ++j) {
    const std::uint64_t val = bounded_uint64(bg, 0, static_cast<std::uint64_t>(j), 0, false);
    std::uint64_t loc = val & mask;
    while (hash_set[loc] != empty && hash_set[loc] != val) loc = (loc + 1) & mask;
    if (hash_set[loc] == empty) {
      hash_set[loc] = val;
      out[j - pop + size] = static_cast<std::int64_t>(val);
    } else {
      loc = static_cast<std::uint64_t>(j) & mask;
      while (hash_set[loc] != empty) loc = (loc + 1) & mask;
      hash_set[loc] = static_cast<std::uint64_t>(j);
      out[j - pop + size] = j;
    }
  }
  if (shuffle) shuffle_int(bg, static_cast<std::size_t>(size), 1, out);
}

/// NumPy's `cdf = cumsum(p); cdf /= cdf[-1]` (sequential sums, then one division each).
inline std::vector<double> choice_cdf(const double* p, std::size_t n) {
  std::vector<double> cdf(n);
  double acc = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    acc += p[i];
    cdf[i] = acc;
  }
  if (n) {
    const double last = cdf[n - 1];
    for (auto& c : cdf) c /= last;
  }
  return cdf;
}

/// `cdf.searchsorted(u, side='right')`: the first index whose cdf value is > u.
inline std::int64_t choice_searchsorted(const std::vector<double>& cdf, double u) noexcept {
  return static_cast<std::int64_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
}

/// Generator.choice(pop, size, replace=True, p): one next_double per value, then
/// searchsorted(cdf, U, side='right') on cdf = cumsum(p) / sum.
template <class BitGen>
inline void choice_p_replace(BitGen& bg, const double* p, std::size_t pop, std::size_t size,
                             std::int64_t* out) {
  const std::vector<double> cdf = choice_cdf(p, pop);
  // NumPy draws all uniforms (random(shape)) before searching; the order of draws is the same.
  for (std::size_t i = 0; i < size; ++i) out[i] = choice_searchsorted(cdf, bg.next_double());
}

/// Generator.choice(pop, size, replace=False, p): rounds of `size - found` uniforms; before each
/// round (after the first) the p of every value found so far is set to 0; cdf = cumsum(p)/sum;
/// each round keeps the first occurrence of every new index, in draw order.
template <class BitGen>
inline void choice_p_noreplace(BitGen& bg, const double* p_in, std::size_t pop, std::size_t size,
                               std::int64_t* out) {
  std::vector<double> p(p_in, p_in + pop);
  std::vector<double> x;
  std::vector<char> seen_round(pop);
  std::size_t n_uniq = 0;
  while (n_uniq < size) {
    x.resize(size - n_uniq);
    for (auto& u : x) u = bg.next_double();
    for (std::size_t k = 0; k < n_uniq; ++k) p[static_cast<std::size_t>(out[k])] = 0.0;
    const std::vector<double> cdf = choice_cdf(p.data(), pop);
    std::fill(seen_round.begin(), seen_round.end(), 0);
    for (double u : x) {
      const std::int64_t v = choice_searchsorted(cdf, u);
      // v < pop always: cdf[pop-1] == 1 exactly and u < 1.
      const auto vi = static_cast<std::size_t>(v);
      if (vi < pop) {
        if (seen_round[vi]) continue;
        seen_round[vi] = 1;
      }
      out[n_uniq++] = v;
    }
  }
}

}  // namespace distributions
}  // namespace nprandom

#endif  // NPRANDOM_DISTRIBUTIONS_PERMUTATION_HPP
