#include "ingest/xml_reader.h"

#include <gtest/gtest.h>

#include "ingest/error.h"

namespace klausul {
namespace {

std::string error_of(const std::string& xml) {
  try {
    parse_xml(xml, "ppt/slides/slide1.xml");
  } catch (const IngestError& e) {
    return e.what();
  }
  return "";
}

TEST(XmlReader, BuildsATreeWithLocalNamesAttributesAndText) {
  const XmlNode root = parse_xml(
      "<?xml version=\"1.0\"?><p:sld xmlns:p=\"urn:p\" xmlns:a=\"urn:a\"><a:p><a:pPr lvl=\"1\"/>"
      "<a:r><a:t>Hälso- och </a:t></a:r><a:r><a:t><![CDATA[sjukvård]]></a:t></a:r></a:p></p:sld>",
      "slide");
  EXPECT_EQ(root.name, "sld");
  const XmlNode* p = root.child("p");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->child("pPr")->attr("lvl"), "1");
  EXPECT_EQ(p->children_named("r").size(), 2u);
  EXPECT_EQ(p->all_text(), "Hälso- och sjukvård");
  EXPECT_EQ(root.find("t")->all_text(), "Hälso- och ");
  EXPECT_EQ(root.child("missing"), nullptr);
  EXPECT_EQ(p->attr("missing"), "");
}

TEST(XmlReader, QualifiedAttributesDoNotFallBackToUnprefixedOnes) {
  const XmlNode root = parse_xml(
      "<sldId xmlns:r=\"urn:r\" xmlns:w=\"urn:w\" id=\"256\" r:id=\"rId2\" w:val=\"x\"/>", "p");
  EXPECT_EQ(root.attr("id"), "256");
  EXPECT_EQ(root.attr("r:id"), "rId2");
  EXPECT_EQ(root.attr("val"), "x");  // any prefix
  EXPECT_FALSE(root.has_attr("r:val2"));
}

TEST(XmlReader, ExternalEntityIsRejectedAndNeverRead) {
  const std::string error = error_of(
      "<?xml version=\"1.0\"?><!DOCTYPE p:sld [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<p:sld xmlns:p=\"urn:p\"><t>&x;</t></p:sld>");
  EXPECT_EQ(error,
            "XML document type declaration (DTD/entities) not accepted in ppt/slides/slide1.xml");
  EXPECT_EQ(error.find("root:"), std::string::npos);
}

TEST(XmlReader, BillionLaughsIsRejected) {
  std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i) {
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j)
      xml += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    xml += "\">";
  }
  xml += "]><lolz>&lol9;</lolz>";
  EXPECT_NE(error_of(xml).find("not accepted"), std::string::npos);
}

TEST(XmlReader, UndeclaredEntityReferenceIsMalformed) {
  EXPECT_NE(error_of("<a>&x;</a>").find("malformed XML in ppt/slides/slide1.xml"),
            std::string::npos);
}

TEST(XmlReader, HundredThousandLevelsFailWithAClearError) {
  std::string xml;
  for (int i = 0; i < 100'000; ++i) xml += "<a>";
  for (int i = 0; i < 100'000; ++i) xml += "</a>";
  EXPECT_EQ(error_of(xml), "XML nested too deeply in ppt/slides/slide1.xml (more than 256 levels)");
}

TEST(XmlReader, ModerateNestingIsFine) {
  std::string xml;
  for (int i = 0; i < 200; ++i) xml += "<a>";
  xml += "text";
  for (int i = 0; i < 200; ++i) xml += "</a>";
  EXPECT_EQ(parse_xml(xml, "deep").all_text(), "text");
}

TEST(XmlReader, MalformedXmlIsOneLineAndPrintsNothing) {
  ::testing::internal::CaptureStderr();
  const std::string error = error_of("<a><b></a>");
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(error.rfind("malformed XML in ppt/slides/slide1.xml (", 0), 0u) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos);
  EXPECT_EQ(printed, "");
  EXPECT_NE(error_of("").find("malformed XML"), std::string::npos);
}

}  // namespace
}  // namespace klausul
