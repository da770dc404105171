// Sorting, selection, unique, counting and closeness ops, with torch's signatures.
#include <pybind11/stl.h>

#include "ember/ops/compare.h"
#include "ember/ops/histogram.h"
#include "ember/ops/sort.h"
#include "ember/ops/unique.h"
#include "ember/python/bind_reduce.h"
#include "ember/python/bindings.h"

namespace py = pybind11;

namespace ember::python {

namespace {

py::object unique_result(const std::tuple<Tensor, Tensor, Tensor>& r, bool return_inverse,
                         bool return_counts) {
  const auto& [values, inverse, counts] = r;
  if (!return_inverse && !return_counts) return py::cast(values);
  py::list items;
  items.append(py::cast(values));
  if (return_inverse) items.append(py::cast(inverse));
  if (return_counts) items.append(py::cast(counts));
  return py::tuple(items);
}

}  // namespace

void bind_sorting(py::module_& m) {
  def_function_and_method(
      m, "sort",
      [](const Tensor& x, int64_t dim, bool descending, bool stable, OutPair out) {
        return named_pair("sort", sort(x, dim, descending, stable, out_first(out),
                                       out_second(out)));
      },
      py::arg("dim") = -1, py::arg("descending") = false, py::kw_only(),
      py::arg("stable") = false, py::arg("out") = py::none());
  def_function_and_method(
      m, "argsort",
      [](const Tensor& x, int64_t dim, bool descending, bool stable) {
        return argsort(x, dim, descending, stable);
      },
      py::arg("dim") = -1, py::arg("descending") = false, py::kw_only(),
      py::arg("stable") = false);
  def_function_and_method(
      m, "msort", [](const Tensor& x, std::optional<Tensor> out) {
        Tensor values = std::get<0>(sort(x, 0, false, false, out ? *out : Tensor()));
        return values;
      },
      py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "topk",
      [](const Tensor& x, int64_t k, int64_t dim, bool largest, bool sorted, OutPair out) {
        return named_pair("topk",
                          topk(x, k, dim, largest, sorted, out_first(out), out_second(out)));
      },
      py::arg("k"), py::arg("dim") = -1, py::arg("largest") = true, py::arg("sorted") = true,
      py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "kthvalue",
      [](const Tensor& x, int64_t k, int64_t dim, bool keepdim, OutPair out) {
        return named_pair("kthvalue",
                          kthvalue(x, k, dim, keepdim, out_first(out), out_second(out)));
      },
      py::arg("k"), py::arg("dim") = -1, py::arg("keepdim") = false, py::kw_only(),
      py::arg("out") = py::none());
  def_function_and_method(m, "median", [](const Tensor& x) { return median(x); });
  def_function_and_method(
      m, "median",
      [](const Tensor& x, int64_t dim, bool keepdim, OutPair out) {
        return named_pair("median",
                          median(x, dim, keepdim, out_first(out), out_second(out)));
      },
      py::arg("dim"), py::arg("keepdim") = false, py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(m, "nanmedian", [](const Tensor& x) { return nanmedian(x); });
  def_function_and_method(
      m, "nanmedian",
      [](const Tensor& x, int64_t dim, bool keepdim, OutPair out) {
        return named_pair("nanmedian",
                          nanmedian(x, dim, keepdim, out_first(out), out_second(out)));
      },
      py::arg("dim"), py::arg("keepdim") = false, py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "mode",
      [](const Tensor& x, int64_t dim, bool keepdim, OutPair out) {
        return named_pair("mode", mode(x, dim, keepdim, out_first(out), out_second(out)));
      },
      py::arg("dim") = -1, py::arg("keepdim") = false, py::kw_only(),
      py::arg("out") = py::none());

  // torch.unique returns the tensor alone, or a tuple with what was asked for.
  def_function_and_method(
      m, "unique",
      [](const Tensor& x, bool sorted, bool return_inverse, bool return_counts,
         std::optional<int64_t> dim) {
        return unique_result(unique(x, sorted, return_inverse, return_counts, dim),
                             return_inverse, return_counts);
      },
      py::arg("sorted") = true, py::arg("return_inverse") = false,
      py::arg("return_counts") = false, py::arg("dim") = py::none());
  def_function_and_method(
      m, "unique_consecutive",
      [](const Tensor& x, bool return_inverse, bool return_counts, std::optional<int64_t> dim) {
        return unique_result(unique_consecutive(x, return_inverse, return_counts, dim),
                             return_inverse, return_counts);
      },
      py::arg("return_inverse") = false, py::arg("return_counts") = false,
      py::arg("dim") = py::none());

  def_function_and_method(
      m, "bincount",
      [](const Tensor& x, std::optional<Tensor> weights, int64_t minlength) {
        return bincount(x, weights ? *weights : Tensor(), minlength);
      },
      py::arg("weights") = py::none(), py::arg("minlength") = 0);
  def_function_and_method(
      m, "histc",
      [](const Tensor& x, int64_t bins, const Scalar& min, const Scalar& max,
         std::optional<Tensor> out) { return histc(x, bins, min, max, out ? *out : Tensor()); },
      py::arg("bins") = 100, py::arg("min") = 0, py::arg("max") = 0, py::kw_only(),
      py::arg("out") = py::none());

  def_function_and_method(
      m, "isclose",
      [](const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
        return isclose(a, b, rtol, atol, equal_nan);
      },
      py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
      py::arg("equal_nan") = false);
  def_function_and_method(
      m, "allclose",
      [](const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
        return allclose(a, b, rtol, atol, equal_nan);
      },
      py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
      py::arg("equal_nan") = false);
  def_function_and_method(
      m, "equal", [](const Tensor& a, const Tensor& b) { return equal(a, b); }, py::arg("other"));
}

}  // namespace ember::python
