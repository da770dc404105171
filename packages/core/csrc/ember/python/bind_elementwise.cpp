// Elementwise ops, generated from the same tables as the C++ ops (ops/unary.h,
// ops/binary.h): each is ember._C.<op>(input, other) and Tensor.<op>(other), with an
// in-place Tensor.<op>_ and an out= form.
#include "ember/ops/binary.h"
#include "ember/ops/unary.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

template <typename Fn, typename FnOut, typename FnInplace>
void bind_unary(py::module_& m, const char* name, const std::string& inplace_name, Fn fn,
                FnOut fn_out, FnInplace fn_inplace) {
  def_function_and_method(
      m, name,
      [fn, fn_out](const Tensor& x, std::optional<Tensor> out) {
        return out ? fn_out(*out, x) : fn(x);
      },
      py::kw_only(), py::arg("out") = py::none());
  def_method(inplace_name.c_str(), [fn_inplace](const Tensor& x) { return fn_inplace(x); });
}

}  // namespace

void bind_elementwise(py::module_& m) {
#define EMBER_BIND_UNARY(name)                                                              \
  bind_unary(                                                                               \
      m, #name, #name "_", [](const Tensor& x) { return name(x); },                         \
      [](const Tensor& out, const Tensor& x) { return name##_out(out, x); },                \
      [](const Tensor& x) { return name##_inplace(x); });
  EMBER_UNARY_FLOAT_OPS(EMBER_BIND_UNARY)
  EMBER_UNARY_SAME_OPS(EMBER_BIND_UNARY)
  EMBER_UNARY_PREDICATE_OPS(EMBER_BIND_UNARY)
#undef EMBER_BIND_UNARY
  def_function_and_method(m, "positive", [](const Tensor& x) { return positive(x); });

  // Binary ops: tensor-tensor, tensor-number and number-tensor overloads.
#define EMBER_BIND_BINARY(name)                                                              \
  def_function_and_method(                                                                   \
      m, #name,                                                                              \
      [](const Tensor& a, const Tensor& b, std::optional<Tensor> out) {                      \
        return out ? name##_out(*out, a, b) : name(a, b);                                    \
      },                                                                                     \
      py::arg("other"), py::kw_only(), py::arg("out") = py::none());                         \
  def_function_and_method(                                                                   \
      m, #name,                                                                              \
      [](const Tensor& a, const Scalar& b, std::optional<Tensor> out) {                      \
        return out ? name##_out(*out, a, scalar_to_tensor(b, b.type())) : name(a, b);        \
      },                                                                                     \
      py::arg("other"), py::kw_only(), py::arg("out") = py::none());                         \
  m.def(#name, [](const Scalar& a, const Tensor& b) { return name(a, b); }, py::arg("input"), \
        py::arg("other"));                                                                   \
  def_method(#name "_", [](const Tensor& a, const Tensor& b) { return name##_inplace(a, b); }, \
             py::arg("other"));                                                              \
  def_method(#name "_", [](const Tensor& a, const Scalar& b) { return name##_inplace(a, b); }, \
             py::arg("other"));
  EMBER_BINARY_PUBLIC_OPS(EMBER_BIND_BINARY)
#undef EMBER_BIND_BINARY

  // add / sub with alpha.
  def_function_and_method(
      m, "add",
      [](const Tensor& a, const Tensor& b, const Scalar& alpha, std::optional<Tensor> out) {
        return out ? add_out(*out, a, b, alpha) : add(a, b, alpha);
      },
      py::arg("other"), py::kw_only(), py::arg("alpha") = 1,
      py::arg("out") = py::none());
  def_function_and_method(
      m, "add",
      [](const Tensor& a, const Scalar& b, const Scalar& alpha, std::optional<Tensor> out) {
        return out ? add_out(*out, a, scalar_to_tensor(b, b.type()), alpha) : add(a, b, alpha);
      },
      py::arg("other"), py::kw_only(), py::arg("alpha") = 1, py::arg("out") = py::none());
  m.def("add", [](const Scalar& a, const Tensor& b, const Scalar& alpha) {
    return add(mul(b, alpha), a);
  }, py::arg("input"), py::arg("other"), py::kw_only(), py::arg("alpha") = 1);
  def_method("add_", [](const Tensor& a, const Tensor& b, const Scalar& alpha) {
    return add_inplace(a, b, alpha);
  }, py::arg("other"), py::kw_only(), py::arg("alpha") = 1);
  def_method("add_", [](const Tensor& a, const Scalar& b, const Scalar& alpha) {
    return add_inplace(a, b, alpha);
  }, py::arg("other"), py::kw_only(), py::arg("alpha") = 1);

  def_function_and_method(
      m, "sub",
      [](const Tensor& a, const Tensor& b, const Scalar& alpha, std::optional<Tensor> out) {
        return out ? sub_out(*out, a, b, alpha) : sub(a, b, alpha);
      },
      py::arg("other"), py::kw_only(), py::arg("alpha") = 1,
      py::arg("out") = py::none());
  def_function_and_method(
      m, "sub",
      [](const Tensor& a, const Scalar& b, const Scalar& alpha, std::optional<Tensor> out) {
        return out ? sub_out(*out, a, scalar_to_tensor(b, b.type()), alpha) : sub(a, b, alpha);
      },
      py::arg("other"), py::kw_only(), py::arg("alpha") = 1, py::arg("out") = py::none());
  m.def("sub", [](const Scalar& a, const Tensor& b, const Scalar& alpha) {
    return sub(a, b, alpha);
  }, py::arg("input"), py::arg("other"), py::kw_only(), py::arg("alpha") = 1);
  def_method("sub_", [](const Tensor& a, const Tensor& b, const Scalar& alpha) {
    return sub_inplace(a, b, alpha);
  }, py::arg("other"), py::kw_only(), py::arg("alpha") = 1);
  def_method("sub_", [](const Tensor& a, const Scalar& b, const Scalar& alpha) {
    return sub_inplace(a, b, alpha);
  }, py::arg("other"), py::kw_only(), py::arg("alpha") = 1);

  // div with rounding_mode.
  def_function_and_method(
      m, "div",
      [](const Tensor& a, const Tensor& b, std::optional<std::string> mode) {
        return div_mode(a, b, mode);
      },
      py::arg("other"), py::kw_only(), py::arg("rounding_mode"));
  def_function_and_method(
      m, "div",
      [](const Tensor& a, const Scalar& b, std::optional<std::string> mode) {
        return div_mode(a, scalar_to_tensor(b, b.type()), mode);
      },
      py::arg("other"), py::kw_only(), py::arg("rounding_mode"));
}

}  // namespace ember::python
