#include "index/suspended_compounds.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace klausul {
namespace {

using Words = std::vector<std::string>;

// Sentences from corpus/*.txt, folded (lowercase) as the analyser sees them.
TEST(SuspendedCompounds, HealthAndMedicalCare) {
  EXPECT_EQ(expand_suspended_compounds(
                "skapa förutsättningar för aktivt arbete med internationellt utbyte och "
                "samarbete inom utvecklingsarbete i såväl hälso- och sjukvård som "
                "regional utveckling"),
            (Words{"hälsovård"}));
  EXPECT_EQ(expand_suspended_compounds(
                "förbättrad tillgänglighet och kvalitet inom hälso- och sjukvården,"),
            (Words{"hälsovården"}));
}

TEST(SuspendedCompounds, SeveralInOneSentenceAndSpacedDash) {
  // "tandvård - inom ramen" is a spaced dash, not a suspended compound.
  EXPECT_EQ(expand_suspended_compounds(
                "medverka i att implementera och utveckla kvalitets- och vårdmodeller inom "
                "hälso- och sjukvård samt tandvård - inom ramen för det bilaterala "
                "samarbetet"),
            (Words{"kvalitetsmodeller", "hälsovård"}));
  EXPECT_EQ(expand_suspended_compounds(
                "en bra och välfungerande hälso- och sjukvård samt kollektivtrafik."),
            (Words{"hälsovård"}));
}

TEST(SuspendedCompounds, ProcessesAndAreas) {
  EXPECT_EQ(expand_suspended_compounds(
                "ska arbetas in i den årliga planerings- och uppföljningsprocessen."),
            (Words{"planeringsprocessen"}));
  EXPECT_EQ(expand_suspended_compounds("inom intresse- och kompetensområden"),
            (Words{"intresseområden"}));
  EXPECT_EQ(expand_suspended_compounds("inom ramen för denna ordinarie ansvars- och "
                                       "rollfördelning med landstingsstyrelsen"),
            (Words{"ansvarsfördelning"}));
}

TEST(SuspendedCompounds, SuspendedLastPart) {
  EXPECT_EQ(expand_suspended_compounds("strategisk rådgivning till landstingets verksamheter "
                                       "gällande eu-finansiering och -program,"),
            (Words{"eu-program"}));
  EXPECT_EQ(expand_suspended_compounds("vårdplaner och -rutiner"), (Words{"vårdrutiner"}));
}

TEST(SuspendedCompounds, CommaListsAndConnectives) {
  EXPECT_EQ(expand_suspended_compounds("natur-, kultur- och miljövård"),
            (Words{"naturvård", "kulturvård"}));
  EXPECT_EQ(expand_suspended_compounds("hälso- eller sjukvård"), (Words{"hälsovård"}));
  EXPECT_EQ(expand_suspended_compounds("kvalitets- respektive vårdmodeller"),
            (Words{"kvalitetsmodeller"}));
  EXPECT_EQ(expand_suspended_compounds("kvalitets- resp. vårdmodeller"),
            (Words{"kvalitetsmodeller"}));
}

TEST(SuspendedCompounds, DoesNotFire) {
  for (const char* text : {
           "strategi för uppsala kommun 2014-2017 kommunledningskontoret",
           "sara duvner 2014-04-23 ksn-2014-0324",
           "13-15 och 16",
           "svag bevakning av eu-frågor riktlinjerna upplevs",
           "hälso- och sjukvård samt tandvård - inom ramen",  // one expansion only, below
           "inom hälso-.",
           "arbetet med hälso-",
           "- skapa förutsättningar för aktivt arbete",
           "landstinget - och regionen",
           "hälso- och xyzzyq",
       }) {
    Words got = expand_suspended_compounds(text);
    if (std::string(text).starts_with("hälso- och sjukvård")) {
      EXPECT_EQ(got, (Words{"hälsovård"})) << text;
    } else {
      EXPECT_TRUE(got.empty()) << text << " -> " << (got.empty() ? "" : got[0]);
    }
  }
}

}  // namespace
}  // namespace klausul
