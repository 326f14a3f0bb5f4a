#include "db/body_compressor.h"

#include <zlib.h>

#include <string>

#include "gtest/gtest.h"

namespace bw::db {
namespace {

std::string Zlib(const std::string& in) {
  std::string out(compressBound(in.size()), '\0');
  uLongf n = out.size();
  EXPECT_EQ(compress(reinterpret_cast<Bytef*>(out.data()), &n,
                     reinterpret_cast<const Bytef*>(in.data()), in.size()),
            Z_OK);
  out.resize(n);
  return out;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(BodyCompressor, RoundTripsThroughZstd) {
  const std::string kBodies[] = {
      "",
      "<p>one line</p>",
      std::string("\0\x01\xff binary\0", 10),
      Repeat("<div class=\"story\">OpenAI 与 AMD 签署 6 GW 协议。AMDとの6GW契約。</div>\n", 2000),
  };
  BodyCompressor packer;
  for (const std::string& body : kBodies) {
    SCOPED_TRACE(body.substr(0, 20));
    auto packed = packer.Compress(body);
    ASSERT_TRUE(packed.has_value());
    const std::string copy(*packed);  // valid only until the next call
    auto back = DecompressBody(BodyCompressor::kEncoding, copy, body.size());
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(*back == body);
  }
  // A repetitive page shrinks: the frame is compressed, not stored.
  const std::string page = kBodies[3];
  EXPECT_LT(packer.Compress(page)->size(), page.size() / 20);
}

TEST(DecompressBody, ReadsZlibBodiesOfOlderDatabases) {
  const std::string body = Repeat("<p>Stargate 500 billion</p>", 300);
  auto back = DecompressBody("zlib", Zlib(body), body.size());
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(*back == body);
  auto empty = DecompressBody("zlib", Zlib(""), 0);
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(*empty, "");
}

TEST(DecompressBody, RefusesWhatItCannotReadExactly) {
  const std::string body = Repeat("<p>a bubble, or a revolution?</p>", 100);
  BodyCompressor packer;
  const std::string zstd(*packer.Compress(body));
  const std::string zlib = Zlib(body);
  std::string damaged = zstd;
  damaged[damaged.size() / 2] ^= 0x5a;
  struct Case {
    const char* label;
    const char* encoding;
    std::string packed;
    size_t size;
  };
  const Case kCases[] = {
      {"zstd, size one short", "zstd", zstd, body.size() - 1},
      {"zstd, size one long", "zstd", zstd, body.size() + 1},
      {"zlib, size one short", "zlib", zlib, body.size() - 1},
      {"zlib, size one long", "zlib", zlib, body.size() + 1},
      {"zstd data named zlib", "zlib", zstd, body.size()},
      {"zlib data named zstd", "zstd", zlib, body.size()},
      {"damaged zstd", "zstd", damaged, body.size()},
      {"truncated zstd", "zstd", zstd.substr(0, zstd.size() / 2), body.size()},
      {"unknown encoding", "brotli", zstd, body.size()},
      {"empty encoding", "", zstd, body.size()},
      {"size beyond any body", "zstd", zstd, size_t{1} << 40},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.label);
    EXPECT_FALSE(DecompressBody(c.encoding, c.packed, c.size).has_value());
  }
  // The same inputs with the right names and size are read.
  EXPECT_TRUE(DecompressBody("zstd", zstd, body.size()).has_value());
  EXPECT_TRUE(DecompressBody("zlib", zlib, body.size()).has_value());
}

}  // namespace
}  // namespace bw::db
