#include "extractors/lexicon.h"

#include <gtest/gtest.h>

namespace bw {
namespace {

TEST(LexiconSetTest, ParsesFieldsCommentsAndBlankLines) {
  LexiconSet set;
  set.AddFile("t.txt", "# comment\n\nalpha\t1.5\tx\r\nbeta\n#gamma\n  \ndelta\t\n");
  const auto& e = set.Entries("t.txt");
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0], (LexiconEntry{"alpha", "1.5", "x"}));
  EXPECT_EQ(e[1], (LexiconEntry{"beta"}));
  EXPECT_EQ(e[2], (LexiconEntry{"  "}));
  EXPECT_EQ(e[3], (LexiconEntry{"delta", ""}));
  EXPECT_EQ(set.Terms("t.txt"), (std::vector<std::string>{"alpha", "beta", "  ", "delta"}));
}

TEST(LexiconSetTest, MissingFileIsEmpty) {
  LexiconSet set;
  EXPECT_TRUE(set.Entries("nope.txt").empty());
  EXPECT_TRUE(set.Terms("nope.txt").empty());
}

TEST(LexiconSetTest, AddFileReplacesSameName) {
  LexiconSet set;
  set.AddFile("a.txt", "one\n");
  set.AddFile("a.txt", "two\nthree\n");
  EXPECT_EQ(set.Terms("a.txt"), (std::vector<std::string>{"two", "three"}));
}

TEST(LexiconSetTest, EmbeddedHasEveryLexiconFile) {
  LexiconSet set = LexiconSet::Embedded();
  std::vector<std::string> paths = set.Paths();
  EXPECT_NE(std::find(paths.begin(), paths.end(), "boilerplate.txt"), paths.end());
  EXPECT_FALSE(set.Entries("boilerplate.txt").empty());
}

}  // namespace
}  // namespace bw
