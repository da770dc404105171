#include "ember/python/conversions.h"

#include <cstring>
#include <string>
#include <vector>

#include "ember/core/empty.h"
#include "ember/core/shape.h"
#include "ember/core/errors.h"
#include "ember/ops/copy.h"
#include "ember/python/casters.h"

namespace ember::python {
namespace {

PyObject* element_to_object(const char* p, ScalarType dtype) {
  switch (dtype) {
    case ScalarType::Bool:
      return PyBool_FromLong(*reinterpret_cast<const bool*>(p));
    case ScalarType::UInt8:
      return PyLong_FromLong(*reinterpret_cast<const uint8_t*>(p));
    case ScalarType::Int8:
      return PyLong_FromLong(*reinterpret_cast<const int8_t*>(p));
    case ScalarType::Int16:
      return PyLong_FromLong(*reinterpret_cast<const int16_t*>(p));
    case ScalarType::Int32:
      return PyLong_FromLong(*reinterpret_cast<const int32_t*>(p));
    case ScalarType::Int64:
      return PyLong_FromLongLong(*reinterpret_cast<const int64_t*>(p));
    case ScalarType::Float16:
      return PyFloat_FromDouble(static_cast<float>(*reinterpret_cast<const Half*>(p)));
    case ScalarType::BFloat16:
      return PyFloat_FromDouble(static_cast<float>(*reinterpret_cast<const BFloat16*>(p)));
    case ScalarType::Float32:
      return PyFloat_FromDouble(*reinterpret_cast<const float*>(p));
    case ScalarType::Float64:
      return PyFloat_FromDouble(*reinterpret_cast<const double*>(p));
    case ScalarType::Complex64: {
      const auto* c = reinterpret_cast<const std::complex<float>*>(p);
      return PyComplex_FromDoubles(c->real(), c->imag());
    }
    case ScalarType::Complex128: {
      const auto* c = reinterpret_cast<const std::complex<double>*>(p);
      return PyComplex_FromDoubles(c->real(), c->imag());
    }
    case ScalarType::Undefined:
      break;
  }
  PyErr_SetString(PyExc_TypeError, "undefined dtype");
  return nullptr;
}

Tensor readable(const Tensor& t, const char* op) {
  EMBER_CHECK(!t.device().is_meta(), "[", op, "] Tensor.", op,
              "() cannot be called on meta tensors: they have no data");
  return t.device().is_cpu() ? t : to_device(t, Device(DeviceType::CPU));
}

PyObject* tolist_rec(const char* p, const Tensor& t, int64_t d) {
  if (d == t.dim()) return element_to_object(p, t.dtype());
  const int64_t n = t.sizes()[d];
  const int64_t step = t.strides()[d] * static_cast<int64_t>(t.itemsize());
  PyObject* list = PyList_New(n);
  if (!list) return nullptr;
  for (int64_t i = 0; i < n; ++i) {
    PyObject* item = tolist_rec(p + i * step, t, d + 1);
    if (!item) {
      Py_DECREF(list);
      return nullptr;
    }
    PyList_SET_ITEM(list, i, item);
  }
  return list;
}

const char* typestr(ScalarType dtype) {
  switch (dtype) {
    case ScalarType::Bool:
      return "|b1";
    case ScalarType::UInt8:
      return "|u1";
    case ScalarType::Int8:
      return "|i1";
    case ScalarType::Int16:
      return "<i2";
    case ScalarType::Int32:
      return "<i4";
    case ScalarType::Int64:
      return "<i8";
    case ScalarType::Float16:
      return "<f2";
    case ScalarType::Float32:
      return "<f4";
    case ScalarType::Float64:
      return "<f8";
    case ScalarType::Complex64:
      return "<c8";
    case ScalarType::Complex128:
      return "<c16";
    default:
      break;
  }
  throw TypeError(detail::concat("Got unsupported ScalarType ", scalar_type_name(dtype),
                                 " (NumPy has no such dtype)"));
}

// ---- ember.tensor(data) ----------------------------------------------------------------

bool is_sequence(PyObject* obj) {
  return (PyList_Check(obj) || PyTuple_Check(obj) ||
          (PySequence_Check(obj) && !PyUnicode_Check(obj) && !PyBytes_Check(obj))) &&
         !is_tensor(obj);
}

bool exports_buffer(PyObject* obj) {
  return PyObject_CheckBuffer(obj) && !PyBytes_Check(obj) && !PyByteArray_Check(obj) &&
         !PyUnicode_Check(obj);
}

void infer_shape(PyObject* obj, Shape& shape) {
  while (true) {
    if (is_tensor(obj)) {
      for (int64_t s : unpack(obj).sizes()) shape.push_back(s);
      return;
    }
    if (exports_buffer(obj)) {
      Py_buffer view;
      if (PyObject_GetBuffer(obj, &view, PyBUF_RECORDS_RO) == 0) {
        for (int i = 0; i < view.ndim; ++i) shape.push_back(view.shape[i]);
        PyBuffer_Release(&view);
        return;
      }
      PyErr_Clear();
    }
    if (!is_sequence(obj)) return;
    const Py_ssize_t n = PySequence_Size(obj);
    if (n < 0) throw pybind11::error_already_set();
    shape.push_back(n);
    if (n == 0) return;
    PyObject* first = PySequence_GetItem(obj, 0);
    if (!first) throw pybind11::error_already_set();
    Py_DECREF(first);  // the sequence keeps it alive
    obj = first;
  }
}

// Category seen so far while scanning leaves: 0 bool, 1 int, 2 float, 3 complex.
void scan_dtype(PyObject* obj, int& category, ScalarType& tensor_dtype) {
  if (is_tensor(obj)) {
    const ScalarType t = unpack(obj).dtype();
    tensor_dtype = tensor_dtype == ScalarType::Undefined ? t : promote_types(tensor_dtype, t);
    return;
  }
  if (exports_buffer(obj)) {
    Tensor t = tensor_from_buffer(obj);
    tensor_dtype = tensor_dtype == ScalarType::Undefined ? t.dtype()
                                                         : promote_types(tensor_dtype, t.dtype());
    return;
  }
  if (is_sequence(obj)) {
    PyObject* seq = PySequence_Fast(obj, "expected a sequence");
    if (!seq) throw pybind11::error_already_set();
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; ++i) scan_dtype(PySequence_Fast_GET_ITEM(seq, i), category, tensor_dtype);
    Py_DECREF(seq);
    return;
  }
  Scalar s;
  if (!scalar_from_object(obj, &s)) {
    throw TypeError(detail::concat("[tensor] Could not infer dtype of ",
                                   Py_TYPE(obj)->tp_name));
  }
  const int c = s.is_bool() ? 0 : s.is_integral() ? 1 : s.is_floating() ? 2 : 3;
  category = std::max(category, c);
}

template <typename T>
void store(char* p, const Scalar& s) {
  if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
    *reinterpret_cast<T*>(p) = T(s.to<float>());
  } else {
    *reinterpret_cast<T*>(p) = s.to<T>();
  }
}

