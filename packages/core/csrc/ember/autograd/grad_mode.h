// Grad modes, per thread as in torch: no_grad / enable_grad / set_grad_enabled switch
// recording off and on; inference_mode also switches it off (and marks what it creates).
#pragma once

#include "ember/export.h"

namespace ember::autograd {

EMBER_API bool is_grad_enabled();
EMBER_API void set_grad_enabled(bool enabled);
EMBER_API bool is_inference_mode_enabled();
EMBER_API void set_inference_mode_enabled(bool enabled);

// Sets grad mode for a scope and restores the previous one.
class GradModeGuard {
 public:
  explicit GradModeGuard(bool enabled) : previous_(is_grad_enabled()) {
    set_grad_enabled(enabled);
  }
  ~GradModeGuard() { set_grad_enabled(previous_); }
  GradModeGuard(const GradModeGuard&) = delete;
  GradModeGuard& operator=(const GradModeGuard&) = delete;

 private:
  bool previous_;
};

}  // namespace ember::autograd
