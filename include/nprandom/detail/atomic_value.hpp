// atomic_value<T>: a lock-free word (a handler pointer, a dispatch level) read and written
// atomically, without <atomic>.
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_ATOMIC_VALUE_HPP
#define NPRANDOM_DETAIL_ATOMIC_VALUE_HPP

// <atomic> costs every translation unit ~0.03 s of compile time (docs/benchmarks.md) for the two
// process-wide words nprandom keeps. GCC and Clang provide the same operations as builtins
// (`__atomic_*`, which std::atomic itself is built on, and which ThreadSanitizer understands);
// other compilers get std::atomic.
#if !(defined(__GNUC__) || defined(__clang__))
#include <atomic>
#endif

namespace nprandom {
namespace detail {

template <class T>
class atomic_value {
 public:
  constexpr explicit atomic_value(T v) noexcept : v_(v) {}
  atomic_value(const atomic_value&) = delete;
  atomic_value& operator=(const atomic_value&) = delete;

#if defined(__GNUC__) || defined(__clang__)
  T load() const noexcept { return __atomic_load_n(&v_, __ATOMIC_ACQUIRE); }
  void store(T v) noexcept { __atomic_store_n(&v_, v, __ATOMIC_RELEASE); }
  T exchange(T v) noexcept { return __atomic_exchange_n(&v_, v, __ATOMIC_ACQ_REL); }
  // Sets the value to `desired` if it is `expected`; returns the value it had.
  T compare_exchange(T expected, T desired) noexcept {
    __atomic_compare_exchange_n(&v_, &expected, desired, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    return expected;
  }

 private:
  T v_;
#else
  T load() const noexcept { return v_.load(); }
  void store(T v) noexcept { v_.store(v); }
  T exchange(T v) noexcept { return v_.exchange(v); }
  T compare_exchange(T expected, T desired) noexcept {
    v_.compare_exchange_strong(expected, desired);
    return expected;
  }

 private:
  std::atomic<T> v_;
#endif
};

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_ATOMIC_VALUE_HPP
