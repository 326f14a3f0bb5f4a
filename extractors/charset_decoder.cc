#include "extractors/charset_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace bw {
namespace {

constexpr size_t npos = std::string_view::npos;
constexpr size_t kMetaPrescanBytes = 4096;
constexpr size_t kDetectorBytes = 64 * 1024;
// ICU scores UTF-16 at 10 for almost any input, so only a higher confidence means something.
constexpr int32_t kMinDetectorConfidence = 11;
constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// A charset we can decode: `icu` is the converter name; "UTF-8" takes the SanitizeUtf8 path.
struct Charset {
  std::string name;  // readable canonical name reported in DecodedText::charset
  std::string icu;
};

// WHATWG Encoding labels that must not be left to ICU's aliases (which would pick GB2312,
// ISO-8859-1, plain Big5, ...). Big5 uses ICU's Big5-HKSCS table: a superset that also
// decodes the Hong Kong characters browsers accept. windows-31j is ICU's ibm-943_P15A-2003.
struct LabelGroup {
  const char* name;
  const char* icu;
  std::string_view labels;  // space-separated, lowercase
};
constexpr LabelGroup kLabelGroups[] = {
    {"UTF-8", "UTF-8", "utf-8 utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8"},
    {"UTF-16LE", "UTF-16LE", "utf-16 utf-16le ucs-2 unicode unicodefeff csunicode iso-10646-ucs-2"},
    {"UTF-16BE", "UTF-16BE", "utf-16be unicodefffe"},
    {"GB18030", "gb18030",
     "gb18030 gb2312 gbk x-gbk chinese csgb2312 iso-ir-58 gb_2312 gb_2312-80 csiso58gb231280"},
    {"Big5", "ibm-1375_P100-2008", "big5 big5-hkscs x-x-big5 cn-big5 csbig5"},
    {"Shift_JIS", "ibm-943_P15A-2003",
     "shift_jis sjis ms_kanji x-sjis windows-31j csshiftjis ms932"},
    {"EUC-JP", "EUC-JP", "euc-jp x-euc-jp cseucpkdfmtjapanese"},
    {"ISO-2022-JP", "ISO-2022-JP", "iso-2022-jp csiso2022jp"},
    {"windows-1252", "windows-1252",
     "windows-1252 iso-8859-1 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 latin1 l1 cp1252 "
     "x-cp1252 cp819 ibm819 iso-ir-100 csisolatin1 us-ascii ascii ansi_x3.4-1968"},
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsAlpha(char c) { return Lower(c) >= 'a' && Lower(c) <= 'z'; }

void SkipSpaces(std::string_view s, size_t* i) {
  while (*i < s.size() && IsSpace(s[*i])) ++*i;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - std::min(pos, s.size()) < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

// Maps a label (from a header, a meta tag or the detector) to a charset; nullopt when unknown.
std::optional<Charset> Resolve(std::string_view label) {
  label = Trim(label);
  std::string lower;
  for (char c : label) {
    // ICU takes C strings and would read ",option" suffixes; real labels never need more.
    if (!IsAlpha(c) && !(c >= '0' && c <= '9') && std::string_view("-_.:+()").find(c) == npos) {
      return std::nullopt;
    }
    lower += Lower(c);
  }
  if (lower.empty()) return std::nullopt;
  for (const LabelGroup& g : kLabelGroups) {
    std::string padded = " " + std::string(g.labels) + " ";
    if (padded.find(" " + lower + " ") != npos) return Charset{g.name, g.icu};
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(lower.c_str(), &err);
  if (U_FAILURE(err)) return std::nullopt;
  Charset cs{"", ucnv_getName(cnv, &err)};
  ucnv_close(cnv);
  for (const char* standard : {"MIME", "IANA"}) {  // readable names: "KOI8-R", "windows-1251"
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(lower.c_str(), standard, &e);
    if (cs.name.empty() && U_SUCCESS(e) && name != nullptr) cs.name = name;
  }
  if (cs.name.empty()) cs.name = cs.icu;
  return cs;
}

// Length of the UTF-8 sequence at s[i] when valid; otherwise 0 and *bad is the length of
// its maximal invalid subpart (WHATWG / Unicode "best practice": one U+FFFD per subpart).
size_t Utf8SequenceLength(std::string_view s, size_t i, size_t* bad) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
  }
  size_t j = i + 1;
  for (size_t k = 0; k < need && j < s.size(); ++k, ++j) {
    unsigned char c = static_cast<unsigned char>(s[j]);
    if (c < lo || c > hi) break;
    lo = 0x80;
    hi = 0xBF;
  }
  if (need > 0 && j - i == need + 1) return j - i;
  *bad = j - i;
  return 0;
}

bool IsPlainAscii(std::string_view s) {
  // ESC starts the shift sequences of the 7-bit ISO-2022 family, which still needs detection.
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != 0x1B; });
}

