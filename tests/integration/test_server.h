// TestServer: a real HTTP server on 127.0.0.1 (cpp-httplib) for integration
// tests, on a free port, serving in its own thread until destroyed. It keeps
// a log of the requests it received, so tests can assert what was asked for.
#ifndef BUBBLEWATCH_TESTS_INTEGRATION_TEST_SERVER_H_
#define BUBBLEWATCH_TESTS_INTEGRATION_TEST_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/test_files.h"  // Gzip

namespace bw::testing {

struct LoggedRequest {
  std::string path;
  std::string user_agent;
  std::string accept_encoding;
  std::string if_none_match;      // "" when the request had none
  std::string if_modified_since;  // "" when the request had none
  std::chrono::steady_clock::time_point at;  // when the request arrived
  std::string target;  // path and query, as sent
};

class TestServer {
 public:
  TestServer();
  ~TestServer();

  httplib::Server& server() { return server_; }
  // "http://127.0.0.1:PORT" + path.
  std::string Url(const std::string& path) const;
  int port() const { return port_; }
  std::vector<LoggedRequest> Log() const;
  // Starts serving; call after the routes are registered.
  void Start();

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mu_;
  std::vector<LoggedRequest> log_;
};


// Encodes UTF-8 `text` into `charset` with ICU ("Shift_JIS", "EUC-JP", "GBK", "Big5").
std::string Encode(const std::string& text, const char* charset);

}  // namespace bw::testing

#endif  // BUBBLEWATCH_TESTS_INTEGRATION_TEST_SERVER_H_
