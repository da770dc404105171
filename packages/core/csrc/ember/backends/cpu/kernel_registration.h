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

// Above the default level, kernels are instantiated only for the dtypes that profit from
// wide vectors (is_wide_simd_dtype); the dispatcher sends the others to the default level.
// This halves the build time of the vector levels.
#if EMBER_CPU_LEVEL > 0
#include "ember/core/scalar_type.h"
#undef EMBER_CASES_BOOL
#define EMBER_CASES_BOOL(...)
#undef EMBER_CASES_COMPLEX
#define EMBER_CASES_COMPLEX(...)
#undef EMBER_CASES_INTEGRAL
#define EMBER_CASES_INTEGRAL(...)                      \
  EMBER_DISPATCH_CASE(int32_t, Int32, __VA_ARGS__)     \
  EMBER_DISPATCH_CASE(int64_t, Int64, __VA_ARGS__)
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
