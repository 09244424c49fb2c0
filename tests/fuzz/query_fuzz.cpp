// Fuzz target: the search query parser (search/query.h) on arbitrary strings: folding,
// synonym expansion, Xapian's QueryParser with our flags and field processors, the filters
// and the year range.
//
// The input's first line is the query; the second, when present, is used as a region name, a
// document type and a year range, and as the text of a clause that body phrases
// (search/body_phrases.h) are checked against: the candidate query and the match decider.
#include <xapian.h>

#include <string>

#include "index/analyzer.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "ingest/regions.h"
#include "search/body_phrases.h"
#include "search/query.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = klausul::fuzz::as_view(data, size);
  const std::size_t newline = bytes.find('\n');
  klausul::SearchRequest request;
  request.query = std::string(bytes.substr(0, newline));
  const std::string extra =
      newline == std::string_view::npos ? "" : std::string(bytes.substr(newline + 1));
  const klausul::RegionTable& regions = klausul::RegionTable::builtin();
  // No index: titel: and avsnitt: are parsed, their record lookup finds nothing.
  const Xapian::Database db;
  for (const bool match_any : {false, true}) {
    request.match_any = match_any;
    klausul::fuzz::expect_only_documented_errors([&] {
      const klausul::ParsedQuery parsed = klausul::parse_query(db, request, regions);
      (void)parsed.combined().get_description();
    });
  }
  klausul::fuzz::expect_only_documented_errors([&] {
    const klausul::ParsedQuery parsed = klausul::parse_query(db, request, regions);
    if (!klausul::has_body_phrase(parsed.text)) return;
    (void)klausul::body_phrase_candidates(parsed.text).get_description();
    klausul::Clause clause;
    clause.id = "fuzz:1";
    clause.text = extra.empty() ? request.query : extra;
    Xapian::Document doc;
    doc.add_value(klausul::schema::kClauseSlot, klausul::clause_to_data(clause));
    klausul::DocumentIndexer(doc).add_text(clause.text);
    (void)klausul::BodyPhraseDecider(parsed.text)(doc);
  });
  if (!extra.empty()) {
    (void)regions.find(extra);
    (void)regions.detect(extra);
    klausul::fuzz::expect_only_documented_errors([&] {
      klausul::parse_year_range(extra, request.year_from, request.year_to);
    });
    request.regions = {extra};
    request.types = {extra};
    klausul::fuzz::expect_only_documented_errors([&] {
      (void)klausul::parse_query(db, request, regions).combined().get_description();
    });
  }
  return 0;
}
