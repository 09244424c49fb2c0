// What the archive itself teaches about words: one vector per stem, learned from the indexed
// clauses (index/term_model_learning.h), such that stems used in the same contexts get close
// vectors ("prägla" ~ "genomsyra", "förbud" ~ "får inte"). `similar` and `compare` use it to
// find the same commitment written in other words: soft links between stems that are each
// other's nearest ("prägla ≈ genomsyra 0.62") find candidates, count in the score and are
// shown, and clause vectors averaged from stem vectors compare whole clauses.
//
// The model is data beside the index, never part of it: `klausul learn` rebuilds it, ingest
// relearns it when the index changed, and an index without one still works (stems only).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace klausul {

class TermModel {
 public:
  TermModel() = default;
  /// An empty model of `dimensions`, learned from the index state `signature`.
  TermModel(int dimensions, std::string signature);

  /// Adds a stem's vector (normalised to unit length here; a zero vector is skipped).
  /// `frequency` is how often the stem occurred in what the model learned from.
  void add(const std::string& stem, const std::vector<float>& vector, uint32_t frequency);

  bool empty() const { return stems_.empty(); }
  size_t size() const { return stems_.size(); }
  int dimensions() const { return dimensions_; }
  /// Which index state the model was learned from (index_signature in term_model_learning.h).
  const std::string& signature() const { return signature_; }

  /// The unit vector of a stem, nullptr when the model does not know it.
  const float* find(const std::string& stem) const;

  /// Cosine of two stems' vectors, 0 when either is unknown.
  double similarity(const std::string& a, const std::string& b) const;

  /// The `count` stems closest to `stem` with similarity at least `minimum`, best first,
  /// among the stems seen at least kNeighbourMinimumFrequency times (a stem seen once has a
  /// vector made of its letters more than of its use). Deterministic: ties by stem.
  /// Remembered per model (thread-safe): each call scans the vocabulary, and `similar` asks
  /// about the same stems again and again (a query's stems and their neighbours).
  std::vector<std::pair<std::string, double>> neighbours(const std::string& stem, size_t count,
                                                         double minimum) const;
  static constexpr uint32_t kNeighbourMinimumFrequency = 3;

  /// Writes the model atomically (a temporary file renamed into place). Throws IndexError.
  void save(const std::string& path) const;
  /// Reads a model written by save(). Throws IndexError naming the path when it is missing,
  /// truncated or of another format version.
  static TermModel load(const std::string& path);
  /// Only the signature of the model at `path`; empty when there is no readable model.
  static std::string read_signature(const std::string& path);

 private:
  int dimensions_ = 0;
  std::string signature_;
  std::vector<std::string> stems_;
  std::vector<uint32_t> frequencies_;
  std::vector<float> vectors_;                     // stems_.size() * dimensions_
  std::vector<uint32_t> neighbour_candidates_;     // stems frequent enough to be neighbours
  std::unordered_map<std::string, uint32_t> index_;
  struct NeighbourMemo {
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<std::pair<std::string, double>>> found;
  };
  std::shared_ptr<NeighbourMemo> memo_ = std::make_shared<NeighbourMemo>();
  std::vector<std::pair<std::string, double>> scan_neighbours(const std::string& stem,
                                                              size_t count, double minimum) const;
};

/// Dot product of two vectors of `n` floats.
float dot(const float* a, const float* b, int n);

}  // namespace klausul
