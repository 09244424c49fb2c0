#include <cstdio>
#include <iostream>
#include <map>

#include "index/database.h"
#include "search/open_database.h"
#include "ingest/error.h"
#include "search/compare.h"
#include "search/export.h"
#include "search/export_context.h"
#include "search/similar.h"
#include "search/term_model_store.h"
#include "search/thesaurus.h"
#include "search/pair_change.h"
#include "search/version_store.h"
#include "search/versions.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/output.h"

namespace klausul::cli {
namespace {

std::string place(const Clause& c) {
  std::string where = section_label(c.section);
  std::string at = c.slide > 0 ? "bild " + std::to_string(c.slide)
                   : c.page > 0 ? "sida " + std::to_string(c.page) : "";
  if (!at.empty()) where += (where.empty() ? "" : " · ") + at;
  return where;
}

std::string score_text(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

void write_similar_text(std::ostream& out, const SimilarResult& result) {
  const Hit& q = result.query;
  out << "Jämför med: ";
  if (!q.document.region_name.empty()) out << q.document.region_name << " — ";
  if (!q.document.title.empty()) out << q.document.title << ' ';
  if (!q.clause.id.empty()) out << '[' << q.clause.id << ']';
  out << "\n  " << q.clause.text << "\n";
  std::string region;
  for (const Hit& hit : result.hits) {
    if (hit.document.region != region) {
      region = hit.document.region;
      out << "\n== " << (hit.document.region_name.empty() ? region : hit.document.region_name)
          << " ==\n";
    }
    out << hit.rank << ". " << score_text(hit.score) << "  "
        << (hit.document.title.empty() ? hit.document.path : hit.document.title);
    if (!hit.status.empty()) out << " (" << hit.status << ')';
    if (const std::string where = place(hit.clause); !where.empty()) out << " · " << where;
    out << "\n   " << hit.clause.text << '\n';
    if (!hit.matched_terms.empty()) {
      out << "   matchande ord:";
      for (size_t i = 0; i < hit.matched_terms.size() && i < 8; ++i) {
        out << (i ? ", " : " ") << hit.matched_terms[i];
      }
      out << '\n';
    }
    for (const Place& p : hit.duplicates) {
      out << "   finns även i: " << p.path;
      if (p.page > 0) out << " (sida " << p.page << ')';
      out << '\n';
    }
    for (const OlderVersion& older : hit.older_versions) {
      out << "   äldre version (" << older.status << (older.date.empty() ? "" : ", " + older.date)
          << "): " << (older.title.empty() ? older.document_id : older.title) << " ["
          << older.clause_id << "]\n";
    }
    out << "   [" << hit.clause.id << "]\n";
  }
  if (result.hits.empty()) out << "\nInga jämförbara klausuler i andra regioner.\n";
}

void write_compare_text(std::ostream& out, const Alignment& alignment) {
  out << "A: " << alignment.a.title << " (" << alignment.a.region_name << ")\n"
      << "B: " << alignment.b.title << " (" << alignment.b.region_name << ")\n\n";
  for (const AlignedPair& pair : alignment.pairs) {
    const PairChange change = pair_change(pair);
    switch (pair.status) {
      case AlignmentStatus::matched:
        out << (change == PairChange::unchanged ? "= " : "~ ") << score_text(pair.score) << "  "
            << pair_change_name(change) << "\n        A: " << pair.a.text << "\n        B: "
            << pair.b.text << "\n";
        if (change == PairChange::changed) {
          out << "        ändringar: " << diff_to_text(pair_diff(pair)) << "\n";
        }
        break;
      case AlignmentStatus::only_a:
        out << "< bara i A (borttagen)  " << pair.a.text << "\n";
        break;
      case AlignmentStatus::only_b:
        out << "> bara i B (ny)  " << pair.b.text << "\n";
        break;
    }
  }
  out << '\n' << alignment_summary(alignment) << '\n';
}

// Without the thesaurus the comparison still works, only blinder: say so, once, on stderr.
void note_missing_thesaurus(const char* command) {
  if (!Thesaurus::system().available()) {
    std::cerr << "klausul " << command << ": no Swedish thesaurus ($KLAUSUL_THESAURUS or /usr/share/mythes/"
              << "th_sv_SE_v2.dat; tools/bootstrap installs mythes-sv): comparing without it\n";
  }
}

// The archive's term model, or a note on stderr saying why there is none (the comparison
// still works on stems and the thesaurus).
LoadedTermModel term_model_or_note(const char* command, const std::string& database) {
  LoadedTermModel loaded = term_model_for(database);
  if (!loaded.model) std::cerr << "klausul " << command << ": " << loaded.problem << '\n';
  return loaded;
}

}  // namespace

int run_similar(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2,
                         {"db", "clause", "text", "region", "per-region", "format", "output",
                          "csv-delimiter"}, {"all-versions"});
  SimilarRequest request;
  request.clause_id = args.get("clause");
  request.text = args.get("text");
  if (request.clause_id.empty() == request.text.empty()) {
    throw UsageError("similar needs exactly one of --clause ID or --text TEXT");
  }
  request.regions = args.all("region");
  request.per_region = args.get_int("per-region", 3);
  const OutputFormat format = parse_output_format(args.get("format", "text"));
  check_output_target(format, args.get("output"));
  const char delimiter = csv_delimiter(args);
  const RegionTable& regions = RegionTable::builtin();
  regions.require_known(request.regions);  // before the index: a typo is exit 2, not 4
  const std::string database = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(database);
  Output output(args.get("output"));
  note_missing_thesaurus("similar");
  const LoadedTermModel model = term_model_or_note("similar", database);
  request.term_model = model.model.get();
  const auto shared_versions = load_versions(db, database);
  const VersionIndex& versions = *shared_versions;
  request.versions = &versions;
  request.all_versions = args.has("all-versions");
  SimilarResult result = find_similar(db, request, regions);
  if (format == OutputFormat::text) {
    write_similar_text(output.stream(), result);
  } else {
    auto writer = open_export(output, format, ExportOptions{delimiter});
    writer->begin(similar_export_context(request, result, database));
    for (const Hit& hit : result.hits) writer->hit(hit);
    writer->end();
  }
  output.commit();
  return kExitOk;
}

int run_compare(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db", "format", "output", "csv-delimiter"}, {});
  if (args.positional.size() != 2) throw UsageError("compare needs two documents: DOC_A DOC_B");
  const OutputFormat format = parse_output_format(args.get("format", "text"));
  check_output_target(format, args.get("output"));
  const char delimiter = csv_delimiter(args);
  const std::string database = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(database);
  Output output(args.get("output"));
  note_missing_thesaurus("compare");
  const LoadedTermModel model = term_model_or_note("compare", database);
  Alignment alignment = compare_documents(db, args.positional[0], args.positional[1],
                                          SynonymTable::standard(), Thesaurus::system(),
                                          model.model.get());
  align_as_versions(db, *load_versions(db, database), alignment);
  if (format == OutputFormat::text) {
    write_compare_text(output.stream(), alignment);
  } else {
    auto writer = open_export(output, format, ExportOptions{delimiter});
    writer->begin(compare_export_context(alignment, database));
    for (const AlignedPair& pair : alignment.pairs) writer->pair(pair);
    writer->end();
    std::cerr << "compare: " << alignment_summary(alignment) << '\n';
  }
  output.commit();
  return kExitOk;
}

}  // namespace klausul::cli
