#include "ember/dispatch/dispatch_stub.h"

#include <string>

namespace ember::dispatch_detail {

void missing_kernel(const char* stub, DeviceType device) {
  // Stubs are named after their op ("exp_stub"); messages name the op.
  std::string op = stub;
  const std::string suffix = "_stub";
  if (op.size() > suffix.size() && op.compare(op.size() - suffix.size(), suffix.size(), suffix) == 0) {
    op.resize(op.size() - suffix.size());
  }
  EMBER_NOT_IMPLEMENTED("[", op, "] is not implemented for device '", device_type_name(device),
                        "'");
}

}  // namespace ember::dispatch_detail
