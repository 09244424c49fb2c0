// Web pages saved from county sites: the main content as headings, list items, paragraphs and
// table rows.
#pragma once

#include "ingest/extractor.h"

namespace klausul {

/// Decodes the page to UTF-8 first (BOM, manifest hint, <meta> charset, detection: see
/// decode_html) and hands libxml2's HTML parser UTF-8 with the page's own declaration ignored,
/// no network and no entity loading. Keeps the main content only (MainContent), h1-h6 as
/// headings with their level, li as list items with their nesting level, p/div text as
/// paragraphs, each table row as one table_cell block with its cells joined by " | ".
/// The title is the <title>, else the first <h1>.
class HtmlExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

}  // namespace klausul
