#include "extractors/charset_decoder.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace bw {
namespace {

// Test texts: realistic paragraphs, long enough for ICU's detector to be sure.
constexpr const char* kJapanese =
    "日本語のニュース、AIバブルか革命か。人工知能への投資が世界中で"
    "急増しており、専門家の間では現在の熱狂が持続可能かどうかについて"
    "意見が分かれている。ある経済学者は、過去のドットコムバブルと同様"
    "に多くの企業が利益を上げられずに消えていくと警告した。一方で、技"
    "術の進歩は本物であり、長期的には社会を大きく変えると主張する研究"
    "者も多い。";
constexpr const char* kSimplified =
    "人工智能泡沫还是革命？英伟达投资一千亿美元。近年来，全球科技公司"
    "纷纷加大对人工智能的投入，市场对相关股票的热情持续高涨。一些经济"
    "学家警告说，目前的估值已经远远超出了企业的实际盈利能力，可能重演"
    "互联网泡沫破裂的历史。但也有分析人士认为，这项技术将深刻改变各行"
    "各业，长期来看投资是值得的。";
constexpr const char* kTraditional =
    "人工智慧泡沫還是革命？輝達投資一千億美元。近年來，全球科技公司紛"
    "紛加大對人工智慧的投入，市場對相關股票的熱情持續高漲。一些經濟學"
    "家警告說，目前的估值已經遠遠超出了企業的實際盈利能力，可能重演網"
    "際網路泡沫破裂的歷史。但也有分析人士認為，這項技術將深刻改變各行"
    "各業，長期來看投資是值得的。";
constexpr const char* kFrench =
    "Les marchés s’interrogent : l’intelligence artificielle est-elle une bulle ou une "
    "révolution ? Les investissements atteignent 100 milliards d’euros (100 Md€), et les "
    "économistes préviennent que les valorisations dépassent largement les bénéfices "
    "réels des entreprises concernées. « C’est une ruée vers l’or », résume un analyste.";

constexpr const char* kR = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Encodes UTF-8 `text` with the ICU converter `icu_name`; fails the test on unmappable text.
std::string Encode(const char* icu_name, std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  std::u16string u16(text.size() + 1, u'\0');
  int32_t u16_len = 0;
  u_strFromUTF8(u16.data(), static_cast<int32_t>(u16.size()), &u16_len, text.data(),
                static_cast<int32_t>(text.size()), &err);
  UConverter* cnv = ucnv_open(icu_name, &err);
  ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::string out(u16_len * 4 + 16, '\0');
  int32_t len =
      ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), u16.data(), u16_len, &err);
  ucnv_close(cnv);
  EXPECT_TRUE(U_SUCCESS(err)) << icu_name << ": " << u_errorName(err);
  out.resize(U_SUCCESS(err) ? len : 0);
  return out;
}

