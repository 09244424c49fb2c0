#include "search/thesaurus.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <unordered_map>

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
  // A word is in many entries (86,000 fields, 16,000 distinct in the Swedish file): each is
  // folded and stemmed once.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> stem_of;
  auto cached_stem = [&stem_of](std::string_view word) -> const std::string& {
    auto it = stem_of.find(word);
    if (it == stem_of.end()) it = stem_of.emplace(word, entry_stem(std::string(word))).first;
    return it->second;
  };
  std::string head_stem;
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    if (line.empty()) continue;
    // "headword|meanings", then "(class)|word|word..." lines: fields split at '|'.
    const size_t first_bar = line.find('|');
    if (line[0] != '|' && line[0] != '(' && line[0] != '-') {
      head_stem = cached_stem(line.substr(0, first_bar));
      continue;
    }
    if (head_stem.empty() || first_bar == std::string_view::npos) continue;
    std::string_view fields = line.substr(first_bar + 1);
    while (true) {
      const size_t bar = fields.find('|');
      const std::string& stem = cached_stem(fields.substr(0, bar));
      if (!stem.empty() && stem != head_stem) link(head_stem, stem);
      if (bar == std::string_view::npos) break;
      fields.remove_prefix(bar + 1);
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
