#include "search/export_context.h"

#include <gtest/gtest.h>

namespace klausul {
namespace {

std::string filter(const ExportContext& context, const std::string& label) {
  for (const auto& [name, value] : context.filters) {
    if (name == label) return value;
  }
  return "(none)";
}

TEST(ExportContext, SearchNamesQueryFiltersLimitAndFirstRow) {
  SearchRequest request;
  request.query = "bevaka EU";
  request.regions = {"stockholm", "orebro"};
  request.limit = 500;
  request.offset = 20;
  const ExportContext context = search_export_context(request, "2010..2015", "/db");
  EXPECT_EQ(context.kind, ExportKind::search);
  EXPECT_EQ(context.query, "bevaka EU");
  EXPECT_EQ(filter(context, "Region"), "stockholm, orebro");
  EXPECT_EQ(filter(context, "Dokumenttyp"), "(none)");
  EXPECT_EQ(filter(context, "År"), "2010..2015");
  EXPECT_EQ(filter(context, "Högst"), "500 träffar");
  EXPECT_EQ(filter(context, "Från träff"), "21");
  EXPECT_EQ(context.database, "/db");
  EXPECT_FALSE(context.exported_at.empty());
}

TEST(ExportContext, SimilarAndCompareNameWhatWasCompared) {
  SimilarRequest request;
  request.clause_id = "abc:3";
  request.per_region = 5;
  SimilarResult result;
  const ExportContext similar = similar_export_context(request, result, "/db");
  EXPECT_EQ(similar.query, "klausul abc:3");
  EXPECT_EQ(filter(similar, "Region"), "alla andra regioner");
  EXPECT_EQ(filter(similar, "Per region"), "5");
  EXPECT_EQ(similar.query_clause, &result.query);

  Alignment alignment;
  alignment.a.title = "Riktlinjer";
  alignment.b.title = "Policy";
  alignment.matched = 4;
  alignment.only_a = 1;
  alignment.only_b = 2;
  const ExportContext compare = compare_export_context(alignment, "/db");
  EXPECT_EQ(compare.query, "Riktlinjer ↔ Policy");
  EXPECT_EQ(filter(compare, "Resultat"), "4 matchade, 1 bara i A, 2 bara i B");
  EXPECT_EQ(compare.document_b, &alignment.b);
}

}  // namespace
}  // namespace klausul