std::optional<Charset> Detect(std::string_view bytes, const std::string& hint, bool is_html) {
  bytes = bytes.substr(0, kDetectorBytes);
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  ucsdet_setDeclaredEncoding(det, hint.data(), static_cast<int32_t>(hint.size()), &err);
  ucsdet_enableInputFilter(det, is_html);  // score the text, not the markup
  const UCharsetMatch* match = ucsdet_detect(det, &err);
  std::optional<Charset> result;
  if (match != nullptr && ucsdet_getConfidence(match, &err) >= kMinDetectorConfidence) {
    const char* name = ucsdet_getName(match, &err);
    if (U_SUCCESS(err)) result = Resolve(name);
  }
  ucsdet_close(det);
  return result;
}

// To-Unicode callback: writes U+FFFD and counts it. ICU's own SUBSTITUTE callback writes
// U+001A instead for single invalid bytes of MBCS charsets such as Shift_JIS.
void SubstituteAndCount(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
  ++*static_cast<size_t*>(const_cast<void*>(context));
  *err = U_ZERO_ERROR;
  static const UChar kReplacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// Converts `bytes` from charset `icu` to UTF-8 in one streaming pass; nullopt if ICU fails.
std::optional<std::string> ConvertWithIcu(std::string_view bytes, const char* icu,
                                          size_t* replacements) {
  if (bytes.empty()) return std::string();  // ICU rejects a null source pointer
  UErrorCode err = U_ZERO_ERROR;
  UConverter* from = ucnv_open(icu, &err);
  UConverter* to = ucnv_open("UTF-8", &err);
  ucnv_setToUCallBack(from, SubstituteAndCount, replacements, nullptr, nullptr, &err);
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  UChar pivot[4096];
  UChar *pivot_source = pivot, *pivot_target = pivot;
  bool reset = true;
  while (U_SUCCESS(err)) {
    ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                   pivot, &pivot_source, &pivot_target, pivot + std::size(pivot), reset, true,
                   &err);
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    size_t used = target - out.data();
    out.resize(out.size() * 2);  // rare: the guess above covers every CJK and single-byte charset
    target = out.data() + used;
    err = U_ZERO_ERROR;
    reset = false;
  }
  ucnv_close(from);
  ucnv_close(to);
  if (U_FAILURE(err)) return std::nullopt;
  out.resize(target - out.data());
  return out;
}

// "<a" or "</a": a start or end tag whose attributes the prescan must step over.
bool IsTagStart(std::string_view s, size_t i) {
  size_t n = i + 1 < s.size() && s[i + 1] == '/' ? i + 2 : i + 1;
  return n < s.size() && IsAlpha(s[n]);
}

// What the meta prescan needs of one attribute; names are lowercased, values kept as written.
struct Attribute {
  std::string name;
  std::string value;
};

// Reads the next attribute of a tag as the HTML "get an attribute" prescan step does.
// Returns false at '>' (left at *pos) or when the input ends inside the tag (*pos == size).
bool NextAttribute(std::string_view s, size_t* pos, Attribute* attr) {
  size_t& i = *pos;
  while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) ++i;
  if (i >= s.size() || s[i] == '>') return false;
  attr->name.clear();
  attr->value.clear();
  while (i < s.size() && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>' &&
         !(s[i] == '=' && !attr->name.empty())) {
    attr->name += Lower(s[i++]);
  }
  SkipSpaces(s, &i);
  if (i >= s.size()) return false;
  if (s[i] != '=') return true;
  SkipSpaces(s, &++i);
  if (i >= s.size()) return false;
  size_t start = i, end = i;
  if (s[i] == '"' || s[i] == '\'') {
    end = s.find(s[i], ++start);
    i = end == npos ? s.size() : end + 1;
  } else {
    while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
    end = i;
  }
  if (i >= s.size()) return false;  // unterminated, maybe cut by the prescan limit: untrusted
  attr->value = s.substr(start, end - start);
  return true;
}

