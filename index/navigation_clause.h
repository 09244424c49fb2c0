// Navigation sentences: a county web page points its reader elsewhere ("I menyn till vänster
// hittar du mer om vårdgarantin", "Här finns information om hur en handlingsplan tas fram",
// "Blanketten finns bland länkarna nedan"). Such a sentence names a subject, often with
// exactly the words of a statement on it, and says nothing about it: like a question or a
// list's lead-in it is an open clause (index/open_clause.h), context and not an answer
// (`similar` ranks it below statements). On the tuning half of the real-text pairs three
// such sentences had outranked the labelled statement (tools/bench/RESULTS.md).
//
// Recognised by the phrases Swedish web pages direct a reader with, outside parentheses: a
// statement with an aside "(se högerspalten)" still states something, and "en länk mellan
// nationell och lokal nivå" is not a link.
#pragma once

#include <string_view>

namespace klausul {

/// True when `text` directs its reader to another page, a menu, a link or "läs mer".
bool is_navigation_clause(std::string_view text);

}  // namespace klausul
