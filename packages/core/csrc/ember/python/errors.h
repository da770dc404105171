// C++ exceptions -> Python exceptions. pybind11 functions get the translation from the
// registered translator; raw CPython slots (tensor_object.cpp) wrap their bodies in
// EMBER_PY_TRY / EMBER_PY_CATCH(return_on_error).
#pragma once

#include <Python.h>

#include <pybind11/pybind11.h>

namespace ember::python {

void register_exception_translators(pybind11::module_& m);
// Sets the Python error for the exception in flight (call inside a catch block).
void set_python_error_from_current_exception();

}  // namespace ember::python

#define EMBER_PY_TRY try {
#define EMBER_PY_CATCH(on_error)                                   \
  }                                                                \
  catch (...) {                                                    \
    ::ember::python::set_python_error_from_current_exception();    \
    on_error;                                                      \
  }
