// Complex numbers: the views between complex and real tensors (real, imag,
// view_as_real, view_as_complex), building complex tensors (complex, polar) and the
// complex-only elementwise ops (angle, conj). Ember materializes conjugates eagerly:
// conj() of a complex tensor is a new tensor, so is_conj() is always false.
#pragma once

#include "ember/core/tensor.h"
#include "ember/dispatch/dispatch_stub.h"
#include "ember/ops/tensor_iterator.h"

namespace ember {

// Views (they share the storage): the real part of a complex tensor (a real tensor is
// its own real part), the imaginary part (complex only), the (..., 2) real view and back.
EMBER_API Tensor real(const Tensor& t);
EMBER_API Tensor imag(const Tensor& t);
EMBER_API Tensor view_as_real(const Tensor& t);
EMBER_API Tensor view_as_complex(const Tensor& t);

// real + i * imag, and abs * (cos(angle) + i sin(angle)); float32/float64 inputs of
// one dtype, broadcast.
EMBER_API Tensor complex(const Tensor& real, const Tensor& imag);
EMBER_API const Tensor& complex_out(const Tensor& out, const Tensor& real, const Tensor& imag);
EMBER_API Tensor polar(const Tensor& abs, const Tensor& angle);
EMBER_API const Tensor& polar_out(const Tensor& out, const Tensor& abs, const Tensor& angle);

// The argument of each element (pi for negative reals, 0 otherwise); real dtype result.
EMBER_API Tensor angle(const Tensor& t);
EMBER_API const Tensor& angle_out(const Tensor& out, const Tensor& t);

// conj: a conjugated copy for complex tensors, the tensor itself otherwise.
EMBER_API Tensor conj(const Tensor& t);
// conj_physical: the same (torch returns a real input itself); conj_physical_ in place.
EMBER_API Tensor conj_physical(const Tensor& t);
EMBER_API const Tensor& conj_physical_(const Tensor& t);
EMBER_API Tensor resolve_conj(const Tensor& t);
EMBER_API bool is_conj(const Tensor& t);

using complex_fn = void (*)(TensorIterator&);
EMBER_DECLARE_STUB(complex_fn, complex_stub);
EMBER_DECLARE_STUB(complex_fn, polar_stub);
EMBER_DECLARE_STUB(complex_fn, angle_stub);
EMBER_DECLARE_STUB(complex_fn, conj_stub);

}  // namespace ember
