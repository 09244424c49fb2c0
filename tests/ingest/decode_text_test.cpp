#include "ingest/decode_text.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/error.h"

namespace klausul {
namespace {

using namespace std::string_literals;

// "Landstinget i Jönköpings län: hälso- och sjukvård, Åtgärder" in UTF-8 and in Latin-1.
const std::string kSwedishUtf8 =
    "Landstinget i J\xC3\xB6nk\xC3\xB6pings l\xC3\xA4n: h\xC3\xA4lso- och sjukv\xC3\xA5rd, "
    "\xC3\x85tg\xC3\xA4rder";
const std::string kSwedishLatin1 =
    "Landstinget i J\xF6nk\xF6pings l\xE4n: h\xE4lso- och sjukv\xE5rd, \xC5tg\xE4rder";

TEST(DecodeUtf8, WithoutBomTakenAsIs) {
  const auto decoded = decode_text(kSwedishUtf8);
  EXPECT_EQ(decoded.utf8, kSwedishUtf8);
  EXPECT_EQ(decoded.charset, "UTF-8");
}

TEST(DecodeUtf8, BomIsStripped) {
  const auto decoded = decode_text("\xEF\xBB\xBF" + kSwedishUtf8);
  EXPECT_EQ(decoded.utf8, kSwedishUtf8);
  EXPECT_EQ(decoded.charset, "UTF-8");
}

TEST(DecodeUtf8, BomWithInvalidUtf8Throws) {
  EXPECT_THROW(decode_text("\xEF\xBB\xBF" "abc\xE5"), IngestError);
}

TEST(DecodeUtf8, ValidUtf8WinsOverHint) {
  EXPECT_EQ(decode_text(kSwedishUtf8, "IBM850").charset, "UTF-8");
}

TEST(DecodeUtf16, LittleEndianWithBom) {
  const auto decoded = decode_text("\xFF\xFE\xC5\x00t\x00g\x00\xE4\x00r\x00\x13\x20"s);
  EXPECT_EQ(decoded.utf8, "\xC3\x85tg\xC3\xA4r\xE2\x80\x93");  // "Åtgär–"
  EXPECT_EQ(decoded.charset, "UTF-16LE");
}

TEST(DecodeUtf16, BigEndianWithBom) {
  const auto decoded = decode_text("\xFE\xFF\x00\xC5\x00t\x00g\x00\xE4\x00r"s);
  EXPECT_EQ(decoded.utf8, "\xC3\x85tg\xC3\xA4r");
  EXPECT_EQ(decoded.charset, "UTF-16BE");
}

TEST(DecodeUtf16, TruncatedCodeUnitThrows) {
  try {
    decode_text("\xFF\xFE\x41\x00\x42"s);
    FAIL() << "expected IngestError";
  } catch (const IngestError& e) {
    EXPECT_STREQ(e.what(), "cannot decode as UTF-16LE");
  }
}

TEST(DecodeUtf16, WithoutBomDetectedWhenConfident) {
  std::string utf16;
  for (char c : std::string("Regionfullm\xE4ktige beslutade om budget f\xF6r h\xE4lso- och "
                            "sjukv\xE5rden i regionen under det kommande verksamhets\xE5ret.")) {
    utf16 += c;
    utf16 += '\0';
  }
  const auto decoded = decode_text(utf16);
  EXPECT_EQ(decoded.charset, "UTF-16LE");
  EXPECT_EQ(decoded.utf8.substr(0, 18), "Regionfullm\xC3\xA4ktige");
}

TEST(DecodeUtf16, AsciiWithoutBomIsNotLeftWithNuls) {
  // Pure ASCII UTF-16LE is valid UTF-8 (with NULs); the NULs send it to the detector.
  std::string utf16;
  for (char c : std::string("Regionstyrelsen beslutade att godkanna budgeten for det "
                            "kommande verksamhetsaret i sin helhet.")) {
    utf16 += c;
    utf16 += '\0';
  }
  const auto decoded = decode_text(utf16);
  EXPECT_EQ(decoded.charset, "UTF-16LE");
  EXPECT_EQ(decoded.utf8.find('\0'), std::string::npos);
}

TEST(DecodeLatin1, SwedishDetectedAsWindows1252) {
  const auto decoded = decode_text(kSwedishLatin1);
  EXPECT_EQ(decoded.utf8, kSwedishUtf8);
  EXPECT_EQ(decoded.charset, "windows-1252");
}

TEST(DecodeLatin1, Windows1252OnlyCharacters) {
  // 0x96 en dash and 0x94 right double quote exist only in windows-1252, not ISO-8859-1.
  const auto decoded = decode_text(kSwedishLatin1 + " \x96 \x94slut\x94");
  EXPECT_EQ(decoded.utf8, kSwedishUtf8 + " \xE2\x80\x93 \xE2\x80\x9Dslut\xE2\x80\x9D");
  EXPECT_EQ(decoded.charset, "windows-1252");
}

TEST(DecodeLatin1, Iso88591HintIsReadAsWindows1252) {
  const auto decoded = decode_text("V\xE5rd \x96 omsorg", "iso-8859-1");
  EXPECT_EQ(decoded.utf8, "V\xC3\xA5rd \xE2\x80\x93 omsorg");
  EXPECT_EQ(decoded.charset, "windows-1252");
}

TEST(DecodeLatin1, BytesUndefinedInWindows1252FallBackToLatin1) {
  const auto decoded = decode_text("J\xF6nk\xF6ping \x81");
  EXPECT_EQ(decoded.utf8, "J\xC3\xB6nk\xC3\xB6ping \xC2\x81");
  EXPECT_EQ(decoded.charset, "ISO-8859-1");
}

TEST(DecodeLatin1, LongInputCrossesIconvBuffer) {
  std::string bytes;
  std::string expected;
  while (bytes.size() < 100000) {
    bytes += kSwedishLatin1 + "\n";
    expected += kSwedishUtf8 + "\n";
  }
  const auto decoded = decode_text(bytes);
  EXPECT_EQ(decoded.utf8, expected);
}

TEST(DecodeHint, OverridesDetection) {
  // "Örebro" in CP850: Ö is 0x99, which windows-1252 would read as the trade mark sign.
  const auto hinted = decode_text("\x99rebro l\x84n"s, "IBM850");
  EXPECT_EQ(hinted.utf8, "\xC3\x96rebro l\xC3\xA4n");
  EXPECT_EQ(hinted.charset, "IBM850");
  const auto guessed = decode_text("\x99rebro l\x84n"s);
  EXPECT_EQ(guessed.charset, "windows-1252");
  EXPECT_EQ(guessed.utf8, "\xE2\x84\xA2rebro l\xE2\x80\x9En");
}

TEST(DecodeHint, Utf8HintOnNonUtf8BytesFallsBackToDetection) {
  EXPECT_EQ(decode_text(kSwedishLatin1, "utf-8").utf8, kSwedishUtf8);
}

TEST(DecodeHint, UnknownCharsetThrows) {
  EXPECT_THROW(decode_text("\xE5", "no-such-charset"), IngestError);
}

TEST(DecodeHint, InvalidBytesForHintThrowCannotDecode) {
  try {
    decode_text("A\x00\xE5"s, "UTF-16LE");
    FAIL() << "expected IngestError";
  } catch (const IngestError& e) {
    EXPECT_STREQ(e.what(), "cannot decode as UTF-16LE");
  }
}

TEST(DecodeValidUtf8, AcceptsWellFormed) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("ascii"));
  EXPECT_TRUE(is_valid_utf8(kSwedishUtf8));
  EXPECT_TRUE(is_valid_utf8("\xE2\x82\xAC"));          // €
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));          // U+E000, just above them
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));      // emoji
}

TEST(DecodeValidUtf8, RejectsOverlongs) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));
}

TEST(DecodeValidUtf8, RejectsSurrogates) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));
}

TEST(DecodeValidUtf8, RejectsTruncatedAndStray) {
  EXPECT_FALSE(is_valid_utf8("abc\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));
  EXPECT_FALSE(is_valid_utf8("\xE2\x82x"));
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("J\xF6nk\xF6ping"));
}

TEST(DecodeValidUtf8, RejectsAboveMaxCodePoint) {
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

}  // namespace
}  // namespace klausul
