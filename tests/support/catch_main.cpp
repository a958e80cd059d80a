// Test runner entry point for Catch2 v2 (v3 links Catch2::Catch2WithMain instead).
#if __has_include(<catch2/catch_test_macros.hpp>)
// Catch2 v3: main comes from Catch2WithMain.
#else
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
#endif
