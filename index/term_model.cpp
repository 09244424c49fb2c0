#include "index/term_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "ingest/error.h"

namespace klausul {
namespace {

// "KTM" + format version. A model of another version is rebuilt, never misread.
constexpr char kMagic[] = "KTM2";
constexpr uint32_t kMaxStemBytes = 256;
constexpr int kMaxDimensions = 1024;

template <typename T>
void write_raw(std::ostream& out, const T& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
bool read_raw(std::istream& in, T& value) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&value), sizeof value));
}

}  // namespace

float dot(const float* a, const float* b, int n) {
  // Eight partial sums: without -ffast-math the compiler keeps one chain of additions, which
  // is what makes a scan over the vocabulary slow.
  float sums[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    for (int k = 0; k < 8; ++k) sums[k] += a[i + k] * b[i + k];
  }
  float total = 0;
  for (; i < n; ++i) total += a[i] * b[i];
  for (float s : sums) total += s;
  return total;
}

TermModel::TermModel(int dimensions, std::string signature)
    : dimensions_(dimensions), signature_(std::move(signature)) {}

void TermModel::add(const std::string& stem, const std::vector<float>& vector,
                    uint32_t frequency) {
  if (static_cast<int>(vector.size()) != dimensions_ || index_.count(stem)) return;
  memo_ = std::make_shared<NeighbourMemo>();  // what was remembered may change (and is shared)
  double norm = 0;
  for (float v : vector) norm += static_cast<double>(v) * v;
  norm = std::sqrt(norm);
  if (norm == 0 || !std::isfinite(norm)) return;
  const auto id = static_cast<uint32_t>(stems_.size());
  index_.emplace(stem, id);
  stems_.push_back(stem);
  frequencies_.push_back(frequency);
  for (float v : vector) vectors_.push_back(static_cast<float>(v / norm));
  if (frequency >= kNeighbourMinimumFrequency) neighbour_candidates_.push_back(id);
}

const float* TermModel::find(const std::string& stem) const {
  auto it = index_.find(stem);
  if (it == index_.end()) return nullptr;
  return vectors_.data() + static_cast<size_t>(it->second) * dimensions_;
}

double TermModel::similarity(const std::string& a, const std::string& b) const {
  const float* va = find(a);
  const float* vb = find(b);
  if (!va || !vb) return 0;
  return dot(va, vb, dimensions_);
}

std::vector<std::pair<std::string, double>> TermModel::neighbours(const std::string& stem,
                                                                  size_t count,
                                                                  double minimum) const {
  std::string key = stem;
  key += '\0';
  key += std::to_string(count) + ' ' + std::to_string(minimum);
  {
    std::lock_guard<std::mutex> lock(memo_->mutex);
    auto known = memo_->found.find(key);
    if (known != memo_->found.end()) return known->second;
  }
  std::vector<std::pair<std::string, double>> best = scan_neighbours(stem, count, minimum);
  std::lock_guard<std::mutex> lock(memo_->mutex);
  memo_->found.emplace(std::move(key), best);
  return best;
}

std::vector<std::pair<std::string, double>> TermModel::scan_neighbours(const std::string& stem,
                                                                       size_t count,
                                                                       double minimum) const {
  std::vector<std::pair<std::string, double>> best;
  const float* v = find(stem);
  if (!v || count == 0) return best;
  std::vector<std::pair<float, uint32_t>> scored;
  for (uint32_t id : neighbour_candidates_) {
    const float s = dot(v, vectors_.data() + static_cast<size_t>(id) * dimensions_, dimensions_);
    if (s >= minimum && stems_[id] != stem) scored.emplace_back(s, id);
  }
  auto better = [&](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : stems_[x.second] < stems_[y.second];
  };
  const size_t keep = std::min(count, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(keep), scored.end(),
                    better);
  for (size_t i = 0; i < keep; ++i) best.emplace_back(stems_[scored[i].second], scored[i].first);
  return best;
}

void TermModel::save(const std::string& path) const {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw IndexError("cannot write the term model " + temporary);
    out.write(kMagic, 4);
    write_raw(out, static_cast<int32_t>(dimensions_));
    write_raw(out, static_cast<uint32_t>(signature_.size()));
    out.write(signature_.data(), static_cast<std::streamsize>(signature_.size()));
    write_raw(out, static_cast<uint32_t>(stems_.size()));
    for (size_t i = 0; i < stems_.size(); ++i) {
      write_raw(out, static_cast<uint32_t>(stems_[i].size()));
      out.write(stems_[i].data(), static_cast<std::streamsize>(stems_[i].size()));
      write_raw(out, frequencies_[i]);
      out.write(reinterpret_cast<const char*>(vectors_.data() + i * dimensions_),
                static_cast<std::streamsize>(sizeof(float) * dimensions_));
    }
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      throw IndexError("cannot write the term model " + temporary + " (disk full?)");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw IndexError("cannot move the term model into place at " + path);
  }
}

std::string TermModel::read_signature(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4];
  int32_t dimensions = 0;
  uint32_t size = 0;
  if (!in.read(magic, 4) || std::string(magic, 4) != std::string(kMagic, 4) ||
      !read_raw(in, dimensions) || !read_raw(in, size) || size > 4096) {
    return "";
  }
  std::string signature(size, '\0');
  if (!in.read(signature.data(), size)) return "";
  return signature;
}

TermModel TermModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IndexError("no term model at " + path);
  auto malformed = [&](const std::string& why) {
    return IndexError("term model " + path + " is unreadable (" + why +
                      "): rebuild it with `klausul learn`");
  };
  char magic[4];
  if (!in.read(magic, 4) || std::string(magic, 4) != std::string(kMagic, 4)) {
    throw malformed("not a klausul term model of this version");
  }
  int32_t dimensions = 0;
  uint32_t signature_size = 0;
  if (!read_raw(in, dimensions) || dimensions <= 0 || dimensions > kMaxDimensions ||
      !read_raw(in, signature_size) || signature_size > 4096) {
    throw malformed("bad header");
  }
  std::string signature(signature_size, '\0');
  uint32_t count = 0;
  if (!in.read(signature.data(), signature_size) || !read_raw(in, count)) {
    throw malformed("bad header");
  }
  TermModel model(dimensions, std::move(signature));
  std::vector<float> vector(static_cast<size_t>(dimensions));
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t size = 0;
    uint32_t frequency = 0;
    if (!read_raw(in, size) || size == 0 || size > kMaxStemBytes) throw malformed("truncated");
    std::string stem(size, '\0');
    if (!in.read(stem.data(), size) || !read_raw(in, frequency) ||
        !in.read(reinterpret_cast<char*>(vector.data()),
                 static_cast<std::streamsize>(sizeof(float) * vector.size()))) {
      throw malformed("truncated");
    }
    model.add(stem, vector, frequency);
  }
  return model;
}

}  // namespace klausul
