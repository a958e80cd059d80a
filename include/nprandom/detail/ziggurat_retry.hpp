// The shared slow path of the ziggurat samplers (normal and exponential, double and float).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_ZIGGURAT_RETRY_HPP
#define NPRANDOM_DETAIL_ZIGGURAT_RETRY_HPP

#include <nprandom/config.hpp>

namespace nprandom {
namespace detail {

// Each ziggurat sampler is built from named pieces: `decode` (one raw word -> an attempt with its
// candidate `x` and its ~99% `fast()` acceptance test, inlined into every caller) and `rare`
// (the tail or wedge part of an attempt whose fast test failed; false = rejected). After a failed
// fast test the sampler calls this: finish that attempt, then run whole attempts -- `next()`
// draws and decodes a word -- until one accepts. Draws are exactly NumPy's loop's.
template <class Real, class Attempt, class Rare, class Next>
inline Real ziggurat_retry(Attempt w, Rare&& rare, Next&& next) noexcept {
  for (;;) {
    Real v;
    if (rare(w, v)) return v;
    w = next();
    if (NPRANDOM_LIKELY(w.fast())) return w.x;
  }
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_ZIGGURAT_RETRY_HPP
