#include "search/shared_by_state.h"

#include <gtest/gtest.h>

#include <string>

namespace klausul {
namespace {

TEST(SharedByState, KeepsValuesForTheirStateOnly) {
  SharedByState<int> cache(10);
  EXPECT_FALSE(cache.find("s1", "a"));
  cache.keep("s1", "a", 1);
  cache.keep("s1", "a", 2);  // the first value stays
  ASSERT_TRUE(cache.find("s1", "a"));
  EXPECT_EQ(*cache.find("s1", "a"), 1);
  EXPECT_FALSE(cache.find("s2", "a"));  // another state (an ingest since) has none
  cache.keep("s2", "b", 3);             // and forgets the old state's values
  EXPECT_FALSE(cache.find("s1", "a"));
  EXPECT_FALSE(cache.find("s2", "a"));
  EXPECT_EQ(cache.find("s2", "b").value_or(0), 3);
}

TEST(SharedByState, StartsAfreshWhenFull) {
  SharedByState<std::string> cache(2);
  cache.keep("s", "a", "x");
  cache.keep("s", "b", "y");
  cache.keep("s", "c", "z");  // a third: the others go
  EXPECT_FALSE(cache.find("s", "a"));
  EXPECT_FALSE(cache.find("s", "b"));
  EXPECT_EQ(cache.find("s", "c").value_or(""), "z");
}

}  // namespace
}  // namespace klausul
