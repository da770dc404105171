// Reference counting stored in the object itself, so a raw pointer (held by a Python
// object, say) can become an owning handle again without a separate control block.
#pragma once

#include <atomic>
#include <cstdint>
#include <utility>

namespace ember {

class RefCounted {
 public:
  RefCounted() = default;
  RefCounted(const RefCounted&) = delete;
  RefCounted& operator=(const RefCounted&) = delete;
  virtual ~RefCounted() = default;

  void incref() const { refcount_.fetch_add(1, std::memory_order_relaxed); }
  // Returns true when this was the last reference.
  bool decref() const { return refcount_.fetch_sub(1, std::memory_order_acq_rel) == 1; }
  int64_t use_count() const { return refcount_.load(std::memory_order_relaxed); }

 private:
  mutable std::atomic<int64_t> refcount_{0};
};

template <typename T>
class intrusive_ptr {
 public:
  intrusive_ptr() = default;
  intrusive_ptr(std::nullptr_t) {}
  // Takes a new reference to `p`.
  explicit intrusive_ptr(T* p) : ptr_(p) {
    if (ptr_) ptr_->incref();
  }
  intrusive_ptr(const intrusive_ptr& other) : ptr_(other.ptr_) {
    if (ptr_) ptr_->incref();
  }
  intrusive_ptr(intrusive_ptr&& other) noexcept : ptr_(other.ptr_) { other.ptr_ = nullptr; }
  template <typename U>
  intrusive_ptr(intrusive_ptr<U> other) : ptr_(other.release()) {}
  ~intrusive_ptr() { reset(); }

  intrusive_ptr& operator=(intrusive_ptr other) noexcept {
    std::swap(ptr_, other.ptr_);
    return *this;
  }

  template <typename... Args>
  static intrusive_ptr make(Args&&... args) {
    return intrusive_ptr(new T(std::forward<Args>(args)...));
  }
  // Adopts a reference previously given up by release().
  static intrusive_ptr reclaim(T* p) {
    intrusive_ptr out;
    out.ptr_ = p;
    return out;
  }
  // Gives up ownership without decrementing.
  T* release() {
    T* p = ptr_;
    ptr_ = nullptr;
    return p;
  }
  void reset() {
    if (ptr_ && ptr_->decref()) delete ptr_;
    ptr_ = nullptr;
  }

  T* get() const { return ptr_; }
  T* operator->() const { return ptr_; }
  T& operator*() const { return *ptr_; }
  explicit operator bool() const { return ptr_ != nullptr; }
  bool operator==(const intrusive_ptr& other) const { return ptr_ == other.ptr_; }
  bool operator!=(const intrusive_ptr& other) const { return ptr_ != other.ptr_; }

 private:
  T* ptr_ = nullptr;
};

}  // namespace ember
