#include "ingest/manifest.h"

#include "ingest/error.h"
#include "ingest/normalize.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace klausul {
namespace {

namespace fs = std::filesystem;

struct Record {
  std::vector<std::string> fields;
  int line = 0;  // physical line the record starts on, for messages
};

// ',' or ';' (Swedish Excel writes ';'): whichever occurs more often, outside quotes, in the
// header line.
char detect_delimiter(std::string_view csv) {
  int commas = 0;
  int semicolons = 0;
  bool quoted = false;
  for (char c : csv) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '\n' || c == '\r')) break;
    if (!quoted && c == ',') ++commas;
    if (!quoted && c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

// RFC 4180 records: quoted fields may hold the delimiter, newlines and "" for a quote.
// Lines starting with '#' outside a record are comments; empty lines are skipped.
std::vector<Record> read_records(std::string_view csv, char delimiter) {
  std::vector<Record> records;
  Record current;
  std::string field;
  bool quoted = false, at_record_start = true, skipping_comment = false;
  int line = 1;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    const int line_here = line;
    if (c == '\n') ++line;
    if (skipping_comment) {
      skipping_comment = c != '\n';
      continue;
    }
    if (at_record_start) {
      current = Record{{}, line_here};
      if (c == '#') { skipping_comment = true; continue; }
      if (c == '\n' || c == '\r') continue;
      at_record_start = false;
    }
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') { field += '"'; ++i; }
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == delimiter) {
      current.fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      current.fields.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(current));
      at_record_start = true;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!at_record_start) {
    current.fields.push_back(std::move(field));
    records.push_back(std::move(current));
  }
  return records;
}

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Column index per field name; -1 when the manifest has no such column.
struct Columns {
  int path = -1, region = -1, organisation = -1, doc_type = -1, year = -1, title = -1,
      charset = -1, decided = -1, decided_by = -1, valid_from = -1, valid_to = -1,
      revise_by = -1, diarienummer = -1, replaces = -1, replaced_by = -1, status = -1;
};

Columns read_header(const Record& header) {
  Columns columns;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = lower(trim(header.fields[i]));
    if (i == 0 && name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);  // UTF-8 BOM
    const int index = static_cast<int>(i);
    if (name == "path" || name == "file") columns.path = index;
    else if (name == "region") columns.region = index;
    else if (name == "organisation" || name == "organization") columns.organisation = index;
    else if (name == "doc_type" || name == "type") columns.doc_type = index;
    else if (name == "year") columns.year = index;
    else if (name == "title") columns.title = index;
    else if (name == "charset" || name == "encoding") columns.charset = index;
    else if (name == "decided" || name == "beslutad") columns.decided = index;
    else if (name == "decided_by" || name == "beslutad_av") columns.decided_by = index;
    else if (name == "valid_from" || name == "galler_fran") columns.valid_from = index;
    else if (name == "valid_to" || name == "galler_till") columns.valid_to = index;
    else if (name == "revise_by" || name == "revideras") columns.revise_by = index;
    else if (name == "diarienummer" || name == "dnr") columns.diarienummer = index;
    else if (name == "replaces" || name == "ersatter") columns.replaces = index;
    else if (name == "replaced_by" || name == "ersatts_av") columns.replaced_by = index;
    else if (name == "status") columns.status = index;
  }
  if (columns.path < 0) {
    throw UsageError("manifest line " + std::to_string(header.line) + ": header has no path column");
  }
  return columns;
}

std::string field(const Record& record, int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= record.fields.size()) return {};
  return trim(record.fields[static_cast<std::size_t>(column)]);
}

int parse_year(const std::string& text, int line) {
  if (text.empty()) return 0;
  // Accept "2012" and also a full date "2012-10-02": the year is its first four digits.
  const bool ok = text.size() >= 4 && std::all_of(text.begin(), text.begin() + 4, [](char c) {
    return c >= '0' && c <= '9';
  }) && (text.size() == 4 || !std::isdigit(static_cast<unsigned char>(text[4])));
  if (!ok) throw UsageError("manifest line " + std::to_string(line) + ": bad year '" + text + "'");
  return std::stoi(text.substr(0, 4));
}

// Absolute, lexically normal, without a trailing separator, so that equal paths compare equal
// and a folder is a component-wise prefix of the files below it.
fs::path normal_path(const fs::path& path) {
  fs::path normal = fs::absolute(path).lexically_normal();
  if (!normal.has_filename() && normal.has_parent_path() && normal != normal.root_path()) {
    normal = normal.parent_path();
  }
  return normal;
}

// Number of components of `folder` when it contains `file` (or is it), else -1.
int containing_depth(const fs::path& folder, const fs::path& file) {
  int depth = 0;
  auto f = file.begin();
  for (auto it = folder.begin(); it != folder.end(); ++it, ++f, ++depth) {
    if (f == file.end() || *it != *f) return -1;
  }
  return depth;
}

