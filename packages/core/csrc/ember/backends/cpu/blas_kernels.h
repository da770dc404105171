// The CPU side of the batched GEMM (ops/linalg.h): the OpenBLAS path for floating
// types (compiled once: OpenBLAS dispatches on the CPU itself) and the batch bookkeeping
// the integer kernel (kernels/gemm.cpp, compiled per ISA level) shares with it.
#pragma once

#include <cstdint>
#include <vector>

#include "ember/ops/linalg.h"

namespace ember::cpu {

// Element offsets (from each tensor's data pointer) of every matrix of a batched GEMM,
// in row-major order of the batch dims.
struct GemmBatch {
  int64_t count = 0;
  std::vector<int64_t> a, b, out;
};
GemmBatch gemm_batch(const GemmArgs& args);

// Multiply-adds below which OpenBLAS runs a GEMM on one thread (its
// GEMM_MULTITHREAD_THRESHOLD); batches of such products are split across threads instead.
constexpr int64_t kSmallGemm = 262144;

// float16, bfloat16 (computed in float32 and rounded), float32, float64.
void blas_gemm(const GemmArgs& args);

}  // namespace ember::cpu
