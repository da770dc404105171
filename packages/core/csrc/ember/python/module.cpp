// The ember._C extension module: a thin pybind11 layer over libember.
#include "ember/python/bindings.h"

PYBIND11_MODULE(_C, m) {
  m.doc() = "Ember's compiled core (bindings over libember)";
  ember::python::bind_runtime(m);
}
