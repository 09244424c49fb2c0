// Manifests: CSV files that give metadata per file or folder, overriding detection.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klausul {

/// Metadata a manifest line gives. Empty fields / 0 mean "not given".
struct ManifestEntry {
  std::string path;  // relative to the manifest's folder; a folder applies to all under it
  std::string region;
  std::string organisation;
  std::string doc_type;
  int year = 0;
  std::string title;
  std::string charset;
  // Validity (ingest/validity.h), each setting or correcting what the text says:
  std::string decided;       // decision date, "2012-11-13" or "2012"
  std::string decided_by;    // deciding body
  std::string valid_from;
  std::string valid_to;      // a date, or "tills vidare"
  std::string revise_by;
  std::string diarienummer;
  std::string replaces;      // diarienummer or titles it replaces, separated by '|'
  std::string replaced_by;
  std::string status;        // gällande, ersatt, utgången or okänd: forces the status
  std::string origin;        // "manifest FILE rad N": where these values came from
};

/// A parsed manifest. Format: CSV (',' or ';'), header row naming the columns
/// path,region,organisation,doc_type,year,title,charset and the validity columns decided,
/// decided_by, valid_from, valid_to, revise_by, diarienummer, replaces, replaced_by, status in
/// any order ("type" is accepted for doc_type); '#' lines are comments.
class Manifest {
 public:
  /// Parses manifest text; `base_dir` is the folder relative paths refer to.
  /// Throws UsageError naming the line when the header has no path column.
  /// `source_name` names the manifest in the origin of its entries ("manifest NAME rad N").
  static Manifest parse(std::string_view csv, const std::string& base_dir,
                        const std::string& source_name = "(text)");
  /// Loads a manifest file. Throws UsageError when it cannot be read.
  static Manifest load(const std::string& file);

  /// The entry for an absolute file path: the exact file, else the deepest folder entry.
  std::optional<ManifestEntry> lookup(const std::string& absolute_path) const;

  /// Adds the entries of another manifest; on the same path, `other` wins.
  void merge(const Manifest& other);

  bool empty() const { return entries_.empty(); }

 private:
  std::vector<ManifestEntry> entries_;  // paths made absolute
};

}  // namespace klausul
