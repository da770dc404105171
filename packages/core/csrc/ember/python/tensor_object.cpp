#include "ember/python/tensor_object.h"

#include <structmember.h>

#include "ember/core/errors.h"
#include "ember/ops/binary.h"
#include "ember/ops/complex.h"
#include "ember/ops/fill.h"
#include "ember/ops/copy.h"
#include "ember/ops/linalg.h"
#include "ember/ops/unary.h"
#include "ember/ops/view.h"
#include "ember/python/casters.h"
#include "ember/python/errors.h"
#include "ember/python/indexing.h"
#include "ember/python/conversions.h"

namespace ember::python {

PyTypeObject* tensor_type = nullptr;

PyObject* wrap(Tensor t) {
  if (!t.defined()) Py_RETURN_NONE;
  TensorImpl* impl = t.impl();
  if (PyObject* existing = static_cast<PyObject*>(impl->pyobj())) {
    Py_INCREF(existing);
    return existing;
  }
  PyObject* obj = tensor_type->tp_alloc(tensor_type, 0);
  if (!obj) return nullptr;
  auto* self = reinterpret_cast<TensorObject*>(obj);
  self->impl = intrusive_ptr<TensorImpl>(t.impl_ptr()).release();
  impl->set_pyobj(obj);
  return obj;
}

namespace {

TensorObject* as_object(PyObject* obj) { return reinterpret_cast<TensorObject*>(obj); }
Tensor self_tensor(PyObject* obj) { return unpack(obj); }

void tensor_dealloc(PyObject* obj) {
  TensorObject* self = as_object(obj);
  PyObject_GC_UnTrack(obj);
  if (self->weakrefs) PyObject_ClearWeakRefs(obj);
  Py_CLEAR(self->dict);
  if (self->impl) {
    if (self->impl->pyobj() == obj) self->impl->set_pyobj(nullptr);
    intrusive_ptr<TensorImpl>::reclaim(self->impl);  // drops our reference
    self->impl = nullptr;
  }
  PyTypeObject* type = Py_TYPE(obj);
  type->tp_free(obj);
  Py_DECREF(type);  // heap type instances own a reference to their type
}

int tensor_traverse(PyObject* obj, visitproc visit, void* arg) {
  Py_VISIT(as_object(obj)->dict);
  Py_VISIT(Py_TYPE(obj));
  return 0;
}

int tensor_clear(PyObject* obj) {
  Py_CLEAR(as_object(obj)->dict);
  return 0;
}

PyObject* tensor_new_hook = nullptr;  // ember._tensor_ctor.new_tensor(cls, *args, **kwargs)

PyObject* tensor_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  if (tensor_new_hook == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "ember.Tensor's constructor is not initialized");
    return nullptr;
  }
  PyObject* full_args = PyTuple_New(PyTuple_GET_SIZE(args) + 1);
  Py_INCREF(type);
  PyTuple_SET_ITEM(full_args, 0, reinterpret_cast<PyObject*>(type));
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); ++i) {
    PyObject* item = PyTuple_GET_ITEM(args, i);
    Py_INCREF(item);
    PyTuple_SET_ITEM(full_args, i + 1, item);
  }
  PyObject* out = PyObject_Call(tensor_new_hook, full_args, kwargs);
  Py_DECREF(full_args);
  return out;
}

// ---- attributes ------------------------------------------------------------------------

