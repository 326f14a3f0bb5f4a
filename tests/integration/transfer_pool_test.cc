// CurlTransferPool against a real HTTP server on 127.0.0.1: transfers that
// overlap, tags, validators and conditional GETs, errors that stay in their
// own transfer, and a pool destroyed mid-transfer.
//
// The server (cpp-httplib) has 8 worker threads, and a connection that libcurl
// keeps for reuse holds one of them; so no test has more than 8 connections
// open at once.
#include "pipeline/transfer_pool.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/http_client.h"
#include "tests/integration/test_server.h"

namespace bw {
namespace {

using testing::TestServer;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

long MsSince(steady_clock::time_point start) {
  return static_cast<long>(
      std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count());
}

// A port on 127.0.0.1 that refuses connections: the socket is bound but never
// listens, so nothing else can take the port while the test runs.
class RefusingPort {
 public:
  RefusingPort() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ >= 0 && bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      port_ = ntohs(addr.sin_port);
    }
  }
  ~RefusingPort() {
    if (fd_ >= 0) close(fd_);
  }
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;

  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

class TransferPoolTest : public ::testing::Test {
 protected:
  HttpRequest Request(const std::string& path) const {
    HttpRequest r;
    r.url = server_.Url(path);
    r.allow_private_networks = true;  // the server is on loopback
    r.limits.timeout_s = 5;
    return r;
  }

  // Serves `body` as text/plain at `path`.
  void Serve(const std::string& path, const std::string& body) {
    server_.server().Get(path, [body](const httplib::Request&, httplib::Response& res) {
      res.set_content(body, "text/plain");
    });
  }

  // Collects every transfer in flight, by tag. Gives up after 30 s, so that a
  // transfer that never finishes fails the test instead of hanging it.
  std::map<uint64_t, HttpResponse> WaitAll() {
    std::map<uint64_t, HttpResponse> out;
    const auto give_up = steady_clock::now() + std::chrono::seconds(30);
    while (pool_.InFlight() > 0 && steady_clock::now() < give_up) {
      for (TransferPool::Finished& f : pool_.Wait(1000)) {
        EXPECT_TRUE(out.emplace(f.tag, std::move(f.response)).second) << "tag twice: " << f.tag;
      }
    }
    EXPECT_EQ(pool_.InFlight(), 0u);
    return out;
  }

  // Declared in this order so that the pool closes its connections before the
  // server stops: the server's workers wait on idle connections.
  TestServer server_;
  CurlTransferPool pool_;
};

TEST_F(TransferPoolTest, SlowTransfersOverlap) {
  server_.server().Get(R"(/slow/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
    std::this_thread::sleep_for(milliseconds(300));
    res.set_content("slow " + req.matches[1].str(), "text/plain");
  });
  server_.Start();
  const auto start = steady_clock::now();
  for (int i = 0; i < 8; ++i) pool_.Start(100 + i, Request("/slow/" + std::to_string(i)));
  EXPECT_EQ(pool_.InFlight(), 8u);
  auto done = WaitAll();
  const long elapsed = MsSince(start);
  // Not asserted (the machine may be busy), but one after the other would be 2400 ms.
  std::cout << "[ elapsed  ] 8 transfers of 300 ms each, started together: " << elapsed
            << " ms\n";
  RecordProperty("elapsed_ms", static_cast<int>(elapsed));
  ASSERT_EQ(done.size(), 8u);
  for (int i = 0; i < 8; ++i) {
    const HttpResponse& r = done[100 + i];
    EXPECT_EQ(r.error, FetchError::kNone) << r.error_message;
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "slow " + std::to_string(i));
  }
}

