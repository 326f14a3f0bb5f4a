// History over a database the test fills with known documents: bucket edges
// in several zones (whole-hour, half-hour, DST), filters, near-duplicates
// counted once, empty buckets, updates moving a document, and the claims.
#include "pipeline/history.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sqlite3.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "db/crawl_store.h"
#include "db/database.h"
#include "db/history_store.h"
#include "db/rollups.h"
#include "db/statement.h"
#include "db/schema.h"
#include "pipeline/claim_text.h"
#include "pipeline/clock.h"
#include "tests/support/test_files.h"

namespace bw {
namespace {

using testing::TempDir;

// Unix seconds of an ISO 8601 time with its zone.
int64_t T(const char* iso) { return SecondsSinceEpoch(*ParseDateTime(iso)); }

struct Doc {
  std::string url;
  const char* published;  // ISO 8601 with zone
  std::string lang = "en";
  std::string kind = "article";
  std::string label = "neutral";  // "" for no stance
  double score = 0;
  std::vector<std::string> entities;
  std::vector<Figure> figures;
  std::optional<uint64_t> simhash;
  std::string source;  // configured source name, or "" for none
};

Figure Power(const char* entity, double gw, const char* span) {
  Figure f;
  f.kind = "power";
  f.value = gw;
  f.unit = "GW";
  f.entity = entity;
  f.span = span;
  return f;
}

class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("h.db"));
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(*db);
  }

  void Store(const Doc& d) {
    AnalysisRecord r;
    r.url = d.url;
    r.canonical_url = d.url;
    r.title = "title of " + d.url;
    r.published = *ParseDateTime(d.published);
    r.lang = d.lang;
    r.kind = d.kind;
    r.status = ArticleStatus::kOk;
    r.text = "text of " + d.url + " ";
    for (Figure f : d.figures) {
      f.start = r.text.size();
      r.text += f.span;
      f.end = r.text.size();
      r.text += ". ";
      r.figures.push_back(f);
    }
    r.entities = d.entities;
    if (!d.label.empty()) {
      Stance st;
      st.label = d.label == "bubble"       ? StanceLabel::kBubble
                 : d.label == "revolution" ? StanceLabel::kRevolution
                                           : StanceLabel::kNeutral;
      st.score = d.score;
      r.stance = st;
    }
    DocumentOrigin origin;
    origin.simhash = d.simhash;
    if (!d.source.empty()) {
      CrawlStore crawl(*db_);
      auto id = crawl.SyncSource(d.source, "rss", "https://" + d.source + "/feed");
      ASSERT_TRUE(id.ok());
      origin.source_id = *id;
    }
    FetchRecord fetch{d.url, d.url, "ok", 200, "text/html", "utf-8", 1, 1, "", std::nullopt};
    auto stored = db_->StoreDocument(fetch, r.text, r, origin);
    ASSERT_TRUE(stored.ok()) << stored.status().message();
  }

  // Documents per bucket label, for `filter` over [from, to) in `tz`.
  std::vector<std::pair<std::string, int64_t>> Counts(const char* from, const char* to,
                                                       BucketSize size, const std::string& tz,
                                                       HistoryFilter filter = {}) {
    auto buckets = MakeBuckets(T(from), T(to), size, tz);
    EXPECT_TRUE(buckets.ok()) << buckets.status().message();
    HistoryStore store(*db_);
    Status s = FillBuckets(store, filter, *buckets);
    EXPECT_TRUE(s.ok()) << s.message();
    std::vector<std::pair<std::string, int64_t>> out;
    for (const Bucket& b : *buckets) out.emplace_back(b.label, b.tally.documents);
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

using Counted = std::vector<std::pair<std::string, int64_t>>;

// ---- Buckets --------------------------------------------------------------

struct BucketCase {
  const char* from;
  const char* to;
  BucketSize size;
  const char* tz;
  std::vector<std::string> labels;
  const char* first_start_local;
};

TEST(MakeBucketsTest, LabelsAndStartsPerZone) {
  const BucketCase kCases[] = {
      {"2026-11-23T12:00:00Z", "2026-11-25T00:00:00Z", BucketSize::kDay, "UTC",
       {"2026-11-23", "2026-11-24"}, "2026-11-23T00:00:00+00:00"},
      // Wednesday: its ISO week starts on Monday the 23rd.
      {"2026-11-25T10:00:00Z", "2026-11-26T00:00:00Z", BucketSize::kWeek, "UTC",
       {"2026-W48"}, "2026-11-23T00:00:00+00:00"},
      // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027-01-01 is in the 53rd.
      {"2026-12-31T00:00:00Z", "2027-01-05T00:00:00Z", BucketSize::kWeek, "UTC",
       {"2026-W53", "2027-W01"}, "2026-12-28T00:00:00+00:00"},
      // 16:00Z on Oct 31 is 01:00 on Nov 1 in Tokyo.
      {"2026-10-31T16:00:00Z", "2026-12-01T00:00:00+09:00", BucketSize::kMonth, "Asia/Tokyo",
       {"2026-11"}, "2026-11-01T00:00:00+09:00"},
      {"2026-11-23T18:20:00Z", "2026-11-24T20:00:00Z", BucketSize::kDay, "Asia/Kolkata",
       {"2026-11-23", "2026-11-24", "2026-11-25"}, "2026-11-23T00:00:00+05:30"},
      {"2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z", BucketSize::kDay, "+08:00",
       {"2026-11-23", "2026-11-24"}, "2026-11-23T00:00:00+08:00"},
      {"2026-03-08T12:00:00Z", "2026-03-09T12:00:00Z", BucketSize::kDay, "America/New_York",
       {"2026-03-08", "2026-03-09"}, "2026-03-08T00:00:00-05:00"},
  };
  for (const BucketCase& c : kCases) {
    SCOPED_TRACE(std::string(c.from) + " " + c.tz);
    auto buckets = MakeBuckets(T(c.from), T(c.to), c.size, c.tz);
    ASSERT_TRUE(buckets.ok()) << buckets.status().message();
    std::vector<std::string> labels;
    for (const Bucket& b : *buckets) labels.push_back(b.label);
    EXPECT_EQ(labels, c.labels);
    EXPECT_EQ(buckets->front().start_local, c.first_start_local);
    for (size_t i = 1; i < buckets->size(); ++i) {
      EXPECT_EQ((*buckets)[i - 1].end, (*buckets)[i].start);  // contiguous
    }
  }
}

TEST(MakeBucketsTest, DaylightSavingDaysHaveTheirRealLength) {
  // New York springs forward on 2026-03-08 (23 hours) and falls back on 2026-11-01 (25).
  auto spring = MakeBuckets(T("2026-03-08T12:00:00Z"), T("2026-03-08T13:00:00Z"),
                            BucketSize::kDay, "America/New_York");
  ASSERT_TRUE(spring.ok());
  EXPECT_EQ(spring->front().end - spring->front().start, 23 * 3600);
  EXPECT_EQ(spring->front().start, T("2026-03-08T05:00:00Z"));
  auto fall = MakeBuckets(T("2026-11-01T12:00:00Z"), T("2026-11-01T13:00:00Z"), BucketSize::kDay,
                          "America/New_York");
  ASSERT_TRUE(fall.ok());
  EXPECT_EQ(fall->front().end - fall->front().start, 25 * 3600);
}

TEST(MakeBucketsTest, RefusesBadInput) {
  auto zone = MakeBuckets(T("2026-11-01T00:00:00Z"), T("2026-11-02T00:00:00Z"), BucketSize::kDay,
                          "Mars/Olympus");
  ASSERT_FALSE(zone.ok());
  EXPECT_EQ(zone.status().exit_code(), 64);
  EXPECT_NE(zone.status().message().find("Mars/Olympus"), std::string::npos);
  auto empty = MakeBuckets(T("2026-11-02T00:00:00Z"), T("2026-11-02T00:00:00Z"), BucketSize::kDay,
                           "UTC");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().exit_code(), 64);
  auto many = MakeBuckets(0, T("2600-01-01T00:00:00Z"), BucketSize::kDay, "UTC");
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().exit_code(), 64);
}

