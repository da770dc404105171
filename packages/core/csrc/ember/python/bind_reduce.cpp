// Reductions: ember._C.<op>(input, ...) and Tensor.<op>(...), with torch's signatures.
#include "ember/python/bind_reduce.h"

#include <pybind11/stl.h>

#include "ember/ops/binary.h"
#include "ember/ops/reduce.h"
#include "ember/python/bindings.h"

namespace py = pybind11;

namespace ember::python {
namespace {

Tensor opt(const std::optional<Tensor>& t) { return t ? *t : Tensor(); }

// torch's var/std take (dim, unbiased, keepdim) positionally, or a lone bool `unbiased`,
// or the keyword `correction`; this maps them all onto a correction.
struct VarArgs {
  DimList dim;
  std::optional<Scalar> correction;
};

VarArgs var_args(const char* op, py::handle dim, std::optional<bool> unbiased,
                 std::optional<Scalar> correction) {
  VarArgs args;
  if (PyBool_Check(dim.ptr())) {  // var(x, True): the legacy `unbiased`
    if (unbiased) throw TypeError(detail::concat("[", op, "] got two values for unbiased"));
    unbiased = dim.ptr() == Py_True;
  } else {
    args.dim = dims_from_object(dim, op);
  }
  if (unbiased && correction) {
    throw TypeError(detail::concat("[", op,
                                   "] cannot take both unbiased and correction arguments"));
  }
  args.correction = correction;
  if (unbiased) args.correction = Scalar(*unbiased ? 1 : 0);
  return args;
}

void bind_sum_like(py::module_& m, const char* name,
                   Tensor (*fn)(const Tensor&, const Tensor&, const DimList&, bool, OptDtype)) {
  // x.sum() first, with no arguments to convert: the common call pays no default-filling
  // (pybind11 tries overloads in order; a call with arguments falls through at once).
  def_function_and_method(m, name, [fn](const Tensor& x) {
    return fn(Tensor(), x, std::nullopt, false, std::nullopt);
  });
  def_function_and_method(
      m, name,
      [fn, name](const Tensor& x, py::handle dim, bool keepdim, OptDtype dtype,
                 std::optional<Tensor> out) {
        return fn(opt(out), x, dims_from_object(dim, name), keepdim, dtype);
      },
      py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
      py::arg("dtype") = py::none(), py::arg("out") = py::none());
}

void bind_extreme(py::module_& m, const char* name, const char* aname,
                  Tensor (*all_fn)(const Tensor&),
                  std::tuple<Tensor, Tensor> (*dim_fn)(const Tensor&, const Tensor&,
                                                       const Tensor&, int64_t, bool),
                  Tensor (*amax_fn)(const Tensor&, const Tensor&, const DimList&, bool),
                  Tensor (*binary_fn)(const Tensor&, const Tensor&),
                  const Tensor& (*binary_out)(const Tensor&, const Tensor&, const Tensor&)) {
  def_function_and_method(m, name, [all_fn](const Tensor& x) { return all_fn(x); });
  def_function_and_method(
      m, name,
      [dim_fn, name](const Tensor& x, int64_t dim, bool keepdim, OutPair out) {
        return named_pair(name, dim_fn(out_first(out), out_second(out), x, dim, keepdim));
      },
      py::arg("dim"), py::arg("keepdim") = false, py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, name,
      [binary_fn, binary_out](const Tensor& x, const Tensor& other, std::optional<Tensor> out) {
        return out ? binary_out(*out, x, other) : binary_fn(x, other);
      },
      py::arg("other"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, aname,
      [amax_fn, aname](const Tensor& x, py::handle dim, bool keepdim, std::optional<Tensor> out) {
        return amax_fn(opt(out), x, dims_from_object(dim, aname), keepdim);
      },
      py::arg("dim") = py::tuple(), py::arg("keepdim") = false, py::kw_only(),
      py::arg("out") = py::none());
}

}  // namespace

void bind_reductions(py::module_& m) {
  bind_sum_like(m, "sum", &sum_out);
  bind_sum_like(m, "nansum", &nansum_out);
  bind_sum_like(m, "mean", &mean_out);
  bind_sum_like(m, "nanmean", &nanmean_out);
  def_function_and_method(
      m, "prod",
      [](const Tensor& x, std::optional<int64_t> dim, bool keepdim, OptDtype dtype,
         std::optional<Tensor> out) { return prod_out(opt(out), x, dim, keepdim, dtype); },
      py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
      py::arg("dtype") = py::none(), py::arg("out") = py::none());

  bind_extreme(
      m, "max", "amax", [](const Tensor& x) { return max(x); },
      [](const Tensor& v, const Tensor& i, const Tensor& x, int64_t dim, bool keepdim) {
        return max_out(v, i, x, dim, keepdim);
      },
      &amax_out, [](const Tensor& a, const Tensor& b) { return maximum(a, b); }, &maximum_out);
  bind_extreme(
      m, "min", "amin", [](const Tensor& x) { return min(x); },
      [](const Tensor& v, const Tensor& i, const Tensor& x, int64_t dim, bool keepdim) {
        return min_out(v, i, x, dim, keepdim);
      },
      &amin_out, [](const Tensor& a, const Tensor& b) { return minimum(a, b); }, &minimum_out);
  def_function_and_method(
      m, "aminmax",
      [](const Tensor& x, std::optional<int64_t> dim, bool keepdim) {
        return named_pair("aminmax", aminmax(x, dim, keepdim));
      },
      py::kw_only(), py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_function_and_method(
      m, "argmax",
      [](const Tensor& x, std::optional<int64_t> dim, bool keepdim, std::optional<Tensor> out) {
        return argmax(x, dim, keepdim, opt(out));
      },
      py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
      py::arg("out") = py::none());
  def_function_and_method(
      m, "argmin",
      [](const Tensor& x, std::optional<int64_t> dim, bool keepdim, std::optional<Tensor> out) {
        return argmin(x, dim, keepdim, opt(out));
      },
      py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
      py::arg("out") = py::none());

  def_function_and_method(
      m, "all",
      [](const Tensor& x, py::handle dim, bool keepdim, std::optional<Tensor> out) {
        return all(x, dims_from_object(dim, "all"), keepdim, opt(out));
      },
      py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
      py::arg("out") = py::none());
  def_function_and_method(
      m, "any",
      [](const Tensor& x, py::handle dim, bool keepdim, std::optional<Tensor> out) {
        return any(x, dims_from_object(dim, "any"), keepdim, opt(out));
      },
      py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
      py::arg("out") = py::none());
  def_function_and_method(
      m, "count_nonzero",
      [](const Tensor& x, py::handle dim) {
        return count_nonzero(x, dims_from_object(dim, "count_nonzero"));
      },
      py::arg("dim") = py::none());

  def_function_and_method(
      m, "logsumexp",
      [](const Tensor& x, py::handle dim, bool keepdim, std::optional<Tensor> out) {
        return logsumexp(x, dims_from_object(dim, "logsumexp"), keepdim, opt(out));
      },
      py::arg("dim"), py::arg("keepdim") = false, py::kw_only(), py::arg("out") = py::none());

  // var / std: (dim, unbiased, keepdim) positionally, correction= as a keyword.
  def_function_and_method(
      m, "var",
      [](const Tensor& x, py::handle dim, std::optional<bool> unbiased, bool keepdim,
         std::optional<Scalar> correction, std::optional<Tensor> out) {
        const VarArgs a = var_args("var", dim, unbiased, correction);
        return var(x, a.dim, a.correction, keepdim, opt(out));
      },
      py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false,
      py::kw_only(), py::arg("correction") = py::none(), py::arg("out") = py::none());
  def_function_and_method(
      m, "std",
      [](const Tensor& x, py::handle dim, std::optional<bool> unbiased, bool keepdim,
         std::optional<Scalar> correction, std::optional<Tensor> out) {
        const VarArgs a = var_args("std", dim, unbiased, correction);
        return std_dev(x, a.dim, a.correction, keepdim, opt(out));
      },
      py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false,
      py::kw_only(), py::arg("correction") = py::none(), py::arg("out") = py::none());
  m.def(
      "var_mean",
      [](const Tensor& x, py::handle dim, std::optional<bool> unbiased, bool keepdim,
         std::optional<Scalar> correction) {
        const VarArgs a = var_args("var_mean", dim, unbiased, correction);
        return var_mean(x, a.dim, a.correction, keepdim);
      },
      py::arg("input"), py::arg("dim") = py::none(), py::arg("unbiased") = py::none(),
      py::arg("keepdim") = false, py::kw_only(), py::arg("correction") = py::none());
  m.def(
      "std_mean",
      [](const Tensor& x, py::handle dim, std::optional<bool> unbiased, bool keepdim,
         std::optional<Scalar> correction) {
        const VarArgs a = var_args("std_mean", dim, unbiased, correction);
        return std_mean(x, a.dim, a.correction, keepdim);
      },
      py::arg("input"), py::arg("dim") = py::none(), py::arg("unbiased") = py::none(),
      py::arg("keepdim") = false, py::kw_only(), py::arg("correction") = py::none());
}

void bind_reduce(py::module_& m) {
  bind_reductions(m);
  bind_scans(m);
  bind_sorting(m);
}

}  // namespace ember::python
