// TensorIterator: broadcasting, type promotion, output allocation, dimension
// reordering and coalescing for elementwise ops, solved once. A kernel sees only
// `ndim()` iteration dims (dim 0 innermost), a byte stride per operand per dim, and one
// data pointer per operand (outputs first), all in the dtype it computes in.
//
//   TensorIterator iter = TensorIteratorConfig("add")
//                             .add_output(out).add_input(a).add_input(b)
//                             .promote_inputs_to_common_dtype(true).build();
//   add_stub(iter.device().type, iter, alpha);
//   iter.finish();   // casts into outputs of another dtype, bumps versions
//
// Device-independent: the CPU loops over it live in backends/cpu/loops.h.
#pragma once

#include <array>
#include <new>
#include <utility>

#include "ember/core/errors.h"
#include "ember/core/tensor.h"

namespace ember {

class TensorIterator;

// Most operands an iterator takes (outputs and inputs together).
constexpr int kMaxIteratorOperands = 8;

// A vector with fixed inline capacity: building an iterator must not touch the heap
// (it runs for every elementwise op, so for tiny tensors its cost is the op's cost).
template <typename T, int N>
class FixedVector {
 public:
  FixedVector() = default;
  FixedVector(const FixedVector& other) {
    for (const T& item : other) push_back(item);
  }
  FixedVector(FixedVector&& other) noexcept {
    for (T& item : other) new (slot(count_++)) T(std::move(item));
  }
  FixedVector& operator=(const FixedVector& other) {
    if (this != &other) {
      clear();
      for (const T& item : other) push_back(item);
    }
    return *this;
  }
  FixedVector& operator=(FixedVector&& other) noexcept {
    if (this != &other) {
      clear();
      for (T& item : other) new (slot(count_++)) T(std::move(item));
    }
    return *this;
  }
  ~FixedVector() { clear(); }

  void push_back(T value) {
    EMBER_CHECK(count_ < N, "[TensorIterator] more than ", N, " operands");
    new (slot(count_++)) T(std::move(value));
  }
  T& emplace_back() {
    EMBER_CHECK(count_ < N, "[TensorIterator] more than ", N, " operands");
    return *new (slot(count_++)) T();
  }
  void clear() {
    for (int i = count_ - 1; i >= 0; --i) slot(i)->~T();
    count_ = 0;
  }
  size_t size() const { return static_cast<size_t>(count_); }
  bool empty() const { return count_ == 0; }
  T& operator[](size_t i) { return *slot(static_cast<int>(i)); }
  const T& operator[](size_t i) const { return *slot(static_cast<int>(i)); }
  T* begin() { return slot(0); }
  T* end() { return slot(count_); }
  const T* begin() const { return slot(0); }
  const T* end() const { return slot(count_); }

 private:
  // Raw storage: only the items pushed are constructed (and destroyed), so an iterator
  // over two tensors pays for two operands, not N.
  T* slot(int i) { return std::launder(reinterpret_cast<T*>(storage_)) + i; }
  const T* slot(int i) const { return std::launder(reinterpret_cast<const T*>(storage_)) + i; }

  alignas(T) unsigned char storage_[sizeof(T) * N];
  int count_ = 0;
};

class EMBER_API TensorIteratorConfig {
 public:
  explicit TensorIteratorConfig(const char* op) : op_(op) {}

  // An undefined output is allocated with the broadcast shape.
  TensorIteratorConfig& add_output(const Tensor& output);
  TensorIteratorConfig& add_input(const Tensor& input);
  // Inputs must all have one dtype (default) ...
  TensorIteratorConfig& check_all_same_dtype(bool value);
  // ... or are converted to torch.result_type of the inputs.
  TensorIteratorConfig& promote_inputs_to_common_dtype(bool value);
  // Integer and bool results of promotion become the default float dtype (true division).
  TensorIteratorConfig& promote_integer_inputs_to_float(bool value);
  // Outputs of another dtype receive the result cast (out= and in-place ops) ...
  TensorIteratorConfig& cast_common_dtype_to_outputs(bool value);
  // ... unless the cast would lower the category (float into int): an error, as torch.
  TensorIteratorConfig& enforce_safe_casting_to_output(bool value);
  // Outputs get this dtype (comparisons: bool) while inputs compute in the common one.
  TensorIteratorConfig& declare_static_output_dtype(ScalarType dtype);
  // Inputs compute in this dtype, regardless of their own (e.g. copy's source).
  TensorIteratorConfig& declare_static_common_dtype(ScalarType dtype);
  // A defined output whose shape differs from the broadcast shape is an error (in-place).
  TensorIteratorConfig& resize_outputs(bool value);
  // Operands may live on different devices (copy_ between the CPU and another device);
  // the iterator's device is then the non-CPU one, whose kernel moves the data.
  TensorIteratorConfig& allow_cross_device(bool value);

