#include "index/term_model_learning.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "index/writer.h"
#include "tests/generated_policy_text.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

std::string stem_of(const std::string& word) {
  const std::vector<std::string> stems = content_stems(word);
  return stems.empty() ? word : stems.front();
}

// Regions' documents of generated sentences (`per_region` each, about eight stems a
// sentence), added in the given order.
void write_archive(Xapian::WritableDatabase& db, const std::vector<std::string>& order,
                   size_t per_region = 1500) {
  const std::vector<std::string> sentences = testing::generated_policy_sentences(3 * per_region);
  IndexWriter writer(db);
  for (const std::string& region : order) {
    const size_t part = region == "stockholm" ? 0 : region == "orebro" ? 1 : 2;
    std::vector<std::string> texts(sentences.begin() + part * per_region,
                                   sentences.begin() + (part + 1) * per_region);
    writer.replace_file(testing::ingested_file("doc-" + region, region, texts));
  }
}

TEST(TermModelLearningTest, WordsUsedAlikeGetCloseVectors) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  write_archive(db, {"stockholm", "orebro", "jonkoping"});
  EXPECT_TRUE(enough_text_to_learn(db));
  const TermModel model = learn_term_model(db);
  ASSERT_FALSE(model.empty());
  const std::string pragla = stem_of("prägla"), genomsyra = stem_of("genomsyra");
  const std::string asfaltera = stem_of("asfaltera");
  // Never in one sentence, always in the same company: the archive ties them.
  EXPECT_GT(model.similarity(pragla, genomsyra), model.similarity(pragla, asfaltera) + 0.2);
  const auto neighbours = model.neighbours(genomsyra, 3, 0.0);
  ASSERT_FALSE(neighbours.empty());
  bool found = false;
  for (const auto& [stem, similarity] : neighbours) found = found || stem == pragla;
  EXPECT_TRUE(found) << "prägla is not among genomsyra's three nearest stems";
}

TEST(TermModelLearningTest, SameContentGivesTheSameModelWhateverTheIngestOrder) {
  testing::TempDir dir;
  Xapian::WritableDatabase first(dir / "a", Xapian::DB_CREATE_OR_OPEN);
  Xapian::WritableDatabase second(dir / "b", Xapian::DB_CREATE_OR_OPEN);
  write_archive(first, {"stockholm", "orebro", "jonkoping"});
  write_archive(second, {"jonkoping", "stockholm", "orebro"});
  const TermModel a = learn_term_model(first);
  const TermModel b = learn_term_model(second);
  EXPECT_EQ(a.signature(), b.signature());
  ASSERT_EQ(a.size(), b.size());
  const std::string pragla = stem_of("prägla"), vag = stem_of("vägarna");
  EXPECT_DOUBLE_EQ(a.similarity(pragla, vag), b.similarity(pragla, vag));
  EXPECT_DOUBLE_EQ(a.similarity(pragla, stem_of("genomsyra")),
                   b.similarity(pragla, stem_of("genomsyra")));
}

TEST(TermModelLearningTest, TooLittleTextLearnsNothing) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  write_archive(db, {"stockholm"}, 1000);
  EXPECT_FALSE(enough_text_to_learn(db));
  EXPECT_TRUE(learn_term_model(db).empty());  // about 8,000 stems
}

// Clauses stored as values and, from indexes written before that, in the document data are
// counted alike, each distinct text once; documents that are not clauses are not counted.
TEST(TermModelLearningTest, EnoughTextCountsDistinctClausesHoweverTheyAreStored) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  auto add = [&](const std::string& text, bool as_value, const std::string& kind) {
    Clause clause;
    clause.text = text;
    Xapian::Document doc;
    if (as_value) doc.add_value(schema::kClauseSlot, clause_to_data(clause));
    else doc.set_data(clause_to_data(clause));
    doc.add_boolean_term(schema::kKindPrefix + kind);
    db.add_document(doc);
  };
  add("Regionen bevakar vården.", true, schema::kClauseKind);         // 3 stems
  add("Landstinget främjar folkhälsan.", false, schema::kClauseKind);  // 3 stems, in the data
  add("Regionen bevakar vården.", true, schema::kClauseKind);         // the same text again
  add("Kommunerna planerar kollektivtrafiken noga.", true, schema::kDocumentKind);
  db.commit();
  ASSERT_EQ(content_stems("Regionen bevakar vården.").size(), 3u);
  ASSERT_EQ(content_stems("Landstinget främjar folkhälsan.").size(), 3u);
  TermModelOptions options;
  options.min_tokens = 6;
  EXPECT_TRUE(enough_text_to_learn(db, options));
  options.min_tokens = 7;
  EXPECT_FALSE(enough_text_to_learn(db, options));
}

TEST(TermModelLearningTest, SignatureChangesWhenTheIndexChanges) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  write_archive(db, {"stockholm"});
  db.commit();
  const std::string before = index_signature(db);
  IndexWriter(db).replace_file(testing::ingested_file("extra", "orebro", {"Ny mening om vården."}));
  db.commit();
  EXPECT_NE(index_signature(db), before);
}

TEST(TermModelLearningTest, ModelLivesInsideAnIndexFolderAndBesideAStub) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "index");
  EXPECT_EQ(term_model_path(dir / "index"), dir / "index/klausul-terms.model");
  EXPECT_EQ(term_model_path(dir / "shards.stub"), dir / "shards.stub.terms.model");
}

}  // namespace
}  // namespace klausul
