#include "ember/core/build_info.h"

#include "ember/config.h"

namespace ember {

const char* version() { return EMBER_VERSION; }

BuildInfo build_info() {
  BuildInfo info;
  info.version = EMBER_VERSION;
  info.build_type = EMBER_BUILD_TYPE;
  info.compiler = EMBER_CXX_COMPILER;
  info.sanitizers = EMBER_SANITIZERS;
#if defined(_OPENMP)
  info.openmp = true;
#else
  info.openmp = false;
#endif
  return info;
}

}  // namespace ember
