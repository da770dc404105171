// Joining and reordering ops (ops/join.h, ops/reorder.h): cat and its aliases, stack and
// the NumPy-style stacks, atleast_*d, flip, roll, rot90, repeat, tile, repeat_interleave,
// tril/triu and constant_pad_nd. Methods taking sizes accept varargs or one sequence
// (x.repeat(2, 3) or x.repeat((2, 3))), as torch.
#include "ember/core/errors.h"
#include "ember/ops/indexing_utils.h"
#include "ember/ops/join.h"
#include "ember/ops/reorder.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

Tensor maybe_out(const char* op, const std::optional<Tensor>& out, const Tensor& result) {
  return out ? detail::write_out(op, *out, result) : result;
}

// torch.cat's out=: a dtype the inputs cannot be cast to is a TypeError.
Tensor cat_out(const char* op, const std::optional<Tensor>& out, const Tensor& result) {
  if (out && !can_cast(result.dtype(), out->dtype())) {
    throw TypeError(detail::concat("[", op, "] torch.", op,
                                   "(): input types can't be cast to the desired output type ",
                                   scalar_type_name(out->dtype())));
  }
  return maybe_out(op, out, result);
}

Shape shape_from_args(const py::args& args, const char* op) {
  Shape shape;
  if (args.size() == 1 && shape_from_object(args[0].ptr(), &shape)) return shape;
  shape.clear();
  for (const py::handle& item : args) {
    if (!PyIndex_Check(item.ptr()) || PyBool_Check(item.ptr())) {
      throw TypeError(detail::concat("[", op, "] expected a sequence of ints or ints as "
                                     "arguments, got ", Py_TYPE(item.ptr())->tp_name));
    }
    shape.push_back(py::cast<int64_t>(item));
  }
  return shape;
}

// An int or a sequence of ints (roll's shifts and dims, flip's dims).
Shape int_or_ints(const py::object& obj, const char* op, const char* what) {
  Shape out;
  if (!shape_from_object(obj.ptr(), &out)) {
    throw TypeError(detail::concat("[", op, "] ", what, " must be an int or a tuple of ints, "
                                   "got ", Py_TYPE(obj.ptr())->tp_name));
  }
  return out;
}

// atleast_*d(t), atleast_*d(t1, t2, ...) and atleast_*d([t1, t2]).
py::object atleast(const py::args& args, Tensor (*f)(const Tensor&)) {
  if (args.size() == 1 && is_tensor(args[0].ptr())) {
    return py::reinterpret_steal<py::object>(wrap(f(unpack(args[0].ptr()))));
  }
  py::sequence items = args.size() == 1 ? py::reinterpret_borrow<py::sequence>(args[0])
                                        : py::reinterpret_borrow<py::sequence>(args);
  py::tuple out(py::len(items));
  for (size_t i = 0; i < py::len(items); ++i) {
    out[i] = py::reinterpret_steal<py::object>(wrap(f(py::cast<Tensor>(items[i]))));
  }
  return out;
}

}  // namespace

