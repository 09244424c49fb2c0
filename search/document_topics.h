// Document topics (index/document_topic.h) as vectors, for similar's preference for
// candidates from a document on the query document's subject.
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "search/clause_vector.h"

namespace klausul {

/// The topic vectors of documents, read once per document for one request. A topic is a
/// ClauseVector (tf-idf over the document's most used stems, synonyms folded, unit length),
/// so cosine() compares it with another topic or with a clause. With the standard canon,
/// topics are also kept process-wide for the database state of the IdfCache (as its idf
/// values are), so that `klausul serve` reads a document's record once, not once per request.
class DocumentTopics {
 public:
  DocumentTopics(const Xapian::Database& db, IdfCache& idf, const StemCanon& canon)
      : db_(db), idf_(idf), canon_(canon) {}

  /// Reads the topics of these documents that are not read yet: with a remote shard in one
  /// match (one round trip), else record by record.
  void load(const std::set<std::string>& document_ids);

  /// The topic of a document (loaded first if needed); empty when its record has none (an
  /// index written before topics) or it has no record.
  const ClauseVector& topic(const std::string& document_id);

 private:
  // As vector_of_stem_list gives for a topic (body stems only), with each stem's canonical
  // stem and idf looked up once per request: topics share most of their stems.
  ClauseVector vector_of(const std::string& topic);

  struct StemFacts {
    std::string canonical;
    double idf;
  };
  const Xapian::Database& db_;
  IdfCache& idf_;
  const StemCanon& canon_;
  std::map<std::string, ClauseVector> topics_;
  std::unordered_map<std::string, StemFacts> stems_;
};

}  // namespace klausul
