// Tensor <-> Python values: item(), tolist(), __array_interface__ (NumPy reads it without
// a copy), and ember.tensor / from_numpy / as_tensor.
#pragma once

#include <Python.h>

#include <optional>

#include "ember/core/tensor.h"

namespace ember::python {

PyObject* tensor_item(const Tensor& t);    // new reference
PyObject* tensor_tolist(const Tensor& t);  // new reference
PyObject* array_interface(const Tensor& t);

// ember.tensor(data): nested sequences of numbers (or tensors, or buffer objects) copied
// into a new tensor. dtype Undefined infers it as torch does.
Tensor tensor_from_data(PyObject* data, ScalarType dtype);
// ember.from_numpy: shares memory with any object exporting a strided buffer (NumPy
// arrays); the object stays alive while the tensor does.
Tensor tensor_from_buffer(PyObject* obj);
// The dtype inferred for `data` by ember.tensor.
ScalarType infer_dtype(PyObject* data);

}  // namespace ember::python
