// THE index schema: every Xapian term prefix and value slot klausul uses. No prefix literal
// appears anywhere else. Filter values are stored lowercase ASCII-folded (Xapian inserts ':'
// after a prefix when the value starts with an uppercase letter).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>

namespace klausul::schema {

// Three kinds of Xapian document: a clause (what search answers), one document record per
// source document (metadata, title words; term XKdocument) and one section record per distinct
// section trail of a document (the trail's words; XKsection). A clause is a document without
// a kind term (index/clause_set.h); clauses written before 2026-12-04 also have XKclause. A fact about a document or a trail is
// stored once, on its record, and joined to the clauses at query time (search/field_query.h):
// records are never hits, facets, counts or similar candidates.

// Boolean terms.
// Q<clause id>, unique per clause, on clauses written before 2026-12-03 evening only: clauses are
// found by their document and ordinal since (index/clause_lookup.h).
inline const std::string kClauseIdPrefix = "Q";
// XD<document id>: on clauses, the document record and section records, so that deleting
// by it removes all of a document. Document ids (ingest: content_id) have no '/'.
inline const std::string kDocumentPrefix = "XD";
inline const std::string kPathPrefix = "XP";        // XP<path or hash of a long path>, doc record
inline const std::string kRecordPrefix = "XI";      // XI<document id>, on the doc record only
inline const std::string kRegionPrefix = "XR";      // XR<region key>, clauses only
inline const std::string kTypePrefix = "XT";        // XT<ascii-folded doc type>, clauses only
// XY<year> was on every clause written before 2026-12-04; nothing read it (the year filter is
// a range over kYearSlot). Not to be reused: older indexes have it.
inline const std::string kYearPrefix = "XY";
inline const std::string kKindPrefix = "XK";        // XKdocument, XKsection (XKclause: old)
inline const std::string kFingerprintPrefix = "XF"; // XF<text fingerprint>, duplicate clauses
// XD<document id>/<n> (section_key_term): the n-th distinct section trail of a document, on
// each clause under that trail (the trail's words are on its section record, whose data is
// this term, so readers take it from there). It begins with the clause's XD term, which a term
// list stores first: it then costs the clause a few bytes instead of twenty (a term list
// shares only a prefix with the term before). Clauses written before 2026-12-05 have
// XA<document id>/<n> instead; XA is not to be reused.
inline constexpr char kSectionKeySeparator = '/';
inline const std::string kSectionKeyPrefix = "XA";
inline const std::string kClauseKind = "clause";
inline const std::string kDocumentKind = "document";
inline const std::string kSectionKind = "section";

// Free-text prefixes the query parser knows (field:word), searched through the records
// (search/field_query.h). Indexes written before section records held both on every clause,
// as words and stems without positions.
// Words (with positions) and stems of the document title, on the document record.
inline const std::string kTitlePrefix = "S";
// Words (with positions) and stems of a section trail, on its section record; also a heading
// clause's own words, so that a heading is found as a section.
inline const std::string kSectionPrefix = "XS";

// Value slots (clause documents, unless said otherwise).
// Region key, on clauses written before 2026-12-04 only: the region is the first part of the
// region-copy value (kRegionCopySlot), which every clause since has. Read only where that
// value is missing. Not to be reused.
inline constexpr Xapian::valueno kRegionSlot = 0;
inline constexpr Xapian::valueno kYearSlot = 1;      // sortable_serialise(year)
// Slot 2 held the ascii-folded doc type on clauses; nothing read it (the XT term filters), so
// clauses written since 2026-12-03 leave it out. Not to be reused: older indexes have it.
inline constexpr Xapian::valueno kTypeSlot = 2;
// Document id, on document records (titel: reads it from matching records) and on clauses
// (similar reads it to find a candidate's document topic). Clauses written on 2026-12-03
// lack it; similar then takes the clause itself for its document's topic. On clauses since
// 2026-12-05 a content id is stored as its 8 bytes (index/document_id_bytes.h); records keep
// the id as text.
inline constexpr Xapian::valueno kDocumentSlot = 3;
inline constexpr Xapian::valueno kFingerprintSlot = 4;  // text fingerprint (collapse key)
// region key (its code byte since 2026-12-05: index/region_codes.h) + kCopyKeySeparator +
// fingerprint (or the Q term when the text has none): one
// value per distinct clause text in a region, so region facets count copies once. Indexes
// written before it have no such values (searcher falls back to counting the region slot).
// The fingerprint (8 bytes since 2026-12-04, index/fingerprint.h) tells an open clause
// (index/open_clause.h) by its last bit. A 16-hex-digit fingerprint (written before
// 2026-12-04) or a Q term has kCopyKeySeparator + kOpenClauseMark appended for an open
// clause instead (clauses written before 2026-12-03 lack it).
inline constexpr Xapian::valueno kRegionCopySlot = 5;
inline constexpr char kCopyKeySeparator = '\x1f';
inline constexpr char kOpenClauseMark[] = "?";
// The clause's stems with their frequencies (index/stem_list.h), for similar and compare.
// Indexes written before it have none (clause vectors then read the term list).
inline constexpr Xapian::valueno kStemsSlot = 6;
// On document records: the document's topic (index/document_topic.h). Indexes written before
// it have none (similar then leaves the document topics out).
inline constexpr Xapian::valueno kTopicSlot = 7;
// The clause itself (index/stored_data.h), where the document data held it before
// 2026-12-03: a value comes back as a match's sort key, so a remote shard sends the clauses of
// many hits in one answer (a document's data costs a round trip per document). Clauses
// written before it keep their data (clause_of_document reads either).
inline constexpr Xapian::valueno kClauseSlot = 8;

// User metadata keys (Xapian::Database::get_metadata).
// failed/<path or hash of a long path>: a file whose extraction worker timed out, crashed or
// ran out of memory, as JSON {path, size, mtime, reason}; not tried again until it changes
// (index/failed_files.h).
inline const std::string kFailedFilePrefix = "failed/";

/// The Q term of a clause id.
std::string clause_term(const std::string& clause_id);
/// The XD term of a document id.
std::string document_term(const std::string& document_id);
/// The XI term of a document record (one per document id).
std::string record_term(const std::string& document_id);
/// The section key term (XD<document id>/<n>) of a document's n-th distinct section trail.
std::string section_key_term(const std::string& document_id, size_t n);
/// The XP term of a source path (long paths are hashed to stay under Xapian's term limit).
std::string path_term(const std::string& path);
/// The metadata key of a failed file (long paths hashed, as for path_term).
std::string failed_file_key(const std::string& path);

}  // namespace klausul::schema
