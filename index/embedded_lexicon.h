// The Swedish lexicon (index/data/swedish_lexicon.txt, made by tools/make-lexicon) as the
// lookup table klausul reads it through (index/lexicon.h), hashed at build time.
#pragma once

#include <string_view>

namespace klausul::embedded {

/// Lexicon::table() of index/data/swedish_lexicon.txt, made by tools/make_lexicon_table.cpp
/// when klausul is built. The view stays valid for the life of the program.
std::string_view swedish_lexicon_table();

}  // namespace klausul::embedded