// The HTML "extract a character encoding from a meta element" algorithm on a content value.
std::string CharsetFromMetaContent(std::string_view s) {
  for (size_t i = 0; i + 7 <= s.size(); ++i) {
    if (!StartsWithNoCase(s, i, "charset")) continue;
    size_t j = i + 7;
    SkipSpaces(s, &j);
    if (j >= s.size() || s[j] != '=') continue;
    SkipSpaces(s, &++j);
    if (j >= s.size()) return "";
    if (s[j] == '"' || s[j] == '\'') {
      size_t close = s.find(s[j], j + 1);
      return close == npos ? "" : std::string(s.substr(j + 1, close - j - 1));
    }
    size_t end = j;
    while (end < s.size() && !IsSpace(s[end]) && s[end] != ';') ++end;
    return std::string(s.substr(j, end - j));
  }
  return "";
}

// Charset declared by one <meta> whose attributes start at *pos; empty when none.
std::string MetaCharset(std::string_view s, size_t* pos) {
  std::vector<std::string> seen;
  bool got_pragma = false, need_pragma = false;
  std::string charset;
  Attribute attr;
  while (NextAttribute(s, pos, &attr)) {
    if (std::find(seen.begin(), seen.end(), attr.name) != seen.end()) continue;  // first wins
    seen.push_back(attr.name);
    if (attr.name == "http-equiv") {
      got_pragma = attr.value.size() == 12 && StartsWithNoCase(attr.value, 0, "content-type");
    } else if (attr.name == "content" && charset.empty()) {
      charset = CharsetFromMetaContent(attr.value);
      need_pragma = !charset.empty();
    } else if (attr.name == "charset") {
      charset = attr.value;
      need_pragma = false;
    }
  }
  if (*pos >= s.size() || (need_pragma && !got_pragma)) return "";
  return std::string(Trim(charset));
}

}  // namespace

const char* CharsetSourceName(CharsetSource source) {
  switch (source) {
    case CharsetSource::kBom: return "bom";
    case CharsetSource::kHttpHeader: return "http-header";
    case CharsetSource::kMetaTag: return "meta";
    case CharsetSource::kDetector: return "detector";
    case CharsetSource::kDefault: return "default";
    case CharsetSource::kValidUtf8: return "valid-utf8";
  }
  return "default";
}

std::string CharsetFromContentType(std::string_view content_type) {
  // Parameters after the media type; the first non-empty charset wins, as in WHATWG MIME
  // parsing. Spaces around the name and an unquoted value are tolerated.
  size_t i = content_type.find(';');
  while (i < content_type.size()) {
    size_t eq = content_type.find_first_of("=;", ++i);
    if (eq == npos || content_type[eq] == ';') {
      i = eq;
      continue;
    }
    std::string_view name = Trim(content_type.substr(i, eq - i));
    std::string value;
    i = eq + 1;
    SkipSpaces(content_type, &i);
    if (i < content_type.size() && content_type[i] == '"') {
      for (++i; i < content_type.size() && content_type[i] != '"'; ++i) {
        if (content_type[i] == '\\' && i + 1 < content_type.size()) ++i;
        value += content_type[i];
      }
      i = content_type.find(';', i);
    } else {
      size_t end = std::min(content_type.find(';', i), content_type.size());
      value = Trim(content_type.substr(i, end - i));
      i = end;
    }
    if (name.size() == 7 && StartsWithNoCase(name, 0, "charset") && !value.empty()) return value;
  }
  return "";
}

