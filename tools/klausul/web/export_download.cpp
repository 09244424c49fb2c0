#include "tools/klausul/web/export_download.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "ingest/error.h"
#include "search/coverage.h"
#include "search/export.h"
#include "search/review_list.h"
#include "search/export_context.h"
#include "search/export_xlsx.h"
#include "search/searcher.h"
#include "search/similar.h"
#include "search/pair_change.h"
#include "search/version_store.h"
#include "search/versions.h"
#include "search/term_model_store.h"
#include "tools/klausul/web/api.h"
#include "tools/klausul/web/api_json.h"
#include "tools/klausul/web/http_error.h"

namespace klausul::web {
namespace {

// Search exports are fetched this many hits at a time, as `klausul search` does.
constexpr int kPageSize = 1000;

struct FormatInfo {
  const char* name;
  OutputFormat format;
  const char* content_type;
};

constexpr FormatInfo kFormats[] = {
    {"csv", OutputFormat::csv, "text/csv; charset=utf-8"},
    {"xlsx", OutputFormat::xlsx,
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"jsonl", OutputFormat::jsonl, "application/x-ndjson; charset=utf-8"},
    {"json", OutputFormat::json, "application/json; charset=utf-8"},
    {"md", OutputFormat::md, "text/markdown; charset=utf-8"},
    {"html", OutputFormat::html, "text/html; charset=utf-8"},
};

const FormatInfo& format_param(const ParamReader& params) {
  const std::string name = params.text("format", "csv");
  for (const FormatInfo& info : kFormats) {
    if (name == info.name) return info;
  }
  throw bad_request("okänt format '" + name + "' (csv, xlsx, jsonl, json, md, html)");
}

char delimiter_param(const ParamReader& params) {
  const std::string delimiter = params.text("csv_delimiter", ",");
  if (delimiter != "," && delimiter != ";" && delimiter != "\t") {
    throw bad_request("csv_delimiter måste vara , eller ;");
  }
  return delimiter[0];
}

// libxlsxwriter writes a file by name: a private temporary file, read back and removed.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "klausul-web-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw UsageError("cannot create a temporary file for the export");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

 private:
  std::string path_;
};

// Runs `rows(writer)` between begin() and end() of the format's writer and returns the bytes.
template <class Rows>
std::string write_export(OutputFormat format, char delimiter, const ExportContext& context,
                         Rows&& rows) {
  if (format == OutputFormat::xlsx) {
    TempFile file;
    auto writer = make_xlsx_writer(file.path());
    writer->begin(context);
    rows(*writer);
    writer->end();
    writer.reset();
    return file.read();
  }
  std::ostringstream out;
  auto writer = make_stream_writer(format, out, ExportOptions{delimiter});
  writer->begin(context);
  rows(*writer);
  writer->end();
  return out.str();
}

std::string export_search(IndexPool& pool, const ParamReader& params, const FormatInfo& format,
                          char delimiter) {
  SearchRequest request = search_request(params, 1000, kMaxExportRows);
  const ExportContext context = search_export_context(request, params.text("year"), pool.path());
  return pool.with_database([&](const Xapian::Database& db) {
    const auto shared_versions = load_versions(db, pool.path());
    const VersionIndex& versions = *shared_versions;
    request.versions = &versions;
    return write_export(format.format, delimiter, context, [&](ExportWriter& writer) {
      run_search_in_pages(db, request, RegionTable::builtin(), kPageSize,
                          [&](const SearchResult& page) {
                            for (const Hit& hit : page.hits) writer.hit(hit);
                          });
    });
  });
}

std::string export_similar(IndexPool& pool, const ParamReader& params, const FormatInfo& format,
                           char delimiter) {
  SimilarRequest request = similar_request(params);
  const SimilarResult result = similar_for(pool, request);
  const ExportContext context = similar_export_context(request, result, pool.path());
  return write_export(format.format, delimiter, context, [&](ExportWriter& writer) {
    for (const Hit& hit : result.hits) writer.hit(hit);
  });
}

std::string export_compare(IndexPool& pool, const ParamReader& params, const FormatInfo& format,
                           char delimiter) {
  return pool.with_database([&](const Xapian::Database& db) {
    const auto [a, b] = compare_documents_param(db, params);
    Alignment alignment = compare_documents(db, a, b, SynonymTable::standard(), Thesaurus::system(),
                                            term_model_for(pool.path()).model.get());
    align_as_versions(db, *load_versions(db, pool.path()), alignment);
    const ExportContext context = compare_export_context(alignment, pool.path());
    return write_export(format.format, delimiter, context, [&](ExportWriter& writer) {
      for (const AlignedPair& pair : alignment.pairs) writer.pair(pair);
    });
  });
}

std::string export_coverage(IndexPool& pool, const ParamReader& params, const FormatInfo& format,
                            char delimiter) {
  CoverageRequest request = coverage_request(params);
  const CoverageResult result = coverage_for(pool, request);
  const ExportContext context = coverage_export_context(request, result, pool.path());
  return write_export(format.format, delimiter, context,
                      [&](ExportWriter& writer) { write_coverage(writer, result); });
}

// The review list: the clause ids and notes come from the reader's browser; reading the
// clauses they name is all the server does.
std::string export_review(IndexPool& pool, const ParamReader& params, const FormatInfo& format,
                          char delimiter) {
  const std::vector<ReviewItem> items = review_items(params);
  return pool.with_database([&](const Xapian::Database& db) {
    const ExportContext context = review_export_context(items, pool.path());
    return write_export(format.format, delimiter, context, [&](ExportWriter& writer) {
      for (const Hit& hit : review_hits(db, items)) writer.hit(hit);
    });
  });
}

}  // namespace

Download export_download(IndexPool& pool, const ParamReader& params) {
  const FormatInfo& format = format_param(params);
  const char delimiter = delimiter_param(params);
  const std::string kind = params.text("kind", "search");
  Download download;
  download.content_type = format.content_type;
  if (kind == "search") {
    download.body = export_search(pool, params, format, delimiter);
    download.filename = "klausul-sok.";
  } else if (kind == "similar") {
    download.body = export_similar(pool, params, format, delimiter);
    download.filename = "klausul-liknande.";
  } else if (kind == "compare") {
    download.body = export_compare(pool, params, format, delimiter);
    download.filename = "klausul-jamforelse.";
  } else if (kind == "coverage") {
    download.body = export_coverage(pool, params, format, delimiter);
    download.filename = "klausul-tackning.";
  } else if (kind == "review") {
    download.body = export_review(pool, params, format, delimiter);
    download.filename = "klausul-granskningslista.";
  } else {
    throw bad_request("okänd kind '" + kind + "' (search, similar, compare, coverage, review)");
  }
  download.filename += format.name;
  return download;
}

}  // namespace klausul::web
