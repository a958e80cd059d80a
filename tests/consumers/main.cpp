// Consumer program shared by the add_subdirectory / FetchContent / find_package / pkg-config tests.
#include <nprandom/nprandom.hpp>

#include <cstdio>
#include <cstring>

#define NPRANDOM_CONSUMER_STR2(x) #x
#define NPRANDOM_CONSUMER_STR(x) NPRANDOM_CONSUMER_STR2(x)

int main() {
  const char* version = NPRANDOM_CONSUMER_STR(NPRANDOM_VERSION_MAJOR) "." NPRANDOM_CONSUMER_STR(
      NPRANDOM_VERSION_MINOR) "." NPRANDOM_CONSUMER_STR(NPRANDOM_VERSION_PATCH);
  if (std::strcmp(version, NPRANDOM_EXPECTED_VERSION) != 0) {
    std::printf("version mismatch: header %s, package %s\n", version, NPRANDOM_EXPECTED_VERSION);
    return 1;
  }
  auto rng = nprandom::default_rng(42);
  const double x = rng.random();
  if (!(x >= 0.0 && x < 1.0)) {
    std::printf("random() out of range: %.17g\n", x);
    return 1;
  }
  std::printf("nprandom %s: default_rng(42).random() = %.17g\n", version, x);
  return 0;
}