void store_scalar(char* p, ScalarType dtype, const Scalar& s) {
  EMBER_DISPATCH_ALL_AND_COMPLEX(dtype, "tensor", [&] { store<scalar_t>(p, s); });
}

// Writes `obj` (of shape shape[d:]) at p, contiguous.
void fill_from(PyObject* obj, const Tensor& out, const Shape& shape, int64_t d, char* p) {
  const int64_t itemsize = static_cast<int64_t>(out.itemsize());
  if (is_tensor(obj) || exports_buffer(obj)) {
    Tensor src = is_tensor(obj) ? unpack(obj) : tensor_from_buffer(obj);
    Shape rest(shape.begin() + d, shape.end());
    EMBER_CHECK_VALUE(src.sizes() == rest, "[tensor] expected sequence of shape ", shape_str(rest),
                      " at dim ", d, " (got ", shape_str(src.sizes()), ")");
    Tensor dst = make_view(out, rest, contiguous_strides(rest),
                           (p - static_cast<char*>(out.data_ptr())) / itemsize);
    copy_(dst, src);
    return;
  }
  if (d == static_cast<int64_t>(shape.size())) {
    Scalar s;
    if (is_sequence(obj)) {
      throw ValueError(detail::concat("[tensor] expected a number at dim ", d,
                                      " but got a sequence"));
    }
    if (!scalar_from_object(obj, &s)) {
      throw TypeError(detail::concat("[tensor] Could not convert ", Py_TYPE(obj)->tp_name,
                                     " to a number"));
    }
    store_scalar(p, out.dtype(), s);
    return;
  }
  if (!is_sequence(obj)) {
    throw ValueError(detail::concat("[tensor] expected sequence of length ", shape[d],
                                    " at dim ", d, " (got ", Py_TYPE(obj)->tp_name, ")"));
  }
  PyObject* seq = PySequence_Fast(obj, "expected a sequence");
  if (!seq) throw pybind11::error_already_set();
  const Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
  if (n != shape[d]) {
    Py_DECREF(seq);
    throw ValueError(detail::concat("[tensor] expected sequence of length ", shape[d], " at dim ",
                                    d, " (got ", n, ")"));
  }
  int64_t inner = itemsize;
  for (size_t k = static_cast<size_t>(d) + 1; k < shape.size(); ++k) inner *= shape[k];
  try {
    for (Py_ssize_t i = 0; i < n; ++i) {
      fill_from(PySequence_Fast_GET_ITEM(seq, i), out, shape, d + 1, p + i * inner);
    }
  } catch (...) {
    Py_DECREF(seq);
    throw;
  }
  Py_DECREF(seq);
}

