#include "index/writer.h"

#include <algorithm>

#include "index/document_id_bytes.h"
#include "index/document_topic.h"
#include "index/fingerprint.h"
#include "index/open_clause.h"
#include "index/region_codes.h"
#include "index/schema.h"
#include "index/section_records.h"
#include "index/stored_data.h"
#include "ingest/error.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

// The document record carrying `term` (XP path or XI id: both are on records only).
std::optional<DocumentInfo> find_record(const Xapian::Database& db, const std::string& term) {
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return document_info_from_data(db.get_document(*it).get_data());
}

}  // namespace

std::optional<DocumentInfo> find_document_by_path(const Xapian::Database& db,
                                                  const std::string& path) {
  return find_record(db, schema::path_term(path));
}

std::optional<DocumentInfo> find_document_by_id(const Xapian::Database& db,
                                                const std::string& document_id) {
  return find_record(db, schema::record_term(document_id));
}

std::vector<DocumentInfo> list_documents(const Xapian::Database& db) {
  std::vector<DocumentInfo> documents;
  const std::string kind_term = schema::kKindPrefix + schema::kDocumentKind;
  for (auto it = db.postlist_begin(kind_term); it != db.postlist_end(kind_term); ++it) {
    documents.push_back(document_info_from_data(db.get_document(*it).get_data()));
  }
  // A file ingested into two shards of a stub has a record in each: it is one file. The
  // newest version (latest mtime; the same content then counts once anyway) stands for it.
  std::stable_sort(documents.begin(), documents.end(),
                   [](const DocumentInfo& a, const DocumentInfo& b) {
                     if (a.path != b.path) return a.path < b.path;
                     return a.mtime > b.mtime;
                   });
  documents.erase(std::unique(documents.begin(), documents.end(),
                              [](const DocumentInfo& a, const DocumentInfo& b) {
                                return a.path == b.path;
                              }),
                  documents.end());
  return documents;
}

IndexWriter::IndexWriter(Xapian::WritableDatabase& db) : db_(db) {}

// Clauses, the document record and section records all carry the XD term.
void IndexWriter::delete_document_terms(const std::string& document_id) {
  db_.delete_document(schema::document_term(document_id));
}

namespace {

Xapian::Document clause_document(const DocumentInfo& info, const Clause& clause,
                                 const SectionTrail& trail) {
  Xapian::Document doc;
  doc.add_value(schema::kClauseSlot, clause_to_data(clause));
  // A heading is the section of the clauses below it, not an answer of its own: its words are
  // searchable as section words only, so bare headings never crowd out the clauses.
  const bool heading = clause.kind == BlockKind::heading;
  DocumentIndexer indexer(doc);
  indexer.add_text(clause.text, heading ? schema::kSectionPrefix : "");
  // The title and the trail's words are on the document and section records, once.
  if (!trail.key_term.empty()) doc.add_boolean_term(trail.key_term);

  // No kind term: a clause is what is not a record (index/clause_set.h).
  doc.add_boolean_term(schema::document_term(info.id));
  const std::string type_key = ascii_key(info.doc_type);
  if (!info.region.empty()) doc.add_boolean_term(schema::kRegionPrefix + info.region);
  if (!type_key.empty()) doc.add_boolean_term(schema::kTypePrefix + type_key);

  // Values only for what is read per clause: region facets and similar's regions (the region
  // is the first part of the region-copy value, so it has no slot of its own), the year
  // range (the year is a value only: the range filter reads it, and a year term on every
  // clause was read by nothing), duplicates, the stem list, the document (similar's document
  // topics). The type is in a term (XT).
  doc.add_value(schema::kDocumentSlot, document_id_value(info.id));
  const std::string fingerprint = clause_fingerprint(clause.text);
  if (!fingerprint.empty()) {
    doc.add_boolean_term(schema::kFingerprintPrefix + fingerprint);
    doc.add_value(schema::kFingerprintSlot, fingerprint);
  }
  doc.add_value(schema::kStemsSlot, stem_list_with_trail(doc, trail));
  // A fingerprint tells an open clause itself; a text without one gets the mark.
  std::string copy_key = stored_region(info.region) + schema::kCopyKeySeparator +
                         (fingerprint.empty() ? schema::clause_term(clause.id) : fingerprint);
  if (fingerprint.empty() && is_open_clause(clause.text)) {
    copy_key.append(1, schema::kCopyKeySeparator).append(schema::kOpenClauseMark);
  }
  doc.add_value(schema::kRegionCopySlot, copy_key);
  if (info.year > 0) doc.add_value(schema::kYearSlot, Xapian::sortable_serialise(info.year));
  return doc;
}

}  // namespace

