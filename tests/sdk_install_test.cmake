# ctest: install Liaison to a temporary prefix, build examples/hello-plugin
# against it with find_package(Liaison), install the plugin into the prefix
# and use it through the installed CLI (`liaison plugins`, `liaison import`).
# Arguments: -DBUILD_DIR= -DSOURCE_DIR=
string(RANDOM LENGTH 8 tag)
set(prefix "/tmp/liaison-sdk-test-${tag}")
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    file(REMOVE_RECURSE "${prefix}")
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/examples/hello-plugin" -B "${prefix}/hello-build" -G Ninja
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_INSTALL_PREFIX=${prefix})
run(${CMAKE_COMMAND} --build "${prefix}/hello-build")
run(${CMAKE_COMMAND} --install "${prefix}/hello-build")

run("${prefix}/bin/liaison" plugins)
if(NOT out MATCHES "hello 0.1.0 +\\[\\*\\.hello\\] +${prefix}/lib/liaison/plugins/hello.so +abi 1")
  file(REMOVE_RECURSE "${prefix}")
  message(FATAL_ERROR "`liaison plugins` does not list the installed hello plugin:\n${out}")
endif()
if(NOT out MATCHES "csv 1.0.0 .*${prefix}/lib/liaison/plugins/csv.so")
  file(REMOVE_RECURSE "${prefix}")
  message(FATAL_ERROR "the built-in modules were not installed to lib/liaison/plugins:\n${out}")
endif()
run("${prefix}/bin/liaison" import "${SOURCE_DIR}/examples/hello-plugin/sample.hello" -o "${prefix}/hello.json")
file(READ "${prefix}/hello.json" graph)
if(NOT graph MATCHES "person:carol" OR NOT graph MATCHES "\"met\"")
  file(REMOVE_RECURSE "${prefix}")
  message(FATAL_ERROR "the hello plugin's graph is not what it should be:\n${graph}")
endif()
file(REMOVE_RECURSE "${prefix}")
message(STATUS "SDK install, out-of-tree plugin build and CLI use: ok")