std::string CharsetFromMetaPrescan(std::string_view bytes) {
  // A simplified HTML prescan: comments and other tags are skipped with their attributes,
  // so a <meta> inside a comment or an attribute value is not seen; one inside <script>
  // is. The first <meta> declaring a charset wins, even if the label is unknown.
  std::string_view s = bytes.substr(0, kMetaPrescanBytes);
  size_t i = 0;
  while ((i = s.find('<', i)) != npos) {
    if (StartsWithNoCase(s, i, "<!--")) {
      size_t end = s.find("-->", i + 2);
      if (end == npos) return "";
      i = end + 3;
    } else if (StartsWithNoCase(s, i, "<meta") && i + 5 < s.size() &&
               (IsSpace(s[i + 5]) || s[i + 5] == '/')) {
      i += 5;
      std::string charset = MetaCharset(s, &i);
      if (!charset.empty()) return charset;
    } else if (IsTagStart(s, i)) {
      i = s.find_first_of(" \t\n\f\r>", i);  // tag name, then its attributes
      if (i == npos) return "";
      Attribute attr;
      while (NextAttribute(s, &i, &attr)) {
      }
    } else if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
      i = s.find('>', i);
    } else {
      ++i;
    }
  }
  return "";
}

std::string SanitizeUtf8(std::string_view s, size_t* replacements) {
  std::string out;
  size_t count = 0, copied = 0, i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t bad = 0;
    size_t len = Utf8SequenceLength(s, i, &bad);
    if (len > 0) {
      i += len;
      continue;
    }
    out.append(s.substr(copied, i - copied)).append(kReplacementUtf8);
    ++count;
    i += bad;
    copied = i;
  }
  if (replacements != nullptr) *replacements = count;
  if (count == 0) return std::string(s);  // the common case: one validation pass, one copy
  out.append(s.substr(copied));
  return out;
}

// True when `bytes` is valid UTF-8 holding at least a few multi-byte
// sequences: legacy-encoded text almost never is by accident.
bool LooksLikeUtf8(std::string_view bytes) {
  constexpr size_t kEnoughSequences = 3;
  size_t sequences = 0;
  for (size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t bad = 0;
    size_t len = Utf8SequenceLength(bytes, i, &bad);
    if (len == 0) return false;
    ++sequences;
    i += len;
  }
  return sequences >= kEnoughSequences;
}

DecodedText DecodeToUtf8(std::string_view bytes, std::string_view content_type, bool is_html) {
  DecodedText out;
  std::optional<Charset> charset;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    charset = Charset{"UTF-8", "UTF-8"};
    bytes.remove_prefix(3);
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    charset =
        bytes[0] == '\xFF' ? Charset{"UTF-16LE", "UTF-16LE"} : Charset{"UTF-16BE", "UTF-16BE"};
    bytes.remove_prefix(2);
  }
  if (charset) {
    out.source = CharsetSource::kBom;
  } else {
    std::string header = CharsetFromContentType(content_type);
    std::string meta = is_html ? CharsetFromMetaPrescan(bytes) : "";
    if ((charset = Resolve(header))) {
      out.source = CharsetSource::kHttpHeader;
    } else if ((charset = Resolve(meta))) {
      out.source = CharsetSource::kMetaTag;
      // A page that can declare its charset in ASCII is not UTF-16 (HTML standard).
      if (charset->icu.starts_with("UTF-16")) charset = Charset{"UTF-8", "UTF-8"};
    } else if (!IsPlainAscii(bytes) &&
               (charset = Detect(bytes, header.empty() ? meta : header, is_html))) {
      out.source = CharsetSource::kDetector;
    }
    // Pages lie: a declared legacy charset over bytes that are valid UTF-8
    // (a CMS that re-encoded its templates) is read as UTF-8.
    if (charset && charset->icu != "UTF-8" && !charset->icu.starts_with("UTF-16") &&
        LooksLikeUtf8(bytes)) {
      charset = Charset{"UTF-8", "UTF-8"};
      out.source = CharsetSource::kValidUtf8;
    }
  }
  if (charset && charset->icu != "UTF-8") {
    if (auto text = ConvertWithIcu(bytes, charset->icu.c_str(), &out.replacements)) {
      out.utf8 = std::move(*text);
      out.charset = charset->name;
      return out;
    }
    out.replacements = 0;
    out.source = CharsetSource::kDefault;  // ICU failed (out of memory): fall back to UTF-8
  }
  out.charset = "UTF-8";
  out.utf8 = SanitizeUtf8(bytes, &out.replacements);
  return out;
}

}  // namespace bw
