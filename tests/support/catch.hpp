// Catch2 v2/v3 compatibility include for the nprandom tests.
#ifndef NPRANDOM_TESTS_SUPPORT_CATCH_HPP
#define NPRANDOM_TESTS_SUPPORT_CATCH_HPP

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#define NPRANDOM_CATCH_V3 1
#else
#include <catch2/catch.hpp>
#define NPRANDOM_CATCH_V3 0
#endif

#endif  // NPRANDOM_TESTS_SUPPORT_CATCH_HPP
