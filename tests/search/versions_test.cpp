#include <gtest/gtest.h>

#include "search/versions.h"

namespace klausul {
namespace {

DocumentInfo doc(const std::string& id, const std::string& title, const std::string& decided,
                 const std::string& dnr = "", const std::string& region = "stockholm") {
  DocumentInfo d;
  d.id = id;
  d.path = "/a/" + id + ".pdf";
  d.title = title;
  d.region = region;
  d.doc_type = "riktlinjer";
  d.diarienummer = dnr;
  if (!decided.empty()) d.validity.decided = ValidityFact{decided, 1, "Beslutad " + decided};
  return d;
}

ValidityFact said(const std::string& value, int clause = 4) {
  return ValidityFact{value, clause, "... " + value + " ..."};
}

const std::string kToday = "2024-05-01";

TEST(Versions, ReplacementNamedByDiarienummer) {
  DocumentInfo old_doc = doc("old", "Riktlinjer för internationellt arbete", "2005-03-01", "LS 0510-1724");
  DocumentInfo new_doc = doc("new", "Riktlinjer för landstingets internationella arbete", "2012-11-13", "LS 1103-0413");
  new_doc.validity.replaces.push_back(said("LS 0510-1724", 14));
  const VersionIndex v = VersionIndex::build({old_doc, new_doc}, kToday);
  EXPECT_EQ(v.state("old").status, VersionStatus::replaced);
  EXPECT_EQ(v.state("old").replaced_by, "new");
  EXPECT_EQ(v.state("old").reason_clause, "new:14");
  EXPECT_NE(v.state("old").reason.find("LS 0510-1724"), std::string::npos);
  EXPECT_EQ(v.state("new").status, VersionStatus::in_force);
  ASSERT_EQ(v.chain("old").size(), 2u);
  EXPECT_EQ(v.chain("old")[0]->id, "old");
  EXPECT_EQ(v.chain("new")[1]->id, "new");
  EXPECT_TRUE(v.hidden("old"));
  EXPECT_FALSE(v.hidden("new"));
  EXPECT_EQ(v.hidden_documents(), std::vector<std::string>{"old"});
}

TEST(Versions, OtherRegionsAreNeverReplaced) {
  DocumentInfo old_doc = doc("old", "Policy", "2005-03-01", "LS 0510-1724", "orebro");
  DocumentInfo new_doc = doc("new", "Policy", "2012-11-13");
  new_doc.validity.replaces.push_back(said("LS 0510-1724"));
  const VersionIndex v = VersionIndex::build({old_doc, new_doc}, kToday);
  EXPECT_EQ(v.state("old").status, VersionStatus::unknown);
}

TEST(Versions, ANamedDocumentDatedAfterTheReplacementIsNotReplaced) {
  DocumentInfo old_doc = doc("old", "Policy A", "2015-03-01", "RS 1");
  DocumentInfo new_doc = doc("new", "Policy B", "2012-11-13");
  new_doc.validity.replaces.push_back(said("RS 1"));
  const VersionIndex v = VersionIndex::build({old_doc, new_doc}, kToday);
  EXPECT_NE(v.state("old").status, VersionStatus::replaced);
}

TEST(Versions, ReplacementNotYetInForce) {
  DocumentInfo old_doc = doc("old", "Policy", "2015-03-01", "RS 1");
  DocumentInfo new_doc = doc("new", "Policy", "2024-04-01");
  new_doc.validity.valid_from = said("2025-01-01");
  new_doc.validity.replaces.push_back(said("RS 1"));
  const VersionIndex v = VersionIndex::build({old_doc, new_doc}, kToday);
  EXPECT_NE(v.state("old").status, VersionStatus::replaced);
  EXPECT_NE(v.state("old").reason.find("när den träder i kraft"), std::string::npos);
}

TEST(Versions, ExpiredOnlyWithAFullEndDate) {
  DocumentInfo dated = doc("dated", "Plan A", "2015-03-01");
  dated.validity.valid_to = said("2018-12-31");
  DocumentInfo year_only = doc("year", "Plan B", "2012-10-02");
  year_only.validity.valid_to = said("2017");
  DocumentInfo open = doc("open", "Plan C", "2016-03-01");
  open.validity.valid_to = said("tills vidare");
  DocumentInfo future = doc("future", "Plan D", "2020-03-01");
  future.validity.valid_to = said("2026-12-31");
  const VersionIndex v = VersionIndex::build({dated, year_only, open, future}, kToday);
  EXPECT_EQ(v.state("dated").status, VersionStatus::expired);
  EXPECT_EQ(v.state("dated").reason_clause, "dated:4");
  EXPECT_EQ(v.state("year").status, VersionStatus::unknown);
  EXPECT_NE(v.state("year").reason.find("bara årtal"), std::string::npos);
  EXPECT_EQ(v.state("open").status, VersionStatus::in_force);
  EXPECT_EQ(v.state("future").status, VersionStatus::in_force);
}

TEST(Versions, TitleSeriesNeedsTheTextCheckAndALaterDate) {
  DocumentInfo a = doc("a", "Policy för internationellt arbete 2011", "2011-02-01");
  DocumentInfo b = doc("b", "Policy för internationellt arbete 2016", "2016-02-01");
  DocumentInfo c = doc("c", "Policy för internationellt arbete", "2016-02-01");  // same date as b
  const VersionIndex without = VersionIndex::build({a, b}, kToday);
  EXPECT_EQ(without.state("a").status, VersionStatus::unknown);
  int checks = 0;
  auto aligned = [&checks](const DocumentInfo&, const DocumentInfo&) {
    ++checks;
    return true;
  };
  const VersionIndex with = VersionIndex::build({a, b, c}, kToday, aligned);
  EXPECT_EQ(with.state("a").status, VersionStatus::replaced);
  EXPECT_EQ(with.state("b").status, VersionStatus::in_force);
  EXPECT_EQ(with.state("c").status, VersionStatus::in_force) << "same date: a copy, not a version";
  EXPECT_EQ(checks, 2);  // a->b and a->c; b and c have the same date
  auto differ = [](const DocumentInfo&, const DocumentInfo&) { return false; };
  EXPECT_EQ(VersionIndex::build({a, b}, kToday, differ).state("a").status, VersionStatus::unknown);
}

TEST(Versions, ManifestStatusWins) {
  DocumentInfo d = doc("d", "Policy", "2011-02-01");
  d.validity.status = ValidityFact{"utgången", 0, "manifest /a/klausul.csv rad 3"};
  const VersionIndex v = VersionIndex::build({d}, kToday);
  EXPECT_EQ(v.state("d").status, VersionStatus::expired);
  EXPECT_NE(v.state("d").reason.find("manifest /a/klausul.csv rad 3"), std::string::npos);
}

TEST(Versions, UnknownIdsAndNames) {
  const VersionIndex v = VersionIndex::build({}, kToday);
  EXPECT_EQ(v.state("nope").status, VersionStatus::unknown);
  EXPECT_TRUE(v.chain("nope").empty());
  EXPECT_EQ(version_status_name(VersionStatus::in_force), "gällande");
  EXPECT_EQ(version_status_name(VersionStatus::replaced), "ersatt");
  EXPECT_EQ(version_status_name(VersionStatus::expired), "utgången");
  EXPECT_EQ(version_status_name(VersionStatus::unknown), "okänd");
  EXPECT_EQ(title_series_key("Riktlinjer för Internationellt arbete 2012–2016"),
            "riktlinjer for internationellt arbete");
  EXPECT_EQ(title_series_key("Handlingsplan 2 för 2019"), "handlingsplan 2 for");
}

}  // namespace
}  // namespace klausul
