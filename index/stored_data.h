// What the index stores of a clause and of a document: a clause (compact binary: see
// stored_data.cpp; clauses stored as JSON by older indexes are still read) in its clause
// document's kClauseSlot value (index/schema.h; older indexes: in the document's data), and a
// DocumentInfo (JSON, in a document record's data: one per document, read by other tools too).
#pragma once

#include <xapian.h>

#include <string>

#include "ingest/document.h"

namespace klausul {

std::string clause_to_data(const Clause& clause);
/// Throws IndexError when the data is not a stored clause.
Clause clause_from_data(const std::string& data);
/// The clause a clause document holds: its kClauseSlot value, else (an index written before
/// that value) its data. Throws IndexError when it holds no clause (a record).
Clause clause_of_document(const Xapian::Document& doc);

std::string document_info_to_data(const DocumentInfo& info);
/// The validity facts alone, as the JSON object stored in a record ({} when none is known).
std::string validity_to_data(const Validity& validity);
/// Throws IndexError when the data is not a stored document record.
DocumentInfo document_info_from_data(const std::string& data);

}  // namespace klausul
