#include "index/document_id_bytes.h"

#include <gtest/gtest.h>

#include <string>

namespace klausul {
namespace {

TEST(DocumentIdBytes, AContentIdIsStoredAsTheBytesItSpells) {
  const std::string id = "0123456789abcdef";
  const std::string value = document_id_value(id);
  EXPECT_EQ(value, std::string("\0\x01\x23\x45\x67\x89\xab\xcd\xef", 9));
  EXPECT_EQ(document_id_of_value(value), id);
}

TEST(DocumentIdBytes, OtherIdsAndIdsStoredAsTextReadAsThemselves) {
  for (const std::string id : {"synth0000000001", "0123456789ABCDEF", "0123456789abcde", "sth",
                               ""}) {
    EXPECT_EQ(document_id_value(id), id);
    EXPECT_EQ(document_id_of_value(id), id);
  }
  // A clause written before 2026-12-05 holds a content id as its 16 digits.
  EXPECT_EQ(document_id_of_value("fedcba9876543210"), "fedcba9876543210");
}

}  // namespace
}  // namespace klausul
