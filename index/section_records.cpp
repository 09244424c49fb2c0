#include "index/section_records.h"

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/stem_list.h"
#include "ingest/document.h"

namespace klausul {
namespace {

Xapian::Document section_record(const std::string& document_id, const std::string& key_term,
                                const std::vector<std::string>& section) {
  Xapian::Document record;
  record.set_data(key_term);
  DocumentIndexer indexer(record);
  // One heading per call: a position gap between headings, so a phrase never spans two.
  for (const std::string& heading : section) indexer.add_text(heading, schema::kSectionPrefix);
  record.add_boolean_term(schema::kKindPrefix + schema::kSectionKind);
  record.add_boolean_term(schema::document_term(document_id));
  return record;
}

}  // namespace

DocumentSections::DocumentSections(std::string document_id)
    : document_id_(std::move(document_id)) {}

const SectionTrail& DocumentSections::trail(const std::vector<std::string>& section) {
  auto it = trails_.find(section);
  if (it != trails_.end()) return it->second;
  SectionTrail trail;
  if (!section.empty()) {
    trail.key_term = schema::section_key_term(document_id_, records_.size() + 1);
    records_.push_back(section_record(document_id_, trail.key_term, section));
    Xapian::Document words;
    DocumentIndexer(words).add_words(section_label(section), schema::kSectionPrefix);
    for (auto term = words.termlist_begin(); term != words.termlist_end(); ++term) {
      if (is_vector_term(*term)) trail.stems.emplace_back(*term, term.get_wdf());
    }
  }
  return trails_.emplace(section, std::move(trail)).first->second;
}

std::string stem_list_with_trail(const Xapian::Document& clause, const SectionTrail& trail) {
  // A copy of the terms, not of the document: a copied Xapian::Document shares its terms.
  Xapian::Document terms;
  for (auto term = clause.termlist_begin(); term != clause.termlist_end(); ++term) {
    if (is_vector_term(*term)) terms.add_term(*term, term.get_wdf());
  }
  for (const auto& [stem, wdf] : trail.stems) terms.add_term(stem, wdf);
  return stem_list_of(terms);
}

}  // namespace klausul
