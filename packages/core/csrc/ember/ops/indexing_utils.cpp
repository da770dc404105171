#include "ember/ops/indexing_utils.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "ember/core/empty.h"
#include "ember/core/errors.h"
#include "ember/core/shape.h"
#include "ember/ops/binary.h"
#include "ember/ops/copy.h"

namespace ember::detail {

std::string shape_list(const Shape& shape) {
  std::ostringstream out;
  out << "[";
  for (size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
  out << "]";
  return out.str();
}

const Tensor& write_out(const char* op, const Tensor& out, const Tensor& result) {
  EMBER_CHECK(out.device().type == result.device().type, "[", op,
              "] Expected out tensor to have device ", result.device().str(), ", but got ",
              out.device().str(), " instead");
  EMBER_CHECK(can_cast(result.dtype(), out.dtype()), "[", op, "] result type ",
              scalar_type_name(result.dtype()), " can't be cast to the desired output type ",
              scalar_type_name(out.dtype()));
  if (out.sizes() != result.sizes()) {
    EMBER_CHECK(out.numel() == 0, "[", op, "] output with shape ", shape_str(out.sizes()),
                " doesn't match the result shape ", shape_str(result.sizes()));
    const Shape strides = contiguous_strides(result.sizes());
    out.storage()->resize(static_cast<size_t>(
        storage_bytes_for(result.sizes(), strides, out.dtype(), out.storage_offset())));
    out.impl()->set_sizes_strides(result.sizes(), strides, out.storage_offset());
  }
  copy_(out, result);
  return out;
}

namespace {

template <typename T>
bool int_fits(const Scalar& v) {
  using L = std::numeric_limits<T>;
  if (v.is_floating()) {
    const double d = v.to_double();
    // Truncation toward zero is what the conversion does; the range is what torch checks.
    return std::isfinite(d) && d > static_cast<double>(L::min()) - 1.0 &&
           d < static_cast<double>(L::max()) + 1.0;
  }
  const int64_t i = v.to_int();
  if constexpr (std::is_same_v<T, int64_t>) {
    return true;
  } else {
    return i >= static_cast<int64_t>(L::min()) && i <= static_cast<int64_t>(L::max());
  }
}

bool float_fits(const Scalar& v, double max) {
  const double d = v.to_double();
  return !std::isfinite(d) || std::abs(d) <= max;
}

}  // namespace

void check_value_fits(const char* op, const Scalar& value, ScalarType dtype) {
  bool ok = true;
  if (value.is_complex()) {
    ok = is_complex(dtype);
  } else if (value.is_bool()) {
    ok = true;
  } else {
    switch (dtype) {
      case ScalarType::UInt8: ok = int_fits<uint8_t>(value); break;
      case ScalarType::Int8: ok = int_fits<int8_t>(value); break;
      case ScalarType::Int16: ok = int_fits<int16_t>(value); break;
      case ScalarType::Int32: ok = int_fits<int32_t>(value); break;
      case ScalarType::Int64: ok = int_fits<int64_t>(value); break;
      case ScalarType::Float16: ok = float_fits(value, 65504.0); break;
      case ScalarType::BFloat16: ok = float_fits(value, 3.3895313892515355e38); break;
      case ScalarType::Float32:
        ok = float_fits(value, static_cast<double>(std::numeric_limits<float>::max()));
        break;
      default: break;
    }
  }
  EMBER_CHECK(ok, "[", op, "] value ", value.repr(), " cannot be converted to type ",
              scalar_type_name(dtype), " without overflow");
}

Scalar tensor_to_scalar(const Tensor& t) {
  EMBER_CHECK(t.numel() == 1, "[item] a Tensor with ", t.numel(),
              " elements cannot be converted to Scalar");
  if (t.device().is_meta()) return Scalar(int64_t(0));
  const Tensor cpu = t.device().is_cpu() ? t : to_device(t, Device(DeviceType::CPU));
  const char* p = static_cast<const char*>(cpu.data_ptr());
  switch (cpu.dtype()) {
    case ScalarType::Bool: return Scalar(*reinterpret_cast<const bool*>(p));
    case ScalarType::UInt8: return Scalar(int64_t(*reinterpret_cast<const uint8_t*>(p)));
    case ScalarType::Int8: return Scalar(int64_t(*reinterpret_cast<const int8_t*>(p)));
    case ScalarType::Int16: return Scalar(int64_t(*reinterpret_cast<const int16_t*>(p)));
    case ScalarType::Int32: return Scalar(int64_t(*reinterpret_cast<const int32_t*>(p)));
    case ScalarType::Int64: return Scalar(*reinterpret_cast<const int64_t*>(p));
    case ScalarType::Float16: return Scalar(*reinterpret_cast<const Half*>(p));
    case ScalarType::BFloat16: return Scalar(*reinterpret_cast<const BFloat16*>(p));
    case ScalarType::Float32: return Scalar(*reinterpret_cast<const float*>(p));
    case ScalarType::Float64: return Scalar(*reinterpret_cast<const double*>(p));
    case ScalarType::Complex64: return Scalar(*reinterpret_cast<const std::complex<float>*>(p));
    case ScalarType::Complex128:
      return Scalar(*reinterpret_cast<const std::complex<double>*>(p));
    case ScalarType::Undefined: break;
  }
  throw TypeError("[item] undefined dtype");
}

Tensor index_as_long(const char* op, const Tensor& index, bool allow_int32, Device device) {
  const ScalarType t = index.dtype();
  if (allow_int32) {
    EMBER_CHECK(t == ScalarType::Int64 || t == ScalarType::Int32, "[", op, "] ", op,
                "(): Expected dtype int32/int64 for index but got: ", scalar_type_name(t));
  } else {
    EMBER_CHECK(t == ScalarType::Int64, "[", op, "] ", op,
                "(): Expected dtype int64 for index but got: ", scalar_type_name(t));
  }
  Tensor out = to_dtype(index, ScalarType::Int64);
  if (out.device().type != device.type) out = to_device(out, device);
  return out;
}

bool shares_storage(const Tensor& a, const Tensor& b) {
  return a.storage().get() == b.storage().get();
}

Tensor broadcast_view(const Tensor& t, const Shape& sizes) {
  const int64_t nd = static_cast<int64_t>(sizes.size());
  const int64_t offset = nd - t.dim();
  Shape strides(sizes.size(), 0);
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (t.sizes()[d] != 1) strides[offset + d] = t.strides()[d];
  }
  return make_view(t, sizes, strides, t.storage_offset());
}

TensorIterator build_pointwise(const char* op, const Tensor& out,
                               const std::vector<Tensor>& inputs, ScalarType common,
                               bool inplace) {
  TensorIteratorConfig config(op);
  config.add_output(out);
  for (const Tensor& t : inputs) config.add_input(t);
  config.declare_static_common_dtype(common)
      .cast_common_dtype_to_outputs(true)
      .enforce_safe_casting_to_output(true)
      .resize_outputs(!inplace);
  return config.build();
}

Tensor wrap_number(const char* op, const Scalar& s, ScalarType dtype, Device device) {
  check_value_fits(op, s, dtype);
  return scalar_to_tensor(s, dtype, device.is_meta() ? device : Device());
}

}  // namespace ember::detail
