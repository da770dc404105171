// Storages and DLPack. A storage reaches Python as ember._C._Storage (a handle the
// Python ember.UntypedStorage wraps); DLPack capsules follow the DLPack 1.0 protocol
// (third_party/dlpack/dlpack.h): "dltensor_versioned" when the consumer passes
// max_version >= (1, 0), the legacy "dltensor" otherwise. Both directions share memory.
#include <dlpack.h>
#include <pybind11/stl.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "ember/core/empty.h"
#include "ember/core/shape.h"
#include "ember/ops/copy.h"
#include "ember/ops/storage.h"
#include "ember/python/bindings.h"
#include "ember/python/casters.h"

namespace py = pybind11;

namespace ember::python {
namespace {

struct StorageHandle {
  Storage storage;
};

// ---- export ---------------------------------------------------------------------------

DLDataType dl_dtype(ScalarType t) {
  DLDataType d;
  d.lanes = 1;
  d.bits = static_cast<uint8_t>(element_size(t) * 8);
  switch (t) {
    case ScalarType::Bool: d.code = kDLBool; break;
    case ScalarType::UInt8: d.code = kDLUInt; break;
    case ScalarType::Int8:
    case ScalarType::Int16:
    case ScalarType::Int32:
    case ScalarType::Int64: d.code = kDLInt; break;
    case ScalarType::Float16:
    case ScalarType::Float32:
    case ScalarType::Float64: d.code = kDLFloat; break;
    case ScalarType::BFloat16: d.code = kDLBfloat; break;
    case ScalarType::Complex64:
    case ScalarType::Complex128: d.code = kDLComplex; break;
    default:
      throw TypeError(detail::concat("[__dlpack__] unsupported dtype ", scalar_type_name(t)));
  }
  return d;
}

// What a capsule owns: a reference to the tensor (keeping its storage alive) and the
// shape/strides arrays the DLTensor points into.
template <typename Managed>
struct ExportContext {
  Managed managed;
  Tensor tensor;
  std::vector<int64_t> shape;
  std::vector<int64_t> strides;
};

template <typename Managed>
void delete_export(Managed* managed) {
  delete static_cast<ExportContext<Managed>*>(managed->manager_ctx);
}

template <typename Managed>
void fill_tensor(ExportContext<Managed>* ctx) {
  const Tensor& t = ctx->tensor;
  DLTensor& dl = ctx->managed.dl_tensor;
  ctx->shape.assign(t.sizes().begin(), t.sizes().end());
  ctx->strides.assign(t.strides().begin(), t.strides().end());
  dl.data = t.storage()->data();
  dl.device = DLDevice{kDLCPU, 0};
  dl.ndim = static_cast<int32_t>(t.dim());
  dl.dtype = dl_dtype(t.dtype());
  dl.shape = ctx->shape.data();
  dl.strides = ctx->strides.data();
  dl.byte_offset = static_cast<uint64_t>(t.storage_offset()) * element_size(t.dtype());
  ctx->managed.manager_ctx = ctx;
  ctx->managed.deleter = &delete_export<Managed>;
}

template <typename Managed>
void capsule_destructor(PyObject* capsule) {
  const char* name = std::is_same_v<Managed, DLManagedTensorVersioned> ? "dltensor_versioned"
                                                                       : "dltensor";
  if (!PyCapsule_IsValid(capsule, name)) return;  // consumed (renamed "used_...")
  auto* managed = static_cast<Managed*>(PyCapsule_GetPointer(capsule, name));
  if (managed != nullptr && managed->deleter != nullptr) managed->deleter(managed);
}

void check_exportable(const Tensor& t) {
  EMBER_CHECK(t.device().is_cpu(), "[__dlpack__] only CPU tensors can be exported, got a ",
              t.device().str(), " tensor");
}

py::object to_dlpack(const Tensor& t, bool versioned, bool copied) {
  check_exportable(t);
  if (versioned) {
    auto* ctx = new ExportContext<DLManagedTensorVersioned>();
    ctx->tensor = t;
    fill_tensor(ctx);
    ctx->managed.version = DLPackVersion{DLPACK_MAJOR_VERSION, DLPACK_MINOR_VERSION};
    ctx->managed.flags = copied ? DLPACK_FLAG_BITMASK_IS_COPIED : 0;
    PyObject* cap = PyCapsule_New(&ctx->managed, "dltensor_versioned",
                                  &capsule_destructor<DLManagedTensorVersioned>);
    if (cap == nullptr) {
      delete ctx;
      throw py::error_already_set();
    }
    return py::reinterpret_steal<py::object>(cap);
  }
  auto* ctx = new ExportContext<DLManagedTensor>();
  ctx->tensor = t;
  fill_tensor(ctx);
  PyObject* cap = PyCapsule_New(&ctx->managed, "dltensor", &capsule_destructor<DLManagedTensor>);
  if (cap == nullptr) {
    delete ctx;
    throw py::error_already_set();
  }
  return py::reinterpret_steal<py::object>(cap);
}

// ---- import ---------------------------------------------------------------------------

ScalarType scalar_type_of(const DLDataType& d) {
  EMBER_CHECK(d.lanes == 1, "[from_dlpack] vector dtypes (lanes=", d.lanes,
              ") are not supported");
  switch (d.code) {
    case kDLBool:
      if (d.bits == 8) return ScalarType::Bool;
      break;
    case kDLUInt:
      if (d.bits == 8) return ScalarType::UInt8;
      break;
    case kDLInt:
      if (d.bits == 8) return ScalarType::Int8;
      if (d.bits == 16) return ScalarType::Int16;
      if (d.bits == 32) return ScalarType::Int32;
      if (d.bits == 64) return ScalarType::Int64;
      break;
    case kDLFloat:
      if (d.bits == 16) return ScalarType::Float16;
      if (d.bits == 32) return ScalarType::Float32;
      if (d.bits == 64) return ScalarType::Float64;
      break;
    case kDLBfloat:
      if (d.bits == 16) return ScalarType::BFloat16;
      break;
    case kDLComplex:
      if (d.bits == 64) return ScalarType::Complex64;
      if (d.bits == 128) return ScalarType::Complex128;
      break;
    default:
      break;
  }
  throw TypeError(detail::concat("[from_dlpack] unsupported DLPack dtype (code ",
                                 static_cast<int>(d.code), ", bits ", static_cast<int>(d.bits),
                                 ")"));
}

template <typename Managed>
void release_import(void* context) {
  auto* managed = static_cast<Managed*>(context);
  if (managed->deleter != nullptr) managed->deleter(managed);
}

template <typename Managed>
Tensor import_managed(Managed* managed) {
  const DLTensor& dl = managed->dl_tensor;
  // Checks first: on failure the capsule keeps ownership (it is not renamed).
  EMBER_CHECK(dl.device.device_type == kDLCPU || dl.device.device_type == kDLCUDAHost,
              "[from_dlpack] only CPU memory can be imported, got DLPack device type ",
              static_cast<int>(dl.device.device_type));
  const ScalarType dtype = scalar_type_of(dl.dtype);
  EMBER_CHECK(dl.ndim >= 0, "[from_dlpack] negative ndim ", dl.ndim);
  Shape sizes(dl.shape, dl.shape + dl.ndim);
  Shape strides = dl.strides != nullptr ? Shape(dl.strides, dl.strides + dl.ndim)
                                        : contiguous_strides(sizes);
  for (int64_t s : sizes) EMBER_CHECK(s >= 0, "[from_dlpack] negative size in ", shape_str(sizes));
  const bool empty_tensor = shape_numel(sizes) == 0;
  for (size_t i = 0; i < strides.size(); ++i) {
    if (sizes[i] <= 1 || empty_tensor) {
      if (strides[i] < 0) strides[i] = 0;  // never stepped over
      continue;
    }
    EMBER_CHECK(strides[i] >= 0, "[from_dlpack] negative strides are not supported, got ",
                shape_str(strides));
  }
  char* base = static_cast<char*>(dl.data) + dl.byte_offset;
  const int64_t nbytes = storage_bytes_for(sizes, strides, dtype);
  DataPtr data(base, managed, &release_import<Managed>, Device(DeviceType::CPU));
  auto storage = intrusive_ptr<StorageImpl>::make(std::move(data), static_cast<size_t>(nbytes));
  return Tensor(intrusive_ptr<TensorImpl>::make(std::move(storage), dtype, sizes, strides, 0));
}

Tensor from_capsule(py::handle capsule) {
  PyObject* cap = capsule.ptr();
  if (PyCapsule_IsValid(cap, "dltensor_versioned")) {
    auto* managed = static_cast<DLManagedTensorVersioned*>(
        PyCapsule_GetPointer(cap, "dltensor_versioned"));
    EMBER_CHECK(managed->version.major <= DLPACK_MAJOR_VERSION,
                "[from_dlpack] DLPack version ", managed->version.major, ".",
                managed->version.minor, " is newer than the supported ", DLPACK_MAJOR_VERSION,
                ".", DLPACK_MINOR_VERSION);
    Tensor t = import_managed(managed);
    PyCapsule_SetName(cap, "used_dltensor_versioned");
    return t;
  }
  if (PyCapsule_IsValid(cap, "dltensor")) {
    auto* managed = static_cast<DLManagedTensor*>(PyCapsule_GetPointer(cap, "dltensor"));
    Tensor t = import_managed(managed);
    PyCapsule_SetName(cap, "used_dltensor");
    return t;
  }
  throw TypeError(
      "[from_dlpack] expected a DLPack capsule named 'dltensor' or 'dltensor_versioned' that "
      "has not been consumed yet");
}

}  // namespace

void bind_storage(py::module_& m) {
  py::class_<StorageHandle>(m, "_Storage")
      .def("nbytes", [](const StorageHandle& h) { return h.storage->nbytes(); })
      .def("data_ptr",
           [](const StorageHandle& h) { return reinterpret_cast<uintptr_t>(h.storage->data()); })
      .def_property_readonly("device", [](const StorageHandle& h) { return h.storage->device(); })
      .def("is_shared", [](const StorageHandle& h) { return h.storage->is_shared(); })
      .def("share_memory_", [](const StorageHandle& h) { share_memory_(h.storage); })
      .def("resizable", [](const StorageHandle& h) { return h.storage->resizable(); })
      // (pid, fd, nbytes): what another process needs to map this shared storage.
      .def("_shared_handle",
           [](const StorageHandle& h) {
             EMBER_CHECK(h.storage->is_shared(),
                         "[_shared_handle] the storage is not in shared memory: call "
                         "share_memory_() first");
             return py::make_tuple(static_cast<int64_t>(getpid()), h.storage->shared_fd(),
                                   h.storage->nbytes());
           })
      .def("_bytes",
           [](const StorageHandle& h) {
             EMBER_CHECK(!h.storage->device().is_meta(),
                         "[UntypedStorage] meta storages have no data");
             return py::bytes(static_cast<const char*>(h.storage->data()), h.storage->nbytes());
           })
      .def("_is_same", [](const StorageHandle& a, const StorageHandle& b) {
        return a.storage.get() == b.storage.get();
      });
  m.def("_storage_of", [](const Tensor& t) { return StorageHandle{t.storage()}; });
  m.def("_open_shared_storage", [](int64_t pid, int fd, size_t nbytes) {
    return StorageHandle{open_shared_storage(pid, fd, nbytes)};
  });
  // A tensor over `storage` with the given metadata (checked against its size).
  m.def("_tensor_from_storage", [](const StorageHandle& h, ScalarType dtype, const Shape& sizes,
                                   const Shape& strides, int64_t offset) {
    check_sizes(sizes, "set_");
    EMBER_CHECK(sizes.size() == strides.size() && offset >= 0, "[set_] invalid strides ",
                shape_str(strides), " or offset ", offset, " for sizes ", shape_str(sizes));
    for (int64_t s : strides) EMBER_CHECK(s >= 0, "[set_] negative stride in ", shape_str(strides));
    const int64_t need = storage_bytes_for(sizes, strides, dtype, offset);
    EMBER_CHECK(need <= static_cast<int64_t>(h.storage->nbytes()), "[set_] sizes ",
                shape_str(sizes), ", strides ", shape_str(strides), " and offset ", offset,
                " need ", need, " bytes but the storage has ", h.storage->nbytes());
    return Tensor(intrusive_ptr<TensorImpl>::make(h.storage, dtype, sizes, strides, offset));
  });
  m.def("_share_memory_", [](const Tensor& t) { share_memory_(t.storage()); });
  m.def("_is_shared", [](const Tensor& t) { return t.storage()->is_shared(); });
  m.def("_to_dlpack", &to_dlpack, py::arg("tensor"), py::arg("versioned"), py::arg("copied"));
  m.def("_from_dlpack_capsule", &from_capsule, py::arg("capsule"));
}

}  // namespace ember::python