TEST_F(TransferPoolTest, TagsComeBackWithTheirOwnBodies) {
  server_.server().Get("/echo", [](const httplib::Request& req, httplib::Response& res) {
    // Later requests answer sooner, so transfers finish out of order.
    int n = std::stoi(req.get_param_value("n"));
    std::this_thread::sleep_for(milliseconds(5 * (24 - n)));
    res.set_content("n=" + std::to_string(n), "text/plain");
  });
  server_.Start();
  // 24 transfers, at most 4 at a time, a new one started as one finishes: the
  // way the crawler drives the pool.
  std::map<uint64_t, HttpResponse> done;
  int next = 0;
  auto tag_of = [](int n) { return uint64_t{7777} - 13 * static_cast<uint64_t>(n); };
  const auto give_up = steady_clock::now() + std::chrono::seconds(30);
  while ((next < 24 || pool_.InFlight() > 0) && steady_clock::now() < give_up) {
    while (next < 24 && pool_.InFlight() < 4) {
      pool_.Start(tag_of(next), Request("/echo?n=" + std::to_string(next)));
      ++next;
    }
    for (TransferPool::Finished& f : pool_.Wait(1000)) {
      EXPECT_TRUE(done.emplace(f.tag, std::move(f.response)).second) << "tag twice: " << f.tag;
    }
  }
  ASSERT_EQ(done.size(), 24u);
  for (int n = 0; n < 24; ++n) {
    EXPECT_EQ(done[tag_of(n)].body, "n=" + std::to_string(n));
  }
}

TEST_F(TransferPoolTest, ReusesConnectionsToTheSameHost) {
  std::mutex mu;
  std::set<int> client_ports;  // one per connection
  server_.server().Get("/a", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    client_ports.insert(req.remote_port);
    res.set_content("a", "text/plain");
  });
  server_.Start();
  for (uint64_t i = 0; i < 3; ++i) {
    pool_.Start(i, Request("/a"));
    auto done = WaitAll();
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[i].body, "a");
  }
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(client_ports.size(), 1u);
}

TEST_F(TransferPoolTest, ValidatorsAndRetryAfterOfTheLastResponse) {
  server_.server().Get("/old", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("ETag", "\"of-the-redirect\"");
    res.set_redirect("/validators", 301);
  });
  server_.server().Get("/validators", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("ETag", "  W/\"v1\"  ");  // trimmed on the way in
    res.set_header("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
    res.set_content("body", "text/plain");
  });
  server_.server().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "120");
    res.set_content("busy", "text/plain");
  });
  Serve("/plain", "plain");
  server_.Start();
  pool_.Start(1, Request("/old"));
  pool_.Start(2, Request("/busy"));
  pool_.Start(3, Request("/plain"));
  auto done = WaitAll();
  ASSERT_EQ(done.size(), 3u);

  EXPECT_EQ(done[1].error, FetchError::kNone) << done[1].error_message;
  EXPECT_EQ(done[1].redirects, 1);
  EXPECT_EQ(done[1].final_url, server_.Url("/validators"));
  EXPECT_EQ(done[1].etag, "W/\"v1\"");
  EXPECT_EQ(done[1].last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  EXPECT_EQ(done[1].retry_after, "");

  // An error status is reported, not judged.
  EXPECT_EQ(done[2].error, FetchError::kNone) << done[2].error_message;
  EXPECT_EQ(done[2].status, 503);
  EXPECT_EQ(done[2].retry_after, "120");
  EXPECT_EQ(done[2].body, "busy");

  EXPECT_EQ(done[3].etag, "");
  EXPECT_EQ(done[3].last_modified, "");
}

