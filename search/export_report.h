// What the readable reports (Markdown and HTML) share: which words to highlight, the lines of
// the export's header, and grouping rows by region without holding them in memory.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "search/export.h"
#include "search/hit.h"

namespace klausul {

/// A piece of a clause's text, highlighted when it is a matched word.
struct TextSpan {
  std::string text;
  bool marked = false;
};

/// The clause text of `hit` cut into spans, the words that made it match marked: the words
/// the search snippet marks (<b>...</b>) and, for similar, words starting with one of
/// matched_terms (they are stems). The spans joined give back the text unchanged.
std::vector<TextSpan> highlight(const Hit& hit);

/// The heading of a report of `kind` ("Sökträffar", ..., "Täckning per region").
const char* export_title(ExportKind kind);

/// Label/value lines describing an export (query, filters, database, time, documents).
std::vector<std::pair<std::string, std::string>> context_lines(const ExportContext& context);

/// "Äldre version (ersatt, 2005): Riktlinjer ... · klausul ID": an older version under a hit.
std::string older_version_line(const OlderVersion& older);

/// "Region Stockholm", or "(okänd region)" when the document has none.
std::string region_heading(const Hit& hit);

/// "riktlinjer, 2012 · gällande · Överväganden > EU · sida 3" (the parts that are known).
std::string hit_details(const Hit& hit);

/// The hit's document for a table cell: its title (else its path) and hit_details().
std::string document_line(const Hit& hit);

/// Rows grouped by region, in the order the regions first appear, each group's rendered rows
/// kept in a temporary file (deleted automatically) so memory stays flat however many rows.
class RegionSpool {
 public:
  RegionSpool() = default;
  ~RegionSpool();
  RegionSpool(const RegionSpool&) = delete;
  RegionSpool& operator=(const RegionSpool&) = delete;

  /// Appends a rendered row to the group `heading`. Throws UsageError when the temporary file
  /// cannot be written.
  void add(const std::string& heading, const std::string& rendered);
  /// Per group in order: group_start(heading, row count), then text(chunk) until the group's
  /// rendered rows are all passed on.
  void drain(const std::function<void(const std::string&, long)>& group_start,
             const std::function<void(const std::string&)>& text);

 private:
  struct Group {
    std::string heading;
    long rows = 0;
    std::FILE* file = nullptr;
  };
  std::vector<Group> groups_;
};

}  // namespace klausul
