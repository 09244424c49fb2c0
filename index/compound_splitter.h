// Swedish compound splitting for indexing: "landstingsfullmäktige" is also found by
// "fullmäktige", "vänortssamarbeten" by "vänort".
//
// Contract of split_compound(word):
//  - input: one lowercase (NFKC-casefolded) word, UTF-8; words with anything but letters
//    (digits, hyphens: "eu-frågor") are never split here (the term generator splits at '-').
//  - output: the parts, in order, or an empty vector when the word is not a compound.
//    Every part has at least 3 letters. First parts (modifiers) are given in their base form:
//    linking -s- is dropped (landstings- -> "landsting"), and so are -e-, -a-, -u- when what
//    remains is a word; a linking form replacing a final vowel is mapped back to the word
//    (arbets- -> "arbete", hälso- -> "hälsa", gatu- -> "gata"). The last part (head) keeps
//    its inflection ("politiken"): the analyser stems it.
//  - choice: the split with the fewest parts wins, then the one with the longest head. A part
//    that is itself a compound in the lexicon is split again (3+ parts:
//    "kompetensutvecklingsinsatser" -> kompetens + utveckling + insatser).
//  - a word that is in the lexicon (or an inflected form of a lexicon word) is split only
//    when every part has at least 4 letters, and never when it is a known lexicalised word
//    ("landsting", "fullmäktige", "översikt"); particles (över, genom, samman, ...) are never
//    first parts ("övergripande", "sammanhållning") and derivational endings (-het, -skap,
//    -dom, -ande) are never heads ("verksamhet", "partnerskap", "sjukdom").
//  - unknown first part: a word not in the lexicon whose tail is a lexicon word of at least
//    6 letters, after a first part of at least 4 letters with a vowel, is split there
//    ("mazovieregionen" -> mazovie + regionen, "benchmarkingaktiviteter"). Not done when a
//    known split exists, nor for prefixes such as inter-, trans-, multi- ("interregionala").
//  - thread-safe; a few microseconds per word. The lexicon is built once on first use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "index/lexicon.h"

namespace klausul {

/// The parts of a Swedish compound, or empty when `folded_word` is not one (see above).
std::vector<std::string> split_compound(std::string_view folded_word);

/// Like split_compound, but with a lexicon word also split when its parts have 3+ letters
/// and it is not a known lexicalised word: used to find the head of the last word of a
/// suspended compound ("sjukvård" -> sjuk + vård in "hälso- och sjukvård").
std::vector<std::string> split_compound_permissive(std::string_view folded_word);

/// Number of letters (code points) in UTF-8 text.
std::size_t utf8_length(std::string_view s);

}  // namespace klausul
