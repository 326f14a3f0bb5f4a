#include "pipeline/crawler.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "db/crawl_store.h"
#include "extractors/robots_rules.h"
#include "pipeline/clock.h"
#include "pipeline/host_schedule.h"
#include "pipeline/page_fetcher.h"
#include "pipeline/source_listing.h"
#include "pipeline/url.h"

namespace bw {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* kRobotsToken = "bubblewatch";
constexpr int kMaxSitemapChildren = 50;  // of one index, per poll
constexpr int64_t kMaxPendingLoaded = 100000;

// "https://example.com:8443" of a normalised URL.
std::string OriginOf(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  size_t end = url.find_first_of("/?#", scheme + 3);
  return url.substr(0, end);
}

// "/a/b?q" of a normalised URL ("/" when the path is empty).
std::string PathAndQuery(const std::string& url) {
  size_t scheme = url.find("://");
  size_t start = scheme == std::string::npos ? std::string::npos : url.find_first_of("/?", scheme + 3);
  if (start == std::string::npos) return "/";
  std::string p = url.substr(start, url.find('#', start) - start);
  return p[0] == '?' ? "/" + p : p;
}

enum class TaskKind { kRobots, kSource, kItem };

struct Task {
  TaskKind kind = TaskKind::kItem;
  std::string url;       // what is requested
  size_t source = 0;     // index into the configured sources (kSource)
  bool child = false;    // a sitemap named by an index: no validators, no poll record
  std::string item;      // canonical URL of the feed item (kItem)
  int attempt = 0;
};

struct Host {
  std::deque<Task> sources, items;
  enum class Robots { kUnknown, kFetching, kReady } robots = Robots::kUnknown;
  RobotsRules rules = RobotsRules::AllowAll();
  bool HasWork() const { return !sources.empty() || !items.empty(); }
};

// Why a response failed, as counted in the summary; "" when it did not.
std::string FailureCause(const HttpResponse& r) {
  if (r.error != FetchError::kNone) return FetchErrorName(r.error);
  if (r.status == 304 || (r.status >= 200 && r.status < 300)) return "";
  return "http_" + std::to_string(r.status);
}

bool IsTransient(const HttpResponse& r) {
  if (r.error == FetchError::kTimeout || r.error == FetchError::kNetwork) return true;
  return r.error == FetchError::kNone && (r.status == 429 || r.status >= 500);
}

// Retry-After in seconds: delta-seconds or an HTTP date; nullopt when absent or unreadable.
std::optional<double> RetryAfterSeconds(const std::string& value) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return value.size() > 9 ? 1e9 : std::stod(value);
  }
  std::optional<DateTime> when = ParseDateTime(value);
  if (!when || !when->has_time) return std::nullopt;
  double delta = static_cast<double>(SecondsSinceEpoch(*when) - SecondsSinceEpoch(UtcNow()));
  return std::max(0.0, delta);
}

class CrawlRun {
 public:
  CrawlRun(const Config& config, Database& db, const DocumentAnalyzer& analyzer,
           TransferPool& pool, const CrawlOptions& options)
      : config_(config), store_(db), db_(db), fetcher_(null_http_, analyzer, db), pool_(pool),
        options_(options),
        schedule_(config.crawl.concurrency, config.crawl.per_host_concurrency,
                  milliseconds(static_cast<int64_t>(config.crawl.per_host_delay_s * 1000))) {}

  Result<CrawlSummary> Run();

 private:
  // An HttpClient that is never called: the crawl hands responses to PageFetcher::Record.
  struct NoHttp : HttpClient {
    HttpResponse Get(const HttpRequest&) override { return {}; }
  };

