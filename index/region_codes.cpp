#include "index/region_codes.h"

#include <array>

namespace klausul {
namespace {

// Code i + 1 is kRegionByCode[i]: the order of corpus/regions.tsv on 2026-12-05. Append only.
constexpr std::array<std::string_view, 21> kRegionByCode = {
    "stockholm", "uppsala",      "sormland",        "ostergotland",   "jonkoping",
    "kronoberg", "kalmar",       "gotland",         "blekinge",       "skane",
    "halland",   "vastra-gotaland", "varmland",     "orebro",         "vastmanland",
    "dalarna",   "gavleborg",    "vasternorrland",  "jamtland-harjedalen", "vasterbotten",
    "norrbotten"};

}  // namespace

std::string stored_region(std::string_view key) {
  for (size_t i = 0; i < kRegionByCode.size(); ++i) {
    if (kRegionByCode[i] == key) return std::string(1, static_cast<char>(i + 1));
  }
  return std::string(key);
}

std::string region_of_stored(std::string_view stored) {
  if (stored.size() == 1) {
    const auto code = static_cast<unsigned char>(stored[0]);
    if (code >= 1 && code <= kRegionByCode.size()) return std::string(kRegionByCode[code - 1]);
  }
  return std::string(stored);
}

}  // namespace klausul
