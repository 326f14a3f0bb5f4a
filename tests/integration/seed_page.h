// Builds a realistic HTML page from the ukiyo journal seed text
// (../shared/seeds/ukiyo-journal-ai-bubble-or-revolution.zh-Hans.txt): the
// skip link, logo, navigation with its language menu and the cookie block are
// laid out as real sites do (header, nav, a consent dialog), the article as
// h1, a written date, h2 sections, paragraphs with source links and a list,
// then a back link and the footer.
#ifndef BUBBLEWATCH_TESTS_INTEGRATION_SEED_PAGE_H_
#define BUBBLEWATCH_TESTS_INTEGRATION_SEED_PAGE_H_

#include <string>
#include <vector>

namespace bw::testing {

struct SeedPage {
  std::string html;
  std::string title;                         // the headline
  std::vector<std::string> article_texts;    // every paragraph, heading and list item body
  std::vector<std::string> chrome_lines;     // navigation, menu, cookie and footer lines
};

// REQUIRES: the seed file is readable at BW_SHARED_DIR/seeds/.
SeedPage BuildUkiyoSeedPage();

}  // namespace bw::testing

#endif  // BUBBLEWATCH_TESTS_INTEGRATION_SEED_PAGE_H_
