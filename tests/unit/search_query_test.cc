#include "extractors/search_query.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>
#include <string>
#include <vector>

#include "db/search_tokenizer.h"
#include "db/statement.h"

namespace bw {
namespace {

struct Case {
  std::string query;
  std::string expected;
};

TEST(BuildMatchExpression, TermsArePhrasesOperatorsStay) {
  const std::vector<Case> cases = {
      {"泡沫", R"q("泡沫")q"},
      {"NVIDIA", R"q("NVIDIA")q"},
      {"泡沫 NVIDIA", R"q("泡沫" "NVIDIA")q"},
      {"  spaced\tout\n", R"q("spaced" "out")q"},
      {"泡沫　NVIDIA", R"q("泡沫" "NVIDIA")q"},           // ideographic space
      {"a\xC2\xA0" "b", R"q("a" "b")q"},                  // no-break space
      {"1.5 GW", R"q("1.5" "GW")q"},
      {"gpt-5", R"q("gpt-5")q"},
      {"Nvidia's", R"q("Nvidia's")q"},
      // One CJK character is a prefix query, also when it ends a term.
      {"泡", R"q("泡"*)q"},
      {"ﾊﾞ", R"q("ﾊﾞ"*)q"},                               // half-width kana, one character folded
      {"AI泡", R"q("AI泡"*)q"},
      {"泡a", R"q("泡a")q"},
      {"数据", R"q("数据")q"},
      // Prefixes the user asks for.
      {"gig*", R"q("gig"*)q"},
      {"gig***", R"q("gig"*)q"},
      {"数据*", R"q("数据"*)q"},
      {"a*b", R"q("a*b")q"},
      {"*", ""},
      // Phrases.
      {R"q("data center")q", R"q("data center")q"},
      {R"q("data cen"*)q", R"q("data cen"*)q"},
      {R"q("data cen*")q", R"q("data cen*")q"},            // inside quotes a star is text
      {R"q(say "hi there" now)q", R"q("say" "hi there" "now")q"},
      {R"q(say"hi")q", R"q("say" "hi")q"},
      {R"q("a""b")q", R"q("a" "b")q"},
      {R"q(he said "AI 泡)q", R"q("he" "said" "AI 泡"*)q"},  // an open quote runs to the end
      {R"q("AI OR bubble")q", R"q("AI OR bubble")q"},      // operators inside a phrase are words
      // Operators.
      {"nvidia OR amd", R"q("nvidia" OR "amd")q"},
      {"bubble NOT dotcom", R"q("bubble" NOT "dotcom")q"},
      {"a AND b", R"q("a" AND "b")q"},
      {"a OR b c", R"q("a" OR "b" "c")q"},
      {"a or b", R"q("a" "or" "b")q"},                   // only capitals are operators
      {"a Or b", R"q("a" "Or" "b")q"},
      {"OR bubble", R"q("bubble")q"},
      {"bubble OR", R"q("bubble")q"},
      {"bubble AND NOT", R"q("bubble")q"},
      {"a OR AND b", R"q("a" AND "b")q"},
      {"a AND NOT b", R"q("a" NOT "b")q"},
      {"a OR 🚀 b", R"q("a" OR "b")q"},
      // Nothing to search for.
      {"", ""},
      {"   ", ""},
      {"OR", ""},
      {"AND NOT OR", ""},
      {"NOT bubble", ""},
      {"OR NOT bubble", ""},
      {"\"", ""},
      {"\"\"", ""},
      {"\"  \"", ""},
      {"( ) : ^ + - * , 。", ""},
      {"🚀", ""},
      {"\xFF\xFE", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(BuildMatchExpression(c.query), c.expected) << "query: " << c.query;
  }
}

TEST(BuildMatchExpression, SyntaxOfTheUserBecomesText) {
  const std::vector<Case> cases = {
      {"title:x", R"q("title:x")q"},
      {"text:泡沫", R"q("text:泡沫")q"},
      {"NEAR(a b)", R"q("NEAR(a" "b)")q"},
      {"NEAR(a b, 3)", R"q("NEAR(a" "b," "3)")q"},
      {"(a OR b)", R"q("(a" OR "b)")q"},
      {"^start", R"q("^start")q"},
      {"a + b", R"q("a" "b")q"},
      {"-dotcom", R"q("-dotcom")q"},
      {"{title text}:x", R"q("{title" "text}:x")q"},
      {"🚀 AI", R"q("AI")q"},
      {"a\"\"b", R"q("a" "b")q"},
      {"ok\xFF", "\"ok\xFF\""},
      {std::string("a\0b", 3), R"q("a" "b")q"},                 // NUL separates
      {std::string("\"a\0b\"", 5), R"q("a b")q"},               // and never cuts a string
      {"x\"", R"q("x")q"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(BuildMatchExpression(c.query), c.expected) << "query: " << c.query;
  }
}

// Every expression runs: MATCH against a table with the 'bw' tokenizer, as
// DocumentStore::Search runs it, never fails.
class MatchRunsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(db::RegisterSearchTokenizer(db_).ok());
    ASSERT_EQ(sqlite3_exec(db_,
                           "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='bw');"
                           "INSERT INTO t VALUES ('AI泡沫', '分析师警告人工智能泡沫正在形成。');"
                           "INSERT INTO t VALUES ('Nvidia', 'NVIDIA (title: x) near 1.5 GW.');"
                           "INSERT INTO t VALUES ('バブル', 'AIバブルは崩壊するのか。');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db_);
  }
  void TearDown() override { sqlite3_close(db_); }

  // The number of rows `expression` matches; -1 when FTS5 refuses it.
  int Count(const std::string& expression) {
    db::Statement s(db_, "SELECT count(*) FROM t WHERE t MATCH ?1");
    if (!s.ok()) return -1;
    s.Bind(1, expression);
    if (s.Step() != SQLITE_ROW) {
      ADD_FAILURE() << "MATCH " << expression << ": " << sqlite3_errmsg(db_);
      return -1;
    }
    return static_cast<int>(s.ColumnInt(0));
  }

  sqlite3* db_ = nullptr;
};

TEST_F(MatchRunsTest, HostileInputsNeverMakeASyntaxError) {
  const std::vector<std::string> hostile = {
      "\"", "\"\"\"", "a\"b\"c\"", "\"unbalanced", "unbalanced\"", "(", ")", "(a", "a)",
      "((a)) OR (b", ":", "title:", "title:x", "text:泡沫", "-title:x", "{title}:x",
      "{title text}: x", "NEAR(", "NEAR(a b", "NEAR(a b, 2)", "NEAR/3", "^", "^a", "a^b", "+",
      "a + b", "+a", "-", "-a", "a - b", "*", "**", "a* *b", "*a", "AND", "OR", "NOT",
      "a AND", "OR b", "a NOT", "a OR OR b", "a AND OR NOT b", "NOT NOT a", "🚀", "🚀🚀 AI 🚀",
      "泡沫🚀", "\xFF", "\xC3", "a\xE3\x80", "\xE3\x80\x80\xE3\x80", "\xF0\x9F\x9A",
      "\xED\xA0\x80", std::string("\0", 1), std::string("\"\0\"", 3), std::string("a\0\"b", 4),
      "\x01\x02", "\x1b[31mred", "'", "' OR 1=1 --", "\"; DROP TABLE t; --", "\\", "\\\"",
      "a\\\"b", "泡*", "泡 沫 *", "\"泡\"*", "\"*\"", "\"\"*", "x \"\"* y", "rank:1",
      "rowid:1", "t:x", "search:x", "\"a\" NEAR \"b\"", "a:b:c", "::", ",", ".", "1.5",
      "\"1.5\"", "1,000", "ＮＶＩＤＩＡ", "ﾃﾞｰﾀ", "数據 中心", std::string(3000, '('),
      std::string(500, '"'), "a " + std::string(200, '*'),
  };
  for (const std::string& q : hostile) {
    const std::string expression = BuildMatchExpression(q);
    if (expression.empty()) continue;  // the caller reports a usage error
    EXPECT_GE(Count(expression), 0) << "query: " << q << " -> " << expression;
  }
}

TEST_F(MatchRunsTest, RandomMixesOfSyntaxNeverMakeASyntaxError) {
  // Pieces of FTS5 syntax, words and broken bytes, strung together at random
  // (a fixed seed: the same inputs every run).
  const std::vector<std::string> pieces = {
      "\"", "\"\"", "*", "(", ")", ":", "^", "+", "-", ",", "{", "}", " ", "  ", "\t", "OR",
      "AND", "NOT", "NEAR", "NEAR(", "title", "text", "title:", "a", "ai", "泡", "泡沫", "バ",
      "1.5", "🚀", "\xFF", "\xE3\x80", "\xE3\x80\x80", std::string("\0", 1), "'", "\\"};
  std::mt19937 random(20251012);
  for (int i = 0; i < 3000; ++i) {
    std::string q;
    const int n = 1 + static_cast<int>(random() % 8);
    for (int k = 0; k < n; ++k) q += pieces[random() % pieces.size()];
    const std::string expression = BuildMatchExpression(q);
    if (expression.empty()) continue;
    ASSERT_GE(Count(expression), 0) << "query: " << q << " -> " << expression;
  }
}

TEST_F(MatchRunsTest, ExpressionsFindWhatTheUserMeant) {
  EXPECT_EQ(Count(BuildMatchExpression("泡")), 1);         // inside 泡沫
  EXPECT_EQ(Count(BuildMatchExpression("泡沫")), 1);
  EXPECT_EQ(Count(BuildMatchExpression("AI泡")), 1);
  EXPECT_EQ(Count(BuildMatchExpression("ai")), 2);         // AI泡沫 and AIバブル
  EXPECT_EQ(Count(BuildMatchExpression("ai NOT バブル")), 1);
  EXPECT_EQ(Count(BuildMatchExpression("泡沫 OR バブル")), 2);
  EXPECT_EQ(Count(BuildMatchExpression("title:x")), 1);    // the words, not a column filter
  EXPECT_EQ(Count(BuildMatchExpression("1.5")), 1);
  EXPECT_EQ(Count(BuildMatchExpression("nvi*")), 1);
  EXPECT_EQ(Count(BuildMatchExpression("\"gw nvidia\"")), 0);
}

}  // namespace
}  // namespace bw
