// What identifies one state of one database for the caches that requests of a long-running
// process share (search/shared_by_state.h): its uuid (every shard's, for shards seen as one),
// document count and total length. An ingest, a removal or a rename that rewrites clauses
// changes at least one of them.
#pragma once

#include <xapian.h>

#include <string>

namespace klausul {

std::string database_state(const Xapian::Database& db);

}  // namespace klausul
