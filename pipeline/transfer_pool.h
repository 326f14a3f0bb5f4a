// TransferPool: HTTP transfers that run at the same time. The crawler starts
// transfers and collects the finished ones; tests replace it with a fake.
// CurlTransferPool is the real one.
//
//   bw::CurlTransferPool pool;
//   for (const Feed& feed : feeds) {
//     bw::HttpRequest request;
//     request.url = feed.url;
//     request.if_none_match = feed.etag;  // a 304 then says nothing changed
//     pool.Start(feed.id, request);
//   }
//   while (pool.InFlight() > 0) {
//     for (bw::TransferPool::Finished& f : pool.Wait(1000)) {
//       Handle(f.tag, f.response);  // error, status and body as from HttpClient::Get
//     }
//   }
#ifndef BUBBLEWATCH_PIPELINE_TRANSFER_POOL_H_
#define BUBBLEWATCH_PIPELINE_TRANSFER_POOL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "pipeline/http_client.h"

namespace bw {

class CurlTransfer;

class TransferPool {
 public:
  struct Finished {
    uint64_t tag;
    HttpResponse response;
  };

  virtual ~TransferPool() = default;

  // Starts a GET of `request`. `tag` comes back with its response; the pool
  // does not look at it, so two transfers may share one.
  virtual void Start(uint64_t tag, const HttpRequest& request) = 0;

  // Waits at most `timeout_ms` (0 or less: do not wait) for at least one
  // transfer to finish, drives all running transfers, and returns those that
  // finished (possibly none). Returns at once when nothing is in flight.
  // Never throws.
  virtual std::vector<Finished> Wait(int timeout_ms) = 0;

  // Transfers started and not yet returned by Wait.
  virtual size_t InFlight() const = 0;
};

// TransferPool over one libcurl multi handle (curl_multi_poll). Every transfer
// gets the same policy and the same error classification as CurlHttpClient
// (both use one CurlTransfer each); a failure stays in its own response and
// does not disturb the other transfers.
//
// Transfers make progress only inside Wait, in the calling thread: libcurl
// begins a transfer, and its timeouts, at the first Wait after its Start, and
// elapsed_ms runs from there to the Wait that notices the end. A caller that
// stops calling Wait for longer than a timeout finds those transfers timed out.
//
// Connections (and DNS answers) are kept in the multi handle and reused by
// later transfers to the same host; it keeps up to 64 connections open
// (CURLMOPT_MAXCONNECTS) and past that closes the oldest idle one. The pool
// imposes no limit on concurrency: the caller decides what to start (it keeps
// per-host and global limits), and libcurl is told not to limit connections
// either (CURLMOPT_MAX_HOST_CONNECTIONS and CURLMOPT_MAX_TOTAL_CONNECTIONS
// are 0), so no transfer waits in a libcurl queue while its timeout runs.
// Over HTTP/2, libcurl may still multiplex transfers to one host over one
// connection.
//
// Not thread-safe: one thread calls Start, Wait and InFlight.
class CurlTransferPool : public TransferPool {
 public:
  CurlTransferPool();
  // Aborts the transfers still running and closes every connection.
  ~CurlTransferPool() override;
  CurlTransferPool(const CurlTransferPool&) = delete;
  CurlTransferPool& operator=(const CurlTransferPool&) = delete;

  // The request is copied: it need not outlive the call.
  void Start(uint64_t tag, const HttpRequest& request) override;
  std::vector<Finished> Wait(int timeout_ms) override;
  size_t InFlight() const override { return running_.size() + failed_.size(); }

 private:
  struct Running {
    uint64_t tag;
    std::unique_ptr<CurlTransfer> transfer;
  };

  // Moves the transfers libcurl reports done from running_ to `done`.
  void CollectDone(std::vector<Finished>& done);
  // Ends every running transfer with a kNetwork error naming `why`: the multi
  // handle itself failed, and they would otherwise never finish.
  void FailAll(const char* why, std::vector<Finished>& done);

  void* multi_;  // a CURLM*, which is void*; this keeps <curl/curl.h> out of the header
  std::unordered_map<void*, Running> running_;  // keyed by the easy handle
  std::vector<Finished> failed_;                // failed in Start; returned by the next Wait
  std::vector<CurlTransfer*> added_;            // in running_, not yet begun by libcurl
};

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_TRANSFER_POOL_H_
