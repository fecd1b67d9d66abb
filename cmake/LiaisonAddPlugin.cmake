# liaison_add_plugin(NAME <name> SOURCES <file>... [LIBRARIES <target>...])
#
# Builds a loader plugin two ways from the same sources, both against the
# plugin SDK (liaison_plugin_sdk, sdk/):
#  - a shared module <name>.so in the build's plugin folder
#    (${LIAISON_PLUGIN_BUILD_DIR}), compiled with -fvisibility=hidden so the
#    only exported symbol is liaison_loader_v1, installed to
#    <prefix>/lib/liaison/plugins;
#  - a built-in copy compiled with LIAISON_PLUGIN_BUILTIN (entry point
#    liaison_builtin_<name>, '-' -> '_') added to liaison_builtin_loaders,
#    the one library of built-in loaders that core's plugin host links, so
#    the CLI and the tests never depend on finding a plugin folder.
# LIBRARIES are linked to both (to the module, and privately to
# liaison_builtin_loaders). A loader never links liaison_core: it speaks the
# ABI only (tests/architecture_check.cmake). The plugin's name is recorded in the global
# property LIAISON_BUILTIN_PLUGINS (read by plugins/CMakeLists.txt).
function(liaison_add_plugin)
  cmake_parse_arguments(P "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_NAME OR NOT P_SOURCES)
    message(FATAL_ERROR "liaison_add_plugin: NAME and SOURCES are required")
  endif()
  string(REPLACE "-" "_" ident "${P_NAME}")

  set(module liaison_plugin_${ident})
  add_library(${module} MODULE ${P_SOURCES})
  set_target_properties(${module} PROPERTIES
    PREFIX "" OUTPUT_NAME "${P_NAME}"
    LIBRARY_OUTPUT_DIRECTORY "${LIAISON_PLUGIN_BUILD_DIR}"
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${module} PRIVATE liaison_plugin_sdk ${P_LIBRARIES})
  # Export the entry point and nothing else (not even libstdc++ template
  # instantiations); static archives linked in stay private to the module.
  set(script "${PROJECT_BINARY_DIR}/liaison_plugin.map")
  if(NOT EXISTS "${script}")
    file(WRITE "${script}" "{ global: liaison_loader_v1; local: *; };\n")
  endif()
  target_link_options(${module} PRIVATE "LINKER:--version-script=${script}"
    "LINKER:--exclude-libs,ALL" "LINKER:--no-undefined")
  install(TARGETS ${module} LIBRARY DESTINATION lib/liaison/plugins)

  set(builtin liaison_builtin_${ident})
  add_library(${builtin} OBJECT ${P_SOURCES})
  target_compile_definitions(${builtin} PRIVATE LIAISON_PLUGIN_BUILTIN)
  target_link_libraries(${builtin} PRIVATE liaison_plugin_sdk ${P_LIBRARIES})
  target_sources(liaison_builtin_loaders PRIVATE $<TARGET_OBJECTS:${builtin}>)
  if(P_LIBRARIES)
    target_link_libraries(liaison_builtin_loaders PRIVATE ${P_LIBRARIES})
  endif()
  set_property(GLOBAL APPEND PROPERTY LIAISON_BUILTIN_PLUGINS ${ident})
endfunction()
