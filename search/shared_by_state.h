// A process-wide cache of values that follow from one state of one database (search/
// clause_vector.h: IdfCache::state), shared by the requests of a long-running process
// (`klausul serve`) so that each is read from the index once, not once per request. It holds
// one state at a time: a value kept for another state (after an ingest, or for another
// database) clears the others. Thread-safe.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace klausul {

template <typename Value>
class SharedByState {
 public:
  /// At most `capacity` values; one more clears them all (a new start is cheap, a bound is not).
  explicit SharedByState(size_t capacity) : capacity_(capacity) {}

  /// The value kept for `key` in `state`, if any.
  std::optional<Value> find(const std::string& state, const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (state != state_) return std::nullopt;
    auto found = values_.find(key);
    if (found == values_.end()) return std::nullopt;
    return found->second;
  }

  /// Keeps `value` for `key` in `state` (a value already kept for the key stays).
  void keep(const std::string& state, const std::string& key, const Value& value) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (state != state_ || values_.size() >= capacity_) {
      values_.clear();
      state_ = state;
    }
    values_.emplace(key, value);
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::string state_;
  std::unordered_map<std::string, Value> values_;
};

}  // namespace klausul
