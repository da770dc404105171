// Devices: `cpu`, `meta` (shapes and dtypes only, no data) and one slot for an
// out-of-tree backend (PyTorch's PrivateUse1), which names itself when it registers.
#pragma once

#include <cstdint>
#include <string>

#include "ember/export.h"

namespace ember {

enum class DeviceType : int8_t { CPU = 0, Meta = 1, PrivateUse1 = 2 };
constexpr int kNumDeviceTypes = 3;

struct EMBER_API Device {
  DeviceType type = DeviceType::CPU;
  int16_t index = -1;  // -1: the current device of that type

  Device() = default;
  Device(DeviceType t, int16_t i = -1) : type(t), index(i) {}  // NOLINT
  // "cpu", "meta", "cpu:0", or the registered out-of-tree backend's name.
  static Device parse(const std::string& spec);

  bool is_cpu() const { return type == DeviceType::CPU; }
  bool is_meta() const { return type == DeviceType::Meta; }
  std::string str() const;
  bool operator==(const Device& o) const { return type == o.type && index == o.index; }
  bool operator!=(const Device& o) const { return !(*this == o); }
};

EMBER_API std::string device_type_name(DeviceType t);
// Names the PrivateUse1 slot ("toy"): then "toy" and "toy:0" parse as that device.
EMBER_API void register_privateuse1_backend(const std::string& name);

}  // namespace ember
