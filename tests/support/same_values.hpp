// REQUIRE_SAME_VALUES(got, want): two indexable sequences hold the same values, floating-point
// ones bit for bit (so -0.0 differs from 0.0 and a NaN equals only the same NaN). One Catch
// assertion for the whole sequence: an assertion (and a CAPTURE) per element made the bulk ==
// scalar suites take minutes under qemu and the sanitizers. On failure the message names the
// first differing index and both values in hex.
#pragma once

#include "support/catch.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>
#include <type_traits>

namespace nprandom_test {

template <class T>
bool same_value(const T& a, const T& b) {
  if constexpr (std::is_floating_point<T>::value) {
    return std::memcmp(&a, &b, sizeof(T)) == 0;
  } else {
    return a == b;
  }
}

template <class T>
std::string show_value(const T& v) {
  std::ostringstream os;
  if constexpr (std::is_floating_point<T>::value) {
    os.precision(17);
    os << v << " (" << std::hexfloat << v << ")";
  } else if constexpr (std::is_integral<T>::value) {
    os << +v;  // + prints 8-bit integers as numbers
  } else {
    os << v;
  }
  return os.str();
}

// "" when got and want agree; else where and how they first differ. got's elements are converted
// to want's element type (a sized bool / uint8 result against one-value calls).
template <class Got, class Want>
std::string difference(const Got& got, const Want& want) {
  using T = std::decay_t<decltype(want[0])>;
  if (got.size() != want.size()) {
    return "sizes differ: got " + std::to_string(got.size()) + ", want " +
           std::to_string(want.size());
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    const T g = static_cast<T>(got[i]);
    const T w = want[i];
    if (!same_value(g, w)) {
      return "first difference at index " + std::to_string(i) + " of " +
             std::to_string(want.size()) + ": got " + show_value(g) + ", want " + show_value(w);
    }
  }
  return {};
}

}  // namespace nprandom_test

#define REQUIRE_SAME_VALUES(got, want)                                                        \
  do {                                                                                        \
    const std::string nprandom_test_difference_ = ::nprandom_test::difference((got), (want)); \
    INFO(nprandom_test_difference_);                                                          \
    REQUIRE(nprandom_test_difference_.empty());                                               \
  } while (false)
