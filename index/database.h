// Where the index lives and how it is opened.
#pragma once

#include <xapian.h>

#include <string>

namespace klausul {

/// The database directory: --db when given, else $KLAUSUL_DB, else
/// ${XDG_DATA_HOME:-~/.local/share}/klausul/index.
std::string resolve_database_path(const std::string& db_option);

// Reading (an index folder or a stub file of shards) is search/open_database.h.

/// Opens (creating when needed, with parent folders) the index for writing.
/// Throws UsageError when `path` is a stub file of shards (Xapian cannot write through a stub
/// to several shards: each shard is written on its own), IndexError naming the path when
/// opening fails (locked, not writable, ...).
Xapian::WritableDatabase open_for_writing(const std::string& path);

}  // namespace klausul
