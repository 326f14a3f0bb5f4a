// Status: the outcome of an operation that can fail, with the exit code the
// command line reports for it.
//
// Every failure the user can see maps to one of the exit codes of DESIGN.md, so
// a Status is built with the named constructor that says what kind of failure
// it is:
//
//   bw::Status s = bw::Status::Unreachable("https://x.test/: HTTP 404");
//   if (!s.ok()) { std::cerr << s.message() << "\n"; return s.exit_code(); }
#ifndef BUBBLEWATCH_COMMON_STATUS_H_
#define BUBBLEWATCH_COMMON_STATUS_H_

#include <string>
#include <utility>

namespace bw {

// The process exit codes (sysexits.h values), documented in README.md.
enum class ExitCode : int {
  kOk = 0,
  kUsage = 64,        // bad command line, URL or scheme
  kBadData = 65,      // input that cannot be read: bad encoding, unsupported type, too large
  kUnreachable = 69,  // network failure, timeout, HTTP error status
  kIoError = 74,      // file or database error
  kBusy = 75,         // another run holds the lock
};

class Status {
 public:
  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status Usage(std::string msg) { return Status(ExitCode::kUsage, std::move(msg)); }
  static Status BadData(std::string msg) { return Status(ExitCode::kBadData, std::move(msg)); }
  static Status Unreachable(std::string msg) {
    return Status(ExitCode::kUnreachable, std::move(msg));
  }
  static Status IoError(std::string msg) { return Status(ExitCode::kIoError, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(ExitCode::kBusy, std::move(msg)); }

  bool ok() const { return code_ == ExitCode::kOk; }
  ExitCode code() const { return code_; }
  int exit_code() const { return static_cast<int>(code_); }
  // One line, naming the input and the cause. Empty when ok().
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "prefix: message".
  Status WithPrefix(const std::string& prefix) const {
    return Status(code_, prefix + ": " + message_);
  }

 private:
  Status(ExitCode code, std::string msg) : code_(code), message_(std::move(msg)) {}

  ExitCode code_ = ExitCode::kOk;
  std::string message_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_COMMON_STATUS_H_
