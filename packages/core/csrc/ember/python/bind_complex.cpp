// Complex-number ops (ops/complex.h): functions and Tensor methods. Tensor.real and
// Tensor.imag are properties (python/tensor_object.cpp).
#include "ember/ops/complex.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {

void bind_complex(py::module_& m) {
  m.def("real", [](const Tensor& t) { return real(t); }, py::arg("input"));
  m.def("imag", [](const Tensor& t) { return imag(t); }, py::arg("input"));
  def_function_and_method(m, "view_as_real", [](const Tensor& t) { return view_as_real(t); });
  def_function_and_method(m, "view_as_complex",
                          [](const Tensor& t) { return view_as_complex(t); });
  m.def(
      "complex",
      [](const Tensor& re, const Tensor& im, std::optional<Tensor> out) {
        return out ? complex_out(*out, re, im) : complex(re, im);
      },
      py::arg("real"), py::arg("imag"), py::kw_only(), py::arg("out") = py::none());
  m.def(
      "polar",
      [](const Tensor& abs, const Tensor& angle, std::optional<Tensor> out) {
        return out ? polar_out(*out, abs, angle) : polar(abs, angle);
      },
      py::arg("abs"), py::arg("angle"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "angle",
      [](const Tensor& t, std::optional<Tensor> out) { return out ? angle_out(*out, t) : angle(t); },
      py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(m, "conj", [](const Tensor& t) { return conj(t); });
  def_function_and_method(m, "conj_physical", [](const Tensor& t) { return conj_physical(t); });
  def_method("conj_physical_", [](const Tensor& t) { return conj_physical_(t); });
  def_function_and_method(m, "resolve_conj", [](const Tensor& t) { return resolve_conj(t); });
  def_function_and_method(m, "is_conj", [](const Tensor& t) { return is_conj(t); });
  m.def("is_complex", [](const Tensor& t) { return is_complex(t.dtype()); }, py::arg("input"));
}

}  // namespace ember::python
