# Cross build for 64-bit ARM Linux with Debian's g++-aarch64-linux-gnu (packages
# g++-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user). The compiler keeps its defaults: on
# aarch64 that means FMA contraction is on, which is what the build proves nprandom immune to.
# CTest runs the programs under qemu-user with the cross sysroot.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64 -L /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
# Catch2 v2 from Debian is header-only, so the host's package config serves the target too.
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# GCC notes an ABI change of GCC 10.1 for std::pair<double, double> arguments (-Wpsabi): not ours.
set(CMAKE_CXX_FLAGS_INIT "-Wno-psabi")
