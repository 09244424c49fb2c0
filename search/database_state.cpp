#include "search/database_state.h"

namespace klausul {

std::string database_state(const Xapian::Database& db) {
  return db.get_uuid() + "/" + std::to_string(db.get_doccount()) + "/" +
         std::to_string(db.get_total_length());
}

}  // namespace klausul
