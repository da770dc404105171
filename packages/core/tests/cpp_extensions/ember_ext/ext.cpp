#include <pybind11/pybind11.h>

#include "ember/backends/cpu/parallel.h"
#include "ember/core/build_info.h"

PYBIND11_MODULE(ember_ext, m) {
  m.def("core_version", [] { return std::string(ember::version()); });
  m.def("threads", [] { return ember::cpu::get_num_threads(); });
}