// Adds an entry; a later entry for the same path replaces the earlier one.
void put(std::vector<ManifestEntry>& entries, ManifestEntry entry) {
  auto same = std::find_if(entries.begin(), entries.end(),
                           [&](const ManifestEntry& e) { return e.path == entry.path; });
  if (same != entries.end()) *same = std::move(entry);
  else entries.push_back(std::move(entry));
}

void fill_empty(ManifestEntry& into, const ManifestEntry& from) {
  if (into.region.empty()) into.region = from.region;
  if (into.organisation.empty()) into.organisation = from.organisation;
  if (into.doc_type.empty()) into.doc_type = from.doc_type;
  if (into.year == 0) into.year = from.year;
  if (into.title.empty()) into.title = from.title;
  if (into.charset.empty()) into.charset = from.charset;
  // Validity belongs to one document: a folder line does not hand it down.
}

// gällande / ersatt / utgången / okänd, also written without diacritics.
std::string parse_status(const std::string& text, int line) {
  if (text.empty()) return {};
  const std::string key = ascii_key(text);
  if (key == "gallande" || key == "in force") return "gällande";
  if (key == "ersatt" || key == "replaced") return "ersatt";
  if (key == "utgangen" || key == "expired") return "utgången";
  if (key == "okand" || key == "unknown") return "okänd";
  throw UsageError("manifest line " + std::to_string(line) + ": bad status '" + text +
                   "' (gällande, ersatt, utgången or okänd)");
}

}  // namespace

Manifest Manifest::parse(std::string_view csv, const std::string& base_dir,
                         const std::string& source_name) {
  Manifest manifest;
  const std::vector<Record> records = read_records(csv, detect_delimiter(csv));
  if (records.empty()) return manifest;
  const Columns columns = read_header(records.front());
  const fs::path base = fs::absolute(base_dir.empty() ? fs::path(".") : fs::path(base_dir));
  for (std::size_t i = 1; i < records.size(); ++i) {
    const Record& record = records[i];
    ManifestEntry entry;
    entry.path = field(record, columns.path);
    if (entry.path.empty()) {
      throw UsageError("manifest line " + std::to_string(record.line) + ": empty path");
    }
    entry.path = normal_path(base / entry.path).string();  // an absolute path stays as given
    entry.region = field(record, columns.region);
    entry.organisation = field(record, columns.organisation);
    entry.doc_type = field(record, columns.doc_type);
    entry.year = parse_year(field(record, columns.year), record.line);
    entry.title = field(record, columns.title);
    entry.charset = field(record, columns.charset);
    entry.decided = field(record, columns.decided);
    entry.decided_by = field(record, columns.decided_by);
    entry.valid_from = field(record, columns.valid_from);
    entry.valid_to = field(record, columns.valid_to);
    entry.revise_by = field(record, columns.revise_by);
    entry.diarienummer = field(record, columns.diarienummer);
    entry.replaces = field(record, columns.replaces);
    entry.replaced_by = field(record, columns.replaced_by);
    entry.status = parse_status(field(record, columns.status), record.line);
    entry.origin = "manifest " + source_name + " rad " + std::to_string(record.line);
    put(manifest.entries_, std::move(entry));
  }
  return manifest;
}

Manifest Manifest::load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError("cannot read manifest " + file);
  std::ostringstream text;
  text << in.rdbuf();
  const fs::path folder = fs::absolute(fs::path(file)).parent_path();
  return parse(text.str(), folder.string(), file);
}

std::optional<ManifestEntry> Manifest::lookup(const std::string& absolute_path) const {
  const fs::path file = normal_path(absolute_path);
  // Every entry that is the file or a folder above it, deepest first: the exact entry wins,
  // and fields it leaves empty come from the nearest folder that gives them.
  std::vector<std::pair<int, const ManifestEntry*>> matches;
  for (const ManifestEntry& entry : entries_) {
    const int depth = containing_depth(fs::path(entry.path), file);
    if (depth >= 0) matches.emplace_back(depth, &entry);
  }
  if (matches.empty()) return std::nullopt;
  std::stable_sort(matches.begin(), matches.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  ManifestEntry result = *matches.front().second;
  for (std::size_t i = 1; i < matches.size(); ++i) fill_empty(result, *matches[i].second);
  if (normal_path(result.path) != file) {
    // A folder's line describes many files: its validity columns say nothing about this one.
    const ManifestEntry folder = result;
    result = ManifestEntry{};
    result.path = folder.path;
    result.region = folder.region;
    result.organisation = folder.organisation;
    result.doc_type = folder.doc_type;
    result.year = folder.year;
    result.title = folder.title;
    result.charset = folder.charset;
  }
  return result;
}

void Manifest::merge(const Manifest& other) {
  for (const ManifestEntry& entry : other.entries_) put(entries_, entry);
}

}  // namespace klausul
