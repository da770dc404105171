// Python index objects -> TensorIndex items (ops/tensor_indexing.h does the indexing):
// ints, slices, None, Ellipsis, bools, tensors, and sequences (lists, NumPy arrays),
// which become index tensors. A non-tuple sequence holding slices, None, Ellipsis,
// tensors or sequences is read as a tuple, as torch still does (NumPy's old heuristic).
#include "ember/python/indexing.h"

#include <vector>

#include "ember/core/errors.h"
#include "ember/ops/tensor_indexing.h"
#include "ember/ops/view.h"
#include "ember/python/casters.h"
#include "ember/python/conversions.h"

namespace ember::python {
namespace {

bool is_int_index(PyObject* obj) {
  if (PyBool_Check(obj)) return false;
  if (PyLong_Check(obj)) return true;
  if (is_tensor(obj)) return false;
  return PyIndex_Check(obj) && !PySequence_Check(obj);
}

int64_t as_int(PyObject* obj) {
  const long long i = PyLong_AsLongLong(obj);
  if (i == -1 && PyErr_Occurred()) throw pybind11::error_already_set();
  return i;
}

// torch's treatSequenceAsTuple.
bool sequence_as_tuple(PyObject* index) {
  if (PyTuple_Check(index)) return true;
  if (is_tensor(index) || !PySequence_Check(index) || PyUnicode_Check(index)) return false;
  const Py_ssize_t n = PySequence_Size(index);
  if (n < 0) {
    PyErr_Clear();
    return false;
  }
  if (n >= 32) return false;
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = PySequence_GetItem(index, i);
    if (!item) {
      PyErr_Clear();
      return false;
    }
    const bool tuple_like = is_tensor(item) || PySequence_Check(item) || PySlice_Check(item) ||
                            item == Py_Ellipsis || item == Py_None;
    Py_DECREF(item);
    if (tuple_like) return true;
  }
  return false;
}

TensorIndex slice_item(PyObject* item) {
  auto* s = reinterpret_cast<PySliceObject*>(item);
  Py_ssize_t start, stop, step;
  if (PySlice_Unpack(item, &start, &stop, &step) < 0) throw pybind11::error_already_set();
  return TensorIndex::slice(s->start == Py_None ? std::nullopt : std::optional<int64_t>(start),
                            s->stop == Py_None ? std::nullopt : std::optional<int64_t>(stop),
                            step);
}

// A sequence (list, NumPy array, ...) used as an index: an int64 or bool tensor.
Tensor sequence_tensor(PyObject* item) {
  Tensor t = tensor_from_data(item, ScalarType::Undefined);
  // An empty list has no element to infer from: it indexes nothing, as int64.
  if (t.numel() == 0 && !is_integral(t.dtype(), /*include_bool=*/true)) {
    t = tensor_from_data(item, ScalarType::Int64);
  }
  return t;
}

TensorIndex to_item(PyObject* item) {
  if (PyBool_Check(item)) return TensorIndex::boolean(item == Py_True);
  if (is_int_index(item)) return TensorIndex::integer(as_int(item));
  if (PySlice_Check(item)) return slice_item(item);
  if (item == Py_None) return TensorIndex::none();
  if (item == Py_Ellipsis) return TensorIndex::ellipsis();
  if (is_tensor(item)) return TensorIndex::tensor(unpack(item));
  if (PySequence_Check(item) && !PyUnicode_Check(item)) {
    return TensorIndex::tensor(sequence_tensor(item));
  }
  throw IndexError(detail::concat(
      "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
      "valid indices (got ", Py_TYPE(item)->tp_name, ")"));
}

std::vector<TensorIndex> to_items(PyObject* index) {
  std::vector<TensorIndex> items;
  if (!sequence_as_tuple(index)) {
    items.push_back(to_item(index));
    return items;
  }
  PyObject* seq = PySequence_Fast(index, "index must be a sequence");
  if (!seq) throw pybind11::error_already_set();
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
  try {
    for (Py_ssize_t i = 0; i < n; ++i) items.push_back(to_item(PySequence_Fast_GET_ITEM(seq, i)));
  } catch (...) {
    Py_DECREF(seq);
    throw;
  }
  Py_DECREF(seq);
  return items;
}

}  // namespace

Tensor tensor_getitem(const Tensor& self, PyObject* index) {
  if (is_int_index(index)) {  // the common case first: a view, no item list
    EMBER_CHECK_INDEX(self.dim() > 0, "invalid index of a 0-dim tensor. Use `tensor.item()` in "
                      "Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
    return select(self, 0, as_int(index));
  }
  return index_get(self, to_items(index));
}

void tensor_setitem(const Tensor& self, PyObject* index, PyObject* value) {
  const std::vector<TensorIndex> items = to_items(index);
  Scalar s;
  if (is_tensor(value)) {
    index_set(self, items, unpack(value));
  } else if (scalar_from_object(value, &s)) {
    index_set(self, items, s);
  } else {
    index_set(self, items, tensor_from_data(value, self.dtype()));
  }
}

}  // namespace ember::python
