// Result<T>: either a value or the Status that explains why there is none
// (in the manner of tl::expected / std::expected, which C++20 lacks).
//
//   bw::Result<int> Parse(std::string_view s);
//   auto r = Parse("12");
//   if (!r.ok()) return r.status();
//   int v = *r;
#ifndef BUBBLEWATCH_COMMON_RESULT_H_
#define BUBBLEWATCH_COMMON_RESULT_H_

#include <cassert>
#include <utility>
#include <variant>

#include "common/status.h"

namespace bw {

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose
  // REQUIRES: !status.ok()
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit on purpose
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // The failure; Status::OK() when ok().
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_COMMON_RESULT_H_
