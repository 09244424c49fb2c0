#include "search/export_context.h"

#include <cstdio>

namespace klausul {
namespace {

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

ExportContext context_of(ExportKind kind, const std::string& database) {
  ExportContext context;
  context.kind = kind;
  context.database = database;
  context.exported_at = export_timestamp();
  return context;
}

}  // namespace

ExportContext search_export_context(const SearchRequest& request, const std::string& year,
                                    const std::string& database) {
  ExportContext context = context_of(ExportKind::search, database);
  context.query = request.query;
  if (!request.regions.empty()) context.filters.emplace_back("Region", join(request.regions));
  if (!request.types.empty()) context.filters.emplace_back("Dokumenttyp", join(request.types));
  if (!year.empty()) context.filters.emplace_back("År", year);
  context.filters.emplace_back("Högst", std::to_string(request.limit) + " träffar");
  if (request.offset > 0) {
    context.filters.emplace_back("Från träff", std::to_string(request.offset + 1));
  }
  return context;
}

ExportContext similar_export_context(const SimilarRequest& request, const SimilarResult& result,
                                     const std::string& database) {
  ExportContext context = context_of(ExportKind::similar, database);
  context.query = request.clause_id.empty() ? request.text : "klausul " + request.clause_id;
  context.filters.emplace_back("Region", request.regions.empty() ? "alla andra regioner"
                                                                 : join(request.regions));
  context.filters.emplace_back("Per region", std::to_string(request.per_region));
  context.query_clause = &result.query;
  return context;
}

ExportContext compare_export_context(const Alignment& alignment, const std::string& database) {
  ExportContext context = context_of(ExportKind::compare, database);
  context.query = alignment.a.title + " ↔ " + alignment.b.title;
  context.filters.emplace_back("Resultat", alignment_summary(alignment));
  context.document_a = &alignment.a;
  context.document_b = &alignment.b;
  return context;
}

ExportContext coverage_export_context(const CoverageRequest& request,
                                      const CoverageResult& result, const std::string& database) {
  ExportContext context = context_of(ExportKind::coverage, database);
  context.query = request.clause_id.empty() ? request.text : "klausul " + request.clause_id;
  context.filters.emplace_back("Regioner", std::to_string(result.rows.size()));
  context.filters.emplace_back("Fler klausuler per region", std::to_string(request.extra));
  char thresholds[96];
  std::snprintf(thresholds, sizeof thresholds, "motsvarighet ≥ %.2f, närliggande ≥ %.2f",
                request.thresholds.correspondence, request.thresholds.related);
  context.filters.emplace_back("Trösklar", thresholds);
  context.filters.emplace_back("Resultat", coverage_summary(result));
  if (!request.clause_id.empty()) context.query_clause = &result.query;
  return context;
}

ExportContext clause_context_export_context(const ClauseContext& clause_context, int neighbours,
                                            const std::string& database) {
  ExportContext context = context_of(ExportKind::context, database);
  const Hit& focus = clause_context.clauses.at(clause_context.focus);
  context.query = "klausul " + focus.clause.id;
  context.focus_clause_id = focus.clause.id;
  const DocumentInfo& d = clause_context.document;
  context.filters.emplace_back("Dokument", d.title.empty() ? d.path : d.title);
  if (!d.region_name.empty()) context.filters.emplace_back("Region", d.region_name);
  if (d.year > 0) context.filters.emplace_back("År", std::to_string(d.year));
  if (!focus.clause.section.empty()) {
    context.filters.emplace_back("Avsnitt", section_label(focus.clause.section));
  }
  if (focus.clause.page > 0) context.filters.emplace_back("Sida", std::to_string(focus.clause.page));
  if (focus.clause.slide > 0) context.filters.emplace_back("Bild", std::to_string(focus.clause.slide));
  context.filters.emplace_back("Sammanhang", std::to_string(neighbours) + " klausuler före och efter");
  context.filters.emplace_back("Källa", d.path);
  return context;
}

}  // namespace klausul