  Status Enqueue();
  void StartReady(Clock::time_point now);
  bool StartNext(const std::string& origin, Host& host, Clock::time_point now);
  void Start(const std::string& origin, Task task, Clock::time_point now);
  Status Handle(uint64_t tag, HttpResponse response);
  Status HandleRobots(const std::string& origin, const HttpResponse& r);
  Status HandleSource(Task& task, const HttpResponse& r);
  Status HandleItem(Task& task, HttpResponse r);
  // Requeues a task after a transient failure when the retry budget allows; true when it did.
  bool Retry(const std::string& origin, Task& task, const HttpResponse& r);
  Status SourceFailed(const Task& task, const std::string& cause, const std::string& error,
                      std::optional<double> hold_s = std::nullopt);
  Status ItemFailed(const Task& task, const std::string& cause, const std::string& error,
                    bool permanent);
  // Records in `fetches` a response to `url` that produced no document.
  Status RecordAttempt(const std::string& url, const HttpResponse& r, const std::string& cause);
  bool Stopping(Clock::time_point now) const;
  // What the crawl writes is grouped into one transaction per second (or
  // per kBatchResponses responses): a commit per document cost 13 times as
  // much at a million documents (bench/README.md). A crash loses the open
  // batch whole, its feed items with it, and the next run fetches them again.
  static constexpr int kBatchResponses = 200;
  static constexpr milliseconds kBatchTime{1000};
  Status OpenBatch(Clock::time_point now);
  // Commits the open batch when it is due, or always with `now_or_never`.
  Status CloseBatch(Clock::time_point now, bool now_or_never);
  void Report();
  std::string Due(int interval_min, int failures) const;

  const Config& config_;
  CrawlStore store_;
  Database& db_;
  NoHttp null_http_;
  PageFetcher fetcher_;
  TransferPool& pool_;
  const CrawlOptions& options_;
  HostSchedule schedule_;

  CrawlSummary summary_;
  CrawlProgress progress_;
  std::vector<int64_t> source_ids_;
  std::vector<SourceRow> source_rows_;     // state at the start, by config index
  std::vector<int> source_budget_;         // new items a source may still add this run
  std::map<std::string, Host> hosts_;
  std::vector<std::string> origins_;       // round-robin order
  size_t next_origin_ = 0;
  std::map<uint64_t, std::pair<std::string, Task>> running_;
  uint64_t next_tag_ = 1;
  Clock::time_point started_ = Clock::now();
  std::optional<Clock::time_point> deadline_;
  Clock::time_point last_report_{};
  Status start_error_;  // a database failure while deciding what to start
  bool batch_open_ = false;
  Clock::time_point batch_opened_{};
  int batch_responses_ = 0;
};

Status CrawlRun::OpenBatch(Clock::time_point now) {
  if (batch_open_) return Status::OK();
  if (Status s = db_.BeginBatch(); !s.ok()) return s;
  batch_open_ = true;
  batch_opened_ = now;
  batch_responses_ = 0;
  return Status::OK();
}

Status CrawlRun::CloseBatch(Clock::time_point now, bool now_or_never) {
  if (!batch_open_) return Status::OK();
  if (!now_or_never && batch_responses_ < kBatchResponses && now - batch_opened_ < kBatchTime) {
    return Status::OK();
  }
  batch_open_ = false;
  return db_.CommitBatch();
}

std::string CrawlRun::Due(int interval_min, int failures) const {
  // A source that keeps failing waits longer, up to 8 intervals.
  int factor = 1 << std::min(failures, 3);
  return IsoUtc(WallNow() + std::chrono::minutes(interval_min * factor));
}

bool CrawlRun::Stopping(Clock::time_point now) const {
  if (options_.stop && options_.stop->load()) return true;
  return deadline_ && now >= *deadline_;
}