TEST(ParseQueryDateTest, DatesAreReadInTheZone) {
  EXPECT_EQ(*ParseQueryDate("2026-11-24", "UTC", false), T("2026-11-24T00:00:00Z"));
  EXPECT_EQ(*ParseQueryDate("2026-11-24", "UTC", true), T("2026-11-25T00:00:00Z"));
  EXPECT_EQ(*ParseQueryDate("2026-11-24", "Asia/Shanghai", false), T("2026-11-23T16:00:00Z"));
  EXPECT_EQ(*ParseQueryDate("2026-11-24T09:00:00+09:00", "UTC", false), T("2026-11-24T00:00:00Z"));
  EXPECT_EQ(ParseQueryDate("24/11/2026", "UTC", false).status().exit_code(), 64);
  EXPECT_EQ(ParseQueryDate("yesterday", "UTC", false).status().exit_code(), 64);
  EXPECT_EQ(ParseQueryDate("2026-11-24", "Nowhere/City", false).status().exit_code(), 64);
}

TEST(ParseQueryDateTest, TimesAreInstantsWithAnOffsetElseInTheZone) {
  struct Case {
    const char* text;
    const char* tz;
    int64_t want;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"1970-01-01", "UTC", 0},
           {"2025-10-12T08:00:00Z", "UTC", 1760256000},
           {"2025-10-12T08:00:00+08:00", "UTC", 1760227200},
           {"2025-10-12T08:00:00+08:00", "America/New_York", 1760227200},
           {"2025-10-12T00:00:00Z", "Asia/Tokyo", 1760227200},
           {"2025-10-12T00:00Z", "UTC", 1760227200},
           {"2025-10-11T19:00:00-05:00", "UTC", 1760227200},
           {"2025-10-12T00:00:00.5Z", "UTC", 1760227200},
           {"2025-10-12T08:00:00", "Asia/Shanghai", 1760227200},  // no offset: in the zone
           {"2025-10-12T08:00", "+08:00", 1760227200},
       }) {
    auto got = ParseQueryDate(c.text, c.tz, /*end_of_day=*/false);
    ASSERT_TRUE(got.ok()) << c.text << ": " << got.status().message();
    EXPECT_EQ(*got, c.want) << c.text << " in " << c.tz;
  }
  for (const char* bad : {"", "yesterday", "2025-10", "2025/10/12", "20251012", "12-10-2025",
                          "2025-10-12 08:00:00+08:00", " 2025-10-12", "2025-10-12 ",
                          "2025-02-30", "2025-13-01", "2025-10-12T25:00:00Z",
                          "Sun, 12 Oct 2025 00:00:00 GMT", "2025-10-12x", "2025-10-12T"}) {
    auto got = ParseQueryDate(bad, "UTC", false);
    EXPECT_FALSE(got.ok()) << bad;
    if (!got.ok()) {
      EXPECT_EQ(got.status().exit_code(), 64) << bad;
    }
  }
}

