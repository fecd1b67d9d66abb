# ctest: core knows files, not standard streams (docs/architecture.md).
# No source of liaison_core (core/src, core/include) reads or writes this
# process's standard input, output or error, or gives "-" the meaning of one:
# that is the command line's convention (cli/std_streams.hpp). The viewer
# and the CLI report errors; core throws them.
# The one exception, by name: the layout worker's parent wires the spawned
# child's stdin/stdout to pipes (core/src/layout/graphviz_process.cpp) - the
# child's descriptors, never this process's streams. The worker program
# (core/worker) is a program of its own and may use its streams.
# Arguments: -DSOURCE_DIR=
cmake_minimum_required(VERSION 3.25)
set(problems "")
set(child_plumbing "core/src/layout/graphviz_process.cpp")

file(GLOB_RECURSE core_sources RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/core/src/*.cpp" "${SOURCE_DIR}/core/src/*.hpp" "${SOURCE_DIR}/core/src/*.h"
     "${SOURCE_DIR}/core/include/*.hpp" "${SOURCE_DIR}/core/include/*.h")
list(LENGTH core_sources count)
if(count LESS 50)
  message(FATAL_ERROR "found only ${count} core sources under ${SOURCE_DIR}/core: the check would prove nothing")
endif()
foreach(source IN LISTS core_sources)
  file(STRINGS "${SOURCE_DIR}/${source}" lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    string(REGEX REPLACE "^[ \t]*//.*" "" code "${line}")  # a whole-line comment says, it does not do
    set(found "")
    if(code MATCHES "std::(cout|cin|cerr|clog)|#[ \t]*include[ \t]*<iostream>|(^|[^A-Za-z0-9_])(stdin|stdout|stderr)([^A-Za-z0-9_]|$)|(fdopen|freopen)[ \t]*\\(")
      set(found "a standard stream")
    elseif(code MATCHES "STD(IN|OUT|ERR)_FILENO" AND NOT source STREQUAL child_plumbing)
      set(found "a standard stream's descriptor")
    elseif(code MATCHES "[=!]=[ \t]*\"-\"|\"-\"[ \t]*[=!]=|\"<std(in|out)>\"")
      set(found "the command line's \"-\"")
    endif()
    if(found)
      string(STRIP "${line}" shown)
      string(APPEND problems "  ${source}:${number}: ${found}: ${shown}\n")
    endif()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "core must not know standard streams (docs/architecture.md; the CLI maps \"-\", cli/std_streams.hpp):\n${problems}")
endif()
message(STATUS "architecture: ${count} core sources, none knows a standard stream")
