#include "ingest/regions.h"

#include "ingest/embedded_data.h"
#include "ingest/error.h"
#include "ingest/normalize.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_map>

namespace klausul {
namespace {

// Mentions this close to the start are letterheads and titles: they say whose document it is,
// while later mentions may be partners, quotes or a scraped listing of other documents.
constexpr std::size_t kLetterheadBytes = 1500;
constexpr int kLetterheadFactor = 3;

struct Word {
  std::string_view text;
  std::size_t offset;  // byte offset in the folded text
};

// Words of an ascii_key-folded text: runs of letters and digits. Everything else (spaces,
// punctuation, dashes, quotes) is a boundary, so "jamtland-harjedalen" is two words.
std::vector<Word> split_words(std::string_view folded) {
  std::vector<Word> words;
  const auto length = static_cast<int32_t>(folded.size());
  int32_t i = 0;
  int32_t start = -1;
  while (i < length) {
    const int32_t here = i;
    UChar32 c;
    U8_NEXT(folded.data(), i, length, c);
    const bool letter = c >= 0 && (c < 0x80 ? std::isalnum(c) != 0 : u_isalnum(c) != 0);
    if (letter && start < 0) start = here;
    if (!letter && start >= 0) {
      words.push_back({folded.substr(start, here - start), static_cast<std::size_t>(start)});
      start = -1;
    }
  }
  if (start >= 0) words.push_back({folded.substr(start), static_cast<std::size_t>(start)});
  return words;
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  const std::string folded = ascii_key(name);
  for (const Word& w : split_words(folded)) out.emplace_back(w.text);
  return out;
}

// Equal, or `text` is the genitive of `name` ("orebros", "stockholmsregionens").
bool word_matches(std::string_view text, std::string_view name, bool allow_genitive) {
  if (text == name) return true;
  return allow_genitive && text.size() == name.size() + 1 && text.back() == 's' &&
         text.substr(0, name.size()) == name;
}

struct Pattern {
  std::vector<std::string> words;
  std::size_t region;
  int weight;  // longer names are more specific than a bare place name
};

}  // namespace

// All names of all regions, folded once when the table is built, indexed by first word for
// the one-pass scan.
struct RegionMatcher {
  std::vector<Pattern> patterns;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first;

  explicit RegionMatcher(const std::vector<Region>& regions);
  // Length in words of the longest pattern at words[i], and which; 0 when none.
  std::size_t longest_at(const std::vector<Word>& words, std::size_t i, std::size_t& which) const;
};

RegionMatcher::RegionMatcher(const std::vector<Region>& regions) {
  for (std::size_t r = 0; r < regions.size(); ++r) {
    std::vector<std::string> names = regions[r].aliases;
    names.push_back(regions[r].name);
    for (const std::string& name : names) {
      std::vector<std::string> words = name_words(name);
      if (words.empty()) continue;
      const int weight = static_cast<int>(std::min<std::size_t>(words.size(), 3));
      by_first[words.front()].push_back(patterns.size());
      patterns.push_back({std::move(words), r, weight});
    }
  }
  // Longest first, so the first full match at a position is the most specific one.
  for (auto& [first, list] : by_first) {
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      return patterns[a].words.size() > patterns[b].words.size();
    });
  }
}

bool matches_at(const Pattern& p, const std::vector<Word>& words, std::size_t i) {
  if (i + p.words.size() > words.size()) return false;
  for (std::size_t k = 0; k < p.words.size(); ++k) {
    if (!word_matches(words[i + k].text, p.words[k], k + 1 == p.words.size())) return false;
  }
  return true;
}

std::size_t RegionMatcher::longest_at(const std::vector<Word>& words, std::size_t i,
                                std::size_t& which) const {
  std::string_view first = words[i].text;
  std::size_t best = 0;
  for (int genitive = 0; genitive < 2; ++genitive) {
    if (genitive && (first.size() < 2 || first.back() != 's')) break;
    auto it = by_first.find(std::string(genitive ? first.substr(0, first.size() - 1) : first));
    if (it == by_first.end()) continue;
    for (std::size_t index : it->second) {
      const Pattern& p = patterns[index];
      if (genitive && p.words.size() != 1) continue;  // only the last word takes the -s
      if (p.words.size() > best && matches_at(p, words, i)) {
        best = p.words.size();
        which = index;
        break;  // sorted longest first
      }
    }
  }
  return best;
}

