#include "ember/dispatch/dispatch_stub.h"

namespace ember::dispatch_detail {

void missing_kernel(const char* op, DeviceType device) {
  EMBER_NOT_IMPLEMENTED("[", op, "] is not implemented for device '", device_type_name(device),
                        "'");
}

}  // namespace ember::dispatch_detail
