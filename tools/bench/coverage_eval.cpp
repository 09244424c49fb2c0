// Calibration and evaluation of the coverage verdicts (search/coverage.h) on labelled data
// (tools/bench/coverage_eval.tsv: per query, the right verdict of each region of the index,
// chosen by reading).
//   coverage_eval DB LABELS.tsv [--write THRESHOLDS_HEADER]
// 1. Each query runs through find_coverage, as `klausul coverage --text` does (with the
//    index's term model); each labelled region's best score is kept.
// 2. On the TUNE half only: the motsvarighet threshold is the one with the highest recall of
//    motsvarighet among those whose precision is at least 0.9 (the issue's aim; the highest
//    precision when none reaches it), placed midway between two neighbouring tuning scores;
//    then the närliggande threshold (below it) is the one with the most verdicts right.
// 3. Both halves are reported with those thresholds: precision and recall of motsvarighet,
//    how often each verdict is right, the confusion matrix. The held-out half never
//    influences the thresholds. --write rewrites the two numbers in the header.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "search/coverage.h"
#include "search/open_database.h"
#include "search/term_model_store.h"

namespace {

using klausul::CoverageThresholds;
using klausul::Verdict;

struct Label {
  int query = 0;
  std::string split, text, region;
  Verdict truth = Verdict::none;
  double score = 0;
};

Verdict parse_verdict(const std::string& name) {
  if (name == "motsvarighet") return Verdict::correspondence;
  if (name == "narliggande") return Verdict::related;
  if (name == "ingen") return Verdict::none;
  throw std::runtime_error("unknown verdict '" + name + "'");
}

// Labels: id, split, query, then one verdict per region named in the "# Columns:" line.
std::vector<Label> load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> regions;
  std::vector<Label> labels;
  for (std::string line; std::getline(in, line);) {
    // "# Columns: id<TAB>split<TAB>query<TAB>REGION<TAB>...<TAB>note" names the regions.
    if (line.rfind("# Columns: ", 0) == 0) {
      std::string spelled = line.substr(11);  // the header spells the tabs "<TAB>"
      for (size_t at; (at = spelled.find("<TAB>")) != std::string::npos;) {
        spelled.replace(at, 5, "\t");
      }
      std::istringstream names(spelled);
      std::vector<std::string> columns;
      for (std::string name; std::getline(names, name, '\t');) columns.push_back(name);
      if (columns.size() < 5) throw std::runtime_error("bad columns line: " + line);
      regions.assign(columns.begin() + 3, columns.end() - 1);
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (regions.empty()) throw std::runtime_error("no '# Columns:' line before the labels");
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) f.push_back(field);
    if (f.size() < 3 + regions.size()) throw std::runtime_error("short line: " + line);
    for (size_t r = 0; r < regions.size(); ++r) {
      labels.push_back({std::stoi(f[0]), f[1], f[2], regions[r], parse_verdict(f[3 + r]), 0});
    }
  }
  return labels;
}

struct Counts {
  int confusion[3][3] = {};  // [truth][predicted], verdicts 0..2
  int right() const { return confusion[0][0] + confusion[1][1] + confusion[2][2]; }
  int total() const {
    int n = 0;
    for (auto& row : confusion)
      for (int c : row) n += c;
    return n;
  }
  int predicted(int v) const { return confusion[0][v] + confusion[1][v] + confusion[2][v]; }
  int actual(int v) const { return confusion[v][0] + confusion[v][1] + confusion[v][2]; }
  double precision(int v) const {
    return predicted(v) ? double(confusion[v][v]) / predicted(v) : 0;
  }
  double recall(int v) const { return actual(v) ? double(confusion[v][v]) / actual(v) : 0; }
};

Counts count(const std::vector<Label>& labels, const std::string& split, CoverageThresholds t) {
  Counts c;
  for (const Label& l : labels) {
    if (l.split != split) continue;
    const Verdict v = klausul::verdict_of(l.score, true, t);
    ++c.confusion[static_cast<int>(l.truth)][static_cast<int>(v)];
  }
  return c;
}

// Thresholds midway between neighbouring scores of the tuning half (and just above the top).
std::vector<double> candidates(const std::vector<Label>& labels) {
  std::set<double> scores = {0.0};
  for (const Label& l : labels)
    if (l.split == "tune") scores.insert(l.score);
  std::vector<double> sorted(scores.begin(), scores.end());
  std::vector<double> out;
  for (size_t i = 0; i + 1 < sorted.size(); ++i) out.push_back((sorted[i] + sorted[i + 1]) / 2);
  out.push_back(sorted.back() + 0.01);
  return out;
}