  TensorIterator build();

 private:
  friend class TensorIterator;
  const char* op_;
  FixedVector<Tensor, kMaxIteratorOperands> outputs_;
  FixedVector<Tensor, kMaxIteratorOperands> inputs_;
  bool check_all_same_dtype_ = true;
  bool promote_inputs_ = false;
  bool promote_integer_to_float_ = false;
  bool cast_to_outputs_ = false;
  bool enforce_safe_casting_ = false;
  bool resize_outputs_ = true;
  bool allow_cross_device_ = false;
  ScalarType static_output_dtype_ = ScalarType::Undefined;
  ScalarType static_common_dtype_ = ScalarType::Undefined;
};

class EMBER_API TensorIterator {
 public:
  int ntensors() const { return static_cast<int>(operands_.size()); }
  int noutputs() const { return noutputs_; }
  int ninputs() const { return ntensors() - noutputs_; }
  int ndim() const { return static_cast<int>(shape_.size()); }
  // Iteration shape, innermost dim first.
  const Shape& shape() const { return shape_; }
  int64_t numel() const { return numel_; }
  // Byte strides of operand `arg` along each iteration dim.
  const Shape& strides(int arg) const { return operands_[arg].strides; }
  char* data(int arg) const { return operands_[arg].data; }
  ScalarType dtype(int arg = 0) const { return operands_[arg].dtype; }
  ScalarType common_dtype() const { return common_dtype_; }
  Device device() const { return device_; }
  const char* op_name() const { return op_; }
  // The output as the caller sees it (after finish(): with the result cast into it).
  const Tensor& output(int i = 0) const { return operands_[i].original; }
  const Tensor& input(int i = 0) const { return operands_[noutputs_ + i].tensor; }
  const Shape& broadcast_shape() const { return broadcast_shape_; }
  // Operand `arg` has stride 0 in every dim (a broadcast scalar).
  bool is_scalar(int arg) const;
  // Every operand is dense and in iteration order: one flat loop covers everything.
  bool is_contiguous() const;

  // Copies results computed in the common dtype into outputs of another dtype and bumps
  // the version of every written output. Call after the kernel.
  void finish();

 private:
  friend class TensorIteratorConfig;
  struct Operand {
    Tensor tensor;    // what the kernel reads or writes
    Tensor original;  // the output the caller asked for (differs when a cast is needed)
    ScalarType dtype = ScalarType::Undefined;
    Shape strides;  // bytes, per iteration dim
    char* data = nullptr;
    bool allocated = false;  // a new output: starts at version 0, as torch's do
  };

  void build(TensorIteratorConfig& config);
  void compute_device(const TensorIteratorConfig& config);
  void compute_shape(const TensorIteratorConfig& config);
  void compute_types(const TensorIteratorConfig& config);
  void compute_permutation();
  void allocate_outputs(const TensorIteratorConfig& config);
  void compute_strides_and_coalesce();
  bool fast_setup(const TensorIteratorConfig& config);

  const char* op_ = "";
  FixedVector<Operand, kMaxIteratorOperands> operands_;  // outputs first, then inputs
  int noutputs_ = 0;
  Shape broadcast_shape_;
  Shape perm_;  // perm_[i]: the tensor dim iterated i-th, innermost first
  Shape shape_;
  int64_t numel_ = 0;
  ScalarType common_dtype_ = ScalarType::Undefined;
  Device device_;
};

// The dtypes the AVX2/AVX-512 kernels are compiled for; other dtypes run the default
// (SSE2) kernels. See wide_simd_ok in dispatch_stub.h.
inline bool is_wide_simd_dtype(ScalarType t) {
  return t == ScalarType::Float32 || t == ScalarType::Float64 || t == ScalarType::Float16 ||
         t == ScalarType::BFloat16 || t == ScalarType::Int32 || t == ScalarType::Int64;
}

inline bool wide_simd_ok(const TensorIterator& iter) {
  for (int i = 0; i < iter.ntensors(); ++i) {
    if (!is_wide_simd_dtype(iter.dtype(i))) return false;
  }
  return true;
}

}  // namespace ember
