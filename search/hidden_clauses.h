// Leaving the clauses of hidden documents (versions no longer in force, search/versions.h)
// out of a match. The plain form, AND_NOT an OR of every hidden document's XD term, opens a
// posting list per hidden document in every shard and moves each of them along with the
// match: at a million clauses with 91 hidden documents it cost a search 1.1 ms of 6 on one
// index and 1.7 ms of 7.6 on four shards, and it grows with every version an archive keeps.
// Locally the hidden clauses are instead one posting source per shard, over the docid ranges
// of the hidden documents there (a document's clauses are written one after another), read
// once per index state and shared by the requests of a long-running process. A remote shard
// cannot run a posting source of ours: with one, the plain form is used.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace klausul {

/// `query` without the clauses (and records) of the documents `hidden_document_ids`; `query`
/// itself when there are none.
Xapian::Query without_hidden_documents(const Xapian::Database& db, const Xapian::Query& query,
                                       const std::vector<std::string>& hidden_document_ids);

}  // namespace klausul
