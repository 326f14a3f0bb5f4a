#include "pipeline/cli/query_options.h"

#include <iostream>
#include <set>

#include "pipeline/history.h"

namespace bw::cli {
Result<std::vector<std::string>> ParseLangList(const std::string& list) {
  static const std::set<std::string> kLangs = {"zh", "ja", "en", "und"};
  std::vector<std::string> langs;
  for (size_t start = 0; !list.empty();) {
    const size_t comma = list.find(',', start);
    std::string code = list.substr(start, comma == std::string::npos ? comma : comma - start);
    if (!kLangs.count(code)) {
      return Status::Usage("--lang: '" + code + "' is not one of zh, ja, en, und");
    }
    langs.push_back(std::move(code));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return langs;
}

Result<Period> ParsePeriod(const std::string& since, const std::string& until,
                           const std::string& tz) {
  Period p;
  if (!since.empty()) {
    auto t = ParseQueryDate(since, tz, false);
    if (!t.ok()) return Status::Usage("--since: " + t.status().message());
    p.from = *t;
  }
  if (!until.empty()) {
    auto t = ParseQueryDate(until, tz, true);
    if (!t.ok()) return Status::Usage("--until: " + t.status().message());
    p.to = *t;
  }
  if (p.from && p.to && *p.from >= *p.to) {
    return Status::Usage("--since " + since + " is not before --until " + until);
  }
  return p;
}

void QueryOptions::AddTo(CLI::App* cmd, bool with_filters) {
  cmd->add_option("--since", since,
                  "first day (YYYY-MM-DD in --tz, or ISO 8601 with an offset; default: the "
                  "first stored document)");
  cmd->add_option("--until", until, "last day, included (default: the last stored document)");
  cmd->add_option("--tz", tz, "time zone of the buckets and dates: an IANA name or +HH:MM")
      ->capture_default_str();
  if (!with_filters) return;
  cmd->add_option("--lang", langs, "languages, comma-separated (zh,ja,en)");
  cmd->add_option("--kind", kind, "article or post")->check(CLI::IsMember({"article", "post"}));
  cmd->add_option("--source", source, "a configured source's name, or a site's host");
  cmd->add_option("--entity", entity, "an entity (OpenAI, NVIDIA, …); any case");
}

Result<std::optional<HistoryFilter>> QueryOptions::Resolve(const HistoryStore& store) const {
  HistoryFilter f;
  f.kind = kind;
  f.source = source;
  auto lang_list = ParseLangList(langs);
  if (!lang_list.ok()) return lang_list.status();
  f.langs = *lang_list;
  if (!entity.empty()) {
    auto found = store.FindEntity(entity);
    if (!found.ok()) return found.status();
    f.entity = found->value_or(entity);
  }
  auto period = ParsePeriod(since, until, tz);
  if (!period.ok()) return period.status();
  std::optional<int64_t> from = period->from, to = period->to;
  if (!from || !to) {
    auto range = store.DateRange();
    if (!range.ok()) return range.status();
    if (!*range) return std::optional<HistoryFilter>();
    if (!from) from = (*range)->first;
    if (!to) to = (*range)->second;
  }
  if (*from >= *to) return Status::Usage("--since must be before --until");
  f.from = *from;
  f.to = *to;
  return std::optional<HistoryFilter>(f);
}

}  // namespace bw::cli