TEST(UtcDateTimeTest, RoundTripsThroughSecondsSinceEpoch) {
  for (int64_t t : {int64_t{0}, int64_t{951782400} /* 2000-02-29 */, T("2026-11-24T23:59:59Z"),
                    int64_t{-86400}}) {
    EXPECT_EQ(SecondsSinceEpoch(UtcDateTime(t)), t);
  }
  EXPECT_EQ(UtcDateTime(T("2026-11-24T08:30:05Z")).ToIso8601(), "2026-11-24T08:30:05Z");
}

// ---- Counting -------------------------------------------------------------

TEST_F(HistoryTest, BucketEdgesAreExactInEveryZone) {
  Store({.url = "https://a/1", .published = "2026-11-23T23:59:59Z"});
  Store({.url = "https://a/2", .published = "2026-11-24T00:00:00Z"});  // starts the 24th
  Store({.url = "https://a/3", .published = "2026-11-23T18:20:00Z"});  // 23:50 in Kolkata
  Store({.url = "https://a/4", .published = "2026-11-23T18:40:00Z"});  // 00:10 in Kolkata
  EXPECT_EQ(Counts("2026-11-23T00:00:00Z", "2026-11-25T00:00:00Z", BucketSize::kDay, "UTC"),
            (Counted{{"2026-11-23", 3}, {"2026-11-24", 1}}));
  // In Shanghai every one of them is on the 24th.
  EXPECT_EQ(Counts("2026-11-23T00:00:00+08:00", "2026-11-25T00:00:00+08:00", BucketSize::kDay,
                   "Asia/Shanghai"),
            (Counted{{"2026-11-23", 0}, {"2026-11-24", 4}}));
  // Kolkata's midnight falls inside an hour: counted from the documents.
  EXPECT_EQ(Counts("2026-11-23T00:00:00+05:30", "2026-11-25T00:00:00+05:30", BucketSize::kDay,
                   "Asia/Kolkata"),
            (Counted{{"2026-11-23", 1}, {"2026-11-24", 3}}));
  // A document's own offset does not matter, only its instant.
  Store({.url = "https://a/5", .published = "2026-11-24T08:30:00+09:00"});  // 23:30Z on the 23rd
  EXPECT_EQ(Counts("2026-11-23T00:00:00Z", "2026-11-25T00:00:00Z", BucketSize::kDay, "UTC"),
            (Counted{{"2026-11-23", 4}, {"2026-11-24", 1}}));
}

