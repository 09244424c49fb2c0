// THE index schema: every Xapian term prefix and value slot klausul uses. No prefix literal
// appears anywhere else. Filter values are stored lowercase ASCII-folded (Xapian inserts ':'
// after a prefix when the value starts with an uppercase letter).
#pragma once

#include <xapian.h>

#include <string>

namespace klausul::schema {

// Boolean terms.
inline const std::string kClauseIdPrefix = "Q";     // Q<clause id>, unique per clause
inline const std::string kDocumentPrefix = "XD";    // XD<document id>, on clauses and doc record
inline const std::string kPathPrefix = "XP";        // XP<path or hash of a long path>, doc record
inline const std::string kRecordPrefix = "XI";      // XI<document id>, on the doc record only
inline const std::string kRegionPrefix = "XR";      // XR<region key>
inline const std::string kTypePrefix = "XT";        // XT<ascii-folded doc type>
inline const std::string kYearPrefix = "XY";        // XY<year>
inline const std::string kKindPrefix = "XK";        // XKclause or XKdocument
inline const std::string kFingerprintPrefix = "XF"; // XF<text fingerprint>, duplicate clauses
inline const std::string kClauseKind = "clause";
inline const std::string kDocumentKind = "document";

// Free-text prefixes the query parser knows (field:word).
inline const std::string kTitlePrefix = "S";        // words of the document title
inline const std::string kSectionPrefix = "XS";     // words of the section path

// Value slots (clause documents).
inline constexpr Xapian::valueno kRegionSlot = 0;    // region key
inline constexpr Xapian::valueno kYearSlot = 1;      // sortable_serialise(year)
inline constexpr Xapian::valueno kTypeSlot = 2;      // ascii-folded doc type
inline constexpr Xapian::valueno kDocumentSlot = 3;  // document id
inline constexpr Xapian::valueno kFingerprintSlot = 4;  // text fingerprint (collapse key)
// region key + kCopyKeySeparator + fingerprint (or the Q term when the text has none): one
// value per distinct clause text in a region, so region facets count copies once. Indexes
// written before it have no such values (searcher falls back to counting the region slot).
inline constexpr Xapian::valueno kRegionCopySlot = 5;
inline constexpr char kCopyKeySeparator = '\x1f';
// The clause's stems with their frequencies (index/stem_list.h), for similar and compare.
// Indexes written before it have none (clause vectors then read the term list).
inline constexpr Xapian::valueno kStemsSlot = 6;

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
/// The XP term of a source path (long paths are hashed to stay under Xapian's term limit).
std::string path_term(const std::string& path);
/// The metadata key of a failed file (long paths hashed, as for path_term).
std::string failed_file_key(const std::string& path);

}  // namespace klausul::schema
