#include "db/search_tokenizer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "db/statement.h"

namespace bw::db {
namespace {

using Rows = std::vector<int64_t>;

class SearchTokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    Status s = RegisterSearchTokenizer(db_);
    ASSERT_TRUE(s.ok()) << s.message();
    Exec("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='bw')");
    const char* docs[][2] = {
        {"AI泡沫", "分析师警告人工智能泡沫正在形成。"},
        {"算力", "新建的数据中心耗电巨大，英伟达的GPU算力供不应求，投资1.5万亿元。"},
        {"房价", "数据显示，中心城市的房价继续上涨。"},
        {"バブル", "AIバブルは崩壊するのか。データセンターへの投資が急増している。"},
        {"Nvidia", "NVIDIA shares rose as the gigawatt-scale data center boom continued."},
        {"Tesla", "The Gigafactory in Berlin hired 500 workers."},
        {"數據中心", "香港的數據中心需求強勁，人工智慧泡沫疑慮升溫。"},
        {"气泡", "市场出现气泡"},
    };
    Statement insert(db_, "INSERT INTO t(rowid, title, text) VALUES (?1, ?2, ?3)");
    ASSERT_TRUE(insert.ok()) << sqlite3_errmsg(db_);
    int64_t rowid = 0;
    for (const auto& doc : docs) {
      insert.Reset();
      insert.Bind(1, ++rowid).Bind(2, doc[0]).Bind(3, doc[1]);
      ASSERT_EQ(insert.Step(), SQLITE_DONE) << sqlite3_errmsg(db_);
    }
  }
  void TearDown() override { sqlite3_close(db_); }

  void Exec(const char* sql) {
    ASSERT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  }

