// What a Xapian document's data holds: a clause (clause documents, compact binary: see
// stored_data.cpp; clauses stored as JSON by older indexes are still read) or a DocumentInfo
// (document records, JSON: one per document, read by other tools too).
#pragma once

#include <string>

#include "ingest/document.h"

namespace klausul {

std::string clause_to_data(const Clause& clause);
/// Throws IndexError when the data is not a stored clause.
Clause clause_from_data(const std::string& data);

std::string document_info_to_data(const DocumentInfo& info);
/// The validity facts alone, as the JSON object stored in a record ({} when none is known).
std::string validity_to_data(const Validity& validity);
/// Throws IndexError when the data is not a stored document record.
DocumentInfo document_info_from_data(const std::string& data);

}  // namespace klausul
