// Open clauses: a question ("Vad är vårdgaranti?"), a list's lead-in ("I regionens roll som
// ansvarig för regional utveckling ingår att:"), a web page's navigation sentence ("I
// menyn till vänster hittar du mer om vårdgarantin", index/navigation_clause.h) or a
// document's description ("Planen beskriver målen för vårdgarantin",
// index/document_description.h) names its subject and leaves what is said about it to the
// text that follows, another page or the document. Such a clause shares the subject's words with a
// statement on it, but is not its counterpart: `similar` ranks it below statements
// (ScoreTuning::open_clause_factor). The mark travels in the clause's region-copy value
// (index/schema.h), which similar reads for every candidate anyway.
#pragma once

#include <string>
#include <string_view>

namespace klausul {

/// True when `text`, trailing spaces aside, ends in '?' or ':', or is a navigation sentence
/// or a document's description.
bool is_open_clause(std::string_view text);

}  // namespace klausul