  // The rows that match `query`, in rowid order.
  Rows Match(const std::string& query) {
    Statement select(db_, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid");
    EXPECT_TRUE(select.ok()) << sqlite3_errmsg(db_);
    select.Bind(1, query);
    Rows rows;
    int rc;
    while ((rc = select.Step()) == SQLITE_ROW) rows.push_back(select.ColumnInt(0));
    EXPECT_EQ(rc, SQLITE_DONE) << query << ": " << sqlite3_errmsg(db_);
    return rows;
  }

  // An auxiliary function's value (`call`, such as "highlight(t, 1, '[', ']')")
  // on row `rowid` for `query`.
  std::string Aux(const std::string& call, const std::string& query, int64_t rowid) {
    Statement select(db_, "SELECT " + call + " FROM t WHERE t MATCH ?1 AND rowid = ?2");
    EXPECT_TRUE(select.ok()) << sqlite3_errmsg(db_);
    select.Bind(1, query).Bind(2, rowid);
    EXPECT_EQ(select.Step(), SQLITE_ROW) << query << ": " << sqlite3_errmsg(db_);
    return select.ColumnText(0);
  }

  std::string Highlight(const std::string& query, int64_t rowid, int column = 1) {
    return Aux("highlight(t, " + std::to_string(column) + ", '[', ']')", query, rowid);
  }

  sqlite3* db_ = nullptr;
};

TEST_F(SearchTokenizerTest, ChineseWords) {
  EXPECT_EQ(Match("泡沫"), (Rows{1, 7}));  // a 2-character word, in titles and texts
  EXPECT_EQ(Match("算力"), (Rows{2}));
  EXPECT_EQ(Match("数据"), (Rows{2, 3}));
  // Only where the four characters are contiguous: row 3 has 数据 and 中心 apart.
  EXPECT_EQ(Match("数据中心"), (Rows{2}));
  EXPECT_EQ(Match("GPU算力"), (Rows{2}));
}

TEST_F(SearchTokenizerTest, TraditionalAndSimplifiedAreNotConverted) {
  // The characters differ and nothing maps one to the other: each finds its own.
  EXPECT_EQ(Match("數據中心"), (Rows{7}));
  EXPECT_EQ(Match("数据中心"), (Rows{2}));
  EXPECT_EQ(Match("人工智慧"), (Rows{7}));
  EXPECT_EQ(Match("人工智能"), (Rows{1}));
}

TEST_F(SearchTokenizerTest, Japanese) {
  EXPECT_EQ(Match("バブル"), (Rows{4}));
  EXPECT_EQ(Match("データセンター"), (Rows{4}));
  EXPECT_EQ(Match("ﾃﾞｰﾀｾﾝﾀｰ"), (Rows{4}));  // half-width katakana
  EXPECT_EQ(Match("投資"), (Rows{4}));
  EXPECT_EQ(Match("投资"), (Rows{2}));
}

TEST_F(SearchTokenizerTest, EnglishIgnoresCaseAndWidth) {
  EXPECT_EQ(Match("nvidia"), (Rows{5}));
  EXPECT_EQ(Match("NVIDIA"), (Rows{5}));
  EXPECT_EQ(Match("nViDiA"), (Rows{5}));
  EXPECT_EQ(Match("ＮＶＩＤＩＡ"), (Rows{5}));
  EXPECT_EQ(Match("\"data center\""), (Rows{5}));
  EXPECT_EQ(Match("\"1.5\""), (Rows{2}));
}

TEST_F(SearchTokenizerTest, Prefix) {
  EXPECT_EQ(Match("gig*"), (Rows{5, 6}));
  EXPECT_EQ(Match("GIG*"), (Rows{5, 6}));
  EXPECT_EQ(Match("数据*"), (Rows{2, 3}));
  // One CJK character: the prefix query finds it everywhere, also where it
  // ends a run (气泡); the plain query only where it stands alone or ends a run.
  EXPECT_EQ(Match("泡*"), (Rows{1, 7, 8}));
  EXPECT_EQ(Match("泡"), (Rows{8}));
}

TEST_F(SearchTokenizerTest, AbsentWordsMatchNothing) {
  EXPECT_EQ(Match("dotcom"), Rows{});
  EXPECT_EQ(Match("泡沫经济"), Rows{});
  EXPECT_EQ(Match("中心数据"), Rows{});
  EXPECT_EQ(Match("nvidia AND 泡沫"), Rows{});
  EXPECT_EQ(Match("\"10 gw\""), Rows{});
}

TEST_F(SearchTokenizerTest, ColumnFilter) {
  EXPECT_EQ(Match("title:バブル"), (Rows{4}));
  EXPECT_EQ(Match("title:泡沫"), (Rows{1}));
  EXPECT_EQ(Match("text:泡沫"), (Rows{1, 7}));
}

TEST_F(SearchTokenizerTest, HighlightMarksTheMatchedBytes) {
  EXPECT_EQ(Highlight("泡沫", 1), "分析师警告人工智能[泡沫]正在形成。");
  EXPECT_EQ(Highlight("泡沫", 1, 0), "AI[泡沫]");
  EXPECT_EQ(Highlight("数据中心", 2), "新建的[数据中心]耗电巨大，英伟达的GPU算力供不应求，投资1.5万亿元。");
  EXPECT_EQ(Highlight("nvidia", 5),
            "[NVIDIA] shares rose as the gigawatt-scale data center boom continued.");
  EXPECT_EQ(Highlight("ＮＶＩＤＩＡ", 5),
            "[NVIDIA] shares rose as the gigawatt-scale data center boom continued.");
  EXPECT_EQ(Highlight("gig*", 5),
            "NVIDIA shares rose as the [gigawatt]-scale data center boom continued.");
  EXPECT_EQ(Highlight("バブル", 4), "AI[バブル]は崩壊するのか。データセンターへの投資が急増している。");
  EXPECT_EQ(Highlight("\"1.5\"", 2), "新建的数据中心耗电巨大，英伟达的GPU算力供不应求，投资[1.5]万亿元。");
  // One character found by its run-end unigram: the bigram it shares a position with.
  EXPECT_EQ(Highlight("泡*", 8), "市场出现[气泡]");
}

TEST_F(SearchTokenizerTest, Snippet) {
  // A snippet's length counts tokens: four CJK bigrams span five characters.
  EXPECT_EQ(Aux("snippet(t, 1, '[', ']', '…', 4)", "泡沫", 7), "…慧[泡沫]疑慮…");
  EXPECT_EQ(Aux("snippet(t, 1, '[', ']', '…', 3)", "nvidia", 5), "[NVIDIA] shares rose…");
  EXPECT_EQ(Aux("snippet(t, -1, '[', ']', '…', 3)", "nvidia", 5), "[Nvidia]");  // the title
}

TEST_F(SearchTokenizerTest, UpdatesAndDeletesKeepTheIndexConsistent) {
  Exec("UPDATE t SET text = '泡沫破裂' WHERE rowid = 1");
  Exec("DELETE FROM t WHERE rowid = 7");
  EXPECT_EQ(Match("泡沫"), (Rows{1}));
  EXPECT_EQ(Match("破裂"), (Rows{1}));
  Exec("INSERT INTO t(t) VALUES ('integrity-check')");
}

TEST(SearchTokenizerRegisterTest, RejectsArgumentsAndRegistersTwice) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  EXPECT_TRUE(RegisterSearchTokenizer(db).ok());
  EXPECT_TRUE(RegisterSearchTokenizer(db).ok());
  EXPECT_NE(sqlite3_exec(db, "CREATE VIRTUAL TABLE u USING fts5(x, tokenize='bw extra')", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "CREATE VIRTUAL TABLE v USING fts5(x, tokenize='bw')", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace
}  // namespace bw::db
