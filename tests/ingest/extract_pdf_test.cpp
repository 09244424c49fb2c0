#include "ingest/extract_pdf.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/error.h"
#include "ingest/pdf_writer.h"
#include "tests/ingest/document_test_util.h"

namespace klausul {
namespace {

using namespace klausul::testing;

Document extract(const std::string& relative) {
  return PdfExtractor().extract(read_repo_file(relative), relative, ExtractOptions{});
}

std::string reason_of(std::string_view bytes) {
  try {
    PdfExtractor().extract(bytes, "x.pdf", ExtractOptions{});
  } catch (const IngestError& e) {
    return e.what();
  }
  return "(no error)";
}

// --- join_pdf_lines -------------------------------------------------------------------------

TEST(JoinPdfLines, JoinsLineEndHyphenation) {
  EXPECT_EQ(join_pdf_lines({"utveck-", "lingen"}), "utvecklingen");
  EXPECT_EQ(join_pdf_lines({"stödja utveck-", "lingen av länet"}), "stödja utvecklingen av länet");
}

TEST(JoinPdfLines, KeepsSuspendedCompounds) {
  EXPECT_EQ(join_pdf_lines({"hälso-", "och sjukvård"}), "hälso- och sjukvård");
  EXPECT_EQ(join_pdf_lines({"inom hälso-", "och sjukvård samt"}), "inom hälso- och sjukvård samt");
  EXPECT_EQ(join_pdf_lines({"för-", "eller eftervård"}), "för- eller eftervård");
  EXPECT_EQ(join_pdf_lines({"kvalitets-", "samt vårdmodeller"}), "kvalitets- samt vårdmodeller");
  EXPECT_EQ(join_pdf_lines({"gång-", "respektive cykelvägar"}), "gång- respektive cykelvägar");
  EXPECT_EQ(join_pdf_lines({"ett-", "till tvåårig"}), "ett- till tvåårig");
}

TEST(JoinPdfLines, KeepsHyphenAfterUppercaseOrDigits) {
  EXPECT_EQ(join_pdf_lines({"EU-", "frågor"}), "EU-frågor");
  EXPECT_EQ(join_pdf_lines({"om 2014-", "talet"}), "om 2014-talet");
}

TEST(JoinPdfLines, KeepsHyphenAfterASingleLetter) {
  // No hyphenation leaves one letter on a line: "e-" + "hälsa" is the word "e-hälsa".
  EXPECT_EQ(join_pdf_lines({"satsningar på e-", "hälsa och"}), "satsningar på e-hälsa och");
  EXPECT_EQ(join_pdf_lines({"ut-", "veckling"}), "utveckling");  // two letters: joined
}

TEST(JoinPdfLines, SpacesOtherwise) {
  EXPECT_EQ(join_pdf_lines({"en rad", "och nästa"}), "en rad och nästa");
  // Next line starts in uppercase: the hyphen is real ("Alytus-" is rare, but "LK11-" happens).
  EXPECT_EQ(join_pdf_lines({"Dnr LK11-", "0212"}), "Dnr LK11- 0212");
  EXPECT_EQ(join_pdf_lines({"Stockholms-", "Uppsala"}), "Stockholms- Uppsala");
  // A dash standing alone is punctuation.
  EXPECT_EQ(join_pdf_lines({"tandvård -", "inom ramen"}), "tandvård - inom ramen");
  EXPECT_EQ(join_pdf_lines({"  a  ", "", "b"}), "a b");
  EXPECT_EQ(join_pdf_lines({}), "");
}

TEST(JoinPdfLines, JoinsSoftHyphen) {
  EXPECT_EQ(join_pdf_lines({"utveck\u00ad", "lingen"}), "utvecklingen");
}

// --- real PDFs made by tools/make-fixtures (LibreOffice Writer) ------------------------------

TEST(PdfExtractor, JonkopingPolicyTextPagesAndTitle) {
  Document doc = extract("tests/fixtures/jonkoping-policy.pdf");
  EXPECT_EQ(doc.info.format, "pdf");
  EXPECT_EQ(doc.info.pages, 2);
  EXPECT_EQ(doc.info.title, "Internationellt arbete - Policy och strategiska mål");

  const Block* first = find_block(doc, "För en stor och kunskapsintensiv organisation");
  ASSERT_NE(first, nullptr) << dump(doc);
  EXPECT_EQ(first->kind, BlockKind::paragraph);
  EXPECT_EQ(first->page, 1);
  // The whole paragraph, lines joined with single spaces.
  EXPECT_EQ(first->text,
            "För en stor och kunskapsintensiv organisation som Landstinget spelar "
            "omvärldskontakter i såväl Europa som övriga delar av världen en viktig roll i "
            "utvecklingsarbetet. Medlemskapet i EU ställer krav men ger också nya möjligheter "
            "för lokala och regionala aktörer. Landstingets medverkan i regionalpolitiken, både "
            "som partner och medfinansier, har ökat.");

  // A paragraph whose second line starts with a dash stays one paragraph.
  const Block* dash = find_block(doc, "givande och tagande");
  ASSERT_NE(dash, nullptr) << dump(doc);
  EXPECT_EQ(dash->kind, BlockKind::paragraph);
  EXPECT_NE(dash->text.find("tagande – i solidarisk samverkan med våra partner."),
            std::string::npos)
      << dash->text;

  const Block* later = find_block(doc, "Landstingsstyrelsen föreslår landstingsfullmäktige besluta");
  ASSERT_NE(later, nullptr) << dump(doc);
  EXPECT_EQ(later->page, 2);
}

TEST(PdfExtractor, JonkopingPolicyHeadings) {
  Document doc = extract("tests/fixtures/jonkoping-policy.pdf");
  for (const char* title : {"Inledning", "Policy", "Strategiska mål", "Förslag till beslut"}) {
    bool found = false;
    for (const Block& b : doc.blocks) {
      if (b.text == title) {
        found = true;
        EXPECT_EQ(b.kind, BlockKind::heading) << title;
        EXPECT_EQ(b.level, 2) << title;
      }
    }
    EXPECT_TRUE(found) << title << "\n" << dump(doc);
  }
  const Block* top = find_block(doc, "Internationellt arbete - Policy och strategiska mål");
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->kind, BlockKind::heading);
  EXPECT_EQ(top->level, 1);
  EXPECT_EQ(top->page, 1);
  // Body text with a bold first word ("att") is not a heading.
  const Block* att = find_block(doc, "antaga föreliggande förslag");
  ASSERT_NE(att, nullptr);
  EXPECT_EQ(att->kind, BlockKind::paragraph);
}

TEST(PdfExtractor, JonkopingPolicyListItems) {
  Document doc = extract("tests/fixtures/jonkoping-policy.pdf");
  const Block* item = find_block(doc, "Utveckling av internationellt samarbete");
  ASSERT_NE(item, nullptr) << dump(doc);
  EXPECT_EQ(item->kind, BlockKind::list_item);
  EXPECT_EQ(item->level, 1);
  // Bullet glyph removed, wrapped lines joined.
  EXPECT_EQ(item->text,
            "Utveckling av internationellt samarbete t.ex. genom interregionala projekt och "
            "transnationella nätverk.");

  int items = 0;
  for (const Block& b : doc.blocks) items += b.kind == BlockKind::list_item;
  EXPECT_EQ(items, 9) << dump(doc);

  // "hälso-" ends page 1, "och sjukvård samt tandvård" starts page 2: one item, page 1,
  // the suspended compound intact.
  const Block* split = find_block(doc, "Medverka i att implementera");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->kind, BlockKind::list_item);
  EXPECT_EQ(split->page, 1);
  EXPECT_NE(split->text.find("kvalitets- och vårdmodeller inom hälso- och sjukvård samt tandvård"),
            std::string::npos)
      << split->text;

