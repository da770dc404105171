// The dispatcher: one DispatchStub per kernel-backed op, holding a kernel per device
// type (and, for the CPU, per instruction-set level). Ops call `stub(device, args...)`;
// backends register kernels with EMBER_REGISTER_KERNEL / EMBER_REGISTER_CPU_KERNEL.
//
// Meta tensors need no kernels: an op's front end has already computed the output
// shapes and dtypes, so on `meta` a void kernel is simply skipped. An op whose result
// depends on the data (nonzero, unique) registers a meta kernel that raises.
//
// An out-of-tree backend registers kernels for DeviceType::PrivateUse1 on the same
// stubs (their declarations are installed with the headers) and an allocator with
// set_allocator; see tests/test_out_of_tree_backend.py for a complete example.
#pragma once

#include <array>
#include <atomic>
#include <type_traits>
#include <utility>

#include "ember/backends/cpu/cpu_features.h"
#include "ember/core/device.h"
#include "ember/core/errors.h"
#include "ember/export.h"

namespace ember {

namespace dispatch_detail {
[[noreturn]] EMBER_API void missing_kernel(const char* op, DeviceType device);
}

// Whether a CPU kernel call may use the wide-vector (AVX2/AVX-512) kernels. Those are
// compiled for the dtypes that profit from them only; an argument type can say which of
// its values qualify by overloading this (TensorIterator does: all operands must have a
// "hot" dtype). Found by argument-dependent lookup.
template <typename T>
constexpr bool wide_simd_ok(const T&) {
  return true;
}

template <typename Fn>
class DispatchStub;

template <typename Ret, typename... Args>
class DispatchStub<Ret (*)(Args...)> {
 public:
  using Fn = Ret (*)(Args...);

  // constexpr so stubs are constant-initialized: kernels may register from static
  // initializers in any translation unit, before or after the stub's own.
  constexpr explicit DispatchStub(const char* name) : name_(name) {}

  template <typename... CallArgs>
  Ret operator()(DeviceType device, CallArgs&&... args) {
    Fn fn = kernels_[static_cast<int>(device)].load(std::memory_order_acquire);
    if (EMBER_UNLIKELY(fn == nullptr)) {
      if constexpr (std::is_void_v<Ret>) {
        if (device == DeviceType::Meta) return;  // shapes only: nothing to compute
      }
      fn = resolve(device);
    }
    if constexpr (sizeof...(CallArgs) > 0) {
      if (device == DeviceType::CPU && !wide_simd_ok(first_of(args...))) {
        fn = cpu_kernels_[0].load(std::memory_order_acquire);
      }
    }
    return fn(std::forward<CallArgs>(args)...);
  }

  void register_kernel(DeviceType device, Fn fn) {
    kernels_[static_cast<int>(device)].store(fn, std::memory_order_release);
  }
  // One CPU kernel per instruction-set level; the best one the CPU runs is chosen at
  // the first call.
  void register_cpu_kernel(cpu::CpuCapability capability, Fn fn) {
    cpu_kernels_[static_cast<int>(capability)].store(fn, std::memory_order_release);
  }
  bool has_kernel(DeviceType device) const {
    return kernels_[static_cast<int>(device)].load() != nullptr ||
           (device == DeviceType::CPU && cpu_kernels_[0].load() != nullptr);
  }
  const char* name() const { return name_; }

 private:
  template <typename First, typename... Rest>
  static const First& first_of(const First& first, const Rest&...) {
    return first;
  }

  Fn resolve(DeviceType device) {
    if (device == DeviceType::CPU) {
      for (int level = static_cast<int>(cpu::cpu_capability()); level >= 0; --level) {
        if (Fn fn = cpu_kernels_[level].load(std::memory_order_acquire)) {
          kernels_[0].store(fn, std::memory_order_release);
          return fn;
        }
      }
    }
    dispatch_detail::missing_kernel(name_, device);
  }

  const char* name_;
  std::array<std::atomic<Fn>, kNumDeviceTypes> kernels_{};
  std::array<std::atomic<Fn>, 3> cpu_kernels_{};
};

}  // namespace ember

#define EMBER_DECLARE_STUB(fn_type, stub) \
  extern EMBER_API ::ember::DispatchStub<fn_type> stub
#define EMBER_DEFINE_STUB(fn_type, stub) \
  EMBER_API ::ember::DispatchStub<fn_type> stub(#stub)

#define EMBER_STUB_CONCAT_(a, b) a##b
#define EMBER_STUB_CONCAT(a, b) EMBER_STUB_CONCAT_(a, b)

// Register `fn` as the kernel of `stub` for `device`, at load time.
#define EMBER_REGISTER_KERNEL(stub, device, fn)                                   \
  static const bool EMBER_STUB_CONCAT(ember_registered_, __COUNTER__) = [] {     \
    (stub).register_kernel(device, fn);                                          \
    return true;                                                                 \
  }()
