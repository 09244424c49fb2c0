#include "index/stem_list.h"

#include <charconv>

#include "index/schema.h"

namespace klausul {
namespace {

constexpr char kWdfSeparator = '\x01';

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

bool is_vector_term(std::string_view term) {
  if (term.size() < 2 || term[0] != 'Z') return false;
  if (!is_upper_ascii(term[1])) return true;  // body stem
  const std::string_view rest = term.substr(1);
  return rest.starts_with(schema::kSectionPrefix) && rest.size() > schema::kSectionPrefix.size() &&
         !is_upper_ascii(rest[schema::kSectionPrefix.size()]);
}

std::string stem_list_of(const Xapian::Document& doc) {
  std::string list;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (!is_vector_term(term)) continue;
    list += term;
    list += kWdfSeparator;
    list += std::to_string(it.get_wdf());
    list += '\n';
  }
  return list;
}

std::vector<std::pair<std::string, Xapian::termcount>> parse_stem_list(std::string_view value) {
  std::vector<std::pair<std::string, Xapian::termcount>> entries;
  while (!value.empty()) {
    const size_t end = value.find('\n');
    const std::string_view entry = value.substr(0, end);
    value = end == std::string_view::npos ? std::string_view() : value.substr(end + 1);
    const size_t separator = entry.find(kWdfSeparator);
    if (separator == 0 || separator == std::string_view::npos) continue;
    Xapian::termcount wdf = 0;
    const std::string_view number = entry.substr(separator + 1);
    auto [ptr, error] = std::from_chars(number.data(), number.data() + number.size(), wdf);
    if (error != std::errc() || ptr != number.data() + number.size() || wdf == 0) continue;
    entries.emplace_back(std::string(entry.substr(0, separator)), wdf);
  }
  return entries;
}

}  // namespace klausul
