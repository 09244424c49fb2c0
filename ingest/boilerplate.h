// Text that is on the page but not part of the document: running headers and footers, page
// numbers, web-scrape and viewer chrome, listings of other documents. None of it may become a
// clause. Also numbers the slides of scraped slide transcripts.
#pragma once

#include "ingest/document.h"

namespace klausul {

/// Removes boilerplate blocks from doc.blocks, in this order:
///  1. viewer and web chrome in any document ("Ladda ner ppt ...", "Presentation laddar.
///     Vänta.", "Senast uppdaterad: ...", "Kontakt", skip links ("Navigera till sidans
///     huvudinnehåll"), cookie notices, and the English viewers'
///     "Save this PDF as: WORD PNG TXT JPG", "Presentation is loading. Please wait.", ...;
///     case-insensitive, also when several such lines were joined into one block);
///  2. in paged documents (blocks with page > 0): running headers/footers — text (digits
///     ignored) that is among the first or last two blocks on at least min(3, half the pages)
///     pages, but at least 2 — and lone page numbers ("3", "- 3 -", "Sida 3 (8)", "3/8");
///  3. a trailing listing of other documents: two or more entries ending in "Läs mer" at the
///     end of the document, with the title of its first entry and an introducing heading such
///     as "Liknande dokument".
void remove_boilerplate(Document& doc);

/// True for a block that rule 1 above removes (viewer or web chrome): also never a title.
bool is_chrome(const Block& block);

/// Scraped slide transcripts number each slide as a paragraph "N text". In a document without
/// pages whose blocks are mostly such paragraphs numbered 1, 2, 3, ... (at least three), sets
/// block.slide = N on each and on the blocks that follow it, strips the "N " prefix and a
/// trailing page number equal to N, splits an immediately repeated title ("Mål för X Mål för X
/// Det ...") into a slide_title block (level 1) and the rest, and sets doc.info.slides to the
/// highest N. Unless the document is a presentation (doc.info.doc_type), the numbers are
/// pages of a document in a viewer: block.page and doc.info.pages are set instead, and the
/// repeated titles become headings. Headings above the transcript (the viewer's page title)
/// become paragraphs, so that they are not the section of every clause.
/// Call after remove_boilerplate, so chrome after the last slide is gone.
void number_transcript_slides(Document& doc);

}  // namespace klausul
