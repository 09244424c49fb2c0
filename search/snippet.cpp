#include "search/snippet.h"

#include "index/analyzer.h"

namespace klausul {

std::string make_snippet(const Xapian::MSet& mset, const std::string& text, size_t length) {
  // Xapian escapes the text for HTML and marks matched terms, stemmed forms included. Its
  // background model (how common each word of the text is in the index) chooses which part
  // of a long text to show; a text that fits is shown whole, so it is asked only for longer
  // texts: each of its look-ups is a round trip to a remote shard.
  unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE;
  if (text.size() > length) flags |= Xapian::MSet::SNIPPET_BACKGROUND_MODEL;
  return mset.snippet(text, length, swedish_stemmer(), flags, "<b>", "</b>", "…");
}

std::string snippet_for_terminal(const std::string& html, bool ansi) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    if (html.compare(i, 3, "<b>") == 0) {
      out += ansi ? "\033[1m" : "«";
      i += 3;
      continue;
    }
    if (html.compare(i, 4, "</b>") == 0) {
      out += ansi ? "\033[0m" : "»";
      i += 4;
      continue;
    }
    bool replaced = false;
    for (const auto& [entity, plain] : kEntities) {
      const size_t n = std::char_traits<char>::length(entity);
      if (html.compare(i, n, entity) == 0) {
        out += plain;
        i += n;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += html[i++];
  }
  return out;
}

}  // namespace klausul
