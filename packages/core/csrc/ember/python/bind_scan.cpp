// Scans and softmax, with torch's signatures.
#include <pybind11/stl.h>

#include "ember/ops/scan.h"
#include "ember/ops/softmax.h"
#include "ember/python/bind_reduce.h"
#include "ember/python/bindings.h"

namespace py = pybind11;

namespace ember::python {

void bind_scans(py::module_& m) {
  def_function_and_method(
      m, "cumsum",
      [](const Tensor& x, int64_t dim, std::optional<ScalarType> dtype,
         std::optional<Tensor> out) { return cumsum(x, dim, dtype, out ? *out : Tensor()); },
      py::arg("dim"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("out") = py::none());
  def_function_and_method(
      m, "cumprod",
      [](const Tensor& x, int64_t dim, std::optional<ScalarType> dtype,
         std::optional<Tensor> out) { return cumprod(x, dim, dtype, out ? *out : Tensor()); },
      py::arg("dim"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("out") = py::none());
  def_function_and_method(
      m, "logcumsumexp",
      [](const Tensor& x, int64_t dim, std::optional<Tensor> out) {
        return logcumsumexp(x, dim, out ? *out : Tensor());
      },
      py::arg("dim"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "cummax",
      [](const Tensor& x, int64_t dim, OutPair out) {
        return named_pair("cummax", cummax(x, dim, out_first(out), out_second(out)));
      },
      py::arg("dim"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "cummin",
      [](const Tensor& x, int64_t dim, OutPair out) {
        return named_pair("cummin", cummin(x, dim, out_first(out), out_second(out)));
      },
      py::arg("dim"), py::kw_only(), py::arg("out") = py::none());

  def_function_and_method(
      m, "softmax",
      [](const Tensor& x, int64_t dim, std::optional<ScalarType> dtype) {
        return softmax(x, dim, dtype);
      },
      py::arg("dim"), py::arg("dtype") = py::none());
  def_function_and_method(
      m, "log_softmax",
      [](const Tensor& x, int64_t dim, std::optional<ScalarType> dtype) {
        return log_softmax(x, dim, dtype);
      },
      py::arg("dim"), py::arg("dtype") = py::none());
}

}  // namespace ember::python
