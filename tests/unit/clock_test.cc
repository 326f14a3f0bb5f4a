#include "pipeline/clock.h"

#include <gtest/gtest.h>

#include <string>

namespace bw {
namespace {

TEST(UtcDate, IsTheUtcDay) {
  EXPECT_EQ(UtcDate(1760227200), "2025-10-12");
  EXPECT_EQ(UtcDate(1760227199), "2025-10-11");
  EXPECT_EQ(UtcDate(0), "1970-01-01");
}

}  // namespace
}  // namespace bw
