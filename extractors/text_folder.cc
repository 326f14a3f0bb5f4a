#include "extractors/text_folder.h"

#include <unicode/utf8.h>

#include "extractors/text_addresses.h"

namespace bw {
namespace {

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

// The ASCII a character folds to, or 0 when it has none.
char AsciiFold(UChar32 c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c < 0x80) return static_cast<char>(c);
  if (c >= 0xFF01 && c <= 0xFF5E) {  // full-width ASCII
    char a = static_cast<char>(c - 0xFF01 + '!');
    return a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a;
  }
  switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: return '"';
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F: case 0x3000:
      return ' ';
    default: return 0;
  }
}

}  // namespace

TextFolder::TextFolder(const LexiconSet& lexicons) {
  for (const LexiconEntry& e : lexicons.Entries("zh_fold.txt")) {
    if (e.size() < 2 || e[0].empty()) continue;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(e[0].data(), i, static_cast<int32_t>(e[0].size()), c);
    if (c >= 0) chinese_[static_cast<uint32_t>(c)] = e[1];
  }
}

FoldedText TextFolder::Fold(std::string_view text, bool chinese) const {
  FoldedText f;
  f.text.reserve(text.size());
  f.origin.reserve(text.size() + 1);
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    const size_t before = f.text.size();
    if (char a = c >= 0 ? AsciiFold(c) : 0) {
      f.text.push_back(a);
    } else if (auto it = chinese && c >= 0 ? chinese_.find(static_cast<uint32_t>(c)) : chinese_.end();
               it != chinese_.end()) {
      f.text += it->second;
    } else if (c < 0) {
      AppendUtf8(f.text, 0xFFFD);
    } else {
      f.text.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
    f.origin.insert(f.origin.end(), f.text.size() - before, static_cast<uint32_t>(start));
  }
  f.origin.push_back(static_cast<uint32_t>(text.size()));
  return f;
}

FoldedText TextFolder::FoldProse(std::string_view text, bool chinese) const {
  FoldedText f = Fold(text, chinese);
  BlankTextAddresses(f.text);
  return f;
}

}  // namespace bw
