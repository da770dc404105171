// "toy": a device backend living outside Ember. Its memory is plain host memory from its
// own allocator (so the test can count allocations); it implements fill_, copy_ (within
// the device and to/from the CPU) and add for float32, and nothing else, so every other
// op raises Ember's NotImplementedError naming the device.
#include <pybind11/pybind11.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

#include "ember/core/allocator.h"
#include "ember/core/device.h"
#include "ember/core/errors.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"
#include "ember/ops/fill.h"

namespace {

using ember::DeviceType;
using ember::TensorIterator;

std::atomic<long> g_allocations{0};

void free_block(void* p) { std::free(p); }

class ToyAllocator final : public ember::Allocator {
 public:
  ember::DataPtr allocate(size_t nbytes) override {
    void* p = std::aligned_alloc(64, ((nbytes + 63) / 64 + 1) * 64);
    if (p == nullptr) throw ember::Error("[toy] out of memory");
    ++g_allocations;
    return ember::DataPtr(p, p, &free_block, ember::Device(DeviceType::PrivateUse1));
  }
};

ToyAllocator g_allocator;

// Calls f(pointers) for every element, walking the iterator's dims (dim 0 innermost).
template <typename F>
void for_each_element(const TensorIterator& iter, F f) {
  const int nt = iter.ntensors(), nd = iter.ndim();
  std::vector<int64_t> counter(static_cast<size_t>(nd), 0);
  std::vector<char*> ptrs(static_cast<size_t>(nt));
  for (int64_t n = 0; n < iter.numel(); ++n) {
    for (int a = 0; a < nt; ++a) {
      char* p = iter.data(a);
      for (int d = 0; d < nd; ++d) p += counter[d] * iter.strides(a)[d];
      ptrs[a] = p;
    }
    f(ptrs.data());
    for (int d = 0; d < nd && ++counter[d] == iter.shape()[d]; ++d) counter[d] = 0;
  }
}

void require_float(const TensorIterator& iter, const char* op) {
  for (int a = 0; a < iter.ntensors(); ++a) {
    if (iter.dtype(a) != ember::ScalarType::Float32) {
      EMBER_NOT_IMPLEMENTED("[", op, "] the toy backend supports float32 only");
    }
  }
}

void toy_fill(TensorIterator& iter, const ember::Scalar& value) {
  require_float(iter, "fill_");
  const float v = value.to<float>();
  for_each_element(iter, [v](char** p) { *reinterpret_cast<float*>(p[0]) = v; });
}

void toy_copy(TensorIterator& iter) {
  require_float(iter, "copy_");
  // Host memory on both sides, so CPU <-> toy copies are plain element copies.
  for_each_element(iter, [](char** p) { std::memcpy(p[0], p[1], sizeof(float)); });
}

void toy_add(TensorIterator& iter, const ember::Scalar& alpha) {
  require_float(iter, "add");
  const float a = alpha.to<float>();
  for_each_element(iter, [a](char** p) {
    *reinterpret_cast<float*>(p[0]) =
        *reinterpret_cast<float*>(p[1]) + a * *reinterpret_cast<float*>(p[2]);
  });
}

}  // namespace

PYBIND11_MODULE(toy_backend, m) {
  ember::register_privateuse1_backend("toy");
  ember::set_allocator(DeviceType::PrivateUse1, &g_allocator);
  ember::fill_stub.register_kernel(DeviceType::PrivateUse1, &toy_fill);
  ember::copy_stub.register_kernel(DeviceType::PrivateUse1, &toy_copy);
  ember::add_stub.register_kernel(DeviceType::PrivateUse1, &toy_add);
  m.def("allocations", [] { return g_allocations.load(); });
}
