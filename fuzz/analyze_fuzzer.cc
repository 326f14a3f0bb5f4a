// libFuzzer target: any bytes through charset decoding and the whole HTML and
// text analysis. Built with -DBW_BUILD_FUZZERS=ON and clang (see fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/charset_decoder.h"
#include "extractors/document_analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bw::LexiconSet* lexicons = new bw::LexiconSet(bw::LexiconSet::Embedded());
  static const bw::DocumentAnalyzer* analyzer = new bw::DocumentAnalyzer(*lexicons);
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  bw::DocumentInput input;
  input.url = "https://example.com/2025/10/12/a";
  bw::DateTime reference;
  reference.year = 2025, reference.month = 10, reference.day = 20;
  input.reference_time = reference;
  bw::DecodedText html = bw::DecodeToUtf8(bytes, "", /*is_html=*/true);
  analyzer->AnalyzeHtml(html.utf8, input);
  analyzer->AnalyzeText(bytes, input);
  input.kind = "post";  // posts: quoted replies, one veto paragraph
  analyzer->AnalyzeText(bytes, input);
  bw::DecodeToUtf8(bytes, "text/html; charset=shift_jis", true);
  return 0;
}
