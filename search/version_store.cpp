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
#include "search/clause_score.h"
#include "search/clause_vector.h"
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

// Judges whether a newer document of a title series holds most of an older one's clauses:
// at least kSeriesAligned of the older clauses (headings aside) have a clause in the newer
// one that compare's score (search/clause_score.h) puts at kSeriesPairScore or more. Versions
// are judged on their own words: no thesaurus soft matches, no term model. Each document's
// clause vectors are read once however many pairs it is in, and a pair stops being scored as
// soon as its verdict is certain.
class SeriesJudge {
 public:
  explicit SeriesJudge(const Xapian::Database& db) : db_(db), idf_(db) {}

  bool same_text(const std::string& older, const std::string& newer) {
    const std::vector<ClauseVector>& a = vectors(older);
    const std::vector<ClauseVector>& b = vectors(newer);
    if (a.empty()) return false;
    const double needed = kSeriesAligned * static_cast<double>(a.size());
    double close = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (close >= needed) return true;
      if (close + static_cast<double>(a.size() - i) < needed) return false;
      const QueryScorer scorer(a[i], RelatedStems(), nullptr);
      for (const ClauseVector& candidate : b) {
        if (scorer.score(candidate) >= kSeriesPairScore) {
          ++close;
          break;
        }
      }
    }
    return close >= needed;
  }

 private:
  const std::vector<ClauseVector>& vectors(const std::string& document_id) {
    auto it = vectors_.find(document_id);
    if (it != vectors_.end()) return it->second;
    std::vector<ClauseVector> clauses;
    for (const auto& [clause, doc] : document_clauses(db_, document_id)) {
      if (clause.kind == BlockKind::heading) continue;  // structure, not content
      clauses.push_back(vector_of_document(idf_, doc, standard_stem_canon()));
    }
    return vectors_.emplace(document_id, std::move(clauses)).first->second;
  }

  const Xapian::Database& db_;
  IdfCache idf_;
  std::map<std::string, std::vector<ClauseVector>> vectors_;
};

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
  SeriesJudge judge(db);
  auto same_text = [&](const DocumentInfo& older, const DocumentInfo& newer) {
    const std::pair<std::string, std::string> pair{older.id, newer.id};
    if (auto it = known.find(pair); it != known.end()) return verdicts[pair] = it->second;
    if (checks >= kMaxSeriesChecks) return false;
    ++checks;
    return verdicts[pair] = judge.same_text(older.id, newer.id);
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

std::shared_ptr<const VersionIndex> load_versions(const Xapian::Database& db,
                                                  const std::string& db_path) {
  // A long-running server asks for every request: the same index state, day and series file
  // give the same versions, so they are built once.
  static std::mutex mutex;
  // path -> key, index
  static std::map<std::string, std::pair<std::string, std::shared_ptr<const VersionIndex>>> cache;
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
  auto versions = std::make_shared<const VersionIndex>(
      VersionIndex::build(list_documents(db), today_iso(), same_text));
  std::lock_guard<std::mutex> lock(mutex);
  cache[db_path] = {key, versions};
  return versions;
}

}  // namespace klausul
