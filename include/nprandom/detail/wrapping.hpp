// Two's-complement int64 arithmetic without signed-overflow UB (NumPy's C relies on the wrap).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_WRAPPING_HPP
#define NPRANDOM_DETAIL_WRAPPING_HPP

// A few NumPy kernels compute `2 * i`, `-k * k` or `popsize + 2` on int64 values that can pass
// INT64_MAX for extreme (still accepted) parameters. In C that is undefined behaviour; NumPy's
// GCC x86-64 build gets the two's-complement wrap, and that wrapped value is what NumPy returns.
// These helpers compute exactly that wrap in unsigned arithmetic, so nprandom returns NumPy's
// values without UB (the unsigned -> signed conversion is modular: C++20, and GCC/Clang/MSVC in
// C++17).

#include <nprandom/config.hpp>

#include <cstdint>

namespace nprandom {
namespace detail {

constexpr std::int64_t wrap_add(std::int64_t a, std::int64_t b) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
constexpr std::int64_t wrap_sub(std::int64_t a, std::int64_t b) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
constexpr std::int64_t wrap_mul(std::int64_t a, std::int64_t b) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}
constexpr std::int64_t wrap_neg(std::int64_t a) noexcept {
  return static_cast<std::int64_t>(std::uint64_t{0} - static_cast<std::uint64_t>(a));
}

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_WRAPPING_HPP
