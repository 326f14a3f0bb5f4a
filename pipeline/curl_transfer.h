// CurlTransfer: one libcurl easy handle set up with bubblewatch's fetch policy,
// and the reading of its outcome into an HttpResponse. Internal to pipeline/:
// CurlHttpClient performs it with curl_easy_perform, CurlTransferPool adds it
// to a multi handle; both go through this class, so a request is treated the
// same way whichever of them runs it.
//
//   CurlTransfer t;
//   CURLcode rc = t.Prepare(request);
//   if (rc == CURLE_OK) {
//     t.Begin();
//     rc = curl_easy_perform(t.handle());
//   }
//   HttpResponse response = t.Finish(rc);
#ifndef BUBBLEWATCH_PIPELINE_CURL_TRANSFER_H_
#define BUBBLEWATCH_PIPELINE_CURL_TRANSFER_H_

#include <curl/curl.h>

#include <chrono>
#include <optional>
#include <string>

#include "pipeline/http_client.h"

namespace bw {

// Initialises libcurl once per process. curl_global_init is not thread-safe in
// every build, and every user of libcurl here calls this before anything else.
void InitCurlOnce();

class CurlTransfer {
 public:
  CurlTransfer();
  ~CurlTransfer();
  // libcurl keeps pointers into this object (callback data, error buffer), so
  // it stays where it was made.
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  // Copies `request` and sets every option of the handle: URL, protocols,
  // redirects, timeouts, encodings, User-Agent, conditional headers, the body
  // cap and the refusal of non-public addresses. Returns CURLE_OK, or the
  // failure to hand to Finish (the transfer must then not be run).
  // REQUIRES: called once, before the handle is performed or added to a multi.
  CURLcode Prepare(const HttpRequest& request);

  // The easy handle to perform or add to a multi handle; nullptr only when
  // Prepare failed.
  CURL* handle() const { return curl_; }

  // Marks when libcurl starts the transfer, and with it the timeouts:
  // elapsed_ms counts from here (0 if never called). That is the call to
  // curl_easy_perform, or the first curl_multi_perform after the handle was
  // added, not the curl_multi_add_handle.
  void Begin() { start_ = std::chrono::steady_clock::now(); }

  // Reads the outcome: `rc` is what curl_easy_perform returned, or the result
  // of the multi handle's CURLMSG_DONE message, or Prepare's failure. The
  // status is reported, not judged: a 304 or a 404 is not an error here.
  // REQUIRES: the transfer is no longer running; called once.
  HttpResponse Finish(CURLcode rc);

 private:
  static size_t OnBody(char* data, size_t size, size_t nmemb, void* user);
  static int OnConnected(void* user, char* ip, char* local_ip, int remote_port,
                         int local_port);
  std::string Header(const char* name);

  CURL* curl_ = nullptr;
  curl_slist* headers_ = nullptr;  // the request headers; libcurl does not copy the list
  HttpRequest request_;
  std::optional<std::chrono::steady_clock::time_point> start_;
  std::string body_;
  bool too_large_ = false;
  bool refused_address_ = false;
  std::string refused_ip_;
  char errbuf_[CURL_ERROR_SIZE] = {};
};

}  // namespace bw

#endif  // BUBBLEWATCH_PIPELINE_CURL_TRANSFER_H_
