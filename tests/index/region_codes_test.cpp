#include "index/region_codes.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "ingest/regions.h"

namespace klausul {
namespace {

TEST(RegionCodes, EachBuiltinRegionHasOneByteOfItsOwn) {
  std::set<std::string> stored;
  for (const Region& region : RegionTable::builtin().regions()) {
    const std::string code = stored_region(region.key);
    ASSERT_EQ(code.size(), 1u) << region.key;
    EXPECT_EQ(region_of_stored(code), region.key);
    stored.insert(code);
  }
  EXPECT_EQ(stored.size(), RegionTable::builtin().regions().size());
}

TEST(RegionCodes, TheCodesNeverMove) {
  // Indexes hold these bytes: a code that moved would put a region's clauses in another.
  EXPECT_EQ(stored_region("stockholm"), std::string(1, '\x01'));
  EXPECT_EQ(stored_region("vastra-gotaland"), std::string(1, '\x0c'));
  EXPECT_EQ(stored_region("orebro"), std::string(1, '\x0e'));
  EXPECT_EQ(stored_region("norrbotten"), std::string(1, '\x15'));
}

TEST(RegionCodes, OtherKeysAndKeysStoredAsTextReadAsThemselves) {
  // A user's own region table, no region, and values written before codes.
  EXPECT_EQ(stored_region("aland"), "aland");
  EXPECT_EQ(region_of_stored("aland"), "aland");
  EXPECT_EQ(stored_region(""), "");
  EXPECT_EQ(region_of_stored(""), "");
  EXPECT_EQ(region_of_stored("orebro"), "orebro");
  EXPECT_EQ(region_of_stored("o"), "o");
  EXPECT_EQ(region_of_stored(std::string(1, '\x16')), std::string(1, '\x16'));  // no such code
}

}  // namespace
}  // namespace klausul
