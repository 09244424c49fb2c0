// Section records: each distinct section trail of a document stored once.
//
// Many clauses share a trail ("Inledning > Syfte"). Its words are indexed once, on a section
// record: a Xapian document of kind XKsection holding the trail's words with positions (so
// that avsnitt:"..." phrases match) and stems under schema::kSectionPrefix, plus the
// document's XD term (deleted with the document). Each clause under the trail carries only
// the trail's key term, XD<document id>/<n> (index/schema.h), which is also the record's data.
// search/field_query.h turns avsnitt: into the key terms of the matching records.
//
// similar and compare weigh a clause's section stems (search/clause_vector.h): the clause's
// stem list (index/stem_list.h) keeps them exactly as when the trail was indexed on every
// clause, so their scores do not change.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace klausul {

/// One distinct section trail of a document.
struct SectionTrail {
  std::string key_term;  // section key term; empty for the empty trail (a clause before any heading)
  // The section stems ("Z" + XS + stem) and counts a clause under this trail keeps in its
  // stem list: those of DocumentIndexer::add_words over the trail's label.
  std::vector<std::pair<std::string, Xapian::termcount>> stems;
};

/// The section trails of one document and their records, made while its clauses are
/// analysed. Not thread-safe: one per document being prepared.
class DocumentSections {
 public:
  explicit DocumentSections(std::string document_id);
  DocumentSections(const DocumentSections&) = delete;
  DocumentSections& operator=(const DocumentSections&) = delete;

  /// The trail `section` (outermost heading first). The first call for a trail numbers it
  /// (1, 2, ... in order of first appearance) and makes its section record. The reference
  /// stays valid while this object lives.
  const SectionTrail& trail(const std::vector<std::string>& section);

  /// The section records of the trails seen so far, in order of first appearance.
  std::vector<Xapian::Document> take_records() { return std::move(records_); }

 private:
  std::string document_id_;
  std::map<std::vector<std::string>, SectionTrail> trails_;
  std::vector<Xapian::Document> records_;
};

/// The stem list of a clause document under `trail`: its own vector terms plus the trail's
/// stems, as stem_list_of() gathered them when the trail was indexed on the clause.
std::string stem_list_with_trail(const Xapian::Document& clause, const SectionTrail& trail);

}  // namespace klausul
