// Exceptions the core throws. Each maps to one Python exception type in the bindings
// (python/errors.cpp), and every message starts with the op's name in brackets:
// "[matmul] ...", so every backend reports the same words (MLX's convention).
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "ember/export.h"

namespace ember {

struct EMBER_API Error : std::runtime_error {  // -> RuntimeError
  using std::runtime_error::runtime_error;
};
struct EMBER_API ValueError : Error {  // -> ValueError
  using Error::Error;
};
struct EMBER_API TypeError : Error {  // -> TypeError
  using Error::Error;
};
struct EMBER_API IndexError : Error {  // -> IndexError
  using Error::Error;
};
struct EMBER_API NotImplementedError : Error {  // -> NotImplementedError
  using Error::Error;
};

namespace detail {
template <typename... Args>
std::string concat(const Args&... args) {
  std::ostringstream out;
  (out << ... << args);
  return out.str();
}
}  // namespace detail

}  // namespace ember

#if defined(__GNUC__)
#define EMBER_LIKELY(x) __builtin_expect(!!(x), 1)
#define EMBER_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define EMBER_LIKELY(x) (x)
#define EMBER_UNLIKELY(x) (x)
#endif

// EMBER_CHECK(cond, "[op] ", parts...) throws ember::Error with the parts streamed.
#define EMBER_CHECK_AS(ExceptionType, cond, ...)                         \
  do {                                                                   \
    if (EMBER_UNLIKELY(!(cond))) {                                       \
      throw ExceptionType(::ember::detail::concat(__VA_ARGS__));         \
    }                                                                    \
  } while (0)
#define EMBER_CHECK(cond, ...) EMBER_CHECK_AS(::ember::Error, cond, __VA_ARGS__)
#define EMBER_CHECK_VALUE(cond, ...) EMBER_CHECK_AS(::ember::ValueError, cond, __VA_ARGS__)
#define EMBER_CHECK_TYPE(cond, ...) EMBER_CHECK_AS(::ember::TypeError, cond, __VA_ARGS__)
#define EMBER_CHECK_INDEX(cond, ...) EMBER_CHECK_AS(::ember::IndexError, cond, __VA_ARGS__)
#define EMBER_NOT_IMPLEMENTED(...) \
  throw ::ember::NotImplementedError(::ember::detail::concat(__VA_ARGS__))
