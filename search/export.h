// Writers of hit lists in the formats of DESIGN.md. Streaming: rows are written as they come.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "search/hit.h"

namespace klausul {

enum class OutputFormat { text, json, jsonl, csv };

/// Parses --format. Throws UsageError for an unknown or not yet supported format.
OutputFormat parse_output_format(const std::string& name);

/// One hit as the JSON object of DESIGN.md (rank, score, clause_id, document_id, region,
/// region_name, organisation, title, doc_type, year, section, page, slide, text, path, and
/// snippet / query_region when set).
std::string hit_to_json(const Hit& hit);

/// Writes hits as JSON Lines: one object per line.
void write_jsonl(std::ostream& out, const std::vector<Hit>& hits);
/// Writes hits as one JSON array.
void write_json(std::ostream& out, const std::vector<Hit>& hits);
/// Writes hits as RFC 4180 CSV with a header row, UTF-8 with BOM.
void write_csv(std::ostream& out, const std::vector<Hit>& hits, char delimiter = ',');
/// Writes hits for people: rank, region, title, section, page, snippet (or text).
void write_text(std::ostream& out, const std::vector<Hit>& hits, bool ansi);

/// JSON of a DocumentInfo as in `list --format jsonl`.
std::string document_to_json(const DocumentInfo& info);

}  // namespace klausul