PyObject* get_shape(PyObject* obj, void*) { return size_object(self_tensor(obj).sizes()); }
PyObject* get_dtype(PyObject* obj, void*) {
  PyObject* d = dtype_object(self_tensor(obj).dtype());
  Py_INCREF(d);
  return d;
}
PyObject* get_device(PyObject* obj, void*) { return device_object(self_tensor(obj).device()); }
PyObject* get_ndim(PyObject* obj, void*) { return PyLong_FromLongLong(self_tensor(obj).dim()); }
PyObject* get_is_cuda(PyObject*, void*) { Py_RETURN_FALSE; }
PyObject* get_is_meta(PyObject* obj, void*) {
  return PyBool_FromLong(self_tensor(obj).device().is_meta());
}
PyObject* get_is_cpu(PyObject* obj, void*) {
  return PyBool_FromLong(self_tensor(obj).device().is_cpu());
}
PyObject* get_itemsize(PyObject* obj, void*) {
  return PyLong_FromSize_t(self_tensor(obj).itemsize());
}
PyObject* get_nbytes(PyObject* obj, void*) {
  const Tensor t = self_tensor(obj);
  return PyLong_FromLongLong(t.numel() * static_cast<int64_t>(t.itemsize()));
}
PyObject* get_T(PyObject* obj, void*) {
  EMBER_PY_TRY
  const Tensor t = self_tensor(obj);
  Shape dims(static_cast<size_t>(t.dim()));
  for (int64_t i = 0; i < t.dim(); ++i) dims[i] = t.dim() - 1 - i;
  return wrap(permute(t, dims));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* get_mT(PyObject* obj, void*) {
  EMBER_PY_TRY
  return wrap(matrix_transpose(self_tensor(obj)));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* get_real(PyObject* obj, void*) {
  EMBER_PY_TRY
  return wrap(real(self_tensor(obj)));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* get_imag(PyObject* obj, void*) {
  EMBER_PY_TRY
  return wrap(imag(self_tensor(obj)));
  EMBER_PY_CATCH(return nullptr)
}
// x.real = v and x.imag = v write v (a tensor or a number) into that part.
int set_part(PyObject* obj, PyObject* value, bool imaginary) {
  EMBER_PY_TRY
  if (value == nullptr) {
    PyErr_SetString(PyExc_TypeError, "can't delete a tensor's real or imaginary part");
    return -1;
  }
  const Tensor self = self_tensor(obj);
  const Tensor part = imaginary ? imag(self) : real(self);
  if (is_tensor(value)) {
    copy_(part, unpack(value));
  } else {
    Scalar s;
    if (!scalar_from_object(value, &s)) {
      PyErr_SetString(PyExc_TypeError, "expected a tensor or a number");
      return -1;
    }
    fill_(part, s);
  }
  return 0;
  EMBER_PY_CATCH(return -1)
}
int set_real(PyObject* obj, PyObject* value, void*) { return set_part(obj, value, false); }
int set_imag(PyObject* obj, PyObject* value, void*) { return set_part(obj, value, true); }
PyObject* get_data(PyObject* obj, void*) {
  EMBER_PY_TRY
  // A new tensor sharing storage but not the version counter (torch's .data).
  const Tensor t = self_tensor(obj);
  auto impl = intrusive_ptr<TensorImpl>::make(t.storage(), t.dtype(), t.sizes(), t.strides(),
                                              t.storage_offset());
  impl->detach_version_counter();
  return wrap(Tensor(std::move(impl)));
  EMBER_PY_CATCH(return nullptr)
}
int set_data(PyObject* obj, PyObject* value, void*) {
  EMBER_PY_TRY
  if (value == nullptr || !is_tensor(value)) {
    PyErr_SetString(PyExc_TypeError, "Tensor.data must be set to a Tensor");
    return -1;
  }
  const Tensor src = unpack(value);
  const Tensor self = self_tensor(obj);
  if (src.dtype() == self.dtype()) {
    // Same dtype: the impl itself takes the other's storage and layout, so its autograd
    // state (requires_grad, .grad, hooks) and every handle to it (the graph's) stay.
    self.impl()->set_storage(src.storage());
    self.impl()->set_sizes_strides(src.sizes(), src.strides(), src.storage_offset());
    return 0;
  }
  // Swap in the other tensor's storage and metadata, keeping this object's identity.
  auto impl = intrusive_ptr<TensorImpl>::make(src.storage(), src.dtype(), src.sizes(),
                                              src.strides(), src.storage_offset());
  impl->set_pyobj(obj);
  TensorObject* self_obj = as_object(obj);
  intrusive_ptr<TensorImpl> old = intrusive_ptr<TensorImpl>::reclaim(self_obj->impl);
  impl->set_autograd_meta(old->release_autograd_meta());
  old->set_pyobj(nullptr);
  self_obj->impl = impl.release();
  return 0;
  EMBER_PY_CATCH(return -1)
}
PyObject* get_array_interface(PyObject* obj, void*) {
  EMBER_PY_TRY
  return array_interface(self_tensor(obj));
  EMBER_PY_CATCH(return nullptr)
}

PyGetSetDef tensor_getset[] = {
    {"shape", get_shape, nullptr, nullptr, nullptr},
    {"dtype", get_dtype, nullptr, nullptr, nullptr},
    {"device", get_device, nullptr, nullptr, nullptr},
    {"ndim", get_ndim, nullptr, nullptr, nullptr},
    {"is_cuda", get_is_cuda, nullptr, nullptr, nullptr},
    {"is_meta", get_is_meta, nullptr, nullptr, nullptr},
    {"is_cpu", get_is_cpu, nullptr, nullptr, nullptr},
    {"itemsize", get_itemsize, nullptr, nullptr, nullptr},
    {"nbytes", get_nbytes, nullptr, nullptr, nullptr},
    {"T", get_T, nullptr, nullptr, nullptr},
    {"mT", get_mT, nullptr, nullptr, nullptr},
    {"data", get_data, set_data, nullptr, nullptr},
    {"real", get_real, set_real, nullptr, nullptr},
    {"imag", get_imag, set_imag, nullptr, nullptr},
    {"__array_interface__", get_array_interface, nullptr, nullptr, nullptr},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// ---- methods implemented here (the rest come from ops bindings) -----------------------

PyObject* m_dim(PyObject* obj, PyObject*) { return PyLong_FromLongLong(self_tensor(obj).dim()); }
PyObject* m_numel(PyObject* obj, PyObject*) {
  return PyLong_FromLongLong(self_tensor(obj).numel());
}
PyObject* m_size(PyObject* obj, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  const Tensor t = self_tensor(obj);
  PyObject* dim = nargs > 0 ? args[0] : nullptr;
  if (kwnames && PyTuple_GET_SIZE(kwnames) == 1) dim = args[nargs];
  if (dim == nullptr || dim == Py_None) return size_object(t.sizes());
  const long long d = PyLong_AsLongLong(dim);
  if (d == -1 && PyErr_Occurred()) return nullptr;
  return PyLong_FromLongLong(t.size(d));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* m_stride(PyObject* obj, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  EMBER_PY_TRY
  const Tensor t = self_tensor(obj);
  PyObject* dim = nargs > 0 ? args[0] : nullptr;
  if (kwnames && PyTuple_GET_SIZE(kwnames) == 1) dim = args[nargs];
  if (dim == nullptr || dim == Py_None) {
    PyObject* tuple = PyTuple_New(t.dim());
    for (int64_t i = 0; i < t.dim(); ++i) {
      PyTuple_SET_ITEM(tuple, i, PyLong_FromLongLong(t.strides()[i]));
    }
    return tuple;
  }
  const long long d = PyLong_AsLongLong(dim);
  if (d == -1 && PyErr_Occurred()) return nullptr;
  return PyLong_FromLongLong(t.stride(d));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* m_is_contiguous(PyObject* obj, PyObject* const*, Py_ssize_t, PyObject*) {
  return PyBool_FromLong(self_tensor(obj).is_contiguous());
}
PyObject* m_storage_offset(PyObject* obj, PyObject*) {
  return PyLong_FromLongLong(self_tensor(obj).storage_offset());
}
PyObject* m_data_ptr(PyObject* obj, PyObject*) {
  return PyLong_FromVoidPtr(self_tensor(obj).data_ptr());
}
PyObject* m_element_size(PyObject* obj, PyObject*) {
  return PyLong_FromSize_t(self_tensor(obj).itemsize());
}
PyObject* m_item(PyObject* obj, PyObject*) {
  EMBER_PY_TRY
  return tensor_item(self_tensor(obj));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* m_tolist(PyObject* obj, PyObject*) {
  EMBER_PY_TRY
  return tensor_tolist(self_tensor(obj));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* m_version(PyObject* obj, void*) {
  return PyLong_FromUnsignedLong(self_tensor(obj).version());
}

PyMethodDef tensor_methods[] = {
    {"dim", m_dim, METH_NOARGS, "Number of dimensions."},
    {"ndimension", m_dim, METH_NOARGS, "Number of dimensions."},
    {"numel", m_numel, METH_NOARGS, "Number of elements."},
    {"nelement", m_numel, METH_NOARGS, "Number of elements."},
    {"size", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(m_size)),
     METH_FASTCALL | METH_KEYWORDS, "size(dim=None): the shape, or one dimension's size."},
    {"stride", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(m_stride)),
     METH_FASTCALL | METH_KEYWORDS, "stride(dim=None): strides in elements."},
    {"is_contiguous", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(m_is_contiguous)),
     METH_FASTCALL | METH_KEYWORDS, "Whether the tensor is contiguous in row-major order."},
    {"storage_offset", m_storage_offset, METH_NOARGS, "Offset into the storage, in elements."},
    {"data_ptr", m_data_ptr, METH_NOARGS, "Address of the first element."},
    {"element_size", m_element_size, METH_NOARGS, "Bytes per element."},
    {"item", m_item, METH_NOARGS, "The value of a one-element tensor as a Python number."},
    {"tolist", m_tolist, METH_NOARGS, "Nested lists of Python numbers."},
    {nullptr, nullptr, 0, nullptr},
};

PyGetSetDef version_getset = {"_version", m_version, nullptr, nullptr, nullptr};

// ---- operators ---------------------------------------------------------------------------

template <typename TT, typename TS, typename ST>
PyObject* binary_slot(PyObject* a, PyObject* b, TT tt, TS ts, ST st) {
  EMBER_PY_TRY
  Scalar s;
  if (is_tensor(a)) {
    if (is_tensor(b)) return wrap(tt(unpack(a), unpack(b)));
    if (scalar_from_object(b, &s)) return wrap(ts(unpack(a), s));
  } else if (is_tensor(b) && scalar_from_object(a, &s)) {
    return wrap(st(s, unpack(b)));
  }
  Py_RETURN_NOTIMPLEMENTED;
  EMBER_PY_CATCH(return nullptr)
}

template <typename TT, typename TS>
PyObject* inplace_slot(PyObject* a, PyObject* b, TT tt, TS ts) {
  EMBER_PY_TRY
  Scalar s;
  if (is_tensor(b)) {
    tt(unpack(a), unpack(b));
  } else if (scalar_from_object(b, &s)) {
    ts(unpack(a), s);
  } else {
    Py_RETURN_NOTIMPLEMENTED;
  }
  Py_INCREF(a);
  return a;
  EMBER_PY_CATCH(return nullptr)
}

#define EMBER_BINARY_SLOT(slot, fn)                                                        \
  PyObject* slot(PyObject* a, PyObject* b) {                                               \
    return binary_slot(                                                                    \
        a, b, [](const Tensor& x, const Tensor& y) { return fn(x, y); },                   \
        [](const Tensor& x, const Scalar& y) { return fn(x, y); },                         \
        [](const Scalar& x, const Tensor& y) { return fn(x, y); });                        \
  }
#define EMBER_INPLACE_SLOT(slot, fn)                                                       \
  PyObject* slot(PyObject* a, PyObject* b) {                                               \
    return inplace_slot(                                                                   \
        a, b, [](const Tensor& x, const Tensor& y) { fn(x, y); },                          \
        [](const Tensor& x, const Scalar& y) { fn(x, y); });                               \
  }

Tensor add2(const Tensor& a, const Tensor& b) { return add(a, b); }
Tensor add2(const Tensor& a, const Scalar& b) { return add(a, b); }
Tensor add2(const Scalar& a, const Tensor& b) { return add(b, a); }
Tensor sub2(const Tensor& a, const Tensor& b) { return sub(a, b); }
Tensor sub2(const Tensor& a, const Scalar& b) { return sub(a, b); }
Tensor sub2(const Scalar& a, const Tensor& b) { return sub(a, b); }
void add2_(const Tensor& a, const Tensor& b) { add_inplace(a, b); }
void add2_(const Tensor& a, const Scalar& b) { add_inplace(a, b); }
void sub2_(const Tensor& a, const Tensor& b) { sub_inplace(a, b); }
void sub2_(const Tensor& a, const Scalar& b) { sub_inplace(a, b); }

EMBER_BINARY_SLOT(nb_add, add2)
EMBER_BINARY_SLOT(nb_sub, sub2)
EMBER_BINARY_SLOT(nb_mul, mul)
EMBER_BINARY_SLOT(nb_truediv, div)
EMBER_BINARY_SLOT(nb_floordiv, floor_divide)
EMBER_BINARY_SLOT(nb_remainder, remainder)
EMBER_BINARY_SLOT(nb_and, bitwise_and)
EMBER_BINARY_SLOT(nb_or, bitwise_or)
EMBER_BINARY_SLOT(nb_xor, bitwise_xor)
EMBER_BINARY_SLOT(nb_lshift, bitwise_left_shift)
EMBER_BINARY_SLOT(nb_rshift, bitwise_right_shift)
EMBER_INPLACE_SLOT(nb_inplace_add, add2_)
EMBER_INPLACE_SLOT(nb_inplace_sub, sub2_)
EMBER_INPLACE_SLOT(nb_inplace_mul, mul_inplace)
EMBER_INPLACE_SLOT(nb_inplace_truediv, div_inplace)
EMBER_INPLACE_SLOT(nb_inplace_floordiv, floor_divide_inplace)
EMBER_INPLACE_SLOT(nb_inplace_remainder, remainder_inplace)
EMBER_INPLACE_SLOT(nb_inplace_and, bitwise_and_inplace)
EMBER_INPLACE_SLOT(nb_inplace_or, bitwise_or_inplace)
EMBER_INPLACE_SLOT(nb_inplace_xor, bitwise_xor_inplace)
EMBER_INPLACE_SLOT(nb_inplace_lshift, bitwise_left_shift_inplace)
EMBER_INPLACE_SLOT(nb_inplace_rshift, bitwise_right_shift_inplace)

PyObject* nb_power(PyObject* a, PyObject* b, PyObject*) {
  return binary_slot(
      a, b, [](const Tensor& x, const Tensor& y) { return pow(x, y); },
      [](const Tensor& x, const Scalar& y) { return pow(x, y); },
      [](const Scalar& x, const Tensor& y) { return pow(x, y); });
}
PyObject* nb_inplace_power(PyObject* a, PyObject* b, PyObject*) {
  return inplace_slot(
      a, b, [](const Tensor& x, const Tensor& y) { pow_inplace(x, y); },
      [](const Tensor& x, const Scalar& y) { pow_inplace(x, y); });
}

// `@`: tensors only (a number operand gives NotImplemented, hence TypeError, as torch).
// There is deliberately no in-place slot: torch has no Tensor.__imatmul__, so `a @= b`
// rebinds a to a new tensor there, and here too.
PyObject* nb_matrix_multiply(PyObject* a, PyObject* b) {
  EMBER_PY_TRY
  if (!is_tensor(a) || !is_tensor(b)) Py_RETURN_NOTIMPLEMENTED;
  return wrap(matmul(unpack(a), unpack(b)));
  EMBER_PY_CATCH(return nullptr)
}

PyObject* nb_negative(PyObject* a) {
  EMBER_PY_TRY
  EMBER_CHECK_TYPE(unpack(a).dtype() != ScalarType::Bool,
                   "Negation, the `-` operator, on a bool tensor is not supported. If you are "
                   "trying to invert a mask, use the `~` or `logical_not()` operator instead.");
  return wrap(neg(unpack(a)));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* nb_positive(PyObject* a) {
  EMBER_PY_TRY
  return wrap(positive(unpack(a)));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* nb_absolute(PyObject* a) {
  EMBER_PY_TRY
  return wrap(abs(unpack(a)));
  EMBER_PY_CATCH(return nullptr)
}
PyObject* nb_invert(PyObject* a) {
  EMBER_PY_TRY
  const Tensor t = unpack(a);
  EMBER_CHECK_TYPE(is_integral(t.dtype(), /*include_bool=*/true),
                   "[bitwise_not] ~ (bitwise_not) is only supported for integer and bool "
                   "tensors, got ", scalar_type_name(t.dtype()));
  return wrap(bitwise_not(t));
  EMBER_PY_CATCH(return nullptr)
}

PyObject* one_element(PyObject* a, const char* what) {
  const Tensor t = unpack(a);
  if (t.numel() != 1) {
    PyErr_Format(PyExc_RuntimeError, "%s", what);
    return nullptr;
  }
  return tensor_item(t);
}

int nb_bool(PyObject* a) {
  EMBER_PY_TRY
  PyObject* v = one_element(a, "Boolean value of Tensor with more than one value is ambiguous");
  if (!v) return -1;
  const int truth = PyObject_IsTrue(v);
  Py_DECREF(v);
  return truth;
  EMBER_PY_CATCH(return -1)
}
PyObject* nb_int(PyObject* a) {
  EMBER_PY_TRY
  PyObject* v = one_element(a, "only one element tensors can be converted to Python scalars");
  if (!v) return nullptr;
  PyObject* out = PyNumber_Long(v);
  Py_DECREF(v);
  return out;
  EMBER_PY_CATCH(return nullptr)
}
PyObject* nb_float(PyObject* a) {
  EMBER_PY_TRY
  PyObject* v = one_element(a, "only one element tensors can be converted to Python scalars");
  if (!v) return nullptr;
  PyObject* out = PyNumber_Float(v);
  Py_DECREF(v);
  return out;
  EMBER_PY_CATCH(return nullptr)
}
PyObject* nb_index(PyObject* a) {
  EMBER_PY_TRY
  const Tensor t = unpack(a);
  if (t.numel() != 1 || !is_integral(t.dtype(), /*include_bool=*/true)) {
    PyErr_SetString(PyExc_TypeError,
                    "only integer tensors of a single element can be converted to an index");
    return nullptr;
  }
  PyObject* v = tensor_item(t);
  if (!v) return nullptr;
  PyObject* out = PyNumber_Index(v);
  Py_DECREF(v);
  return out;
  EMBER_PY_CATCH(return nullptr)
}

PyObject* richcompare(PyObject* a, PyObject* b, int op) {
  switch (op) {
    case Py_EQ:
      return binary_slot(
          a, b, [](const Tensor& x, const Tensor& y) { return eq(x, y); },
          [](const Tensor& x, const Scalar& y) { return eq(x, y); },
          [](const Scalar& x, const Tensor& y) { return eq(y, x); });
    case Py_NE:
      return binary_slot(
          a, b, [](const Tensor& x, const Tensor& y) { return ne(x, y); },
          [](const Tensor& x, const Scalar& y) { return ne(x, y); },
          [](const Scalar& x, const Tensor& y) { return ne(y, x); });
    case Py_LT:
      return binary_slot(
          a, b, [](const Tensor& x, const Tensor& y) { return lt(x, y); },
          [](const Tensor& x, const Scalar& y) { return lt(x, y); },
          [](const Scalar& x, const Tensor& y) { return gt(y, x); });
    case Py_LE:
      return binary_slot(
          a, b, [](const Tensor& x, const Tensor& y) { return le(x, y); },
          [](const Tensor& x, const Scalar& y) { return le(x, y); },
          [](const Scalar& x, const Tensor& y) { return ge(y, x); });
    case Py_GT:
      return binary_slot(
          a, b, [](const Tensor& x, const Tensor& y) { return gt(x, y); },
          [](const Tensor& x, const Scalar& y) { return gt(x, y); },
          [](const Scalar& x, const Tensor& y) { return lt(y, x); });
    case Py_GE:
      return binary_slot(
          a, b, [](const Tensor& x, const Tensor& y) { return ge(x, y); },
          [](const Tensor& x, const Scalar& y) { return ge(x, y); },
          [](const Scalar& x, const Tensor& y) { return le(y, x); });
  }
  Py_RETURN_NOTIMPLEMENTED;
}

Py_hash_t tensor_hash(PyObject* a) {
  // Identity hash, as torch: tensors compare elementwise, so equality cannot define it.
  const auto bits = reinterpret_cast<uintptr_t>(a);
  return static_cast<Py_hash_t>((bits >> 4) | (bits << (8 * sizeof(bits) - 4)));
}

Py_ssize_t mp_length(PyObject* a) {
  const Tensor t = unpack(a);
  if (t.dim() == 0) {
    PyErr_SetString(PyExc_TypeError, "len() of a 0-d tensor");
    return -1;
  }
  return static_cast<Py_ssize_t>(t.sizes()[0]);
}

PyObject* mp_subscript(PyObject* a, PyObject* index) {
  EMBER_PY_TRY
  return wrap(tensor_getitem(unpack(a), index));
  EMBER_PY_CATCH(return nullptr)
}
int mp_ass_subscript(PyObject* a, PyObject* index, PyObject* value) {
  EMBER_PY_TRY
  if (value == nullptr) {
    PyErr_SetString(PyExc_TypeError, "Tensor does not support deleting items");
    return -1;
  }
  tensor_setitem(unpack(a), index, value);
  return 0;
  EMBER_PY_CATCH(return -1)
}

PyMemberDef tensor_members[] = {
    {"__weaklistoffset__", T_PYSSIZET, offsetof(TensorObject, weakrefs), READONLY, nullptr},
    {"__dictoffset__", T_PYSSIZET, offsetof(TensorObject, dict), READONLY, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

}  // namespace

bool init_tensor_type(PyObject* m) {
  static PyGetSetDef getset[sizeof(tensor_getset) / sizeof(PyGetSetDef) + 1];
  size_t n = 0;
  while (tensor_getset[n].name) {
    getset[n] = tensor_getset[n];
    ++n;
  }
  getset[n++] = version_getset;
  getset[n] = {nullptr, nullptr, nullptr, nullptr, nullptr};

  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void*>(tensor_dealloc)},
      {Py_tp_traverse, reinterpret_cast<void*>(tensor_traverse)},
      {Py_tp_clear, reinterpret_cast<void*>(tensor_clear)},
      {Py_tp_new, reinterpret_cast<void*>(tensor_new)},
      {Py_tp_getset, getset},
      {Py_tp_methods, tensor_methods},
      {Py_tp_members, tensor_members},
      {Py_tp_richcompare, reinterpret_cast<void*>(richcompare)},
      {Py_tp_hash, reinterpret_cast<void*>(tensor_hash)},
      {Py_nb_add, reinterpret_cast<void*>(nb_add)},
      {Py_nb_subtract, reinterpret_cast<void*>(nb_sub)},
      {Py_nb_multiply, reinterpret_cast<void*>(nb_mul)},
      {Py_nb_true_divide, reinterpret_cast<void*>(nb_truediv)},
      {Py_nb_floor_divide, reinterpret_cast<void*>(nb_floordiv)},
      {Py_nb_remainder, reinterpret_cast<void*>(nb_remainder)},
      {Py_nb_power, reinterpret_cast<void*>(nb_power)},
      {Py_nb_and, reinterpret_cast<void*>(nb_and)},
      {Py_nb_or, reinterpret_cast<void*>(nb_or)},
      {Py_nb_xor, reinterpret_cast<void*>(nb_xor)},
      {Py_nb_lshift, reinterpret_cast<void*>(nb_lshift)},
      {Py_nb_rshift, reinterpret_cast<void*>(nb_rshift)},
      {Py_nb_inplace_add, reinterpret_cast<void*>(nb_inplace_add)},
      {Py_nb_inplace_subtract, reinterpret_cast<void*>(nb_inplace_sub)},
      {Py_nb_inplace_multiply, reinterpret_cast<void*>(nb_inplace_mul)},
      {Py_nb_inplace_true_divide, reinterpret_cast<void*>(nb_inplace_truediv)},
      {Py_nb_inplace_floor_divide, reinterpret_cast<void*>(nb_inplace_floordiv)},
      {Py_nb_inplace_remainder, reinterpret_cast<void*>(nb_inplace_remainder)},
      {Py_nb_inplace_power, reinterpret_cast<void*>(nb_inplace_power)},
      {Py_nb_inplace_and, reinterpret_cast<void*>(nb_inplace_and)},
      {Py_nb_inplace_or, reinterpret_cast<void*>(nb_inplace_or)},
      {Py_nb_inplace_xor, reinterpret_cast<void*>(nb_inplace_xor)},
      {Py_nb_inplace_lshift, reinterpret_cast<void*>(nb_inplace_lshift)},
      {Py_nb_inplace_rshift, reinterpret_cast<void*>(nb_inplace_rshift)},
      {Py_nb_matrix_multiply, reinterpret_cast<void*>(nb_matrix_multiply)},
      {Py_nb_negative, reinterpret_cast<void*>(nb_negative)},
      {Py_nb_positive, reinterpret_cast<void*>(nb_positive)},
      {Py_nb_absolute, reinterpret_cast<void*>(nb_absolute)},
      {Py_nb_invert, reinterpret_cast<void*>(nb_invert)},
      {Py_nb_bool, reinterpret_cast<void*>(nb_bool)},
      {Py_nb_int, reinterpret_cast<void*>(nb_int)},
      {Py_nb_float, reinterpret_cast<void*>(nb_float)},
      {Py_nb_index, reinterpret_cast<void*>(nb_index)},
      {Py_mp_length, reinterpret_cast<void*>(mp_length)},
      {Py_mp_subscript, reinterpret_cast<void*>(mp_subscript)},
      {Py_mp_ass_subscript, reinterpret_cast<void*>(mp_ass_subscript)},
      {Py_tp_doc, const_cast<char*>("A multi-dimensional array with autograd support.")},
      {0, nullptr},
  };
  static PyType_Spec spec = {
      "ember.Tensor", sizeof(TensorObject), 0,
      Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, slots};
  PyObject* type = PyType_FromSpec(&spec);
  if (!type) return false;
  tensor_type = reinterpret_cast<PyTypeObject*>(type);
  Py_INCREF(type);
  if (PyModule_AddObject(m, "TensorBase", type) < 0) return false;
  return true;
}

void set_tensor_new_hook(PyObject* hook) {
  Py_XINCREF(hook);
  Py_XDECREF(tensor_new_hook);
  tensor_new_hook = hook;
}

}  // namespace ember::python
