#include "extractors/search_tokens.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "extractors/text_util.h"

namespace bw {
namespace {

// What a character does to tokens.
enum class Kind {
  kEnd,        // no character: the end of the input
  kSeparator,  // white space, punctuation, symbols, invalid bytes
  kWord,       // a letter or digit of an alphabetic script
  kCjk,        // Han, kana or Hangul
  kMark,       // a combining mark: continues a word, skipped in a CJK run
  kIgnorable,  // skipped without separating
};

Kind Classify(UChar32 c) {
  if (c < 0x80) {
    return c >= 0 && IsAsciiAlnum(static_cast<char>(c)) ? Kind::kWord : Kind::kSeparator;
  }
  // The common CJK blocks first, without asking ICU.
  if (c >= 0x4E00 && c <= 0x9FFF) return Kind::kCjk;  // CJK Unified Ideographs
  if (c >= 0xAC00 && c <= 0xD7A3) return Kind::kCjk;  // Hangul syllables
  if (c >= 0x3040 && c <= 0x30FF) {                   // Hiragana, Katakana
    if (c == 0x3099 || c == 0x309A) return Kind::kMark;  // combining (semi-)voiced marks
    if (c == 0x309B || c == 0x309C || c == 0x30A0 || c == 0x30FB) return Kind::kSeparator;
    return Kind::kCjk;  // with ー (U+30FC) and the iteration marks ゝゞヽヾ
  }
  if ((c >= 0x3005 && c <= 0x3007) || (c >= 0x3031 && c <= 0x3035)) return Kind::kCjk;  // 々〆〇, 〱
  if (c == 0x200B) return Kind::kSeparator;  // zero-width space: a word break
  const uint32_t gc = U_GET_GC_MASK(c);
  if (gc & (U_GC_L_MASK | U_GC_NL_MASK)) {
    UErrorCode error = U_ZERO_ERROR;
    switch (uscript_getScript(c, &error)) {
      case USCRIPT_HAN:
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
      case USCRIPT_HANGUL:
        return Kind::kCjk;
      default:
        return Kind::kWord;
    }
  }
  if (gc & U_GC_ND_MASK) return Kind::kWord;
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return Kind::kIgnorable;
  if (gc & (U_GC_MN_MASK | U_GC_MC_MASK)) return Kind::kMark;
  return Kind::kSeparator;
}

// Full-width ASCII to ASCII, half-width katakana (and the other half-width
// forms) to full-width.
UChar32 FoldWidth(UChar32 c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c >= 0xFF61 && c <= 0xFFEE) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2* nfkc = unorm2_getNFKCInstance(&error);
    UChar mapped[4];
    int32_t len = U_SUCCESS(error) ? unorm2_getRawDecomposition(nfkc, c, mapped, 4, &error) : 0;
    if (U_SUCCESS(error) && len == 1) return mapped[0];
  }
  return c;
}

// Decodes and width-folds the code point at byte `i` (i < in.size()); `*next`
// is the byte after it. An invalid sequence gives a negative code point.
UChar32 Decode(std::string_view in, size_t i, size_t* next) {
  UChar32 c;
  U8_NEXT(in.data(), i, in.size(), c);
  *next = i;
  return c < 0 ? c : FoldWidth(c);
}

// Reads the character at byte `pos` into `ch` and says what it is. A kana
// followed by a separate (semi-)voiced sound mark (U+3099, U+309A or the
// half-width ﾞ ﾟ) is read as the one composed kana.
Kind ReadChar(std::string_view in, size_t pos, char32_t* c, size_t* end) {
  if (pos >= in.size()) return Kind::kEnd;
  UChar32 cp = Decode(in, pos, end);
  Kind kind = Classify(cp);
  if (kind == Kind::kCjk && *end < in.size()) {
    unsigned char lead = static_cast<unsigned char>(in[*end]);
    if (lead == 0xE3 || lead == 0xEF) {  // the marks' lead bytes
      size_t after;
      UChar32 mark = Decode(in, *end, &after);
      if (mark == 0x3099 || mark == 0x309A) {
        UErrorCode error = U_ZERO_ERROR;
        const UNormalizer2* nfc = unorm2_getNFCInstance(&error);
        UChar32 composed = U_SUCCESS(error) ? unorm2_composePair(nfc, cp, mark) : -1;
        if (composed >= 0) {
          cp = composed;
          *end = after;
        }
      }
    }
  }
  *c = cp < 0 ? 0 : static_cast<char32_t>(cp);
  return kind;
}