// Independent of the code under test: decodes each sequence and checks its value.
bool IsValidUtf8(std::string_view s) {
  static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    uint32_t cp = b;
    if (b >= 0x80) {
      n = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : 0;
      if (n == 0) return false;
      cp = b & (0x7F >> (n + 1));
    }
    if (i + n >= s.size() && n > 0) return false;
    for (size_t k = 1; k <= n; ++k) {
      unsigned char c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

std::string Page(std::string_view head, std::string_view body) {
  return "<!DOCTYPE html><html><head>" + std::string(head) + "<title>AI</title></head><body><p>" +
         std::string(body) + "</p></body></html>";
}

struct EncodingCase {
  const char* label;    // what the page declares
  const char* encoder;  // ICU converter that makes the bytes
  const char* text;
  const char* charset;  // expected DecodedText::charset
};

const EncodingCase kEncodings[] = {
    {"Shift_JIS", "ibm-943_P15A-2003", kJapanese, "Shift_JIS"},
    {"EUC-JP", "EUC-JP", kJapanese, "EUC-JP"},
    {"ISO-2022-JP", "ISO-2022-JP", kJapanese, "ISO-2022-JP"},
    {"gbk", "GBK", kSimplified, "GB18030"},
    {"GB2312", "GBK", kSimplified, "GB18030"},
    {"gb18030", "gb18030", kSimplified, "GB18030"},
    {"big5", "Big5", kTraditional, "Big5"},
    {"UTF-8", "UTF-8", kJapanese, "UTF-8"},
    {"utf-8", "UTF-8", kSimplified, "UTF-8"},
    {"iso-8859-1", "windows-1252", kFrench, "windows-1252"},
};

void ExpectDecoded(const EncodingCase& c, std::string_view head, std::string_view content_type,
                   CharsetSource source) {
  SCOPED_TRACE(std::string(c.label) + " via " + CharsetSourceName(source));
  DecodedText d = DecodeToUtf8(Page(head, Encode(c.encoder, c.text)), content_type, true);
  EXPECT_EQ(d.utf8, Page(head, c.text));
  EXPECT_EQ(d.charset, c.charset);
  EXPECT_EQ(d.source, source);
  EXPECT_EQ(d.replacements, 0u);
}

TEST(CharsetDecodeTest, CharsetFromHttpHeader) {
  for (const EncodingCase& c : kEncodings) {
    ExpectDecoded(c, "", std::string("text/html; charset=") + c.label, CharsetSource::kHttpHeader);
  }
}

TEST(CharsetDecodeTest, CharsetFromMetaCharset) {
  for (const EncodingCase& c : kEncodings) {
    ExpectDecoded(c, std::string("<meta charset=\"") + c.label + "\">", "text/html",
                  CharsetSource::kMetaTag);
  }
}

TEST(CharsetDecodeTest, CharsetFromMetaHttpEquiv) {
  for (const EncodingCase& c : kEncodings) {
    ExpectDecoded(c,
                  std::string("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=") +
                      c.label + "\">",
                  "", CharsetSource::kMetaTag);
  }
}

TEST(CharsetDecodeTest, CharsetFromDetector) {
  for (const EncodingCase& c : kEncodings)
    ExpectDecoded(c, "", "text/html", CharsetSource::kDetector);
}

TEST(CharsetDecodeTest, ByteOrderMarks) {
  struct Case {
    std::string bom;
    const char* encoder;
    const char* charset;
  };
  const Case cases[] = {{"\xEF\xBB\xBF", "UTF-8", "UTF-8"},
                        {"\xFF\xFE", "UTF-16LE", "UTF-16LE"},
                        {"\xFE\xFF", "UTF-16BE", "UTF-16BE"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.charset);
    for (const char* text : {kJapanese, kSimplified, kFrench}) {
      // The BOM wins over a header, and is not part of the output.
      DecodedText d =
          DecodeToUtf8(c.bom + Encode(c.encoder, text), "text/html; charset=Shift_JIS", true);
      EXPECT_EQ(d.utf8, text);
      EXPECT_EQ(d.charset, c.charset);
      EXPECT_EQ(d.source, CharsetSource::kBom);
      EXPECT_EQ(d.replacements, 0u);
    }
  }
  // Without the BOM a UTF-16 body is only UTF-16 when declared.
  DecodedText d = DecodeToUtf8(Encode("UTF-16BE", "AI"), "text/plain; charset=utf-16be", false);
  EXPECT_EQ(d.utf8, "AI");
  EXPECT_EQ(d.source, CharsetSource::kHttpHeader);
  d = DecodeToUtf8(Encode("UTF-16LE", "AI"), "", false);
  EXPECT_EQ(d.utf8, std::string("A\0I\0", 4));
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, CharsetSource::kDefault);
}

TEST(CharsetDecodeTest, Precedence) {
  const std::string sjis = Encode("ibm-943_P15A-2003", kJapanese);
  const std::string meta_euc = "<meta charset=euc-jp>";
  struct Case {
    const char* name;
    std::string bytes;
    std::string content_type;
    bool is_html;
    std::string utf8;
    const char* charset;
    CharsetSource source;
  };
  const Case cases[] = {
      {"bom beats header", "\xEF\xBB\xBFna\xC3\xAFve", "text/html; charset=iso-8859-1", true,
       "na\xC3\xAFve", "UTF-8", CharsetSource::kBom},
      {"header beats meta", Page("<meta charset=euc-jp>", sjis), "text/html; charset=sjis", true,
       Page("<meta charset=euc-jp>", kJapanese), "Shift_JIS", CharsetSource::kHttpHeader},
      {"meta beats detector", "<meta charset=windows-1252>caf\xC3\xA9", "", true,
       "<meta charset=windows-1252>caf\xC3\x83\xC2\xA9", "windows-1252", CharsetSource::kMetaTag},
      {"unknown header falls to meta", Page("<meta charset=shift_jis>", sjis),
       "text/html; charset=x-bogus", true, Page("<meta charset=shift_jis>", kJapanese), "Shift_JIS",
       CharsetSource::kMetaTag},
      {"unknown header falls to detector", Page("", sjis), "text/html; charset=x-bogus", true,
       Page("", kJapanese), "Shift_JIS", CharsetSource::kDetector},
      {"unknown meta falls to detector", Page("<meta charset=x-bogus>", sjis), "", true,
       Page("<meta charset=x-bogus>", kJapanese), "Shift_JIS", CharsetSource::kDetector},
      {"valid utf-8 overrules a declared legacy header",
       "caf\xC3\xA9 \xE2\x80\x94 it\xE2\x80\x99s", "text/html; charset=iso-8859-1", true,
       "caf\xC3\xA9 \xE2\x80\x94 it\xE2\x80\x99s", "UTF-8", CharsetSource::kValidUtf8},
      {"valid utf-8 overrules a declared legacy meta", Page("<meta charset=shift_jis>", kJapanese),
       "", true, Page("<meta charset=shift_jis>", kJapanese), "UTF-8", CharsetSource::kValidUtf8},
      {"one multi-byte sequence is not enough to overrule",
       "caf\xC3\xA9 au lait", "text/html; charset=windows-1252", true,
       "caf\xC3\x83\xC2\xA9 au lait", "windows-1252", CharsetSource::kHttpHeader},
      {"invalid utf-8 keeps the declared charset", Page("", sjis), "text/html; charset=shift_jis",
       true, Page("", kJapanese), "Shift_JIS", CharsetSource::kHttpHeader},
      {"meta ignored when not html", "<meta charset=windows-1252>caf\xC3\xA9", "", false,
       "<meta charset=windows-1252>caf\xC3\xA9", "UTF-8", CharsetSource::kDetector},
      {"meta declaring utf-16 means utf-8", "<meta charset=utf-16le>caf\xC3\xA9", "", true,
       "<meta charset=utf-16le>caf\xC3\xA9", "UTF-8", CharsetSource::kMetaTag},
      {"pure ascii skips detection", "<p>plain</p>", "", true, "<p>plain</p>", "UTF-8",
       CharsetSource::kDefault},
      {"declared utf-8 with invalid bytes stays utf-8", "caf\xE9", "text/html; charset=utf-8", true,
       std::string("caf") + kR, "UTF-8", CharsetSource::kHttpHeader},
      {"empty", "", "", true, "", "UTF-8", CharsetSource::kDefault},
      {"empty with header", "", "text/html; charset=shift_jis", true, "", "Shift_JIS",
       CharsetSource::kHttpHeader},
      {"bom only", "\xFE\xFF", "", true, "", "UTF-16BE", CharsetSource::kBom},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DecodedText d = DecodeToUtf8(c.bytes, c.content_type, c.is_html);
    EXPECT_EQ(d.utf8, c.utf8);
    EXPECT_EQ(d.charset, c.charset);
    EXPECT_EQ(d.source, c.source);
  }
}

TEST(CharsetDecodeTest, LabelsMapLikeWhatwg) {
  const std::vector<std::pair<std::vector<const char*>, const char*>> groups = {
      {{"gb2312", "GBK", "x-gbk", "chinese", "csgb2312", "iso-ir-58", "GB18030"}, "GB18030"},
      {{"big5", "Big5-HKSCS", "x-x-big5", "cn-big5"}, "Big5"},
      {{"shift_jis", "SJIS", "ms_kanji", "x-sjis", "windows-31j", "csshiftjis"}, "Shift_JIS"},
      {{"euc-jp", "x-euc-jp"}, "EUC-JP"},
      {{"iso-2022-jp"}, "ISO-2022-JP"},
      {{"iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252"}, "windows-1252"},
      {{"utf8", "utf-8", "unicode-1-1-utf-8", " UTF-8 "}, "UTF-8"},
      {{"utf-16", "utf-16le"}, "UTF-16LE"},
      {{"utf-16be"}, "UTF-16BE"},
      // Not in the table: ICU's own aliases, reported by their MIME or IANA name.
      {{"koi8-r"}, "KOI8-R"},
      {{"cp1251", "windows-1251"}, "windows-1251"},
      {{"euc-kr"}, "EUC-KR"},
      {{"latin2", "iso-8859-2"}, "ISO-8859-2"},
  };
  for (const auto& [labels, charset] : groups) {
    for (const char* label : labels) {
      SCOPED_TRACE(label);
      DecodedText d = DecodeToUtf8("ab", std::string("text/plain; charset=") + label, false);
      EXPECT_EQ(d.charset, charset);
      EXPECT_EQ(d.source, CharsetSource::kHttpHeader);
    }
  }
  for (const char* label :
       {"x-bogus", "utf-8\"", "shift_jis<script>", "utf 8", "euc-jp,swaplfnl"}) {
    SCOPED_TRACE(label);
    DecodedText d = DecodeToUtf8("ab", std::string("text/plain; charset=") + label, false);
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_EQ(d.source, CharsetSource::kDefault);
  }
}

TEST(CharsetDecodeTest, ConverterTablesMatchBrowsers) {
  const struct {
    const char* label;
    std::string bytes;
    const char* utf8;
  } cases[] = {
      {"big5", "\x9D\xEF\xA4\xA4", "嘅中"},            // HKSCS character, then plain Big5
      {"shift_jis", "\x87\x40\\~\x82\xA0", "①\\~あ"},  // windows-31j NEC row, ASCII 0x5C/0x7E
      {"euc-jp", "\x8E\xB1\xA4\xA2", "ｱあ"},           // half-width katakana
      {"gb2312", "\x81\x30\x81\x30\x90\x30\x81\x30", "\xC2\x80\xF0\x90\x80\x80"},  // GB18030 4-byte
      {"us-ascii", "\x80\x81\x92\xE9", "€\xC2\x81’é"},  // windows-1252, C1 gaps as controls
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    DecodedText d = DecodeToUtf8(c.bytes, std::string("text/plain; charset=") + c.label, false);
    EXPECT_EQ(d.utf8, c.utf8);
    EXPECT_EQ(d.replacements, 0u);
  }
}

TEST(CharsetDecodeTest, InvalidBytesBecomeReplacementCharacters) {
  const std::string r = kR;
  const struct {
    const char* label;
    std::string bytes;
    std::string utf8;
    size_t replacements;
  } cases[] = {
      {"shift_jis", "a\x82", "a" + r, 1},  // truncated lead byte at the end
      {"shift_jis", "\xA0z", r + "z", 1},
      {"shift_jis", "\x82 a", r + " a", 1},  // an ASCII trail byte is not swallowed
      {"euc-jp", "\xFF\xA4", r + r, 2},
      {"gb18030", "\x80z\x81\x30", r + "z" + r, 2},
      {"big5", "\xFFz\xA4", r + "z" + r, 2},
      {"iso-2022-jp", "\x1B$B\x24", r, 1},              // cut inside a JIS X 0208 pair
      {"iso-2022-jp", "a\x1B(Zb", "a" + r + "(Zb", 1},  // unknown escape sequence
      {"iso-2022-jp", "\x80z", r + "z", 1},
      {"utf-16le", std::string("a\0b", 3), "a" + r, 1},         // odd length
      {"utf-16le", std::string("\x00\xD8z\0", 4), r + "z", 1},  // lone surrogate
      {"utf-8", "\xC0\x80", r + r, 2},
      {"utf-8", "\xED\xA0\x80", r + r + r, 3},
      {"utf-8", "\xF4\x90\x80\x80", r + r + r + r, 4},
      {"utf-8", "a\x80z", "a" + r + "z", 1},
      {"utf-8", "ab\xE6\x97", "ab" + r, 1},
      {"utf-8", "\xE6\x97\xA5", "日", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.label) + " " + testing::PrintToString(c.bytes));
    DecodedText d = DecodeToUtf8(c.bytes, std::string("text/plain; charset=") + c.label, false);
    EXPECT_EQ(d.utf8, c.utf8);
    EXPECT_EQ(d.replacements, c.replacements);
    EXPECT_EQ(d.source, CharsetSource::kHttpHeader);
  }
}

