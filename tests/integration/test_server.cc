#include "tests/integration/test_server.h"

#include <sys/socket.h>
#include <unicode/ucnv.h>

#include <chrono>
#include <stdexcept>

namespace bw::testing {

TestServer::TestServer() {
  // Logged before routing, so the entry exists before the client has its answer.
  server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
    std::lock_guard<std::mutex> lock(mu_);
    log_.push_back({req.path, req.get_header_value("User-Agent"),
                    req.get_header_value("Accept-Encoding"), req.get_header_value("If-None-Match"),
                    req.get_header_value("If-Modified-Since"), std::chrono::steady_clock::now(),
                    req.target});
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // httplib 0.11 listens with a backlog of 5; more connections at once
  // overflow it and the kernel makes the client retry a second later, which
  // would blur tests of concurrent transfers and of crawl delays. So the
  // listening socket is kept, and its backlog raised once it listens.
  socket_t listening = -1;
  server_.set_socket_options([&listening](socket_t sock) {
    httplib::default_socket_options(sock);
    listening = sock;
  });
  // Answers go out at once rather than after the client's delayed ACK (40 ms
  // on a reused connection); accepted sockets inherit this from the listener.
  server_.set_tcp_nodelay(true);
  port_ = server_.bind_to_any_port("127.0.0.1");
  server_.set_socket_options(httplib::default_socket_options);  // `listening` goes out of scope
  if (port_ <= 0) throw std::runtime_error("cannot bind a port on 127.0.0.1");
  ::listen(listening, 128);  // on a listening socket, only changes the backlog
}

void TestServer::Start() {
  // The socket listens from bind_to_any_port on, so clients may connect at once.
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() is a no-op until the accept loop runs; wait for it so that the
  // destructor can always stop the server.
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestServer::~TestServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

std::string TestServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<LoggedRequest> TestServer::Log() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_;
}

std::string Encode(const std::string& text, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           text.data(), static_cast<int32_t>(text.size()), &err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("cannot encode to ") + charset);
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace bw::testing
