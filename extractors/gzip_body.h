// Gzip bodies: recognising them and inflating them without letting a small
// body grow without bound (a "gzip bomb").
//
//   std::string body = ...;  // bytes as served, e.g. a sitemap.xml.gz
//   if (bw::IsGzip(body)) {
//     bw::Result<std::string> plain = bw::GunzipCapped(body, 16 << 20);
//     // "gzip: larger than 16777216 bytes once decompressed" for a bomb:
//     if (!plain.ok()) return plain.status();
//     body = std::move(*plain);
//   }
//
// Both functions are pure: bytes in, value out.
#ifndef BUBBLEWATCH_EXTRACTORS_GZIP_BODY_H_
#define BUBBLEWATCH_EXTRACTORS_GZIP_BODY_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"

namespace bw {

// True when `body` starts with the gzip magic bytes 1f 8b.
bool IsGzip(std::string_view body);

// Decompresses a gzip (or zlib) body (zlib's inflate with windowBits 15+32),
// stopping with an error once the output would pass `max_bytes` (a gzip bomb
// stops at the cap). Gzip members written one after another decompress as one
// body; bytes after the last member are ignored. Returns
// Status::BadData("gzip: ...") for corrupt or truncated data, or
// "gzip: larger than N bytes once decompressed".
Result<std::string> GunzipCapped(std::string_view body, size_t max_bytes);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_GZIP_BODY_H_
