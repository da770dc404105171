// View ops. Methods accept sizes as varargs or one sequence (x.view(2, 3) or
// x.view((2, 3))), functions take one sequence (ember.reshape(x, (2, 3))), as in torch.
#include "ember/core/errors.h"
#include "ember/ops/view.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

Shape shape_from_args(const py::args& args, const char* op) {
  Shape shape;
  if (args.size() == 1 && shape_from_object(args[0].ptr(), &shape)) return shape;
  shape.clear();
  for (const py::handle& item : args) {
    Shape one;
    if (!PyLong_Check(item.ptr()) && !PyIndex_Check(item.ptr())) {
      throw TypeError(detail::concat("[", op, "] expected a sequence of ints or ints as "
                                     "arguments, got ", Py_TYPE(item.ptr())->tp_name));
    }
    shape.push_back(py::cast<int64_t>(item));
  }
  return shape;
}

py::list to_list(const std::vector<Tensor>& tensors) {
  py::list out;
  for (const Tensor& t : tensors) out.append(py::reinterpret_steal<py::object>(wrap(t)));
  return out;
}

py::tuple to_tuple(const std::vector<Tensor>& tensors) { return py::tuple(to_list(tensors)); }

}  // namespace

void bind_views(py::module_& m) {
  // Sequence-taking functions and their vararg methods.
  m.def("reshape", [](const Tensor& t, const Shape& shape) { return reshape(t, shape); },
        py::arg("input"), py::arg("shape"));
  def_method("reshape", [](const Tensor& t, py::args shape) {
    return reshape(t, shape_from_args(shape, "reshape"));
  });
  def_method("view", [](const Tensor& t, py::args shape) {
    return view(t, shape_from_args(shape, "view"));
  });
  m.def("permute", [](const Tensor& t, const Shape& dims) { return permute(t, dims); },
        py::arg("input"), py::arg("dims"));
  def_method("permute", [](const Tensor& t, py::args dims) {
    return permute(t, shape_from_args(dims, "permute"));
  });
  def_method("expand", [](const Tensor& t, py::args size) {
    return expand(t, shape_from_args(size, "expand"));
  });
  def_method("expand_as", [](const Tensor& t, const Tensor& other) {
    return expand(t, other.sizes());
  }, py::arg("other"));
  def_method("view_as", [](const Tensor& t, const Tensor& other) {
    return view(t, other.sizes());
  }, py::arg("other"));
  def_method("reshape_as", [](const Tensor& t, const Tensor& other) {
    return reshape(t, other.sizes());
  }, py::arg("other"));
  def_function_and_method(m, "broadcast_to", [](const Tensor& t, const Shape& size) {
    return expand(t, size);
  }, py::arg("size"));

  def_function_and_method(m, "flatten", [](const Tensor& t, int64_t start, int64_t end) {
    return flatten(t, start, end);
  }, py::arg("start_dim") = 0, py::arg("end_dim") = -1);
  def_function_and_method(m, "unflatten", [](const Tensor& t, int64_t dim, const Shape& sizes) {
    return unflatten(t, dim, sizes);
  }, py::arg("dim"), py::arg("sizes"));
  def_function_and_method(m, "squeeze", [](const Tensor& t, py::object dim) {
    if (dim.is_none()) return squeeze(t);
    Shape dims;
    if (!shape_from_object(dim.ptr(), &dims)) {
      throw TypeError("[squeeze] dim must be an int or a tuple of ints");
    }
    return squeeze(t, dims);
  }, py::arg("dim") = py::none());
  def_function_and_method(m, "unsqueeze", [](const Tensor& t, int64_t dim) {
    return unsqueeze(t, dim);
  }, py::arg("dim"));
  def_function_and_method(m, "transpose", [](const Tensor& t, int64_t d0, int64_t d1) {
    return transpose(t, d0, d1);
  }, py::arg("dim0"), py::arg("dim1"));
  def_function_and_method(m, "swapaxes", [](const Tensor& t, int64_t d0, int64_t d1) {
    return transpose(t, d0, d1);
  }, py::arg("axis0"), py::arg("axis1"));
  def_function_and_method(m, "swapdims", [](const Tensor& t, int64_t d0, int64_t d1) {
    return transpose(t, d0, d1);
  }, py::arg("dim0"), py::arg("dim1"));
  def_function_and_method(m, "t", [](const Tensor& x) { return t(x); });
  def_function_and_method(m, "adjoint", [](const Tensor& x) { return matrix_transpose(x); });
  def_function_and_method(m, "narrow", [](const Tensor& t, int64_t dim, int64_t start,
                                          int64_t length) { return narrow(t, dim, start, length); },
                          py::arg("dim"), py::arg("start"), py::arg("length"));
  def_function_and_method(m, "select", [](const Tensor& t, int64_t dim, int64_t index) {
    return select(t, dim, index);
  }, py::arg("dim"), py::arg("index"));
  def_function_and_method(m, "unbind", [](const Tensor& t, int64_t dim) {
    return to_tuple(unbind(t, dim));
  }, py::arg("dim") = 0);
  def_function_and_method(m, "chunk", [](const Tensor& t, int64_t chunks, int64_t dim) {
    return to_tuple(chunk(t, chunks, dim));
  }, py::arg("chunks"), py::arg("dim") = 0);
  def_function_and_method(m, "split", [](const Tensor& t, py::object split_size, int64_t dim) {
    Shape sizes;
    if (PyLong_Check(split_size.ptr())) {
      return to_tuple(split(t, py::cast<int64_t>(split_size), dim));
    }
    if (!shape_from_object(split_size.ptr(), &sizes)) {
      throw TypeError("[split] split_size_or_sections must be an int or a list of ints");
    }
    return to_tuple(split_with_sizes(t, sizes, dim));
  }, py::arg("split_size_or_sections"), py::arg("dim") = 0);
  def_function_and_method(m, "tensor_split", [](const Tensor& t, py::object sections,
                                                int64_t dim) {
    if (PyLong_Check(sections.ptr())) {
      return to_tuple(tensor_split(t, py::cast<int64_t>(sections), dim));
    }
    Shape indices;
    if (!shape_from_object(sections.ptr(), &indices)) {
      throw TypeError("[tensor_split] indices_or_sections must be an int or a list of ints");
    }
    return to_tuple(tensor_split_indices(t, indices, dim));
  }, py::arg("indices_or_sections"), py::arg("dim") = 0);
  def_function_and_method(m, "diagonal", [](const Tensor& t, int64_t offset, int64_t d1,
                                            int64_t d2) { return diagonal(t, offset, d1, d2); },
                          py::arg("offset") = 0, py::arg("dim1") = 0, py::arg("dim2") = 1);
  def_function_and_method(m, "movedim", [](const Tensor& t, py::object src, py::object dst) {
    Shape s, d;
    if (!shape_from_object(src.ptr(), &s) || !shape_from_object(dst.ptr(), &d)) {
      throw TypeError("[movedim] source and destination must be ints or sequences of ints");
    }
    return movedim(t, s, d);
  }, py::arg("source"), py::arg("destination"));
  m.attr("moveaxis") = m.attr("movedim");
  def_method("unfold", [](const Tensor& t, int64_t dim, int64_t size, int64_t step) {
    return unfold(t, dim, size, step);
  }, py::arg("dimension"), py::arg("size"), py::arg("step"));
  def_function_and_method(m, "as_strided", [](const Tensor& t, const Shape& size,
                                              const Shape& stride,
                                              std::optional<int64_t> offset) {
    return as_strided(t, size, stride, offset);
  }, py::arg("size"), py::arg("stride"), py::arg("storage_offset") = py::none());
  def_method("_alias", [](const Tensor& t) { return alias(t); });
}

}  // namespace ember::python
