// What a Xapian document's data holds: a clause (clause documents) or a DocumentInfo
// (document records), as JSON so that remote shards and other tools can read it.
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
