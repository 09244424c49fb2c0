#include <gtest/gtest.h>

#include "ingest/validity.h"
#include "tests/ingested_file.h"

namespace klausul {
namespace {

using testing::clause_with;

std::vector<Clause> clauses_of(std::initializer_list<const char*> texts) {
  std::vector<Clause> clauses;
  for (const char* text : texts) {
    Clause clause;
    clause.ordinal = static_cast<int>(clauses.size()) + 1;
    clause.document_id = "d";
    clause.id = "d:" + std::to_string(clause.ordinal);
    clause.text = text;
    clauses.push_back(clause);
  }
  return clauses;
}

TEST(ParseSwedishDate, IsoWrittenAndYear) {
  EXPECT_EQ(parse_swedish_date("2012-10-02 § 12"), "2012-10-02");
  EXPECT_EQ(parse_swedish_date(" 24 september 2012"), "2012-09-24");
  EXPECT_EQ(parse_swedish_date("1 januari 2013 till"), "2013-01-01");
  EXPECT_EQ(parse_swedish_date("år 2017 då"), "2017");
  EXPECT_EQ(parse_swedish_date("2017"), "2017");
  EXPECT_EQ(parse_swedish_date("alla medarbetare"), "");
  EXPECT_EQ(parse_swedish_date("2012-13-40"), "");
  std::size_t consumed = 0;
  EXPECT_EQ(parse_swedish_date("31 December 2012, och", &consumed), "2012-12-31");
  EXPECT_EQ(consumed, 16u);
}

TEST(DiarienummerKey, IgnoresSpacesAndCase) {
  EXPECT_EQ(diarienummer_key("ls 0510-1724"), "LS0510-1724");
  EXPECT_EQ(diarienummer_key("LS0510-1724"), "LS0510-1724");
}

TEST(DetectValidity, DecisionInTheHeadWithBodyAndDate) {
  const Validity v = detect_validity(
      clauses_of({"Policy för internationellt arbete",
                  "Beslutad av regionfullmäktige den 24 september 2012, § 87"}),
      "");
  EXPECT_EQ(v.decided.value, "2012-09-24");
  EXPECT_EQ(v.decided.clause, 2);
  EXPECT_EQ(v.decided_by.value, "regionfullmäktige");
  EXPECT_NE(v.decided.quote.find("Beslutad av regionfullmäktige"), std::string::npos);
}

TEST(DetectValidity, LabelledApprovalBlock) {
  const Validity v = detect_validity(
      clauses_of({"Riktlinjer för resor", "Fastställd: 2015-06-10", "Beslutsinstans: Regionstyrelsen",
                  "Giltig till: 2018-12-31", "Revideras senast: 2018-06-30"}),
      "");
  EXPECT_EQ(v.decided.value, "2015-06-10");
  EXPECT_EQ(v.decided_by.value, "Regionstyrelsen");
  EXPECT_EQ(v.valid_to.value, "2018-12-31");
  EXPECT_EQ(v.valid_to.clause, 4);
  EXPECT_EQ(v.revise_by.value, "2018-06-30");
}

TEST(DetectValidity, DecisionsQuotedDeepInTheBodyAreNotThisDocuments) {
  std::vector<Clause> clauses;
  for (int i = 0; i < 40; ++i) {
    clauses.push_back(clause_with("d:" + std::to_string(i + 1), "d", i + 1, "Landstinget ska bevaka EU."));
  }
  clauses[30].text = "Den tidigare policyn beslutad av landstingsfullmäktige 2003-06-12 gäller inte längre.";
  const Validity v = detect_validity(clauses, "");
  EXPECT_TRUE(v.decided.empty()) << v.decided.value;
}

TEST(DetectValidity, PeriodFromTo) {
  const Validity v = detect_validity(
      clauses_of({"att fastställa riktlinjer för perioden 1 januari 2013 till senast 2017"}), "");
  EXPECT_EQ(v.valid_from.value, "2013-01-01");
  EXPECT_EQ(v.valid_to.value, "2017");
}

TEST(DetectValidity, APeriodOfSomethingElseIsNotThisDocuments) {
  const Validity v = detect_validity(
      clauses_of({"Projektet Interreg gäller för perioden 2018-01-01 till 2020-12-31."}), "");
  EXPECT_TRUE(v.valid_to.empty()) << v.valid_to.value;
  EXPECT_TRUE(v.valid_from.empty()) << v.valid_from.value;
}

TEST(DetectValidity, ValidFromAndUntilFurtherNotice) {
  const Validity v = detect_validity(
      clauses_of({"Policyn gäller från och med den 1 mars 2016 och gäller tills vidare."}), "");
  EXPECT_EQ(v.valid_from.value, "2016-03-01");
  EXPECT_EQ(v.valid_to.value, "tills vidare");
}

TEST(DetectValidity, ValidToTom) {
  const Validity v = detect_validity(clauses_of({"Planen gäller t.o.m. 2020-12-31."}), "");
  EXPECT_EQ(v.valid_to.value, "2020-12-31");
}

TEST(DetectValidity, OwnEndWithTheYearBefore) {
  const Validity v = detect_validity(
      clauses_of({"Vid behov ska riktlinjerna revideras, dock senast år 2017 då dessa riktlinjer "
                  "upphör att gälla."}),
      "");
  EXPECT_EQ(v.valid_to.value, "2017");
  EXPECT_EQ(v.revise_by.value, "2017");
  EXPECT_TRUE(v.replaces.empty());
}

TEST(DetectValidity, FieldsWithoutDotsAndOnTheirOwnLines) {
  const Validity v = detect_validity(
      clauses_of({"Giltig fr o m:\n2015-03-25\nUtfärdande enhet:\nLedningsstaben\nGiltig t o m:\n2017-05-31",
                  "Giltigt fr o m\n[2015-11-19]"}),
      "");
  EXPECT_EQ(v.valid_from.value, "2015-03-25");
  EXPECT_EQ(v.valid_to.value, "2017-05-31");
}

TEST(DetectValidity, ACaseNumberIsNotADecisionYear) {
  const Validity v = detect_validity(
      clauses_of({"Nämndadministration. Beslutat av Kommunfullmäktige Dnr 2014/304"}), "");
  EXPECT_TRUE(v.decided.empty()) << v.decided.value;
  EXPECT_TRUE(v.decided_by.empty()) << v.decided_by.value;
}

TEST(DetectValidity, PerfectPassiveAndADayRange) {
  const Validity v = detect_validity(
      clauses_of({"Det gemensamma regelverket inleds med de regler som har fastställts av "
                  "landstingsfullmäktige den 20-21 november 2013."}),
      "");
  EXPECT_EQ(v.decided.value, "2013-11-20");
  EXPECT_EQ(v.decided_by.value, "landstingsfullmäktige");
}

TEST(DetectValidity, AnEndDateOfSomethingElseIsNotThisDocuments) {
  EXPECT_TRUE(detect_validity(clauses_of({"Avtalet med leverantören gäller till och med 2021-12-31."}), "")
                  .valid_to.empty());
  EXPECT_EQ(detect_validity(clauses_of({"Gäller till och med 2021-12-31."}), "").valid_to.value,
            "2021-12-31");
  EXPECT_EQ(detect_validity(clauses_of({"Handläggare Anna (abn042) Giltigt till och med 2019-05-31 Reviderat"}), "")
                .valid_to.value,
            "2019-05-31");
  EXPECT_EQ(detect_validity(clauses_of({"Denna policy gäller till och med 2025-12-31."}), "").valid_to.value,
            "2025-12-31");
}

TEST(DetectValidity, GallerTillWithoutDateIsNothing) {
  const Validity v = detect_validity(clauses_of({"Policyn gäller till alla medarbetare."}), "");
  EXPECT_TRUE(v.valid_to.empty());
}

TEST(DetectValidity, ReplacementByDiarienummer) {
  const Validity v = detect_validity(
      clauses_of({"LS 1103-0413",
                  "att befintliga internationella riktlinjer, LS 0510-1724, upphör att gälla 31 december 2012",
                  "nya riktlinjer för att ersätta nuvarande riktlinjer från 2005, LS 0510- 1724."}),
      "LS 1103-0413");
  ASSERT_EQ(v.replaces.size(), 1u);
  EXPECT_EQ(v.replaces[0].value, "LS 0510-1724");
  EXPECT_EQ(v.replaces[0].clause, 2);
  EXPECT_EQ(v.diarienummer.value, "LS 1103-0413");
  EXPECT_EQ(v.diarienummer.clause, 1);
  EXPECT_TRUE(v.valid_to.empty()) << "the end of the older guidelines is not this document's";
}

TEST(DetectValidity, OwnDiarienummerIsNeverReplaced) {
  const Validity v = detect_validity(
      clauses_of({"Dnr RS 2016-0042", "Denna policy ersätter tidigare beslut i ärende RS 2016-0042."}),
      "RS 2016-0042");
  EXPECT_TRUE(v.replaces.empty());
}

TEST(DetectValidity, ReplacementByTitle) {
  const Validity v = detect_validity(
      clauses_of({"Denna policy ersätter Policy för internationellt arbete, beslutad 2011."}), "");
  ASSERT_EQ(v.replaces.size(), 1u);
  EXPECT_EQ(v.replaces[0].value, "Policy för internationellt arbete");
}

TEST(DetectValidity, CompensationIsNotAReplacement) {
  const Validity v = detect_validity(
      clauses_of({"Regionen ska ersätta kostnader för resor enligt avtal.",
                  "Ersättning betalas ut månadsvis."}),
      "");
  EXPECT_TRUE(v.replaces.empty());
}

}  // namespace
}  // namespace klausul
