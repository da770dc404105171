// Bindings for what describes the runtime: build, CPU features, BLAS, threads.
#include <pybind11/stl.h>

#include "ember/backends/cpu/blas.h"
#include "ember/backends/cpu/cpu_features.h"
#include "ember/backends/cpu/parallel.h"
#include "ember/core/build_info.h"
#include "ember/python/bindings.h"

namespace py = pybind11;

namespace ember::python {

void bind_runtime(py::module_& m) {
  m.attr("__version__") = ember::version();

  m.def("_build_info", [] {
    const BuildInfo b = ember::build_info();
    py::dict d;
    d["version"] = b.version;
    d["build_type"] = b.build_type;
    d["compiler"] = b.compiler;
    d["sanitizers"] = b.sanitizers;
    d["openmp"] = b.openmp;
    return d;
  });

  m.def("_cpu_info", [] {
    py::dict d;
    d["features"] = cpu::cpu_features().names();
    d["supported_capability"] = cpu::cpu_capability_name(cpu::supported_cpu_capability());
    d["capability"] = cpu::cpu_capability_name(cpu::cpu_capability());
    return d;
  });

  m.def("_blas_info", [] {
    const cpu::BlasInfo b = cpu::blas_info();
    py::dict d;
    d["name"] = b.name;
    d["config"] = b.config;
    d["corename"] = b.corename;
    d["num_threads"] = b.num_threads;
    d["threading"] = b.threading;
    return d;
  });

  m.def("get_num_threads", &cpu::get_num_threads,
        "Number of threads used for intra-op parallelism on the CPU.");
  m.def("set_num_threads", &cpu::set_num_threads, py::arg("n"),
        "Set the number of threads used for intra-op parallelism on the CPU "
        "(Ember's OpenMP kernels and OpenBLAS alike).");
}

}  // namespace ember::python
