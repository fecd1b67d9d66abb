# liaison_precompile(<target> [<header>...])
#
# Precompiles, once per target, the standard headers nearly every translation
# unit of ours parses, plus the given ones (GoogleTest for the tests, Dear
# ImGui for the viewer). Parsing them costs 1-3 s of CPU per file (gtest.h
# with a few std headers: 3 s), which was most of a clean build, and CI
# builds three times. Headers only our own code defines never go here: a
# change to one would rebuild the whole target.
#
# With ccache, set `sloppiness = pch_defines,time_macros,include_file_mtime,
# include_file_ctime` so it caches files compiled against the precompiled
# header (README, after the two commands).
#
# A precompiled header makes its declarations visible to every file of the
# target: <filesystem> brings std::quoted, which argument-dependent lookup
# then prefers to a file's own quoted(std::string&). Give file-local
# helpers names the standard library does not use.
include_guard(GLOBAL)

set(LIAISON_PRECOMPILED_STD
  <algorithm> <chrono> <cstdint> <filesystem> <fstream> <functional> <map>
  <memory> <optional> <set> <sstream> <string> <string_view> <unordered_map>
  <utility> <vector>)

function(liaison_precompile target)
  target_precompile_headers(${target} PRIVATE ${LIAISON_PRECOMPILED_STD} ${ARGN})
endfunction()
