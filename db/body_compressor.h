// BodyCompressor: compression of raw bodies for the `raw` table, with one
// zstd context kept for the life of the connection (setting one up costs more
// than compressing a short body). Bodies are written as zstd frames
// (encoding 'zstd'); databases written before that hold zlib streams
// (encoding 'zlib'), which DecompressBody still reads. Internal to db/.
//
//   BodyCompressor packer;
//   std::optional<std::string_view> packed = packer.Compress(body);
//   // ... stored with encoding BodyCompressor::kEncoding and size body.size()
//   std::optional<std::string> back = DecompressBody("zstd", *packed, body.size());
#ifndef BUBBLEWATCH_DB_BODY_COMPRESSOR_H_
#define BUBBLEWATCH_DB_BODY_COMPRESSOR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

struct ZSTD_CCtx_s;

namespace bw::db {

class BodyCompressor {
 public:
  // The name stored in raw.encoding for what Compress writes.
  static constexpr const char* kEncoding = "zstd";

  BodyCompressor();
  ~BodyCompressor();
  BodyCompressor(const BodyCompressor&) = delete;
  BodyCompressor& operator=(const BodyCompressor&) = delete;

  // `in` as one zstd frame; valid until the next call. nullopt when zstd
  // fails (out of memory).
  std::optional<std::string_view> Compress(std::string_view in);

 private:
  ZSTD_CCtx_s* context_;
  std::string out_;
};

// The body `packed` holds, written with `encoding` ('zstd' or 'zlib'), whose
// uncompressed size was stored as `size`. nullopt for another encoding, for
// damaged data, or when the data does not come to exactly `size` bytes.
std::optional<std::string> DecompressBody(std::string_view encoding, std::string_view packed,
                                          size_t size);

}  // namespace bw::db

#endif  // BUBBLEWATCH_DB_BODY_COMPRESSOR_H_
