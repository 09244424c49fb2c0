// Relevance check: runs the judged queries of relevance_queries.tsv against an index and
// prints precision@5 and recall@10 per query and on average.
//   relevance DB QUERIES.tsv
// precision@5: relevant hits among the first 5, divided by min(5, number of judged clauses)
// (a query with one relevant clause can score 1). recall@10: judged clauses (substrings) found
// in the first 10 hits, divided by their number.
#include <xapian.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace {

struct Judgement {
  std::string query;
  std::vector<std::string> relevant;  // substrings of relevant clause texts
};

std::vector<Judgement> load(const std::string& path) {
  std::vector<Judgement> judgements;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Judgement j{line.substr(0, tab), {}};
    std::istringstream parts(line.substr(tab + 1));
    for (std::string part; std::getline(parts, part, '|');) j.relevant.push_back(part);
    judgements.push_back(std::move(j));
  }
  return judgements;
}

bool is_relevant(const klausul::Hit& hit, const Judgement& j) {
  for (const auto& s : j.relevant) {
    if (hit.clause.text.find(s) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: relevance DB QUERIES.tsv\n";
    return 2;
  }
  Xapian::Database db(argv[1]);
  const auto judgements = load(argv[2]);
  double precision_sum = 0, recall_sum = 0;
  for (const Judgement& j : judgements) {
    klausul::SearchRequest request;
    request.query = j.query;
    request.limit = 10;
    auto result = klausul::run_search(db, request, klausul::RegionTable::builtin());
    int relevant_top5 = 0;
    for (size_t i = 0; i < result.hits.size() && i < 5; ++i) {
      relevant_top5 += is_relevant(result.hits[i], j);
    }
    int found = 0;
    for (const auto& s : j.relevant) {
      for (const auto& hit : result.hits) {
        if (hit.clause.text.find(s) != std::string::npos) {
          ++found;
          break;
        }
      }
    }
    const double p5 = relevant_top5 / double(std::min<size_t>(5, j.relevant.size()));
    const double r10 = found / double(j.relevant.size());
    precision_sum += std::min(1.0, p5);
    recall_sum += r10;
    std::printf("%-34s P@5 %.2f  R@10 %.2f  (%zu hits)\n", j.query.c_str(), std::min(1.0, p5), r10,
                result.hits.size());
  }
  std::printf("mean over %zu queries: precision@5 %.3f  recall@10 %.3f\n", judgements.size(),
              precision_sum / judgements.size(), recall_sum / judgements.size());
  return 0;
}
