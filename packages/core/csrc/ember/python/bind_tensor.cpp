// The tensor type itself, conversions to and from Python data, and dtype utilities.
#include "ember/backends/cpu/cpu_allocator.h"
#include "ember/core/empty.h"
#include "ember/core/type_promotion.h"
#include "ember/ops/copy.h"
#include "ember/ops/fill.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"
#include "ember/python/conversions.h"

namespace py = pybind11;

namespace ember::python {

void bind_tensor(py::module_& m) {
  if (!init_tensor_type(m.ptr())) throw py::error_already_set();

  m.def("_set_tensor_new_hook", [](py::object hook) { set_tensor_new_hook(hook.ptr()); });
  m.def("_make_subclass", [](py::object cls, const Tensor& data) {
    // A new impl sharing data's storage and version counter, wrapped as `cls`.
    if (!PyType_Check(cls.ptr()) ||
        !PyType_IsSubtype(reinterpret_cast<PyTypeObject*>(cls.ptr()), tensor_type)) {
      throw py::type_error("_make_subclass: cls must be a subclass of ember.Tensor");
    }
    auto* type = reinterpret_cast<PyTypeObject*>(cls.ptr());
    PyObject* obj = type->tp_alloc(type, 0);
    if (!obj) throw py::error_already_set();
    Tensor view = make_view(data, data.sizes(), data.strides(), data.storage_offset());
    auto* self = reinterpret_cast<TensorObject*>(obj);
    self->impl = intrusive_ptr<TensorImpl>(view.impl_ptr()).release();
    view.impl()->set_pyobj(obj);
    return py::reinterpret_steal<py::object>(obj);
  });

  m.def("tensor", [](py::handle data, std::optional<ScalarType> dtype, std::optional<Device> device) {
        Tensor t = tensor_from_data(data.ptr(), dtype.value_or(ScalarType::Undefined));
        return device ? to_device(t, *device) : t;
      }, py::arg("data"), py::kw_only(), py::arg("dtype") = py::none(),
      py::arg("device") = py::none());
  m.def("_infer_dtype", [](py::handle data) { return infer_dtype(data.ptr()); });
  m.def("from_numpy", [](py::handle array) { return tensor_from_buffer(array.ptr()); },
        py::arg("ndarray"));

  def_function_and_method(m, "copy_", [](const Tensor& self, const Tensor& src, bool) {
        return copy_(self, src);
      }, py::arg("src"), py::arg("non_blocking") = false);
  def_method("fill_", [](const Tensor& self, const Scalar& v) { return fill_(self, v); },
             py::arg("value"));
  def_method("fill_", [](const Tensor& self, const Tensor& v) { return fill_(self, v); },
             py::arg("value"));
  def_method("zero_", [](const Tensor& self) { return zero_(self); });
  def_function_and_method(m, "contiguous", [](const Tensor& self) { return contiguous(self); });
  def_function_and_method(m, "clone", [](const Tensor& self) { return clone(self); });
  m.def("_to", [](const Tensor& self, std::optional<Device> device,
                  std::optional<ScalarType> dtype, bool copy) {
        Tensor out = self;
        if (dtype) out = to_dtype(out, *dtype, copy && !device);
        if (device) out = to_device(out, *device, copy);
        return out;
      }, py::arg("self"), py::arg("device"), py::arg("dtype"), py::arg("copy"));
  m.def("empty", [](const Shape& size, ScalarType dtype, Device device) {
        return empty(size, dtype, device);
      });
  m.def("empty_strided", [](const Shape& size, const Shape& stride, ScalarType dtype,
                            Device device) { return empty_strided(size, stride, dtype, device); });

  m.def("result_type", [](const Tensor& a, const Tensor& b) { return result_type(a, b); });
  m.def("result_type", [](const Tensor& a, const Scalar& b) { return result_type(a, b); });
  m.def("result_type", [](const Scalar& a, const Tensor& b) { return result_type(b, a); });
  m.def("result_type", [](const Scalar& a, const Scalar& b) {
    ResultTypeState state;
    update_result_type(state, a);
    update_result_type(state, b);
    return result_type(state);
  });
  m.def("promote_types", &promote_types, py::arg("type1"), py::arg("type2"));
  m.def("can_cast", &can_cast, py::arg("from_"), py::arg("to"));
  m.def("get_default_dtype", &default_dtype);
  m.def("set_default_dtype", &set_default_dtype, py::arg("d"));

  m.def("_cpu_memory_stats", [] {
    const cpu::MemoryStats s = cpu::memory_stats();
    py::dict d;
    d["allocated_bytes"] = s.allocated_bytes;
    d["peak_allocated_bytes"] = s.peak_allocated_bytes;
    d["cached_bytes"] = s.cached_bytes;
    d["cache_limit_bytes"] = s.cache_limit_bytes;
    d["large_allocations"] = s.large_allocations;
    d["cache_hits"] = s.cache_hits;
    return d;
  });
  m.def("_cpu_empty_cache", &cpu::empty_cache);
  m.def("_cpu_reset_peak_memory_stats", &cpu::reset_peak_memory_stats);
  m.def("_cpu_set_cache_limit", &cpu::set_cache_limit, py::arg("bytes"));
}

}  // namespace ember::python
