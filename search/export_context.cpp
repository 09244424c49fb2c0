#include "search/export_context.h"

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

}  // namespace klausul
