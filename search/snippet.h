// Snippets: the part of a clause that best shows why it matched, HTML-escaped, with the
// matched terms (and their stemmed forms) in <b>...</b>.
#pragma once

#include <xapian.h>

#include <string>

namespace klausul {

/// Snippet of `text` for the query of `mset`, at most about `length` bytes: the whole text
/// when it fits, else the part that best shows the match.
std::string make_snippet(const Xapian::MSet& mset, const std::string& text, size_t length = 240);

/// Renders an HTML snippet for a terminal: <b> becomes bold (ANSI) when `ansi`, else
/// «...»; entities are unescaped.
std::string snippet_for_terminal(const std::string& html, bool ansi);

}  // namespace klausul
