#include <gtest/gtest.h>

#include "ingest/error.h"
#include "ingest/manifest.h"

namespace klausul {
namespace {

TEST(Manifest, CommaSeparatedWithHeaderInAnyOrder) {
  const Manifest m = Manifest::parse(
      "title,path,year,region,type\n"
      "Policy A,a.txt,2011,jonkoping,policy\n",
      "/data/corpus");
  auto e = m.lookup("/data/corpus/a.txt");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->path, "/data/corpus/a.txt");
  EXPECT_EQ(e->title, "Policy A");
  EXPECT_EQ(e->year, 2011);
  EXPECT_EQ(e->region, "jonkoping");
  EXPECT_EQ(e->doc_type, "policy");
  EXPECT_FALSE(m.lookup("/data/corpus/b.txt"));
}

TEST(Manifest, SemicolonSeparatedAsSwedishExcelWrites) {
  const Manifest m = Manifest::parse(
      "\xEF\xBB\xBFpath;region;organisation;doc_type;year;title;charset\r\n"
      "# a comment line\r\n"
      "b.txt;orebro;Ledningskansliet, Örebro;riktlinjer;;Riktlinjer, utkast;windows-1252\r\n",
      "/data");
  auto e = m.lookup("/data/b.txt");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->organisation, "Ledningskansliet, Örebro");
  EXPECT_EQ(e->title, "Riktlinjer, utkast");
  EXPECT_EQ(e->year, 0);
  EXPECT_EQ(e->charset, "windows-1252");
}

TEST(Manifest, QuotedFieldsHoldDelimiterNewlineAndQuotes) {
  const Manifest m = Manifest::parse(
      "path,title,organisation\n"
      "\"c, d.txt\",\"Rad ett\nrad två\",\"Sägs \"\"så\"\"\"\n"
      "e.txt,E,\n",
      "/x");
  auto c = m.lookup("/x/c, d.txt");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->title, "Rad ett\nrad två");
  EXPECT_EQ(c->organisation, "Sägs \"så\"");
  auto e = m.lookup("/x/e.txt");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->title, "E");
}

TEST(Manifest, FolderEntriesApplyBelowAndExactEntriesWin) {
  const Manifest m = Manifest::parse(
      "path,region,doc_type,title\n"
      "stockholm/,stockholm,riktlinjer,\n"
      "stockholm/2012,,tjänsteutlåtande,\n"
      "stockholm/2012/tu.pdf,,,Tjänsteutlåtande om riktlinjer\n"
      "./other/../orebro,orebro,,\n",
      "/corpus");
  auto deep = m.lookup("/corpus/stockholm/2012/sub/x.pdf");
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->doc_type, "tjänsteutlåtande");  // deepest folder
  EXPECT_EQ(deep->region, "stockholm");           // filled from the folder above
  auto exact = m.lookup("/corpus/stockholm/2012/tu.pdf");
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->title, "Tjänsteutlåtande om riktlinjer");
  EXPECT_EQ(exact->path, "/corpus/stockholm/2012/tu.pdf");
  auto shallow = m.lookup("/corpus/stockholm/a.txt");
  ASSERT_TRUE(shallow);
  EXPECT_EQ(shallow->doc_type, "riktlinjer");
  EXPECT_EQ(m.lookup("/corpus/orebro/./x/../y.txt")->region, "orebro");  // normalised
  EXPECT_FALSE(m.lookup("/corpus/stockholmx/a.txt"));  // components, not string prefixes
  EXPECT_FALSE(m.lookup("/elsewhere/stockholm/a.txt"));
}

TEST(Manifest, MergeLetsTheOtherManifestWin) {
  Manifest a = Manifest::parse("path,title\nx.txt,A\ny.txt,Y\n", "/d");
  const Manifest b = Manifest::parse("path;title\nx.txt;B\nz.txt;Z\n", "/d");
  a.merge(b);
  EXPECT_EQ(a.lookup("/d/x.txt")->title, "B");
  EXPECT_EQ(a.lookup("/d/y.txt")->title, "Y");
  EXPECT_EQ(a.lookup("/d/z.txt")->title, "Z");
}

TEST(Manifest, ErrorsNameTheLine) {
  try {
    Manifest::parse("# comment\ntitle,year\nA,2011\n", "/d");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Manifest::parse("path,year\na.txt,nineteen\n", "/d"), UsageError);
  EXPECT_THROW(Manifest::load("/nonexistent/klausul.csv"), UsageError);
  EXPECT_TRUE(Manifest::parse("", "/d").empty());
}

TEST(Manifest, CorpusManifestCoversTheSeeds) {
  const Manifest m = Manifest::load(KLAUSUL_SOURCE_DIR "/corpus/klausul.csv");
  const std::string dir = KLAUSUL_SOURCE_DIR "/corpus/";
  auto jkpg = m.lookup(dir + "jonkoping-policy-internationellt-arbete-2011.txt");
  ASSERT_TRUE(jkpg);
  EXPECT_EQ(jkpg->region, "jonkoping");
  EXPECT_EQ(jkpg->year, 2011);
  EXPECT_EQ(jkpg->title, "Internationellt arbete - Policy och strategiska mål");
  auto pdf = m.lookup(dir + "stockholm-riktlinjer-internationellt-arbete-2012.pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->doc_type, "tjänsteutlåtande");
  EXPECT_EQ(pdf->organisation, "Landstingsstyrelsens förvaltning");
  auto slides = m.lookup(dir + "stockholm-pa-vag-mot-nya-riktlinjer-slides.txt");
  ASSERT_TRUE(slides);
  EXPECT_EQ(slides->organisation, "Tillväxt, miljö och regionplanering");
  EXPECT_EQ(slides->doc_type, "presentation");
  for (const char* name : {"orebro-riktlinjer-internationellt-engagemang.txt",
                           "stockholm-internationella-funktionen-webb.txt",
                           "stockholm-riktlinjer-internationellt-arbete-2012.txt"}) {
    EXPECT_TRUE(m.lookup(dir + name)) << name;
  }
}

TEST(Manifest, ValidityColumnsWithTheirLine) {
  const Manifest manifest = Manifest::parse(
      "path;decided;valid_to;replaces;status\n"
      "a.pdf;2015-06-10;2018-12-31;LS 1 | Policy för resor;Utgången\n"
      "folder;2001-01-01;;;\n",
      "/m", "/m/klausul.csv");
  const auto a = manifest.lookup("/m/a.pdf");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->decided, "2015-06-10");
  EXPECT_EQ(a->valid_to, "2018-12-31");
  EXPECT_EQ(a->replaces, "LS 1 | Policy för resor");
  EXPECT_EQ(a->status, "utgången");
  EXPECT_EQ(a->origin, "manifest /m/klausul.csv rad 2");
  const auto below = manifest.lookup("/m/folder/b.pdf");
  ASSERT_TRUE(below);
  EXPECT_TRUE(below->decided.empty()) << "a folder line says nothing about one document's validity";
}

TEST(Manifest, BadStatusNamesTheLine) {
  EXPECT_THROW(Manifest::parse("path,status\na.pdf,kanske\n", "/m"), UsageError);
}

}  // namespace
}  // namespace klausul