  const Block* last = find_block(doc, "Upprätta årliga handlingsplaner.");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->kind, BlockKind::list_item);
  EXPECT_EQ(last->page, 2);
}

TEST(PdfExtractor, CorpusPdfSeveralPages) {
  Document doc = extract("corpus/stockholm-riktlinjer-internationellt-arbete-2012.pdf");
  EXPECT_GE(doc.info.pages, 5);
  EXPECT_EQ(doc.info.title, "Riktlinjer för landstingets internationella arbete");

  const Block* first = find_block(doc, "Förslag till nya riktlinjer för landstingets internationella arbete.");
  ASSERT_NE(first, nullptr) << dump(doc);
  EXPECT_EQ(first->page, 1);

  const Block* late = find_block(doc, "Landstingsstyrelsens förvaltning (LSF) ansvarar för den Internationella funktionen.");
  ASSERT_NE(late, nullptr) << dump(doc);
  EXPECT_GE(late->page, 4);
  EXPECT_EQ(late->kind, BlockKind::paragraph);

  const Block* heading = find_block(doc, "Ärendebeskrivning");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->kind, BlockKind::heading);

  const Block* item = find_block(doc, "förbättrad tillförlitlighet i kollektivtrafiken,");
  ASSERT_NE(item, nullptr) << dump(doc);
  EXPECT_EQ(item->kind, BlockKind::list_item);
  EXPECT_EQ(item->text, "förbättrad tillförlitlighet i kollektivtrafiken,");

  // Poppler puts this list.s bullet column in a block of its own: the bullets must still mark
  // the items, and no block may be made of bullets alone.
  const Block* separate = find_block(doc, "en öppen och tillgänglig region,");
  ASSERT_NE(separate, nullptr) << dump(doc);
  EXPECT_EQ(separate->kind, BlockKind::list_item);
  EXPECT_EQ(separate->text, "en öppen och tillgänglig region,");
  EXPECT_EQ(find_block(doc, "•"), nullptr) << dump(doc);

  // No block has lost a line-end hyphen of a suspended compound.
  for (const Block& b : doc.blocks) {
    EXPECT_EQ(b.text.find("hälsooch"), std::string::npos) << b.text;
    EXPECT_EQ(b.text.find('\n'), std::string::npos) << b.text;
  }
  const Block* compound = find_block(doc, "välfungerande hälso- och sjukvård samt kollektivtrafik");
  EXPECT_NE(compound, nullptr) << dump(doc);
}

