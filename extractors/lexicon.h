// LexiconSet: the word lists of lexicons/, parsed and ready for the extractors.
//
// A lexicon file is UTF-8 text, one entry a line. '#' starts a comment line;
// blank lines are skipped; fields are separated by a TAB. What the fields mean
// is up to the extractor that reads the file (its header comment says).
//
//   bw::LexiconSet lex = bw::LexiconSet::Embedded();
//   for (const auto& entry : lex.Entries("boilerplate.txt")) { ... entry[0] ... }
//
// The set is built once (from the binary, or from a directory given with
// --lexicons) and passed by const reference: extractors hold no globals.
#ifndef BUBBLEWATCH_EXTRACTORS_LEXICON_H_
#define BUBBLEWATCH_EXTRACTORS_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bw {

using LexiconEntry = std::vector<std::string>;  // the TAB-separated fields of one line

class LexiconSet {
 public:
  LexiconSet() = default;

  // The lexicons compiled into the binary.
  static LexiconSet Embedded();

  // Adds (or replaces) the file `path` with `content`. Used to build the set
  // from the embedded data or from files an override directory holds.
  void AddFile(std::string path, std::string_view content);

  // The entries of file `path`; empty when there is no such file.
  const std::vector<LexiconEntry>& Entries(std::string_view path) const;

  // The first field of every entry of `path`.
  std::vector<std::string> Terms(std::string_view path) const;

  std::vector<std::string> Paths() const;

 private:
  std::map<std::string, std::vector<LexiconEntry>, std::less<>> files_;
};

}  // namespace bw

#endif  // BUBBLEWATCH_EXTRACTORS_LEXICON_H_
