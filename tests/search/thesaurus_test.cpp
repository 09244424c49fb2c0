#include "search/thesaurus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "index/swedish_stemmer.h"

namespace klausul {
namespace {

bool related(const Thesaurus& thesaurus, const std::string& a, const std::string& b) {
  const auto& list = thesaurus.related(stem_swedish(a));
  return std::find(list.begin(), list.end(), stem_swedish(b)) != list.end();
}

Thesaurus from(const std::string& dat) {
  std::istringstream in(dat);
  return Thesaurus(in);
}

TEST(ThesaurusTest, ReadsLatin1EntriesAsStemsBothWays) {
  // "företrädare" and "ombud" in ISO-8859-1, as the Debian file is encoded.
  const Thesaurus thesaurus = from(
      "ISO-8859-1\nf\xf6retr\xe4" "dare|1\n|representant|ombud\nmandat|1\n|fullmakt|uppdrag\n");
  EXPECT_TRUE(related(thesaurus, "företrädare", "ombud"));
  EXPECT_TRUE(related(thesaurus, "ombud", "företrädare"));  // symmetric
  EXPECT_TRUE(related(thesaurus, "mandatet", "uppdragen"));  // inflected forms meet as stems
  EXPECT_FALSE(related(thesaurus, "mandat", "mandat"));
  EXPECT_EQ(thesaurus.size(), 6u);
}

TEST(ThesaurusTest, IsNotTransitive) {
  const Thesaurus thesaurus = from("UTF-8\nuppdrag|1\n|mission\nmission|1\n|beskickning\n");
  EXPECT_TRUE(related(thesaurus, "uppdrag", "mission"));
  EXPECT_TRUE(related(thesaurus, "mission", "beskickning"));
  EXPECT_FALSE(related(thesaurus, "uppdrag", "beskickning"));
}

TEST(ThesaurusTest, SkipsPhrasesAnnotationsAndShortWords) {
  const Thesaurus thesaurus = from(
      "UTF-8\nbidra till|1\n|tillföra\nsamråd|2\n(substantiv)|konsultation (formellt)|"
      "överläggning med parterna\n-|ge|rådslag\n");
  EXPECT_TRUE(thesaurus.related(stem_swedish("tillföra")).empty());  // phrase headword
  EXPECT_TRUE(related(thesaurus, "samråd", "konsultation"));          // annotation dropped
  EXPECT_TRUE(related(thesaurus, "samråd", "rådslag"));               // second meaning line
  EXPECT_FALSE(related(thesaurus, "samråd", "ge"));                   // too short to tell
  EXPECT_TRUE(thesaurus.related(stem_swedish("parterna")).empty());   // phrase synonym
}

TEST(ThesaurusTest, WindowsLineEndsEmptyFieldsAndAWordInManyEntries) {
  const Thesaurus thesaurus = from(
      "UTF-8\r\nmandat|1\r\n|fullmakt||uppdrag|\r\nuppgift|1\r\n|uppdrag|plikt\r\n");
  EXPECT_TRUE(related(thesaurus, "mandat", "uppdrag"));  // the last field, before its CR
  EXPECT_TRUE(related(thesaurus, "mandat", "fullmakt"));
  EXPECT_EQ(thesaurus.related(stem_swedish("uppdrag")).size(), 2u);  // mandat and uppgift
  EXPECT_TRUE(related(thesaurus, "uppgift", "plikt"));
}

TEST(ThesaurusTest, MalformedInputIsAnEmptyThesaurusNotACrash) {
  EXPECT_FALSE(from("").available());
  EXPECT_FALSE(from("KOI8-NOPE\n\xff\xfe|||\n").available());
  EXPECT_FALSE(from("UTF-8\n|orphan|synonyms\n").available());  // no headword before them
}

TEST(ThesaurusTest, TheInstalledSwedishThesaurusIsFound) {
  // tools/bootstrap installs mythes-sv; similar and compare rely on it.
  const Thesaurus& thesaurus = Thesaurus::system();
  ASSERT_TRUE(thesaurus.available()) << "mythes-sv missing: run tools/bootstrap";
  EXPECT_GT(thesaurus.size(), 10000u);
  EXPECT_TRUE(related(thesaurus, "mandat", "uppdrag"));
  EXPECT_TRUE(related(thesaurus, "kunskap", "kompetens"));
}

}  // namespace
}  // namespace klausul
