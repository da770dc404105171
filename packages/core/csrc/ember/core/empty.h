// Uninitialized tensors: storage plus metadata, no kernel. Every op allocates its
// outputs through these, on any device (meta allocates no memory).
#pragma once

#include "ember/core/tensor.h"

namespace ember {

EMBER_API Tensor empty(const Shape& sizes, ScalarType dtype, Device device = Device());
EMBER_API Tensor empty_strided(const Shape& sizes, const Shape& strides, ScalarType dtype,
                               Device device = Device());
// A new tensor viewing `base`'s storage with other metadata; shares its version counter.
EMBER_API Tensor make_view(const Tensor& base, Shape sizes, Shape strides, int64_t offset);
// The same, reinterpreting the storage as `dtype` (sizes, strides and offset in its
// elements): real/imag, view_as_real, view_as_complex.
EMBER_API Tensor make_view_as_dtype(const Tensor& base, ScalarType dtype, Shape sizes,
                                    Shape strides, int64_t offset);
// Bytes of storage a strided layout needs (0 when any size is 0).
EMBER_API int64_t storage_bytes_for(const Shape& sizes, const Shape& strides, ScalarType dtype,
                                    int64_t storage_offset = 0);

}  // namespace ember
