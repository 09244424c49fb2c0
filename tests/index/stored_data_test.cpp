#include "index/stored_data.h"

#include <gtest/gtest.h>

#include "index/schema.h"
#include "ingest/error.h"

namespace klausul {
namespace {

TEST(StoredData, AClauseDocumentIsReadFromItsValueElseFromItsData) {
  Clause clause{};
  clause.id = "doc-1:2";
  clause.document_id = "doc-1";
  clause.ordinal = 2;
  clause.text = "Regionen ska minska utsläppen.";
  Xapian::Document current;
  current.add_value(schema::kClauseSlot, clause_to_data(clause));
  EXPECT_EQ(clause_of_document(current).text, clause.text);
  Xapian::Document older;  // an index written before kClauseSlot
  older.set_data(clause_to_data(clause));
  EXPECT_EQ(clause_of_document(older).text, clause.text);
  Xapian::Document record;
  record.set_data("{\"id\": \"doc-1\"}");
  EXPECT_THROW(clause_of_document(record), IndexError);
}

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

// A content id (16 hex digits) is stored as the 8 bytes it spells; any other id as written.
TEST(StoredData, HexDocumentIdsAreStoredAsBytes) {
  Clause clause;
  clause.document_id = "1b3074f39ee3d7a3";
  clause.ordinal = 29;
  clause.id = "1b3074f39ee3d7a3:29";
  clause.text = "Ett.";
  const std::string data = clause_to_data(clause);
  EXPECT_EQ(data.find(clause.document_id), std::string::npos);
  const Clause back = clause_from_data(data);
  EXPECT_EQ(back.document_id, clause.document_id);
  EXPECT_EQ(back.id, clause.id);
  // One digit fewer, or an uppercase one, is not a content id: stored as it is.
  for (const std::string id : {"1b3074f39ee3d7a", "1B3074F39EE3D7A3"}) {
    clause.document_id = id;
    clause.id = id + ":29";
    const std::string other = clause_to_data(clause);
    EXPECT_NE(other.find(id), std::string::npos) << id;
    EXPECT_EQ(clause_from_data(other).document_id, id);
    EXPECT_EQ(clause_from_data(other).id, id + ":29");
  }
  // As clauses were written before: the id's 16 digits as a string.
  std::string older = std::string("\x01\x00", 2) + static_cast<char>(BlockKind::paragraph);
  older += std::string("\x1d\x00\x00", 3) + "\x10" + "1b3074f39ee3d7a3";
  older += std::string("\x04") + "Ett." + std::string("\x00\x00", 2);
  const Clause old = clause_from_data(older);
  EXPECT_EQ(old.id, "1b3074f39ee3d7a3:29");
  EXPECT_EQ(old.text, "Ett.");
  EXPECT_EQ(old.ordinal, 29);
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

TEST(StoredData, ClauseDataIsCompact) {
  Clause clause{};
  clause.id = "1b3074f39ee3d7a3:29";
  clause.document_id = "1b3074f39ee3d7a3";
  clause.ordinal = 29;
  clause.text = "Landstinget ska bevaka och påverka EU.";
  clause.section = {"Riktlinjer"};
  // The text, the document id and the heading, with a few bytes of framing: no clause id
  // (derived from document id and ordinal), no keys.
  const std::string data = clause_to_data(clause);
  EXPECT_LE(data.size(), clause.text.size() + clause.document_id.size() + 10 + 12);
  EXPECT_EQ(data.find("1b3074f39ee3d7a3:29"), std::string::npos);
  EXPECT_EQ(clause_from_data(data).id, "1b3074f39ee3d7a3:29");
}

TEST(StoredData, AClauseIdOfItsOwnIsKept) {
  Clause clause{};
  clause.id = "special";
  clause.document_id = "doc";
  clause.ordinal = 300;
  clause.page = 1000;
  clause.slide = 2;
  clause.kind = BlockKind::att_decision;
  clause.ocr = true;
  const Clause back = clause_from_data(clause_to_data(clause));
  EXPECT_EQ(back.id, "special");
  EXPECT_EQ(back.ordinal, 300);
  EXPECT_EQ(back.page, 1000);
  EXPECT_EQ(back.slide, 2);
  EXPECT_EQ(back.kind, BlockKind::att_decision);
  EXPECT_TRUE(back.ocr);
  EXPECT_FALSE(back.note);
  EXPECT_TRUE(back.section.empty());
}

// Indexes written before the binary format hold clauses as JSON: they are still read.
TEST(StoredData, ClausesStoredAsJsonAreStillRead) {
  const Clause back = clause_from_data(
      R"({"id":"d:4","doc":"d","ord":4,"text":"Vården ska vara jämlik.","section":["Mål"],)"
      R"("page":2,"slide":0,"kind":"list_item","context":"Regionen:","ocr":true})");
  EXPECT_EQ(back.id, "d:4");
  EXPECT_EQ(back.document_id, "d");
  EXPECT_EQ(back.ordinal, 4);
  EXPECT_EQ(back.text, "Vården ska vara jämlik.");
  EXPECT_EQ(back.section, std::vector<std::string>{"Mål"});
  EXPECT_EQ(back.page, 2);
  EXPECT_EQ(back.kind, BlockKind::list_item);
  EXPECT_EQ(back.context, "Regionen:");
  EXPECT_TRUE(back.ocr);
}

TEST(StoredData, TruncatedClauseDataIsAnIndexError) {
  Clause clause{};
  clause.id = "d:1";
  clause.document_id = "d";
  clause.ordinal = 1;
  clause.text = "Vården ska vara jämlik.";
  clause.section = {"Mål", "Delmål"};
  const std::string data = clause_to_data(clause);
  for (size_t length = 1; length < data.size(); ++length) {
    EXPECT_THROW(clause_from_data(data.substr(0, length)), IndexError) << length;
  }
  EXPECT_THROW(clause_from_data(std::string("\x01\x00\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 13)),
               IndexError);
}

// A clause is stored deflated against the clause-word dictionary (values are not compressed
// by the index), and a damaged deflated clause is an IndexError, never a crash or a huge
// allocation.
TEST(StoredData, AClauseIsStoredDeflatedAndReadBack) {
  Clause clause{};
  clause.id = "d:3";
  clause.document_id = "d";
  clause.ordinal = 3;
  clause.text =
      "Regionen ska arbeta för att minska utsläppen av växthusgaser från resor och transporter, "
      "och regionen ska arbeta för att minska utsläppen från energianvändningen i lokalerna.";
  clause.section = {"Klimat", "Resor och transporter"};
  const std::string data = clause_to_data(clause);
  EXPECT_EQ(data[0], '\x03');
  EXPECT_LT(data.size() * 10, clause.text.size() * 7) << data.size();
  const Clause back = clause_from_data(data);
  EXPECT_EQ(back.text, clause.text);
  EXPECT_EQ(back.section, clause.section);
  EXPECT_EQ(back.id, "d:3");
  for (size_t length = 1; length < data.size(); ++length) {
    EXPECT_THROW(clause_from_data(data.substr(0, length)), IndexError) << length;
  }
  std::string damaged = data;
  damaged[1] = '\x7f';  // a wrong plain length
  EXPECT_THROW(clause_from_data(damaged), IndexError);
  // A claimed plain length of 2^60 bytes is refused before anything is allocated.
  EXPECT_THROW(clause_from_data(std::string("\x03\x80\x80\x80\x80\x80\x80\x80\x80\x10\x00", 11)),
               IndexError);
  EXPECT_THROW(clause_from_data(std::string("\x02\x80\x80\x80\x80\x80\x80\x80\x80\x10\x00", 11)),
               IndexError);
}

// Clauses written on 2026-12-03 were deflated without a dictionary (format 2): still read.
// The bytes are what that day's klausul stored for this clause.
TEST(StoredData, ClausesDeflatedWithoutADictionaryAreStillRead) {
  const std::string stored(
      "\x02\xdf\x01\x95\x8d\xc1\x0d\xc2\x30\x0c\x45\x13\x90\xd8\x80\xbb\x07\x40\x2c\xc2\xad"
      "\x1b\x18\xea\xa6\x56\x53\xa7\x72\xdc\xaa\x03\x95\x15\xba\x40\x16\x23\xc0\x95\x0b\xd7"
      "\xf7\xbf\xde\xf3\xce\x1f\x9d\xf3\xed\xee\x1b\x0a\x9c\x84\x04\xf2\x80\x80\x7a\x27\x43"
      "\xe8\xca\xae\x80\x66\x30\xb2\xbc\xf1\x6c\x39\x96\x6d\x9a\xea\x0b\x17\x58\xca\xb6\x5a"
      "\x3f\xe7\x80\x99\x14\x3a\x2d\x4f\x01\xa5\x9c\x14\xd2\xa3\x07\x53\x94\x3c\x25\x35\xd2"
      "\xcb\x07\xe8\x7f\x81\xaf\x8f\x84\x34\x30\x4a\x6d\x49\x2b\x2c\xa1\x2e\x0c\x31\x0d\x18"
      "\x49\x05\xaf\xee\x70\xba\x45\x1e\xd1\xce\xcd\xaf\xf2\x0b",
      140);
  const Clause back = clause_from_data(stored);
  EXPECT_EQ(back.text,
            "Regionen ska arbeta för att minska utsläppen av växthusgaser från resor och "
            "transporter, och regionen ska arbeta för att minska utsläppen från "
            "energianvändningen i lokalerna.");
  EXPECT_EQ(back.section, (std::vector<std::string>{"Klimat", "Resor och transporter"}));
  EXPECT_EQ(back.id, "d:3");
  EXPECT_EQ(back.ordinal, 3);
}

TEST(StoredData, CorruptDataIsAnIndexError) {
  EXPECT_THROW(clause_from_data("not json"), IndexError);
  EXPECT_THROW(document_info_from_data("{}"), IndexError);
}

// A number no int holds (found by fuzzing: converting it was undefined behaviour).
TEST(StoredData, NumbersOutOfRangeAreAnIndexError) {
  EXPECT_THROW(clause_from_data(R"({"id":"d:4","doc":"d","ord":2000666666666666666666666})"),
               IndexError);
  EXPECT_THROW(clause_from_data(R"({"id":"d:4","doc":"d","ord":1,"page":-3000000000})"),
               IndexError);
  EXPECT_THROW(document_info_from_data(R"({"id":"d","year":1e300})"), IndexError);
  EXPECT_THROW(document_info_from_data(R"({"id":"d","size":18446744073709551615})"), IndexError);
  // In range, as written: read as before.
  EXPECT_EQ(clause_from_data(R"({"id":"d:4","doc":"d","ord":4,"page":2.0})").page, 2);
  EXPECT_EQ(document_info_from_data(R"({"id":"d","size":5000000000})").size, 5000000000);
}

}  // namespace
}  // namespace klausul