TEST_F(TransferPoolTest, ConditionalGetSendsValidatorsAndGets304) {
  const std::string etag = "\"v1\"";
  const std::string date = "Wed, 21 Oct 2015 07:28:00 GMT";
  server_.server().Get("/feed", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == etag ||
        req.get_header_value("If-Modified-Since") == date) {
      res.status = 304;
      return;
    }
    res.set_header("ETag", etag);
    res.set_header("Last-Modified", date);
    res.set_content("<rss/>", "application/rss+xml");
  });
  server_.Start();
  const auto start = steady_clock::now();

  pool_.Start(1, Request("/feed"));
  auto first = WaitAll();
  ASSERT_EQ(first[1].status, 200);
  EXPECT_EQ(first[1].body, "<rss/>");

  HttpRequest by_etag = Request("/feed");
  by_etag.if_none_match = first[1].etag;
  HttpRequest by_date = Request("/feed");
  by_date.if_modified_since = first[1].last_modified;
  HttpRequest injected = Request("/feed");
  injected.if_none_match = etag + "\r\nX-Injected: 1";  // not sent: it would add a header
  pool_.Start(2, by_etag);
  pool_.Start(3, by_date);
  pool_.Start(4, injected);
  auto done = WaitAll();
  ASSERT_EQ(done.size(), 3u);
  for (uint64_t tag : {2, 3}) {
    SCOPED_TRACE(tag);
    EXPECT_EQ(done[tag].error, FetchError::kNone) << done[tag].error_message;
    EXPECT_EQ(done[tag].status, 304);
    EXPECT_EQ(done[tag].body, "");
  }
  EXPECT_EQ(done[4].status, 200);

  // What the server saw, in arrival order; the first request had no validators.
  auto log = server_.Log();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].if_none_match, "");
  EXPECT_EQ(log[0].if_modified_since, "");
  std::multiset<std::string> etags, dates;
  for (size_t i = 1; i < log.size(); ++i) {
    etags.insert(log[i].if_none_match);
    dates.insert(log[i].if_modified_since);
  }
  EXPECT_EQ(etags, (std::multiset<std::string>{"", "", etag}));
  EXPECT_EQ(dates, (std::multiset<std::string>{"", "", date}));
  for (const testing::LoggedRequest& r : log) {
    EXPECT_GE(r.at, start);
    EXPECT_LE(r.at, steady_clock::now());
  }
}

TEST_F(TransferPoolTest, ErrorsStayInTheirOwnTransfer) {
  Serve("/ok", "ok");
  server_.server().Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(milliseconds(300));
    res.set_content("slow", "text/plain");
  });
  server_.server().Get("/stall", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(milliseconds(1500));
    res.set_content("late", "text/plain");
  });
  Serve("/big", std::string(300 * 1024, 'a'));  // with a Content-Length
  server_.server().Get("/big-chunked", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [](size_t offset, httplib::DataSink& sink) {
      if (offset >= 300 * 1024) {
        sink.done();
        return true;
      }
      std::string chunk(16 * 1024, 'b');
      return sink.write(chunk.data(), chunk.size());
    });
  });
  server_.server().Get("/loop", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop", 302);
  });
  server_.Start();
  RefusingPort refusing;
  ASSERT_GT(refusing.port(), 0);

  struct Case {
    uint64_t tag;
    HttpRequest request;
    FetchError error;
    const char* message;  // a part of error_message
  };
  HttpRequest refused = Request("/");
  refused.url = "http://127.0.0.1:" + std::to_string(refusing.port()) + "/";
  HttpRequest big = Request("/big");
  big.limits.max_body_bytes = 100 * 1024;
  HttpRequest big_chunked = Request("/big-chunked");
  big_chunked.limits.max_body_bytes = 100 * 1024;
  HttpRequest stall = Request("/stall");
  stall.limits.timeout_s = 1;
  HttpRequest private_address = Request("/ok");
  private_address.allow_private_networks = false;
  HttpRequest ftp = Request("/");
  ftp.url = "ftp://127.0.0.1/";
  const Case kCases[] = {
      {1, Request("/ok"), FetchError::kNone, ""},
      {2, Request("/slow"), FetchError::kNone, ""},
      {3, refused, FetchError::kNetwork, ""},
      {4, big, FetchError::kTooLarge, "larger than the limit of 102400 bytes"},
      {5, big_chunked, FetchError::kTooLarge, "larger than the limit of 102400 bytes"},
      {6, stall, FetchError::kTimeout, "timed out after"},
      {7, Request("/loop"), FetchError::kRedirects, "more than 5 redirects"},
      {8, private_address, FetchError::kRefused, "127.0.0.1"},
      {9, ftp, FetchError::kRefused, "only http and https"},
  };
  for (const Case& c : kCases) pool_.Start(c.tag, c.request);
  auto done = WaitAll();
  ASSERT_EQ(done.size(), std::size(kCases));
  for (const Case& c : kCases) {
    SCOPED_TRACE("tag " + std::to_string(c.tag) + ": " + c.request.url);
    const HttpResponse& r = done[c.tag];
    EXPECT_EQ(r.error, c.error) << FetchErrorName(r.error) << ": " << r.error_message;
    EXPECT_NE(r.error_message.find(c.message), std::string::npos) << r.error_message;
    if (c.error != FetchError::kNone) {
      EXPECT_FALSE(r.error_message.empty());
      EXPECT_EQ(r.body, "");
    }
  }
  EXPECT_EQ(done[1].body, "ok");
  EXPECT_EQ(done[2].body, "slow");

  // The single-transfer client classifies each the same way.
  CurlHttpClient client;
  for (const Case& c : kCases) {
    SCOPED_TRACE("CurlHttpClient, tag " + std::to_string(c.tag) + ": " + c.request.url);
    HttpResponse r = client.Get(c.request);
    EXPECT_EQ(r.error, c.error) << r.error_message;
  }
}