Status CrawlRun::Enqueue() {
  const auto& sources = config_.sources;
  for (const SourceConfig& s : sources) {
    auto id = store_.SyncSource(s.name, s.type, s.url);
    if (!id.ok()) return id.status();
    source_ids_.push_back(*id);
  }
  auto rows = store_.Sources();
  if (!rows.ok()) return rows.status();
  const std::string now = IsoUtc(WallNow());
  for (size_t i = 0; i < sources.size(); ++i) {
    const SourceConfig& s = sources[i];
    auto row = std::find_if(rows->begin(), rows->end(),
                            [&](const SourceRow& r) { return r.name == s.name; });
    source_rows_.push_back(row == rows->end() ? SourceRow{} : *row);
    source_budget_.push_back(s.max_items);
    bool wanted = options_.only.empty() ||
                  std::find(options_.only.begin(), options_.only.end(), s.name) != options_.only.end();
    bool due = options_.poll_all || source_rows_.back().next_due.empty() ||
               source_rows_.back().next_due <= now;
    if (!wanted || !due) continue;
    Task task;
    task.kind = TaskKind::kSource;
    task.url = s.url;
    task.source = i;
    std::string origin = OriginOf(s.url);
    if (!hosts_.count(origin)) origins_.push_back(origin);
    hosts_[origin].sources.push_back(std::move(task));
    ++progress_.sources_due;
    ++summary_.sources_due;
  }
  // Items a killed or stopped run left queued come first.
  auto pending = store_.PendingItems(kMaxPendingLoaded);
  if (!pending.ok()) return pending.status();
  for (const std::string& url : *pending) {
    std::optional<FeedItemRow> item = store_.FeedItem(url);
    if (!item) continue;
    if (!options_.only.empty()) {  // --source: that source's queue only
      auto at = std::find(source_ids_.begin(), source_ids_.end(), item->source_id);
      if (at == source_ids_.end() ||
          std::find(options_.only.begin(), options_.only.end(),
                    sources[at - source_ids_.begin()].name) == options_.only.end()) {
        continue;
      }
    }
    Task task;
    task.url = item->link;
    task.item = url;
    std::string origin = OriginOf(item->link);
    if (!hosts_.count(origin)) origins_.push_back(origin);
    hosts_[origin].items.push_back(std::move(task));
    ++progress_.pages_queued;
  }
  return Status::OK();
}

void CrawlRun::Start(const std::string& origin, Task task, Clock::time_point now) {
  HttpRequest request{task.url, config_.limits, config_.allow_private_networks};
  if (deadline_) {
    // A transfer started just before the deadline must not hold the run much past it.
    auto left = std::chrono::duration_cast<std::chrono::seconds>(*deadline_ - now).count();
    request.limits.timeout_s = std::clamp<long>(left + 1, 1, request.limits.timeout_s);
  }
  if (task.kind == TaskKind::kSource && !task.child && task.attempt == 0) {
    const SourceRow& row = source_rows_[task.source];
    const SourceConfig& s = config_.sources[task.source];
    if (row.url == s.url) {  // validators belong to the URL they came from
      request.if_none_match = row.etag;
      request.if_modified_since = row.last_modified;
    }
  }
  schedule_.Started(origin, now);
  ++summary_.requests;
  uint64_t tag = next_tag_++;
  pool_.Start(tag, request);
  running_.emplace(tag, std::make_pair(origin, std::move(task)));
}

// Starts the next task of `host` if robots.txt allows it; false when nothing
// could start (robots.txt still being read).
bool CrawlRun::StartNext(const std::string& origin, Host& host, Clock::time_point now) {
  if (config_.crawl.obey_robots && host.robots != Host::Robots::kReady) {
    if (host.robots == Host::Robots::kFetching) return false;
    const std::string since = IsoUtc(WallNow() - std::chrono::hours(24));
    if (std::optional<RobotsRow> cached = store_.Robots(origin, since)) {
      host.rules = cached->status >= 400 ? RobotsRules::AllowAll()
                                         : RobotsRules::Parse(cached->body, kRobotsToken);
      host.robots = Host::Robots::kReady;
      if (auto d = host.rules.crawl_delay()) {
        double capped = std::min(*d, config_.crawl.max_crawl_delay_s);
        schedule_.SetHostDelay(origin, milliseconds(static_cast<int64_t>(capped * 1000)));
      }
    } else {
      host.robots = Host::Robots::kFetching;
      Task robots;
      robots.kind = TaskKind::kRobots;
      robots.url = origin + "/robots.txt";
      Start(origin, std::move(robots), now);
      return true;
    }
  }
  std::deque<Task>& queue = host.sources.empty() ? host.items : host.sources;
  Task task = std::move(queue.front());
  queue.pop_front();
  if (!host.rules.IsAllowed(PathAndQuery(task.url))) {
    const std::string error = "disallowed by robots.txt";
    Status s = task.kind == TaskKind::kSource ? SourceFailed(task, "robots", error)
                                              : ItemFailed(task, "robots", error, true);
    if (!s.ok() && start_error_.ok()) start_error_ = s;
    return true;
  }
  Start(origin, std::move(task), now);
  return true;
}

