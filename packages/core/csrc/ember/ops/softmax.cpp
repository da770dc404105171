#include "ember/ops/softmax.h"

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"

namespace ember {

EMBER_DEFINE_STUB(softmax_fn, softmax_stub);

namespace {

Tensor softmax_impl(const char* op, const Tensor& x, int64_t dim,
                    std::optional<ScalarType> dtype, bool log) {
  const Tensor in = dtype ? to_dtype(x, *dtype) : x;
  // torch checks the dim first, and an empty input never reaches a dtype's kernel.
  const int64_t d = wrap_dim(dim, in.dim(), op);
  if (in.numel() == 0) return empty(in.sizes(), in.dtype(), in.device());
  if (!is_floating(in.dtype())) {
    EMBER_NOT_IMPLEMENTED("[", op, "] not implemented for dtype ", scalar_type_name(in.dtype()),
                          " (pass dtype= to compute in a floating type)");
  }
  SliceGeometry g;
  g.input = contiguous(in);
  g.output = empty(in.sizes(), in.dtype(), in.device());
  for (int64_t i = 0; i < in.dim(); ++i) {
    if (i < d) g.outer *= in.sizes()[i];
    if (i == d) g.n = in.sizes()[i];
    if (i > d) g.inner *= in.sizes()[i];
  }
  if (in.numel() != 0) softmax_stub(in.device().type, g, log);
  return g.output;
}

}  // namespace

Tensor softmax(const Tensor& x, int64_t dim, std::optional<ScalarType> dtype) {
  OpScope scope("softmax");
  return softmax_impl("softmax", x, dim, dtype, false);
}

Tensor log_softmax(const Tensor& x, int64_t dim, std::optional<ScalarType> dtype) {
  OpScope scope("log_softmax");
  return softmax_impl("log_softmax", x, dim, dtype, true);
}

}  // namespace ember
