// Creation ops. The Python layer (ember/_creation.py) handles *size varargs, out= and
// requires_grad, then calls these with explicit shapes and dtypes.
#include "ember/ops/creation.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {

void bind_creation(py::module_& m) {
  m.def("full", [](const Shape& size, const Scalar& value, ScalarType dtype, Device device) {
    return full(size, value, dtype, device);
  });
  m.def("zeros", [](const Shape& size, ScalarType dtype, Device device) {
    return zeros(size, dtype, device);
  });
  m.def("ones", [](const Shape& size, ScalarType dtype, Device device) {
    return ones(size, dtype, device);
  });
  m.def("arange", [](const Scalar& start, const Scalar& end, const Scalar& step,
                     std::optional<ScalarType> dtype, Device device) {
    return arange(start, end, step, dtype.value_or(ScalarType::Undefined), device);
  });
  m.def("linspace", [](const Scalar& start, const Scalar& end, int64_t steps,
                       std::optional<ScalarType> dtype, Device device) {
    return linspace(start, end, steps, dtype.value_or(ScalarType::Undefined), device);
  });
  m.def("logspace", [](const Scalar& start, const Scalar& end, int64_t steps, double base,
                       std::optional<ScalarType> dtype, Device device) {
    return logspace(start, end, steps, base, dtype.value_or(ScalarType::Undefined), device);
  });
  m.def("eye", [](int64_t n, int64_t m_, ScalarType dtype, Device device) {
    return eye(n, m_, dtype, device);
  });
}

}  // namespace ember::python
