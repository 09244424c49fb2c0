#include <gtest/gtest.h>

#include "ingest/metadata.h"

#include <fstream>
#include <sstream>

namespace klausul {
namespace {

// Blocks as a plain-text extractor would give them: one per line, "#" lines as headings.
// Built here so these tests do not depend on the extractor's heuristics.
Document corpus_document(const std::string& name) {
  Document doc;
  doc.info.path = std::string(KLAUSUL_SOURCE_DIR "/corpus/") + name;
  std::ifstream in(doc.info.path, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Block block;
    if (line[0] == '#') {
      block.kind = BlockKind::heading;
      block.text = line.substr(line.find_first_not_of("# "));
    } else if (line.rfind("- ", 0) == 0) {
      block.kind = BlockKind::list_item;
      block.text = line.substr(2);
    } else {
      block.text = line;
    }
    doc.blocks.push_back(block);
  }
  return doc;
}

Document from_lines(const std::vector<const char*>& lines, const char* path = "/d/x.txt") {
  Document doc;
  doc.info.path = path;
  for (const char* line : lines) doc.blocks.push_back(Block{BlockKind::paragraph, line});
  return doc;
}

TEST(Metadata, StockholmTjansteutlatande) {
  Document doc = corpus_document("stockholm-riktlinjer-internationellt-arbete-2012.txt");
  detect_metadata(doc, RegionTable::builtin());
  EXPECT_EQ(doc.info.region, "stockholm");
  EXPECT_EQ(doc.info.region_name, "Region Stockholm");
  EXPECT_EQ(doc.info.doc_type, "tjänsteutlåtande");  // not "riktlinjer" from its title
  EXPECT_EQ(doc.info.diarienummer, "LS 1103-0413");
  EXPECT_EQ(doc.info.date, "2012-10-02");
  EXPECT_EQ(doc.info.year, 2012);
  EXPECT_EQ(doc.info.organisation, "Landstingsstyrelsens förvaltning");
  EXPECT_EQ(doc.info.title, "Riktlinjer för landstingets internationella arbete");
}

TEST(Metadata, JonkopingPolicy) {
  Document doc = corpus_document("jonkoping-policy-internationellt-arbete-2011.txt");
  detect_metadata(doc, RegionTable::builtin());
  EXPECT_EQ(doc.info.region, "jonkoping");
  EXPECT_EQ(doc.info.title, "Internationellt arbete - Policy och strategiska mål");
  EXPECT_EQ(doc.info.doc_type, "policy");
  EXPECT_EQ(doc.info.organisation, "Landstingsstyrelsen");
  EXPECT_EQ(doc.info.year, 2011);  // from the file name
}

TEST(Metadata, JonkopingTitleWithoutHeadingMarkup) {
  Document doc = corpus_document("jonkoping-policy-internationellt-arbete-2011.txt");
  for (Block& block : doc.blocks) block.kind = BlockKind::paragraph;
  detect_metadata(doc, RegionTable::builtin());
  EXPECT_EQ(doc.info.title, "Internationellt arbete - Policy och strategiska mål");
}

TEST(Metadata, OtherSeeds) {
  Document orebro = corpus_document("orebro-riktlinjer-internationellt-engagemang.txt");
  detect_metadata(orebro, RegionTable::builtin());
  EXPECT_EQ(orebro.info.region, "orebro");
  EXPECT_EQ(orebro.info.organisation, "Ledningskansliet");
  EXPECT_EQ(orebro.info.doc_type, "riktlinjer");
  EXPECT_EQ(orebro.info.title, "Riktlinjer för internationellt engagemang");

  Document slides = corpus_document("stockholm-pa-vag-mot-nya-riktlinjer-slides.txt");
  detect_metadata(slides, RegionTable::builtin());
  EXPECT_EQ(slides.info.region, "stockholm");
  EXPECT_EQ(slides.info.doc_type, "presentation");
  EXPECT_EQ(slides.info.title, "På väg mot nya riktlinjer för landstingets internationella arbete");

  Document web = corpus_document("stockholm-internationella-funktionen-webb.txt");
  detect_metadata(web, RegionTable::builtin());
  EXPECT_EQ(web.info.region, "stockholm");
  EXPECT_EQ(web.info.doc_type, "webbsida");
  EXPECT_EQ(web.info.title, "Internationella funktionen");
}

TEST(Metadata, Diarienummer) {
  Document a = from_lines({"Landstingskansliet", "Dnr LK11-0212", "Policy för EU-arbete"});
  detect_metadata(a, RegionTable::builtin());
  EXPECT_EQ(a.info.diarienummer, "LK11-0212");
  Document b = from_lines({"Tjänsteutlåtande", "LS1103-0413"});
  detect_metadata(b, RegionTable::builtin());
  EXPECT_EQ(b.info.diarienummer, "LS1103-0413");
  Document c = from_lines({"Beslut", "Dnr: 12/345", "RUFS 2010 och LS 0510-1724"});
  detect_metadata(c, RegionTable::builtin());
  EXPECT_EQ(c.info.diarienummer, "12/345");
  Document none = from_lines({"Strategi 2014-2020 för EU 2020"});
  detect_metadata(none, RegionTable::builtin());
  EXPECT_EQ(none.info.diarienummer, "");
}

TEST(Metadata, FormWordOnALetterheadLineBeatsTheTitle) {
  Document doc = from_lines({"Landstingsstyrelsens förvaltning", "TJÄNSTEUTLÅTANDE 2012-10-02",
                             "Riktlinjer för landstingets internationella arbete"});
  detect_metadata(doc, RegionTable::builtin());
  EXPECT_EQ(doc.info.doc_type, "tjänsteutlåtande");
  EXPECT_EQ(doc.info.year, 2012);
  EXPECT_EQ(doc.info.title, "Riktlinjer för landstingets internationella arbete");
  EXPECT_EQ(doc.info.diarienummer, "");  // "TANDE 2012-10-02" is no diarienummer
}

TEST(Metadata, YearFromTitleOrFileName) {
  Document a = from_lines({"Handlingsplan 2013 för internationellt arbete"});
  detect_metadata(a, RegionTable::builtin());
  EXPECT_EQ(a.info.year, 2013);
  EXPECT_EQ(a.info.doc_type, "handlingsplan");
  Document b = from_lines({"Internationell strategi"}, "/d/region-halland-strategi-2015.txt");
  detect_metadata(b, RegionTable::builtin());
  EXPECT_EQ(b.info.year, 2015);
  EXPECT_EQ(b.info.doc_type, "strategi");
  EXPECT_EQ(b.info.region, "halland");  // from the file name when the text names none
}

TEST(Metadata, APagesHeaderAndPicturesAreNoTitle) {
  // How transcripts of county web pages start: the site's name, a logo, a picture's file
  // name or description, a contact line, and only then the page's own heading.
  const char* const body =
      "Region Östergötland uppgift är att arbeta för en god tandhälsa hos hela befolkningen. "
      "Tandvård erbjuds av både Folktandvården, som drivs av Region Östergötland, och av "
      "privata vårdgivare, och ska ges till invånarna efter behov.";
  auto title_of = [&](std::initializer_list<const char*> head) {
    std::vector<const char*> lines(head);
    lines.push_back(body);
    Document doc = from_lines(lines);
    detect_metadata(doc, RegionTable::builtin());
    return doc.info.title;
  };
  EXPECT_EQ(title_of({"Region Östergötland", "Region Östergötlands ansvar för tandvård",
                      "Undersökning hos tandläkaren"}),
            "Region Östergötlands ansvar för tandvård");
  EXPECT_EQ(title_of({"REGION JÄMTLAND HÄRJEDALEN", "Folkhälsa"}), "Folkhälsa");
  EXPECT_EQ(title_of({"Landstinget Sörmlands logotyp", "Regional utveckling"}),
            "Regional utveckling");
  EXPECT_EQ(title_of({"Region Halland Bild 1.jpg",
                      "Region Östergötland Bilden visar den svenska skärgården",
                      "Gemensam folkhälsopolicy"}),
            "Gemensam folkhälsopolicy");
  EXPECT_EQ(title_of({"Siw Kullberg Kanslidirektör 070-884 40 36", "Internationell samverkan"}),
            "Internationell samverkan");
  // A one-word compound of a type word names the document; a word like "eHälsa" is a title.
  EXPECT_EQ(title_of({"region-ostergotland", "Folkhälsostrategi"}), "Folkhälsostrategi");
  EXPECT_EQ(title_of({"eHälsa"}), "eHälsa");
  // A title that starts with the region's name is still a title.
  EXPECT_EQ(title_of({"Region Gävleborgs roll"}), "Region Gävleborgs roll");
}

TEST(Metadata, FillsOnlyEmptyFields) {
  Document doc = corpus_document("stockholm-riktlinjer-internationellt-arbete-2012.txt");
  doc.info.title = "Given";
  doc.info.region = "uppsala";
  doc.info.doc_type = "riktlinjer";
  doc.info.year = 1999;
  detect_metadata(doc, RegionTable::builtin());
  EXPECT_EQ(doc.info.title, "Given");
  EXPECT_EQ(doc.info.region, "uppsala");
  EXPECT_EQ(doc.info.region_name, "Region Uppsala");
  EXPECT_EQ(doc.info.doc_type, "riktlinjer");
  EXPECT_EQ(doc.info.year, 1999);
}

TEST(Metadata, EmptyDocument) {
  Document doc;
  detect_metadata(doc, RegionTable::builtin());
  EXPECT_EQ(doc.info.title, "");
  EXPECT_EQ(doc.info.region, "");
  EXPECT_EQ(doc.info.year, 0);
}

}  // namespace
}  // namespace klausul