void CrawlRun::StartReady(Clock::time_point now) {
  // Round robin over hosts so one big site cannot starve the others.
  for (size_t n = 0; n < origins_.size() && !schedule_.GlobalLimitReached(); ++n) {
    const std::string& origin = origins_[(next_origin_ + n) % origins_.size()];
    Host& host = hosts_[origin];
    while (host.HasWork() && schedule_.CanStart(origin, now)) {
      if (!StartNext(origin, host, now)) break;
    }
  }
  if (!origins_.empty()) next_origin_ = (next_origin_ + 1) % origins_.size();
}

Status CrawlRun::RecordAttempt(const std::string& url, const HttpResponse& r,
                               const std::string& cause) {
  FetchRecord f;
  f.url = url;
  f.final_url = r.final_url;
  f.outcome = r.error != FetchError::kNone ? FetchErrorName(r.error) : "http_error";
  if (r.status) f.http_status = r.status;
  f.content_type = r.content_type;
  f.elapsed_ms = r.elapsed_ms;
  f.error = r.error_message.empty() ? cause : r.error_message;
  f.run_id = summary_.run_id;
  auto id = db_.RecordFetch(f);
  return id.ok() ? Status::OK() : id.status();
}

bool CrawlRun::Retry(const std::string& origin, Task& task, const HttpResponse& r) {
  if (!IsTransient(r) || task.attempt >= config_.crawl.max_retries) return false;
  double wait_s;
  std::optional<double> retry_after =
      (r.status == 429 || r.status == 503) ? RetryAfterSeconds(r.retry_after) : std::nullopt;
  if (retry_after) {
    if (*retry_after > config_.crawl.max_retry_after_s) return false;  // for the next run
    wait_s = *retry_after;
  } else {
    wait_s = std::max(1.0, config_.crawl.per_host_delay_s) * std::pow(2.0, task.attempt);
  }
  auto until = Clock::now() + milliseconds(static_cast<int64_t>(wait_s * 1000));
  if (deadline_ && until >= *deadline_) return false;
  schedule_.HoldHost(origin, until);
  ++task.attempt;
  Host& host = hosts_[origin];
  (task.kind == TaskKind::kSource ? host.sources : host.items).push_front(std::move(task));
  return true;
}

Status CrawlRun::SourceFailed(const Task& task, const std::string& cause, const std::string& error,
                              std::optional<double> hold_s) {
  ++summary_.failures[cause];
  ++progress_.failures;
  if (task.child) return Status::OK();  // the index's poll is what is recorded
  const SourceConfig& s = config_.sources[task.source];
  SourcePoll poll;
  poll.polled_at = IsoUtc(WallNow());
  poll.status = cause;
  poll.error = error;
  poll.failed = true;
  poll.next_due = Due(s.interval_min, static_cast<int>(source_rows_[task.source].failures) + 1);
  if (hold_s) {
    std::string held = IsoUtc(WallNow() + std::chrono::seconds(static_cast<int64_t>(*hold_s)));
    poll.next_due = std::max(poll.next_due, held);
  }
  ++progress_.polled;
  return store_.RecordPoll(source_ids_[task.source], poll);
}

