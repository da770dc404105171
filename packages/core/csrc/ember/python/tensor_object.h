// The Python tensor type, ember.Tensor (_C.TensorBase), written against the CPython API
// so the hot paths (operators, indexing, attribute reads) cost no more than a call.
// A Python object owns one reference to its TensorImpl; the impl points back at the
// object, so the same impl always comes back as the same Python object.
#pragma once

#include <Python.h>

#include "ember/core/tensor.h"

namespace ember::python {

struct TensorObject {
  PyObject_HEAD
  TensorImpl* impl;  // owned reference
  PyObject* dict;    // instance attributes, created on first use
  PyObject* weakrefs;
};

extern PyTypeObject* tensor_type;  // ember.Tensor

inline bool is_tensor(PyObject* obj) { return PyObject_TypeCheck(obj, tensor_type); }
// A new reference to the Python object for `t` (the existing one if it has one).
PyObject* wrap(Tensor t);
// Borrowed: valid while `obj` lives.
inline Tensor unpack(PyObject* obj) {
  return Tensor(intrusive_ptr<TensorImpl>(reinterpret_cast<TensorObject*>(obj)->impl));
}

// Creates the type and adds it to module `m` as TensorBase; returns false on error.
bool init_tensor_type(PyObject* m);
// The Python callable that ember.Tensor(...) (legacy constructor) forwards to.
void set_tensor_new_hook(PyObject* hook);

}  // namespace ember::python
