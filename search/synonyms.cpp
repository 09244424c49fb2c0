#include "search/synonyms.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "index/analyzer.h"
#include "ingest/embedded_data.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

std::string stem_of(const std::string& folded_word) {
  thread_local Xapian::Stem stemmer = swedish_stemmer();
  return stemmer(folded_word);
}

std::string user_synonyms_path() {
  if (const char* path = std::getenv("KLAUSUL_SYNONYMS"); path && *path) return path;
  if (const char* config = std::getenv("XDG_CONFIG_HOME"); config && *config) {
    return std::string(config) + "/klausul/synonyms.tsv";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.config/klausul/synonyms.tsv";
  }
  return "";
}

// Splits off leading '(' and '+'/'-' and trailing punctuation so "(landsting," still matches.
bool bare_word(const std::string& token, std::string& lead, std::string& word,
               std::string& tail) {
  size_t begin = token.find_first_not_of("(+-");
  size_t end = token.find_last_not_of("),.;!?");
  if (begin == std::string::npos || end == std::string::npos || end < begin) return false;
  lead = token.substr(0, begin);
  word = token.substr(begin, end - begin + 1);
  tail = token.substr(end + 1);
  return word.find_first_of(":\"*") == std::string::npos;
}

}  // namespace

SynonymTable SynonymTable::parse(std::string_view tsv) {
  SynonymTable table;
  std::istringstream lines{std::string(tsv)};
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> words;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) {
      std::string word = collapse_whitespace(fold_for_index(field));
      if (!word.empty()) words.push_back(word);
    }
    if (words.size() >= 2) table.add_group(words);
  }
  return table;
}

const SynonymTable& SynonymTable::standard() {
  static const SynonymTable table = [] {
    SynonymTable merged = parse(embedded::synonyms_tsv());
    const std::string path = user_synonyms_path();
    std::ifstream user(path);
    if (!path.empty() && user) {
      std::stringstream text;
      text << user.rdbuf();
      for (const auto& group : parse(text.str()).groups_) merged.add_group(group);
    }
    return merged;
  }();
  return table;
}

const SynonymTable& SynonymTable::related() {
  static const SynonymTable table = parse(embedded::related_tsv());
  return table;
}

void SynonymTable::add_group(const std::vector<std::string>& words) {
  std::vector<std::string> stems;
  for (const std::string& word : words) stems.push_back(stem_of(word));
  groups_.push_back(words);
  group_stems_.push_back(std::move(stems));
}

std::vector<std::string> SynonymTable::synonyms_of(const std::string& word) const {
  const std::string stem = stem_of(word);
  std::vector<std::string> result;
  for (size_t g = 0; g < groups_.size(); ++g) {
    bool member = false;
    for (size_t i = 0; i < groups_[g].size(); ++i) {
      member = member || groups_[g][i] == word || group_stems_[g][i] == stem;
    }
    if (!member) continue;
    for (size_t i = 0; i < groups_[g].size(); ++i) {
      const std::string& other = groups_[g][i];
      if (other == word || group_stems_[g][i] == stem) continue;
      if (std::find(result.begin(), result.end(), other) == result.end()) result.push_back(other);
    }
  }
  return result;
}

std::string SynonymTable::expand_query(const std::string& folded_query) const {
  std::string expanded;
  std::istringstream tokens(folded_query);
  bool in_phrase = false;
  for (std::string token; tokens >> token;) {
    if (!expanded.empty()) expanded += ' ';
    const size_t quotes = static_cast<size_t>(std::count(token.begin(), token.end(), '"'));
    std::string lead, word, tail;
    if (!in_phrase && quotes == 0 && bare_word(token, lead, word, tail)) {
      std::vector<std::string> others = synonyms_of(word);
      if (!others.empty()) {
        expanded += lead + "(" + word;
        for (const std::string& other : others) expanded += " OR " + other;
        expanded += ")" + tail;
        continue;
      }
    }
    if (quotes % 2 == 1) in_phrase = !in_phrase;
    expanded += token;
  }
  return expanded;
}

}  // namespace klausul
