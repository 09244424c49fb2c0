// Makes the dictionaries index/value_codec.h deflates stored values against, from an index:
//   value_dictionaries DB CLAUSE_WORDS_OUT STEMS_OUT
// CLAUSE_WORDS_OUT gets the words of the clauses' texts and headings, each with the space
// after it; STEMS_OUT the stems of their stem lists, each with the byte that ends a stem list
// entry of frequency 1. Each is cut to its budget by what an entry saves (occurrences times
// length) and written least saving first: deflate codes a near match in fewer bits, so the
// best entries go last, nearest the value. Run by tools/make-value-dictionaries.
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "index/clause_set.h"
#include "index/schema.h"
#include "index/stem_list.h"
#include "index/stored_data.h"

namespace {

constexpr size_t kClauseWordsBudget = 4096;
constexpr size_t kStemsBudget = 2048;
constexpr char kStemEnd = ' ';  // ends a stem list entry of frequency 1 (index/stem_list.cpp)

void count_words(const std::string& text, std::map<std::string, size_t>& counts) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end - start >= 2) ++counts[text.substr(start, end - start) + " "];
    start = end + 1;
  }
}

// The entries that save most within `budget` bytes, least saving first.
std::string dictionary_of(const std::map<std::string, size_t>& counts, size_t budget) {
  std::vector<std::pair<size_t, std::string>> by_saving;
  for (const auto& [entry, count] : counts) {
    if (count >= 2) by_saving.emplace_back(count * entry.size(), entry);
  }
  std::sort(by_saving.begin(), by_saving.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> kept;
  size_t size = 0;
  for (const auto& [saving, entry] : by_saving) {
    if (size + entry.size() > budget) continue;
    kept.push_back(entry);
    size += entry.size();
  }
  std::string dictionary;
  for (auto it = kept.rbegin(); it != kept.rend(); ++it) dictionary += *it;
  return dictionary;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: value_dictionaries DB CLAUSE_WORDS_OUT STEMS_OUT\n";
    return 2;
  }
  try {
    Xapian::Database db(argv[1]);
    std::map<std::string, size_t> words;
    std::map<std::string, size_t> stems;
    klausul::for_each_clause_docid(db, [&](Xapian::docid docid) {
      const Xapian::Document doc = db.get_document(docid);
      const klausul::Clause clause = klausul::clause_of_document(doc);
      count_words(clause.text, words);
      for (const std::string& heading : clause.section) count_words(heading, words);
      const std::string list = doc.get_value(klausul::schema::kStemsSlot);
      for (const auto& [term, wdf] : klausul::parse_stem_list(list)) {
        ++stems[term.substr(1) + kStemEnd];
      }
      return true;
    });
    std::ofstream(argv[2], std::ios::binary) << dictionary_of(words, kClauseWordsBudget);
    std::ofstream(argv[3], std::ios::binary) << dictionary_of(stems, kStemsBudget);
  } catch (const Xapian::Error& e) {
    std::cerr << "value_dictionaries: " << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
