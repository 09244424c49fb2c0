// Exports of the lists klausul shows (search hits, similar clauses, a document comparison) in
// the formats of DESIGN.md. Streaming: a writer gets its rows one at a time (begin, hit or
// pair per row, end) and never needs the whole list, so a 100,000-row export stays small.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "search/compare.h"
#include "search/coverage.h"
#include "search/hit.h"

namespace klausul {

enum class OutputFormat { text, json, jsonl, csv, xlsx, md, html };

/// Parses --format. Throws UsageError for an unknown format.
OutputFormat parse_output_format(const std::string& name);

/// Which list is exported: it decides the columns (compare rows are pairs, not hits;
/// coverage rows are regions with a verdict; context rows are a clause and its neighbours;
/// review rows are the clauses of a review list with their notes).
enum class ExportKind { search, similar, compare, coverage, context, review };

/// One row of a coverage export: a region with its verdict and one of its clauses (rank 1:
/// the best, one row per region; rank 2..: the extra clauses, after all the regions), or no
/// clause (hit null: "ingen träff", "inga dokument").
struct CoverageLine {
  const CoverageRow* row = nullptr;  // never null
  const Hit* hit = nullptr;
  int rank = 1;
};

/// What an export is about, shown in its header (xlsx: the sheet "Om exporten").
struct ExportContext {
  ExportKind kind = ExportKind::search;
  std::string query;  // search words, the similar clause id or text, "A ↔ B" for compare
  std::vector<std::pair<std::string, std::string>> filters;  // label -> value, as given
  std::string database;
  std::string exported_at;     // local time, "2024-05-02 14:03:11 +0200"
  const Hit* query_clause = nullptr;       // similar: the clause the others are compared with
  const DocumentInfo* document_a = nullptr;  // compare
  const DocumentInfo* document_b = nullptr;
  std::string focus_clause_id;  // context: the clause shown among its neighbours
};

/// Receives an export row by row. Call begin once, then hit() (search, similar, context),
/// pair() (compare) or region() (coverage) per row in order, then end(). Rows are written as
/// they come.
class ExportWriter {
 public:
  virtual ~ExportWriter() = default;
  virtual void begin(const ExportContext& context) = 0;
  virtual void hit(const Hit& hit) = 0;
  virtual void pair(const AlignedPair& pair) = 0;
  virtual void region(const CoverageLine& line) = 0;
  /// Finishes the file. Throws UsageError when it cannot be written.
  virtual void end() = 0;
};

struct ExportOptions {
  char csv_delimiter = ',';
};

/// A writer of a text format (json, jsonl, csv, md, html) onto `out`, which must outlive it.
/// Throws UsageError for text and xlsx (text is the commands' own; xlsx needs a file).
std::unique_ptr<ExportWriter> make_stream_writer(OutputFormat format, std::ostream& out,
                                                 const ExportOptions& options = {});

/// The current local time as ExportContext::exported_at wants it.
std::string export_timestamp();

/// One hit as the JSON object of DESIGN.md (rank, score, clause_id, document_id, region,
/// region_name, organisation, title, doc_type, year, section, page, slide, kind, text, path,
/// and context / snippet / query_region / matched_terms / duplicates / status /
/// status_reason / older_versions when set).
std::string hit_to_json(const Hit& hit);
/// One compare row: status, change (search/pair_change.h), score, a_clause_id, a_text,
/// a_section, a_page, a_slide, and the same for b (null on the side that has no clause), and
/// for an ändrad pair "diff": [{"op": "same"|"removed"|"added", "text": ...}].
std::string pair_to_json(const AlignedPair& pair);
/// One coverage row: region, region_name, verdict (key), verdict_label, has_documents,
/// query_region, rank, and the hit object's keys of its clause (null without a clause).
std::string coverage_line_to_json(const CoverageLine& line);
/// Writes a whole coverage result: the best clause of every region (or the region alone),
/// then the extra clauses region by region.
void write_coverage(ExportWriter& writer, const CoverageResult& result);
/// JSON of a DocumentInfo as in `list --format jsonl`, with its validity facts ("validity")
/// and, when given, its version status and the reason for it.
std::string document_to_json(const DocumentInfo& info, const std::string& status = "",
                             const std::string& status_reason = "");

/// Whole-list conveniences over the writers (for short lists such as `show`).
void write_jsonl(std::ostream& out, const std::vector<Hit>& hits);
void write_json(std::ostream& out, const std::vector<Hit>& hits);
void write_csv(std::ostream& out, const std::vector<Hit>& hits, char delimiter = ',');
/// Hits for people: rank, region, title, section, page, snippet (or text).
void write_text(std::ostream& out, const std::vector<Hit>& hits, bool ansi);

}  // namespace klausul
