// Ops that move elements without computing new values: flip, roll, repeat, tile,
// repeat_interleave, tril/triu and constant padding. Most are views plus copy_ (so they
// run on any device that can copy); tril/triu and repeat_interleave's index have kernels.
#pragma once

#include <optional>

#include "ember/core/scalar.h"
#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"

namespace ember {

EMBER_API Tensor flip(const Tensor& self, const Shape& dims);
EMBER_API Tensor fliplr(const Tensor& self);
EMBER_API Tensor flipud(const Tensor& self);
// Empty dims: roll the flattened tensor and restore its shape.
EMBER_API Tensor roll(const Tensor& self, const Shape& shifts, const Shape& dims = {});
EMBER_API Tensor rot90(const Tensor& self, int64_t k = 1, const Shape& dims = {0, 1});
// Tensor.repeat: `repeats` has at least self.dim() entries.
EMBER_API Tensor repeat(const Tensor& self, const Shape& repeats);
EMBER_API Tensor tile(const Tensor& self, const Shape& dims);
// dim: none repeats the flattened tensor. output_size: the length of the result along
// dim when known (it saves reading `repeats`, and lets meta tensors run).
EMBER_API Tensor repeat_interleave(const Tensor& self, int64_t repeats,
                                   std::optional<int64_t> dim = std::nullopt,
                                   std::optional<int64_t> output_size = std::nullopt);
EMBER_API Tensor repeat_interleave(const Tensor& self, const Tensor& repeats,
                                   std::optional<int64_t> dim = std::nullopt,
                                   std::optional<int64_t> output_size = std::nullopt);
// torch.repeat_interleave(repeats): index i repeated repeats[i] times.
EMBER_API Tensor repeat_interleave(const Tensor& repeats,
                                   std::optional<int64_t> output_size = std::nullopt);
EMBER_API Tensor tril(const Tensor& self, int64_t diagonal = 0);
EMBER_API Tensor triu(const Tensor& self, int64_t diagonal = 0);
EMBER_API const Tensor& tril_(const Tensor& self, int64_t diagonal = 0);
EMBER_API const Tensor& triu_(const Tensor& self, int64_t diagonal = 0);
// pad: (left, right) pairs from the last dim backwards; negative values crop.
EMBER_API Tensor constant_pad_nd(const Tensor& self, const Shape& pad, const Scalar& value = 0);

// out = self with the elements above (tril) or below (triu) the diagonal zeroed; out
// and self have one shape and may be one tensor.
using triangle_fn = void (*)(const Tensor& out, const Tensor& self, int64_t diagonal, bool upper);
EMBER_DECLARE_STUB(triangle_fn, triangle_stub);
// The index repeat_interleave selects with: i repeated repeats[i] times (repeats is 1-D
// int64, contiguous). output_size < 0 when unknown, else the length the result must have.
using repeat_interleave_fn = Tensor (*)(const Tensor& repeats, int64_t output_size);
EMBER_DECLARE_STUB(repeat_interleave_fn, repeat_interleave_stub);

}  // namespace ember
