// Plain text (and the light Markdown the seed documents use) into blocks.
#pragma once

#include "ingest/extractor.h"

namespace klausul {

/// Plain text: paragraphs are separated by blank lines, hard-wrapped lines are joined;
/// "#"-headings, "**bold**" lines and short title-like lines become headings; lines starting
/// with "-", "*", "•", "▪" or "1." become list items; a line ending in ':' before a list is the
/// list's lead-in.
class TextExtractor : public Extractor {
 public:
  Document extract(std::string_view bytes, const std::string& name,
                   const ExtractOptions& options) const override;
};

}  // namespace klausul