TEST(CharsetSanitizeUtf8Test, ReplacesEachMaximalSubpart) {
  const std::string r = kR;
  const struct {
    std::string in;
    std::string out;
    size_t replacements;
  } cases[] = {
      {"", "", 0},
      {"plain", "plain", 0},
      {std::string("a\0b", 3), std::string("a\0b", 3), 0},
      {"\xC2\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF",
       "\xC2\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF", 0},
      {"日本語 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF", "日本語 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF", 0},
      {"\x80", r, 1},  // lone continuation
      {"a\x80\xBFz", "a" + r + r + "z", 2},
      {"\xC0\x80", r + r, 2},  // overlong NUL
      {"\xC1\xBF", r + r, 2},
      {"\xE0\x80\x80", r + r + r, 3},  // overlong 3-byte
      {"\xE0\x9F\xBF", r + r + r, 3},
      {"\xED\xA0\x80", r + r + r, 3},          // U+D800
      {"\xED\xBF\xBF", r + r + r, 3},          // U+DFFF
      {"\xF0\x80\x80\x80", r + r + r + r, 4},  // overlong 4-byte
      {"\xF4\x90\x80\x80", r + r + r + r, 4},  // U+110000
      {"\xF5\x80\x80\x80", r + r + r + r, 4},
      {"\xF8\x88\x80\x80\x80", r + r + r + r + r, 5},
      {"\xFE\xFF", r + r, 2},
      {"\xE6\x97", r, 1},  // truncated: one replacement
      {"\xF0\x9F\x98", r, 1},
      {"\xE6\x97z", r + "z", 1},
      {"\xE6\x97\xE6\x97\xA5", r + "日", 1},
      {"\xF0\x9F\x98\xE6\x97\xA5", r + "日", 1},
      {"ab\xC3", "ab" + r, 1},
      // Unicode 15, table 3-8.
      {"w\xF1\x80\x80\xE1\x80\xC2x\x80y\x80\xBFz", "w" + r + r + r + "x" + r + "y" + r + r + "z",
       6},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::PrintToString(c.in));
    size_t replacements = 99;
    EXPECT_EQ(SanitizeUtf8(c.in, &replacements), c.out);
    EXPECT_EQ(replacements, c.replacements);
    EXPECT_EQ(SanitizeUtf8(c.in), c.out);
    EXPECT_EQ(IsValidUtf8(c.in), c.replacements == 0);  // cross-checks the test's validator
  }
}

