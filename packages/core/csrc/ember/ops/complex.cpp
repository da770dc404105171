#include "ember/ops/complex.h"

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/dispatch/observer.h"
#include "ember/ops/copy.h"

namespace ember {

EMBER_DEFINE_STUB(complex_fn, complex_stub);
EMBER_DEFINE_STUB(complex_fn, polar_stub);
EMBER_DEFINE_STUB(complex_fn, angle_stub);
EMBER_DEFINE_STUB(complex_fn, conj_stub);

namespace {

// The complex tensor `t` seen as its real dtype: sizes kept, strides and offset doubled,
// `part` (0 real, 1 imaginary) added to the offset.
Tensor part_view(const Tensor& t, int64_t part) {
  Shape strides = t.strides();
  for (auto& s : strides) s *= 2;
  return make_view_as_dtype(t, to_real(t.dtype()), t.sizes(), std::move(strides),
                            t.storage_offset() * 2 + part);
}

Tensor run_kernel(DispatchStub<complex_fn>& stub, TensorIteratorConfig& config) {
  TensorIterator iter = config.build();
  stub(iter.device().type, iter);
  iter.finish();
  return iter.output();
}

// complex() and polar(): two real tensors of one floating dtype -> the complex dtype.
TensorIteratorConfig make_pair_config(const char* op, const Tensor& out, const Tensor& a,
                                      const Tensor& b) {
  const ScalarType t = a.dtype();
  EMBER_CHECK(t == ScalarType::Float32 || t == ScalarType::Float64 ||
                  t == ScalarType::Float16,
              "[", op, "] Expected both inputs to be Half, Float or Double tensors but got ",
              scalar_type_name(a.dtype()), " and ", scalar_type_name(b.dtype()));
  EMBER_CHECK(a.dtype() == b.dtype(), "[", op, "] Expected object of scalar type ",
              scalar_type_name(a.dtype()), " but got scalar type ", scalar_type_name(b.dtype()),
              " for second argument");
  EMBER_CHECK(t != ScalarType::Float16, "[", op,
              "] complex32 (complex float16) is not supported by ember: use float32 or float64 "
              "inputs");
  TensorIteratorConfig config(op);
  config.add_output(out)
      .add_input(a)
      .add_input(b)
      .declare_static_common_dtype(t)
      .declare_static_output_dtype(to_complex(t))
      .cast_common_dtype_to_outputs(true)
      .enforce_safe_casting_to_output(true);
  return config;
}

TensorIteratorConfig make_angle_config(const Tensor& out, const Tensor& t) {
  const ScalarType in = is_complex(t.dtype()) || is_floating(t.dtype()) ? t.dtype()
                                                                        : default_dtype();
  TensorIteratorConfig config("angle");
  config.add_output(out)
      .add_input(t)
      .declare_static_common_dtype(in)
      .declare_static_output_dtype(to_real(in))
      .cast_common_dtype_to_outputs(true)
      .enforce_safe_casting_to_output(true);
  return config;
}

}  // namespace

Tensor real(const Tensor& t) {
  OpScope scope("real");
  return is_complex(t.dtype()) ? part_view(t, 0) : t;
}

Tensor imag(const Tensor& t) {
  OpScope scope("imag");
  EMBER_CHECK(is_complex(t.dtype()),
              "[imag] imag is not implemented for tensors with non-complex dtypes (got ",
              scalar_type_name(t.dtype()), ")");
  return part_view(t, 1);
}

Tensor view_as_real(const Tensor& t) {
  OpScope scope("view_as_real");
  EMBER_CHECK(is_complex(t.dtype()),
              "[view_as_real] view_as_real is only supported for complex tensors, got ",
              scalar_type_name(t.dtype()));
  Shape sizes = t.sizes();
  Shape strides = t.strides();
  for (auto& s : strides) s *= 2;
  sizes.push_back(2);
  strides.push_back(1);
  return make_view_as_dtype(t, to_real(t.dtype()), std::move(sizes), std::move(strides),
                            t.storage_offset() * 2);
}

Tensor view_as_complex(const Tensor& t) {
  OpScope scope("view_as_complex");
  EMBER_CHECK(t.dtype() == ScalarType::Float32 || t.dtype() == ScalarType::Float64,
              "[view_as_complex] view_as_complex is only supported for float and double "
              "tensors, but got a tensor of scalar type: ",
              scalar_type_name(t.dtype()));
  EMBER_CHECK(t.dim() > 0, "[view_as_complex] Input tensor must have one or more dimensions");
  EMBER_CHECK(t.sizes().back() == 2,
              "[view_as_complex] Tensor must have a last dimension of size 2, got shape ",
              shape_str(t.sizes()));
  EMBER_CHECK(t.strides().back() == 1,
              "[view_as_complex] Tensor must have a last dimension with stride 1, got strides ",
              shape_str(t.strides()));
  Shape sizes(t.sizes().begin(), t.sizes().end() - 1);
  Shape strides(t.strides().begin(), t.strides().end() - 1);
  for (auto& s : strides) {
    EMBER_CHECK(s % 2 == 0,
                "[view_as_complex] Tensor must have a stride divisible by 2 for all but last "
                "dimension, got strides ",
                shape_str(t.strides()));
    s /= 2;
  }
  EMBER_CHECK(t.storage_offset() % 2 == 0,
              "[view_as_complex] Tensor must have a storage_offset divisible by 2, got ",
              t.storage_offset());
  return make_view_as_dtype(t, to_complex(t.dtype()), std::move(sizes), std::move(strides),
                            t.storage_offset() / 2);
}

Tensor complex(const Tensor& re, const Tensor& im) {
  OpScope scope("complex");
  auto config = make_pair_config("complex", Tensor(), re, im);
  return run_kernel(complex_stub, config);
}

const Tensor& complex_out(const Tensor& out, const Tensor& re, const Tensor& im) {
  OpScope scope("complex");
  auto config = make_pair_config("complex", out, re, im);
  run_kernel(complex_stub, config);
  return out;
}

Tensor polar(const Tensor& abs, const Tensor& angle) {
  OpScope scope("polar");
  auto config = make_pair_config("polar", Tensor(), abs, angle);
  return run_kernel(polar_stub, config);
}

const Tensor& polar_out(const Tensor& out, const Tensor& abs, const Tensor& angle) {
  OpScope scope("polar");
  auto config = make_pair_config("polar", out, abs, angle);
  run_kernel(polar_stub, config);
  return out;
}

Tensor angle(const Tensor& t) {
  OpScope scope("angle");
  auto config = make_angle_config(Tensor(), t);
  return run_kernel(angle_stub, config);
}

const Tensor& angle_out(const Tensor& out, const Tensor& t) {
  OpScope scope("angle");
  auto config = make_angle_config(out, t);
  run_kernel(angle_stub, config);
  return out;
}

Tensor conj(const Tensor& t) {
  OpScope scope("conj");
  if (!is_complex(t.dtype())) return t;
  TensorIteratorConfig config("conj");
  config.add_output(Tensor()).add_input(t);
  return run_kernel(conj_stub, config);
}

Tensor conj_physical(const Tensor& t) {
  OpScope scope("conj_physical");
  if (!is_complex(t.dtype())) return t;
  TensorIteratorConfig config("conj_physical");
  config.add_output(Tensor()).add_input(t);
  return run_kernel(conj_stub, config);
}

const Tensor& conj_physical_(const Tensor& t) {
  OpScope scope("conj_physical_");
  if (!is_complex(t.dtype())) return t;
  TensorIteratorConfig config("conj_physical_");
  config.add_output(t).add_input(t).resize_outputs(false);
  run_kernel(conj_stub, config);
  return t;
}

Tensor resolve_conj(const Tensor& t) { return t; }

bool is_conj(const Tensor&) { return false; }

}  // namespace ember
