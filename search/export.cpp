#include "search/export.h"

#include <nlohmann/json.hpp>

#include "ingest/error.h"
#include "search/snippet.h"

namespace klausul {
namespace {

nlohmann::json hit_object(const Hit& hit) {
  const DocumentInfo& d = hit.document;
  const Clause& c = hit.clause;
  nlohmann::json j = {{"rank", hit.rank},
                      {"score", hit.score},
                      {"clause_id", c.id},
                      {"document_id", c.document_id},
                      {"region", d.region},
                      {"region_name", d.region_name},
                      {"organisation", d.organisation},
                      {"title", d.title},
                      {"doc_type", d.doc_type},
                      {"year", d.year > 0 ? nlohmann::json(d.year) : nlohmann::json()},
                      {"section", section_label(c.section)},
                      {"page", c.page > 0 ? nlohmann::json(c.page) : nlohmann::json()},
                      {"slide", c.slide > 0 ? nlohmann::json(c.slide) : nlohmann::json()},
                      {"kind", block_kind_name(c.kind)},
                      {"text", c.text},
                      {"path", d.path}};
  if (!c.context.empty()) j["context"] = c.context;
  if (!hit.snippet.empty()) j["snippet"] = hit.snippet;
  if (!hit.query_region.empty()) j["query_region"] = hit.query_region;
  if (!hit.matched_terms.empty()) j["matched_terms"] = hit.matched_terms;
  if (!hit.duplicates.empty()) {
    nlohmann::json places = nlohmann::json::array();
    for (const Place& p : hit.duplicates) {
      places.push_back({{"clause_id", p.clause_id},
                        {"document_id", p.document_id},
                        {"region", p.region},
                        {"path", p.path},
                        {"page", p.page > 0 ? nlohmann::json(p.page) : nlohmann::json()},
                        {"slide", p.slide > 0 ? nlohmann::json(p.slide) : nlohmann::json()}});
    }
    j["duplicates"] = places;
  }
  return j;
}

// Invalid UTF-8 must never abort an export: replace it.
std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// RFC 4180 field; a leading = + - @ is neutralised so spreadsheets never run it as a formula.
std::string csv_field(const std::string& value, char delimiter) {
  std::string text = value;
  if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string place(const Clause& c) {
  if (c.slide > 0) return "bild " + std::to_string(c.slide);
  if (c.page > 0) return "sida " + std::to_string(c.page);
  return "";
}

}  // namespace

OutputFormat parse_output_format(const std::string& name) {
  if (name == "text") return OutputFormat::text;
  if (name == "json") return OutputFormat::json;
  if (name == "jsonl") return OutputFormat::jsonl;
  if (name == "csv") return OutputFormat::csv;
  if (name == "xlsx" || name == "md" || name == "html") {
    throw UsageError("--format " + name + " is not supported yet (use text, json, jsonl, csv)");
  }
  throw UsageError("unknown --format '" + name + "' (text, json, jsonl, csv)");
}

std::string hit_to_json(const Hit& hit) { return dump(hit_object(hit)); }

void write_jsonl(std::ostream& out, const std::vector<Hit>& hits) {
  for (const Hit& hit : hits) out << hit_to_json(hit) << '\n';
}

void write_json(std::ostream& out, const std::vector<Hit>& hits) {
  out << '[';
  for (size_t i = 0; i < hits.size(); ++i) out << (i ? ",\n " : "") << hit_to_json(hits[i]);
  out << "]\n";
}

void write_csv(std::ostream& out, const std::vector<Hit>& hits, char delimiter) {
  static const char* const kColumns[] = {"rank",  "region",  "organisation", "title",
                                         "doc_type", "year", "section",     "page",
                                         "slide", "text",    "score",       "clause_id",
                                         "path"};
  out << "\xEF\xBB\xBF";  // BOM: Excel reads the file as UTF-8 only with it
  for (size_t i = 0; i < std::size(kColumns); ++i) out << (i ? std::string(1, delimiter) : "") << kColumns[i];
  out << "\r\n";
  for (const Hit& hit : hits) {
    const DocumentInfo& d = hit.document;
    const Clause& c = hit.clause;
    const std::string fields[] = {
        std::to_string(hit.rank), d.region_name, d.organisation, d.title, d.doc_type,
        d.year > 0 ? std::to_string(d.year) : "", section_label(c.section),
        c.page > 0 ? std::to_string(c.page) : "", c.slide > 0 ? std::to_string(c.slide) : "",
        c.text, std::to_string(hit.score), c.id, d.path};
    for (size_t i = 0; i < std::size(fields); ++i) {
      out << (i ? std::string(1, delimiter) : "") << csv_field(fields[i], delimiter);
    }
    out << "\r\n";
  }
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
    if (!details.empty()) heading += " (" + details + ")";
    out << (ansi ? "\033[1m" : "") << heading << (ansi ? "\033[0m" : "") << '\n';
    std::string where = section_label(c.section);
    const std::string at = place(c);
    if (!at.empty()) where += (where.empty() ? "" : " · ") + at;
    if (!where.empty()) out << "   " << where << '\n';
    const std::string body =
        hit.snippet.empty() ? c.text : snippet_for_terminal(hit.snippet, ansi);
    out << "   " << body << '\n';
    out << "   [" << c.id << "]\n\n";
  }
}

std::string document_to_json(const DocumentInfo& d) {
  nlohmann::json j = {{"document_id", d.id},
                      {"path", d.path},
                      {"region", d.region},
                      {"region_name", d.region_name},
                      {"organisation", d.organisation},
                      {"title", d.title},
                      {"doc_type", d.doc_type},
                      {"year", d.year > 0 ? nlohmann::json(d.year) : nlohmann::json()},
                      {"date", d.date},
                      {"diarienummer", d.diarienummer},
                      {"pages", d.pages},
                      {"slides", d.slides},
                      {"clauses", d.clauses},
                      {"format", d.format}};
  return dump(j);
}

}  // namespace klausul