CoverageThresholds calibrate(const std::vector<Label>& labels) {
  const std::vector<double> grid = candidates(labels);
  double best_corr = grid.back();
  double best_recall = -1, best_precision = -1;
  bool reached = false;
  for (double t : grid) {
    const Counts c = count(labels, "tune", {t, 0});
    if (c.predicted(0) == 0) continue;
    const double p = c.precision(0), r = c.recall(0);
    const bool ok = p >= 0.9;
    if (ok && (!reached || r > best_recall)) {
      reached = true;
      best_corr = t, best_recall = r, best_precision = p;
    } else if (!reached && p > best_precision) {
      best_corr = t, best_recall = r, best_precision = p;
    }
  }
  double best_related = best_corr;
  int best_right = -1;
  for (double t : grid) {
    if (t > best_corr) break;
    const int right = count(labels, "tune", {best_corr, t}).right();
    if (right > best_right) best_right = right, best_related = t;
  }
  return {best_corr, best_related};
}

void report(const std::vector<Label>& labels, const std::string& split, CoverageThresholds t) {
  const Counts c = count(labels, split, t);
  static const char* const kNames[] = {"motsvarighet", "närliggande", "ingen träff"};
  std::printf("\n%s half: %d region verdicts, %d right (%.2f)\n", split.c_str(), c.total(),
              c.right(), c.total() ? double(c.right()) / c.total() : 0.0);
  std::printf("  motsvarighet: precision %.2f (%d of %d said), recall %.2f (%d of %d true)\n",
              c.precision(0), c.confusion[0][0], c.predicted(0), c.recall(0), c.confusion[0][0],
              c.actual(0));
  for (int v = 0; v < 3; ++v) {
    std::printf("  verdict %-13s right %d of %d said (%.2f); found %d of %d true (%.2f)\n",
                kNames[v], c.confusion[v][v], c.predicted(v), c.precision(v), c.confusion[v][v],
                c.actual(v), c.recall(v));
  }
  std::printf("  confusion (rows: label, columns: verdict)  motsv.  närl.  ingen\n");
  for (int v = 0; v < 3; ++v) {
    std::printf("    %-40s %6d %6d %6d\n", kNames[v], c.confusion[v][0], c.confusion[v][1],
                c.confusion[v][2]);
  }
}

void write_header(const std::string& path, CoverageThresholds t) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string header = text.str();
  char corr[64], rel[64];
  std::snprintf(corr, sizeof corr, "kCorrespondence = %.2f;", t.correspondence);
  std::snprintf(rel, sizeof rel, "kRelated = %.2f;", t.related);
  header = std::regex_replace(header, std::regex(R"(kCorrespondence = [0-9.]+;)"), corr);
  header = std::regex_replace(header, std::regex(R"(kRelated = [0-9.]+;)"), rel);
  std::ofstream(path) << header;
  std::printf("\nwrote %s: %s %s\n", path.c_str(), corr, rel);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--write")) {
    std::cerr << "usage: coverage_eval DB LABELS.tsv [--write search/coverage_thresholds.h]\n";
    return 2;
  }
  try {
    std::vector<Label> labels = load(argv[2]);
    Xapian::Database db = klausul::open_for_reading(argv[1]);
    const klausul::LoadedTermModel model = klausul::term_model_for(argv[1]);
    std::map<int, klausul::CoverageResult> results;
    std::printf("query\tsplit\tregion\tlabel\tbest score\n");
    for (Label& l : labels) {
      if (!results.count(l.query)) {
        klausul::CoverageRequest request;
        request.text = l.text;
        request.term_model = model.model.get();
        results[l.query] = klausul::find_coverage(db, request, klausul::RegionTable::builtin());
      }
      for (const klausul::CoverageRow& row : results[l.query].rows) {
        if (row.region.key == l.region) l.score = row.best_score;
      }
      std::printf("%d\t%s\t%s\t%s\t%.3f\n", l.query, l.split.c_str(), l.region.c_str(),
                  klausul::verdict_key(l.truth), l.score);
    }
    const CoverageThresholds current = klausul::default_coverage_thresholds();
    const CoverageThresholds tuned = calibrate(labels);
    std::printf("\nterm model: %s\n", model.model ? "yes" : model.problem.c_str());
    std::printf("thresholds in the header: motsvarighet >= %.2f, närliggande >= %.2f\n",
                current.correspondence, current.related);
    std::printf("calibrated on the tune half: motsvarighet >= %.2f, närliggande >= %.2f\n",
                tuned.correspondence, tuned.related);
    report(labels, "tune", tuned);
    report(labels, "heldout", tuned);
    if (argc == 5) write_header(argv[4], tuned);
  } catch (const std::exception& e) {
    std::cerr << "coverage_eval: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
