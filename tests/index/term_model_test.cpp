#include "index/term_model.h"

#include <gtest/gtest.h>

#include <fstream>

#include "ingest/error.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

TermModel three_stem_model() {
  TermModel model(3, "12/345");
  model.add("prägl", {1.0f, 0.1f, 0.0f}, 5);
  model.add("genomsyr", {0.9f, 0.2f, 0.0f}, 4);
  model.add("asfalter", {0.0f, 0.0f, 2.0f}, 9);
  model.add("sällsynt", {1.0f, 0.1f, 0.01f}, 1);  // seen once: never anybody's neighbour
  return model;
}

TEST(TermModelTest, VectorsAreUnitLengthAndSimilarityIsTheirCosine) {
  const TermModel model = three_stem_model();
  EXPECT_NEAR(model.similarity("asfalter", "asfalter"), 1.0, 1e-6);
  EXPECT_GT(model.similarity("prägl", "genomsyr"), 0.95);
  EXPECT_NEAR(model.similarity("prägl", "asfalter"), 0.0, 1e-6);
  EXPECT_EQ(model.similarity("prägl", "okänd"), 0.0);
  EXPECT_EQ(model.find("okänd"), nullptr);
}

TEST(TermModelTest, NeighboursAreFrequentStemsBestFirstAboveTheMinimum) {
  const TermModel model = three_stem_model();
  const auto neighbours = model.neighbours("prägl", 5, 0.5);
  ASSERT_EQ(neighbours.size(), 1u);  // not itself, not the rare stem, not the far one
  EXPECT_EQ(neighbours[0].first, "genomsyr");
  EXPECT_TRUE(model.neighbours("okänd", 5, 0.0).empty());
}

// neighbours() remembers its answers; a stem added later is not hidden by what it remembered,
// neither in the model nor in a copy made before.
TEST(TermModelTest, RememberedNeighboursFollowStemsAddedLater) {
  TermModel model = three_stem_model();
  ASSERT_EQ(model.neighbours("prägl", 5, 0.5).size(), 1u);
  const TermModel before = model;
  model.add("genomsyrad", {1.0f, 0.15f, 0.0f}, 6);
  const auto now = model.neighbours("prägl", 5, 0.5);
  ASSERT_EQ(now.size(), 2u);
  EXPECT_EQ(now[0].first, "genomsyrad");
  EXPECT_EQ(model.neighbours("prägl", 5, 0.5), now);  // the same when asked again
  EXPECT_EQ(before.neighbours("prägl", 5, 0.5).size(), 1u);
  EXPECT_EQ(model.neighbours("prägl", 1, 0.5).size(), 1u);  // another count, another answer
}

TEST(TermModelTest, SavedModelLoadsIdentically) {
  testing::TempDir dir;
  const TermModel model = three_stem_model();
  const std::string path = dir / "terms.model";
  model.save(path);
  const TermModel loaded = TermModel::load(path);
  EXPECT_EQ(loaded.size(), model.size());
  EXPECT_EQ(loaded.signature(), "12/345");
  EXPECT_EQ(TermModel::read_signature(path), "12/345");
  EXPECT_DOUBLE_EQ(loaded.similarity("prägl", "genomsyr"), model.similarity("prägl", "genomsyr"));
}

TEST(TermModelTest, TruncatedOrMissingModelIsAnErrorNamingThePath) {
  testing::TempDir dir;
  const std::string path = dir / "terms.model";
  three_stem_model().save(path);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  try {
    TermModel::load(path);
    FAIL() << "a truncated model loaded";
  } catch (const IndexError& error) {
    EXPECT_NE(std::string(error.what()).find(path), std::string::npos) << error.what();
  }
  EXPECT_THROW(TermModel::load(dir / "missing.model"), IndexError);
  EXPECT_EQ(TermModel::read_signature(dir / "missing.model"), "");
}

}  // namespace
}  // namespace klausul
