// Ends the scope of <nprandom/detail/draw_forms.hpp> (no include guard, on purpose).
// Internal header: not API, may change in any release (docs/design.md).

#undef NPRANDOM_DF_REM
#undef NPRANDOM_DF_CAT
#undef NPRANDOM_DF_CAT_I
#undef NPRANDOM_DF_NARG
#undef NPRANDOM_DF_NARG_I
#undef NPRANDOM_DF_MAP
#undef NPRANDOM_DF_MAP1
#undef NPRANDOM_DF_MAP2
#undef NPRANDOM_DF_MAP3
#undef NPRANDOM_DF_PICK
#undef NPRANDOM_DF_TYPE_I
#undef NPRANDOM_DF_TYPE_II
#undef NPRANDOM_DF_NAME_I
#undef NPRANDOM_DF_NAME_II
#undef NPRANDOM_DF_DEF_I
#undef NPRANDOM_DF_DEF_II
#undef NPRANDOM_DF_TYPE
#undef NPRANDOM_DF_NAME
#undef NPRANDOM_DF_DECL
#undef NPRANDOM_DF_DECL_DEF
#undef NPRANDOM_DF_ARRAY
#undef NPRANDOM_DRAW_FORMS_MANY
#undef NPRANDOM_DRAW_FORMS
#undef NPRANDOM_DRAW_FORMS_0