namespace {

std::string trim(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

std::vector<std::string> split(std::string_view s, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = s.find(separator, start);
    parts.push_back(trim(s.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool valid_key(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Words that occur in many regions' names and so identify none on their own.
bool generic_word(std::string_view w) {
  static const char* const kGeneric[] = {"region", "regionen", "landsting", "landstinget",
                                         "lan", "lans", "i", "och", "regionforbundet",
                                         "kommunforbundet", "kommun"};
  return std::any_of(std::begin(kGeneric), std::end(kGeneric),
                     [&](const char* g) { return w == g; });
}

bool same_words(const std::vector<std::string>& query, const std::vector<std::string>& name) {
  if (query.size() != name.size()) return false;
  for (std::size_t k = 0; k < name.size(); ++k) {
    if (!word_matches(query[k], name[k], k + 1 == name.size())) return false;
  }
  return true;
}

// `query` occurs as consecutive words of `name`, each word possibly in the genitive either way.
bool contains_words(const std::vector<std::string>& name, const std::vector<std::string>& query) {
  if (query.empty() || query.size() > name.size()) return false;
  for (std::size_t i = 0; i + query.size() <= name.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < query.size() && all; ++k) {
      all = word_matches(query[k], name[i + k], true) || word_matches(name[i + k], query[k], true);
    }
    if (all) return true;
  }
  return false;
}

}  // namespace

RegionTable RegionTable::parse(std::string_view tsv) {
  RegionTable table;
  std::istringstream in{std::string(tsv)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const std::vector<std::string> fields = split(line, '\t');
    const std::string where = "regions.tsv line " + std::to_string(number) + ": ";
    if (fields.size() < 2 || fields.size() > 3 || fields[1].empty()) {
      throw UsageError(where + "expected key<TAB>name<TAB>aliases");
    }
    if (!valid_key(fields[0])) throw UsageError(where + "bad key '" + fields[0] + "'");
    for (const Region& r : table.regions_) {
      if (r.key == fields[0]) throw UsageError(where + "duplicate key '" + fields[0] + "'");
    }
    Region region{fields[0], fields[1], {}};
    if (fields.size() == 3) {
      for (std::string& alias : split(fields[2], '|')) {
        if (!alias.empty()) region.aliases.push_back(std::move(alias));
      }
    }
    table.regions_.push_back(std::move(region));
  }
  table.matcher_ = std::make_shared<const RegionMatcher>(table.regions_);
  return table;
}

RegionTable RegionTable::load(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw UsageError("cannot read region table " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return parse(text.str());
}

const RegionTable& RegionTable::builtin() {
  static const RegionTable table = parse(embedded::regions_tsv());
  return table;
}

std::optional<Region> RegionTable::find(std::string_view name) const {
  const std::string folded = trim(ascii_key(name));
  if (folded.empty()) return std::nullopt;
  for (const Region& r : regions_) {
    if (r.key == folded) return r;
  }
  const std::vector<std::string> query = name_words(folded);
  if (!matcher_) return std::nullopt;
  const RegionMatcher& matcher = *matcher_;
  for (const Pattern& p : matcher.patterns) {
    if (same_words(query, p.words)) return regions_[p.region];
  }
  for (const Region& r : regions_) {
    if (same_words(query, name_words(r.key))) return r;  // "vastra gotaland", "jamtland harjedalen"
  }
  // A distinctive word or two ("västra götaland", "region jönköping"): accept it when the
  // non-generic words occur in the names of exactly one region.
  std::vector<std::string> distinctive;
  for (const std::string& w : query) {
    if (!generic_word(w)) distinctive.push_back(w);
  }
  std::optional<std::size_t> found;
  for (const Pattern& p : matcher.patterns) {
    if (!contains_words(p.words, distinctive)) continue;
    if (found && *found != p.region) return std::nullopt;  // ambiguous
    found = p.region;
  }
  if (found) return regions_[*found];
  return std::nullopt;
}

void RegionTable::require_known(const std::vector<std::string>& names) const {
  for (const std::string& name : names) {
    if (!find(name)) throw UsageError("unknown region '" + name + "'");
  }
}

std::optional<Region> RegionTable::detect(std::string_view text) const {
  if (!matcher_ || text.empty()) return std::nullopt;
  const RegionMatcher& matcher = *matcher_;
  const std::string folded = ascii_key(text);
  const std::vector<Word> words = split_words(folded);
  std::vector<long> score(regions_.size(), 0);
  std::vector<std::size_t> first(regions_.size(), std::string::npos);
  for (std::size_t i = 0; i < words.size();) {
    std::size_t which = 0;
    const std::size_t length = matcher.longest_at(words, i, which);
    if (length == 0) {
      ++i;
      continue;
    }
    const Pattern& p = matcher.patterns[which];
    const bool letterhead = words[i].offset < kLetterheadBytes;
    score[p.region] += p.weight * (letterhead ? kLetterheadFactor : 1);
    first[p.region] = std::min(first[p.region], words[i].offset);
    i += length;  // "Stockholms läns landsting" is one mention, not also "Stockholms län"
  }
  std::optional<std::size_t> best;
  for (std::size_t r = 0; r < regions_.size(); ++r) {
    if (score[r] == 0) continue;
    // Ties go to the region named first.
    if (!best || score[r] > score[*best] || (score[r] == score[*best] && first[r] < first[*best])) {
      best = r;
    }
  }
  if (!best) return std::nullopt;
  return regions_[*best];
}

}  // namespace klausul
