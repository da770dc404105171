// Intra-op thread count of the CPU backend: OpenMP for Ember's own kernels and
// OpenBLAS's pool for GEMM/LAPACK, kept equal so `ember.set_num_threads(n)` means
// n threads whichever kernel runs (as torch.set_num_threads does for MKL).
#pragma once

#include "ember/export.h"

namespace ember::cpu {

EMBER_API int get_num_threads();
// Throws std::runtime_error when n < 1 (RuntimeError in Python, as torch).
EMBER_API void set_num_threads(int n);

}  // namespace ember::cpu
