#include "tools/klausul/web/api_json.h"

#include <string_view>

#include "search/export.h"

namespace klausul::web {
namespace {

// The entities Xapian's snippet writer produces (and the ones snippet_for_terminal knows).
constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
    {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};

void flush_part(nlohmann::json& parts, std::string& text, bool mark) {
  if (text.empty()) return;
  parts.push_back({{"text", text}, {"mark", mark}});
  text.clear();
}

}  // namespace

std::string dump_safe(const nlohmann::json& value) {
  // Invalid UTF-8 from a legacy document must not make the whole response fail.
  const std::string json = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size() + 16);
  for (char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

nlohmann::json snippet_parts(const std::string& html) {
  nlohmann::json parts = nlohmann::json::array();
  std::string text;
  bool mark = false;
  for (size_t i = 0; i < html.size();) {
    const std::string_view rest = std::string_view(html).substr(i);
    if (rest.starts_with("<b>") || rest.starts_with("</b>")) {
      flush_part(parts, text, mark);
      mark = rest.starts_with("<b>");
      i += mark ? 3 : 4;
      continue;
    }
    bool decoded = false;
    for (const auto& [entity, plain] : kEntities) {
      if (rest.starts_with(entity)) {
        text += plain;
        i += entity.size();
        decoded = true;
        break;
      }
    }
    if (!decoded) text += html[i++];
  }
  flush_part(parts, text, mark);
  return parts;
}

nlohmann::json hit_json(const Hit& hit) {
  nlohmann::json object = nlohmann::json::parse(hit_to_json(hit));
  if (!hit.snippet.empty()) object["snippet_parts"] = snippet_parts(hit.snippet);
  return object;
}

nlohmann::json search_json(const SearchRequest& request, const SearchResult& result,
                           const RegionTable& regions) {
  nlohmann::json counts = nlohmann::json::array();
  for (const auto& [key, count] : result.region_counts) {
    auto region = regions.find(key);
    counts.push_back({{"region", key}, {"region_name", region ? region->name : key},
                      {"count", count}});
  }
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& hit : result.hits) hits.push_back(hit_json(hit));
  return {{"query", request.query},       {"offset", request.offset},
          {"limit", request.limit},       {"total", result.estimated_total},
          {"relaxed", result.relaxed},    {"no_searchable_words", result.no_searchable_words},
          {"region_counts", counts},      {"hits", hits}};
}

nlohmann::json similar_json(const SimilarResult& result) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& hit : result.hits) hits.push_back(hit_json(hit));
  return {{"query", hit_json(result.query)}, {"hits", hits}};
}

namespace {

nlohmann::json document_json(const DocumentInfo& info, const VersionIndex& versions) {
  const VersionState& state = versions.state(info.id);
  return nlohmann::json::parse(
      document_to_json(info, version_status_name(state.status), state.reason));
}

}  // namespace

nlohmann::json compare_json(const Alignment& alignment, const VersionIndex& versions) {
  nlohmann::json rows = nlohmann::json::array();
  for (const AlignedPair& pair : alignment.pairs) {
    rows.push_back(nlohmann::json::parse(pair_to_json(pair)));
  }
  return {{"a", document_json(alignment.a, versions)},
          {"b", document_json(alignment.b, versions)},
          {"matched", alignment.matched},
          {"only_a", alignment.only_a},
          {"only_b", alignment.only_b},
          {"summary", alignment_summary(alignment)},
          {"rows", rows}};
}

nlohmann::json documents_json(const std::vector<DocumentInfo>& documents,
                              const VersionIndex& versions) {
  nlohmann::json list = nlohmann::json::array();
  for (const DocumentInfo& info : documents) list.push_back(document_json(info, versions));
  return {{"documents", list}};
}

nlohmann::json coverage_json(const CoverageResult& result, const CoverageThresholds& thresholds) {
  nlohmann::json rows = nlohmann::json::array();
  for (const CoverageRow& row : result.rows) {
    nlohmann::json clauses = nlohmann::json::array();
    for (const Hit& hit : row.clauses) clauses.push_back(hit_json(hit));
    rows.push_back({{"region", row.region.key},
                    {"region_name", row.region.name},
                    {"verdict", verdict_key(row.verdict)},
                    {"verdict_label", verdict_label(row.verdict)},
                    {"has_documents", row.has_documents},
                    {"query_region", row.query_region},
                    {"clauses", std::move(clauses)}});
  }
  return {{"query", hit_json(result.query)},
          {"summary", coverage_summary(result)},
          {"thresholds",
           {{"motsvarighet", thresholds.correspondence}, {"narliggande", thresholds.related}}},
          {"rows", std::move(rows)}};
}

nlohmann::json clause_context_json(const ClauseContext& context) {
  nlohmann::json clauses = nlohmann::json::array();
  for (const Hit& hit : context.clauses) clauses.push_back(hit_json(hit));
  const Clause& focus = context.clauses.at(context.focus).clause;
  std::string source = "/source/" + context.document.id;
  if (focus.page > 0 && context.document.format == "pdf") {
    source += "#page=" + std::to_string(focus.page);
  }
  return {{"document", nlohmann::json::parse(document_to_json(context.document))},
          {"focus", context.focus},
          {"clauses", std::move(clauses)},
          {"source_url", context.document.id.empty() ? nlohmann::json() : nlohmann::json(source)}};
}

}  // namespace klausul::web
