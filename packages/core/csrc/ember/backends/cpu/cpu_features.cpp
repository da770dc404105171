#include "ember/backends/cpu/cpu_features.h"

#include <cstdlib>
#include <cstring>

#if defined(__x86_64__) || defined(_M_X64)
#include <cpuid.h>
#define EMBER_X86 1
#endif

namespace ember::cpu {
namespace {

#if defined(EMBER_X86)
// XCR0: which register states the OS saves on context switch.
unsigned long long read_xcr0() {
  unsigned int eax = 0, edx = 0;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return (static_cast<unsigned long long>(edx) << 32) | eax;
}
#endif

CpuFeatures detect() {
  CpuFeatures f;
#if defined(EMBER_X86)
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return f;
  f.sse4_2 = ecx & bit_SSE4_2;
  f.fma = ecx & bit_FMA;
  f.f16c = ecx & bit_F16C;
  f.avx = ecx & bit_AVX;
  const bool osxsave = ecx & bit_OSXSAVE;
  if (osxsave) {
    const unsigned long long xcr0 = read_xcr0();
    f.os_avx = (xcr0 & 0x6) == 0x6;            // XMM and YMM state
    f.os_avx512 = (xcr0 & 0xe6) == 0xe6;       // plus opmask, ZMM_Hi256, Hi16_ZMM
  }
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
    f.avx2 = ebx & bit_AVX2;
    f.avx512f = ebx & bit_AVX512F;
    f.avx512dq = ebx & bit_AVX512DQ;
    f.avx512bw = ebx & bit_AVX512BW;
    f.avx512vl = ebx & bit_AVX512VL;
    f.avx512_fp16 = edx & (1u << 23);
    f.amx_tile = edx & (1u << 24);
  }
  if (__get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx)) {
    f.avx512_bf16 = eax & (1u << 5);
  }
#endif
  return f;
}

CpuCapability requested_capability() {
  const char* env = std::getenv("EMBER_CPU_CAPABILITY");
  if (env == nullptr) return CpuCapability::AVX512;
  if (std::strcmp(env, "default") == 0) return CpuCapability::Default;
  if (std::strcmp(env, "avx2") == 0) return CpuCapability::AVX2;
  return CpuCapability::AVX512;
}

}  // namespace

std::vector<std::string> CpuFeatures::names() const {
  std::vector<std::string> out;
  const std::pair<bool, const char*> table[] = {
      {sse4_2, "sse4.2"},       {avx, "avx"},           {avx2, "avx2"},
      {fma, "fma"},             {f16c, "f16c"},         {avx512f, "avx512f"},
      {avx512dq, "avx512dq"},   {avx512bw, "avx512bw"}, {avx512vl, "avx512vl"},
      {avx512_bf16, "avx512_bf16"}, {avx512_fp16, "avx512_fp16"}, {amx_tile, "amx_tile"},
  };
  for (const auto& [present, name] : table) {
    if (present) out.emplace_back(name);
  }
  return out;
}

const CpuFeatures& cpu_features() {
  static const CpuFeatures features = detect();
  return features;
}

CpuCapability supported_cpu_capability() {
  const CpuFeatures& f = cpu_features();
  if (f.os_avx512 && f.avx512f && f.avx512dq && f.avx512bw && f.avx512vl && f.avx2 && f.fma) {
    return CpuCapability::AVX512;
  }
  if (f.os_avx && f.avx2 && f.fma && f.f16c) return CpuCapability::AVX2;
  return CpuCapability::Default;
}

CpuCapability cpu_capability() {
  static const CpuCapability chosen = [] {
    const CpuCapability supported = supported_cpu_capability();
    const CpuCapability requested = requested_capability();
    return static_cast<int>(requested) < static_cast<int>(supported) ? requested : supported;
  }();
  return chosen;
}

const char* cpu_capability_name(CpuCapability capability) {
  switch (capability) {
    case CpuCapability::AVX512:
      return "avx512";
    case CpuCapability::AVX2:
      return "avx2";
    case CpuCapability::Default:
      break;
  }
  return "default";
}

}  // namespace ember::cpu
