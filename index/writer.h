// Writes ingested files into the index: one Xapian document per clause, one record per source
// document (metadata and title words) and one section record per distinct section trail of
// the document (index/section_records.h). A file's clauses and records enter together or not
// at all (one transaction per file).
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
/// All indexed documents, ordered by path, each path once (a file in two shards of a stub:
/// the record with the latest mtime).
std::vector<DocumentInfo> list_documents(const Xapian::Database& db);

/// A file's clauses analysed into Xapian documents, ready for the writer. Preparing is the
/// expensive part (Swedish analysis) and needs no database: workers do it in parallel.
struct PreparedFile {
  DocumentInfo info;  // info.clauses set
  std::vector<Xapian::Document> clause_documents;
  std::vector<Xapian::Document> section_records;  // one per distinct section trail
  std::string topic;  // index/document_topic.h, for the document record
};

/// Analyses every clause of `file`. Thread-safe.
PreparedFile prepare_file(const IngestedFile& file);

/// The writer. Not thread-safe: one writer per database, used from one thread.
/// Each change below is one transaction (all of a file or nothing); changes reach the disk
/// with commit() — or when the database is closed — so a crash loses at most the files
/// written since the last commit, never part of a file.
class IndexWriter {
 public:
  /// `db` must stay open while the writer is used.
  explicit IndexWriter(Xapian::WritableDatabase& db);
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Replaces whatever the index holds for file.info.path (and for file.info.id) with the
  /// file's clauses, document record and section records.
  void replace_file(const IngestedFile& file);
  /// The same for a file prepared (in another thread) with prepare_file().
  void replace_prepared(const PreparedFile& file);

  /// Rewrites the record of an indexed document (same id and clauses) with new metadata: a
  /// touched file (new mtime) or a renamed one (new path; `old_path` is the indexed one).
  void update_record(const std::string& old_path, const DocumentInfo& info);

  /// Copies one file (its clauses, section records and record, all carrying the document
  /// id's term) from another index, replacing what this index holds for info.path and for
  /// info.id, as replace_prepared does. Used to recover a writer shard (index/lane_shards.h).
  void copy_file_from(const Xapian::Database& source, const DocumentInfo& info);

  /// Removes a source path's clauses and records. Returns false when it was not indexed.
  bool remove_path(const std::string& path);

  /// Makes every change so far durable (one fsync).
  void commit();

 private:
  template <typename Change>
  void in_transaction(const std::string& path, Change change);
  Xapian::Document record_document(const DocumentInfo& info, const std::string& topic);
  void delete_document_terms(const std::string& document_id);

  Xapian::WritableDatabase& db_;
};

}  // namespace klausul
