#include "ember/ops/unique.h"

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"
#include "ember/ops/view.h"

namespace ember {

EMBER_DEFINE_STUB(unique_fn, unique_stub);

namespace {

std::tuple<Tensor, Tensor, Tensor> unique_impl(const char* op, const Tensor& x,
                                               bool consecutive, bool return_inverse,
                                               bool return_counts, std::optional<int64_t> dim) {
  if (is_complex(x.dtype())) {
    EMBER_NOT_IMPLEMENTED("[", op, "] not implemented for dtype ", scalar_type_name(x.dtype()),
                          " (complex numbers are not ordered)");
  }
  if (x.device().is_meta()) {
    EMBER_NOT_IMPLEMENTED("[", op, "] cannot run on the meta device: the size of its result "
                          "depends on the data");
  }
  Tensor values, inverse, counts;
  if (!dim) {
    unique_stub(x.device().type, contiguous(reshape(x, {-1})), false, consecutive, &values,
                &inverse, &counts);
    inverse = reshape(inverse, x.sizes());
  } else {
    EMBER_CHECK_INDEX(x.dim() > 0, "[", op, "] Dimension specified as ", *dim,
                      " but tensor has no dimensions");
    const int64_t d = wrap_dim(*dim, x.dim(), op);
    for (int64_t i = 0; i < x.dim(); ++i) {
      EMBER_CHECK(i == d || x.sizes()[i] != 0, "[", op, "] There are 0 sized dimensions, and "
                  "they aren't selected, so unique cannot be applied (shape ",
                  shape_str(x.sizes()), ", dim ", d, ")");
    }
    const Tensor moved = contiguous(movedim(x, {d}, {0}));
    const int64_t n = x.sizes()[d];
    const int64_t m = n == 0 ? 0 : x.numel() / n;
    unique_stub(x.device().type, reshape(moved, {n, m}), true, consecutive, &values, &inverse,
                &counts);
    Shape shape = moved.sizes();
    shape[0] = values.sizes()[0];
    values = contiguous(movedim(reshape(values, shape), {0}, {d}));
  }
  return {values, return_inverse ? inverse : Tensor(), return_counts ? counts : Tensor()};
}

}  // namespace

// sorted=False is answered sorted, which torch allows (and its CPU kernel does too).
std::tuple<Tensor, Tensor, Tensor> unique(const Tensor& x, bool sorted, bool return_inverse,
                                          bool return_counts, std::optional<int64_t> dim) {
  OpScope scope("unique");
  (void)sorted;
  return unique_impl("unique", x, false, return_inverse, return_counts, dim);
}

std::tuple<Tensor, Tensor, Tensor> unique_consecutive(const Tensor& x, bool return_inverse,
                                                      bool return_counts,
                                                      std::optional<int64_t> dim) {
  OpScope scope("unique_consecutive");
  return unique_impl("unique_consecutive", x, true, return_inverse, return_counts, dim);
}

}  // namespace ember
