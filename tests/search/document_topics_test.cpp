#include "search/document_topics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "index/schema.h"
#include "index/writer.h"
#include "search/open_database.h"
#include "tests/ingested_file.h"
#include "tests/temp_dir.h"

namespace klausul {
namespace {

class DocumentTopicsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase climate(dir / "a", Xapian::DB_CREATE_OR_OPEN);
    Xapian::WritableDatabase budget(dir / "b", Xapian::DB_CREATE_OR_OPEN);
    IndexWriter(climate).replace_file(testing::ingested_file(
        "kli", "stockholm",
        {"Utsläppen av växthusgaser minskar.", "Utsläppen från transporter ska halveras.",
         "Klimatet påverkas av utsläppen från resor."}));
    IndexWriter(budget).replace_file(testing::ingested_file(
        "eko", "orebro", {"Budgeten fastställs av fullmäktige.", "Kostnaderna för resor ökar."}));
    std::ofstream(dir / "local.stub") << "auto " << (dir / "a") << "\nauto " << (dir / "b") << "\n";
    std::ofstream(dir / "remote.stub") << "auto " << (dir / "a") << "\nremote :xapian-progsrv "
                                       << (dir / "b") << "\n";
  }
  testing::TempDir dir;
};

double length(const ClauseVector& vector) {
  double sum = 0;
  for (const auto& [stem, weight] : vector.weights) sum += weight * weight;
  return std::sqrt(sum);
}

TEST_F(DocumentTopicsTest, ATopicIsAUnitVectorOfTheDocumentsStems) {
  const Xapian::Database db = open_for_reading(dir / "local.stub");
  IdfCache idf(db);
  DocumentTopics topics(db, idf, standard_stem_canon());
  topics.load({"kli", "eko", "none"});
  const ClauseVector& climate = topics.topic("kli");
  ASSERT_FALSE(climate.empty());
  EXPECT_NEAR(length(climate), 1.0, 1e-9);
  // "utsläpp" is in all three clauses: the heaviest stem of the topic.
  auto heaviest = std::max_element(climate.weights.begin(), climate.weights.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
  EXPECT_EQ(heaviest->first, "utsläpp");
  // A clause on the climate is closer to the climate document than to the budget.
  const ClauseVector clause =
      vector_of_text(idf, "Utsläppen från tjänsteresor ska minska.", standard_stem_canon());
  EXPECT_GT(cosine(clause, climate), cosine(clause, topics.topic("eko")));
  EXPECT_TRUE(topics.topic("none").empty());  // no such document
}

TEST_F(DocumentTopicsTest, ATopicIsTheVectorOfItsStoredStemList) {
  const Xapian::Database db = open_for_reading(dir / "local.stub");
  IdfCache idf(db);
  DocumentTopics topics(db, idf, standard_stem_canon());
  const std::string term = schema::record_term("kli");
  const std::string stored =
      db.get_document(*db.postlist_begin(term)).get_value(schema::kTopicSlot);
  const ClauseVector expected = vector_of_stem_list(idf, stored, standard_stem_canon());
  const ClauseVector& got = topics.topic("kli");
  ASSERT_EQ(got.weights.size(), expected.weights.size());
  for (size_t i = 0; i < got.weights.size(); ++i) {
    EXPECT_EQ(got.weights[i].first, expected.weights[i].first);
    EXPECT_NEAR(got.weights[i].second, expected.weights[i].second, 1e-12);
  }
}

TEST_F(DocumentTopicsTest, ARemoteShardGivesTheSameTopics) {
  const Xapian::Database local = open_for_reading(dir / "local.stub");
  const Xapian::Database remote = open_for_reading(dir / "remote.stub");
  ASSERT_TRUE(has_remote_shard(remote));
  IdfCache local_idf(local), remote_idf(remote);
  DocumentTopics near_topics(local, local_idf, standard_stem_canon());
  DocumentTopics far_topics(remote, remote_idf, standard_stem_canon());
  far_topics.load({"kli", "eko", "none"});  // one match for all three
  for (const std::string id : {"kli", "eko", "none"}) {
    const ClauseVector& expected = near_topics.topic(id);
    const ClauseVector& got = far_topics.topic(id);
    ASSERT_EQ(got.weights.size(), expected.weights.size()) << id;
    for (size_t i = 0; i < got.weights.size(); ++i) {
      EXPECT_EQ(got.weights[i].first, expected.weights[i].first) << id;
      EXPECT_NEAR(got.weights[i].second, expected.weights[i].second, 1e-12) << id;
    }
  }
  EXPECT_FALSE(far_topics.topic("eko").empty());
}

// Topics are kept for later requests on the same database state (klausul serve); a change of
// the index (here a document whose stems raise the idf of the climate words' rivals) gives
// the topics of the new state, as a request that shares nothing computes them.
TEST_F(DocumentTopicsTest, TopicsKeptForLaterRequestsFollowTheIndex) {
  auto weights_of = [&](const StemCanon& canon) {
    const Xapian::Database db = open_for_reading(dir / "a");
    IdfCache idf(db);
    DocumentTopics topics(db, idf, canon);
    return topics.topic("kli").weights;
  };
  const StemCanon unshared(SynonymTable::standard(), SynonymTable::related());
  const auto before = weights_of(standard_stem_canon());
  EXPECT_EQ(weights_of(standard_stem_canon()), before);  // the kept topic
  {
    Xapian::WritableDatabase db(dir / "a", Xapian::DB_OPEN);
    IndexWriter(db).replace_file(testing::ingested_file(
        "tra", "stockholm", {"Utsläppen från transporter minskar.", "Utsläppen ökar."}));
  }
  const auto after = weights_of(standard_stem_canon());
  EXPECT_NE(after, before);
  const auto fresh = weights_of(unshared);
  ASSERT_EQ(after.size(), fresh.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].first, fresh[i].first);
    EXPECT_NEAR(after[i].second, fresh[i].second, 1e-12);
  }
}

TEST_F(DocumentTopicsTest, ARecordWithoutATopicHasNone) {
  // An index written before topics: the record has no kTopicSlot value.
  {
    Xapian::WritableDatabase db(dir / "a", Xapian::DB_OPEN);
    const std::string term = schema::record_term("kli");
    Xapian::Document record = db.get_document(*db.postlist_begin(term));
    record.remove_value(schema::kTopicSlot);
    db.replace_document(term, record);
  }
  const Xapian::Database db = open_for_reading(dir / "local.stub");
  IdfCache idf(db);
  DocumentTopics topics(db, idf, standard_stem_canon());
  EXPECT_TRUE(topics.topic("kli").empty());
  EXPECT_FALSE(topics.topic("eko").empty());
}

}  // namespace
}  // namespace klausul
