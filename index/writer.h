// Writes ingested files into the index: one Xapian document per clause plus one record per
// source document. A file's clauses enter together or not at all (one transaction per file).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "ingest/document.h"
#include "ingest/ingest_file.h"
#include "index/analyzer.h"

namespace klausul {

/// Reads and writes the per-document records (metadata JSON in the record's data).
std::optional<DocumentInfo> find_document_by_path(const Xapian::Database& db,
                                                  const std::string& path);
std::optional<DocumentInfo> find_document_by_id(const Xapian::Database& db,
                                                const std::string& document_id);
/// All indexed documents, ordered by path.
std::vector<DocumentInfo> list_documents(const Xapian::Database& db);

/// The writer. Not thread-safe: one writer per database, used from one thread.
class IndexWriter {
 public:
  /// `db` must stay open while the writer is used.
  explicit IndexWriter(Xapian::WritableDatabase& db);
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Replaces whatever the index holds for file.info.path (and for file.info.id) with the
  /// file's clauses and document record, in one committed transaction.
  void replace_file(const IngestedFile& file);

  /// Removes a source path's clauses and record in one committed transaction.
  /// Returns false when the path was not indexed.
  bool remove_path(const std::string& path);

 private:
  void delete_document_terms(const std::string& document_id);
  Xapian::Document clause_document(const DocumentInfo& info, const Clause& clause);

  Xapian::WritableDatabase& db_;
};

}  // namespace klausul
