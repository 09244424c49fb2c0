// JSON and JSON Lines: the objects of DESIGN.md with stable key names (see README, "Exports").
#include <nlohmann/json.hpp>

#include "index/stored_data.h"
#include "search/export.h"
#include "search/export_writers.h"
#include "search/pair_change.h"

namespace klausul {
namespace {

nlohmann::json positive_or_null(int value) {
  return value > 0 ? nlohmann::json(value) : nlohmann::json();
}

nlohmann::json duplicates_array(const std::vector<Place>& duplicates) {
  nlohmann::json places = nlohmann::json::array();
  for (const Place& p : duplicates) {
    places.push_back({{"clause_id", p.clause_id},
                      {"document_id", p.document_id},
                      {"region", p.region},
                      {"path", p.path},
                      {"page", positive_or_null(p.page)},
                      {"slide", positive_or_null(p.slide)}});
  }
  return places;
}

// The document keys shared by hit objects and `list` objects.
nlohmann::json document_fields(const DocumentInfo& d) {
  return {{"document_id", d.id},
          {"path", d.path},
          {"region", d.region},
          {"region_name", d.region_name},
          {"organisation", d.organisation},
          {"title", d.title},
          {"doc_type", d.doc_type},
          {"year", positive_or_null(d.year)}};
}

nlohmann::json hit_object(const Hit& hit) {
  const Clause& c = hit.clause;
  nlohmann::json j = document_fields(hit.document);
  j["document_id"] = c.document_id;  // also for a hit whose document record is missing
  j.update(nlohmann::json{{"rank", hit.rank},
                          {"score", hit.score},
                          {"clause_id", c.id},
                          {"section", section_label(c.section)},
                          {"page", positive_or_null(c.page)},
                          {"slide", positive_or_null(c.slide)},
                          {"kind", block_kind_name(c.kind)},
                          {"text", c.text}});
  if (!c.context.empty()) j["context"] = c.context;
  if (c.ocr) j["ocr"] = true;     // read from a scanned page: the text may have OCR errors
  if (c.note) j["note"] = true;   // a speaker note or footnote, not the body text
  if (!hit.snippet.empty()) j["snippet"] = hit.snippet;
  if (!hit.query_region.empty()) j["query_region"] = hit.query_region;
  if (!hit.matched_terms.empty()) j["matched_terms"] = hit.matched_terms;
  if (!hit.duplicates.empty()) j["duplicates"] = duplicates_array(hit.duplicates);
  if (!hit.status.empty()) j["status"] = hit.status;
  if (!hit.status_reason.empty()) j["status_reason"] = hit.status_reason;
  if (!hit.older_versions.empty()) {
    nlohmann::json older = nlohmann::json::array();
    for (const OlderVersion& o : hit.older_versions) {
      older.push_back({{"clause_id", o.clause_id}, {"document_id", o.document_id},
                       {"title", o.title}, {"date", o.date}, {"status", o.status},
                       {"text", o.text}});
    }
    j["older_versions"] = older;
  }
  if (!hit.note.empty()) j["review_note"] = hit.note;  // review list: the reader's note
  if (!hit.origin.empty()) j["origin"] = hit.origin;
  if (!hit.added.empty()) j["added"] = hit.added;
  return j;
}

void add_side(nlohmann::json& j, const std::string& side, const Clause& c) {
  const bool present = !c.id.empty();
  j[side + "_clause_id"] = present ? nlohmann::json(c.id) : nlohmann::json();
  j[side + "_text"] = present ? nlohmann::json(c.text) : nlohmann::json();
  j[side + "_section"] = present ? nlohmann::json(section_label(c.section)) : nlohmann::json();
  j[side + "_page"] = positive_or_null(c.page);
  j[side + "_slide"] = positive_or_null(c.slide);
}

// Invalid UTF-8 must never abort an export: replace it.
std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// JSON Lines (one object a line) or one JSON array, written object by object.
class JsonWriter : public ExportWriter {
 public:
  JsonWriter(std::ostream& out, bool lines) : out_(out), lines_(lines) {}
  void begin(const ExportContext& context) override {
    if (!lines_) out_ << '[';
    context_kind_ = context.kind;
    focus_ = context.focus_clause_id;
  }
  void hit(const Hit& hit) override {
    if (context_kind_ != ExportKind::context) return put(hit_to_json(hit));
    nlohmann::json j = hit_object(hit);
    j["role"] = hit.clause.id == focus_ ? "klausul" : "sammanhang";
    put(dump(j));
  }
  void pair(const AlignedPair& pair) override { put(pair_to_json(pair)); }
  void region(const CoverageLine& line) override { put(coverage_line_to_json(line)); }
  void end() override {
    if (!lines_) out_ << "]\n";
    out_.flush();
  }

 private:
  void put(const std::string& object) {
    if (lines_) {
      out_ << object << '\n';
    } else {
      out_ << (first_ ? "" : ",\n ") << object;
    }
    first_ = false;
  }
  std::ostream& out_;
  bool lines_;
  bool first_ = true;
  ExportKind context_kind_ = ExportKind::search;
  std::string focus_;
};

}  // namespace

std::string hit_to_json(const Hit& hit) { return dump(hit_object(hit)); }

std::string pair_to_json(const AlignedPair& pair) {
  nlohmann::json j = {{"status", alignment_status_name(pair.status)},
                      {"change", pair_change_name(pair_change(pair))},
                      {"score", pair.score}};
  add_side(j, "a", pair.a);
  add_side(j, "b", pair.b);
  const std::vector<DiffPiece> diff = pair_diff(pair);
  if (!diff.empty()) {
    static const char* const kOps[] = {"same", "removed", "added"};
    nlohmann::json pieces = nlohmann::json::array();
    for (const DiffPiece& piece : diff) {
      pieces.push_back({{"op", kOps[static_cast<int>(piece.kind)]}, {"text", piece.text}});
    }
    j["diff"] = pieces;
  }
  return dump(j);
}

std::string coverage_line_to_json(const CoverageLine& line) {
  const CoverageRow& row = *line.row;
  nlohmann::json j;
  if (line.hit) {
    j = hit_object(*line.hit);
  } else {
    for (const char* key : {"score", "clause_id", "document_id", "organisation", "title",
                            "doc_type", "year", "section", "page", "slide", "kind", "text",
                            "path"}) {
      j[key] = nullptr;
    }
  }
  j["rank"] = line.rank;
  j["region"] = row.region.key;
  j["region_name"] = row.region.name;
  j["verdict"] = verdict_key(row.verdict);
  j["verdict_label"] = verdict_label(row.verdict);
  j["has_documents"] = row.has_documents;
  j["query_region"] = row.query_region;
  return dump(j);
}

std::string document_to_json(const DocumentInfo& d, const std::string& status,
                             const std::string& status_reason) {
  nlohmann::json j = document_fields(d);
  j.update(nlohmann::json{{"date", d.date},
                          {"diarienummer", d.diarienummer},
                          {"pages", d.pages},
                          {"slides", d.slides},
                          {"clauses", d.clauses},
                          {"format", d.format}});
  j["validity"] = nlohmann::json::parse(validity_to_data(d.validity));
  if (!status.empty()) j["status"] = status;
  if (!status_reason.empty()) j["status_reason"] = status_reason;
  return dump(j);
}

std::unique_ptr<ExportWriter> make_json_writer(std::ostream& out, bool lines) {
  return std::make_unique<JsonWriter>(out, lines);
}

}  // namespace klausul
