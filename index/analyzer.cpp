#include "index/analyzer.h"

#include "ingest/normalize.h"

namespace klausul {

Xapian::Stem swedish_stemmer() { return Xapian::Stem("swedish"); }

Analyzer::Analyzer() {
  generator_.set_stemmer(swedish_stemmer());
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator_.set_stopper(&swedish_stopper());
  // Stopwords keep their unstemmed, positional term (phrases such as "bevaka och påverka"
  // still match) but get no Z-stem, so they never drive ranking.
  generator_.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
}

void Analyzer::index_text(Xapian::Document& doc, const std::string& text,
                          const std::string& prefix) {
  generator_.set_document(doc);
  // Xapian does no Unicode normalisation: fold first (ligatures, case, soft hyphens).
  generator_.index_text(fold_for_index(text), 1, prefix);
  generator_.increase_termpos(100);
}

}  // namespace klausul