TEST_F(HistoryTest, EmptyBucketsAreShownNotSkipped) {
  Store({.url = "https://a/1", .published = "2026-11-01T10:00:00Z", .label = "bubble",
         .score = -0.5});
  Store({.url = "https://a/2", .published = "2026-11-03T10:00:00Z"});
  auto buckets = MakeBuckets(T("2026-11-01T00:00:00Z"), T("2026-11-04T00:00:00Z"),
                             BucketSize::kDay, "UTC");
  ASSERT_TRUE(buckets.ok());
  HistoryStore store(*db_);
  ASSERT_TRUE(FillBuckets(store, {}, *buckets).ok());
  ASSERT_EQ(buckets->size(), 3u);
  EXPECT_EQ((*buckets)[1].label, "2026-11-02");
  EXPECT_EQ((*buckets)[1].tally.documents, 0);
  EXPECT_FALSE(MeanWithInterval((*buckets)[1].tally).has_value());
  EXPECT_EQ((*buckets)[0].tally.bubble, 1);
  EXPECT_DOUBLE_EQ(MeanWithInterval((*buckets)[0].tally)->mean, -0.5);
}

TEST_F(HistoryTest, NearDuplicatesCountOnce) {
  Store({.url = "https://a/1", .published = "2026-11-01T10:00:00Z", .label = "bubble",
         .score = -0.6, .simhash = 0x1234567890abcdefULL});
  Store({.url = "https://b/1", .published = "2026-11-01T11:00:00Z", .label = "bubble",
         .score = -0.6, .simhash = 0x1234567890abcdefULL});  // a repost
  Store({.url = "https://c/1", .published = "2026-11-01T12:00:00Z", .label = "revolution",
         .score = 0.4, .simhash = 0x0fedcba098765432ULL});
  auto buckets = MakeBuckets(T("2026-11-01T00:00:00Z"), T("2026-11-02T00:00:00Z"),
                             BucketSize::kDay, "UTC");
  HistoryStore store(*db_);
  ASSERT_TRUE(FillBuckets(store, {}, *buckets).ok());
  const StanceTally& t = buckets->front().tally;
  EXPECT_EQ(t.documents, 2);
  EXPECT_EQ(t.bubble, 1);
  EXPECT_EQ(t.revolution, 1);
}

