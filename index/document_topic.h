// A document's topic: the body stems used by most of its clauses, stored once on its document
// record (schema::kTopicSlot) as a stem list (index/stem_list.h) whose counts are the number
// of the document's clauses that hold each stem. `similar` reads it to prefer, among equally
// good candidates, those from a document on the query document's subject: a region's archive
// holds many documents on other subjects that share the domain's vocabulary
// (search/document_topics.h).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace klausul {

/// How many stems a topic keeps: the most used, ties in term order (deterministic).
inline constexpr size_t kTopicStems = 64;

/// The topic of a document from its clause documents (their kStemsSlot values); section
/// stems are left out. Empty when no clause has a body stem.
std::string document_topic(const std::vector<Xapian::Document>& clause_documents);

}  // namespace klausul
