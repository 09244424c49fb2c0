#include "tools/klausul/web/params.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "ingest/regions.h"
#include "tools/klausul/web/http_error.h"

namespace klausul::web {
namespace {

std::string trim(const std::string& value) {
  const size_t first = value.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const size_t last = value.find_last_not_of(" \t\r\n");
  return value.substr(first, last - first + 1);
}

void check_size(const std::string& name, const std::string& value) {
  if (value.size() > kMaxValueBytes) {
    throw bad_request("parametern " + name + " är för lång (högst " +
                      std::to_string(kMaxValueBytes) + " byte)");
  }
}

}  // namespace

std::string ParamReader::text(const std::string& name, const std::string& fallback) const {
  auto [begin, end] = params_.equal_range(name);
  if (begin == end) return fallback;
  std::string value = trim(std::prev(end)->second);
  check_size(name, value);
  return value.empty() ? fallback : value;
}

std::vector<std::string> ParamReader::all(const std::string& name) const {
  std::vector<std::string> values;
  auto [begin, end] = params_.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    std::string value = trim(it->second);
    check_size(name, value);
    if (!value.empty()) values.push_back(std::move(value));
  }
  if (values.size() > kMaxRepeats) {
    throw bad_request("för många värden för " + name + " (högst " +
                      std::to_string(kMaxRepeats) + ")");
  }
  return values;
}

std::vector<std::string> ParamReader::all_raw(const std::string& name, size_t most) const {
  std::vector<std::string> values;
  auto [begin, end] = params_.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    check_size(name, it->second);
    values.push_back(it->second);  // as given: a note keeps its spaces
  }
  if (values.size() > most) {
    throw bad_request("för många värden för " + name + " (högst " + std::to_string(most) + ")");
  }
  return values;
}

int ParamReader::number(const std::string& name, int fallback, int min, int max) const {
  const std::string value = text(name);
  if (value.empty()) return fallback;
  int number = 0;
  const char* end = value.data() + value.size();
  auto [ptr, error] = std::from_chars(value.data(), end, number);
  if (error != std::errc() || ptr != end || number < min || number > max) {
    throw bad_request(name + " måste vara ett heltal mellan " + std::to_string(min) + " och " +
                      std::to_string(max));
  }
  return number;
}

bool ParamReader::flag(const std::string& name) const {
  const std::string value = text(name);
  if (value.empty() || value == "0" || value == "false" || value == "nej") return false;
  if (value == "1" || value == "true" || value == "ja") return true;
  throw bad_request(name + " måste vara 1 eller 0");
}

SearchRequest search_request(const ParamReader& params, int default_limit, int max_limit) {
  SearchRequest request;
  request.query = params.text("q");
  if (request.query.empty()) throw bad_request("sökfrågan saknas (parametern q)");
  request.regions = params.all("region");
  request.types = params.all("type");
  // parse_year_range and require_known throw UsageError, which the server answers with 400.
  if (const std::string year = params.text("year"); !year.empty()) {
    parse_year_range(year, request.year_from, request.year_to);
  }
  RegionTable::builtin().require_known(request.regions);
  request.offset = params.number("offset", 0, 0, kMaxOffset);
  request.limit = params.number("limit", default_limit, 1, max_limit);
  request.collapse_copies = !params.flag("all_copies");
  request.all_versions = params.flag("all_versions");
  return request;
}

SimilarRequest similar_request(const ParamReader& params) {
  SimilarRequest request;
  request.clause_id = params.text("clause");
  request.text = params.text("text");
  if (request.clause_id.empty() == request.text.empty()) {
    throw bad_request("ange exakt en av parametrarna clause och text");
  }
  request.regions = params.all("region");
  RegionTable::builtin().require_known(request.regions);
  request.per_region = params.number("per_region", 3, 1, kMaxPerRegion);
  request.all_versions = params.flag("all_versions");
  return request;
}

CoverageRequest coverage_request(const ParamReader& params) {
  CoverageRequest request;
  request.clause_id = params.text("clause");
  request.text = params.text("text");
  const std::string words = params.text("q");
  const int given = !request.clause_id.empty() + !request.text.empty() + !words.empty();
  if (given != 1) throw bad_request("ange exakt en av parametrarna clause, text och q");
  if (!words.empty()) request.text = words;
  request.extra = params.number("per_region", 0, 0, kMaxPerRegion);
  request.all_versions = params.flag("all_versions");
  return request;
}

std::vector<ReviewItem> review_items(const ParamReader& params) {
  const std::vector<std::string> values = params.all_raw("item", kMaxReviewItems);
  if (values.empty()) throw bad_request("granskningslistan är tom (parametern item saknas)");
  auto field = [](const nlohmann::json& item, const char* key) {
    std::string value = item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : "";
    if (value.size() > 500) {
      size_t cut = 500;
      while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
      value.resize(cut);
    }
    return value;
  };
  std::vector<ReviewItem> items;
  for (const std::string& value : values) {
    const nlohmann::json item = nlohmann::json::parse(value, nullptr, false);
    if (!item.is_object() || field(item, "clause_id").empty()) {
      throw bad_request("item måste vara ett JSON-objekt med clause_id");
    }
    items.push_back({field(item, "clause_id"), field(item, "note"), field(item, "origin"),
                     field(item, "added")});
  }
  return items;
}

}  // namespace klausul::web
