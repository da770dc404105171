// Argument conversions shared by the bindings of the reduction, scan and sorting ops, and
// the named tuples they return (ember.return_types).
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <tuple>

#include "ember/core/errors.h"
#include "ember/ops/reduce_iterator.h"
#include "ember/python/casters.h"

namespace ember::python {

// dim=None / int / sequence of ints, as torch's reductions take it.
inline DimList dims_from_object(pybind11::handle obj, const char* op) {
  if (obj.is_none()) return std::nullopt;
  Shape dims;
  if (shape_from_object(obj.ptr(), &dims)) return dims;
  throw TypeError(detail::concat("[", op, "] ", op,
                                 "(): argument 'dim' must be int or tuple of ints, not ",
                                 Py_TYPE(obj.ptr())->tp_name));
}

// ember.return_types.<name>(first, second).
inline pybind11::object named_pair(const char* name, const Tensor& first, const Tensor& second) {
  static PyObject* module = pybind11::module_::import("ember.return_types").release().ptr();
  return pybind11::handle(module).attr(name)(first, second);
}
inline pybind11::object named_pair(const char* name, const std::tuple<Tensor, Tensor>& pair) {
  return named_pair(name, std::get<0>(pair), std::get<1>(pair));
}

using OutPair = std::optional<std::tuple<Tensor, Tensor>>;
inline Tensor out_first(const OutPair& out) { return out ? std::get<0>(*out) : Tensor(); }
inline Tensor out_second(const OutPair& out) { return out ? std::get<1>(*out) : Tensor(); }

void bind_reductions(pybind11::module_& m);
void bind_sorting(pybind11::module_& m);
void bind_scans(pybind11::module_& m);

}  // namespace ember::python
