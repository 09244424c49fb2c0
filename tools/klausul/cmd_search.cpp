#include <iostream>

#include "index/database.h"
#include "search/open_database.h"
#include "ingest/error.h"
#include "ingest/regions.h"
#include "search/export.h"
#include "search/export_context.h"
#include "search/searcher.h"
#include "search/version_store.h"
#include "search/versions.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/output.h"

namespace klausul::cli {
namespace {

// Hits are fetched and written this many at a time, so a 100,000-row export never holds more
// than one page in memory.
constexpr int kPageSize = 1000;

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

void warn_if_no_words(const SearchResult& first) {
  if (first.no_searchable_words) {
    std::cerr << "klausul search: the query has no searchable words (only stopwords or "
                 "punctuation)\n";
  }
}

void write_text_pages(Output& output, const Xapian::Database& db, const SearchRequest& request,
                      const RegionTable& regions) {
  std::ostream& out = output.stream();
  size_t shown = 0;
  auto show = [&](const SearchResult& page) {
    if (shown == 0 && page.relaxed && !page.hits.empty()) {
      out << "Ingen klausul innehöll alla orden; visar de närmaste.\n\n";
    }
    write_text(out, page.hits, output.is_terminal());
    shown += page.hits.size();
  };
  SearchResult first = run_search_in_pages(db, request, regions, kPageSize, show);
  warn_if_no_words(first);
  if (shown == 0) {
    out << "Inga träffar.\n";
    return;
  }
  out << shown << " av cirka " << first.estimated_total << " träffar. ";
  write_region_counts(out, first, regions);
}

}  // namespace

int run_search(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2,
                         {"db", "region", "type", "year", "limit", "offset", "format", "output",
                          "csv-delimiter"},
                         {"all-copies", "all-versions"});
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
  request.collapse_copies = !args.has("all-copies");
  request.all_versions = args.has("all-versions");
  const OutputFormat format = parse_output_format(args.get("format", "text"));
  check_output_target(format, args.get("output"));
  const char delimiter = csv_delimiter(args);

  const RegionTable& regions = RegionTable::builtin();
  regions.require_known(request.regions);  // before the index: a typo is exit 2, not 4
  const std::string database = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(database);
  const auto shared_versions = load_versions(db, database);
  const VersionIndex& versions = *shared_versions;
  request.versions = &versions;
  Output output(args.get("output"));
  if (format == OutputFormat::text) {
    write_text_pages(output, db, request, regions);
  } else {
    auto writer = open_export(output, format, ExportOptions{delimiter});
    writer->begin(search_export_context(request, args.get("year"), database));
    auto write = [&](const SearchResult& page) {
      for (const Hit& hit : page.hits) writer->hit(hit);
    };
    SearchResult first = run_search_in_pages(db, request, regions, kPageSize, write);
    warn_if_no_words(first);
    writer->end();
  }
  output.commit();
  return kExitOk;
}

}  // namespace klausul::cli
