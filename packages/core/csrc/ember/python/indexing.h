// Tensor.__getitem__ / __setitem__: the Python index object becomes TensorIndex items
// (ops/tensor_indexing.h), which apply ints, slices, None and Ellipsis as views and
// tensors, lists and bools as advanced indexing.
#pragma once

#include <Python.h>

#include "ember/core/tensor.h"

namespace ember::python {

Tensor tensor_getitem(const Tensor& self, PyObject* index);
void tensor_setitem(const Tensor& self, PyObject* index, PyObject* value);

}  // namespace ember::python