TEST_F(HistoryTest, FiltersSelectTheirDocuments) {
  Store({.url = "https://a/1", .published = "2026-11-01T10:00:00Z", .lang = "zh",
         .entities = {"OpenAI"}, .source = "xinhua"});
  Store({.url = "https://a/2", .published = "2026-11-01T10:00:00Z", .lang = "ja",
         .kind = "post", .entities = {"OpenAI", "AMD"}});
  Store({.url = "https://a/3", .published = "2026-11-01T10:00:00Z", .lang = "en",
         .entities = {"NVIDIA"}, .source = "xinhua"});
  Store({.url = "https://www.Example.com/x", .published = "2026-11-01T10:00:00Z"});
  struct Case {
    HistoryFilter filter;
    int64_t documents;
  };
  const Case kCases[] = {
      {{}, 4},
      {{.langs = {"zh"}}, 1},
      {{.langs = {"zh", "ja"}}, 2},
      {{.langs = {"ko"}}, 0},
      {{.kind = "post"}, 1},
      {{.kind = "article"}, 3},
      {{.source = "xinhua"}, 2},
      {{.source = "example.com"}, 1},  // no configured source: its host
      {{.entity = "OpenAI"}, 2},
      {{.entity = "AMD"}, 1},
      {{.entity = "Oracle"}, 0},
      {{.source = "xinhua", .entity = "OpenAI"}, 1},  // no rollup: from the documents
      {{.langs = {"en"}, .source = "xinhua", .entity = "NVIDIA"}, 1},
      {{.langs = {"ja"}, .entity = "OpenAI"}, 1},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.filter.source + "|" + c.filter.entity + "|" + c.filter.kind);
    EXPECT_EQ(Counts("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", BucketSize::kDay, "UTC",
                     c.filter),
              (Counted{{"2026-11-01", c.documents}}));
  }
}

TEST_F(HistoryTest, AnUpdatedDocumentMovesItsCount) {
  Store({.url = "https://a/1", .published = "2026-11-01T10:00:00Z", .label = "bubble",
         .score = -0.5, .entities = {"OpenAI"}});
  Store({.url = "https://a/1", .published = "2026-11-02T10:00:00Z", .label = "revolution",
         .score = 0.7, .entities = {"NVIDIA"}});
  EXPECT_EQ(Counts("2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z", BucketSize::kDay, "UTC"),
            (Counted{{"2026-11-01", 0}, {"2026-11-02", 1}}));
  EXPECT_EQ(Counts("2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z", BucketSize::kDay, "UTC",
                   {.entity = "OpenAI"}),
            (Counted{{"2026-11-01", 0}, {"2026-11-02", 0}}));
  auto buckets = MakeBuckets(T("2026-11-02T00:00:00Z"), T("2026-11-03T00:00:00Z"),
                             BucketSize::kDay, "UTC");
  HistoryStore store(*db_);
  ASSERT_TRUE(FillBuckets(store, {}, *buckets).ok());
  EXPECT_EQ(buckets->front().tally.revolution, 1);
  EXPECT_EQ(buckets->front().tally.bubble, 0);
  EXPECT_DOUBLE_EQ(buckets->front().tally.score_sum, 0.7);
}

TEST(MeanWithIntervalTest, StudentIntervals) {
  EXPECT_FALSE(MeanWithInterval({}).has_value());
  StanceTally one{1, 1, 0, 0, -0.5, 0.25};
  EXPECT_DOUBLE_EQ(MeanWithInterval(one)->mean, -0.5);
  EXPECT_FALSE(MeanWithInterval(one)->low.has_value());
  // Scores 0.5 and -0.5: mean 0, s = 0.7071, se = 0.5, t(1) = 12.706: clipped.
  StanceTally two{2, 1, 1, 0, 0.0, 0.5};
  EXPECT_DOUBLE_EQ(*MeanWithInterval(two)->low, -1.0);
  EXPECT_DOUBLE_EQ(*MeanWithInterval(two)->high, 1.0);
  // Ten scores of 0.1 and ten of 0.3: s = 0.10260, t(19) = 2.093 from the table.
  StanceTally twenty{20, 0, 20, 0, 4.0, 10 * 0.01 + 10 * 0.09};
  EXPECT_NEAR(*MeanWithInterval(twenty)->low, 0.2 - 2.093 * 0.102597835 / std::sqrt(20.0), 1e-6);
  // 100 scores, 50 at 0.2 and 50 at 0.4: mean 0.3, s = 0.1005, se = 0.01005,
  // t(0.975, 99) = 1.984217.
  StanceTally many{100, 0, 100, 0, 30.0, 50 * 0.04 + 50 * 0.16};
  EXPECT_NEAR(MeanWithInterval(many)->mean, 0.3, 1e-12);
  EXPECT_NEAR(*MeanWithInterval(many)->low, 0.3 - 1.984217 * 0.100503782 / 10, 1e-6);
  EXPECT_NEAR(*MeanWithInterval(many)->high, 0.3 + 1.984217 * 0.100503782 / 10, 1e-6);
}

