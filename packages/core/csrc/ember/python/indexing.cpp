#include "ember/python/indexing.h"

#include <vector>

#include "ember/core/errors.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/fill.h"
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

bool is_advanced(PyObject* obj) {
  return is_tensor(obj) || PyList_Check(obj) ||
         (PySequence_Check(obj) && !PyTuple_Check(obj) && !PyUnicode_Check(obj) &&
          !PySlice_Check(obj));
}

// Dimensions of the indexed tensor an index item consumes.
int64_t consumed_dims(PyObject* item) {
  if (item == Py_None || item == Py_Ellipsis || PyBool_Check(item)) return 0;
  if (is_tensor(item)) {
    const Tensor t = unpack(item);
    return t.dtype() == ScalarType::Bool || t.dtype() == ScalarType::UInt8 ? t.dim() : 1;
  }
  return 1;
}

// Applies basic indexing; returns the view. Advanced items raise NotImplementedError
// until the index ops are in place.
Tensor apply_basic(const Tensor& self, PyObject* index) {
  std::vector<PyObject*> items;
  if (PyTuple_Check(index)) {
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(index); ++i) {
      items.push_back(PyTuple_GET_ITEM(index, i));
    }
  } else {
    items.push_back(index);
  }
  int64_t specified = 0;
  int ellipses = 0;
  for (PyObject* item : items) {
    if (item == Py_Ellipsis) ++ellipses;
    specified += consumed_dims(item);
  }
  EMBER_CHECK_INDEX(ellipses <= 1, "an index can only have a single ellipsis ('...')");
  EMBER_CHECK_INDEX(specified <= self.dim(), "too many indices for tensor of dimension ",
                    self.dim());
  Tensor result = self;
  int64_t dim = 0;
  for (PyObject* item : items) {
    if (is_int_index(item)) {
      const long long i = PyLong_AsLongLong(item);
      if (i == -1 && PyErr_Occurred()) throw pybind11::error_already_set();
      const int64_t size = result.sizes()[dim];
      EMBER_CHECK_INDEX(i >= -size && i < size, "index ", i, " is out of bounds for dimension ",
                        dim, " with size ", size);
      result = select(result, dim, i);
    } else if (PySlice_Check(item)) {
      Py_ssize_t start, stop, step;
      if (PySlice_Unpack(item, &start, &stop, &step) < 0) throw pybind11::error_already_set();
      EMBER_CHECK_VALUE(step > 0, "step must be greater than zero");
      PyObject* s = reinterpret_cast<PySliceObject*>(item)->start;
      PyObject* e = reinterpret_cast<PySliceObject*>(item)->stop;
      result = slice(result, dim, s == Py_None ? std::nullopt : std::optional<int64_t>(start),
                     e == Py_None ? std::nullopt : std::optional<int64_t>(stop), step);
      ++dim;
    } else if (item == Py_None) {
      result = unsqueeze(result, dim);
      ++dim;
    } else if (item == Py_Ellipsis) {
      dim += self.dim() - specified;
    } else if (PyBool_Check(item)) {
      // x[True] adds a dim of size 1; x[False] one of size 0.
      result = unsqueeze(result, dim);
      if (item == Py_False) result = narrow(result, dim, 0, 0);
      ++dim;
    } else if (is_advanced(item)) {
      EMBER_NOT_IMPLEMENTED("[index] indexing with tensors, lists and sequences (advanced "
                            "indexing) is not implemented yet");
    } else {
      throw IndexError(detail::concat(
          "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
          "valid indices (got ", Py_TYPE(item)->tp_name, ")"));
    }
  }
  return result;
}

}  // namespace

Tensor tensor_getitem(const Tensor& self, PyObject* index) {
  if (is_int_index(index)) {  // the common case first
    EMBER_CHECK_INDEX(self.dim() > 0, "invalid index of a 0-dim tensor. Use `tensor.item()` in "
                      "Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
    const long long i = PyLong_AsLongLong(index);
    if (i == -1 && PyErr_Occurred()) throw pybind11::error_already_set();
    const int64_t size = self.sizes()[0];
    EMBER_CHECK_INDEX(i >= -size && i < size, "index ", i, " is out of bounds for dimension 0 "
                      "with size ", size);
    return select(self, 0, i);
  }
  return apply_basic(self, index);
}

void tensor_setitem(const Tensor& self, PyObject* index, PyObject* value) {
  const Tensor target = apply_basic(self, index);
  Scalar s;
  if (is_tensor(value)) {
    copy_(target, unpack(value));
  } else if (scalar_from_object(value, &s)) {
    fill_(target, s);
  } else {
    copy_(target, tensor_from_data(value, self.dtype()));
  }
}

}  // namespace ember::python
