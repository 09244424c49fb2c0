#include "index/open_clause.h"

namespace klausul {

bool is_open_clause(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return !text.empty() && (text.back() == '?' || text.back() == ':');
}

}  // namespace klausul