// ---- Claims ---------------------------------------------------------------

TEST_F(HistoryTest, ClaimsAreFiguresCountedAcrossDocuments) {
  Store({.url = "https://a/1", .published = "2026-10-06T12:00:00Z",
         .figures = {Power("AMD", 6, "6 GW")}, .source = "reuters"});
  Store({.url = "https://b/1", .published = "2026-10-07T02:00:00+08:00", .lang = "zh",
         .figures = {Power("AMD", 6, "6吉瓦"), Power("AMD", 6, "六吉瓦")}, .source = "xinhua"});
  Store({.url = "https://c/1", .published = "2026-11-20T12:00:00Z",
         .figures = {Power("AMD", 1, "1 GW")}, .source = "reuters"});
  Store({.url = "https://d/1", .published = "2026-11-21T12:00:00Z",
         .figures = {Power("AMD", 6, "6 GW")}, .simhash = 42});
  Store({.url = "https://d/2", .published = "2026-11-22T12:00:00Z",
         .figures = {Power("AMD", 6, "6 GW")}, .simhash = 42});  // a repost: not counted
  HistoryStore store(*db_);
  auto claims = store.Claims({.entity = "AMD"});
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 2u);
  const ClaimRow& six = (*claims)[0];
  EXPECT_EQ(ClaimValueText(six), "6 GW");
  EXPECT_EQ(six.documents, 3);
  EXPECT_EQ(six.sources, 3);  // reuters, xinhua, and d's host
  EXPECT_EQ(six.langs, (std::vector<std::string>{"en", "zh"}));
  EXPECT_EQ(DayText(six.first_day), "2026-10-06");
  EXPECT_EQ(DayText(six.last_day), "2026-11-21");
  EXPECT_EQ(six.example_span, "6 GW");
  EXPECT_EQ(six.example_url, "https://a/1");
  EXPECT_EQ(ClaimValueText((*claims)[1]), "1 GW");
  // Conflicting figures for AMD's power are one group, side by side.
  auto groups = GroupClaims(*claims);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].size(), 2u);

  // Since Oct 7 (UTC): b (dated Oct 6 18:00Z) and a drop out.
  auto recent = store.Claims({.entity = "AMD", .since = T("2026-10-07T00:00:00Z")});
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].documents, 1);
  EXPECT_EQ(DayText((*recent)[0].first_day), "2026-11-20");
  EXPECT_TRUE(store.Claims({.entity = "Oracle"})->empty());
  EXPECT_EQ(store.Claims({.kind = "money"})->size(), 0u);

  // Re-storing a document without its figure takes it out of the claim.
  Store({.url = "https://a/1", .published = "2026-10-06T12:00:00Z", .source = "reuters"});
  auto after = store.Claims({.entity = "AMD"});
  EXPECT_EQ((*after)[0].documents, 2);
  EXPECT_EQ((*after)[0].sources, 2);
  EXPECT_EQ((*after)[0].langs, (std::vector<std::string>{"en", "zh"}));
  EXPECT_EQ(DayText((*after)[0].first_day), "2026-10-06");  // b, at 18:00Z
  EXPECT_EQ((*after)[0].example_url, "https://b/1");
}

