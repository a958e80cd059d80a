// NPRANDOM_DRAW_FORMS: the four draw forms of a front-end method, written once.
//
// No include guard, on purpose: a front end includes this file just before its class and
// <nprandom/detail/draw_forms_undef.hpp> just after it, so the macros never leak into user code
// (each front end includes the pair again; tools/amalgamate.py inlines unguarded headers at every
// include). Internal: every name here may change without notice.
//
// Inside a class that declares `static constexpr auto NAME_ = detail::make_method<Out>(...)`
// (detail/broadcast.hpp) and a member `draw_state_()` returning what the kernels take (the bit
// generator for Generator, the RandomState itself for RandomState),
//
//   NPRANDOM_DRAW_FORMS(laplace, double, (double, loc, = 0.0), (double, scale, = 1.0))
//
// declares the public overloads, each forwarding to NAME_:
//
//   Out NAME(T1 p1 [= d1], ...)                          one value         NAME_.one
//   std::vector<Out> NAME(T1 p1, ..., std::size_t size)  `size` values     NAME_.sized
//   void NAME(T1 p1, ..., Out* out, std::size_t count)   fill caller memory NAME_.fill
//   ndarray<Out> NAME(array_arg<T1> p1, ..., size_arg size = {})
//                                                        array parameters  NAME_.array
//
// Each parameter is `(Type, name)` or `(Type, name, = default)`: the third element is pasted
// after the parameter of the one-value form only (NumPy's scalar defaults). Parameters are the
// public C++ order, which is also NAME_'s parameter order. One to three parameters;
// NPRANDOM_DRAW_FORMS_0(NAME, Out) is the parameterless form (its array form takes `size_arg
// size` with no default, so NAME() stays the one-value form). NPRANDOM_DRAW_FORMS_MANY declares
// the sized, fill and array forms only, for a method whose one-value form is written by hand.
// Each use ends with a semicolon (the expansion ends in `static_assert(true, "")`).
// tools/gen_numpy_map.py expands these macros the same way to list every overload.
// Internal header: not API, may change in any release (docs/design.md).

#define NPRANDOM_DF_REM(...) __VA_ARGS__
#define NPRANDOM_DF_CAT(a, b) NPRANDOM_DF_CAT_I(a, b)
#define NPRANDOM_DF_CAT_I(a, b) a##b
#define NPRANDOM_DF_NARG(...) NPRANDOM_DF_NARG_I(__VA_ARGS__, 3, 2, 1, )
#define NPRANDOM_DF_NARG_I(a, b, c, n, ...) n
#define NPRANDOM_DF_MAP(F, ...) \
  NPRANDOM_DF_CAT(NPRANDOM_DF_MAP, NPRANDOM_DF_NARG(__VA_ARGS__))(F, __VA_ARGS__)
#define NPRANDOM_DF_MAP1(F, a) F(a)
#define NPRANDOM_DF_MAP2(F, a, b) F(a), F(b)
#define NPRANDOM_DF_MAP3(F, a, b, c) F(a), F(b), F(c)
// (T, n) and (T, n, = d) read alike: two empty arguments are appended before picking.
#define NPRANDOM_DF_PICK(p, M) M(NPRANDOM_DF_REM p, , )
#define NPRANDOM_DF_TYPE_I(...) NPRANDOM_DF_TYPE_II(__VA_ARGS__)
#define NPRANDOM_DF_TYPE_II(t, ...) t
#define NPRANDOM_DF_NAME_I(...) NPRANDOM_DF_NAME_II(__VA_ARGS__)
#define NPRANDOM_DF_NAME_II(t, n, ...) n
#define NPRANDOM_DF_DEF_I(...) NPRANDOM_DF_DEF_II(__VA_ARGS__)
#define NPRANDOM_DF_DEF_II(t, n, d, ...) d
#define NPRANDOM_DF_TYPE(p) NPRANDOM_DF_PICK(p, NPRANDOM_DF_TYPE_I)
#define NPRANDOM_DF_NAME(p) NPRANDOM_DF_PICK(p, NPRANDOM_DF_NAME_I)
#define NPRANDOM_DF_DECL(p) NPRANDOM_DF_TYPE(p) NPRANDOM_DF_NAME(p)
#define NPRANDOM_DF_DECL_DEF(p) NPRANDOM_DF_DECL(p) NPRANDOM_DF_PICK(p, NPRANDOM_DF_DEF_I)
#define NPRANDOM_DF_ARRAY(p) ::nprandom::array_arg<NPRANDOM_DF_TYPE(p)> NPRANDOM_DF_NAME(p)

#define NPRANDOM_DRAW_FORMS_MANY(NAME, Out, ...)                                               \
  std::vector<Out> NAME(NPRANDOM_DF_MAP(NPRANDOM_DF_DECL, __VA_ARGS__), std::size_t size) {    \
    return NAME##_.sized(draw_state_(), size, NPRANDOM_DF_MAP(NPRANDOM_DF_NAME, __VA_ARGS__)); \
  }                                                                                            \
  void NAME(NPRANDOM_DF_MAP(NPRANDOM_DF_DECL, __VA_ARGS__), Out* out, std::size_t count) {     \
    NAME##_.fill(draw_state_(), out, count, NPRANDOM_DF_MAP(NPRANDOM_DF_NAME, __VA_ARGS__));   \
  }                                                                                            \
  ::nprandom::ndarray<Out> NAME(NPRANDOM_DF_MAP(NPRANDOM_DF_ARRAY, __VA_ARGS__),               \
                                ::nprandom::size_arg size = {}) {                              \
    return NAME##_.array(draw_state_(), size, NPRANDOM_DF_MAP(NPRANDOM_DF_NAME, __VA_ARGS__)); \
  }                                                                                            \
  static_assert(true, "")

#define NPRANDOM_DRAW_FORMS(NAME, Out, ...)                                            \
  Out NAME(NPRANDOM_DF_MAP(NPRANDOM_DF_DECL_DEF, __VA_ARGS__)) {                       \
    return NAME##_.one(draw_state_(), NPRANDOM_DF_MAP(NPRANDOM_DF_NAME, __VA_ARGS__)); \
  }                                                                                    \
  NPRANDOM_DRAW_FORMS_MANY(NAME, Out, __VA_ARGS__)

#define NPRANDOM_DRAW_FORMS_0(NAME, Out)                                                 \
  Out NAME() { return NAME##_.one(draw_state_()); }                                      \
  std::vector<Out> NAME(std::size_t size) { return NAME##_.sized(draw_state_(), size); } \
  void NAME(Out* out, std::size_t count) { NAME##_.fill(draw_state_(), out, count); }    \
  ::nprandom::ndarray<Out> NAME(::nprandom::size_arg size) {                             \
    return NAME##_.array(draw_state_(), size);                                           \
  }                                                                                      \
  static_assert(true, "")
