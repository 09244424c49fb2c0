#include "index/document_description.h"

#include <array>
#include <string>

#include "index/folded_lowercase.h"

namespace klausul {
namespace {

// Definite singular (and the plural "riktlinjerna") of the documents policies are: the end of
// a word, so compounds count ("trafikförsörjningsprogrammet", "folkhälsopolicyn").
constexpr std::array<std::string_view, 7> kDocumentNouns = {
    "programmet", "planen",     "strategin",    "policyn",
    "dokumentet", "riktlinjen", "riktlinjerna",
};

// What a document does, as a phrase starting a word.
constexpr std::array<std::string_view, 11> kDescribingVerbs = {
    "beskriver",  "beskrivs",   "innehåller",      "handlar om", "är antagen", "är antaget",
    "antogs",     "togs fram",  "har tagits fram", "är framtagen", "utgår från",
};

// How far after the noun its verb may come (a short attribute between, "Programmet för
// kollektivtrafiken i länet beskriver").
constexpr size_t kVerbWindow = 40;

// "är ett vägledande dokument", "är ett styrdokument": "är ett", at most 20 bytes of
// letters and spaces, then a word ending in "dokument".
bool is_a_document(std::string_view window) {
  constexpr std::string_view kIsA = "är ett ";
  for (size_t at = window.find(kIsA); at != std::string_view::npos;
       at = window.find(kIsA, at + 1)) {
    if (!starts_word(window, at)) continue;
    const size_t from = at + kIsA.size();
    const size_t found = window.find("dokument", from);
    if (found == std::string_view::npos || found - from > 20) continue;
    bool letters_between = true;
    for (size_t i = from; i < found; ++i) {
      const auto c = static_cast<unsigned char>(window[i]);
      if (!(c == ' ' || (c >= 'a' && c <= 'z') || c >= 0x80)) letters_between = false;
    }
    if (letters_between) return true;
  }
  return false;
}

}  // namespace

bool is_document_description(std::string_view text) {
  const std::string folded = lowercase_without_asides(text);
  const std::string_view all(folded);
  for (std::string_view noun : kDocumentNouns) {
    for (size_t at = all.find(noun); at != std::string_view::npos; at = all.find(noun, at + 1)) {
      const size_t end = at + noun.size();
      if (!ends_word(all, end)) continue;
      std::string_view window = all.substr(end, kVerbWindow);
      window = window.substr(0, window.find('.'));  // the same sentence
      for (std::string_view verb : kDescribingVerbs) {
        if (has_phrase_at_word_start(window, verb)) return true;
      }
      if (is_a_document(window)) return true;
    }
  }
  for (std::string_view article : {"beskrivs i ett ", "beskrivs i en ", "beskrivs i det ",
                                   "beskrivs i den "}) {
    if (has_phrase_at_word_start(all, article)) return true;
  }
  return false;
}

}  // namespace klausul
