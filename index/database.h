// Where the index lives and how it is opened.
#pragma once

#include <xapian.h>

#include <string>

namespace klausul {

/// The database directory: --db when given, else $KLAUSUL_DB, else
/// ${XDG_DATA_HOME:-~/.local/share}/klausul/index.
std::string resolve_database_path(const std::string& db_option);

/// Opens the index for reading. Throws IndexError naming the path when it is missing or
/// unreadable.
Xapian::Database open_for_reading(const std::string& path);

/// Opens (creating when needed, with parent folders) the index for writing.
/// Throws IndexError naming the path when that fails (locked, not writable, ...).
Xapian::WritableDatabase open_for_writing(const std::string& path);

}  // namespace klausul