struct BufferOwner {
  Py_buffer view;
};

void release_buffer(void* context) {
  auto* owner = static_cast<BufferOwner*>(context);
  if (!Py_IsInitialized()) return;  // interpreter gone: nothing left to release to
  PyGILState_STATE state = PyGILState_Ensure();
  PyBuffer_Release(&owner->view);
  PyGILState_Release(state);
  delete owner;
}

ScalarType dtype_from_format(const char* format, Py_ssize_t itemsize) {
  std::string f = format ? format : "B";
  if (!f.empty() && (f[0] == '@' || f[0] == '=' || f[0] == '<')) f = f.substr(1);
  EMBER_CHECK_TYPE(f.empty() || (f[0] != '>' && f[0] != '!'),
                   "[from_numpy] big-endian arrays are not supported; convert with "
                   "array.astype(array.dtype.newbyteorder('='))");
  struct Entry {
    const char* code;
    ScalarType dtype;
  };
  static const Entry table[] = {
      {"?", ScalarType::Bool},       {"b", ScalarType::Int8},       {"B", ScalarType::UInt8},
      {"h", ScalarType::Int16},      {"i", ScalarType::Int32},      {"l", ScalarType::Int64},
      {"q", ScalarType::Int64},      {"e", ScalarType::Float16},    {"f", ScalarType::Float32},
      {"d", ScalarType::Float64},    {"Zf", ScalarType::Complex64}, {"Zd", ScalarType::Complex128},
  };
  for (const Entry& e : table) {
    if (f == e.code && static_cast<Py_ssize_t>(element_size(e.dtype)) == itemsize) return e.dtype;
  }
  if ((f == "i" || f == "l") && itemsize == 4) return ScalarType::Int32;
  throw TypeError(detail::concat(
      "[from_numpy] can't convert an array of format '", f, "' (itemsize ", itemsize,
      "). The only supported types are: float64, float32, float16, complex64, complex128, int64, "
      "int32, int16, int8, uint8, and bool."));
}

}  // namespace

PyObject* tensor_item(const Tensor& t) {
  EMBER_CHECK(t.numel() == 1, "[item] a Tensor with ", t.numel(),
              " elements cannot be converted to Scalar");
  const Tensor src = readable(t, "item");
  return element_to_object(static_cast<const char*>(src.data_ptr()), src.dtype());
}

PyObject* tensor_tolist(const Tensor& t) {
  const Tensor src = readable(t, "tolist");
  return tolist_rec(static_cast<const char*>(src.data_ptr()), src, 0);
}

