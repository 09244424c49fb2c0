#include "search/review_list.h"

#include <gtest/gtest.h>

#include "index/writer.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

TEST(ReviewListTest, ClausesInListOrderWithNotesAndAGoneClauseKept) {
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  IndexWriter writer(db);
  writer.replace_file(testing::ingested_file("doc", "orebro", {"Ett.", "Två.", "Tre."}));
  const std::vector<Hit> hits =
      review_hits(db, {{"doc:3", "sist i dokumentet", "Sökning: tre", "2026-12-01"},
                       {"gone:1", "", "", ""},
                       {"doc:1", "", "Täckning: ett", "2026-12-02"}});
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].rank, 1);
  EXPECT_EQ(hits[0].clause.text, "Tre.");
  EXPECT_EQ(hits[0].note, "sist i dokumentet");
  EXPECT_EQ(hits[0].origin, "Sökning: tre");
  EXPECT_EQ(hits[0].document.region, "orebro");
  EXPECT_EQ(hits[1].clause.id, "gone:1");
  EXPECT_NE(hits[1].clause.text.find("finns inte längre"), std::string::npos);
  EXPECT_EQ(hits[2].rank, 3);
  EXPECT_EQ(hits[2].added, "2026-12-02");
  EXPECT_EQ(review_export_context({}, "/db").kind, ExportKind::review);
}

}  // namespace
}  // namespace klausul
