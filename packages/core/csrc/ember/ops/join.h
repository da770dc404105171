// Joining tensors: cat (with torch's type promotion across inputs and its rule that
// skips legacy empty 1-D tensors), stack, and the NumPy-style hstack/vstack/dstack/
// column_stack with the atleast_*d helpers they use.
#pragma once

#include <vector>

#include "ember/core/tensor.h"

namespace ember {

EMBER_API Tensor cat(const std::vector<Tensor>& tensors, int64_t dim = 0);
EMBER_API Tensor stack(const std::vector<Tensor>& tensors, int64_t dim = 0);
EMBER_API Tensor hstack(const std::vector<Tensor>& tensors);
EMBER_API Tensor vstack(const std::vector<Tensor>& tensors);
EMBER_API Tensor dstack(const std::vector<Tensor>& tensors);
EMBER_API Tensor column_stack(const std::vector<Tensor>& tensors);
// Views with at least 1, 2 or 3 dims (NumPy's rules: 1-D (n) becomes (1, n) and
// (1, n, 1); 2-D (m, n) becomes (m, n, 1)).
EMBER_API Tensor atleast_1d(const Tensor& t);
EMBER_API Tensor atleast_2d(const Tensor& t);
EMBER_API Tensor atleast_3d(const Tensor& t);

}  // namespace ember
