// titel: and avsnitt: — fields stored once, on records, and joined to the clauses at query
// time (index/schema.h: a title is on its document record, a section trail on its section
// record; clauses carry only the XD and XA terms that point at them).
//
// How a field is searched (a Xapian::FieldProcessor per field):
//  1. The field's text is parsed with the analyser's rules (Swedish stemmer, STEM_SOME,
//     stopwords, wildcards) under the field's prefix. The processor is registered for a
//     boolean prefix, because Xapian 1.4 hands a free-text prefix's processor single words
//     and drops quoted phrases; a boolean value stops at a space, so a text with a space came
//     quoted and is parsed as a phrase.
//  2. That query runs against the records holding the field (document records for titel:,
//     section records for avsnitt:), at most kMaxRecords of them, best matches first.
//  3. Each matching record stands for clauses: its document's XD term (titel:, read from the
//     record's document-id value) or its trail's XA term (avsnitt:, the record's data).
//  4. The answer is the OR of those terms and of the parsed query itself, records left out.
//     The parsed query matches the field's words where clauses hold them: a heading's own
//     words (avsnitt:), and titles and trails on every clause of an index written before the
//     records (there without positions: phrases do not match, as before).
// The field is a filter: it restricts the clauses and gives them no weight.
#pragma once

#include <xapian.h>

#include <string>

namespace klausul {

/// The fields that live on records.
enum class RecordField { title, section };

/// At most this many records answer one field query: a title or section query matching more
/// documents (or trails) than this keeps its best-matching ones. One record per document
/// keeps real archives far below it; the bound keeps a query's OR of terms bounded.
inline constexpr Xapian::doccount kMaxRecords = 10000;

/// The field processor of titel:/title: or avsnitt:/section:. `db` must outlive it (an empty
/// Xapian::Database is fine: nothing matches then but the clause-held words).
class RecordFieldQuery : public Xapian::FieldProcessor {
 public:
  RecordFieldQuery(const Xapian::Database& db, RecordField field);

  /// The clauses whose title (or section) matches `text` (folded, as the query is).
  Xapian::Query operator()(const std::string& text) override;

 private:
  Xapian::Query parse(const std::string& text) const;

  const Xapian::Database& db_;
  RecordField field_;
};

}  // namespace klausul