void AppendUtf8(std::string& out, char32_t c) {
  char bytes[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(bytes, len, static_cast<UChar32>(c));
  out.append(bytes, len);
}

char AsciiLowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::vector<SearchToken> SearchTokens(std::string_view text) {
  std::vector<SearchToken> tokens;
  SearchTokenStream stream(text);
  while (stream.Next()) {
    tokens.push_back({std::string(stream.text()), stream.start(), stream.end()});
  }
  return tokens;
}

bool SearchTokenStream::Next() {
  colocated_ = false;
  while (true) {
    if (!in_cjk_) {  // ASCII white space and punctuation, without decoding
      while (pos_ < in_.size() && static_cast<unsigned char>(in_[pos_]) < 0x80 &&
             !IsAsciiAlnum(in_[pos_])) {
        ++pos_;
      }
    }
    Char ch;
    Kind kind = ReadChar(in_, pos_, &ch.c, &ch.end);
    ch.start = pos_;
    if (in_cjk_) {
      if (kind == Kind::kCjk) {
        pos_ = ch.end;
        SetCjk(last_cjk_, &ch);
        last_cjk_ = ch;
        ++run_chars_;
        return true;
      }
      if (kind == Kind::kMark || kind == Kind::kIgnorable) {
        pos_ = ch.end;
        continue;
      }
      // The run ends before `ch`, which is read again on the next turn.
      in_cjk_ = false;
      if (run_chars_ == 1 || run_end_unigrams_) {
        SetCjk(last_cjk_, nullptr);
        colocated_ = run_chars_ > 1;
        return true;
      }
    }
    if (kind == Kind::kEnd) return false;
    pos_ = ch.end;
    if (kind == Kind::kWord) {
      ReadWord(ch);
      return true;
    }
    if (kind == Kind::kCjk) {
      in_cjk_ = true;
      run_chars_ = 1;
      last_cjk_ = ch;
    }
  }
}

void SearchTokenStream::ReadWord(const Char& first) {
  buf_.clear();
  bool ascii = first.c < 0x80;
  if (ascii) {
    buf_ += AsciiLowerChar(static_cast<char>(first.c));
  } else {
    AppendUtf8(buf_, first.c);
  }
  start_ = first.start;
  end_ = first.end;
  while (true) {
    const size_t fast = pos_;
    while (pos_ < in_.size() && IsAsciiAlnum(in_[pos_])) buf_ += AsciiLowerChar(in_[pos_++]);
    if (pos_ > fast) end_ = pos_;
    Char ch;
    Kind kind = ReadChar(in_, pos_, &ch.c, &ch.end);
    if (kind == Kind::kWord || kind == Kind::kMark) {
      if (ch.c < 0x80) {
        buf_ += AsciiLowerChar(static_cast<char>(ch.c));
      } else {
        AppendUtf8(buf_, ch.c);
        ascii = false;
      }
      pos_ = end_ = ch.end;
      continue;
    }
    if (kind == Kind::kIgnorable) {
      pos_ = ch.end;
      continue;
    }
    // A full stop between digits: "1.5", "３．５".
    if (ch.c == '.' && IsAsciiDigit(buf_.back())) {
      char32_t next;
      size_t next_end;
      if (ReadChar(in_, ch.end, &next, &next_end) == Kind::kWord && next < 0x80 &&
          IsAsciiDigit(static_cast<char>(next))) {
        buf_ += '.';
        pos_ = ch.end;
        continue;
      }
    }
    break;
  }
  text_ = &buf_;
  if (!ascii) {
    folded_.clear();
    icu::StringByteSink<std::string> sink(&folded_);
    UErrorCode error = U_ZERO_ERROR;
    icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, icu::StringPiece(buf_.data(), buf_.size()), sink,
                           nullptr, error);
    if (U_SUCCESS(error)) text_ = &folded_;
  }
}

void SearchTokenStream::SetCjk(const Char& a, const Char* b) {
  buf_.clear();
  AppendUtf8(buf_, a.c);
  if (b != nullptr) AppendUtf8(buf_, b->c);
  start_ = a.start;
  end_ = b != nullptr ? b->end : a.end;
  text_ = &buf_;
}

}  // namespace bw
