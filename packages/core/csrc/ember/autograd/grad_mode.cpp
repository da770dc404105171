#include "ember/autograd/grad_mode.h"

namespace ember::autograd {
namespace {
thread_local bool grad_enabled = true;
thread_local bool inference_mode = false;
}  // namespace

bool is_grad_enabled() { return grad_enabled; }
void set_grad_enabled(bool enabled) { grad_enabled = enabled; }
bool is_inference_mode_enabled() { return inference_mode; }
void set_inference_mode_enabled(bool enabled) { inference_mode = enabled; }

}  // namespace ember::autograd
