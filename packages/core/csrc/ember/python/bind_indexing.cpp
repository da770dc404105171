// Indexing ops (ops/indexing.h): index_select, gather, the scatter family, index_add /
// index_copy / index_fill / index_put, take / put, the masked ops, nonzero and argwhere,
// each as ember.<op> and Tensor.<op>, with Tensor.<op>_ where torch has it.
#include "ember/ops/indexing.h"
#include "ember/ops/indexing_utils.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

Tensor maybe_out(const char* op, const std::optional<Tensor>& out, const Tensor& result) {
  return out ? detail::write_out(op, *out, result) : result;
}

py::tuple to_tuple(const std::vector<Tensor>& tensors) {
  py::tuple out(tensors.size());
  for (size_t i = 0; i < tensors.size(); ++i) {
    out[i] = py::reinterpret_steal<py::object>(wrap(tensors[i]));
  }
  return out;
}

using Reduce = std::optional<std::string>;

}  // namespace

void bind_indexing(py::module_& m) {
  def_function_and_method(
      m, "index_select",
      [](const Tensor& self, int64_t dim, const Tensor& index, std::optional<Tensor> out) {
        return maybe_out("index_select", out, index_select(self, dim, index));
      },
      py::arg("dim"), py::arg("index"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "gather",
      [](const Tensor& self, int64_t dim, const Tensor& index, bool, std::optional<Tensor> out) {
        return maybe_out("gather", out, gather(self, dim, index));
      },
      py::arg("dim"), py::arg("index"), py::kw_only(), py::arg("sparse_grad") = false,
      py::arg("out") = py::none());

  // scatter with a tensor source or a number, and torch's deprecated reduce argument.
  def_function_and_method(
      m, "scatter",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, Reduce reduce,
         std::optional<Tensor> out) {
        return maybe_out("scatter", out, scatter(self, dim, index, src, reduce));
      },
      py::arg("dim"), py::arg("index"), py::arg("src"), py::kw_only(),
      py::arg("reduce") = py::none(), py::arg("out") = py::none());
  def_function_and_method(
      m, "scatter",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value,
         Reduce reduce, std::optional<Tensor> out) {
        return maybe_out("scatter", out, scatter(self, dim, index, value, reduce));
      },
      py::arg("dim"), py::arg("index"), py::arg("value"), py::kw_only(),
      py::arg("reduce") = py::none(), py::arg("out") = py::none());
  def_method(
      "scatter_",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, Reduce reduce) {
        return scatter_(self, dim, index, src, reduce);
      },
      py::arg("dim"), py::arg("index"), py::arg("src"), py::kw_only(),
      py::arg("reduce") = py::none());
  def_method(
      "scatter_",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value,
         Reduce reduce) { return scatter_(self, dim, index, value, reduce); },
      py::arg("dim"), py::arg("index"), py::arg("value"), py::kw_only(),
      py::arg("reduce") = py::none());
  def_function_and_method(
      m, "scatter_add",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
         std::optional<Tensor> out) {
        return maybe_out("scatter_add", out, scatter_add(self, dim, index, src));
      },
      py::arg("dim"), py::arg("index"), py::arg("src"), py::kw_only(),
      py::arg("out") = py::none());
  def_method(
      "scatter_add_",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
        return scatter_add_(self, dim, index, src);
      },
      py::arg("dim"), py::arg("index"), py::arg("src"));
  def_function_and_method(
      m, "scatter_reduce",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
         const std::string& reduce, bool include_self, std::optional<Tensor> out) {
        return maybe_out("scatter_reduce", out,
                         scatter_reduce(self, dim, index, src, reduce, include_self));
      },
      py::arg("dim"), py::arg("index"), py::arg("src"), py::arg("reduce"), py::kw_only(),
      py::arg("include_self") = true, py::arg("out") = py::none());
  def_method(
      "scatter_reduce_",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src,
         const std::string& reduce, bool include_self) {
        return scatter_reduce_(self, dim, index, src, reduce, include_self);
      },
      py::arg("dim"), py::arg("index"), py::arg("src"), py::arg("reduce"), py::kw_only(),
      py::arg("include_self") = true);

  def_function_and_method(
      m, "index_add",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
         const Scalar& alpha, std::optional<Tensor> out) {
        return maybe_out("index_add", out, index_add(self, dim, index, source, alpha));
      },
      py::arg("dim"), py::arg("index"), py::arg("source"), py::kw_only(), py::arg("alpha") = 1,
      py::arg("out") = py::none());
  def_method(
      "index_add_",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
         const Scalar& alpha) { return index_add_(self, dim, index, source, alpha); },
      py::arg("dim"), py::arg("index"), py::arg("source"), py::kw_only(), py::arg("alpha") = 1);
  def_function_and_method(
      m, "index_copy",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source,
         std::optional<Tensor> out) {
        return maybe_out("index_copy", out, index_copy(self, dim, index, source));
      },
      py::arg("dim"), py::arg("index"), py::arg("source"), py::kw_only(),
      py::arg("out") = py::none());
  def_method(
      "index_copy_",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& source) {
        return index_copy_(self, dim, index, source);
      },
      py::arg("dim"), py::arg("index"), py::arg("source"));
  def_function_and_method(
      m, "index_fill",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& value) {
        return index_fill(self, dim, index, value);
      },
      py::arg("dim"), py::arg("index"), py::arg("value"));
  def_function_and_method(
      m, "index_fill",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
        return index_fill(self, dim, index, value);
      },
      py::arg("dim"), py::arg("index"), py::arg("value"));
  def_method(
      "index_fill_",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Tensor& value) {
        return index_fill_(self, dim, index, value);
      },
      py::arg("dim"), py::arg("index"), py::arg("value"));
  def_method(
      "index_fill_",
      [](const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
        return index_fill_(self, dim, index, value);
      },
      py::arg("dim"), py::arg("index"), py::arg("value"));
  def_function_and_method(
      m, "index_put",
      [](const Tensor& self, const IndexList& indices, const Tensor& values, bool accumulate) {
        return index_put(self, indices, values, accumulate);
      },
      py::arg("indices"), py::arg("values"), py::arg("accumulate") = false);
  def_method(
      "index_put_",
      [](const Tensor& self, const IndexList& indices, const Tensor& values, bool accumulate) {
        return index_put_(self, indices, values, accumulate);
      },
      py::arg("indices"), py::arg("values"), py::arg("accumulate") = false);

  def_function_and_method(
      m, "take",
      [](const Tensor& self, const Tensor& index, std::optional<Tensor> out) {
        return maybe_out("take", out, take(self, index));
      },
      py::arg("index"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "put",
      [](const Tensor& self, const Tensor& index, const Tensor& source, bool accumulate) {
        return put(self, index, source, accumulate);
      },
      py::arg("index"), py::arg("source"), py::arg("accumulate") = false);
  def_method(
      "put_",
      [](const Tensor& self, const Tensor& index, const Tensor& source, bool accumulate) {
        return put_(self, index, source, accumulate);
      },
      py::arg("index"), py::arg("source"), py::arg("accumulate") = false);

  def_function_and_method(
      m, "masked_fill",
      [](const Tensor& self, const Tensor& mask, const Tensor& value) {
        return masked_fill(self, mask, value);
      },
      py::arg("mask"), py::arg("value"));
  def_function_and_method(
      m, "masked_fill",
      [](const Tensor& self, const Tensor& mask, const Scalar& value) {
        return masked_fill(self, mask, value);
      },
      py::arg("mask"), py::arg("value"));
  def_method(
      "masked_fill_",
      [](const Tensor& self, const Tensor& mask, const Tensor& value) {
        return masked_fill_(self, mask, value);
      },
      py::arg("mask"), py::arg("value"));
  def_method(
      "masked_fill_",
      [](const Tensor& self, const Tensor& mask, const Scalar& value) {
        return masked_fill_(self, mask, value);
      },
      py::arg("mask"), py::arg("value"));
  def_function_and_method(
      m, "masked_select",
      [](const Tensor& self, const Tensor& mask, std::optional<Tensor> out) {
        return maybe_out("masked_select", out, masked_select(self, mask));
      },
      py::arg("mask"), py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "masked_scatter",
      [](const Tensor& self, const Tensor& mask, const Tensor& source) {
        return masked_scatter(self, mask, source);
      },
      py::arg("mask"), py::arg("source"));
  def_method(
      "masked_scatter_",
      [](const Tensor& self, const Tensor& mask, const Tensor& source) {
        return masked_scatter_(self, mask, source);
      },
      py::arg("mask"), py::arg("source"));

  def_function_and_method(
      m, "nonzero",
      [](const Tensor& self, std::optional<Tensor> out, bool as_tuple) -> py::object {
        if (as_tuple) return to_tuple(nonzero_numpy(self));
        return py::reinterpret_steal<py::object>(
            wrap(maybe_out("nonzero", out, nonzero(self))));
      },
      py::kw_only(), py::arg("out") = py::none(), py::arg("as_tuple") = false);
  def_function_and_method(m, "argwhere", [](const Tensor& self) { return argwhere(self); });
}

}  // namespace ember::python
