#include "pipeline/transfer_pool.h"

#include <curl/curl.h>

#include <chrono>
#include <string>
#include <utility>

#include "pipeline/curl_transfer.h"

namespace bw {
namespace {

// Connections kept open for reuse. libcurl's default is four per transfer in
// the multi handle at the time, so with few transfers running it would close
// the connections of hosts a crawl comes back to after its per-host delay.
constexpr long kMaxConnections = 64;

}  // namespace

CurlTransferPool::CurlTransferPool() {
  InitCurlOnce();
  multi_ = curl_multi_init();
  if (multi_) {
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, 0L);   // no limit
    curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, 0L);  // no limit
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, kMaxConnections);
  }
}

CurlTransferPool::~CurlTransferPool() {
  // Removing a running handle aborts its transfer; the handle must leave the
  // multi before it is cleaned up, and the multi goes last with its connections.
  for (auto& [handle, running] : running_) {
    curl_multi_remove_handle(multi_, handle);
  }
  running_.clear();
  added_.clear();
  if (multi_) curl_multi_cleanup(multi_);
}

void CurlTransferPool::Start(uint64_t tag, const HttpRequest& request) {
  auto transfer = std::make_unique<CurlTransfer>();
  CURLcode rc = transfer->Prepare(request);
  if (rc == CURLE_OK &&
      (!multi_ || curl_multi_add_handle(multi_, transfer->handle()) != CURLM_OK)) {
    rc = CURLE_FAILED_INIT;
  }
  if (rc != CURLE_OK) {
    failed_.push_back({tag, transfer->Finish(rc)});
    return;
  }
  added_.push_back(transfer.get());
  CURL* handle = transfer->handle();
  running_.emplace(handle, Running{tag, std::move(transfer)});
}

void CurlTransferPool::CollectDone(std::vector<Finished>& done) {
  int queued = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &queued)) {
    if (msg->msg != CURLMSG_DONE) continue;
    auto it = running_.find(msg->easy_handle);
    if (it == running_.end()) continue;
    // Read the result before removing the handle: msg belongs to libcurl.
    CURLcode rc = msg->data.result;
    curl_multi_remove_handle(multi_, msg->easy_handle);
    done.push_back({it->second.tag, it->second.transfer->Finish(rc)});
    running_.erase(it);
  }
}

void CurlTransferPool::FailAll(const char* why, std::vector<Finished>& done) {
  for (auto& [handle, running] : running_) {
    curl_multi_remove_handle(multi_, handle);
    Finished f{running.tag, running.transfer->Finish(CURLE_FAILED_INIT)};
    f.response.error = FetchError::kNetwork;
    f.response.error_message = std::string("libcurl multi handle failed: ") + why;
    done.push_back(std::move(f));
  }
  running_.clear();
}

std::vector<TransferPool::Finished> CurlTransferPool::Wait(int timeout_ms) {
  std::vector<Finished> done = std::move(failed_);
  failed_.clear();
  for (CurlTransfer* transfer : added_) transfer->Begin();  // the next perform begins them
  added_.clear();
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms > 0 ? timeout_ms : 0);
  while (!running_.empty()) {
    int still_running = 0;
    CURLMcode mc = curl_multi_perform(multi_, &still_running);
    if (mc != CURLM_OK) {
      FailAll(curl_multi_strerror(mc), done);
      break;
    }
    CollectDone(done);
    if (!done.empty() || running_.empty()) break;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) break;
    // Returns on socket activity, after `left`, or sooner when one of
    // libcurl's own timers (a connect or transfer timeout) is due.
    mc = curl_multi_poll(multi_, nullptr, 0, static_cast<int>(left), nullptr);
    if (mc != CURLM_OK) {
      FailAll(curl_multi_strerror(mc), done);
      break;
    }
  }
  return done;
}

}  // namespace bw
