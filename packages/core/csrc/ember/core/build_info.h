// What this build of the core is: version, build type, compiler, sanitizers.
// `ember info` prints it; a version mismatch between libember and the Python
// package is detected at import from it.
#pragma once

#include <string>

#include "ember/export.h"

namespace ember {

struct BuildInfo {
  std::string version;
  std::string build_type;
  std::string compiler;
  std::string sanitizers;  // empty when none
  bool openmp;
};

EMBER_API const char* version();
EMBER_API BuildInfo build_info();

}  // namespace ember
