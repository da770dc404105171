// Elementwise ops with more operands or parameters (ops/ternary.h,
// ops/pointwise_params.h): where, clamp/clip/clamp_min/clamp_max, lerp, addcmul, addcdiv,
// square, round, logit, gelu, softplus, nan_to_num, xlogy. Tensor overloads come before
// number overloads: a 0-d tensor converts to a number too, but promotes as a tensor.
#include "ember/ops/indexing.h"
#include "ember/ops/indexing_utils.h"
#include "ember/ops/pointwise_params.h"
#include "ember/ops/ternary.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

Tensor maybe_out(const char* op, const std::optional<Tensor>& out, const Tensor& result) {
  return out ? detail::write_out(op, *out, result) : result;
}

using OptTensor = std::optional<Tensor>;
using OptScalar = std::optional<Scalar>;
using OptDouble = std::optional<double>;

void bind_where(py::module_& m) {
  m.def("where", [](const Tensor& c, const Tensor& x, const Tensor& y, OptTensor out) {
          return maybe_out("where", out, where(c, x, y));
        }, py::arg("condition"), py::arg("input"), py::arg("other"), py::kw_only(),
        py::arg("out") = py::none());
  m.def("where", [](const Tensor& c, const Tensor& x, const Scalar& y, OptTensor out) {
          return maybe_out("where", out, where(c, x, y));
        }, py::arg("condition"), py::arg("input"), py::arg("other"), py::kw_only(),
        py::arg("out") = py::none());
  m.def("where", [](const Tensor& c, const Scalar& x, const Tensor& y, OptTensor out) {
          return maybe_out("where", out, where(c, x, y));
        }, py::arg("condition"), py::arg("input"), py::arg("other"), py::kw_only(),
        py::arg("out") = py::none());
  m.def("where", [](const Tensor& c, const Scalar& x, const Scalar& y, OptTensor out) {
          return maybe_out("where", out, where(c, x, y));
        }, py::arg("condition"), py::arg("input"), py::arg("other"), py::kw_only(),
        py::arg("out") = py::none());
  // where(condition) is nonzero(condition, as_tuple=True).
  m.def("where", [](const Tensor& c) {
    const std::vector<Tensor> parts = nonzero_numpy(c);
    py::tuple out(parts.size());
    for (size_t i = 0; i < parts.size(); ++i) {
      out[i] = py::reinterpret_steal<py::object>(wrap(parts[i]));
    }
    return out;
  }, py::arg("condition"));
  // Tensor.where(condition, other): self is the value where condition holds.
  def_method("where", [](const Tensor& self, const Tensor& c, const Tensor& y) {
    return where(c, self, y);
  }, py::arg("condition"), py::arg("other"));
  def_method("where", [](const Tensor& self, const Tensor& c, const Scalar& y) {
    return where(c, self, y);
  }, py::arg("condition"), py::arg("other"));
}

