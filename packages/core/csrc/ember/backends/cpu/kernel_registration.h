// CPU kernel files (backends/cpu/kernels/*.cpp) are compiled once per instruction-set
// level: CMake defines EMBER_CPU_LEVEL (0 default, 1 AVX2, 2 AVX-512) and compiles with
// the matching -m flags. Everything in such a file lives in a per-level inline
// namespace so the three copies never collide, and registers itself under its level;
// the dispatcher picks the best level the CPU supports at the first call.
#pragma once

#include "ember/backends/cpu/cpu_features.h"
#include "ember/dispatch/dispatch_stub.h"

#if !defined(EMBER_CPU_LEVEL)
#define EMBER_CPU_LEVEL 0
#endif

#if EMBER_CPU_LEVEL == 2
#define EMBER_CPU_NS cpu_avx512
#elif EMBER_CPU_LEVEL == 1
#define EMBER_CPU_NS cpu_avx2
#else
#define EMBER_CPU_NS cpu_default
#endif

#define EMBER_REGISTER_CPU_KERNEL(stub, fn)                                              \
  static const bool EMBER_STUB_CONCAT(ember_cpu_registered_, __COUNTER__) = [] {        \
    (stub).register_cpu_kernel(static_cast<::ember::cpu::CpuCapability>(EMBER_CPU_LEVEL), \
                               fn);                                                     \
    return true;                                                                        \
  }()