Xapian::Document IndexWriter::record_document(const DocumentInfo& info,
                                              const std::string& topic) {
  Xapian::Document record;
  record.set_data(document_info_to_data(info));
  // titel: searches the records' titles (with positions, for phrases) and reads the id of
  // each record it matches from its value (search/field_query.h).
  if (!info.title.empty()) DocumentIndexer(record).add_text(info.title, schema::kTitlePrefix);
  record.add_value(schema::kDocumentSlot, info.id);
  if (!topic.empty()) record.add_value(schema::kTopicSlot, topic);
  record.add_boolean_term(schema::kKindPrefix + schema::kDocumentKind);
  record.add_boolean_term(schema::document_term(info.id));
  record.add_boolean_term(schema::record_term(info.id));
  record.add_boolean_term(schema::path_term(info.path));
  return record;
}

template <typename Change>
void IndexWriter::in_transaction(const std::string& path, Change change) {
  try {
    // Unflushed: the changes of one file are grouped (all or nothing) and reach the disk
    // at the next commit(), so many files share one fsync.
    db_.begin_transaction(false);
    change();
    db_.commit_transaction();
  } catch (const Xapian::Error& e) {
    try {
      db_.cancel_transaction();
    } catch (const Xapian::Error&) {
      // No transaction was open: nothing to undo.
    }
    throw IndexError("cannot write " + path + " to the index: " + e.get_msg());
  }
}

PreparedFile prepare_file(const IngestedFile& file) {
  PreparedFile prepared;
  prepared.info = file.info;
  prepared.info.clauses = static_cast<int>(file.clauses.size());
  prepared.info.text_bytes = 0;
  for (const Clause& clause : file.clauses) {
    prepared.info.text_bytes += static_cast<std::int64_t>(clause.text.size());
  }
  prepared.clause_documents.reserve(file.clauses.size());
  DocumentSections sections(file.info.id);
  for (const Clause& clause : file.clauses) {
    prepared.clause_documents.push_back(
        clause_document(file.info, clause, sections.trail(clause.section)));
  }
  prepared.section_records = sections.take_records();
  prepared.topic = document_topic(prepared.clause_documents);
  return prepared;
}

void IndexWriter::replace_file(const IngestedFile& file) { replace_prepared(prepare_file(file)); }

void IndexWriter::replace_prepared(const PreparedFile& file) {
  in_transaction(file.info.path, [&] {
    if (auto old = find_document_by_path(db_, file.info.path)) delete_document_terms(old->id);
    // The same content under another path (a renamed file) is replaced too: clause ids are
    // derived from the content and must stay unique.
    delete_document_terms(file.info.id);
    for (const Xapian::Document& doc : file.clause_documents) db_.add_document(doc);
    for (const Xapian::Document& doc : file.section_records) db_.add_document(doc);
    db_.add_document(record_document(file.info, file.topic));
  });
}

void IndexWriter::copy_file_from(const Xapian::Database& source, const DocumentInfo& info) {
  in_transaction(info.path, [&] {
    if (auto old = find_document_by_path(db_, info.path)) delete_document_terms(old->id);
    delete_document_terms(info.id);
    const std::string term = schema::document_term(info.id);
    for (auto it = source.postlist_begin(term); it != source.postlist_end(term); ++it) {
      db_.add_document(source.get_document(*it));
    }
  });
}

void IndexWriter::update_record(const std::string& old_path, const DocumentInfo& info) {
  in_transaction(info.path, [&] {
    // The clauses are unchanged, and so is the topic the record carries.
    std::string topic;
    const std::string record = schema::record_term(info.id);
    if (auto it = db_.postlist_begin(record); it != db_.postlist_end(record)) {
      topic = db_.get_document(*it).get_value(schema::kTopicSlot);
    }
    if (old_path != info.path) db_.delete_document(schema::path_term(old_path));
    db_.replace_document(record, record_document(info, topic));
  });
}

bool IndexWriter::remove_path(const std::string& path) {
  auto old = find_document_by_path(db_, path);
  if (!old) return false;
  in_transaction(path, [&] { delete_document_terms(old->id); });
  return true;
}

void IndexWriter::commit() {
  try {
    db_.commit();
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot commit the index: " + e.get_msg());
  }
}

}  // namespace klausul
