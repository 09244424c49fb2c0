#include "search/semantic_match.h"

#include <algorithm>
#include <cmath>

namespace klausul {

MeaningVector meaning_of(const ClauseVector& clause, const TermModel& model) {
  MeaningVector meaning;
  const int n = model.dimensions();
  std::vector<double> sum(static_cast<size_t>(n), 0.0);
  bool any = false;
  for (const auto& [stem, weight] : clause.weights) {
    const float* v = model.find(stem);
    if (!v) continue;
    any = true;
    for (int i = 0; i < n; ++i) sum[static_cast<size_t>(i)] += weight * v[i];
  }
  if (!any) return meaning;
  double norm = 0;
  for (double x : sum) norm += x * x;
  norm = std::sqrt(norm);
  if (norm == 0) return meaning;
  meaning.values.reserve(sum.size());
  for (double x : sum) meaning.values.push_back(static_cast<float>(x / norm));
  return meaning;
}

double meaning_similarity(const MeaningVector& a, const MeaningVector& b) {
  if (a.empty() || b.empty() || a.values.size() != b.values.size()) return 0;
  const double s = dot(a.values.data(), b.values.data(), static_cast<int>(a.values.size()));
  return std::clamp(s, 0.0, 1.0);
}

std::vector<SoftLink> soft_links(const ClauseVector& query, const ClauseVector& other,
                                 const TermModel& model, double minimum,
                                 const LinkableStems& linkable) {
  std::vector<std::pair<double, SoftLink>> found;
  for (const auto& [stem, weight] : query.weights) {
    if (weight_of(other, stem) > 0) continue;
    SoftLink best;
    for (const auto& [candidate, unused] : other.weights) {
      if (weight_of(query, candidate) > 0) continue;  // already matched by itself
      const double s = model.similarity(stem, candidate);
      if (s >= minimum &&
          (s > best.similarity || (s == best.similarity && candidate < best.other_stem)) &&
          (!linkable || linkable(stem, candidate))) {
        best = SoftLink{stem, candidate, s};
      }
    }
    if (!best.other_stem.empty()) found.emplace_back(weight, std::move(best));
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<SoftLink> links;
  for (auto& [weight, link] : found) links.push_back(std::move(link));
  return links;
}

}  // namespace klausul
