// Compacting an index folder in place, safely.
//
// Xapian writes B-tree blocks with free space for later inserts; after a large import the
// index is about a third larger than it needs to be. Xapian's own compaction
// (Database::compact) writes a compact copy into another folder; this module swaps that copy
// into the index folder under the index's write lock:
//   1. compact into <index>/.compact-new and fsync it;
//   2. create the marker <index>/.compact-swap (from here on the swap is committed);
//   3. rename each new table over the old one, the version file (iamglass) last; remove the
//      marker and the folder.
// A process killed during 3 leaves the marker: the next process that opens the index (for
// reading or writing) finishes the renames first (finish_interrupted_compaction), so the
// index is whole again without anything lost; killed before 2, the half-written copy is
// simply deleted. Files of klausul's own beside the tables (term model, series) are not
// touched. Readers that open the folder during the few milliseconds of renames see a
// version file that does not match its tables and retry (search/open_database.cpp).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace klausul {

/// Sizes of an index folder's Xapian tables, in bytes (0 for a table that does not exist).
struct TableSizes {
  std::int64_t postlist = 0, termlist = 0, position = 0, docdata = 0, other = 0;
  std::int64_t total() const { return postlist + termlist + position + docdata + other; }
  TableSizes& operator+=(const TableSizes& more) {
    postlist += more.postlist;
    termlist += more.termlist;
    position += more.position;
    docdata += more.docdata;
    other += more.other;
    return *this;
  }
};

/// The table files of the index folder at `path` (a stub or remote index has none: zeros).
TableSizes table_sizes(const std::string& path);

/// Whether an import that changed `changed_clauses` clauses of an index now holding
/// `index_clauses` is large enough to compact after: at least a quarter of the index and at
/// least kMinClausesToCompact clauses (small updates would rewrite a large index each time).
bool worth_compacting(long changed_clauses, long index_clauses);
inline constexpr long kMinClausesToCompact = 2000;

/// Compacts the index folder `path` in place. `db` is the open writer of that folder (its
/// lock keeps other writers out); its changes must be committed. After this returns, `db`
/// still reads the old tables: close it and open the folder again. Throws IndexError naming
/// the folder when compaction fails (the index is then unchanged).
void compact_in_place(Xapian::WritableDatabase& db, const std::string& path);

/// The same, with the documents of the index folders `sources` merged in (the writer shards
/// of a parallel import, index/lane_shards.h): one compact copy of the index and the
/// sources, swapped in as above. Document ids are renumbered (nothing of klausul keeps
/// them). The sources are left in place; the caller removes them once this returns.
void merge_in_place(Xapian::WritableDatabase& db, const std::string& path,
                    const std::vector<std::string>& sources);

/// Changes when a compaction swapped new tables in (the inode of the posting-list table;
/// commits write tables in place and keep it). A reader that kept the folder open compares
/// it before reopen(): Xapian's reopen() would go on reading the replaced files.
/// 0 for a stub or a folder without tables.
std::uint64_t table_generation(const std::string& path);

/// Finishes a swap that a killed process left half done (see above), and removes a
/// half-written compact copy. Cheap when there is nothing to do (two stat calls). Any
/// process may call it before opening the folder.
void finish_interrupted_compaction(const std::string& path);

}  // namespace klausul
