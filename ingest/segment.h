// Cuts a document's blocks into clauses with their section path.
#pragma once

#include <vector>

#include "ingest/document.h"

namespace klausul {

/// Segments blocks into clauses: every paragraph and list item is a clause, headings set the
/// section trail (and are clauses of kind heading themselves), list items keep the preceding
/// lead-in (a paragraph ending in ':') as context, lines starting "att " in a decision become
/// kind att. Ordinals start at 1; ids are "<document_id>:<ordinal>".
std::vector<Clause> segment(const Document& document);

}  // namespace klausul
