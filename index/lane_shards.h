// Writer shards: parallel writers for a large import.
//
// Xapian inverts and writes every document in the thread that adds it, so one writer is the
// ceiling of a parallel import. A large import (index/importer.h) therefore gives each lane
// a writer of its own: a shard folder <index>/.lane-<n> that receives the new files the lane
// analysed, committed in batches like the index itself. At the end the shards are merged
// into the index by one compaction (index/compaction.h, merge_in_place), which also leaves
// the index compact, and removed.
//
// A process killed before the merge leaves shards holding files it reported as done. The
// next writer that opens the index (open_for_writing) copies their files in, one
// transaction per file, replacing whatever the index holds for the same path or content,
// and removes the shards. Copying is idempotent: a shard that was merged but not yet
// removed when the process died changes nothing.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace klausul {

/// The folder of lane `lane`'s writer shard inside the index folder `index`.
std::string lane_shard_path(const std::string& index, int lane);

/// The writer shards a killed import left in `index`, sorted.
std::vector<std::string> leftover_lane_shards(const std::string& index);

/// Removes the given shard folders (missing ones are fine).
void remove_lane_shards(const std::vector<std::string>& shards);

/// Copies the files of every leftover writer shard of `index` into `db` (the open writer of
/// that folder) and removes the shards. A shard that was never committed holds nothing and
/// is just removed. Returns the number of files copied. Throws IndexError when writing
/// fails (the shards are then kept for the next try).
int recover_lane_shards(Xapian::WritableDatabase& db, const std::string& index);

}  // namespace klausul
