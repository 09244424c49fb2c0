#include "ingest/normalize.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

TEST(Normalize, NfcComposesDecomposedSwedishLetters) {
  // "Örebro" with O + U+0308 and "på" with a + U+030A.
  EXPECT_EQ(to_nfc("O\xCC\x88rebro p\x61\xCC\x8A"), "Örebro på");
}

TEST(Normalize, FoldForIndexFoldsLigaturesCaseAndSoftHyphen) {
  EXPECT_EQ(fold_for_index("\xEF\xAC\x81nansiering"), "finansiering");  // U+FB01 ligature
  EXPECT_EQ(fold_for_index("LANDSTINGS\xC2\xAD" "FULLMÄKTIGE"), "landstingsfullmäktige");
  EXPECT_EQ(fold_for_index("O\xCC\x88REBRO"), "örebro");
}

TEST(Normalize, AsciiKeyDropsDiacriticsAndCase) {
  EXPECT_EQ(ascii_key("Jönköping"), "jonkoping");
  EXPECT_EQ(ascii_key("  Västra   Götaland "), "vastra gotaland");
  EXPECT_EQ(ascii_key("ÖREBRO"), "orebro");
}

TEST(Normalize, CollapseWhitespaceHandlesUnicodeSpaces) {
  EXPECT_EQ(collapse_whitespace("  Agneta\xC2\xA0Jansmyr \t\n Landstingsdirektör  "),
            "Agneta Jansmyr Landstingsdirektör");
  EXPECT_EQ(collapse_whitespace(""), "");
}

}  // namespace
}  // namespace klausul
