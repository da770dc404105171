// The BLAS/LAPACK library the CPU backend calls: OpenBLAS from the
// scipy-openblas32 wheel, whose symbols carry a `scipy_` prefix. Everything that
// names an OpenBLAS symbol goes through here or the cblas.h it ships.
#pragma once

#include <string>

#include "ember/export.h"

namespace ember::cpu {

struct BlasInfo {
  std::string name;     // "OpenBLAS"
  std::string config;   // build configuration string, starts with the version
  std::string corename; // the kernel OpenBLAS chose at load time (e.g. "Haswell")
  int num_threads;
  std::string threading;  // "sequential", "pthreads" or "openmp"
};

EMBER_API BlasInfo blas_info();
EMBER_API void set_blas_num_threads(int n);

}  // namespace ember::cpu
