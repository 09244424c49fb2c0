// The public face of the exporters: format names, the writer factory, whole-list helpers and
// the plain-text listing for terminals.
#include "search/export.h"

#include <ctime>

#include "ingest/error.h"
#include "search/export_writers.h"
#include "search/snippet.h"

namespace klausul {
namespace {

std::string place(const Clause& c) {
  if (c.slide > 0) return "bild " + std::to_string(c.slide);
  if (c.page > 0) return "sida " + std::to_string(c.page);
  return "";
}

void write_all(ExportWriter& writer, const std::vector<Hit>& hits) {
  writer.begin(ExportContext{});
  for (const Hit& hit : hits) writer.hit(hit);
  writer.end();
}

}  // namespace

OutputFormat parse_output_format(const std::string& name) {
  static const std::pair<const char*, OutputFormat> kNames[] = {
      {"text", OutputFormat::text}, {"json", OutputFormat::json}, {"jsonl", OutputFormat::jsonl},
      {"csv", OutputFormat::csv},   {"xlsx", OutputFormat::xlsx}, {"md", OutputFormat::md},
      {"html", OutputFormat::html}};
  for (const auto& [known, format] : kNames) {
    if (name == known) return format;
  }
  throw UsageError("unknown --format '" + name + "' (text, json, jsonl, csv, xlsx, md, html)");
}

std::unique_ptr<ExportWriter> make_stream_writer(OutputFormat format, std::ostream& out,
                                                 const ExportOptions& options) {
  switch (format) {
    case OutputFormat::json: return make_json_writer(out, false);
    case OutputFormat::jsonl: return make_json_writer(out, true);
    case OutputFormat::csv: return make_csv_writer(out, options.csv_delimiter);
    case OutputFormat::md: return make_markdown_writer(out);
    case OutputFormat::html: return make_html_writer(out);
    case OutputFormat::text:
    case OutputFormat::xlsx: break;
  }
  throw UsageError("this format is not written to a stream");
}

std::string export_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S %z", &local);
  return buffer;
}

void write_coverage(ExportWriter& writer, const CoverageResult& result) {
  for (const CoverageRow& row : result.rows) {
    writer.region(CoverageLine{&row, row.clauses.empty() ? nullptr : &row.clauses.front(), 1});
  }
  for (const CoverageRow& row : result.rows) {
    for (size_t i = 1; i < row.clauses.size(); ++i) {
      writer.region(CoverageLine{&row, &row.clauses[i], static_cast<int>(i) + 1});
    }
  }
}

void write_jsonl(std::ostream& out, const std::vector<Hit>& hits) {
  write_all(*make_json_writer(out, true), hits);
}

void write_json(std::ostream& out, const std::vector<Hit>& hits) {
  write_all(*make_json_writer(out, false), hits);
}

void write_csv(std::ostream& out, const std::vector<Hit>& hits, char delimiter) {
  write_all(*make_csv_writer(out, delimiter), hits);
}

void write_text(std::ostream& out, const std::vector<Hit>& hits, bool ansi) {
  for (const Hit& hit : hits) {
    const DocumentInfo& d = hit.document;
    const Clause& c = hit.clause;
    std::string heading = std::to_string(hit.rank) + ". " +
                          (d.region_name.empty() ? "(okänd region)" : d.region_name) + " — " +
                          (d.title.empty() ? d.path : d.title);
    std::string details;
    if (!d.doc_type.empty()) details += d.doc_type;
    if (d.year > 0) details += (details.empty() ? "" : ", ") + std::to_string(d.year);
    if (!hit.status.empty()) details += (details.empty() ? "" : ", ") + hit.status;
    if (!details.empty()) heading += " (" + details + ")";
    out << (ansi ? "\033[1m" : "") << heading << (ansi ? "\033[0m" : "") << '\n';
    std::string where = section_label(c.section);
    const std::string at = place(c);
    if (!at.empty()) where += (where.empty() ? "" : " · ") + at;
    if (!where.empty()) out << "   " << where << '\n';
    const std::string body =
        hit.snippet.empty() ? c.text : snippet_for_terminal(hit.snippet, ansi);
    out << "   " << body << '\n';
    for (const Place& other : hit.duplicates) {
      out << "   finns även i: " << other.path;
      if (other.page > 0) out << " (sida " << other.page << ')';
      if (other.slide > 0) out << " (bild " << other.slide << ')';
      out << '\n';
    }
    for (const OlderVersion& older : hit.older_versions) {
      out << "   äldre version (" << older.status << (older.date.empty() ? "" : ", " + older.date)
          << "): " << (older.title.empty() ? older.document_id : older.title) << " ["
          << older.clause_id << "]\n";
    }
    out << "   [" << c.id << "]\n\n";
  }
}

}  // namespace klausul
