#include "search/thesaurus.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "index/swedish_stemmer.h"
#include "ingest/decode_text.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

constexpr const char* kSystemPath = "/usr/share/mythes/th_sv_SE_v2.dat";
constexpr size_t kMaxFileBytes = 64u << 20;  // the Swedish file is 0.5 MB

// The stem of a one-word entry, or "" for phrases, annotations and very short words.
std::string entry_stem(std::string word) {
  if (auto paren = word.find('('); paren != std::string::npos) word.erase(paren);
  word = collapse_whitespace(fold_for_index(word));
  if (word.size() < 3 || word.find_first_of(" -./") != std::string::npos) return "";
  if (std::any_of(word.begin(), word.end(), [](unsigned char c) { return c >= '0' && c <= '9'; })) {
    return "";
  }
  return stem_swedish(word);
}

std::vector<std::string> split_bars(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, '|');) fields.push_back(field);
  return fields;
}

}  // namespace

Thesaurus::Thesaurus(std::istream& dat) {
  std::string encoding;
  std::getline(dat, encoding);
  encoding = collapse_whitespace(encoding);
  std::string bytes;
  bytes.assign(std::istreambuf_iterator<char>(dat), std::istreambuf_iterator<char>());
  std::string text;
  try {
    text = decode_text(bytes, encoding).utf8;
  } catch (const std::exception&) {
    return;  // an unreadable thesaurus is no thesaurus
  }
  std::istringstream lines(text);
  std::string head_stem;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    std::vector<std::string> fields = split_bars(line);
    if (line[0] != '|' && line[0] != '(' && line[0] != '-') {
      head_stem = fields.empty() ? "" : entry_stem(fields[0]);  // "headword|meanings"
      continue;
    }
    if (head_stem.empty()) continue;
    for (size_t i = 1; i < fields.size(); ++i) {
      const std::string stem = entry_stem(fields[i]);
      if (!stem.empty() && stem != head_stem) link(head_stem, stem);
    }
  }
  for (auto& [stem, others] : related_) {
    std::sort(others.begin(), others.end());
    others.erase(std::unique(others.begin(), others.end()), others.end());
  }
}

void Thesaurus::link(const std::string& a, const std::string& b) {
  related_[a].push_back(b);
  related_[b].push_back(a);
}

const Thesaurus& Thesaurus::system() {
  static const Thesaurus thesaurus = [] {
    const char* configured = std::getenv("KLAUSUL_THESAURUS");
    std::ifstream in(configured && *configured ? configured : kSystemPath, std::ios::binary);
    if (!in) return Thesaurus();
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0);
    if (size < 0 || static_cast<size_t>(size) > kMaxFileBytes) return Thesaurus();
    return Thesaurus(in);
  }();
  return thesaurus;
}

const std::vector<std::string>& Thesaurus::related(const std::string& stem) const {
  static const std::vector<std::string> none;
  auto it = related_.find(stem);
  return it == related_.end() ? none : it->second;
}

}  // namespace klausul