// The rollups StoreDocument keeps (adding a document's new state, taking out
// its old one) are what a rebuild from the documents gives, after any sequence
// of stores and updates: dates, sources, languages, stances, entities and
// figures that change, near-duplicates, figures dropped.
std::string DumpRollups(const std::string& path) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  std::string out;
  for (const char* sql : {
           "SELECT facet, hour, lang, kind, documents, bubble, revolution, neutral, "
           "round(score_sum, 9), round(score_sq, 9) FROM stance_hours ORDER BY 1, 2, 3, 4",
           "SELECT * FROM claim_days ORDER BY 1, 2",
           "SELECT * FROM claim_sources ORDER BY 1, 2",
           "SELECT * FROM claim_langs ORDER BY 1, 2",
           "SELECT id, documents, first_at, last_at FROM claims ORDER BY 1"}) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(raw, sql, -1, &stmt, nullptr), SQLITE_OK) << sql;
    out += std::string("-- ") + sql + "\n";
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* v = sqlite3_column_text(stmt, i);
        out += (i ? "|" : "") + std::string(v ? reinterpret_cast<const char*>(v) : "NULL");
      }
      out += "\n";
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(raw);
  return out;
}

TEST_F(HistoryTest, KeptRollupsEqualARebuild) {
  std::mt19937 rng(20261124);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* kTimes[] = {"2026-10-06T12:00:00Z", "2026-10-06T23:30:00Z", "2026-10-07T00:10:00Z",
                          "2026-10-20T08:00:00+08:00", "2026-11-01T10:00:00Z"};
  const char* kLangs[] = {"en", "zh", "ja"};
  const char* kLabels[] = {"", "bubble", "revolution", "neutral"};
  const char* kSources[] = {"", "reuters", "xinhua", "nikkei"};
  const char* kEntities[] = {"OpenAI", "AMD", "NVIDIA"};
  const Figure kFigures[] = {Power("AMD", 6, "6 GW"), Power("AMD", 1, "1 GW"),
                             Power("OpenAI", 10, "10 GW"), Power("OpenAI", 26, "26 GW")};
  for (int step = 0; step < 120; ++step) {
    SCOPED_TRACE(step);
    Doc d{.url = "https://site" + std::to_string(pick(3)) + ".example/" + std::to_string(pick(10)),
          .published = kTimes[pick(5)]};
    d.lang = kLangs[pick(3)];
    d.kind = pick(3) == 0 ? "post" : "article";
    d.label = kLabels[pick(4)];
    d.score = d.label.empty() ? 0 : (pick(200) - 100) / 100.0;
    for (const char* e : kEntities) {
      if (pick(2)) d.entities.push_back(e);
    }
    for (const Figure& f : kFigures) {
      if (pick(3) == 0) d.figures.push_back(f);
    }
    if (pick(2)) d.figures.push_back(kFigures[0]);  // a figure quoted twice in one document
    if (pick(4) == 0 && !d.entities.empty()) d.entities.push_back(d.entities[0]);  // a repeat
    if (pick(4) == 0) d.simhash = 0x1000 + static_cast<uint64_t>(pick(3));  // reposts
    d.source = kSources[pick(4)];
    Store(d);
    if (HasFatalFailure()) return;
  }
  const std::string path = dir_.File("h.db");
  const std::string kept = DumpRollups(path);
  ASSERT_TRUE(db_->RebuildRollups().ok());
  const std::string rebuilt = DumpRollups(path);
  EXPECT_EQ(kept, rebuilt);
  EXPECT_GT(std::count(kept.begin(), kept.end(), '\n'), 40);  // not empty tables
}