Status CrawlRun::ItemFailed(const Task& task, const std::string& cause, const std::string& error,
                            bool permanent) {
  ++summary_.failures[cause];
  ++progress_.failures;
  ++progress_.pages_done;
  return store_.RecordItemFailure(task.item, cause + ": " + error, permanent,
                                  config_.crawl.max_item_attempts);
}

Status CrawlRun::HandleRobots(const std::string& origin, const HttpResponse& r) {
  Host& host = hosts_[origin];
  host.robots = Host::Robots::kReady;
  const bool ok = r.error == FetchError::kNone && r.status >= 200 && r.status < 300;
  const bool client_error = r.error == FetchError::kNone && r.status >= 400 && r.status < 500;
  if (ok || client_error) {
    // RFC 9309: a 4xx means there are no rules; only these answers are cached.
    host.rules = ok ? RobotsRules::Parse(r.body, kRobotsToken) : RobotsRules::AllowAll();
    if (Status s = store_.StoreRobots(origin, {IsoUtc(WallNow()), r.status, ok ? r.body : ""});
        !s.ok()) {
      return s;
    }
  } else {
    // 5xx or unreachable: assume complete disallow, for this run only.
    host.rules = RobotsRules::DisallowAll();
  }
  if (auto d = host.rules.crawl_delay()) {
    double capped = std::min(*d, config_.crawl.max_crawl_delay_s);
    schedule_.SetHostDelay(origin, milliseconds(static_cast<int64_t>(capped * 1000)));
    schedule_.HoldHost(origin, Clock::now() + schedule_.HostDelay(origin));
  }
  return Status::OK();
}

Status CrawlRun::HandleSource(Task& task, const HttpResponse& r) {
  const SourceConfig& s = config_.sources[task.source];
  const std::string origin = OriginOf(task.url);
  const std::string url = task.url;  // Retry moves the task back into its queue
  if (Retry(origin, task, r)) return RecordAttempt(url, r, FailureCause(r));
  if (std::string cause = FailureCause(r); !cause.empty()) {
    if (Status st = RecordAttempt(url, r, cause); !st.ok()) return st;
    std::optional<double> hold;
    if (r.status == 429 || r.status == 503) hold = RetryAfterSeconds(r.retry_after);
    std::string error = r.error_message.empty() ? "HTTP " + std::to_string(r.status) : r.error_message;
    return SourceFailed(task, cause, error, hold);
  }
  if (r.status == 304) {
    ++summary_.not_modified;
    if (task.child) return Status::OK();
    ++summary_.sources;
    ++progress_.polled;
    SourcePoll poll{IsoUtc(WallNow()), "not_modified", "", false, Due(s.interval_min, 0), {}, {}, 0};
    return store_.RecordPoll(source_ids_[task.source], poll);
  }
  auto listing = ReadSourceListing(s, r, config_.limits.max_body_bytes);
  if (!listing.ok()) {
    FetchRecord f{task.url, r.final_url, "not_a_feed", r.status, r.content_type, "",
                  static_cast<int64_t>(r.body.size()), r.elapsed_ms, listing.status().message(),
                  summary_.run_id};
    if (auto id = db_.RecordFetch(f); !id.ok()) return id.status();
    return SourceFailed(task, "not_a_feed", listing.status().message());
  }
  summary_.items_seen += static_cast<int>(listing->items.size());
  for (FeedItemRow& item : listing->items) item.source_id = source_ids_[task.source];
  auto added = store_.AddFeedItems(listing->items, source_budget_[task.source]);
  if (!added.ok()) return added.status();
  source_budget_[task.source] -= static_cast<int>(added->size());
  for (const FeedItemRow& item : *added) {
    Task t;
    t.url = item.link;
    t.item = item.url;
    std::string o = OriginOf(item.link);
    if (!hosts_.count(o)) origins_.push_back(o);
    hosts_[o].items.push_back(std::move(t));
    ++progress_.pages_queued;
  }
  int children = 0;
  for (const std::string& child : listing->sitemaps) {
    if (task.child || ++children > kMaxSitemapChildren) break;  // one level of index
    Task t;
    t.kind = TaskKind::kSource;
    t.url = child;
    t.source = task.source;
    t.child = true;
    std::string o = OriginOf(child);
    if (!hosts_.count(o)) origins_.push_back(o);
    hosts_[o].sources.push_back(std::move(t));
  }
  if (task.child) return Status::OK();
  ++summary_.sources;
  ++progress_.polled;
  SourcePoll poll{IsoUtc(WallNow()), "ok", "", false, Due(s.interval_min, 0),
                  r.etag, r.last_modified, static_cast<int64_t>(listing->items.size())};
  return store_.RecordPoll(source_ids_[task.source], poll);
}

