// Fixes on top of Snowball's Swedish stemmer. Each rule removes an inflection only when the
// lexicon lists the base word with the matching word class, so that uninflected words that
// merely end the same way ("budget", "svart", "organ") are left to Snowball.
#include "index/swedish_stemmer.h"

#include <initializer_list>
#include <optional>
#include <string_view>

#include "index/compound_splitter.h"

namespace klausul {

namespace {

std::string snowball_once(const std::string& word) {
  thread_local Xapian::Stem stemmer("swedish");  // Xapian::Stem is not shared across threads
  return stemmer(word);
}

// Snowball, kept from two kinds of over-stemming:
//  - a base form whose end looks like an inflection loses it while the inflected forms keep
//    it ("konferens" -> konfer, but "konferenser" -> konferens): when an inflected form listed
//    in the lexicon stems to the word itself, the word is its own stem ("slutsats",
//    "resultat", "hållbar", "ansvar" likewise);
//  - -lig, -ig and -else make new words ("viktig" is not "vikt", "tidig" not "tid",
//    "styrelse" not "styra"): they are given back when Snowball took them.
std::string snowball(const std::string& word) {
  std::string stem = snowball_once(word);
  if (stem != word && !word.ends_with("er")) {  // "strukturer|ar" are forms of a verb
    const Lexicon& lex = swedish_lexicon();
    for (std::string_view ending : {"er", "ar", "or", "en", "a"}) {
      std::string inflected = word + std::string(ending);
      if (lex.is_word(inflected) && snowball_once(inflected) == word) return word;
    }
  }
  for (std::string_view suffix : {"lig", "ig", "els"}) {
    std::string kept = stem + std::string(suffix);
    if (word.starts_with(kept)) return kept;
  }
  return stem;
}

std::string drop(std::string_view w, std::size_t n) { return std::string(w.substr(0, w.size() - n)); }

bool ends_in_vowel(std::string_view w) {
  for (std::string_view v : {"a", "e", "i", "o", "u", "y", "å", "ä", "ö", "é"}) {
    if (w.ends_with(v)) return true;
  }
  return false;
}

// Definite singular: neuter nouns add -et after a consonant ("landsting-et", "projekt-et")
// and -t after a vowel ("möte-t"); common-gender nouns in -a add -n ("hälsa-n"). A genitive
// -s may follow ("landstingets", "hälsans"). Snowball removes none of these endings.
std::optional<std::string> definite_singular_base(std::string_view w) {
  const Lexicon& lex = swedish_lexicon();
  if (w.ends_with("ets") || w.ends_with("ts") || w.ends_with("ans")) w.remove_suffix(1);
  if (w.size() < 4) return std::nullopt;
  if (w == "internet") return std::nullopt;  // not intern + -et
  if (w.ends_with("et") && lex.has_definite_suffix(drop(w, 2)) && !drop(w, 2).ends_with('e'))
    return drop(w, 2);
  if ((w.ends_with('t') || w.ends_with('n')) && ends_in_vowel(drop(w, 1)) &&
      lex.has_definite_suffix(drop(w, 1)))
    return drop(w, 1);
  return std::nullopt;
}

// Definite plural of neuter nouns in -e: "möte" -> "möten" -> "mötena". Snowball takes only
// the -a, leaving "möten", whose stem is "möt".
std::optional<std::string> definite_plural_base(std::string_view w) {
  if (!w.ends_with("ena") || w.size() < 6) return std::nullopt;
  std::string base = drop(w, 3) + "e";
  if (swedish_lexicon().has_definite_suffix(base)) return base;
  return std::nullopt;
}

// Adjectives the word list does not tag, recognised by their derivational suffix
// ("gemensam", "regional", "aktiv"): these all form the neuter with -t.
bool is_adjective(const std::string& w) {
  const Lexicon& lex = swedish_lexicon();
  if (lex.is_adjective(w)) return true;
  for (std::string_view suffix : {"sam", "lig", "ig", "bar", "iv", "al", "ell", "är", "ös"}) {
    if (w.ends_with(suffix) && w.size() >= suffix.size() + 3) return lex.is_word(w);
  }
  return false;
}

// Adjective neuter: -t after most stems ("aktiv-t", "internationell-t", "stor-t"), -tt after
// a long vowel ("ny-tt", "fri-tt"), d+t -> tt/t ("bred" -> "brett", "hård" -> "hårt"),
// nn+t -> nt ("sann" -> "sant").
std::optional<std::string> adjective_neuter_base(std::string_view w) {
  if (!w.ends_with('t') || w.size() < 3) return std::nullopt;
  std::string t1 = drop(w, 1);
  std::initializer_list<std::string> candidates = {
      t1, w.ends_with("tt") ? drop(w, 2) : std::string(), w.ends_with("tt") ? drop(w, 2) + "d" : std::string(),
      t1 + "d", t1 + "n"};
  for (const std::string& base : candidates) {
    if (!base.empty() && is_adjective(base)) return base;
  }
  // vowel + d -> vowel + tt in untagged adjectives: "god"/"goda" -> "gott".
  const Lexicon& lex = swedish_lexicon();
  std::string d_base = w.ends_with("tt") ? drop(w, 2) + "d" : std::string();
  if (!d_base.empty() && lex.is_word(d_base) && lex.is_word(d_base + "a")) return d_base;
  return std::nullopt;
}

// Agent nouns in -are ("arbetare", "medarbetare", "handläggare") are kept apart from the
// verb and noun Snowball merges them with ("arbeta", "arbete"): their stem keeps "-ar".
// Comparatives ("tydligare": tydlig is an adjective) are left to Snowball.
std::optional<std::string> agent_noun_stem(std::string_view w) {
  const Lexicon& lex = swedish_lexicon();
  for (std::string_view ending : {"arnas", "arna", "aren", "arens", "ares", "are"}) {
    if (!w.ends_with(ending) || w.size() < ending.size() + 3) continue;
    std::string core = drop(w, ending.size());
    // -arna is also the plural of -ar nouns ("delarna"): only trust it after a long core.
    if (ending.starts_with("arna") && utf8_length(core) < 5) return std::nullopt;
    if (lex.is_word(core + "are") && !is_adjective(core)) return core + "ar";
    return std::nullopt;
  }
  return std::nullopt;
}

// Snowball leaves a doubled consonant when it strips -a or -en after it: "gemensamma" ->
// "gemensamm" (gemensam), "programmen" -> "programm" (program).
std::string undouble(const std::string& word, std::string stem) {
  if (stem == word || stem.size() < 6) return stem;
  if (stem.ends_with("mm") || stem.ends_with("nn")) {
    std::string single = drop(stem, 1);
    if (swedish_lexicon().is_word(single)) return snowball(single);
  }
  return stem;
}

}  // namespace

// Nouns in -het ("verksamhet", "möjlighet") are other words than their adjective
// ("verksam", "möjlig"); Snowball strips -het. Keep it and drop only the inflection.
std::optional<std::string> het_noun_stem(std::string_view w) {
  for (std::string_view ending : {"heternas", "heterna", "heters", "heter", "hetens", "heten",
                                  "hets", "het"}) {
    if (w.ends_with(ending) && utf8_length(w) >= ending.size() + 3)
      return drop(w, ending.size()) + "het";
  }
  return std::nullopt;
}

std::string stem_swedish(const std::string& w) {
  if (auto stem = het_noun_stem(w)) return *stem;
  if (auto stem = agent_noun_stem(w)) return *stem;
  if (auto base = definite_singular_base(w)) return snowball(*base);
  if (auto base = definite_plural_base(w)) return snowball(*base);
  if (auto base = adjective_neuter_base(w)) return snowball(*base);
  std::string stem = snowball(w);
  // Short adjective forms Snowball leaves alone (its R1 region is too short): "nya" -> ny.
  if (stem == w && (w.ends_with('a') || w.ends_with('e')) && is_adjective(drop(w, 1)))
    return drop(w, 1);
  return undouble(w, stem);
}

}  // namespace klausul
