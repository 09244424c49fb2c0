#include "index/document_topic.h"

#include <algorithm>
#include <map>
#include <utility>

#include "index/schema.h"
#include "index/stem_list.h"

namespace klausul {

std::string document_topic(const std::vector<Xapian::Document>& clause_documents) {
  std::map<std::string, Xapian::termcount> clauses_with;
  const std::string section_stem = "Z" + schema::kSectionPrefix;
  for (const Xapian::Document& clause : clause_documents) {
    for (auto& [term, wdf] : parse_stem_list(clause.get_value(schema::kStemsSlot))) {
      if (!is_vector_term(term) || term.starts_with(section_stem)) continue;
      ++clauses_with[term];
    }
  }
  std::vector<std::pair<std::string, Xapian::termcount>> entries(clauses_with.begin(),
                                                                 clauses_with.end());
  // Stable on the term order of the map: equal counts keep the first terms.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (entries.size() > kTopicStems) entries.resize(kTopicStems);
  if (entries.empty()) return {};
  std::sort(entries.begin(), entries.end());
  return encode_stem_list(entries);
}

}  // namespace klausul