// Both ways of finding a claim's first and last sighting again (through its
// figures when few quote it, from the ends of the documents by date when many
// do) give what a rebuild gives.
TEST_F(HistoryTest, ClaimBoundsAreFoundAgainEitherWay) {
  const char* kTimes[] = {"2026-10-01T12:00:00Z", "2026-10-03T12:00:00Z", "2026-10-05T12:00:00Z",
                          "2026-10-07T12:00:00Z"};
  for (int i = 0; i < 8; ++i) {
    Store({.url = "https://a.example/" + std::to_string(i), .published = kTimes[i % 4],
           .lang = i % 2 ? "zh" : "en", .figures = {Power("AMD", 6, "6 GW")},
           .source = i % 3 ? "reuters" : "xinhua"});
  }
  const std::string path = dir_.File("h.db");
  for (int64_t few : {int64_t{1000}, int64_t{0}}) {
    SCOPED_TRACE(few);
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    {
      db::StatementCache cache(raw);
      db::Rollups rollups(raw, cache, few);
      ASSERT_EQ(sqlite3_exec(raw, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
      // The first and the last sighting of each source and language move
      // inside the span: every bound is found again.
      for (int64_t id : {1, 4, 8}) {
        auto before = rollups.Read(id);
        ASSERT_TRUE(before.ok() && *before);
        const std::string move = "UPDATE documents SET dated_at = dated_at " +
                                 std::string(id == 8 ? "- 3 * 86400" : "+ 86400") +
                                 " WHERE id = " + std::to_string(id);
        ASSERT_EQ(sqlite3_exec(raw, move.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        ASSERT_TRUE(rollups.Replace(id, *before).ok());
      }
      ASSERT_EQ(sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    }
    sqlite3_close(raw);
    const std::string kept = DumpRollups(path);
    ASSERT_TRUE(db_->RebuildRollups().ok());
    EXPECT_EQ(kept, DumpRollups(path));
  }
}

TEST(ClaimValueTextTest, Units) {
  struct Case {
    const char* kind;
    const char* unit;
    double value;
    const char* text;
  };
  const Case kCases[] = {
      {"power", "GW", 10, "10 GW"},         {"power", "GW", 4.5, "4.5 GW"},
      {"energy", "GWh", 1.2, "1.2 GWh"},    {"money", "USD", 1e11, "USD 100 bn"},
      {"money", "CNY", 1.2e12, "CNY 1.2 tn"}, {"money", "JPY", 5e6, "JPY 5 mn"},
      {"percent", "", 12.5, "12.5%"},
  };
  for (const Case& c : kCases) {
    ClaimRow row;
    row.kind = c.kind;
    row.unit = c.unit;
    row.value = c.value;
    EXPECT_EQ(ClaimValueText(row), c.text);
  }
}

TEST_F(HistoryTest, FindsEntitiesInAnyCase) {
  Store({.url = "https://a/1", .published = "2026-11-01T10:00:00Z", .entities = {"NVIDIA"}});
  HistoryStore store(*db_);
  EXPECT_EQ(store.FindEntity("nvidia")->value_or(""), "NVIDIA");
  EXPECT_EQ(store.FindEntity("NVIDIA")->value_or(""), "NVIDIA");
  EXPECT_FALSE(store.FindEntity("Oracle")->has_value());
}

// A database of the schema before rollups, with a document in it, gets its
// rollups when it is opened.
TEST(HistoryMigrationTest, RollupsAreFilledFromStoredDocuments) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    std::string sql;
    for (size_t i = 0; i < 4; ++i) sql += std::string(db::Migrations()[i]);
    sql += R"sql(
PRAGMA user_version = 4;
INSERT INTO documents (id, url, title, published, lang, kind, status, text, content_hash, analyzer_version)
  VALUES (1, 'https://www.Old.example/a', 't', '2026-11-01T09:00:00+09:00', 'ja', 'article', 'ok', '6 GW', 'h', '0.2.0');
INSERT INTO stances (document_id, label, score, bubble, revolution, analyzer_version)
  VALUES (1, 'bubble', -0.4, 1, 0, '0.2.0');
INSERT INTO document_entities (document_id, entity, position) VALUES (1, 'AMD', 0);
INSERT INTO figures (document_id, kind, value, unit, entity, span, start, end, analyzer_version)
  VALUES (1, 'power', 6, 'GW', 'AMD', '6 GW', 0, 4, '0.2.0');
)sql";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_close(raw);
  }
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().message();
  HistoryStore store(**db);
  auto buckets = MakeBuckets(T("2026-11-01T00:00:00Z"), T("2026-11-02T00:00:00Z"),
                             BucketSize::kDay, "UTC");
  ASSERT_TRUE(FillBuckets(store, {.source = "old.example"}, *buckets).ok());
  ASSERT_EQ(buckets->size(), 1u);  // dated 00:00Z
  EXPECT_EQ(buckets->front().tally.documents, 1);
  EXPECT_EQ(buckets->front().tally.bubble, 1);
  auto claims = store.Claims({.entity = "AMD"});
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].documents, 1);
  EXPECT_EQ((*claims)[0].example_span, "6 GW");
}

}  // namespace
}  // namespace bw
