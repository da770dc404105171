// ember.dtype and ember.device: small immutable CPython types, plus the conversions in
// casters.h.
#include <array>
#include <string>

#include "ember/core/errors.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"
#include "ember/python/errors.h"

namespace ember::python {
namespace {

// ---- dtype ---------------------------------------------------------------------------

struct DTypeObject {
  PyObject_HEAD
  ScalarType type;
};

PyTypeObject* dtype_type = nullptr;
std::array<PyObject*, kNumScalarTypes> dtype_objects{};

PyObject* dtype_repr(PyObject* self) {
  return PyUnicode_FromFormat("ember.%s",
                              scalar_type_name(reinterpret_cast<DTypeObject*>(self)->type));
}

PyObject* dtype_reduce(PyObject* self, PyObject*) {
  // Pickled as the name of the module attribute (ember.float32).
  return PyUnicode_FromString(scalar_type_name(reinterpret_cast<DTypeObject*>(self)->type));
}

ScalarType dtype_of(PyObject* self) { return reinterpret_cast<DTypeObject*>(self)->type; }

PyObject* dtype_is_floating_point(PyObject* self, void*) {
  return PyBool_FromLong(is_floating(dtype_of(self)));
}
PyObject* dtype_is_complex(PyObject* self, void*) {
  return PyBool_FromLong(is_complex(dtype_of(self)));
}
PyObject* dtype_is_signed(PyObject* self, void*) {
  return PyBool_FromLong(is_signed(dtype_of(self)));
}
PyObject* dtype_itemsize(PyObject* self, void*) {
  return PyLong_FromSize_t(element_size(dtype_of(self)));
}
PyObject* dtype_to_real(PyObject* self, PyObject*) {
  PyObject* out = dtype_object(to_real(dtype_of(self)));
  Py_INCREF(out);
  return out;
}
PyObject* dtype_to_complex(PyObject* self, PyObject*) {
  EMBER_PY_TRY
  PyObject* out = dtype_object(to_complex(dtype_of(self)));
  Py_INCREF(out);
  return out;
  EMBER_PY_CATCH(return nullptr)
}

PyGetSetDef dtype_getset[] = {
    {"is_floating_point", dtype_is_floating_point, nullptr, nullptr, nullptr},
    {"is_complex", dtype_is_complex, nullptr, nullptr, nullptr},
    {"is_signed", dtype_is_signed, nullptr, nullptr, nullptr},
    {"itemsize", dtype_itemsize, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
PyMethodDef dtype_methods[] = {
    {"__reduce__", dtype_reduce, METH_NOARGS, nullptr},
    {"to_real", dtype_to_real, METH_NOARGS, nullptr},
    {"to_complex", dtype_to_complex, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
PyType_Slot dtype_slots[] = {
    {Py_tp_repr, reinterpret_cast<void*>(dtype_repr)},
    {Py_tp_getset, dtype_getset},
    {Py_tp_methods, dtype_methods},
    {Py_tp_doc, const_cast<char*>("The element type of a tensor (ember.float32, ...).")},
    {0, nullptr},
};
PyType_Spec dtype_spec = {"ember.dtype", sizeof(DTypeObject), 0, Py_TPFLAGS_DEFAULT, dtype_slots};

// ---- device --------------------------------------------------------------------------

struct DeviceObject {
  PyObject_HEAD
  Device device;
};

PyTypeObject* device_type = nullptr;

PyObject* device_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  EMBER_PY_TRY
  static const char* names[] = {"type", "index", nullptr};
  PyObject* spec = nullptr;
  PyObject* index = Py_None;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O:device", const_cast<char**>(names), &spec,
                                   &index)) {
    return nullptr;
  }
  Device d;
  if (PyObject_TypeCheck(spec, device_type)) {
    d = reinterpret_cast<DeviceObject*>(spec)->device;
  } else if (PyUnicode_Check(spec)) {
    d = Device::parse(PyUnicode_AsUTF8(spec));
  } else {
    PyErr_Format(PyExc_TypeError, "device() received an invalid combination of arguments: %R",
                 spec);
    return nullptr;
  }
  if (index != Py_None) {
    EMBER_CHECK(d.index < 0, "[device] type (string) must not include an index because index "
                "was passed explicitly: ", d.str());
    const long i = PyLong_AsLong(index);
    if (i == -1 && PyErr_Occurred()) return nullptr;
    EMBER_CHECK(i >= 0, "[device] Device index must not be negative");
    EMBER_CHECK(d.type != DeviceType::CPU || i == 0, "[device] CPU device index must be 0");
    d.index = static_cast<int16_t>(i);
  }
  PyObject* self = type->tp_alloc(type, 0);
  if (self) reinterpret_cast<DeviceObject*>(self)->device = d;
  return self;
  EMBER_PY_CATCH(return nullptr)
}

Device device_of(PyObject* self) { return reinterpret_cast<DeviceObject*>(self)->device; }

PyObject* device_repr(PyObject* self) {
  const Device d = device_of(self);
  const std::string type = device_type_name(d.type);
  if (d.index < 0) return PyUnicode_FromFormat("device(type='%s')", type.c_str());
  return PyUnicode_FromFormat("device(type='%s', index=%d)", type.c_str(), d.index);
}
PyObject* device_str(PyObject* self) { return PyUnicode_FromString(device_of(self).str().c_str()); }
PyObject* device_get_type(PyObject* self, void*) {
  return PyUnicode_FromString(device_type_name(device_of(self).type).c_str());
}
PyObject* device_get_index(PyObject* self, void*) {
  const Device d = device_of(self);
  if (d.index < 0) Py_RETURN_NONE;
  return PyLong_FromLong(d.index);
}
Py_hash_t device_hash(PyObject* self) {
  const Device d = device_of(self);
  return static_cast<Py_hash_t>((static_cast<int>(d.type) + 1) * 1000 + d.index + 2);
}
PyObject* device_richcompare(PyObject* a, PyObject* b, int op) {
  if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(b, device_type)) {
    Py_RETURN_NOTIMPLEMENTED;
  }
  const bool equal = device_of(a) == device_of(b);
  return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}
PyObject* device_reduce(PyObject* self, PyObject*) {
  const Device d = device_of(self);
  PyObject* type_name = PyUnicode_FromString(device_type_name(d.type).c_str());
  if (d.index < 0) return Py_BuildValue("(O(N))", Py_TYPE(self), type_name);
  return Py_BuildValue("(O(Ni))", Py_TYPE(self), type_name, static_cast<int>(d.index));
}

PyGetSetDef device_getset[] = {
    {"type", device_get_type, nullptr, nullptr, nullptr},
    {"index", device_get_index, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};
PyMethodDef device_methods[] = {
    {"__reduce__", device_reduce, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
PyType_Slot device_slots[] = {
    {Py_tp_new, reinterpret_cast<void*>(device_new)},
    {Py_tp_repr, reinterpret_cast<void*>(device_repr)},
    {Py_tp_str, reinterpret_cast<void*>(device_str)},
    {Py_tp_hash, reinterpret_cast<void*>(device_hash)},
    {Py_tp_richcompare, reinterpret_cast<void*>(device_richcompare)},
    {Py_tp_getset, device_getset},
    {Py_tp_methods, device_methods},
    {Py_tp_doc, const_cast<char*>("A device: ember.device('cpu'), ember.device('meta').")},
    {0, nullptr},
};
PyType_Spec device_spec = {"ember.device", sizeof(DeviceObject), 0, Py_TPFLAGS_DEFAULT,
                           device_slots};

PyObject* size_class = nullptr;  // ember.Size, registered from Python

}  // namespace

PyObject* dtype_object(ScalarType t) { return dtype_objects[static_cast<int>(t)]; }

bool dtype_from_object(PyObject* obj, ScalarType* out) {
  if (PyObject_TypeCheck(obj, dtype_type)) {
    *out = dtype_of(obj);
    return true;
  }
  // Python's own types name dtypes too, as in torch: float -> float64.
  if (obj == reinterpret_cast<PyObject*>(&PyFloat_Type)) {
    *out = ScalarType::Float64;
  } else if (obj == reinterpret_cast<PyObject*>(&PyLong_Type)) {
    *out = ScalarType::Int64;
  } else if (obj == reinterpret_cast<PyObject*>(&PyBool_Type)) {
    *out = ScalarType::Bool;
  } else if (obj == reinterpret_cast<PyObject*>(&PyComplex_Type)) {
    *out = ScalarType::Complex128;
  } else {
    return false;
  }
  return true;
}

PyObject* device_object(Device d) {
  PyObject* self = device_type->tp_alloc(device_type, 0);
  if (self) reinterpret_cast<DeviceObject*>(self)->device = d;
  return self;
}

bool device_from_object(PyObject* obj, Device* out) {
  if (PyObject_TypeCheck(obj, device_type)) {
    *out = device_of(obj);
    return true;
  }
  if (PyUnicode_Check(obj)) {
    *out = Device::parse(PyUnicode_AsUTF8(obj));  // throws on a bad string
    return true;
  }
  return false;
}

bool scalar_from_object(PyObject* obj, Scalar* out) {
  if (PyBool_Check(obj)) {
    *out = Scalar(obj == Py_True);
  } else if (PyLong_CheckExact(obj)) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (overflow) {
      throw Error("[scalar] Overflow when unpacking long");
    }
    *out = Scalar(static_cast<int64_t>(v));
  } else if (PyFloat_Check(obj)) {
    *out = Scalar(PyFloat_AS_DOUBLE(obj));
  } else if (PyComplex_Check(obj)) {
    *out = Scalar(std::complex<double>(PyComplex_RealAsDouble(obj), PyComplex_ImagAsDouble(obj)));
  } else if (is_tensor(obj)) {
    return false;  // tensors are tensors, not numbers, in overload resolution
  } else if (PyLong_Check(obj) || PyIndex_Check(obj)) {
    PyObject* index = PyNumber_Index(obj);
    if (!index) {
      PyErr_Clear();
      return false;
    }
    const long long v = PyLong_AsLongLong(index);
    Py_DECREF(index);
    if (v == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      return false;
    }
    // NumPy bools index like ints but are bools.
    *out = Scalar(static_cast<int64_t>(v));
  } else if (PyObject_HasAttrString(obj, "__float__") && !PySequence_Check(obj)) {
    const double v = PyFloat_AsDouble(obj);
    if (v == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      return false;
    }
    *out = Scalar(v);
  } else if (PyObject_HasAttrString(obj, "__complex__") && !PySequence_Check(obj)) {
    const Py_complex c = PyComplex_AsCComplex(obj);
    if (c.real == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      return false;
    }
    *out = Scalar(std::complex<double>(c.real, c.imag));
  } else {
    return false;
  }
  return true;
}

PyObject* scalar_to_object(const Scalar& s) {
  switch (s.kind()) {
    case Scalar::Kind::Bool:
      return PyBool_FromLong(s.to<bool>());
    case Scalar::Kind::Int:
      return PyLong_FromLongLong(s.to_int());
    case Scalar::Kind::Float:
      return PyFloat_FromDouble(s.to_double());
    case Scalar::Kind::Complex: {
      const auto c = s.to_complex();
      return PyComplex_FromDoubles(c.real(), c.imag());
    }
  }
  Py_RETURN_NONE;
}

bool shape_from_object(PyObject* obj, Shape* out) {
  out->clear();
  if (PyLong_Check(obj) && !PyBool_Check(obj)) {
    out->push_back(PyLong_AsLongLong(obj));
    return !PyErr_Occurred();
  }
  if (!PyTuple_Check(obj) && !PyList_Check(obj)) {
    if (!PySequence_Check(obj) || PyUnicode_Check(obj) || is_tensor(obj)) return false;
  }
  PyObject* seq = PySequence_Fast(obj, "expected a sequence of ints");
  if (!seq) {
    PyErr_Clear();
    return false;
  }
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
  PyObject** items = PySequence_Fast_ITEMS(seq);
  out->reserve(static_cast<size_t>(n));
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject* item = items[i];
    long long v;
    if (PyLong_Check(item) && !PyBool_Check(item)) {
      v = PyLong_AsLongLong(item);
    } else if (PyIndex_Check(item) && !PyBool_Check(item)) {
      PyObject* index = PyNumber_Index(item);
      if (!index) {
        PyErr_Clear();
        Py_DECREF(seq);
        return false;
      }
      v = PyLong_AsLongLong(index);
      Py_DECREF(index);
    } else {
      Py_DECREF(seq);
      return false;
    }
    if (v == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      Py_DECREF(seq);
      return false;
    }
    out->push_back(v);
  }
  Py_DECREF(seq);
  return true;
}

PyObject* size_object(const Shape& shape) {
  PyObject* tuple = PyTuple_New(static_cast<Py_ssize_t>(shape.size()));
  if (!tuple) return nullptr;
  for (size_t i = 0; i < shape.size(); ++i) {
    PyTuple_SET_ITEM(tuple, static_cast<Py_ssize_t>(i), PyLong_FromLongLong(shape[i]));
  }
  if (size_class == nullptr) return tuple;
  PyObject* out = PyObject_CallOneArg(size_class, tuple);
  Py_DECREF(tuple);
  return out;
}

void bind_dtype_device(pybind11::module_& m) {
  PyObject* module = m.ptr();
  dtype_type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&dtype_spec));
  device_type = reinterpret_cast<PyTypeObject*>(PyType_FromSpec(&device_spec));
  if (!dtype_type || !device_type) throw pybind11::error_already_set();
  PyObject_SetAttrString(reinterpret_cast<PyObject*>(dtype_type), "__module__",
                         PyUnicode_FromString("ember"));
  PyObject_SetAttrString(reinterpret_cast<PyObject*>(device_type), "__module__",
                         PyUnicode_FromString("ember"));
  Py_INCREF(dtype_type);
  Py_INCREF(device_type);
  PyModule_AddObject(module, "dtype", reinterpret_cast<PyObject*>(dtype_type));
  PyModule_AddObject(module, "device", reinterpret_cast<PyObject*>(device_type));
  for (int i = 0; i < kNumScalarTypes; ++i) {
    auto* obj = PyObject_New(DTypeObject, dtype_type);
    obj->type = static_cast<ScalarType>(i);
    dtype_objects[i] = reinterpret_cast<PyObject*>(obj);  // kept for the process lifetime
    Py_INCREF(obj);
    PyModule_AddObject(module, scalar_type_name(obj->type), reinterpret_cast<PyObject*>(obj));
  }
  m.def("_set_size_class", [](pybind11::object cls) {
    Py_XDECREF(size_class);
    size_class = cls.release().ptr();
  });
}

}  // namespace ember::python
