#include "extractors/stance_lexicon.h"

#include <charconv>
#include <set>
#include <utility>

namespace bw {
namespace {

struct RoleName {
  std::string_view name;
  StanceRole role;
};

constexpr RoleName kRoles[] = {
    {"cue", StanceRole::kCue},
    {"mask", StanceRole::kMask},
    {"negator", StanceRole::kNegator},
    {"post_negator", StanceRole::kPostNegator},
    {"post_negator_contrast", StanceRole::kPostNegatorContrast},
    {"affirm", StanceRole::kAffirm},
    {"hedge", StanceRole::kHedge},
    {"intensifier", StanceRole::kIntensifier},
    {"shift", StanceRole::kShift},
    {"whether", StanceRole::kWhether},
    {"contrast", StanceRole::kContrast},
    {"concessive", StanceRole::kConcessive},
    {"alternative", StanceRole::kAlternative},
    {"rhetorical_negator", StanceRole::kRhetoricalNegator},
    {"irony", StanceRole::kIrony},
    {"loaded_question", StanceRole::kLoadedQuestion},
    {"answer", StanceRole::kAnswer},
    {"rebut", StanceRole::kRebut},
    {"attribution", StanceRole::kAttribution},
    {"topic", StanceRole::kTopic},
    {"refute", StanceRole::kRefute},
    {"conclusion", StanceRole::kConclusion},
    {"finding", StanceRole::kFinding},
    {"conclusion_heading", StanceRole::kConclusionHeading},
    {"counter_heading", StanceRole::kCounterHeading},
    {"epithet", StanceRole::kEpithet},
    {"debate", StanceRole::kDebate},
    {"balance", StanceRole::kBalance},
};

bool ParseNumber(std::string_view s, double* out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

StanceLexicon::StanceLexicon(const LexiconSet& lexicons) {
  // Later files replace equal phrases: a language's own entry wins over English.
  Load(lexicons, "stance/common.txt", en_);
  Load(lexicons, "stance/en.txt", en_);
  for (auto* t : {&zh_, &ja_, &any_}) {
    Load(lexicons, "stance/common.txt", *t);
    Load(lexicons, "stance/en.txt", *t);
  }
  Load(lexicons, "stance/zh.txt", zh_);
  Load(lexicons, "stance/ja.txt", ja_);
  Load(lexicons, "stance/ja.txt", any_);
  Load(lexicons, "stance/zh.txt", any_);
}

void StanceLexicon::Load(const LexiconSet& lexicons, std::string_view file, PhraseTable<StanceTerm>& table) {
  const bool report = &table == &any_;  // every file is loaded into any_ once
  auto problem = [&](const LexiconEntry& e, std::string_view what) {
    if (!report) return;
    std::string line;
    for (const std::string& f : e) line += (line.empty() ? "" : "\t") + f;
    problems_.push_back(std::string(file) + ": '" + line + "': " + std::string(what));
  };
  std::set<std::string, std::less<>> phrases;  // of this file, to name a phrase given twice
  for (const LexiconEntry& e : lexicons.Entries(file)) {
    if (e.size() < 2 || e[0].empty()) {
      problem(e, "needs a phrase and a role");
      continue;
    }
    const RoleName* role = nullptr;
    for (const RoleName& r : kRoles) {
      if (r.name == e[1]) role = &r;
    }
    if (e[1] == "veto") {
      if (e.size() < 3 || e[2].empty()) {
        problem(e, "veto needs the cue it cancels");
      } else if (report) {
        vetoes_[e[2]].push_back(e[0]);
      }
      continue;
    }
    if (role == nullptr) {
      problem(e, "unknown role");
      continue;
    }
    StanceTerm term;
    term.role = role->role;
    if (e.size() > 2 && !e[2].empty() && !ParseNumber(e[2], &term.weight)) {
      problem(e, "the third field is not a number");
      continue;
    }
    if (e.size() > 3 && !e[3].empty() && !ParseNumber(e[3], &term.second)) {
      problem(e, "the fourth field is not a number");
      continue;
    }
    std::string phrase = e[0];
    if (phrase.size() > 1 && phrase.back() == '*') {
      phrase.pop_back();
      term.prefix = true;
    }
    if (!phrases.insert(phrase).second) problem(e, "the phrase is given twice in this file; this line wins");
    table.Add(phrase, term);
  }
}

const PhraseTable<StanceTerm>& StanceLexicon::Table(std::string_view lang) const {
  if (lang == "en") return en_;
  if (lang == "zh") return zh_;
  if (lang == "ja") return ja_;
  return any_;
}

bool StanceLexicon::Vetoed(std::string_view cue, std::string_view sentence) const {
  auto it = vetoes_.find(cue);
  if (it == vetoes_.end()) return false;
  for (const std::string& context : it->second) {
    if (sentence.find(context) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace bw
