// Opt-in same-stream multi-threaded fills: random_raw, random, uniform and bytes split over
// threads.
// Public header, opt-in: not included by <nprandom/nprandom.hpp> (docs/design.md).
#ifndef NPRANDOM_PARALLEL_HPP
#define NPRANDOM_PARALLEL_HPP

// Not included by <nprandom/nprandom.hpp> (it brings in <thread>). Link with Threads::Threads
// (-pthread).
//
// Each function gives exactly what the sequential call gives -- the same values in `out` and the
// same final state of the generator, its buffered 32-bit half-word included -- while `threads`
// threads (the calling thread and threads - 1 std::threads) fill consecutive pieces of `out`.
// This works for the methods that take one 64-bit word per value (random_raw, random<double>,
// uniform) or one 32-bit half per 4 bytes (bytes), on the bit generators that can jump to any
// word of their stream exactly: PCG64 and PCG64DXSM (`advance`, O(log n)) and Philox (its
// counter, 4 words per block). Worker k works on its own copy of the bit generator moved to the
// first word of its piece; the caller's generator is then moved past the n words, as the
// sequential call leaves it.
//
// `threads == 0` means std::thread::hardware_concurrency(). Pieces are at least `min_chunk`
// values (bytes: 8 * min_chunk bytes), so small calls run on fewer threads, down to the
// sequential call on the calling thread; pass min_chunk = 1 to split even tiny calls. Argument
// errors (uniform's range) are thrown on the calling thread before any draw; the functions are
// otherwise noexcept-safe (a failure to start a thread -- std::system_error -- is thrown before
// the generator is changed).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

// The umbrella header, so that this file also works beside the single header
// (single_include/nprandom/nprandom.hpp): copy it into the same nprandom/ folder.
#include <nprandom/nprandom.hpp>

