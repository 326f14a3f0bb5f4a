#include "extractors/stance_subject.h"

#include <algorithm>
#include <string>

#include "extractors/text_util.h"

namespace bw {

StanceSubject::StanceSubject(const LexiconSet& lexicons) {
  for (const LexiconEntry& e : lexicons.Entries("stance/subject.txt")) {
    if (e.empty() || e[0].empty()) continue;
    std::string phrase = e[0];
    Phrase p;
    if (phrase.size() > 1 && phrase.back() == '*') {
      phrase.pop_back();
      p.prefix = true;
    }
    table_.Add(phrase, p);
  }
}

bool StanceSubject::Mentions(std::string_view s) const {
  for (size_t i = 0; i < s.size();) {
    // A Latin phrase starts a word: "ai" is not the end of "said".
    const bool word_start = i == 0 || !IsAsciiAlnum(s[i - 1]);
    const bool found = table_.ForEachAt(s, i, [&](std::string_view phrase, const Phrase& p) {
      if (IsAsciiAlnum(phrase.front()) && !word_start) return false;
      const size_t end = i + phrase.size();
      return p.prefix || !IsAsciiAlnum(phrase.back()) || end == s.size() || !IsAsciiAlnum(s[end]);
    });
    if (found) return true;
    i += std::max<size_t>(1, Utf8CharAt(s, i).size());
  }
  return false;
}

}  // namespace bw
