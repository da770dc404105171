#include "ember/core/device.h"

#include <mutex>

#include "ember/core/errors.h"

namespace ember {

namespace {
std::mutex g_name_mutex;
std::string g_privateuse1_name = "privateuseone";
}  // namespace

std::string device_type_name(DeviceType t) {
  switch (t) {
    case DeviceType::CPU:
      return "cpu";
    case DeviceType::Meta:
      return "meta";
    case DeviceType::PrivateUse1: {
      std::lock_guard<std::mutex> lock(g_name_mutex);
      return g_privateuse1_name;
    }
  }
  return "unknown";
}

void register_privateuse1_backend(const std::string& name) {
  EMBER_CHECK_VALUE(!name.empty() && name != "cpu" && name != "meta" &&
                        name.find(':') == std::string::npos,
                    "[register_privateuse1_backend] invalid backend name '", name, "'");
  std::lock_guard<std::mutex> lock(g_name_mutex);
  EMBER_CHECK(g_privateuse1_name == "privateuseone" || g_privateuse1_name == name,
              "[register_privateuse1_backend] the out-of-tree backend slot is already taken by '",
              g_privateuse1_name, "'");
  g_privateuse1_name = name;
}

Device Device::parse(const std::string& spec) {
  const size_t colon = spec.find(':');
  const std::string type_name = spec.substr(0, colon);
  int16_t index = -1;
  if (colon != std::string::npos) {
    const std::string digits = spec.substr(colon + 1);
    EMBER_CHECK(!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos &&
                    digits.size() < 5,
                "Invalid device string: '", spec, "'");
    index = static_cast<int16_t>(std::stoi(digits));
  }
  for (DeviceType t : {DeviceType::CPU, DeviceType::Meta, DeviceType::PrivateUse1}) {
    if (type_name == device_type_name(t)) {
      EMBER_CHECK(t != DeviceType::CPU || index <= 0,
                  "[device] CPU device index must be 0 or absent, got '", spec, "'");
      return Device(t, index);
    }
  }
  if (type_name == "cuda" || type_name == "mps" || type_name == "xpu") {
    throw NotImplementedError(detail::concat(
        "[device] '", type_name, "' is not available in this build of Ember (devices: cpu, meta)"));
  }
  throw Error(detail::concat(
      "Expected one of cpu, meta device type at start of device string: ", spec));
}

std::string Device::str() const {
  std::string out = device_type_name(type);
  if (index >= 0) out += ":" + std::to_string(index);
  return out;
}

}  // namespace ember
