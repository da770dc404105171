#include "ember/ops/fill.h"

#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"

namespace ember {

EMBER_DEFINE_STUB(fill_fn, fill_stub);

const Tensor& fill_(const Tensor& t, const Scalar& value) {
  OpScope scope("fill_");
  EMBER_CHECK_TYPE(!(value.is_complex() && !is_complex(t.dtype())), "[fill_] value ",
                   value.repr(), " cannot be converted to type ", scalar_type_name(t.dtype()),
                   " without overflow");
  TensorIterator iter = TensorIteratorConfig("fill_").add_output(t).resize_outputs(false).build();
  fill_stub(iter.device().type, iter, value);
  t.bump_version();
  return t;
}

const Tensor& fill_(const Tensor& t, const Tensor& value) {
  EMBER_CHECK(value.dim() == 0, "[fill_] only supports 0-dimension value tensor but got tensor "
              "with ", value.dim(), " dimensions.");
  return copy_(t, value);
}

const Tensor& zero_(const Tensor& t) { return fill_(t, Scalar(0)); }

}  // namespace ember
