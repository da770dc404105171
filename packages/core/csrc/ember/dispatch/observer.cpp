#include "ember/dispatch/observer.h"

namespace ember {

namespace observer_detail {
std::atomic<OpObserver*> g_observer{nullptr};
}

void set_op_observer(OpObserver* observer) {
  observer_detail::g_observer.store(observer, std::memory_order_release);
}

OpObserver* op_observer() { return observer_detail::g_observer.load(std::memory_order_acquire); }

}  // namespace ember
