#include "tools/klausul/web/api.h"

#include "index/clause_lookup.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/clause_context.h"
#include "search/compare.h"
#include "search/pair_change.h"
#include "search/coverage.h"
#include "search/searcher.h"
#include "search/similar.h"
#include "search/term_model_store.h"
#include "search/version_store.h"
#include "search/versions.h"
#include "tools/klausul/web/api_json.h"
#include "tools/klausul/web/http_error.h"

namespace klausul::web {

void require_clause(const Xapian::Database& db, const std::string& clause_id) {
  if (!find_clause(db, clause_id)) {
    throw not_found("ingen klausul med id '" + clause_id + "'");
  }
}

std::pair<std::string, std::string> compare_documents_param(const Xapian::Database& db,
                                                            const ParamReader& params) {
  const std::string a = params.text("a");
  const std::string b = params.text("b");
  if (a.empty() || b.empty()) throw bad_request("ange två dokument: a och b");
  auto resolve = [&](const std::string& name) {
    try {
      return resolve_document(db, name).id;
    } catch (const UsageError&) {
      throw not_found("inget indexerat dokument '" + name + "'");
    }
  };
  return {resolve(a), resolve(b)};
}

nlohmann::json api_search(IndexPool& pool, const ParamReader& params) {
  SearchRequest request = search_request(params, 20, kMaxSearchLimit);
  const RegionTable& regions = RegionTable::builtin();
  return pool.with_database([&](const Xapian::Database& db) {
    const auto shared_versions = load_versions(db, pool.path());
    const VersionIndex& versions = *shared_versions;
    request.versions = &versions;
    return search_json(request, run_search(db, request, regions), regions);
  });
}

namespace {

// Runs `find` for `request` with the index's term model and document versions (404 for an
// unknown clause); neither outlives the call, so the request's pointers are null again after.
template <typename Request, typename Find>
auto with_model_and_versions(IndexPool& pool, Request& request, Find find) {
  const LoadedTermModel model = term_model_for(pool.path());
  request.term_model = model.model.get();
  auto result = pool.with_database([&](const Xapian::Database& db) {
    if (!request.clause_id.empty()) require_clause(db, request.clause_id);
    const auto versions = load_versions(db, pool.path());
    request.versions = versions.get();
    return find(db, request);
  });
  request.term_model = nullptr;
  request.versions = nullptr;
  return result;
}

}  // namespace

SimilarResult similar_for(IndexPool& pool, SimilarRequest& request) {
  return with_model_and_versions(
      pool, request, [](const Xapian::Database& db, const SimilarRequest& similar) {
        return find_similar(db, similar, RegionTable::builtin());
      });
}

nlohmann::json api_similar(IndexPool& pool, const ParamReader& params) {
  SimilarRequest request = similar_request(params);
  return similar_json(similar_for(pool, request));
}

nlohmann::json api_compare(IndexPool& pool, const ParamReader& params) {
  return pool.with_database([&](const Xapian::Database& db) {
    const auto [a, b] = compare_documents_param(db, params);
    Alignment alignment = compare_documents(db, a, b, SynonymTable::standard(), Thesaurus::system(),
                                            term_model_for(pool.path()).model.get());
    const auto shared_versions = load_versions(db, pool.path());
    const VersionIndex& versions = *shared_versions;
    align_as_versions(db, versions, alignment);
    return compare_json(alignment, versions);
  });
}

CoverageResult coverage_for(IndexPool& pool, CoverageRequest& request) {
  return with_model_and_versions(
      pool, request, [](const Xapian::Database& db, const CoverageRequest& coverage) {
        return find_coverage(db, coverage, RegionTable::builtin());
      });
}

nlohmann::json api_coverage(IndexPool& pool, const ParamReader& params) {
  CoverageRequest request = coverage_request(params);
  return coverage_json(coverage_for(pool, request), request.thresholds);
}

nlohmann::json api_clause(IndexPool& pool, const ParamReader& params) {
  const std::string id = params.text("id");
  if (id.empty()) throw bad_request("ange klausulens id (parametern id)");
  const int neighbours = params.number("context", 3, 0, kMaxContext);
  return pool.with_database([&](const Xapian::Database& db) {
    require_clause(db, id);
    return clause_context_json(clause_in_context(db, id, neighbours));
  });
}

nlohmann::json api_documents(IndexPool& pool) {
  return pool.with_database([&](const Xapian::Database& db) {
    return documents_json(list_documents(db), *load_versions(db, pool.path()));
  });
}

}  // namespace klausul::web