TEST(PdfExtractor, HyphenatedColumn) {
  Document doc = extract("tests/fixtures/hyphenated.pdf");
  ASSERT_EQ(doc.blocks.size(), 1u) << dump(doc);
  EXPECT_EQ(doc.blocks[0].text, "Stöd för utvecklingen av hälso- och sjukvård i länet.");
  EXPECT_EQ(doc.blocks[0].page, 1);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::paragraph);
}

// --- layout: columns, tables, slides (tools/make-pdf-layout-fixtures) ----------------------

// Position of needle in the whole text in reading order (npos when missing).
size_t position(const Document& doc, const std::string& needle) {
  std::string all;
  for (const Block& b : doc.blocks) all += b.text + "\n";
  return all.find(needle);
}

TEST(PdfExtractor, TwoColumnsReadColumnByColumn) {
  Document doc = extract("tests/fixtures/two-columns.pdf");
  ASSERT_FALSE(doc.blocks.empty());
  // The full-width title stays first.
  EXPECT_EQ(doc.blocks[0].text, "Internationellt arbete i två landsting") << dump(doc);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
  // Left column top to bottom, then the right column.
  const std::vector<std::string> order = {
      "För en stor och kunskapsintensiv organisation",
      "Medlemskapet i EU ställer krav men ger också nya möjligheter",
      "Landstingets medverkan i regionalpolitiken",
      "Det internationella arbetet ska präglas av ett ömsesidigt givande",
      "Landstingsfullmäktige antog i juni 2003 en policy",
      "Policyns syfte är att klargöra",
      "Landstingets internationella aktiviteter ska präglas av långsiktighet",
      "planeras, budgeteras, dokumenteras och utvärderas."};
  size_t last = 0;
  for (const std::string& sentence : order) {
    const size_t at = position(doc, sentence);
    ASSERT_NE(at, std::string::npos) << sentence << "\n" << dump(doc);
    EXPECT_GT(at + 1, last) << sentence << "\n" << dump(doc);
    last = at;
  }
  // The paragraph broken at the foot of the left column goes on at the top of the right one.
  const Block* broken = find_block(doc, "Landstingets medverkan i regionalpolitiken");
  ASSERT_NE(broken, nullptr);
  EXPECT_EQ(broken->text,
            "Landstingets medverkan i regionalpolitiken, både som partner och medfinansiär, har "
            "ökat. Det internationella arbetet ska präglas av ett ömsesidigt givande och tagande "
            "i solidarisk samverkan med våra partner.");
  // No block mixes the columns: each holds text of one county only.
  for (const Block& b : doc.blocks) {
    const bool jonkoping = b.text.find("Landstinget spelar") != std::string::npos ||
                           b.text.find("medfinansiär") != std::string::npos;
    const bool orebro = b.text.find("Örebro") != std::string::npos ||
                        b.text.find("uthållighet") != std::string::npos;
    EXPECT_FALSE(jonkoping && orebro) << b.text;
  }
  EXPECT_EQ(doc.blocks.size(), 5u) << dump(doc);
  EXPECT_EQ(doc.info.slides, 0);
}