void bind_join(py::module_& m) {
  using Tensors = std::vector<Tensor>;
  m.def("cat", [](const Tensors& t, int64_t dim, std::optional<Tensor> out) {
          return cat_out("cat", out, cat(t, dim));
        }, py::arg("tensors"), py::arg("dim") = 0, py::kw_only(), py::arg("out") = py::none());
  m.def("concat", [](const Tensors& t, int64_t dim, std::optional<Tensor> out) {
          return cat_out("concat", out, cat(t, dim));
        }, py::arg("tensors"), py::arg("dim") = 0, py::kw_only(), py::arg("out") = py::none());
  m.def("concatenate", [](const Tensors& t, int64_t axis, std::optional<Tensor> out) {
          return cat_out("concatenate", out, cat(t, axis));
        }, py::arg("tensors"), py::arg("axis") = 0, py::kw_only(), py::arg("out") = py::none());
  m.def("stack", [](const Tensors& t, int64_t dim, std::optional<Tensor> out) {
          return maybe_out("stack", out, stack(t, dim));
        }, py::arg("tensors"), py::arg("dim") = 0, py::kw_only(), py::arg("out") = py::none());
#define EMBER_BIND_STACK(name, fn)                                                     \
  m.def(name, [](const Tensors& t, std::optional<Tensor> out) {                        \
    return maybe_out(name, out, fn(t));                                                \
  }, py::arg("tensors"), py::kw_only(), py::arg("out") = py::none());
  EMBER_BIND_STACK("hstack", hstack)
  EMBER_BIND_STACK("vstack", vstack)
  EMBER_BIND_STACK("row_stack", vstack)
  EMBER_BIND_STACK("dstack", dstack)
  EMBER_BIND_STACK("column_stack", column_stack)
#undef EMBER_BIND_STACK
  m.def("atleast_1d", [](py::args args) { return atleast(args, atleast_1d); });
  m.def("atleast_2d", [](py::args args) { return atleast(args, atleast_2d); });
  m.def("atleast_3d", [](py::args args) { return atleast(args, atleast_3d); });

  // ---- reordering ----
  m.def("flip", [](const Tensor& t, py::object dims) {
          return flip(t, int_or_ints(dims, "flip", "dims"));
        }, py::arg("input"), py::arg("dims"));
  def_method("flip", [](const Tensor& t, py::args dims) {
    return flip(t, shape_from_args(dims, "flip"));
  });
  def_function_and_method(m, "fliplr", [](const Tensor& t) { return fliplr(t); });
  def_function_and_method(m, "flipud", [](const Tensor& t) { return flipud(t); });
  def_function_and_method(
      m, "roll",
      [](const Tensor& t, py::object shifts, py::object dims) {
        return roll(t, int_or_ints(shifts, "roll", "shifts"),
                    dims.is_none() ? Shape() : int_or_ints(dims, "roll", "dims"));
      },
      py::arg("shifts"), py::arg("dims") = py::none());
  def_function_and_method(
      m, "rot90",
      [](const Tensor& t, int64_t k, const Shape& dims) { return rot90(t, k, dims); },
      py::arg("k") = 1, py::arg("dims") = Shape{0, 1});
  def_method("repeat", [](const Tensor& t, py::args sizes) {
    return repeat(t, shape_from_args(sizes, "repeat"));
  });
  m.def("tile", [](const Tensor& t, const Shape& dims) { return tile(t, dims); },
        py::arg("input"), py::arg("dims"));
  def_method("tile", [](const Tensor& t, py::args dims) {
    return tile(t, shape_from_args(dims, "tile"));
  });

  // repeat_interleave(input, repeats: int | Tensor, dim=None, *, output_size=None) and
  // repeat_interleave(repeats: Tensor, *, output_size=None).
  using OptInt = std::optional<int64_t>;
  def_function_and_method(
      m, "repeat_interleave",
      [](const Tensor& t, const Tensor& repeats, OptInt dim, OptInt output_size) {
        return repeat_interleave(t, repeats, dim, output_size);
      },
      py::arg("repeats"), py::arg("dim") = py::none(), py::kw_only(),
      py::arg("output_size") = py::none());
  def_function_and_method(
      m, "repeat_interleave",
      [](const Tensor& t, int64_t repeats, OptInt dim, OptInt output_size) {
        return repeat_interleave(t, repeats, dim, output_size);
      },
      py::arg("repeats"), py::arg("dim") = py::none(), py::kw_only(),
      py::arg("output_size") = py::none());
  def_function_and_method(
      m, "repeat_interleave",
      [](const Tensor& repeats, OptInt output_size) {
        return repeat_interleave(repeats, output_size);
      },
      py::kw_only(), py::arg("output_size") = py::none());

  def_function_and_method(
      m, "tril",
      [](const Tensor& t, int64_t diagonal, std::optional<Tensor> out) {
        return maybe_out("tril", out, tril(t, diagonal));
      },
      py::arg("diagonal") = 0, py::kw_only(), py::arg("out") = py::none());
  def_function_and_method(
      m, "triu",
      [](const Tensor& t, int64_t diagonal, std::optional<Tensor> out) {
        return maybe_out("triu", out, triu(t, diagonal));
      },
      py::arg("diagonal") = 0, py::kw_only(), py::arg("out") = py::none());
  def_method("tril_", [](const Tensor& t, int64_t d) { return tril_(t, d); },
             py::arg("diagonal") = 0);
  def_method("triu_", [](const Tensor& t, int64_t d) { return triu_(t, d); },
             py::arg("diagonal") = 0);
  m.def("constant_pad_nd", [](const Tensor& t, const Shape& pad, const Scalar& value) {
          return constant_pad_nd(t, pad, value);
        }, py::arg("input"), py::arg("pad"), py::arg("value") = 0);
}

}  // namespace ember::python
