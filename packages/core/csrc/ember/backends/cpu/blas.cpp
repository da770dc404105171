#include "ember/backends/cpu/blas.h"

#include <cblas.h>

namespace ember::cpu {

BlasInfo blas_info() {
  BlasInfo info;
  info.name = "OpenBLAS";
  info.config = scipy_openblas_get_config();
  info.corename = scipy_openblas_get_corename();
  info.num_threads = scipy_openblas_get_num_threads();
  switch (scipy_openblas_get_parallel()) {
    case 0:
      info.threading = "sequential";
      break;
    case 1:
      info.threading = "pthreads";
      break;
    default:
      info.threading = "openmp";
      break;
  }
  return info;
}

void set_blas_num_threads(int n) { scipy_openblas_set_num_threads(n); }

}  // namespace ember::cpu
