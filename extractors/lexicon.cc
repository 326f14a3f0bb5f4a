#include "extractors/lexicon.h"

#include "extractors/embedded_lexicons.h"

namespace bw {

LexiconSet LexiconSet::Embedded() {
  LexiconSet set;
  for (const EmbeddedFile& f : EmbeddedLexiconFiles()) set.AddFile(std::string(f.path), f.content);
  return set;
}

void LexiconSet::AddFile(std::string path, std::string_view content) {
  std::vector<LexiconEntry> entries;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    LexiconEntry fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    entries.push_back(std::move(fields));
  }
  files_[std::move(path)] = std::move(entries);
}

const std::vector<LexiconEntry>& LexiconSet::Entries(std::string_view path) const {
  static const std::vector<LexiconEntry> kEmpty;
  auto it = files_.find(path);
  return it == files_.end() ? kEmpty : it->second;
}

std::vector<std::string> LexiconSet::Terms(std::string_view path) const {
  std::vector<std::string> terms;
  for (const LexiconEntry& e : Entries(path)) terms.push_back(e[0]);
  return terms;
}

std::vector<std::string> LexiconSet::Paths() const {
  std::vector<std::string> paths;
  for (const auto& [p, _] : files_) paths.push_back(p);
  return paths;
}

}  // namespace bw
