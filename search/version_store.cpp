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

namespace {

// The series file: "older<TAB>newer" for a pair compare confirmed, "older<TAB>newer<TAB>no"
// for one it rejected (files written before verdicts were kept have confirmed pairs only).
// Document ids are content hashes, so a verdict holds as long as both documents exist.
std::map<std::pair<std::string, std::string>, bool> read_series_verdicts(const std::string& path) {
  std::map<std::pair<std::string, std::string>, bool> verdicts;
  std::ifstream in(path, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const auto second_tab = line.find('\t', tab + 1);
    const std::string newer = line.substr(tab + 1, second_tab == std::string::npos
                                                        ? std::string::npos
                                                        : second_tab - tab - 1);
    const bool confirmed =
        second_tab == std::string::npos || line.substr(second_tab + 1) != "no";
    verdicts[{line.substr(0, tab), newer}] = confirmed;
  }
  return verdicts;
}

}  // namespace

int update_series_file(const Xapian::Database& db, const std::string& db_path) {
  std::vector<DocumentInfo> documents = list_documents(db);
  // Newest first, so that the bound drops the oldest comparisons.
  std::stable_sort(documents.begin(), documents.end(), [](const DocumentInfo& a, const DocumentInfo& b) {
    return version_order_date(b) < version_order_date(a);
  });
  const std::string path = series_file_path(db_path);
  // Pairs judged by an earlier update are not compared again: an ingest that adds a few
  // files compares only the pairs they bring.
  const auto known = read_series_verdicts(path);
  int checks = 0;
  std::map<std::pair<std::string, std::string>, bool> verdicts;  // of this update's pairs
  auto same_text = [&](const DocumentInfo& older, const DocumentInfo& newer) {
    const std::pair<std::string, std::string> pair{older.id, newer.id};
    if (auto it = known.find(pair); it != known.end()) return verdicts[pair] = it->second;
    if (checks >= kMaxSeriesChecks) return false;
    ++checks;
    const Alignment alignment = compare_documents(db, older.id, newer.id);
    const int clauses = alignment.matched + alignment.only_a;
    int close = 0;
    for (const AlignedPair& aligned : alignment.pairs) {
      close += aligned.status == AlignmentStatus::matched && aligned.score >= kSeriesPairScore;
    }
    return verdicts[pair] = clauses > 0 && close >= kSeriesAligned * clauses;
  };
  VersionIndex::build(std::move(documents), today_iso(), same_text);
  const std::string temporary = path + ".tmp";
  int confirmed = 0;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << "# klausul: title series checked by compare (older<TAB>newer document id; "
           "<TAB>no: not the same text)\n";
    for (const auto& [pair, same] : verdicts) {
      out << pair.first << '\t' << pair.second << (same ? "" : "\tno") << '\n';
      confirmed += same;
    }
    if (!out) throw IndexError("cannot write " + temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) throw IndexError("cannot write " + path + ": " + error.message());
  return confirmed;
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
  const auto series = read_series_verdicts(series_path);
  auto same_text = [&series](const DocumentInfo& older, const DocumentInfo& newer) {
    auto it = series.find({older.id, newer.id});
    return it != series.end() && it->second;
  };
  VersionIndex versions = VersionIndex::build(list_documents(db), today_iso(), same_text);
  std::lock_guard<std::mutex> lock(mutex);
  cache[db_path] = {key, versions};
  return versions;
}

}  // namespace klausul
