#include "ingest/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

#include "ingest/normalize.h"

namespace klausul {
namespace {

// Abbreviations after which a period does not end a Swedish sentence.
const char* const kAbbreviations[] = {
    "t.ex.", "T.ex.", "bl.a.", "Bl.a.", "s.k.", "m.m.", "dvs.", "d.v.s.", "osv.", "o.s.v.",
    "m.fl.", "t.o.m.", "fr.o.m.", "p.g.a.", "pga.", "ca.", "resp.", "jfr.", "kl.", "nr.",
    "st.", "inkl.", "exkl.", "mkr.", "milj.", "tel.", "f.d.", "e.d.", "d.ä.", "o.d.", "s.", "sid.",
    "jan.", "feb.", "mars.", "apr.", "aug.", "sept.", "okt.", "nov.", "dec.", "§§.", "kap."};

std::unique_ptr<icu::BreakIterator> make_prototype() {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale swedish("sv");
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(swedish, status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence iterator unavailable");
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  for (const char* abbreviation : kAbbreviations) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
  }
  std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(base.release(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence filter unavailable");
  return filtered;
}

// BreakIterator instances are not thread-safe: one clone per thread.
icu::BreakIterator& thread_iterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype = make_prototype();
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype->clone());
  return *iterator;
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::BreakIterator& it = thread_iterator();
  it.setText(unicode);
  std::vector<std::string> sentences;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    std::string sentence;
    unicode.tempSubStringBetween(start, end).toUTF8String(sentence);
    sentence = collapse_whitespace(sentence);
    if (!sentence.empty()) sentences.push_back(std::move(sentence));
  }
  return sentences;
}

std::vector<std::string> cut_at_sentences(std::string_view text, size_t max_chars) {
  if (text.size() <= max_chars) return {std::string(text)};
  std::vector<std::string> pieces;
  std::string current;
  for (std::string& sentence : split_sentences(text)) {
    if (!current.empty() && current.size() + 1 + sentence.size() > max_chars) {
      pieces.push_back(std::move(current));
      current.clear();
    }
    if (!current.empty()) current += ' ';
    current += sentence;
  }
  if (!current.empty()) pieces.push_back(std::move(current));
  return pieces;
}

}  // namespace klausul
