#include "extractors/gzip_body.h"

#include <zlib.h>

#include <climits>

namespace bw {
namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr int kGzipOrZlib = 15 + 32;  // largest window; +32: detect gzip or zlib by the header

// Inflates `body` into *out, member after member. Returns "" on success, else
// what went wrong.
std::string Inflate(z_stream* zs, std::string_view body, size_t max_bytes, std::string* out) {
  zs->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  zs->avail_in = static_cast<uInt>(body.size());
  for (;;) {
    // One byte past the cap is asked for, so that output of exactly
    // `max_bytes` is told apart from more.
    size_t remaining = max_bytes - out->size();
    size_t room = remaining >= kChunk ? kChunk : remaining + 1;
    size_t used = out->size();
    out->resize(used + room);
    zs->next_out = reinterpret_cast<Bytef*>(out->data() + used);
    zs->avail_out = static_cast<uInt>(room);
    int rc = inflate(zs, Z_NO_FLUSH);
    out->resize(used + room - zs->avail_out);
    if (out->size() > max_bytes) {
      return "larger than " + std::to_string(max_bytes) + " bytes once decompressed";
    }
    switch (rc) {
      case Z_OK:
        continue;
      case Z_STREAM_END:
        // RFC 1952 lets members follow one another; anything else is trailing junk.
        if (zs->avail_in < 2 || zs->next_in[0] != 0x1f || zs->next_in[1] != 0x8b) return "";
        if (inflateReset(zs) != Z_OK) return "corrupt data";
        continue;
      case Z_NEED_DICT:
        return "corrupt data (a zlib stream with a preset dictionary)";
      case Z_DATA_ERROR:
        return std::string("corrupt data (") + (zs->msg != nullptr ? zs->msg : "invalid") + ")";
      case Z_MEM_ERROR:
        return "out of memory";
      default:  // Z_BUF_ERROR: no progress with room to write, so the input ran out
        return "truncated data";
    }
  }
}

}  // namespace

bool IsGzip(std::string_view body) {
  return body.size() >= 2 && body[0] == '\x1f' && body[1] == '\x8b';
}

Result<std::string> GunzipCapped(std::string_view body, size_t max_bytes) {
  if (body.size() > UINT_MAX) return Status::BadData("gzip: compressed body over 4 GB");
  z_stream zs{};
  if (inflateInit2(&zs, kGzipOrZlib) != Z_OK) return Status::BadData("gzip: out of memory");
  std::string out;
  std::string error = Inflate(&zs, body, max_bytes, &out);
  inflateEnd(&zs);
  if (!error.empty()) return Status::BadData("gzip: " + error);
  return out;
}

}  // namespace bw
