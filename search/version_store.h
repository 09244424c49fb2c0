// Where the version chains of an index come from at query time: the document records, and the
// title series that compare confirmed when the index last changed, kept in a file beside the
// index (compare is too slow to run for every search).
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "search/versions.h"

namespace klausul {

/// The file beside the index at `db_path` that keeps the title series compare has confirmed.
std::string series_file_path(const std::string& db_path);

/// Runs the series check (rule 1c) with compare for the candidate pairs of `db` (at most 200
/// compares, newest documents first) and writes each pair's verdict to series_file_path,
/// replacing it atomically. Pairs the file already judged are not compared again (document
/// ids are content hashes). Returns the number of confirmed pairs. Throws IndexError when the
/// file cannot be written.
int update_series_file(const Xapian::Database& db, const std::string& db_path);

/// The version index of every document in `db`; title series as confirmed in the series file
/// beside the index at `db_path` (none when there is no file, e.g. a remote index). Built
/// once per index state, day and series file, and shared: a server's requests neither read
/// every document record nor copy them again (5,000 records cost 1.5 ms to copy).
std::shared_ptr<const VersionIndex> load_versions(const Xapian::Database& db,
                                                  const std::string& db_path);

}  // namespace klausul