// libcurl checks the address also when it reuses a connection, so an idle
// connection that an allowed transfer left behind does not let a refused one in.
TEST_F(TransferPoolTest, PrivateAddressRefusedAlsoOnAReusedConnection) {
  Serve("/a", "a");
  server_.Start();
  pool_.Start(1, Request("/a"));
  auto first = WaitAll();
  EXPECT_EQ(first[1].body, "a");
  HttpRequest refused = Request("/a");
  refused.allow_private_networks = false;
  pool_.Start(2, refused);
  auto second = WaitAll();
  EXPECT_EQ(second[2].error, FetchError::kRefused) << second[2].error_message;
  EXPECT_EQ(second[2].body, "");
  EXPECT_EQ(server_.Log().size(), 1u);
}

TEST_F(TransferPoolTest, WaitWithNothingInFlightReturnsAtOnce) {
  const auto start = steady_clock::now();
  EXPECT_TRUE(pool_.Wait(0).empty());
  EXPECT_TRUE(pool_.Wait(5000).empty());  // nothing could finish, so no waiting
  std::cout << "[ elapsed  ] Wait(0) and Wait(5000) with nothing in flight: " << MsSince(start)
            << " ms\n";
  EXPECT_EQ(pool_.InFlight(), 0u);
}

TEST_F(TransferPoolTest, WaitZeroDrivesTransfersWithoutBlocking) {
  Serve("/a", "a");
  server_.Start();
  pool_.Start(1, Request("/a"));
  std::vector<TransferPool::Finished> done;
  const auto give_up = steady_clock::now() + std::chrono::seconds(30);
  while (done.empty() && steady_clock::now() < give_up) {
    done = pool_.Wait(0);
    if (done.empty()) std::this_thread::sleep_for(milliseconds(1));
  }
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].tag, 1u);
  EXPECT_EQ(done[0].response.body, "a");
  EXPECT_EQ(pool_.InFlight(), 0u);
}

TEST_F(TransferPoolTest, DestroyedWithTransfersRunning) {
  server_.server().Get("/stall", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(milliseconds(500));
    res.set_content("late", "text/plain");
  });
  server_.Start();
  {
    CurlTransferPool pool;
    for (uint64_t i = 0; i < 4; ++i) pool.Start(i, Request("/stall"));
    EXPECT_TRUE(pool.Wait(100).empty());  // connected and waiting for the answers
    EXPECT_EQ(pool.InFlight(), 4u);
  }
  {
    CurlTransferPool pool;  // never driven: the transfers have not begun
    for (uint64_t i = 0; i < 2; ++i) pool.Start(i, Request("/stall"));
  }
}

// CurlHttpClient shares the transfer code: validators and conditional GETs work there too.
TEST_F(TransferPoolTest, SingleClientSendsAndReadsValidators) {
  server_.server().Get("/feed", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == "\"v2\"") {
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"v2\"");
    res.set_content("<feed/>", "application/atom+xml");
  });
  server_.Start();
  CurlHttpClient client;
  HttpResponse first = client.Get(Request("/feed"));
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.etag, "\"v2\"");
  HttpRequest again = Request("/feed");
  again.if_none_match = first.etag;
  HttpResponse second = client.Get(again);
  EXPECT_EQ(second.error, FetchError::kNone) << second.error_message;
  EXPECT_EQ(second.status, 304);
  EXPECT_EQ(second.body, "");
  auto log = server_.Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1].if_none_match, "\"v2\"");
}

}  // namespace
}  // namespace bw
