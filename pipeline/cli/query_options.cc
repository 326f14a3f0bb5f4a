#include "pipeline/cli/query_options.h"

#include <iostream>

#include "pipeline/history.h"

namespace bw::cli {
namespace {

// A language code as stored: two or three lower-case letters.
bool IsLangCode(const std::string& s) {
  if (s.size() < 2 || s.size() > 3) return false;
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

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
  for (size_t start = 0; start <= langs.size() && !langs.empty();) {
    size_t comma = langs.find(',', start);
    std::string code = langs.substr(start, comma == std::string::npos ? comma : comma - start);
    if (!IsLangCode(code)) {
      return Status::Usage("--lang: '" + code + "' is not a language code (zh, ja, en, …)");
    }
    f.langs.push_back(code);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!entity.empty()) {
    auto found = store.FindEntity(entity);
    if (!found.ok()) return found.status();
    f.entity = found->value_or(entity);
  }
  std::optional<int64_t> from, to;
  if (!since.empty()) {
    auto t = ParseQueryDate(since, tz, false);
    if (!t.ok()) return Status::Usage("--since: " + t.status().message());
    from = *t;
  }
  if (!until.empty()) {
    auto t = ParseQueryDate(until, tz, true);
    if (!t.ok()) return Status::Usage("--until: " + t.status().message());
    to = *t;
  }
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
