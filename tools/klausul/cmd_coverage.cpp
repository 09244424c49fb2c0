// `klausul coverage` and `klausul show ID --context N`: how every region has written about a
// point, and one clause among its neighbours.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "index/database.h"
#include "ingest/error.h"
#include "search/clause_context.h"
#include "search/coverage.h"
#include "search/export.h"
#include "search/export_context.h"
#include "search/open_database.h"
#include "search/term_model_store.h"
#include "search/versions.h"
#include "search/version_store.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/output.h"

namespace klausul::cli {
namespace {

std::string score_text(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

// Characters, not bytes, so that "Region Jönköpings län" pads like "Region Uppsala".
size_t characters(const std::string& utf8) {
  size_t count = 0;
  for (unsigned char c : utf8) count += (c & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

std::string place(const Clause& c) {
  std::string where = section_label(c.section);
  const std::string at = c.slide > 0  ? "bild " + std::to_string(c.slide)
                         : c.page > 0 ? "sida " + std::to_string(c.page)
                                      : "";
  if (!at.empty()) where += (where.empty() ? "" : " · ") + at;
  return where;
}

std::string document_line(const Hit& hit) {
  std::string line = hit.document.title.empty() ? hit.document.path : hit.document.title;
  if (hit.document.year > 0) line += " (" + std::to_string(hit.document.year) + ")";
  if (const std::string where = place(hit.clause); !where.empty()) line += " · " + where;
  return line;
}

void write_coverage_text(std::ostream& out, const CoverageResult& result) {
  const Hit& q = result.query;
  out << "Täckning per region för: " << q.clause.text << '\n';
  if (!q.clause.id.empty()) {
    out << "  (klausul " << q.clause.id << ", " << q.document.region_name << " — "
        << q.document.title << ")\n";
  }
  for (const CoverageRow& row : result.rows) {
    std::string name = row.region.name + (row.query_region ? " (frågans region)" : "");
    out << '\n'
        << name << std::string(std::max<size_t>(1, 40 - characters(name)), ' ')
        << verdict_label(row.verdict);
    if (!row.clauses.empty()) out << "  " << score_text(row.clauses.front().score);
    out << '\n';
    for (size_t i = 0; i < row.clauses.size(); ++i) {
      const Hit& hit = row.clauses[i];
      out << "   " << (i ? std::to_string(i + 1) + ". " + score_text(hit.score) + "  " : "")
          << document_line(hit) << "\n   " << hit.clause.text << "\n   [" << hit.clause.id << "]\n";
    }
  }
  out << '\n' << coverage_summary(result) << '\n';
}

void write_context_text(std::ostream& out, const ClauseContext& context, bool ansi) {
  const DocumentInfo& d = context.document;
  const Clause& focus = context.clauses.at(context.focus).clause;
  out << (d.title.empty() ? d.path : d.title) << '\n';
  std::string about = d.region_name.empty() ? "(okänd region)" : d.region_name;
  if (!d.doc_type.empty()) about += " · " + d.doc_type;
  if (d.year > 0) about += " · " + std::to_string(d.year);
  out << about << '\n';
  if (!focus.section.empty()) out << "Avsnitt: " << section_label(focus.section) << '\n';
  out << "Källa: " << d.path;
  if (focus.page > 0) out << " (sida " << focus.page << ')';
  if (focus.slide > 0) out << " (bild " << focus.slide << ')';
  out << "\n\n";
  for (size_t i = 0; i < context.clauses.size(); ++i) {
    const Clause& c = context.clauses[i].clause;
    const bool is_focus = i == context.focus;
    std::string where = place(c);
    out << (is_focus ? " ► " : "   ") << c.id << "  [" << block_kind_name(c.kind) << "]"
        << (where.empty() ? "" : "  " + where) << '\n'
        << (is_focus && ansi ? "\033[1m" : "") << "     " << c.text
        << (is_focus && ansi ? "\033[0m" : "") << '\n';
  }
}

}  // namespace

int run_coverage(int argc, char** argv) {
  Args args =
      parse_args(argc, argv, 2,
                 {"db", "clause", "text", "per-region", "format", "output", "csv-delimiter"},
                 {"all-versions"});
  CoverageRequest request;
  request.clause_id = args.get("clause");
  request.text = args.get("text");
  std::string words;
  for (const std::string& word : args.positional) words += (words.empty() ? "" : " ") + word;
  const int given = !request.clause_id.empty() + !request.text.empty() + !words.empty();
  if (given != 1)
    throw UsageError("coverage needs exactly one of --text TEXT, --clause ID or QUERY");
  if (!words.empty()) request.text = words;
  request.extra = args.get_count("per-region", 0, 20);
  const OutputFormat format = parse_output_format(args.get("format", "text"));
  check_output_target(format, args.get("output"));
  const char delimiter = csv_delimiter(args);
  const std::string database = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(database);
  Output output(args.get("output"));
  const LoadedTermModel model = term_model_for(database);
  if (!model.model) std::cerr << "klausul coverage: " << model.problem << '\n';
  request.term_model = model.model.get();
  const auto shared_versions = load_versions(db, database);
  const VersionIndex& versions = *shared_versions;
  request.versions = &versions;
  request.all_versions = args.has("all-versions");
  const CoverageResult result = find_coverage(db, request, RegionTable::builtin());
  if (format == OutputFormat::text) {
    write_coverage_text(output.stream(), result);
  } else {
    auto writer = open_export(output, format, ExportOptions{delimiter});
    writer->begin(coverage_export_context(request, result, database));
    write_coverage(*writer, result);
    writer->end();
  }
  output.commit();
  return kExitOk;
}

int run_show_context(const Args& args, const Xapian::Database& db, const std::string& database) {
  if (args.positional.size() != 1) throw UsageError("show needs one clause id");
  const int neighbours = args.get_count("context", 2);
  const OutputFormat format = parse_output_format(args.get("format", "text"));
  check_output_target(format, args.get("output"));
  const char delimiter = csv_delimiter(args);
  const ClauseContext context = clause_in_context(db, args.positional[0], neighbours);
  Output output(args.get("output"));
  if (format == OutputFormat::text) {
    write_context_text(output.stream(), context, output.is_terminal());
  } else {
    auto writer = open_export(output, format, ExportOptions{delimiter});
    writer->begin(clause_context_export_context(context, neighbours, database));
    for (const Hit& hit : context.clauses) writer->hit(hit);
    writer->end();
  }
  output.commit();
  return kExitOk;
}

}  // namespace klausul::cli
