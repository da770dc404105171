// One bind_* function per binding file; module.cpp calls them in order. Bindings only
// convert arguments and call the C++ API: no logic lives under python/.
#pragma once

#include <pybind11/pybind11.h>

#include <utility>

namespace ember::python {

void bind_runtime(pybind11::module_& m);
void bind_dtype_device(pybind11::module_& m);
void bind_tensor(pybind11::module_& m);
void bind_creation(pybind11::module_& m);
void bind_elementwise(pybind11::module_& m);
void bind_views(pybind11::module_& m);
void bind_dispatch(pybind11::module_& m);
void bind_random(pybind11::module_& m);
void bind_linalg(pybind11::module_& m);
void bind_indexing(pybind11::module_& m);
void bind_join(pybind11::module_& m);
void bind_pointwise(pybind11::module_& m);
void bind_reduce(pybind11::module_& m);
void bind_complex(pybind11::module_& m);
void bind_fft(pybind11::module_& m);
void bind_storage(pybind11::module_& m);
void bind_autograd(pybind11::module_& m);

// The Python tensor type, as a handle for attaching methods.
pybind11::handle tensor_type_handle();

// Binds `f` as ember._C.<name>(input, ...) and as the method Tensor.<name>(...): `extra`
// annotates the arguments after the first (the tensor, named `input` or `self`).
template <typename F, typename... Extra>
void def_function_and_method(pybind11::module_& m, const char* name, F&& f,
                             const Extra&... extra) {
  if constexpr (sizeof...(Extra) == 0) {
    m.def(name, f);
  } else {
    m.def(name, f, pybind11::arg("input"), extra...);
  }
  pybind11::handle type = tensor_type_handle();
  pybind11::cpp_function method(std::forward<F>(f), pybind11::name(name),
                                pybind11::is_method(type),
                                pybind11::sibling(pybind11::getattr(type, name, pybind11::none())),
                                extra...);
  type.attr(name) = method;
}

// Binds `f` as the method Tensor.<name> only.
template <typename F, typename... Extra>
void def_method(const char* name, F&& f, const Extra&... extra) {
  pybind11::handle type = tensor_type_handle();
  pybind11::cpp_function method(std::forward<F>(f), pybind11::name(name),
                                pybind11::is_method(type),
                                pybind11::sibling(pybind11::getattr(type, name, pybind11::none())),
                                extra...);
  type.attr(name) = method;
}

}  // namespace ember::python
