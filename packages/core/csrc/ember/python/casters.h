// pybind11 conversions for the core's types, so bindings read like the C++ API:
// Tensor <-> ember.Tensor, ScalarType <-> ember.dtype (also Python's float, int, bool,
// complex), Device <-> ember.device or a string, Scalar <-> Python numbers, Shape <-
// any sequence of ints.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "ember/core/device.h"
#include "ember/core/scalar.h"
#include "ember/core/small_vector.h"
#include "ember/core/tensor.h"
#include "ember/python/tensor_object.h"

namespace ember::python {

// The ember.dtype object for `t` (borrowed, immortal), and back.
PyObject* dtype_object(ScalarType t);
bool dtype_from_object(PyObject* obj, ScalarType* out);
PyObject* device_object(Device d);  // new reference
bool device_from_object(PyObject* obj, Device* out);
// Python number (bool, int, float, complex, NumPy scalar, 0-d tensor) -> Scalar.
bool scalar_from_object(PyObject* obj, Scalar* out);
PyObject* scalar_to_object(const Scalar& s);  // new reference
// Sequence of ints (or one int) -> Shape; false with no Python error set if not one.
bool shape_from_object(PyObject* obj, Shape* out);
// ember.Size for `shape` (new reference).
PyObject* size_object(const Shape& shape);

}  // namespace ember::python

namespace pybind11::detail {

template <>
struct type_caster<ember::Tensor> {
  PYBIND11_TYPE_CASTER(ember::Tensor, const_name("Tensor"));
  bool load(handle src, bool) {
    if (!ember::python::is_tensor(src.ptr())) return false;
    value = ember::python::unpack(src.ptr());
    return true;
  }
  static handle cast(const ember::Tensor& t, return_value_policy, handle) {
    if (!t.defined()) return none().release();
    return ember::python::wrap(t);
  }
};

template <>
struct type_caster<ember::ScalarType> {
  PYBIND11_TYPE_CASTER(ember::ScalarType, const_name("dtype"));
  bool load(handle src, bool) { return ember::python::dtype_from_object(src.ptr(), &value); }
  static handle cast(ember::ScalarType t, return_value_policy, handle) {
    PyObject* obj = ember::python::dtype_object(t);
    Py_XINCREF(obj);
    return obj;
  }
};

template <>
struct type_caster<ember::Device> {
  PYBIND11_TYPE_CASTER(ember::Device, const_name("device"));
  bool load(handle src, bool) { return ember::python::device_from_object(src.ptr(), &value); }
  static handle cast(ember::Device d, return_value_policy, handle) {
    return ember::python::device_object(d);
  }
};

template <>
struct type_caster<ember::Scalar> {
  PYBIND11_TYPE_CASTER(ember::Scalar, const_name("Number"));
  bool load(handle src, bool) { return ember::python::scalar_from_object(src.ptr(), &value); }
  static handle cast(const ember::Scalar& s, return_value_policy, handle) {
    return ember::python::scalar_to_object(s);
  }
};

template <>
struct type_caster<ember::Shape> {
  PYBIND11_TYPE_CASTER(ember::Shape, const_name("Sequence[int]"));
  bool load(handle src, bool) { return ember::python::shape_from_object(src.ptr(), &value); }
  static handle cast(const ember::Shape& s, return_value_policy, handle) {
    return ember::python::size_object(s);
  }
};

}  // namespace pybind11::detail
