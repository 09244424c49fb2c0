#include <cstdio>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "index/database.h"
#include "ingest/error.h"
#include "search/compare.h"
#include "search/export.h"
#include "search/similar.h"
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
    out << "   [" << hit.clause.id << "]\n";
  }
  if (result.hits.empty()) out << "\nInga jämförbara klausuler i andra regioner.\n";
}

nlohmann::json pair_json(const AlignedPair& pair) {
  auto clause = [](const Clause& c, const char* side, nlohmann::json& j) {
    const std::string s = side;
    j[s + "_clause_id"] = c.id.empty() ? nlohmann::json() : nlohmann::json(c.id);
    j[s + "_text"] = c.id.empty() ? nlohmann::json() : nlohmann::json(c.text);
    j[s + "_section"] = section_label(c.section);
    j[s + "_page"] = c.page > 0 ? nlohmann::json(c.page) : nlohmann::json();
    j[s + "_slide"] = c.slide > 0 ? nlohmann::json(c.slide) : nlohmann::json();
  };
  nlohmann::json j = {{"status", alignment_status_name(pair.status)}, {"score", pair.score}};
  clause(pair.a, "a", j);
  clause(pair.b, "b", j);
  return j;
}

std::string summary_line(const Alignment& alignment) {
  return std::to_string(alignment.matched) + " matchade, " + std::to_string(alignment.only_a) +
         " bara i A, " + std::to_string(alignment.only_b) + " bara i B";
}

void write_compare_text(std::ostream& out, const Alignment& alignment) {
  out << "A: " << alignment.a.title << " (" << alignment.a.region_name << ")\n"
      << "B: " << alignment.b.title << " (" << alignment.b.region_name << ")\n\n";
  for (const AlignedPair& pair : alignment.pairs) {
    switch (pair.status) {
      case AlignmentStatus::matched:
        out << "= " << score_text(pair.score) << "  A: " << pair.a.text << "\n        B: "
            << pair.b.text << "\n";
        break;
      case AlignmentStatus::only_a:
        out << "< bara i A  " << pair.a.text << "\n";
        break;
      case AlignmentStatus::only_b:
        out << "> bara i B  " << pair.b.text << "\n";
        break;
    }
  }
  out << '\n' << summary_line(alignment) << '\n';
}

}  // namespace

int run_similar(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2,
                         {"db", "clause", "text", "region", "per-region", "format", "output"}, {});
  SimilarRequest request;
  request.clause_id = args.get("clause");
  request.text = args.get("text");
  if (request.clause_id.empty() == request.text.empty()) {
    throw UsageError("similar needs exactly one of --clause ID or --text TEXT");
  }
  request.regions = args.all("region");
  request.per_region = args.get_int("per-region", 3);
  const OutputFormat format = parse_output_format(args.get("format", "text"));
  const RegionTable& regions = RegionTable::builtin();
  for (const std::string& region : request.regions) {
    if (!regions.find(region)) throw UsageError("unknown region '" + region + "'");
  }
  Xapian::Database db = open_for_reading(resolve_database_path(args.get("db")));
  SimilarResult result = find_similar(db, request, regions);
  Output output(args.get("output"));
  switch (format) {
    case OutputFormat::text: write_similar_text(output.stream(), result); break;
    case OutputFormat::jsonl: write_jsonl(output.stream(), result.hits); break;
    case OutputFormat::json: write_json(output.stream(), result.hits); break;
    case OutputFormat::csv: write_csv(output.stream(), result.hits); break;
  }
  output.commit();
  return kExitOk;
}

int run_compare(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db", "format", "output"}, {});
  if (args.positional.size() != 2) throw UsageError("compare needs two documents: DOC_A DOC_B");
  const std::string format = args.get("format", "text");
  if (format != "text" && format != "jsonl" && format != "json") {
    throw UsageError("compare supports --format text, json or jsonl");
  }
  Xapian::Database db = open_for_reading(resolve_database_path(args.get("db")));
  Alignment alignment = compare_documents(db, args.positional[0], args.positional[1]);
  Output output(args.get("output"));
  std::ostream& out = output.stream();
  if (format == "text") {
    write_compare_text(out, alignment);
  } else {
    if (format == "json") out << '[';
    for (size_t i = 0; i < alignment.pairs.size(); ++i) {
      const std::string line =
          pair_json(alignment.pairs[i]).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      out << (format == "json" && i ? ",\n " : "") << line << (format == "jsonl" ? "\n" : "");
    }
    if (format == "json") out << "]\n";
    std::cerr << "compare: " << summary_line(alignment) << '\n';
  }
  output.commit();
  return kExitOk;
}

}  // namespace klausul::cli
