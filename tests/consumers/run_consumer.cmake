# Runs one consumer project end to end (cmake -P script; see CMakeLists.txt beside it).
# Inputs: MODE, CONSUMER_SOURCE_DIR, WORK_DIR, NPRANDOM_SOURCE_DIR, NPRANDOM_VERSION, CXX_COMPILER,
# GENERATOR.
cmake_minimum_required(VERSION 3.14)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "consumer ${MODE}: command failed (${rc}): ${cmd}")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(common -G "${GENERATOR}" -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=Debug
           -DNPRANDOM_EXPECTED_VERSION=${NPRANDOM_VERSION})
set(extra "")

if(MODE STREQUAL "add_subdirectory")
  list(APPEND extra -DNPRANDOM_SOURCE_DIR=${NPRANDOM_SOURCE_DIR})
elseif(MODE STREQUAL "strict")
  # strict warnings + -Werror, no SYSTEM include; builds and runs README snippets + all_methods.cpp
  list(APPEND extra -DNPRANDOM_SOURCE_DIR=${NPRANDOM_SOURCE_DIR})
  if(CXX_STANDARD)
    list(APPEND extra -DCMAKE_CXX_STANDARD=${CXX_STANDARD})
  endif()
elseif(MODE STREQUAL "fetchcontent")
  list(APPEND extra -DFETCHCONTENT_SOURCE_DIR_NPRANDOM=${NPRANDOM_SOURCE_DIR}
                    -DFETCHCONTENT_FULLY_DISCONNECTED=ON)
elseif(MODE STREQUAL "find_package")
  # Configure nprandom alone (no tests/examples), install it into a scratch prefix.
  set(prefix "${WORK_DIR}/prefix")
  run(${CMAKE_COMMAND} -S "${NPRANDOM_SOURCE_DIR}" -B "${WORK_DIR}/nprandom-build" ${common}
      -DNPRANDOM_BUILD_TESTS=OFF -DNPRANDOM_BUILD_EXAMPLES=OFF -DNPRANDOM_BUILD_BENCHMARKS=OFF
      -DCMAKE_INSTALL_PREFIX=/nonexistent-prefix-overridden-below)
  run(${CMAKE_COMMAND} --install "${WORK_DIR}/nprandom-build" --prefix "${prefix}")
  foreach(f include/nprandom/nprandom.hpp include/nprandom/version.hpp
            share/cmake/nprandom/nprandomConfig.cmake
            share/cmake/nprandom/nprandomConfigVersion.cmake
            share/cmake/nprandom/nprandomTargets.cmake share/pkgconfig/nprandom.pc)
    if(NOT EXISTS "${prefix}/${f}")
      message(FATAL_ERROR "consumer find_package: ${f} was not installed")
    endif()
  endforeach()
  list(APPEND extra -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)

  # The build-tree export works as well: a second consumer build against nprandom's build dir.
  run(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/consumer-buildtree" ${common}
      -Dnprandom_DIR=${WORK_DIR}/nprandom-build -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
  run(${CMAKE_COMMAND} --build "${WORK_DIR}/consumer-buildtree")
  run("${WORK_DIR}/consumer-buildtree/consumer")

  # pkg-config: compile the same program with only the flags nprandom.pc gives.
  find_program(PKG_CONFIG_EXECUTABLE NAMES pkgconf pkg-config)
  if(PKG_CONFIG_EXECUTABLE)
    set(ENV{PKG_CONFIG_PATH} "${prefix}/share/pkgconfig")
    execute_process(COMMAND ${PKG_CONFIG_EXECUTABLE} --cflags nprandom
                    OUTPUT_VARIABLE pc_cflags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "consumer find_package: pkg-config --cflags nprandom failed")
    endif()
    execute_process(COMMAND ${PKG_CONFIG_EXECUTABLE} --modversion nprandom
                    OUTPUT_VARIABLE pc_version OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT pc_version STREQUAL NPRANDOM_VERSION)
      message(FATAL_ERROR "consumer find_package: nprandom.pc version '${pc_version}' != '${NPRANDOM_VERSION}'")
    endif()
    separate_arguments(pc_cflags UNIX_COMMAND "${pc_cflags}")
    run(${CXX_COMPILER} -std=c++17 ${pc_cflags} -DNPRANDOM_EXPECTED_VERSION="${NPRANDOM_VERSION}"
        "${CONSUMER_SOURCE_DIR}/../main.cpp" -o "${WORK_DIR}/consumer-pkgconfig")
    run("${WORK_DIR}/consumer-pkgconfig")
    message(STATUS "consumer find_package: pkg-config cflags '${pc_cflags}' OK")
  else()
    message(STATUS "consumer find_package: pkg-config not found, skipping that check")
  endif()
else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()

run(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/consumer-build" ${common} ${extra})
run(${CMAKE_COMMAND} --build "${WORK_DIR}/consumer-build")
run("${WORK_DIR}/consumer-build/consumer")
message(STATUS "consumer ${MODE}: OK")
