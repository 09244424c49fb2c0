// The 21 Swedish regions (corpus/regions.tsv) and detection of a document's region.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klausul {

/// One region: canonical key ("jonkoping"), display name ("Region Jönköpings län"), and every
/// name that refers to it (county, old landsting names, spellings).
struct Region {
  std::string key;
  std::string name;
  std::vector<std::string> aliases;
};

struct RegionMatcher;

/// The region table. Immutable once built; safe to share between threads. Lookups are case- and diacritic-insensitive.
class RegionTable {
 public:
  /// Parses regions.tsv: "key<TAB>display name<TAB>alias|alias|..." lines, '#' comments.
  /// Throws UsageError naming the line when it is malformed.
  static RegionTable parse(std::string_view tsv);
  /// Loads the table from a file. Throws UsageError when it cannot be read.
  static RegionTable load(const std::string& path);
  /// The table compiled into klausul (a copy of corpus/regions.tsv).
  static const RegionTable& builtin();

  /// The region a user argument names: a key, display name or alias ("jönköping", "Jonkoping",
  /// "Landstinget i Jönköpings län"). Empty when nothing matches.
  std::optional<Region> find(std::string_view name) const;

  /// Throws UsageError naming the first of `names` that is no region.
  void require_known(const std::vector<std::string>& names) const;

  /// The region a document's text is most likely from: the alias mentioned most, with mentions
  /// near the start weighing more (letterheads) and longer aliases preferred. Empty when no
  /// alias occurs.
  std::optional<Region> detect(std::string_view text) const;

  const std::vector<Region>& regions() const { return regions_; }

 private:
  std::vector<Region> regions_;
  std::shared_ptr<const RegionMatcher> matcher_;  // folded names, built by parse()
};

}  // namespace klausul
