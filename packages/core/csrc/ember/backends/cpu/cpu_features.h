// Runtime CPU feature detection and the instruction-set level the CPU kernels use.
//
// Kernels are compiled once per level (default, AVX2, AVX-512) and the level is
// chosen at run time, so one wheel runs on any x86-64 CPU and uses the widest
// vectors it has. EMBER_CPU_CAPABILITY=default|avx2|avx512 lowers the choice
// (for testing the narrower kernels); it never raises it above what the CPU and
// OS support.
#pragma once

#include <string>
#include <vector>

#include "ember/export.h"

namespace ember::cpu {

struct EMBER_API CpuFeatures {
  bool sse4_2 = false;
  bool avx = false;
  bool avx2 = false;
  bool fma = false;
  bool f16c = false;
  bool avx512f = false;
  bool avx512dq = false;
  bool avx512bw = false;
  bool avx512vl = false;
  bool avx512_bf16 = false;
  bool avx512_fp16 = false;
  bool amx_tile = false;
  // The OS saves the register state: without it the instructions fault.
  bool os_avx = false;
  bool os_avx512 = false;

  // Names of the detected features, for `ember info`.
  std::vector<std::string> names() const;
};

enum class CpuCapability { Default = 0, AVX2 = 1, AVX512 = 2 };

EMBER_API const CpuFeatures& cpu_features();
// Best level this CPU and OS support.
EMBER_API CpuCapability supported_cpu_capability();
// Level the kernels use: the supported one, lowered by EMBER_CPU_CAPABILITY.
EMBER_API CpuCapability cpu_capability();
EMBER_API const char* cpu_capability_name(CpuCapability capability);

}  // namespace ember::cpu