PyObject* array_interface(const Tensor& t) {
  EMBER_CHECK_TYPE(t.device().is_cpu(), "can't convert ", t.device().str(),
                   " device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host "
                   "memory first.");
  const char* type = typestr(t.dtype());
  const int64_t itemsize = static_cast<int64_t>(t.itemsize());
  PyObject* shape = PyTuple_New(t.dim());
  PyObject* strides = PyTuple_New(t.dim());
  for (int64_t i = 0; i < t.dim(); ++i) {
    PyTuple_SET_ITEM(shape, i, PyLong_FromLongLong(t.sizes()[i]));
    PyTuple_SET_ITEM(strides, i, PyLong_FromLongLong(t.strides()[i] * itemsize));
  }
  // NumPy rejects a null pointer even for empty arrays; any aligned address will do there.
  static double placeholder = 0;
  void* data = t.data_ptr() ? t.data_ptr() : &placeholder;
  return Py_BuildValue("{s:N,s:s,s:(N,O),s:N,s:i}", "shape", shape, "typestr", type, "data",
                       PyLong_FromVoidPtr(data), Py_False, "strides", strides, "version", 3);
}

ScalarType infer_dtype(PyObject* data) {
  int category = -1;
  ScalarType tensor_dtype = ScalarType::Undefined;
  scan_dtype(data, category, tensor_dtype);
  ScalarType from_scalars = ScalarType::Undefined;
  switch (category) {
    case 0:
      from_scalars = ScalarType::Bool;
      break;
    case 1:
      from_scalars = ScalarType::Int64;
      break;
    case 2:
      from_scalars = default_dtype();
      break;
    case 3:
      from_scalars = default_complex_dtype();
      break;
    default:
      break;
  }
  if (tensor_dtype == ScalarType::Undefined) {
    return from_scalars == ScalarType::Undefined ? default_dtype() : from_scalars;
  }
  if (from_scalars == ScalarType::Undefined) return tensor_dtype;
  return promote_types(tensor_dtype, from_scalars);
}

Tensor tensor_from_data(PyObject* data, ScalarType dtype) {
  if (is_tensor(data)) {
    const Tensor src = unpack(data);
    return to_dtype(src, dtype == ScalarType::Undefined ? src.dtype() : dtype, /*copy=*/true);
  }
  if (exports_buffer(data)) {
    const Tensor src = tensor_from_buffer(data);
    return to_dtype(contiguous(src), dtype == ScalarType::Undefined ? src.dtype() : dtype,
                    /*copy=*/true);
  }
  if (dtype == ScalarType::Undefined) dtype = infer_dtype(data);
  Shape shape;
  infer_shape(data, shape);
  Tensor out = empty(shape, dtype);
  if (out.numel() > 0 || shape.empty()) {
    fill_from(data, out, shape, 0, static_cast<char*>(out.data_ptr()));
  }
  return out;
}

Tensor tensor_from_buffer(PyObject* obj) {
  auto* owner = new BufferOwner();
  if (PyObject_GetBuffer(obj, &owner->view, PyBUF_RECORDS_RO) != 0) {
    delete owner;
    throw pybind11::error_already_set();
  }
  const Py_buffer& v = owner->view;
  ScalarType dtype;
  Shape sizes, strides;
  try {
    dtype = dtype_from_format(v.format, v.itemsize);
    for (int i = 0; i < v.ndim; ++i) {
      sizes.push_back(v.shape[i]);
      const Py_ssize_t stride = v.strides ? v.strides[i] : 0;
      EMBER_CHECK_VALUE(stride >= 0, "At least one stride in the given numpy array is negative, "
                        "and tensors with negative strides are not currently supported. (You can "
                        "probably work around this by making a copy of your array with "
                        "array.copy().)");
      EMBER_CHECK_VALUE(stride % v.itemsize == 0, "given numpy array strides not a multiple of "
                        "the element byte size. Copy the numpy array to reallocate the memory.");
      strides.push_back(stride / v.itemsize);
    }
    if (!v.strides) strides = contiguous_strides(sizes);
  } catch (...) {
    PyBuffer_Release(&owner->view);
    delete owner;
    throw;
  }
  if (v.readonly) {
    PyErr_WarnEx(PyExc_UserWarning,
                 "The given NumPy array is not writable, and Ember does not support non-writable "
                 "tensors. This means writing to this tensor will result in undefined behavior.",
                 1);
  }
  const int64_t nbytes = storage_bytes_for(sizes, strides, dtype);
  DataPtr ptr(v.buf, owner, &release_buffer, Device(DeviceType::CPU));
  auto storage = intrusive_ptr<StorageImpl>::make(std::move(ptr), static_cast<size_t>(nbytes));
  return Tensor(intrusive_ptr<TensorImpl>::make(std::move(storage), dtype, sizes, strides, 0));
}

}  // namespace ember::python
