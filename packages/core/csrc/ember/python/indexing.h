// Tensor.__getitem__ / __setitem__: ints, slices (with steps and negative bounds), None,
// Ellipsis and bools become views; tensor and list indices are advanced indexing.
#pragma once

#include <Python.h>

#include "ember/core/tensor.h"

namespace ember::python {

Tensor tensor_getitem(const Tensor& self, PyObject* index);
void tensor_setitem(const Tensor& self, PyObject* index, PyObject* value);

}  // namespace ember::python
