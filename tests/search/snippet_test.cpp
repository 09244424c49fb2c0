#include "search/snippet.h"

#include <gtest/gtest.h>

#include "index/analyzer.h"
#include "index/writer.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

// An index of a few clauses and a match for "bevaka EU", as search makes them.
class SnippetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter(db).replace_file(testing::ingested_file(
        "ore", "orebro",
        {kShort, std::string(kLongStart) + " Landstinget bevakar EU:s beslut. " + kLongEnd}));
    db.commit();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zbevak"),
                                    Xapian::Query("Zeu")));
    mset = enquire.get_mset(0, 10);
  }
  // Xapian's own snippet with the background model, as klausul made every snippet before.
  std::string with_background_model(const std::string& text, size_t length) const {
    return mset.snippet(text, length, swedish_stemmer(),
                        Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                            Xapian::MSet::SNIPPET_EXHAUSTIVE,
                        "<b>", "</b>", "…");
  }
  static constexpr const char* kShort =
      "Regionen ska bevaka frågor i EU som rör vården och påverka dem i ett tidigt skede.";
  static constexpr const char* kLongStart =
      "Regionens internationella arbete omfattar samverkan med andra regioner i Europa, "
      "deltagande i nätverk och projekt samt utbyte av kunskap inom vård och utveckling.";
  static constexpr const char* kLongEnd =
      "Arbetet följs upp varje år av regionstyrelsen, som rapporterar till fullmäktige om "
      "resultat, kostnader och erfarenheter, och föreslår vilka nätverk som ska lämnas.";
  testing::TempDir dir;
  Xapian::WritableDatabase db{dir / "db", Xapian::DB_CREATE_OR_OPEN};
  Xapian::MSet mset;
};

TEST_F(SnippetTest, AShortTextIsShownWholeWithTheMatchesMarked) {
  const std::string text = kShort;
  const std::string snippet = make_snippet(mset, text);
  EXPECT_EQ(snippet,
            "Regionen ska <b>bevaka</b> frågor i <b>EU</b> som rör vården och påverka dem i ett "
            "tidigt skede.");
  // Without the background model (not needed for a text that fits) it is what it was.
  EXPECT_EQ(snippet, with_background_model(text, 240));
}

TEST_F(SnippetTest, ALongTextShowsThePartWithTheMatch) {
  const std::string text =
      std::string(kLongStart) + " Landstinget bevakar EU:s beslut. " + kLongEnd;
  ASSERT_GT(text.size(), 240u);
  const std::string snippet = make_snippet(mset, text);
  EXPECT_NE(snippet.find("<b>bevakar</b>"), std::string::npos) << snippet;
  EXPECT_LT(snippet.size(), text.size());
  EXPECT_NE(snippet.find("…"), std::string::npos) << snippet;  // the text was cut
}

TEST(SnippetForTerminal, BoldAndEntities) {
  EXPECT_EQ(snippet_for_terminal("a <b>EU</b> &amp; &lt;x&gt;", false), "a «EU» & <x>");
  EXPECT_EQ(snippet_for_terminal("<b>EU</b>", true), "\033[1mEU\033[0m");
}

}  // namespace
}  // namespace klausul
