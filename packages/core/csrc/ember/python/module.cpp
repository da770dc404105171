// The ember._C extension module: a thin layer over libember.
#include "ember/python/bindings.h"
#include "ember/python/errors.h"
#include "ember/python/tensor_object.h"

namespace ember::python {

pybind11::handle tensor_type_handle() { return reinterpret_cast<PyObject*>(tensor_type); }

}  // namespace ember::python

PYBIND11_MODULE(_C, m) {
  m.doc() = "Ember's compiled core (bindings over libember)";
  ember::python::register_exception_translators(m);
  ember::python::bind_runtime(m);
  ember::python::bind_dtype_device(m);
  ember::python::bind_tensor(m);
  ember::python::bind_creation(m);
  ember::python::bind_elementwise(m);
  ember::python::bind_views(m);
  ember::python::bind_dispatch(m);
  ember::python::bind_random(m);
  ember::python::bind_linalg(m);
  ember::python::bind_indexing(m);
  ember::python::bind_join(m);
  ember::python::bind_pointwise(m);
  ember::python::bind_reduce(m);
  ember::python::bind_complex(m);
  ember::python::bind_fft(m);
  ember::python::bind_storage(m);
  ember::python::bind_autograd(m);
}
