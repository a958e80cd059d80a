// NumPy's RuntimeWarning in C++: nprandom::warning_handler and set_warning_handler.
// Public header (the public/internal line: docs/design.md); the `detail` part is internal.
#ifndef NPRANDOM_WARNINGS_HPP
#define NPRANDOM_WARNINGS_HPP

// NumPy issues `RuntimeWarning("covariance is not symmetric positive-semidefinite.")` from
// multivariate_normal(check_valid='warn'). C++ has no warnings module, so nprandom calls a
// process-wide handler instead (never throws, never changes the draws). The default handler
// writes the line "nprandom: RuntimeWarning: <message>" to stderr (one fprintf, so <iostream>
// stays out of nprandom's includes); install your own (or nullptr to silence) with
// set_warning_handler, which returns the previous handler. Thread-safe.

#include <nprandom/detail/atomic_value.hpp>

#include <cstdio>

namespace nprandom {

/// A warning handler: called with NumPy's RuntimeWarning text (no trailing newline).
using warning_handler = void (*)(const char* message);

namespace detail {
inline void default_warning_handler(const char* message) {
  std::fprintf(stderr, "nprandom: RuntimeWarning: %s\n", message);
}
inline atomic_value<warning_handler>& warning_handler_slot() noexcept {
  static atomic_value<warning_handler> slot{&default_warning_handler};
  return slot;
}
inline void emit_runtime_warning(const char* message) {
  if (warning_handler h = warning_handler_slot().load()) {
    h(message);
  }
}
}  // namespace detail

/// Installs `handler` (nullptr silences warnings) and returns the previous one.
inline warning_handler set_warning_handler(warning_handler handler) noexcept {
  return detail::warning_handler_slot().exchange(handler);
}

}  // namespace nprandom

#endif  // NPRANDOM_WARNINGS_HPP