TEST(CharsetFromContentTypeTest, ExtractsTheCharsetParameter) {
  const std::pair<const char*, const char*> cases[] = {
      {"text/html; charset=utf-8", "utf-8"},
      {"text/html;charset=big5", "big5"},
      {"text/html; charset=\"EUC-JP\"", "EUC-JP"},
      {"TEXT/HTML; CHARSET=SHIFT_JIS", "SHIFT_JIS"},
      {"text/html ;  charset = gbk ", "gbk"},
      {"text/html; format=flowed; charset=iso-8859-1; delsp=yes", "iso-8859-1"},
      {"text/html; charset=utf-8; charset=euc-jp", "utf-8"},  // the first one wins
      {"text/html; charset=; charset=euc-jp", "euc-jp"},      // ...unless it is empty
      {"text/html; foo=\"a;charset=x\"; charset=utf-8", "utf-8"},
      {"text/html; charset=\"utf\\-8\"", "utf-8"},
      {"text/html; charset='utf-8'", "'utf-8'"},  // single quotes are not MIME quoting
      {"text/html", ""},
      {"", ""},
      {"text/html; charset=", ""},
      {"text/html; charset=\"\"", ""},
      {"text/html; charset", ""},
      {"text/html; notcharset=utf-8", ""},
      {"charset=utf-8", ""},  // no media type: this is not a parameter
  };
  for (const auto& [content_type, charset] : cases) {
    EXPECT_EQ(CharsetFromContentType(content_type), charset) << content_type;
  }
}