Status CrawlRun::HandleItem(Task& task, HttpResponse r) {
  const std::string origin = OriginOf(task.url);
  const std::string url = task.url;  // Retry moves the task back into its queue
  if (Retry(origin, task, r)) return RecordAttempt(url, r, FailureCause(r));
  std::optional<FeedItemRow> item = store_.FeedItem(task.item);
  if (!item) return Status::OK();  // removed meanwhile
  const SourceConfig* source = nullptr;
  for (size_t i = 0; i < source_ids_.size(); ++i) {
    if (source_ids_[i] == item->source_id) source = &config_.sources[i];
  }
  FetchOptions options;
  options.limits = config_.limits;
  options.allow_private_networks = config_.allow_private_networks;
  options.lang_hint = !item->lang.empty() ? item->lang : source ? source->lang : "";
  options.kind = source ? source->kind : "article";
  options.reference_time = UtcNow();
  options.run_id = summary_.run_id;
  options.listed_published = ParseDateTime(item->published);
  options.link_near_duplicates = true;
  DocumentOrigin origin_link;
  origin_link.source_id = item->source_id;
  origin_link.feed_item_url = task.item;
  const std::string cause = FailureCause(r);
  auto page = fetcher_.Record(task.url, std::move(r), options, origin_link);
  if (page.ok()) {
    ++progress_.pages_done;
    if (!page->stored.created) {
      ++summary_.updated;
    } else if (page->stored.duplicate_of) {
      ++summary_.duplicates;
    } else {
      ++summary_.new_documents;
    }
    return Status::OK();
  }
  if (page.status().code() == ExitCode::kIoError) return page.status();
  // Client errors and unreadable bodies will not get better; the rest may.
  const bool permanent = page.status().code() == ExitCode::kBadData ||
                         (cause.rfind("http_4", 0) == 0 && cause != "http_429");
  std::string why = cause.empty() ? "unsupported_type" : cause;
  if (page.status().code() == ExitCode::kBadData && cause.empty()) {
    why = page.status().message().find("larger than") != std::string::npos ? "too_large"
                                                                              : "unsupported_type";
  }
  return ItemFailed(task, why, page.status().message(), permanent);
}

Status CrawlRun::Handle(uint64_t tag, HttpResponse response) {
  auto it = running_.find(tag);
  if (it == running_.end()) return Status::OK();
  auto [origin, task] = std::move(it->second);
  running_.erase(it);
  schedule_.Finished(origin, Clock::now());
  switch (task.kind) {
    case TaskKind::kRobots: return HandleRobots(origin, response);
    case TaskKind::kSource: return HandleSource(task, response);
    case TaskKind::kItem: return HandleItem(task, std::move(response));
  }
  return Status::OK();
}

void CrawlRun::Report() {
  if (!options_.on_progress) return;
  auto now = Clock::now();
  if (now - last_report_ < milliseconds(200)) return;
  last_report_ = now;
  progress_.in_flight = static_cast<int>(pool_.InFlight());
  options_.on_progress(progress_);
}

