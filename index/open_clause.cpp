#include "index/open_clause.h"

#include "index/document_description.h"
#include "index/navigation_clause.h"

namespace klausul {

bool is_open_clause(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  if (text.empty()) return false;
  return text.back() == '?' || text.back() == ':' || is_navigation_clause(text) ||
         is_document_description(text);
}

}  // namespace klausul
