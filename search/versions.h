// Which text is in force: version chains of the archive's documents and each one's status.
//
// How it works (a wrong "not in force" hides a valid text, so every rule needs evidence and
// anything else is okänd):
//  1. Links: a newer document N replaces an older O of the same region when
//     a) N's text (or manifest) names O's diarienummer as replaced ("ersätter", "upphävs",
//        "... LS 0510-1724, upphör att gälla"), and O is not dated after N; or
//     b) N names O's title as replaced and O is dated before N; or
//     c) O and N are one title series (the same title once years and numbers are taken out,
//        same region and type), N dated strictly after O, and compare aligns most of O's
//        clauses with N's (the `same_text` check). Compare is slow, so it runs when the index
//        changes and its verdicts are kept beside the index (search/version_store.h); a
//        search only reads them.
//     Documents joined by links form a version group, a chain ordered by date (decision date,
//     else valid-from, else the document date, else the year).
//  2. Status, first rule that applies:
//     manifest status -> as given; a newer version in the archive that has taken effect ->
//     ersatt (by which); an end date with a day, passed -> utgången; an end date to come or
//     "tills vidare" -> gällande; the newest of a chain, its period not passed -> gällande;
//     otherwise okänd, with what is known (an end year without a day is only a warning: such
//     periods are often extended).
//  3. Every status has its reason: the clause (id and words) or manifest line it rests on.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/document.h"

namespace klausul {

enum class VersionStatus { in_force, replaced, expired, unknown };

/// "gällande", "ersatt", "utgången", "okänd".
std::string version_status_name(VersionStatus status);

/// A document's place in its chain and its status.
struct VersionState {
  VersionStatus status = VersionStatus::unknown;
  std::string reason;         // one line: why, quoting the clause or naming the manifest line
  std::string reason_clause;  // the clause id the reason rests on; empty for manifest / chain
  std::string replaced_by;    // ersatt: document id of the newer version
  std::string group;          // id of the group's newest document; empty when alone
  std::string order_date;     // the date the chain is ordered by ("2012-10-02", "2012", "")
};

/// True when `older` and `newer` hold mostly the same clauses (the series check of rule 1c).
using SameTextCheck = std::function<bool(const DocumentInfo& older, const DocumentInfo& newer)>;

class VersionIndex {
 public:
  /// Builds chains and statuses for `documents` as of `today` (ISO date). Without
  /// `same_text`, title series are not linked (rule 1c).
  static VersionIndex build(std::vector<DocumentInfo> documents, const std::string& today,
                            const SameTextCheck& same_text = {});

  /// The state of a document; okänd (with no reason) for an id it does not know.
  const VersionState& state(const std::string& document_id) const;
  /// The document with this id, or null.
  const DocumentInfo* document(const std::string& document_id) const;
  /// The document's chain, oldest first (just the document when it has no versions).
  std::vector<const DocumentInfo*> chain(const std::string& document_id) const;
  /// True when both documents are in one version chain (and are not the same document).
  bool same_chain(const std::string& a, const std::string& b) const;
  /// True for ersatt and utgången documents: not shown by default.
  bool hidden(const std::string& document_id) const;
  /// Ids of every hidden document, sorted.
  const std::vector<std::string>& hidden_documents() const { return hidden_; }

 private:
  std::vector<DocumentInfo> documents_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::unordered_map<std::string, VersionState> states_;
  // Each group's members (indexes into documents_), oldest first: chain() is asked for every
  // hit that search and similar fold, and walking all documents for it cost a million-clause
  // similar call 1 ms.
  std::unordered_map<std::string, std::vector<std::size_t>> chains_;
  // Kept at build: every search and similar call asks for them (listing them afresh walked
  // all documents' states, 2% of a search at a million clauses).
  std::vector<std::string> hidden_;
};

/// The date statuses are judged against: $KLAUSUL_TODAY when set (tests), else today (UTC).
std::string today_iso();

/// The date a document is ordered by in its chain: decision date, else valid-from, else the
/// document date, else the year ("" when none is known).
std::string version_order_date(const DocumentInfo& document);

/// The chain key of a title: ascii-folded words without years and numbers
/// ("Riktlinjer för internationellt arbete 2012" -> "riktlinjer for internationellt arbete").
std::string title_series_key(const std::string& title);

}  // namespace klausul
