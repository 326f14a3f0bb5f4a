#include "extractors/stance_subject.h"

#include <gtest/gtest.h>

#include "extractors/text_folder.h"

namespace bw {
namespace {

const LexiconSet& Lexicons() {
  static const LexiconSet* lexicons = new LexiconSet(LexiconSet::Embedded());
  return *lexicons;
}

struct MentionCase {
  const char* text;  // as written: the test folds it, as the StanceExtractor does
  bool chinese;      // fold traditional characters to simplified
  bool want;
};

// Whole words for Latin phrases, any position for CJK ones; words that are
// common outside the subject are not in the list.
constexpr MentionCase kMentions[] = {
    {"OpenAI buys Nvidia GPUs.", false, true},
    {"The AI boom is a bubble.", false, true},
    {"The A.I. trade is crowded.", false, true},
    {"#AI stocks fell.", false, true},
    {"Hyperscalers keep spending on data centers.", false, true},
    {"Datacentres need 5 GW of power.", false, true},
    {"Semiconductors led the index.", false, true},
    {"ＡＩ泡沫？", true, true},
    {"AI的未来是泡沫还是革命", true, true},
    {"輝達與OpenAI的合作", true, true},
    {"數據中心的用電", true, true},
    {"算力需求", true, true},
    {"エヌビディアの決算", false, true},
    {"生成ＡＩブームはバブルか", false, true},
    {"データセンターの電力", false, true},
    {"Azure is short of capacity.", false, true},
    {"The race to superintelligence costs billions.", false, true},
    {"1兆ドル超の計算資源を契約する", false, true},
    {"签下1.4万亿美元的计算资源", true, true},
    {"資源ごみの計算方法", false, false},  // the words apart are no subject
    {"New laws for the Shaws pub.", false, false},  // "aws" only as a whole word
    // "ai" inside words, and words of other subjects.
    {"He said the main train was late.", false, false},
    {"Gwen ordered chips and salsa for game day.", false, false},
    {"The model walked the runway; compute the total.", false, false},
    {"Investors worry the housing market will crash.", false, false},
    {"房地产泡沫正在破裂。", true, false},
    {"推理小说的作者。", true, false},
    {"不動産バブルの崩壊。", false, false},
    {"", false, false},
};

TEST(StanceSubjectTest, Mentions) {
  const StanceSubject subject(Lexicons());
  const TextFolder folder(Lexicons());
  ASSERT_GT(subject.size(), 50u);
  for (const MentionCase& c : kMentions) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(subject.Mentions(folder.Fold(c.text, c.chinese).text), c.want);
  }
}

// A trailing '*' matches any ending; without it the word must end.
TEST(StanceSubjectTest, PrefixPhrases) {
  const StanceSubject subject(Lexicons());
  EXPECT_TRUE(subject.Mentions("chipmakers rallied"));
  EXPECT_TRUE(subject.Mentions("three gigawatts"));
  EXPECT_FALSE(subject.Mentions("gpux"));   // "gpu" and "gpus" are whole words
  EXPECT_FALSE(subject.Mentions("openair"));
}

}  // namespace
}  // namespace bw
