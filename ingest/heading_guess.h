// Headings in text that carries no styles (plain text files, OCR'd pages): a paragraph of
// one short line that reads as a title.
#pragma once

#include <string>

namespace klausul {

/// True for one short line (at most 8 words, 80 bytes) that starts with a capital letter and
/// ends without closing punctuation: "Ärendebeskrivning", "Förslag till beslut",
/// "Strategiska mål". The caller checks that the paragraph is a single line.
bool looks_like_heading(const std::string& text);

}  // namespace klausul
