#include "search/version_store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

#include "index/term_model_learning.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/compare.h"

namespace klausul {
namespace {

// Title series are checked with compare for at most this many pairs per index update: a large
// archive with many same-titled documents keeps its other chains by diarienummer and title.
constexpr int kMaxSeriesChecks = 200;
// A newer document of the series must hold at least this share of the older one's clauses,
// each as a pair compare scores at least kSeriesPairScore (well above compare's own threshold:
// two documents on one subject share many loosely similar clauses without being versions).
constexpr double kSeriesAligned = 0.5;
constexpr double kSeriesPairScore = 0.5;

}  // namespace

std::string series_file_path(const std::string& db_path) {
  std::error_code error;
  if (std::filesystem::is_directory(db_path, error)) {
    return (std::filesystem::path(db_path) / "klausul-series.tsv").string();
  }
  return db_path + ".series.tsv";
}

int update_series_file(const Xapian::Database& db, const std::string& db_path) {
  std::vector<DocumentInfo> documents = list_documents(db);
  // Newest first, so that the bound drops the oldest comparisons.
  std::stable_sort(documents.begin(), documents.end(), [](const DocumentInfo& a, const DocumentInfo& b) {
    return version_order_date(b) < version_order_date(a);
  });
  int checks = 0;
  std::vector<std::pair<std::string, std::string>> confirmed;
  auto same_text = [&](const DocumentInfo& older, const DocumentInfo& newer) {
    if (checks >= kMaxSeriesChecks) return false;
    ++checks;
    const Alignment alignment = compare_documents(db, older.id, newer.id);
    const int clauses = alignment.matched + alignment.only_a;
    int close = 0;
    for (const AlignedPair& pair : alignment.pairs) {
      close += pair.status == AlignmentStatus::matched && pair.score >= kSeriesPairScore;
    }
    const bool same = clauses > 0 && close >= kSeriesAligned * clauses;
    if (same) confirmed.emplace_back(older.id, newer.id);
    return same;
  };
  VersionIndex::build(std::move(documents), today_iso(), same_text);
  const std::string path = series_file_path(db_path);
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << "# klausul: title series confirmed by compare (older<TAB>newer document id)\n";
    for (const auto& [older, newer] : confirmed) out << older << '\t' << newer << '\n';
    if (!out) throw IndexError("cannot write " + temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) throw IndexError("cannot write " + path + ": " + error.message());
  return static_cast<int>(confirmed.size());
}

VersionIndex load_versions(const Xapian::Database& db, const std::string& db_path) {
  // A long-running server asks for every request: the same index state, day and series file
  // give the same versions, so they are built once.
  static std::mutex mutex;
  static std::map<std::string, std::pair<std::string, VersionIndex>> cache;  // path -> key, index
  std::error_code error;
  const std::string series_path = series_file_path(db_path);
  const auto written = std::filesystem::last_write_time(series_path, error);
  const std::string key = index_signature(db) + "|" + today_iso() + "|" +
                          (error ? "-" : std::to_string(written.time_since_epoch().count()));
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(db_path);
    if (it != cache.end() && it->second.first == key) return it->second.second;
  }
  std::set<std::pair<std::string, std::string>> series;
  std::ifstream in(series_path, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab != std::string::npos) series.emplace(line.substr(0, tab), line.substr(tab + 1));
  }
  auto same_text = [&series](const DocumentInfo& older, const DocumentInfo& newer) {
    return series.count({older.id, newer.id}) > 0;
  };
  VersionIndex versions = VersionIndex::build(list_documents(db), today_iso(), same_text);
  std::lock_guard<std::mutex> lock(mutex);
  cache[db_path] = {key, versions};
  return versions;
}

}  // namespace klausul
