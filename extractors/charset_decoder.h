// CharsetDecoder: turns the bytes of a web page into valid UTF-8.
//
// The charset is chosen in the order browsers and the HTML standard use:
//   1. a byte-order mark (UTF-8, UTF-16LE/BE),
//   2. the charset parameter of the HTTP Content-Type header,
//   3. <meta charset=...> or <meta http-equiv="Content-Type" content="...charset=...">
//      found by a prescan of the first 4096 bytes (only when `is_html`),
//   4. ICU's charset detector, given the declared charset (if any) as a hint,
//   5. UTF-8.
// Labels are mapped as the WHATWG Encoding standard does (gb2312 and gbk decode
// as GB18030, iso-8859-1 and us-ascii as windows-1252, shift_jis as windows-31j).
// A declared charset that ICU does not know is skipped, not fatal. A declared
// legacy charset (windows-1252, Shift_JIS, GBK…) is overruled when the bytes
// are valid UTF-8 with several multi-byte sequences: pages lie, and such bytes
// are practically never legacy text.
//
// Bytes that are invalid in the chosen charset become U+FFFD; decoding never
// fails and never crashes, whatever the input.
//
//   bw::DecodedText d = bw::DecodeToUtf8(body, "text/html; charset=Shift_JIS", true);
//   // d.utf8 is valid UTF-8; d.charset == "Shift_JIS"; d.source == CharsetSource::kHttpHeader
#ifndef BUBBLEWATCH_EXTRACTORS_CHARSET_DECODER_H_
#define BUBBLEWATCH_EXTRACTORS_CHARSET_DECODER_H_

#include <string>
#include <string_view>

namespace bw {

enum class CharsetSource { kBom, kHttpHeader, kMetaTag, kDetector, kDefault, kValidUtf8 };

// "bom", "http-header", "meta", "detector", "default", "valid-utf8".
const char* CharsetSourceName(CharsetSource source);

struct DecodedText {
  std::string utf8;           // always valid UTF-8, BOM removed
  std::string charset;        // the canonical name used, e.g. "UTF-8", "Shift_JIS", "GB18030", "Big5"
  CharsetSource source = CharsetSource::kDefault;
  size_t replacements = 0;    // how many U+FFFD were produced for invalid input
};

// Extracts the charset parameter of a Content-Type header value
// ("text/html; charset=\"EUC-JP\"" -> "EUC-JP"); empty when there is none.
std::string CharsetFromContentType(std::string_view content_type);

// Finds the charset a page declares in its <meta> tags within the first 4096 bytes;
// empty when it declares none.
std::string CharsetFromMetaPrescan(std::string_view bytes);

// Decodes `bytes` to UTF-8 as described above. `content_type` is the HTTP
// Content-Type header value (may be empty). `is_html` enables the <meta> prescan.
DecodedText DecodeToUtf8(std::string_view bytes, std::string_view content_type, bool is_html);

// Replaces every invalid UTF-8 sequence of `s` with U+FFFD. Counts replacements
// in *replacements when not null.
std::string SanitizeUtf8(std::string_view s, size_t* replacements = nullptr);

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_CHARSET_DECODER_H_
