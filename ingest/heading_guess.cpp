#include "ingest/heading_guess.h"

#include <cctype>
#include <string_view>

namespace klausul {

bool looks_like_heading(const std::string& text) {
  if (text.empty() || text.size() > 80) return false;
  const unsigned char first = static_cast<unsigned char>(text[0]);
  const bool capital = std::isupper(first) || first >= 0xC3;  // UTF-8 lead byte of Å Ä Ö É ...
  if (!capital) return false;
  if (std::string_view(".,;:!?)-–").find(text.back()) != std::string_view::npos) return false;
  int words = 1;
  for (char c : text) words += (c == ' ');
  return words <= 8;
}

}  // namespace klausul
