#include "extractors/text_segmenter.h"

#include "extractors/text_util.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <string>

namespace bw {
namespace {

icu::Locale LocaleFor(std::string_view lang) {
  if (lang == "en") return icu::Locale("en@ss=standard");
  if (lang == "zh" || lang == "ja") return icu::Locale(std::string(lang).c_str());
  return icu::Locale::getRoot();
}

bool IsSpaceAt(std::string_view t, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
    *len = 1;
    return true;
  }
  if (t.substr(i, 3) == "\u3000") {
    *len = 3;
    return true;
  }
  if (t.substr(i, 2) == "\u00A0") {
    *len = 2;
    return true;
  }
  return false;
}

void AddTrimmed(std::string_view t, size_t start, size_t end, std::vector<TextSpan>& out) {
  size_t len = 0;
  while (start < end && IsSpaceAt(t, start, &len)) start += len;
  while (end > start) {
    // Step back one UTF-8 character.
    size_t k = end - 1;
    while (k > start && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
    if (!IsSpaceAt(t, k, &len) || k + len != end) break;
    end = k;
  }
  if (end > start) out.push_back({start, end});
}

// Whether a full stop after t[word, dot) ends a sentence even though a lower-case
// word follows: posts are written without capitals ("never showed up. guidance
// raised"), but "e.g. the", "vs. the" are abbreviations.
bool EndsSentenceBeforeLowercase(std::string_view t, size_t word, size_t dot) {
  if (t[dot] != '.') return true;  // "!" and "?"
  if (dot - word < 2 || (word > 0 && t[word - 1] == '.')) return false;
  const std::string w = AsciiLower(t.substr(word, dot - word));
  for (std::string_view abbr : {"etc", "vs", "approx", "incl", "esp", "ie", "eg", "al", "no", "cf", "fig", "mr", "mrs",
                                "ms", "dr", "st", "jr", "sr", "est", "ca", "vol", "pp", "op", "ed"}) {
    if (w == abbr) return false;
  }
  return true;
}

// Adds [start, end) as sentences, split where ICU keeps "… up. guidance …" together.
void AddSplitAtLowercase(std::string_view t, size_t start, size_t end, std::vector<TextSpan>& out) {
  size_t from = start;
  for (size_t i = start + 1; i + 2 < end; ++i) {
    if (t[i] != '.' && t[i] != '!' && t[i] != '?') continue;
    if (!IsAsciiAlnum(t[i - 1]) || t[i + 1] != ' ') continue;
    size_t next = i + 1;
    while (next < end && t[next] == ' ') ++next;
    if (next >= end || !IsAsciiLower(t[next])) continue;
    size_t word = i;
    while (word > start && IsAsciiAlnum(t[word - 1])) --word;
    if (!EndsSentenceBeforeLowercase(t, word, i)) continue;
    AddTrimmed(t, from, i + 1, out);
    from = i + 1;
  }
  AddTrimmed(t, from, end, out);
}

// An ICU iterator over `text` as UTF-8, so positions are byte offsets.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    ut_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) ut_ = nullptr;
  }
  ~Utf8Text() {
    if (ut_ != nullptr) utext_close(ut_);
  }
  UText* get() const { return ut_; }

 private:
  UText* ut_ = nullptr;
};

}  // namespace

size_t WordBreaks::WordIndex(size_t i) const {
  return static_cast<size_t>(std::upper_bound(word_starts.begin(), word_starts.end(), i) -
                             word_starts.begin());
}

TextSegmenter::TextSegmenter(std::string_view lang) {
  UErrorCode status = U_ZERO_ERROR;
  sentence_.reset(icu::BreakIterator::createSentenceInstance(LocaleFor(lang), status));
  if (U_FAILURE(status)) sentence_.reset();
  status = U_ZERO_ERROR;
  word_.reset(icu::BreakIterator::createWordInstance(LocaleFor(lang), status));
  if (U_FAILURE(status)) word_.reset();
}

TextSegmenter::~TextSegmenter() = default;

WordBreaks TextSegmenter::Words(std::string_view text) const {
  WordBreaks s;
  s.boundary.assign(text.size() + 1, 0);
  s.boundary[0] = 1;
  s.boundary[text.size()] = 1;
  if (text.empty()) return s;
  Utf8Text ut(text);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(word_ ? word_->clone() : nullptr);
  if (words && ut.get() != nullptr) {
    words->setText(ut.get(), status);
    if (U_SUCCESS(status)) {
      int32_t prev = words->first();
      for (int32_t b = words->next(); b != icu::BreakIterator::DONE; prev = b, b = words->next()) {
        s.boundary[static_cast<size_t>(b)] = 1;
        if (words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) s.word_starts.push_back(static_cast<uint32_t>(prev));
      }
    }
  }

  return s;
}

std::vector<TextSpan> TextSegmenter::Sentences(std::string_view text) const {
  std::vector<TextSpan> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(sentence_ ? sentence_->clone() : nullptr);
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    Utf8Text lt(line);
    status = U_ZERO_ERROR;
    if (sentences && lt.get() != nullptr && !line.empty()) sentences->setText(lt.get(), status);
    if (sentences && lt.get() != nullptr && !line.empty() && U_SUCCESS(status)) {
      int32_t prev = sentences->first();
      for (int32_t b = sentences->next(); b != icu::BreakIterator::DONE; prev = b, b = sentences->next()) {
        AddSplitAtLowercase(text, line_start + static_cast<size_t>(prev), line_start + static_cast<size_t>(b), out);
      }
    } else {
      AddTrimmed(text, line_start, line_end, out);
    }
    line_start = line_end + 1;
  }
  return out;
}

}  // namespace bw
