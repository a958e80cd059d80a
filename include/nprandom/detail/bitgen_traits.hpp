// Compile-time facts about a bit generator type used to pick bulk fast paths: whether its
// next_uint32 / next_double are BitGenerator's (buffered half-words; (next_uint64 >> 11) * 2^-53).
// Internal header: not API, may change in any release (docs/design.md).
#ifndef NPRANDOM_DETAIL_BITGEN_TRAITS_HPP
#define NPRANDOM_DETAIL_BITGEN_TRAITS_HPP

#include <type_traits>

namespace nprandom {
namespace detail {

// Base of a kernel object that also has a bulk form, `fill(bg, out, n, params...)`, giving the
// values and final state of n one-value calls: a method declared with such a kernel
// (detail::make_method, detail::bg_method) uses it for its sized and fill forms.
struct bulk_kernel {};

template <class M>
struct member_class {};
template <class C, class R, class... A>
struct member_class<R (C::*)(A...)> {
  using type = C;
};
template <class C, class R, class... A>
struct member_class<R (C::*)(A...) noexcept> {
  using type = C;
};

// True when BitGen's next_uint32 is BitGenerator's buffered half-word one (next_uint32 and
// set_uint32_buffer_state come from the same class), so that a run of next_uint32 calls equals
// splitting next_uint64 words low half first. False for MT19937 (native 32-bit output).
template <class BitGen, class = void>
struct uses_half_word_uint32 : std::false_type {};
template <class BitGen>
struct uses_half_word_uint32<
    BitGen, std::enable_if_t<std::is_same<
                typename member_class<decltype(&BitGen::next_uint32)>::type,
                typename member_class<decltype(&BitGen::set_uint32_buffer_state)>::type>::value>>
    : std::true_type {};

// True when BitGen's next_double is BitGenerator's `(next_uint64() >> 11) * 2^-53`, so that a
// kernel may form it from a next_uint64 word it already drew. False for MT19937 (two 32-bit draws).
template <class BitGen, class = void>
struct uses_default_next_double : std::false_type {};
template <class BitGen>
struct uses_default_next_double<
    BitGen, std::enable_if_t<std::is_same<
                typename member_class<decltype(&BitGen::next_double)>::type,
                typename member_class<decltype(&BitGen::set_uint32_buffer_state)>::type>::value>>
    : std::true_type {};

}  // namespace detail
}  // namespace nprandom

#endif  // NPRANDOM_DETAIL_BITGEN_TRAITS_HPP
