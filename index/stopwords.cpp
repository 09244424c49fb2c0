// Swedish stopwords: the Snowball project's Swedish list (function words only), kept here
// because Debian's Xapian ships no stopword lists.
#include "index/analyzer.h"

namespace klausul {

const Xapian::Stopper& swedish_stopper() {
  // Built once; Xapian stoppers are immutable after construction and safe to share.
  static const Xapian::SimpleStopper* stopper = [] {
    static const char* const words[] = {
        "och", "det", "att", "i", "en", "jag", "hon", "som", "han", "på", "den", "med", "var",
        "sig", "för", "så", "till", "är", "men", "ett", "om", "hade", "de", "av", "icke", "mig",
        "du", "henne", "då", "sin", "nu", "har", "inte", "hans", "honom", "skulle", "hennes",
        "där", "min", "man", "ej", "vid", "kunde", "något", "från", "ut", "när", "efter", "upp",
        "vi", "dem", "vara", "vad", "över", "än", "dig", "kan", "sina", "här", "ha", "mot",
        "alla", "under", "någon", "eller", "allt", "mycket", "sedan", "ju", "denna", "själv",
        "detta", "åt", "utan", "varit", "hur", "ingen", "mitt", "ni", "bli", "blev", "oss",
        "din", "dessa", "några", "deras", "blir", "mina", "samma", "vilken", "er", "sådan",
        "vår", "blivit", "dess", "inom", "mellan", "sådant", "varför", "varje", "vilka", "ditt",
        "vem", "vilket", "sitta", "sådana", "vart", "dina", "vars", "vårt", "våra", "ert",
        "era", "vilkas"};
    auto* s = new Xapian::SimpleStopper;
    for (const char* word : words) s->add(word);
    return s;
  }();
  return *stopper;
}

}  // namespace klausul
