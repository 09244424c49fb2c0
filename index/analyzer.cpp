#include "index/analyzer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unordered_map>
#include <vector>

#include "index/compound_splitter.h"
#include "index/suspended_compounds.h"
#include "index/swedish_stemmer.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

// Xapian's term limit is 245 bytes; longer "words" are base64 blobs or URLs, not language.
constexpr size_t kMaxWordBytes = 64;

// Words are runs of letters, digits and combining marks; everything else separates them, as
// in Xapian's QueryParser ("EU-frågor" -> "eu", "frågor").
std::vector<std::string> split_words(const std::string& folded) {
  std::vector<std::string> words;
  std::string current;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(folded.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(folded.data(), i, length, c);
    if (c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK)) {
      current.append(folded, static_cast<size_t>(start), static_cast<size_t>(i - start));
      continue;
    }
    if (!current.empty() && current.size() <= kMaxWordBytes) words.push_back(current);
    current.clear();
  }
  if (!current.empty() && current.size() <= kMaxWordBytes) words.push_back(current);
  return words;
}

// What the analyser needs of one word: its stem and its compound parts with their stems.
struct WordAnalysis {
  bool stopword = false;
  std::string stem;
  std::vector<std::pair<std::string, std::string>> parts;  // part, stem of the part
};

// Stemming and compound splitting cost several lexicon lookups per word, and a corpus uses
// the same few thousand words over and over: remember the analysis per thread (bounded).
const WordAnalysis& analyse(const std::string& word) {
  constexpr size_t kMaxCachedWords = 200000;
  thread_local std::unordered_map<std::string, WordAnalysis> cache;
  auto it = cache.find(word);
  if (it != cache.end()) return it->second;
  if (cache.size() >= kMaxCachedWords) cache.clear();
  WordAnalysis analysis;
  analysis.stopword = swedish_stopper()(word);
  if (!analysis.stopword) {
    analysis.stem = stem_swedish(word);
    for (std::string& part : split_compound(word)) {
      std::string stem = stem_swedish(part);
      analysis.parts.emplace_back(std::move(part), std::move(stem));
    }
  }
  return cache.emplace(word, std::move(analysis)).first->second;
}

}  // namespace

std::vector<std::string> index_words(const std::string& text) {
  return split_words(fold_for_index(text));
}

std::vector<std::string> content_stems(const std::string& text) {
  std::vector<std::string> stems;
  for (const std::string& word : split_words(fold_for_index(text))) {
    const WordAnalysis& analysis = analyse(word);
    if (!analysis.stopword) stems.push_back(analysis.stem);
  }
  return stems;
}

std::vector<std::pair<std::string, std::string>> content_words(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> words;
  for (const std::string& word : split_words(fold_for_index(text))) {
    const WordAnalysis& analysis = analyse(word);
    if (!analysis.stopword) words.emplace_back(word, analysis.stem);
  }
  return words;
}

Xapian::Stem swedish_stemmer() { return Xapian::Stem(new SwedishStemmer); }

DocumentIndexer::DocumentIndexer(Xapian::Document& doc) : doc_(doc) {}

void DocumentIndexer::add_word(const std::string& word, const std::string& prefix) {
  ++position_;
  const WordAnalysis& analysis = analyse(word);
  // Body text is indexed as stems only: a query word is searched as its stem, and a phrase
  // over body text is checked against the clause's own stored text (search/body_phrases.h);
  // word terms and positions were over a third of the index. In titles and section trails,
  // which are stored once per document and trail and searched with titel:/avsnitt:
  // phrases, every word keeps its positional term, stopwords included. Never a stem for a
  // stopword: stopwords never drive ranking.
  const bool body = prefix.empty();
  if (analysis.stopword) {
    if (!body) doc_.add_posting(prefix + word, position_);
    return;
  }
  if (!body) doc_.add_posting(prefix + word, position_);
  doc_.add_term("Z" + prefix + analysis.stem);
  // A compound's parts are found by stem (and word, in titles and trails), never in a phrase
  // (index/analyzer.h).
  for (const auto& [part, stem] : analysis.parts) {
    if (!body) doc_.add_term(prefix + part);
    doc_.add_term("Z" + prefix + stem);
  }
}

void DocumentIndexer::add_words(const std::string& text, const std::string& prefix) {
  for (const std::string& word : split_words(fold_for_index(text))) {
    const WordAnalysis& analysis = analyse(word);
    if (analysis.stopword) continue;
    doc_.add_term(prefix + word);
    doc_.add_term("Z" + prefix + analysis.stem);
  }
}

void DocumentIndexer::add_text(const std::string& text, const std::string& prefix) {
  const std::string folded = fold_for_index(text);
  if (position_ > 0) position_ += 100;
  for (const std::string& word : split_words(folded)) add_word(word, prefix);
  // Implied words have no position of their own: found by word, never part of a phrase.
  for (const std::string& implied : expand_suspended_compounds(folded)) {
    for (const std::string& word : split_words(implied)) {
      const WordAnalysis& analysis = analyse(word);
      if (analysis.stopword) continue;
      if (!prefix.empty()) doc_.add_term(prefix + word);
      doc_.add_term("Z" + prefix + analysis.stem);
    }
  }
}

}  // namespace klausul
