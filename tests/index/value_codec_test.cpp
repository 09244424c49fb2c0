#include "index/value_codec.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace klausul {
namespace {

constexpr ValueDictionary kBoth[] = {ValueDictionary::clause_words, ValueDictionary::stems};

// The dictionaries are part of the index format: a value deflated against one is read with
// exactly those bytes. These digests fail when a dictionary file is changed in place; a new
// dictionary must be a new version (see index/value_codec.h).
std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

TEST(ValueCodec, TheVersionOneDictionariesNeverChange) {
  EXPECT_EQ(value_dictionary(ValueDictionary::clause_words).size(), 4096u);
  EXPECT_EQ(value_dictionary(ValueDictionary::stems).size(), 2048u);
  EXPECT_EQ(fnv1a(value_dictionary(ValueDictionary::clause_words)), 0xf26d05d631d84cb4ull);
  EXPECT_EQ(fnv1a(value_dictionary(ValueDictionary::stems)), 0x93c857bf95ca74cbull);
}

TEST(ValueCodec, PolicyTextDeflatesToUnderHalfAgainstTheDictionary) {
  const std::string text =
      "Landstinget ska verka för att alla verksamheter arbetar med internationella frågor "
      "och att arbetet följs upp.";
  const std::string packed = deflate_value(text, ValueDictionary::clause_words);
  ASSERT_FALSE(packed.empty());
  EXPECT_LT(packed.size() * 2, text.size()) << packed.size();
  EXPECT_EQ(inflate_value(packed, text.size(), ValueDictionary::clause_words, 1000), text);
  // Read against the other dictionary it is not the same text.
  EXPECT_NE(inflate_value(packed, text.size(), ValueDictionary::stems, 1000), text);
}

TEST(ValueCodec, WhatDoesNotShrinkByATenthIsLeftPlain) {
  for (ValueDictionary dictionary : kBoth) {
    EXPECT_EQ(deflate_value("", dictionary), "");
    EXPECT_EQ(deflate_value("x7#Q", dictionary), "");
    std::string noise;
    for (int i = 0; i < 200; ++i) noise += static_cast<char>((i * 7919 + 13) % 251);
    EXPECT_EQ(deflate_value(noise, dictionary), "");
  }
}

TEST(ValueCodec, DamagedValuesAreRefusedNotCrashed) {
  const std::string text = "arbet region landsting utveckling verksamhet internationell samverk ";
  const std::string packed = deflate_value(text, ValueDictionary::stems);
  ASSERT_FALSE(packed.empty());
  const auto inflate = [](std::string_view data, std::uint64_t length) {
    return inflate_value(data, length, ValueDictionary::stems, 1 << 20);
  };
  EXPECT_EQ(inflate(packed, text.size()), text);
  for (size_t length = 0; length < packed.size(); ++length) {
    EXPECT_FALSE(inflate(packed.substr(0, length), text.size())) << length;
  }
  EXPECT_FALSE(inflate(packed, text.size() - 1));  // shorter than claimed
  EXPECT_FALSE(inflate(packed, text.size() + 1));  // longer than claimed
  EXPECT_FALSE(inflate(packed + "x", text.size()));  // bytes after the end
  EXPECT_FALSE(inflate(packed, 0));
  // A claimed length over the limit is refused before anything is allocated.
  EXPECT_FALSE(inflate_value(packed, std::uint64_t{1} << 60, ValueDictionary::stems, 1 << 20));
  // Nor one deflate could not expand these bytes to, however high the limit.
  EXPECT_FALSE(inflate_value(packed, 1032 * (packed.size() + 1) + 1, ValueDictionary::stems,
                             std::uint64_t{1} << 40));
  std::string flipped = packed;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
  const auto damaged = inflate(flipped, text.size());
  EXPECT_TRUE(!damaged || *damaged != text);
}

}  // namespace
}  // namespace klausul
