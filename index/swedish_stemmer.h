// Swedish stemming: Xapian's Snowball Swedish stemmer plus fixes for the inflections it leaves
// (verified against Debian 12's Xapian 1.4): definite singular -et/-t/-n ("mötet", "hälsan",
// "landstinget"), definite plural -ena ("mötena"), adjective neuter -t/-tt ("aktivt",
// "internationellt", "nytt", "brett"), short adjective forms ("nya"), doubled consonants left
// after -a/-en ("gemensamma", "programmen") and agent nouns in -are, which Snowball
// conflates with their verb or noun ("arbetare" vs "arbete").
//
// Contract of stem_swedish(folded_word):
//  - input: one lowercase (NFKC-casefolded) word in UTF-8; output: its stem. Words that are
//    not inflected forms of a lexicon word get exactly Snowball's stem.
//  - the fixes only fire when the lexicon (index/data/swedish_lexicon.txt) confirms the base
//    word and its word class: "budget" and "paket" keep their -et, "svart" its -t.
//  - deterministic and thread-safe (a thread_local Xapian::Stem; the lexicon is read-only).
#pragma once

#include <xapian.h>

#include <string>

namespace klausul {

/// The stem of a folded Swedish word (see above).
std::string stem_swedish(const std::string& folded_word);

/// stem_swedish as a Xapian stemmer, for TermGenerator and QueryParser:
/// `Xapian::Stem(new SwedishStemmer)`.
class SwedishStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return stem_swedish(word); }
  std::string get_description() const override { return "swedish-klausul"; }
};

}  // namespace klausul