TEST(PdfExtractor, TableRowsStayTogether) {
  Document doc = extract("tests/fixtures/table.pdf");
  std::vector<std::string> rows;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::table_cell) rows.push_back(b.text);
  }
  const std::vector<std::string> expected = {"Region | Dokument | År", "Jönköping | Policy | 2011",
                                             "Stockholm | Riktlinjer | 2012"};
  EXPECT_EQ(rows, expected) << dump(doc);
  ASSERT_EQ(doc.blocks.size(), 5u) << dump(doc);
  // The paragraphs around the table stay paragraphs, in place.
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::paragraph);
  EXPECT_NE(doc.blocks[0].text.find("Tabellen nedan"), std::string::npos);
  EXPECT_EQ(doc.blocks[1].text, "Region | Dokument | År");
  EXPECT_EQ(doc.blocks[4].kind, BlockKind::paragraph);
  EXPECT_EQ(doc.blocks[4].text,
            "Samtliga dokument gäller landstingens internationella arbete och har beslutats av "
            "fullmäktige.");
}

TEST(PdfExtractor, SlideDeckPdf) {
  Document doc = extract("tests/fixtures/stockholm-slides.pdf");
  EXPECT_EQ(doc.info.pages, 8);
  EXPECT_EQ(doc.info.slides, 8) << dump(doc);
  for (const Block& b : doc.blocks) {
    EXPECT_EQ(b.slide, b.page) << b.text;
    EXPECT_GE(b.slide, 1) << b.text;
  }
  const Block* first = find_block(doc, "På väg mot nya riktlinjer");
  ASSERT_NE(first, nullptr) << dump(doc);
  EXPECT_EQ(first->kind, BlockKind::slide_title);
  EXPECT_EQ(first->level, 1);
  EXPECT_EQ(first->slide, 1);
  EXPECT_EQ(first->text, "På väg mot nya riktlinjer för landstingets internationella arbete");

  const Block* goals = find_block(doc, "Mål för det internationella arbetet");
  ASSERT_NE(goals, nullptr) << dump(doc);
  EXPECT_EQ(goals->kind, BlockKind::slide_title);
  EXPECT_EQ(goals->text, "Mål för det internationella arbetet");
  EXPECT_EQ(goals->slide, 3);

  const Block* item = find_block(doc, "förbättrad tillförlitlighet i kollektivtrafiken,");
  ASSERT_NE(item, nullptr) << dump(doc);
  EXPECT_EQ(item->kind, BlockKind::list_item);
  EXPECT_EQ(item->slide, 3);

  int titles = 0;
  for (const Block& b : doc.blocks) titles += b.kind == BlockKind::slide_title;
  EXPECT_EQ(titles, 8) << dump(doc);
}

TEST(PdfExtractor, PortraitTextIsNotSlides) {
  Document doc = extract("tests/fixtures/jonkoping-policy.pdf");
  EXPECT_EQ(doc.info.slides, 0);
  for (const Block& b : doc.blocks) {
    EXPECT_EQ(b.slide, 0) << b.text;
    EXPECT_NE(b.kind, BlockKind::slide_title) << b.text;
    EXPECT_NE(b.kind, BlockKind::table_cell) << b.text;
  }
  Document corpus = extract("corpus/stockholm-riktlinjer-internationellt-arbete-2012.pdf");
  EXPECT_EQ(corpus.info.slides, 0);
}