namespace nprandom {
namespace parallel {

namespace detail {

template <class BitGen>
struct can_jump : std::false_type {};
template <>
struct can_jump<PCG64> : std::true_type {};
template <>
struct can_jump<PCG64DXSM> : std::true_type {};
template <>
struct can_jump<Philox> : std::true_type {};

// Moves `bg` past `w` 64-bit words exactly as `w` next_uint64() calls would, keeping the buffered
// 32-bit half (next_uint64 never touches it; advance would clear it).
template <class BitGen>
void skip_words(BitGen& bg, std::uint64_t w) {
  if (w == 0) return;
  std::uint32_t half;
  const bool has = bg.uint32_buffer_state(half);
  if constexpr (std::is_same<BitGen, Philox>::value) {
    // Words left in the current block first; then whole blocks through the counter, the last
    // block (1..4 words) drawn so that the block buffer and its position end as the calls leave
    // them.
    const auto left = static_cast<std::uint64_t>(4 - bg.state().buffer_pos);
    if (w <= left) {
      for (std::uint64_t i = 0; i < w; ++i) (void)bg.next_uint64();
    } else {
      const std::uint64_t q = (w - left - 1) / 4;
      const std::uint64_t rem = w - left - 4 * q;  // 1..4
      bg.advance(q);
      for (std::uint64_t i = 0; i < rem; ++i) (void)bg.next_uint64();
    }
  } else {
    bg.advance(w);
  }
  bg.set_uint32_buffer_state(has, half);
}

inline std::size_t thread_count(std::size_t threads) {
  if (threads == 0) {
    threads = std::thread::hardware_concurrency();
    if (threads == 0) threads = 1;
  }
  return threads;
}

// Splits [0, n) into at most `threads` pieces of at least `min_chunk` (a multiple of 8 values, so
// that two pieces share no cache line of doubles), runs piece(start, count) for each -- the first
// on the calling thread -- and joins.
template <class Piece>
void split(std::size_t n, std::size_t threads, std::size_t min_chunk, Piece piece) {
  threads = thread_count(threads);
  if (min_chunk == 0) min_chunk = 1;
  std::size_t parts = n / min_chunk;
  if (parts > threads) parts = threads;
  if (parts <= 1) {
    if (n != 0) piece(std::size_t{0}, n);
    return;
  }
  std::size_t chunk = (n + parts - 1) / parts;
  if (chunk >= 64) chunk = (chunk + 7) / 8 * 8;
  std::vector<std::thread> workers;
  workers.reserve(parts - 1);
  struct joiner {
    std::vector<std::thread>& w;
    ~joiner() {
      for (auto& t : w)
        if (t.joinable()) t.join();
    }
  } join_all{workers};
  for (std::size_t start = chunk; start < n; start += chunk) {
    const std::size_t count = n - start < chunk ? n - start : chunk;
    workers.emplace_back([&piece, start, count] { piece(start, count); });
  }
  piece(std::size_t{0}, chunk < n ? chunk : n);
}

}  // namespace detail

inline constexpr std::size_t default_min_chunk = 1 << 15;

/// bit_generator.random_raw(n) into `out`, over `threads` threads.
template <class BitGen>
void random_raw(BitGen& bg, std::uint64_t* out, std::size_t n, std::size_t threads = 0,
                std::size_t min_chunk = default_min_chunk) {
  static_assert(detail::can_jump<BitGen>::value,
                "parallel fills need PCG64, PCG64DXSM or Philox (exact jumps)");
  const BitGen start = bg;
  detail::split(n, threads, min_chunk, [&](std::size_t s, std::size_t c) {
    BitGen local = start;
    detail::skip_words(local, s);
    local.random_raw(out + s, c);
  });
  detail::skip_words(bg, n);
}
template <class BitGen>
void random_raw(Generator<BitGen>& gen, std::uint64_t* out, std::size_t n, std::size_t threads = 0,
                std::size_t min_chunk = default_min_chunk) {
  random_raw(gen.bit_generator(), out, n, threads, min_chunk);
}

/// Generator.random(n) (double) into `out`, over `threads` threads.
template <class BitGen>
void random(Generator<BitGen>& gen, double* out, std::size_t n, std::size_t threads = 0,
            std::size_t min_chunk = default_min_chunk) {
  static_assert(detail::can_jump<BitGen>::value,
                "parallel fills need PCG64, PCG64DXSM or Philox (exact jumps)");
  const BitGen start = gen.bit_generator();
  detail::split(n, threads, min_chunk, [&](std::size_t s, std::size_t c) {
    Generator<BitGen> local(start);
    detail::skip_words(local.bit_generator(), s);
    local.random(out + s, c);
  });
  detail::skip_words(gen.bit_generator(), n);
}

/// Generator.uniform(low, high, n) into `out`, over `threads` threads. The range check
/// ("high - low range exceeds valid bounds", std::overflow_error) is made before any draw.
template <class BitGen>
void uniform(Generator<BitGen>& gen, double low, double high, double* out, std::size_t n,
             std::size_t threads = 0, std::size_t min_chunk = default_min_chunk) {
  static_assert(detail::can_jump<BitGen>::value,
                "parallel fills need PCG64, PCG64DXSM or Philox (exact jumps)");
  gen.uniform(low, high, out, 0);  // the argument check alone
  const BitGen start = gen.bit_generator();
  detail::split(n, threads, min_chunk, [&](std::size_t s, std::size_t c) {
    Generator<BitGen> local(start);
    detail::skip_words(local.bit_generator(), s);
    local.uniform(low, high, out + s, c);
  });
  detail::skip_words(gen.bit_generator(), n);
}

/// Generator.bytes(length), over `threads` threads: ceil(length / 4) next_uint32 words written
/// little-endian (a buffered half-word first, then both halves of each 64-bit word, low first),
/// cut to `length` bytes; bytes(0) still draws one word, as NumPy.
template <class BitGen>
std::string bytes(Generator<BitGen>& gen, std::size_t length, std::size_t threads = 0,
                  std::size_t min_chunk = default_min_chunk) {
  static_assert(detail::can_jump<BitGen>::value,
                "parallel fills need PCG64, PCG64DXSM or Philox (exact jumps)");
  if (length == 0) return gen.bytes(0);
  BitGen& bg = gen.bit_generator();
  std::string result(length, '\0');
  char* out = &result[0];
  const auto put32 = [out, length](std::size_t at, std::uint32_t w) {
    for (std::size_t k = 0; k < 4 && at + k < length; ++k)
      out[at + k] = static_cast<char>(static_cast<unsigned char>(w >> (8 * k)));
  };
  std::size_t words32 = (length - 1) / 4 + 1;
  std::size_t head = 0;  // bytes taken from the buffered half-word
  std::uint32_t half;
  if (bg.uint32_buffer_state(half)) {
    put32(0, bg.next_uint32());  // consumes the buffered half, as the sequential call does
    head = 4;
    --words32;
  }
  const std::size_t words64 = words32 / 2 + words32 % 2;
  const BitGen start = bg;
  detail::split(words64, threads, min_chunk, [&](std::size_t s, std::size_t c) {
    BitGen local = start;
    detail::skip_words(local, s);
    std::size_t at = head + 8 * s;
    for (std::size_t i = 0; i < c; ++i, at += 8) {
      const std::uint64_t w = local.next_uint64();
      if (at + 8 <= length) {
        const unsigned char le[8] = {
            static_cast<unsigned char>(w),       static_cast<unsigned char>(w >> 8),
            static_cast<unsigned char>(w >> 16), static_cast<unsigned char>(w >> 24),
            static_cast<unsigned char>(w >> 32), static_cast<unsigned char>(w >> 40),
            static_cast<unsigned char>(w >> 48), static_cast<unsigned char>(w >> 56)};
        std::memcpy(out + at, le, 8);
      } else {
        put32(at, static_cast<std::uint32_t>(w));
        put32(at + 4, static_cast<std::uint32_t>(w >> 32));
      }
    }
  });
  // The state: the last 64-bit word is drawn again through next_uint32 (once for an odd count,
  // leaving its high half buffered; twice for an even one, leaving that half consumed but still
  // in `uinteger`, as NumPy does not clear it).
  if (words64 != 0) {
    detail::skip_words(bg, words64 - 1);
    (void)bg.next_uint32();
    if (words32 % 2 == 0) (void)bg.next_uint32();
  }
  return result;
}

}  // namespace parallel
}  // namespace nprandom

#endif  // NPRANDOM_PARALLEL_HPP
