// The dispatcher's Python face: naming the out-of-tree backend slot, and recording which
// ops run (a minimal observer; the profiler package builds on the same hook).
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "ember/core/device.h"
#include "ember/dispatch/observer.h"
#include <pybind11/stl.h>

#include "ember/python/bindings.h"

namespace py = pybind11;

namespace ember::python {
namespace {

class OpRecorder final : public OpObserver {
 public:
  void enter(const char* op) override {
    std::lock_guard<std::mutex> lock(mutex_);
    ops_.emplace_back(op);
  }
  void exit(const char*) override {}
  std::vector<std::string> take() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(ops_, {});
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> ops_;
};

OpRecorder recorder;

}  // namespace

void bind_dispatch(py::module_& m) {
  m.def("_register_privateuse1_backend", &register_privateuse1_backend, py::arg("name"),
        "Name the out-of-tree device slot (what an extension does when it loads).");
  m.def("_start_op_recording", [] {
    recorder.take();
    set_op_observer(&recorder);
  });
  m.def("_stop_op_recording", [] {
    if (op_observer() == &recorder) set_op_observer(nullptr);
    return recorder.take();
  });
}

}  // namespace ember::python
