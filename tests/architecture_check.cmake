# ctest: the architecture's rules, checked on the sources and the build
# (docs/architecture.md).
#  1. No loader source (plugins/) includes a core header: loaders speak the
#     plugin ABI (sdk/include/liaison/plugin.h, plugin.hpp) only.
#  2. No loader module (lib/liaison/plugins/*.so) contains a symbol that
#     liaison_core defines (nm): a module that linked core would carry its code.
# No exception: the report loader's extraction library (plugins/report/src)
# is a loader source like any other.
# Arguments: -DSOURCE_DIR= -DCORE_LIBRARY=<libliaison_core.a> -DPLUGIN_DIR= -DNM=<nm>
cmake_minimum_required(VERSION 3.25)
set(problems "")

# Core's public headers, by the name a loader would include them.
file(GLOB core_headers RELATIVE "${SOURCE_DIR}/core/include" "${SOURCE_DIR}/core/include/liaison/*.hpp")
file(GLOB_RECURSE loader_sources RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/plugins/*.cpp" "${SOURCE_DIR}/plugins/*.hpp" "${SOURCE_DIR}/plugins/*.h")
foreach(source IN LISTS loader_sources)
  file(STRINGS "${SOURCE_DIR}/${source}" includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    foreach(header IN LISTS core_headers)
      string(FIND "${line}" "${header}" at)
      if(NOT at EQUAL -1)
        string(APPEND problems "  ${source} includes the core header ${header}\n")
      endif()
    endforeach()
    if(line MATCHES "core/(include|src)/")
      string(APPEND problems "  ${source} includes a core file: ${line}\n")
    endif()
  endforeach()
endforeach()

# Symbols liaison_core defines strongly (code and data; not the weak inline
# and template instances every C++ object may carry).
execute_process(COMMAND "${NM}" --defined-only "${CORE_LIBRARY}" OUTPUT_VARIABLE core_nm RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${CORE_LIBRARY}")
endif()
string(REGEX MATCHALL "[0-9a-f]+ [TDBR] [^\n]+" core_defs "${core_nm}")
set(core_symbols "")
foreach(def IN LISTS core_defs)
  string(REGEX REPLACE "^[0-9a-f]+ [TDBR] " "" symbol "${def}")
  if(symbol MATCHES "^_ZN7liaison")  # liaison:: (core's own names)
    list(APPEND core_symbols "${symbol}")
  endif()
endforeach()
list(LENGTH core_symbols core_count)
if(core_count LESS 100)
  message(FATAL_ERROR "found only ${core_count} liaison:: symbols in ${CORE_LIBRARY}: the check would prove nothing")
endif()

file(GLOB modules "${PLUGIN_DIR}/*.so")
list(LENGTH modules module_count)
if(module_count EQUAL 0)
  message(FATAL_ERROR "no loader module in ${PLUGIN_DIR}")
endif()
foreach(module IN LISTS modules)
  get_filename_component(name "${module}" NAME_WE)
  execute_process(COMMAND "${NM}" --defined-only "${module}" OUTPUT_VARIABLE module_nm RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nm failed on ${module}")
  endif()
  string(REGEX MATCHALL "_ZN7liaison[^\n]+" module_symbols "${module_nm}")
  set(linked "")
  foreach(symbol IN LISTS module_symbols)
    if(symbol IN_LIST core_symbols)
      list(APPEND linked "${symbol}")
    endif()
  endforeach()
  list(LENGTH linked linked_count)
  if(linked_count GREATER 0)
    list(GET linked 0 example)
    string(APPEND problems "  ${name}.so contains ${linked_count} symbols of liaison_core (e.g. ${example})\n")
  endif()
endforeach()

if(problems)
  message(FATAL_ERROR "architecture rules broken (docs/architecture.md):\n${problems}")
endif()
message(STATUS "architecture: ${module_count} modules, no loader includes or links core")