void bind_clamp(py::module_& m) {
  for (const char* name : {"clamp", "clip"}) {
    def_function_and_method(
        m, name,
        [](const Tensor& x, OptTensor min, OptTensor max, OptTensor out) {
          return out ? clamp_out(*out, x, min, max) : clamp(x, min, max);
        },
        py::arg("min") = py::none(), py::arg("max") = py::none(), py::kw_only(),
        py::arg("out") = py::none());
    def_function_and_method(
        m, name,
        [](const Tensor& x, OptScalar min, OptScalar max, OptTensor out) {
          return out ? clamp_out(*out, x, min, max) : clamp(x, min, max);
        },
        py::arg("min") = py::none(), py::arg("max") = py::none(), py::kw_only(),
        py::arg("out") = py::none());
    const std::string inplace = std::string(name) + "_";
    def_method(inplace.c_str(), [](const Tensor& x, OptTensor min, OptTensor max) {
      return clamp_(x, min, max);
    }, py::arg("min") = py::none(), py::arg("max") = py::none());
    def_method(inplace.c_str(), [](const Tensor& x, OptScalar min, OptScalar max) {
      return clamp_(x, min, max);
    }, py::arg("min") = py::none(), py::arg("max") = py::none());
  }
  def_function_and_method(m, "clamp_min", [](const Tensor& x, const Tensor& min, OptTensor out) {
    return out ? clamp_out(*out, x, OptTensor(min), OptTensor()) : clamp(x, min, OptTensor());
  }, py::arg("min"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(m, "clamp_min", [](const Tensor& x, const Scalar& min, OptTensor out) {
    return out ? clamp_out(*out, x, OptScalar(min), OptScalar()) : clamp(x, min, OptScalar());
  }, py::arg("min"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(m, "clamp_max", [](const Tensor& x, const Tensor& max, OptTensor out) {
    return out ? clamp_out(*out, x, OptTensor(), OptTensor(max)) : clamp(x, OptTensor(), max);
  }, py::arg("max"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(m, "clamp_max", [](const Tensor& x, const Scalar& max, OptTensor out) {
    return out ? clamp_out(*out, x, OptScalar(), OptScalar(max)) : clamp(x, OptScalar(), max);
  }, py::arg("max"), py::kw_only(), py::arg("out") = py::none());
  def_method("clamp_min_", [](const Tensor& x, const Tensor& min) {
    return clamp_(x, OptTensor(min), OptTensor());
  }, py::arg("min"));
  def_method("clamp_min_", [](const Tensor& x, const Scalar& min) {
    return clamp_(x, OptScalar(min), OptScalar());
  }, py::arg("min"));
  def_method("clamp_max_", [](const Tensor& x, const Tensor& max) {
    return clamp_(x, OptTensor(), OptTensor(max));
  }, py::arg("max"));
  def_method("clamp_max_", [](const Tensor& x, const Scalar& max) {
    return clamp_(x, OptScalar(), OptScalar(max));
  }, py::arg("max"));
}

void bind_lerp_addc(py::module_& m) {
  def_function_and_method(
      m, "lerp",
      [](const Tensor& a, const Tensor& b, const Tensor& w, OptTensor out) {
        return out ? lerp_out(*out, a, b, w) : lerp(a, b, w);
      },
      py::arg("end"), py::arg("weight"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "lerp",
      [](const Tensor& a, const Tensor& b, const Scalar& w, OptTensor out) {
        return out ? lerp_out(*out, a, b, w) : lerp(a, b, w);
      },
      py::arg("end"), py::arg("weight"), py::kw_only(), py::arg("out") = py::none());
  def_method("lerp_", [](const Tensor& a, const Tensor& b, const Tensor& w) {
    return lerp_(a, b, w);
  }, py::arg("end"), py::arg("weight"));
  def_method("lerp_", [](const Tensor& a, const Tensor& b, const Scalar& w) {
    return lerp_(a, b, w);
  }, py::arg("end"), py::arg("weight"));

  def_function_and_method(
      m, "addcmul",
      [](const Tensor& x, const Tensor& a, const Tensor& b, const Scalar& v, OptTensor out) {
        return out ? addcmul_out(*out, x, a, b, v) : addcmul(x, a, b, v);
      },
      py::arg("tensor1"), py::arg("tensor2"), py::kw_only(), py::arg("value") = 1,
      py::arg("out") = py::none());
  def_method("addcmul_", [](const Tensor& x, const Tensor& a, const Tensor& b, const Scalar& v) {
    return addcmul_(x, a, b, v);
  }, py::arg("tensor1"), py::arg("tensor2"), py::kw_only(), py::arg("value") = 1);
  def_function_and_method(
      m, "addcdiv",
      [](const Tensor& x, const Tensor& a, const Tensor& b, const Scalar& v, OptTensor out) {
        return out ? addcdiv_out(*out, x, a, b, v) : addcdiv(x, a, b, v);
      },
      py::arg("tensor1"), py::arg("tensor2"), py::kw_only(), py::arg("value") = 1,
      py::arg("out") = py::none());
  def_method("addcdiv_", [](const Tensor& x, const Tensor& a, const Tensor& b, const Scalar& v) {
    return addcdiv_(x, a, b, v);
  }, py::arg("tensor1"), py::arg("tensor2"), py::kw_only(), py::arg("value") = 1);
}

void bind_params(py::module_& m) {
  def_function_and_method(m, "square", [](const Tensor& x, OptTensor out) {
    return out ? square_out(*out, x) : square(x);
  }, py::kw_only(), py::arg("out") = py::none());
  def_method("square_", [](const Tensor& x) { return square_(x); });

  def_function_and_method(m, "round", [](const Tensor& x, int64_t decimals, OptTensor out) {
    return out ? round_out(*out, x, decimals) : round(x, decimals);
  }, py::kw_only(), py::arg("decimals") = 0, py::arg("out") = py::none());
  def_method("round_", [](const Tensor& x, int64_t decimals) { return round_(x, decimals); },
             py::kw_only(), py::arg("decimals") = 0);

  def_function_and_method(m, "logit", [](const Tensor& x, OptDouble eps, OptTensor out) {
    return out ? logit_out(*out, x, eps) : logit(x, eps);
  }, py::arg("eps") = py::none(), py::kw_only(), py::arg("out") = py::none());
  def_method("logit_", [](const Tensor& x, OptDouble eps) { return logit_(x, eps); },
             py::arg("eps") = py::none());

  def_function_and_method(m, "gelu", [](const Tensor& x, const std::string& approximate) {
    return gelu(x, approximate);
  }, py::kw_only(), py::arg("approximate") = "none");
  def_function_and_method(m, "softplus", [](const Tensor& x, const Scalar& beta,
                                            const Scalar& threshold) {
    return softplus(x, beta, threshold);
  }, py::arg("beta") = 1, py::arg("threshold") = 20);

  def_function_and_method(
      m, "nan_to_num",
      [](const Tensor& x, OptDouble nan, OptDouble posinf, OptDouble neginf, OptTensor out) {
        return out ? nan_to_num_out(*out, x, nan, posinf, neginf)
                   : nan_to_num(x, nan, posinf, neginf);
      },
      py::arg("nan") = 0.0, py::arg("posinf") = py::none(), py::arg("neginf") = py::none(),
      py::kw_only(), py::arg("out") = py::none());
  def_method("nan_to_num_", [](const Tensor& x, OptDouble nan, OptDouble posinf,
                               OptDouble neginf) { return nan_to_num_(x, nan, posinf, neginf); },
             py::arg("nan") = 0.0, py::arg("posinf") = py::none(), py::arg("neginf") = py::none());

  def_function_and_method(m, "xlogy", [](const Tensor& x, const Tensor& y, OptTensor out) {
    return out ? xlogy_out(*out, x, y) : xlogy(x, y);
  }, py::arg("other"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(m, "xlogy", [](const Tensor& x, const Scalar& y, OptTensor out) {
    return maybe_out("xlogy", out, xlogy(x, y));
  }, py::arg("other"), py::kw_only(), py::arg("out") = py::none());
  m.def("xlogy", [](const Scalar& x, const Tensor& y, OptTensor out) {
    return maybe_out("xlogy", out, xlogy(x, y));
  }, py::arg("input"), py::arg("other"), py::kw_only(), py::arg("out") = py::none());
  def_method("xlogy_", [](const Tensor& x, const Tensor& y) { return xlogy_(x, y); },
             py::arg("other"));
  def_method("xlogy_", [](const Tensor& x, const Scalar& y) { return xlogy_(x, y); },
             py::arg("other"));
}

}  // namespace

void bind_pointwise(py::module_& m) {
  bind_where(m);
  bind_clamp(m);
  bind_lerp_addc(m);
  bind_params(m);
}

}  // namespace ember::python
