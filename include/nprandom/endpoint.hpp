// nprandom::endpoint / endpoint_t: the closed-interval tag of Generator::integers (endpoint=True).
// Public header (the public/internal line: docs/design.md).
#ifndef NPRANDOM_ENDPOINT_HPP
#define NPRANDOM_ENDPOINT_HPP

namespace nprandom {

/// Tag selecting the closed interval in the one-value form of Generator::integers:
/// `g.integers(0, 10, nprandom::endpoint)` draws from [0, 10] (NumPy: endpoint=True);
/// `nprandom::endpoint_t{flag}` passes a run-time flag. The sized and fill forms take a plain
/// `bool endpoint` after the count, where it cannot be confused with a size.
struct endpoint_t {
  bool value;
  constexpr explicit endpoint_t(bool closed = true) noexcept : value(closed) {}
};
inline constexpr endpoint_t endpoint{true};

}  // namespace nprandom

#endif  // NPRANDOM_ENDPOINT_HPP
