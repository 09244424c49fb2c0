// Opening what --db names for reading: an index folder, or a stub file of shards (index
// folders and indexes served by xapian-tcpsrv) searched together as one Xapian database.
// Every reading command opens its database here and nowhere else.
//
// Across shards Xapian combines the term statistics (BM25 is the same as on one index),
// merges match spies (facets) and collapses on a value (duplicate clauses) over all shards.
// What it does not do, and what klausul therefore never relies on: document ids are
// interleaved (shard i's document d is (d-1)*n+i+1) and remote shards carry no synonyms,
// spelling or user metadata. Clauses are found by their Q term, records by XI/XP terms,
// synonyms are expanded by klausul's own query code.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "index/stub_file.h"

namespace klausul {

/// How long klausul waits for a remote shard. Xapian's own stub opening always uses its
/// defaults (10 s each, no way to set them in the stub file); klausul reads the stub itself
/// so that it can apply these and name the shard that failed.
struct RemoteTimeouts {
  unsigned connect_ms = 3000;  // a shard that does not answer fails fast
  // Each request to a connected shard, the greeting included (a server that accepts but never
  // answers). A clause search on a shard of millions takes tens of milliseconds.
  unsigned reply_ms = 5000;
};

/// The defaults, or $KLAUSUL_SHARD_TIMEOUT seconds for both when it is set.
/// Throws UsageError when the variable is not a positive number.
RemoteTimeouts remote_timeouts_from_environment();

/// Opens an index folder or a stub file for reading. Throws IndexError naming the path and
/// the reason: "no index at PATH", "cannot open shard remote HOST:PORT listed in STUB: ...".
Xapian::Database open_for_reading(const std::string& path);
Xapian::Database open_for_reading(const std::string& path, const RemoteTimeouts& timeouts);

/// Whether `db` (as opened by open_for_reading in this process) has a shard served by
/// xapian-tcpsrv or a remote program: there, each document read is a round trip, so callers
/// read in batches what locally is cheaper one by one.
bool has_remote_shard(const Xapian::Database& db);

/// Which of db's shards are remote, in shard order (Xapian interleaves document ids: shard
/// i of n holds the ids d with (d - 1) % n == i); empty when none is. Shards are told apart
/// by uuid: a folder this process also opened through a server counts as remote, which only
/// changes how similar reads candidates, never what it finds.
std::vector<bool> remote_shards(const Xapian::Database& db);

/// A collapse limit no match reaches: a remote shard sends each match's sort key and collapse
/// key with its answer, so reading callers set a value slot as the collapse key only for the
/// value to come back with the match, never to collapse anything.
inline constexpr Xapian::doccount kNeverCollapse = 1u << 30;

/// A shard as given to `klausul shards`: tcp://HOST:PORT, else a local folder (made
/// absolute). Throws UsageError for a malformed tcp:// address.
ShardLocation parse_shard_argument(const std::string& argument);

/// What a shard holds, as checked before it is written to a stub.
struct ShardSummary {
  ShardLocation location;
  Xapian::doccount documents = 0;
  Xapian::doccount clauses = 0;
};

/// Opens every shard, checks that it is a klausul index (it has document records), then
/// writes the stub atomically. Throws IndexError naming the first shard that fails (nothing
/// is written then), UsageError for a shard listed twice or a stub path that is a folder.
std::vector<ShardSummary> make_stub(const std::string& stub_path,
                                    const std::vector<ShardLocation>& shards,
                                    const RemoteTimeouts& timeouts);

}  // namespace klausul
