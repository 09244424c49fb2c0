#include "ingest/detect_format.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace klausul {
namespace {

using namespace std::string_literals;

TEST(DetectFormat, PdfMagic) {
  EXPECT_EQ(detect_format("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"s), Format::pdf);
}

TEST(DetectFormat, PdfAfterJunkWithinOneKilobyte) {
  EXPECT_EQ(detect_format(std::string(1000, '\0') + "%PDF-1.4\n"), Format::pdf);
  // Beyond the 1 KB limit it is no longer taken as a PDF (NULs: not text either).
  EXPECT_EQ(detect_format(std::string(2000, '\0') + "%PDF-1.4\n"), Format::unknown);
}

TEST(DetectFormat, ZipMagic) {
  EXPECT_EQ(detect_format("PK\x03\x04\x14\x00\x06\x00"s), Format::zip);
  // "PK" alone (e.g. a text file starting with the letters) is not a ZIP.
  EXPECT_EQ(detect_format("PK is a prefix"), Format::text);
}

TEST(DetectFormat, Ole2Magic) {
  EXPECT_EQ(detect_format("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"s), Format::ole2);
}

TEST(DetectFormat, HtmlByDoctype) {
  EXPECT_EQ(detect_format("  \n<!DOCTYPE html>\n<p>Hej</p>"), Format::html);
}

TEST(DetectFormat, HtmlAfterBomAndCaseInsensitive) {
  EXPECT_EQ(detect_format("\xEF\xBB\xBF<HTML lang=\"sv\"><p>Hej</p>"), Format::html);
}

TEST(DetectFormat, HtmlTagWithinFirstKilobyte) {
  EXPECT_EQ(detect_format("<?xml version=\"1.0\"?>\n<!-- x -->\n<head><title>T</title>"),
            Format::html);
  EXPECT_EQ(detect_format(std::string(500, ' ') + "text <body>"), Format::html);
  // Too far from the start to count.
  EXPECT_EQ(detect_format(std::string(2000, 'x') + "<body>"), Format::text);
}

TEST(DetectFormat, HeaderTagIsNotHead) {
  EXPECT_EQ(detect_format("Se <header> och <bodyguard> i texten."), Format::text);
}

TEST(DetectFormat, Utf16TextWithBom) {
  EXPECT_EQ(detect_format("\xFF\xFEH\x00\xE5j\x00"s), Format::text);
  EXPECT_EQ(detect_format("\xFE\xFF\x00H\x00\xE5\x00j"s), Format::text);
}

TEST(DetectFormat, Utf16HtmlWithBom) {
  EXPECT_EQ(detect_format("\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00"s), Format::html);
}

TEST(DetectFormat, PlainTextUtf8AndLatin1) {
  EXPECT_EQ(detect_format("Landstinget i J\xC3\xB6nk\xC3\xB6pings l\xC3\xA4n\n"), Format::text);
  EXPECT_EQ(detect_format("Landstinget i J\xF6nk\xF6pings l\xE4n\r\n\tx"), Format::text);
}

TEST(DetectFormat, Empty) {
  EXPECT_EQ(detect_format(""), Format::empty);
}

TEST(DetectFormat, RandomBinaryIsUnknown) {
  std::mt19937 rng(42);
  std::string bytes(4096, '\0');
  for (auto& b : bytes) b = static_cast<char>(rng() & 0xFF);
  bytes[0] = 'x';  // no accidental magic
  EXPECT_EQ(detect_format(bytes), Format::unknown);
}

TEST(DetectFormat, ControlHeavyBinaryWithoutNulIsUnknown) {
  std::mt19937 rng(7);
  std::string bytes(4096, '\0');
  for (auto& b : bytes) b = static_cast<char>(1 + rng() % 255);
  EXPECT_EQ(detect_format(bytes), Format::unknown);
}

TEST(DetectFormat, DescribeStartPrintableAndBinary) {
  EXPECT_EQ(describe_start("PK\x03\x04"s), "starts with 'PK'");
  EXPECT_EQ(describe_start("%PDF-1.7\n"), "starts with '%PDF-1.7'");
  EXPECT_EQ(describe_start("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s), "starts with bytes d0 cf 11 e0");
  EXPECT_EQ(describe_start(""), "is empty");
}

}  // namespace
}  // namespace klausul
