#include <iostream>

#include "index/database.h"
#include "ingest/error.h"
#include "ingest/regions.h"
#include "search/export.h"
#include "search/searcher.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/output.h"

namespace klausul::cli {
namespace {

void write_region_counts(std::ostream& out, const SearchResult& result,
                         const RegionTable& regions) {
  if (result.region_counts.empty()) return;
  out << "Träffar per region:";
  bool first = true;
  for (const auto& [key, count] : result.region_counts) {
    auto region = regions.find(key);
    out << (first ? " " : " · ") << (region ? region->name : key) << ' ' << count;
    first = false;
  }
  out << '\n';
}

void write_hits(Output& output, OutputFormat format, const SearchResult& result,
                const RegionTable& regions, char delimiter) {
  std::ostream& out = output.stream();
  switch (format) {
    case OutputFormat::jsonl: write_jsonl(out, result.hits); break;
    case OutputFormat::json: write_json(out, result.hits); break;
    case OutputFormat::csv: write_csv(out, result.hits, delimiter); break;
    case OutputFormat::text:
      if (result.hits.empty()) {
        out << "Inga träffar.\n";
        break;
      }
      if (result.relaxed) out << "Ingen klausul innehöll alla orden; visar de närmaste.\n\n";
      write_text(out, result.hits, output.is_terminal());
      out << result.hits.size() << " av cirka " << result.estimated_total << " träffar. ";
      write_region_counts(out, result, regions);
      break;
  }
}

}  // namespace

int run_search(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2,
                         {"db", "region", "type", "year", "limit", "offset", "format", "output",
                          "csv-delimiter"},
                         {});
  if (args.positional.empty()) throw UsageError("search needs a QUERY");
  SearchRequest request;
  for (const std::string& word : args.positional) {
    request.query += (request.query.empty() ? "" : " ") + word;
  }
  request.regions = args.all("region");
  request.types = args.all("type");
  if (!args.get("year").empty()) {
    parse_year_range(args.get("year"), request.year_from, request.year_to);
  }
  request.limit = args.get_int("limit", 10);
  request.offset = args.get("offset").empty() ? 0 : args.get_int("offset", 0);
  const OutputFormat format = parse_output_format(args.get("format", "text"));
  const std::string delimiter = args.get("csv-delimiter", ",");
  if (delimiter.size() != 1) throw UsageError("--csv-delimiter must be one character");

  const RegionTable& regions = RegionTable::builtin();
  for (const std::string& region : request.regions) {
    if (!regions.find(region)) throw UsageError("unknown region '" + region + "'");
  }
  Xapian::Database db = open_for_reading(resolve_database_path(args.get("db")));
  SearchResult result = run_search(db, request, regions);
  if (result.no_searchable_words) {
    std::cerr << "klausul search: the query has no searchable words (only stopwords or "
                 "punctuation)\n";
  }
  Output output(args.get("output"));
  write_hits(output, format, result, regions, delimiter[0]);
  output.commit();
  return kExitOk;
}

}  // namespace klausul::cli
