// The lexicon files of lexicons/, compiled into the binary by
// cmake/embed_lexicons.cmake. Constant data: reading it is pure.
#ifndef BUBBLEWATCH_EXTRACTORS_EMBEDDED_LEXICONS_H_
#define BUBBLEWATCH_EXTRACTORS_EMBEDDED_LEXICONS_H_

#include <string_view>
#include <vector>

namespace bw {

struct EmbeddedFile {
  std::string_view path;     // relative to lexicons/, e.g. "boilerplate.txt"
  std::string_view content;  // the file's bytes
};

// Every embedded lexicon file, sorted by path.
const std::vector<EmbeddedFile>& EmbeddedLexiconFiles();

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_EMBEDDED_LEXICONS_H_
