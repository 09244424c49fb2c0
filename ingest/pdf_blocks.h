// PDF lines (laid out by pdf_layout) into blocks: paragraphs from vertical gaps and font
// changes, headings from font size and weight, list items from bullet and number markers,
// table rows, and slide decks (landscape pages opening with a large title) as slides.
#pragma once

#include <vector>

#include "ingest/document.h"
#include "ingest/pdf_layout.h"

namespace klausul::pdf {

/// The body text size: the font size carrying most characters of the document.
double body_size(const std::vector<Line>& lines);

/// When the document is a slide deck (every page with text landscape, at least half of them
/// opening with a clearly larger line), marks each line's slide and the title lines and
/// returns true; otherwise leaves `pages` alone and returns false.
bool mark_slides(std::vector<std::vector<Line>>& pages, const std::vector<bool>& landscape,
                 double body);

/// The blocks of the document's lines, in order, with page (and slide) numbers. Line-end
/// hyphenation inside a paragraph is joined with join_pdf_lines().
std::vector<Block> build_blocks(const std::vector<Line>& lines, double body);

}  // namespace klausul::pdf
