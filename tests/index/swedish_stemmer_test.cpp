#include "index/swedish_stemmer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace klausul {
namespace {

void expect_same_stem(std::initializer_list<std::string> words) {
  std::string first = stem_swedish(*words.begin());
  for (const std::string& w : words) EXPECT_EQ(stem_swedish(w), first) << w << " vs " << *words.begin();
}

TEST(SwedishStemmer, DefiniteNeuterEt) {
  expect_same_stem({"möte", "mötet", "möten", "mötena"});
  expect_same_stem({"samarbete", "samarbetet", "samarbeten"});
  expect_same_stem({"arbete", "arbetet", "arbeten"});
  expect_same_stem({"landsting", "landstinget", "landstingets"});
}

TEST(SwedishStemmer, DefiniteAn) {
  expect_same_stem({"hälsa", "hälsan", "hälsans"});
  expect_same_stem({"fråga", "frågan", "frågor"});
}

TEST(SwedishStemmer, AdjectiveNeuter) {
  expect_same_stem({"internationellt", "internationell", "internationella"});
  expect_same_stem({"aktivt", "aktiv", "aktiva"});
  expect_same_stem({"regionalt", "regional", "regionala"});
  expect_same_stem({"nytt", "ny", "nya"});
  expect_same_stem({"gemensam", "gemensamma", "gemensamt"});
}

TEST(SwedishStemmer, DoesNotOverStem) {
  EXPECT_NE(stem_swedish("svart"), stem_swedish("svar"));    // black is not an answer
  EXPECT_NE(stem_swedish("arbete"), stem_swedish("arbetare"));
  EXPECT_NE(stem_swedish("verksamhet"), stem_swedish("verksam"));
  EXPECT_NE(stem_swedish("viktig"), stem_swedish("vikt"));
  EXPECT_EQ(stem_swedish("budget"), stem_swedish("budgeten"));  // -et is part of budget
  EXPECT_EQ(stem_swedish("budget"), "budget");
}

TEST(SwedishStemmer, WorksAsXapianStemmer) {
  Xapian::Stem stem(new SwedishStemmer);
  EXPECT_EQ(stem.get_description(), "Xapian::Stem(swedish-klausul)");
  EXPECT_EQ(stem("mötet"), stem("möte"));

  Xapian::TermGenerator generator;
  generator.set_stemmer(stem);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text("hälsan");
  EXPECT_EQ(*doc.termlist_begin(), "Z" + stem_swedish("hälsa"));
}

TEST(SwedishStemmer, ThreadSafe) {
  const std::vector<std::string> words = {"mötet", "hälsan", "internationellt", "nytt",
                                          "landstingets", "verksamheterna", "arbetarna"};
  std::vector<std::string> expected;
  for (const auto& w : words) expected.push_back(stem_swedish(w));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < 500; ++r)
        for (std::size_t i = 0; i < words.size(); ++i)
          if (stem_swedish(words[i]) != expected[i]) ++failures[t];
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

// tests/fixtures/stem_pairs.tsv: "same" families must share a stem, "diff" pairs must not.
TEST(SwedishStemmer, HandCheckedPairs) {
  std::ifstream in(KLAUSUL_SOURCE_DIR "/tests/fixtures/stem_pairs.tsv");
  ASSERT_TRUE(in) << "missing tests/fixtures/stem_pairs.tsv";
  int same = 0, same_ok = 0, diff = 0, diff_ok = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string kind = line.substr(0, tab);
    std::istringstream words(line.substr(tab + 1));
    std::vector<std::string> stems;
    for (std::string w; words >> w;) stems.push_back(stem_swedish(w));
    ASSERT_GE(stems.size(), 2u) << line;
    bool all_same = std::all_of(stems.begin(), stems.end(),
                                [&](const std::string& s) { return s == stems[0]; });
    if (kind == "same") {
      ++same;
      if (all_same) ++same_ok;
      else std::cout << "  not conflated: " << line.substr(tab + 1) << "\n";
    } else {
      ASSERT_EQ(kind, "diff") << line;
      ++diff;
      if (stems[0] != stems[1]) ++diff_ok;
      else std::cout << "  wrongly conflated: " << line.substr(tab + 1) << "\n";
    }
  }
  ASSERT_GE(same, 150);
  ASSERT_GE(diff, 50);
  double held = double(same_ok + diff_ok) / (same + diff);
  std::cout << "[klausul-figures] swedish_stemmer stem_pairs: same " << same_ok << "/" << same
            << ", diff " << diff_ok << "/" << diff << ", held " << held * 100 << "%\n";
  EXPECT_GE(held, 0.95);
  EXPECT_GE(double(same_ok) / same, 0.95);
  EXPECT_GE(double(diff_ok) / diff, 0.95);
}

}  // namespace
}  // namespace klausul
