#include "index/compound_splitter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace klausul {
namespace {

using Parts = std::vector<std::string>;

TEST(CompoundSplitter, NamedExamples) {
  EXPECT_EQ(split_compound("landstingsfullmäktige"), (Parts{"landsting", "fullmäktige"}));
  EXPECT_EQ(split_compound("vänortssamarbeten"), (Parts{"vänort", "samarbeten"}));
  EXPECT_EQ(split_compound("kompetensutveckling"), (Parts{"kompetens", "utveckling"}));
  EXPECT_EQ(split_compound("sammanhållningspolitiken"), (Parts{"sammanhållning", "politiken"}));
  EXPECT_EQ(split_compound("mazovieregionen"), (Parts{"mazovie", "regionen"}));
  EXPECT_EQ(split_compound("hälsokommunikatörer"), (Parts{"hälsa", "kommunikatörer"}));
  EXPECT_EQ(split_compound("verksamhetsutveckling"), (Parts{"verksamhet", "utveckling"}));
  EXPECT_EQ(split_compound("landstingsövergripande"), (Parts{"landsting", "övergripande"}));
  EXPECT_EQ(split_compound("kompetensutvecklingsinsatser"),
            (Parts{"kompetens", "utveckling", "insatser"}));
  EXPECT_EQ(split_compound("kvalitetsmodeller"), (Parts{"kvalitet", "modeller"}));
}

TEST(CompoundSplitter, LeavesNonCompoundsAlone) {
  for (const char* w : {"regional", "utveckling", "internationellt", "landsting", "fullmäktige",
                        "verksamhet", "övergripande", "kompetens", "eu-frågor", "2014-2017",
                        "", "och"}) {
    EXPECT_TRUE(split_compound(w).empty()) << w;
  }
}

TEST(CompoundSplitter, DefiniteFormsAreNeverFirstParts) {
  // "föret" (före + definite -t) is a word, but no compound starts with it.
  EXPECT_TRUE(split_compound("företrädarna").empty());
  EXPECT_EQ(split_compound("mötesplats"), (Parts{"möte", "plats"}));  // the bare form still is
}

TEST(CompoundSplitter, PermissiveSplitsShortKnownCompounds) {
  EXPECT_TRUE(split_compound("sjukvård").empty());  // both parts are short: not split
  EXPECT_EQ(split_compound_permissive("sjukvård"), (Parts{"sjuk", "vård"}));
  EXPECT_TRUE(split_compound_permissive("regional").empty());
}

struct Case {
  std::string word;
  Parts expected;
};

std::vector<Case> load_cases() {
  std::ifstream in(KLAUSUL_SOURCE_DIR "/tests/fixtures/compounds.tsv");
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    Case c{line.substr(0, tab), {}};
    std::string parts = tab == std::string::npos ? "" : line.substr(tab + 1);
    for (std::size_t start = 0; !parts.empty() && start <= parts.size();) {
      std::size_t plus = parts.find('+', start);
      if (plus == std::string::npos) plus = parts.size();
      c.expected.push_back(parts.substr(start, plus - start));
      start = plus + 1;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string joined(const Parts& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : "+") + p;
  return s;
}

// Precision: of the words the splitter splits, how many exactly as expected. Recall: of the
// expected compounds, how many are split exactly as expected.
TEST(CompoundSplitter, PrecisionAndRecallOnHandCheckedWords) {
  std::vector<Case> cases = load_cases();
  ASSERT_GE(cases.size(), 300u);
  int split = 0, split_right = 0, compounds = 0, compounds_found = 0, non_compounds = 0;
  for (const Case& c : cases) {
    Parts got = split_compound(c.word);
    if (c.expected.empty()) ++non_compounds;
    else ++compounds;
    if (!got.empty()) {
      ++split;
      if (got == c.expected) ++split_right;
    }
    if (!c.expected.empty() && got == c.expected) ++compounds_found;
    if (got != c.expected)
      std::cout << "  " << c.word << ": got '" << joined(got) << "', expected '"
                << joined(c.expected) << "'\n";
  }
  ASSERT_GE(non_compounds, 80);
  double precision = double(split_right) / split, recall = double(compounds_found) / compounds;
  std::cout << "[klausul-figures] compound_splitter: " << cases.size() << " words ("
            << compounds << " compounds), precision " << precision << " (" << split_right << "/"
            << split << "), recall " << recall << " (" << compounds_found << "/" << compounds
            << ")\n";
  EXPECT_GE(precision, 0.9);
  EXPECT_GE(recall, 0.8);
}

}  // namespace
}  // namespace klausul
