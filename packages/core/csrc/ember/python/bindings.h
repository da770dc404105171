// One bind_* function per binding file; module.cpp calls them all. Bindings only
// convert arguments and call the C++ API: no logic lives under python/.
#pragma once

#include <pybind11/pybind11.h>

namespace ember::python {

void bind_runtime(pybind11::module_& m);

}  // namespace ember::python