// --- hostile input ---------------------------------------------------------------------------

TEST(PdfExtractor, RejectsTruncated) {
  std::string reason = reason_of(read_repo_file("tests/fixtures/truncated.pdf"));
  EXPECT_EQ(reason.rfind("damaged PDF", 0), 0u) << reason;
}

TEST(PdfExtractor, RejectsGarbageAfterHeader) {
  std::string bytes = "%PDF-1.7\n" + std::string(2000, 'x') + "\n%%EOF\n";
  EXPECT_EQ(reason_of(bytes), "damaged PDF (Poppler could not read it)");
}

TEST(PdfExtractor, RejectsEncrypted) {
  EXPECT_EQ(reason_of(read_repo_file("tests/fixtures/encrypted.pdf")), "encrypted PDF (password required)");
}

// Encrypted with a permission password only (no open password): read like any PDF, its
// title (an encrypted string) included.
TEST(PdfExtractor, ReadsAPdfThatOnlyRestrictsPermissions) {
  Document doc = extract("tests/fixtures/permissions-only.pdf");
  EXPECT_EQ(doc.info.title, "Avstavning");
  ASSERT_EQ(doc.blocks.size(), 1u) << dump(doc);
  EXPECT_EQ(doc.blocks[0].text, "Stöd för utvecklingen av hälso- och sjukvård i länet.");
}

TEST(PdfExtractor, RejectsEmpty) {
  std::string reason = reason_of("");
  EXPECT_EQ(reason.rfind("not a PDF", 0), 0u) << reason;
}

TEST(PdfExtractor, RejectsZip) {
  EXPECT_EQ(reason_of(std::string("PK\x03\x04\x14\x00\x00\x00", 8)), "not a PDF (starts with 'PK')");
  EXPECT_EQ(reason_of(std::string("\x89PNG", 4)), "not a PDF (starts with 0x89 0x50 0x4e 0x47)");
}

// A one-page PDF with the given page content stream and document information Title (a PDF
// string object as written in the file).
std::string pdf_with(const std::string& content, const std::string& title) {
  return write_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
       "/Resources << /Font << /F1 5 0 R >> >> >>",
       pdf_stream("", content),
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
       "<< /Title " + title + " >>"},
      "/Info 6 0 R");
}

TEST(PdfExtractor, TitleInOneByteOrUtf16AndWordsInUtf8) {
  // WinAnsi bytes in the page text: "Vården ska vara säker."
  const std::string content = "BT /F1 12 Tf 72 720 Td (V\\345rden ska vara s\\344ker.) Tj ET";
  // A title without a byte order mark is one byte per character (Latin-1, as poppler-cpp read
  // it) ...
  Document latin1 = PdfExtractor().extract(pdf_with(content, "(Riktlinje f\\366r v\\345rden)"),
                                           "x.pdf", ExtractOptions{});
  EXPECT_EQ(latin1.info.title, "Riktlinje för vården");
  ASSERT_EQ(latin1.blocks.size(), 1u) << dump(latin1);
  EXPECT_EQ(latin1.blocks[0].text, "Vården ska vara säker.");
  EXPECT_EQ(latin1.blocks[0].page, 1);
  // ... and after FE FF it is UTF-16 (big-endian), with a surrogate pair: "Mål 𝟐".
  Document utf16 = PdfExtractor().extract(
      pdf_with(content, "<FEFF004D00E5006C0020D835DFD0>"), "x.pdf", ExtractOptions{});
  EXPECT_EQ(utf16.info.title, "Mål 𝟐");
}

TEST(PdfExtractor, WarmUpIsHarmless) {
  warm_up_pdf_backend();
  warm_up_pdf_backend();
  Document doc = extract("tests/fixtures/hyphenated.pdf");
  EXPECT_FALSE(doc.blocks.empty());
}

}  // namespace
}  // namespace klausul