Result<CrawlSummary> CrawlRun::Run() {
  for (const std::string& name : options_.only) {
    if (std::none_of(config_.sources.begin(), config_.sources.end(),
                     [&](const SourceConfig& s) { return s.name == name; })) {
      return Status::Usage("no source named '" + name + "' in the configuration");
    }
  }
  int max_runtime = options_.max_runtime_s >= 0 ? options_.max_runtime_s : config_.crawl.max_runtime_s;
  if (max_runtime > 0) deadline_ = started_ + std::chrono::seconds(max_runtime);
  auto run_id = store_.BeginRun(getpid(), IsoUtc(WallNow()));
  if (!run_id.ok()) return run_id.status();
  summary_.run_id = *run_id;
  Status failure = Enqueue();
  while (failure.ok()) {
    auto now = Clock::now();
    const bool stopping = Stopping(now);
    if (!stopping) StartReady(now);
    if (!start_error_.ok()) {
      failure = start_error_;
      break;
    }
    bool waiting = false;
    Clock::time_point next = now + milliseconds(1000);
    for (const auto& [origin, host] : hosts_) {
      if (!host.HasWork()) continue;
      waiting = true;
      if (!schedule_.HostLimitReached(origin)) next = std::min(next, schedule_.NextStart(origin));
    }
    if (pool_.InFlight() == 0 && (stopping || !waiting)) break;
    int timeout = static_cast<int>(
        std::clamp<int64_t>(std::chrono::duration_cast<milliseconds>(next - now).count(), 0, 1000));
    if (pool_.InFlight() == 0) {
      // Nothing to write while waiting: the database is not held.
      if (Status s = CloseBatch(now, true); !s.ok()) failure = s;
      std::this_thread::sleep_for(milliseconds(timeout));
      continue;
    }
    std::vector<TransferPool::Finished> finished = pool_.Wait(timeout);
    if (!finished.empty() && failure.ok()) failure = OpenBatch(Clock::now());
    for (TransferPool::Finished& done : finished) {
      if (failure.ok()) failure = Handle(done.tag, std::move(done.response));
      ++batch_responses_;
    }
    if (failure.ok()) failure = CloseBatch(Clock::now(), false);
    Report();
  }
  // What the batch holds is kept, also when the run ends on a failure: each
  // document in it was stored whole.
  if (Status s = CloseBatch(Clock::now(), true); !s.ok() && failure.ok()) failure = s;
  // A database failure ends the run; transfers still running are abandoned
  // (their items stay queued).
  bool work_left = false;
  for (const auto& [origin, host] : hosts_) {
    summary_.pending += static_cast<int>(host.items.size());
    work_left = work_left || host.HasWork();
  }
  summary_.stopped = work_left && Stopping(Clock::now());
  summary_.interrupted = options_.stop && options_.stop->load();
  summary_.seconds =
      std::chrono::duration<double>(Clock::now() - started_).count();
  RunTotals totals;
  totals.status = !failure.ok() ? "failed" : summary_.interrupted ? "interrupted" : "ok";
  totals.finished_at = IsoUtc(WallNow());
  totals.sources = summary_.sources;
  totals.items_seen = summary_.items_seen;
  totals.new_documents = summary_.new_documents;
  totals.duplicates = summary_.duplicates;
  totals.not_modified = summary_.not_modified;
  totals.failures = summary_.failure_count();
  totals.failures_by_cause_json = nlohmann::json(summary_.failures).dump();
  totals.seconds = summary_.seconds;
  Status finished = store_.FinishRun(summary_.run_id, totals);
  if (!failure.ok()) return failure;
  if (!finished.ok()) return finished;
  return summary_;
}

}  // namespace

Result<CrawlSummary> Crawler::Run(const CrawlOptions& options) {
  CrawlRun run(config_, db_, analyzer_, pool_, options);
  return run.Run();
}

}  // namespace bw
