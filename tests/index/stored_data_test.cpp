#include "index/stored_data.h"

#include <gtest/gtest.h>

#include "ingest/error.h"

namespace klausul {
namespace {

TEST(StoredData, ClauseRoundTrips) {
  Clause clause{};
  clause.id = "doc-1:7";
  clause.document_id = "doc-1";
  clause.ordinal = 7;
  clause.text = "Landstinget ska bevaka och påverka EU.";
  clause.context = "Inriktning:";
  clause.section = {"Riktlinjer", "Överväganden"};
  clause.page = 3;
  clause.kind = BlockKind::list_item;
  clause.note = true;
  Clause back = clause_from_data(clause_to_data(clause));
  EXPECT_EQ(back.id, clause.id);
  EXPECT_EQ(back.document_id, "doc-1");
  EXPECT_EQ(back.ordinal, 7);
  EXPECT_EQ(back.text, clause.text);
  EXPECT_EQ(back.context, "Inriktning:");
  EXPECT_EQ(back.section, clause.section);
  EXPECT_EQ(back.page, 3);
  EXPECT_EQ(back.kind, BlockKind::list_item);
  EXPECT_TRUE(back.note);
  EXPECT_FALSE(back.ocr);
}

TEST(StoredData, DocumentInfoRoundTrips) {
  DocumentInfo info;
  info.id = "d1";
  info.path = "/corpus/jönköping.txt";
  info.region = "jonkoping";
  info.region_name = "Region Jönköpings län";
  info.year = 2011;
  info.diarienummer = "LK11-0212";
  info.clauses = 31;
  info.mtime = 1700000000;
  DocumentInfo back = document_info_from_data(document_info_to_data(info));
  EXPECT_EQ(back.path, info.path);
  EXPECT_EQ(back.region_name, info.region_name);
  EXPECT_EQ(back.year, 2011);
  EXPECT_EQ(back.diarienummer, "LK11-0212");
  EXPECT_EQ(back.clauses, 31);
  EXPECT_EQ(back.mtime, 1700000000);
}

TEST(StoredData, CorruptDataIsAnIndexError) {
  EXPECT_THROW(clause_from_data("not json"), IndexError);
  EXPECT_THROW(document_info_from_data("{}"), IndexError);
}

}  // namespace
}  // namespace klausul
