// Test helper for the PDF layout tests: the word boxes of one row of text as Poppler gives
// them (each character 0.6 font sizes wide, words 0.3 font sizes apart, row 1.2 high).
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "ingest/pdf_layout.h"

namespace klausul::pdf {

inline std::vector<Word> row_words(double x, double y, const std::string& text, double size) {
  std::vector<Word> words;
  std::istringstream in(text);
  for (std::string token; in >> token;) {
    Word w;
    w.text = token;
    w.x0 = x;
    w.x1 = x + 0.6 * size * static_cast<double>(token.size());
    w.y0 = y;
    w.y1 = y + 1.2 * size;
    w.size = size;
    words.push_back(w);
    x = w.x1 + 0.3 * size;
  }
  return words;
}

}  // namespace klausul::pdf