TEST(CharsetFromMetaPrescanTest, FindsDeclaredCharset) {
  const std::pair<std::string, const char*> cases[] = {
      {"<meta charset=utf-8>", "utf-8"},
      {"<META CHARSET='Shift_JIS'>", "Shift_JIS"},
      {"<head><meta name=viewport content=\"width=device-width\"><meta charset=\"euc-jp\" />",
       "euc-jp"},
      {"<meta/charset=big5>", "big5"},
      {"<meta charset = \" gbk \">", "gbk"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", "Shift_JIS"},
      {"<meta content=\"text/html; charset=EUC-JP\" http-equiv=\"content-type\">", "EUC-JP"},
      {"<meta http-equiv=content-type content=text/html;charset=gb2312>", "gb2312"},
      {"<meta http-equiv='Content-Type' content=\"text/html; charset='big5'\">", "big5"},
      {"<meta content='charset=koi8-r' charset=utf-8 http-equiv=content-type>", "utf-8"},
      {"<meta charset=utf-8 charset=euc-jp>", "utf-8"},
      {"<!-- <meta charset=shift_jis> --><meta charset=euc-jp>", "euc-jp"},
      {"<p title=\"<meta charset=koi8-r>\"><meta charset=utf-8>", "utf-8"},
      {"<script>var s = '<meta charset=koi8-r>';</script>", "koi8-r"},  // no script parsing
      {"junk << <= <! x> </> <?php ?> <meta charset=euc-jp>", "euc-jp"},
      {std::string(4000, ' ') + "<meta charset=big5>", "big5"},
      // Negatives.
      {"", ""},
      {"<html><head><title>none</title></head></html>", ""},
      {"<meta name=description content=\"charset=shift_jis\">", ""},  // content without pragma
      {"<meta http-equiv=refresh content=\"0; charset=shift_jis\">", ""},
      {"<meta http-equiv=content-type content=\"text/html\">", ""},
      {"<metadata charset=utf-8>", ""},
      {"<!-- <meta charset=shift_jis>", ""},  // unterminated comment
      {"<meta charset=utf-8", ""},            // tag cut off
      {"<meta charset=\"utf-8>", ""},
      {std::string(4090, ' ') + "<meta charset=big5>", ""},  // crosses the 4096-byte limit
      {std::string(5000, ' ') + "<meta charset=big5>", ""},
  };
  for (const auto& [html, charset] : cases) {
    EXPECT_EQ(CharsetFromMetaPrescan(html), charset) << html.substr(0, 80);
  }
}

TEST(CharsetSourceNameTest, NamesEverySource) {
  EXPECT_STREQ(CharsetSourceName(CharsetSource::kBom), "bom");
  EXPECT_STREQ(CharsetSourceName(CharsetSource::kHttpHeader), "http-header");
  EXPECT_STREQ(CharsetSourceName(CharsetSource::kMetaTag), "meta");
  EXPECT_STREQ(CharsetSourceName(CharsetSource::kDetector), "detector");
  EXPECT_STREQ(CharsetSourceName(CharsetSource::kDefault), "default");
  EXPECT_STREQ(CharsetSourceName(CharsetSource::kValidUtf8), "valid-utf8");
}

TEST(CharsetRobustnessTest, RandomBytesAlwaysGiveValidUtf8) {
  const char* const kContentTypes[] = {"",
                                       "text/html",
                                       "text/html; charset=utf-8",
                                       "text/html; charset=shift_jis",
                                       "text/html; charset=euc-jp",
                                       "text/html; charset=iso-2022-jp",
                                       "text/html; charset=gbk",
                                       "text/html; charset=big5",
                                       "text/html; charset=utf-16le",
                                       "text/html; charset=utf-16be",
                                       "text/html; charset=windows-1252",
                                       "text/html; charset=koi8-r",
                                       "text/html; charset=x-bogus"};
  const char* const kPrefixes[] = {
      "",         "\xEF\xBB\xBF",          "\xFF\xFE",
      "\xFE\xFF", "<meta charset=euc-jp>", "<meta charset=iso-2022-jp>",
      "\x1B$B"};
  const std::string_view kMarkup = "<>=\"'/!- metachrsDOCTYPE\x1B$B(";
  std::mt19937 rng(20240611);
  for (int n = 0; n < 10000; ++n) {
    std::string bytes = kPrefixes[n % std::size(kPrefixes)];
    size_t len = rng() % 513;
    for (size_t i = 0; i < len; ++i) {
      bytes += n % 3 == 0 ? kMarkup[rng() % kMarkup.size()] : static_cast<char>(rng() & 0xFF);
    }
    const char* content_type = kContentTypes[n % std::size(kContentTypes)];
    DecodedText d = DecodeToUtf8(bytes, content_type, n % 2 == 0);
    ASSERT_TRUE(IsValidUtf8(d.utf8)) << n << " " << content_type;
    ASSERT_FALSE(d.charset.empty());
    size_t replacements = 0;
    ASSERT_TRUE(IsValidUtf8(SanitizeUtf8(bytes, &replacements)));
    ASSERT_EQ(replacements == 0, IsValidUtf8(bytes)) << n;
    CharsetFromMetaPrescan(bytes);
    CharsetFromContentType(bytes);
  }
}

TEST(CharsetRobustnessTest, LargeInputsDecodeInOnePass) {
  std::string sjis, utf8;
  for (const std::string unit = Encode("ibm-943_P15A-2003", kJapanese); sjis.size() < (8 << 20);) {
    sjis += unit;
    utf8 += kJapanese;
  }
  DecodedText d = DecodeToUtf8(sjis, "text/html; charset=shift_jis", true);
  EXPECT_EQ(d.replacements, 0u);
  EXPECT_TRUE(d.utf8 == utf8);  // not EXPECT_EQ: a failure would print megabytes

  const size_t middle = std::string_view(kJapanese).size() * 1000;  // a character boundary
  std::string broken = utf8;
  broken.insert(middle, "\xFF");
  d = DecodeToUtf8(broken, "", true);
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, CharsetSource::kDetector);
  EXPECT_EQ(d.replacements, 1u);
  EXPECT_TRUE(d.utf8 == utf8.substr(0, middle) + kR + utf8.substr(middle));
}

}  // namespace
}  // namespace bw
