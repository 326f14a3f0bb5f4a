#include "db/body_compressor.h"

namespace bw::db {

// Level 3: on real article pages 2.2 times as fast as the default (6) for
// raw bodies 11% larger (bench/README.md).
BodyCompressor::BodyCompressor() { ready_ = deflateInit(&stream_, 3) == Z_OK; }

BodyCompressor::~BodyCompressor() {
  if (ready_) deflateEnd(&stream_);
}

std::optional<std::string_view> BodyCompressor::Compress(std::string_view in) {
  if (!ready_ || in.size() > (1u << 30) || deflateReset(&stream_) != Z_OK) return std::nullopt;
  const uLong bound = deflateBound(&stream_, in.size());
  if (out_.size() < bound) out_.resize(bound);
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  stream_.avail_in = static_cast<uInt>(in.size());
  stream_.next_out = reinterpret_cast<Bytef*>(out_.data());
  stream_.avail_out = static_cast<uInt>(out_.size());
  if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) return std::nullopt;
  return std::string_view(out_.data(), stream_.total_out);
}

}  // namespace bw::db
