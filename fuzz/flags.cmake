# LIAISON_FUZZ=ON: every target is instrumented for libFuzzer coverage and
# built with ASan + UBSan, so a bug anywhere below a fuzz entry point is found.
# Only clang has libFuzzer; the fuzz programs themselves add -fsanitize=fuzzer.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "LIAISON_FUZZ=ON needs clang: -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                    -fno-sanitize-recover=undefined -gline-tables-only
                    -fsanitize-ignorelist=${CMAKE_CURRENT_LIST_DIR}/ubsan-ignorelist.txt)
add_link_options(-fsanitize=address,undefined)
