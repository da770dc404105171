#include "ember/backends/cpu/parallel.h"

#include <stdexcept>
#include <string>

#if defined(_OPENMP)
#include <omp.h>
#endif

#include "ember/backends/cpu/blas.h"

namespace ember::cpu {

int get_num_threads() {
#if defined(_OPENMP)
  return omp_get_max_threads();
#else
  return 1;
#endif
}

void set_num_threads(int n) {
  if (n < 1) {
    throw std::runtime_error("[set_num_threads] expected a positive number of threads, got " +
                                std::to_string(n));
  }
#if defined(_OPENMP)
  omp_set_num_threads(n);
#endif
  set_blas_num_threads(n);
}

}  // namespace ember::cpu
