// BodyCompressor: zlib compression of raw bodies with one deflate state kept
// for the life of the connection. compress2() sets up and frees some 256 KiB
// of state on every call, which costs more than compressing a short body.
// The output is the zlib format that uncompress() reads. Internal to db/.
//
//   BodyCompressor zlib;
//   std::optional<std::string_view> packed = zlib.Compress(body);
#ifndef BUBBLEWATCH_DB_BODY_COMPRESSOR_H_
#define BUBBLEWATCH_DB_BODY_COMPRESSOR_H_

#include <zlib.h>

#include <optional>
#include <string>
#include <string_view>

namespace bw::db {

class BodyCompressor {
 public:
  BodyCompressor();
  ~BodyCompressor();
  BodyCompressor(const BodyCompressor&) = delete;
  BodyCompressor& operator=(const BodyCompressor&) = delete;

  // `in` compressed at level 6; valid until the next call. nullopt when zlib
  // fails (out of memory).
  std::optional<std::string_view> Compress(std::string_view in);

 private:
  z_stream stream_{};
  bool ready_ = false;
  std::string out_;
};

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_BODY_COMPRESSOR_H_
