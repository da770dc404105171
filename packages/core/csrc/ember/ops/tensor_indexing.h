// Tensor.__getitem__ / __setitem__ in C++ (torch's at::indexing): a list of index items
// (integers, slices, None, Ellipsis, bools, tensors) applied as views where they can
// be, then as advanced indexing (ops/indexing.h) for the tensor items. The Python layer
// only turns its objects into TensorIndex items.
#pragma once

#include <optional>
#include <vector>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"

namespace ember {

struct EMBER_API TensorIndex {
  enum class Kind : int8_t { None, Ellipsis, Integer, Boolean, Slice, Tensor };

  static TensorIndex none() { return TensorIndex(Kind::None); }
  static TensorIndex ellipsis() { return TensorIndex(Kind::Ellipsis); }
  static TensorIndex integer(int64_t i) {
    TensorIndex t(Kind::Integer);
    t.integer_ = i;
    return t;
  }
  static TensorIndex boolean(bool b) {
    TensorIndex t(Kind::Boolean);
    t.boolean_ = b;
    return t;
  }
  // Python's slice: absent bounds are nullopt; step must be positive.
  static TensorIndex slice(std::optional<int64_t> start, std::optional<int64_t> stop,
                           int64_t step = 1) {
    TensorIndex t(Kind::Slice);
    t.start_ = start;
    t.stop_ = stop;
    t.step_ = step;
    return t;
  }
  static TensorIndex tensor(Tensor value) {
    TensorIndex t(Kind::Tensor);
    t.tensor_ = std::move(value);
    return t;
  }

  Kind kind() const { return kind_; }
  int64_t integer() const { return integer_; }
  bool boolean() const { return boolean_; }
  std::optional<int64_t> start() const { return start_; }
  std::optional<int64_t> stop() const { return stop_; }
  int64_t step() const { return step_; }
  const Tensor& tensor() const { return tensor_; }

 private:
  explicit TensorIndex(Kind kind) : kind_(kind) {}
  Kind kind_;
  int64_t integer_ = 0;
  bool boolean_ = false;
  std::optional<int64_t> start_, stop_;
  int64_t step_ = 1;
  Tensor tensor_;
};

// self[items]: a view when every item is basic, else a new tensor.
EMBER_API Tensor index_get(const Tensor& self, const std::vector<TensorIndex>& items);
// self[items] = value (broadcast to the target, converted to self's dtype).
EMBER_API void index_set(const Tensor& self, const std::vector<TensorIndex>& items,
                         const Tensor& value);
EMBER_API void index_set(const Tensor& self, const std::vector<TensorIndex>& items,
                         const Scalar& value);

}  // namespace ember
