#include "index/document_description.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

TEST(DocumentDescription, SentencesAboutWhatADocumentDoesAreDescriptions) {
  EXPECT_TRUE(is_document_description("Programmet beskriver målen för kollektivtrafiken."));
  EXPECT_TRUE(is_document_description("Trafikförsörjningsprogrammet innehåller fem mål."));
  EXPECT_TRUE(is_document_description("Kulturplanen handlar om hur kulturen ska nå alla."));
  EXPECT_TRUE(is_document_description("Strategin för folkhälsa utgår från Agenda 2030."));
  EXPECT_TRUE(is_document_description("Policyn är antagen av regionfullmäktige."));
  EXPECT_TRUE(is_document_description("Riktlinjerna har tagits fram i samverkan."));
  EXPECT_TRUE(is_document_description("Folkhälsopolicyn är ett vägledande dokument."));
  EXPECT_TRUE(is_document_description("Policyn är ett styrdokument för hela regionen."));
  EXPECT_TRUE(is_document_description("Länets kollektivtrafik beskrivs i ett program."));
  EXPECT_TRUE(is_document_description("PROGRAMMET BESKRIVER MÅLEN"));
}

TEST(DocumentDescription, CommitmentsAndOtherSentencesAreNot) {
  EXPECT_FALSE(is_document_description("Regionen ska halvera sina utsläpp till 2030."));
  // The document is named, but the sentence commits to something.
  EXPECT_FALSE(is_document_description("Planen ska följas upp varje år."));
  EXPECT_FALSE(is_document_description("Alla verksamheter ska följa riktlinjen."));
  // The noun must end a word, and the verb belong to the same sentence.
  EXPECT_FALSE(is_document_description("Planens mål beskriver ingen tidsplan."));
  EXPECT_FALSE(is_document_description("Vi följer planen. Den beskriver målen."));
  // A verb far after the noun is not its verb.
  EXPECT_FALSE(is_document_description(
      "Strategin ska göra regionen till en attraktiv plats att leva och arbeta i och "
      "innehåller inget om detta."));
  EXPECT_FALSE(is_document_description("Policyn är ett stöd för chefer."));
  EXPECT_FALSE(is_document_description(""));
}

}  // namespace
}  // namespace klausul
