#include "search/field_query.h"

#include <vector>

#include "index/schema.h"
#include "search/query.h"

namespace klausul {
namespace {

const std::string& prefix_of(RecordField field) {
  return field == RecordField::title ? schema::kTitlePrefix : schema::kSectionPrefix;
}

const std::string& kind_of(RecordField field) {
  return field == RecordField::title ? schema::kDocumentKind : schema::kSectionKind;
}

// The term of the clauses a matching record stands for.
std::string covered_term(RecordField field, const Xapian::Document& record) {
  if (field == RecordField::section) return record.get_data();
  const std::string id = record.get_value(schema::kDocumentSlot);
  return id.empty() ? std::string() : schema::document_term(id);
}

}  // namespace

RecordFieldQuery::RecordFieldQuery(const Xapian::Database& db, RecordField field)
    : db_(db), field_(field) {}

Xapian::Query RecordFieldQuery::parse(const std::string& text) const {
  Xapian::QueryParser parser = swedish_query_parser();
  // A boolean value stops at a space: one with a space was quoted by the user.
  const bool quoted = text.find_first_of(" \t") != std::string::npos;
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
  try {
    return parser.parse_query(quoted ? "\"" + text + "\"" : text, flags, prefix_of(field_));
  } catch (const Xapian::QueryParserError&) {
    // A stray quote or bracket inside the value: its words, without operators.
    return parser.parse_query(text, 0, prefix_of(field_));
  }
}

Xapian::Query RecordFieldQuery::operator()(const std::string& text) {
  const Xapian::Query words = parse(text);
  if (words.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> covered;
  // An empty Xapian::Database (no index: query tests) cannot run an Enquire.
  if (db_.get_doccount() > 0) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, words,
                                    Xapian::Query(schema::kKindPrefix + kind_of(field_))));
    Xapian::MSet records = enquire.get_mset(0, kMaxRecords);
    records.fetch();  // a remote shard sends the records in one exchange
    for (auto it = records.begin(); it != records.end(); ++it) {
      std::string term = covered_term(field_, it.get_document());
      if (!term.empty()) covered.emplace_back(std::move(term));
    }
  }
  covered.push_back(words);
  const Xapian::Query records_kinds(Xapian::Query::OP_OR,
                                    Xapian::Query(schema::kKindPrefix + schema::kDocumentKind),
                                    Xapian::Query(schema::kKindPrefix + schema::kSectionKind));
  return Xapian::Query(Xapian::Query::OP_AND_NOT,
                       Xapian::Query(Xapian::Query::OP_OR, covered.begin(), covered.end()),
                       records_kinds);
}

}  // namespace klausul
