#include "search/clause_score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace klausul {

const ScoreTuning& default_score_tuning() {
  static const ScoreTuning tuning;
  return tuning;
}

QueryScorer::QueryScorer(ClauseVector query, RelatedStems related, const TermModel* model,
                         const ScoreTuning& tuning)
    : query_(std::move(query)), related_(std::move(related)), model_(model), tuning_(tuning) {
  if (!model_ || model_->empty()) return;
  meaning_ = meaning_of(query_, *model_);
  // The term model's soft links count as thesaurus neighbours do: the explanation shows
  // exactly these (explain), so a link a policy writer reads is one that scored.
  std::vector<size_t> strongest_first(query_.weights.size());
  for (size_t i = 0; i < strongest_first.size(); ++i) strongest_first[i] = i;
  std::stable_sort(strongest_first.begin(), strongest_first.end(), [&](size_t a, size_t b) {
    return query_.weights[a].second > query_.weights[b].second;
  });
  std::vector<std::pair<std::string, size_t>> linked_stems;
  for (size_t i : strongest_first) {
    const std::string& stem = query_.weights[i].first;
    std::vector<std::string> linked;
    for (const std::string& other : nearest(stem)) {
      if (weight_of(query_, other) == 0 && linkable(stem, other)) linked.push_back(other);
    }
    std::sort(linked.begin(), linked.end());  // nearest() is unordered: a fixed order
    for (const std::string& other : linked) {
      linked_stems.emplace_back(other, i);
      links_.push_back(SoftLink{stem, other, model_->similarity(stem, other)});
    }
  }
  related_.add(std::move(linked_stems));
}

const std::unordered_set<std::string>& QueryScorer::nearest(const std::string& stem) const {
  auto it = nearest_.find(stem);
  if (it == nearest_.end()) {
    std::unordered_set<std::string> stems;
    for (auto& [near, similarity] :
         model_->neighbours(stem, tuning_.soft_link_rank, tuning_.soft_link_minimum)) {
      stems.insert(std::move(near));
    }
    it = nearest_.emplace(stem, std::move(stems)).first;
  }
  return it->second;
}

// Mutual nearest neighbours (ScoreTuning::soft_link_rank).
bool QueryScorer::linkable(const std::string& query_stem, const std::string& other_stem) const {
  return nearest(query_stem).count(other_stem) > 0 && nearest(other_stem).count(query_stem) > 0;
}

double QueryScorer::score(const ClauseVector& candidate, double bm25) const {
  const double lexical = soft_cosine(query_, candidate, related_);
  double similarity = lexical;
  if (!meaning_.empty()) {
    const double cosine = meaning_similarity(meaning_, meaning_of(candidate, *model_));
    const double meaning =
        std::max(0.0, cosine - tuning_.meaning_floor) / (1.0 - tuning_.meaning_floor);
    similarity = (1 - tuning_.semantic_weight) * lexical + tuning_.semantic_weight * meaning;
  }
  // BM25 gives back the weight of a rare shared word that averaging into meaning vectors
  // dilutes; without a model the tf-idf cosine already has it (on the seed set the mix
  // without a model lowered recall@3 from 0.82 to 0.79).
  if (bm25 >= 0 && !meaning_.empty()) {
    similarity = (1 - tuning_.bm25_weight) * similarity + tuning_.bm25_weight * bm25;
  }
  const double stems = candidate.body_stems;
  if (stems < tuning_.full_statement_stems && tuning_.fragment_power > 0 &&
      !candidate.completed_by_lead_in) {
    similarity *= std::pow(std::max(stems, 0.5) / tuning_.full_statement_stems,
                           tuning_.fragment_power);
  }
  return std::clamp(similarity, 0.0, 1.0);
}

std::vector<std::string> QueryScorer::explain(
    const ClauseVector& candidate,
    const std::vector<std::pair<std::string, std::string>>& candidate_words) const {
  std::vector<std::string> terms = shared_words(query_, candidate);
  if (!model_ || model_->empty()) return terms;
  auto query_word = [&](const std::string& stem) {
    auto it = query_.surface.find(stem);
    return it != query_.surface.end() ? it->second : stem;
  };
  auto candidate_word = [&](const std::string& stem) {
    for (const auto& [word, word_stem] : candidate_words) {
      if (word_stem == stem) return word;
    }
    return stem;
  };
  auto mutual = [this](const std::string& a, const std::string& b) { return linkable(a, b); };
  for (const SoftLink& link :
       soft_links(query_, candidate, *model_, tuning_.soft_link_minimum, mutual)) {
    char weight[16];
    std::snprintf(weight, sizeof weight, "%.2f", link.similarity);
    terms.push_back(query_word(link.query_stem) + " \u2248 " + candidate_word(link.other_stem) +
                    " " + weight);
  }
  return terms;
}

}  // namespace klausul
