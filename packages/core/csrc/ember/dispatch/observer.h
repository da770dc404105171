// The observer hook: a profiler sees every op's entry and exit. Without an observer the
// cost is one load and one predictable branch per op (OpScope below).
#pragma once

#include <atomic>

#include "ember/core/errors.h"
#include "ember/export.h"

namespace ember {

class EMBER_API OpObserver {
 public:
  virtual ~OpObserver() = default;
  virtual void enter(const char* op) = 0;
  virtual void exit(const char* op) = 0;
};

// Installs `observer` (nullptr removes it). The caller keeps it alive while installed.
EMBER_API void set_op_observer(OpObserver* observer);
EMBER_API OpObserver* op_observer();

namespace observer_detail {
extern EMBER_API std::atomic<OpObserver*> g_observer;
}

// Placed first in every public op: `OpScope scope("add");`.
class OpScope {
 public:
  explicit OpScope(const char* op) {
    OpObserver* observer = observer_detail::g_observer.load(std::memory_order_relaxed);
    if (EMBER_UNLIKELY(observer != nullptr)) {
      observer_ = observer;
      op_ = op;
      observer->enter(op);
    }
  }
  ~OpScope() {
    if (EMBER_UNLIKELY(observer_ != nullptr)) observer_->exit(op_);
  }
  OpScope(const OpScope&) = delete;
  OpScope& operator=(const OpScope&) = delete;

 private:
  OpObserver* observer_ = nullptr;
  const char* op_ = nullptr;
};

}  // namespace ember
