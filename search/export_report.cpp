#include "search/export_report.h"

#include <cctype>
#include <set>

#include "ingest/error.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

std::string unescape_html(const std::string& html) {
  static const std::pair<std::string, std::string> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  std::string out;
  for (size_t i = 0; i < html.size();) {
    bool replaced = false;
    for (const auto& [entity, plain] : kEntities) {
      if (html.compare(i, entity.size(), entity) == 0) {
        out += plain;
        i += entity.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += html[i++];
  }
  return out;
}

// The words between <b> and </b> in a search snippet, folded.
std::set<std::string> snippet_words(const std::string& snippet) {
  std::set<std::string> words;
  for (size_t start = snippet.find("<b>"); start != std::string::npos;
       start = snippet.find("<b>", start)) {
    const size_t end = snippet.find("</b>", start);
    if (end == std::string::npos) break;
    words.insert(fold_for_index(unescape_html(snippet.substr(start + 3, end - start - 3))));
    start = end;
  }
  return words;
}

// Letters and digits in any script; every non-ASCII byte counts as part of a word.
bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

bool is_marked(const std::string& word, const std::set<std::string>& exact,
               const std::vector<std::string>& stems) {
  const std::string folded = fold_for_index(word);
  if (exact.count(folded)) return true;
  for (const std::string& stem : stems) {
    if (stem.size() >= 3 && folded.starts_with(stem)) return true;
  }
  return false;
}

}  // namespace

std::vector<TextSpan> highlight(const Hit& hit) {
  const std::string& text = hit.clause.text;
  const std::set<std::string> exact = snippet_words(hit.snippet);
  std::vector<std::string> stems;
  for (const std::string& term : hit.matched_terms) stems.push_back(fold_for_index(term));
  std::vector<TextSpan> spans;
  auto append = [&spans](std::string piece, bool marked) {
    if (!spans.empty() && spans.back().marked == marked) {
      spans.back().text += piece;
    } else {
      spans.push_back({std::move(piece), marked});
    }
  };
  for (size_t i = 0; i < text.size();) {
    size_t j = i;
    const bool word = is_word_byte(static_cast<unsigned char>(text[i]));
    while (j < text.size() && is_word_byte(static_cast<unsigned char>(text[j])) == word) ++j;
    std::string piece = text.substr(i, j - i);
    const bool marked = word && (!exact.empty() || !stems.empty()) && is_marked(piece, exact, stems);
    append(std::move(piece), marked);
    i = j;
  }
  return spans;
}

const char* export_title(ExportKind kind) {
  static const char* const kTitle[] = {"Sökträffar", "Liknande klausuler", "Jämförelse",
                                       "Täckning per region", "Klausul i sitt sammanhang",
                                       "Granskningslista"};
  return kTitle[static_cast<int>(kind)];
}

std::vector<std::pair<std::string, std::string>> context_lines(const ExportContext& context) {
  std::vector<std::pair<std::string, std::string>> lines;
  static const char* const kWhat[] = {"sökning", "liknande klausuler", "jämförelse", "täckning",
                                      "klausul i sitt sammanhang", "granskningslista"};
  lines.emplace_back("Export", kWhat[static_cast<int>(context.kind)]);
  if (!context.query.empty()) lines.emplace_back("Fråga", context.query);
  for (const auto& [label, value] : context.filters) lines.emplace_back(label, value);
  if (context.document_a) {
    lines.emplace_back("Dokument A", context.document_a->title + " (" +
                                         context.document_a->region_name + ") " +
                                         context.document_a->path);
  }
  if (context.document_b) {
    lines.emplace_back("Dokument B", context.document_b->title + " (" +
                                         context.document_b->region_name + ") " +
                                         context.document_b->path);
  }
  if (!context.database.empty()) lines.emplace_back("Databas", context.database);
  if (!context.exported_at.empty()) lines.emplace_back("Exporterad", context.exported_at);
  return lines;
}

std::string older_version_line(const OlderVersion& older) {
  std::string line = "Äldre version (" + older.status;
  if (!older.date.empty()) line += ", " + older.date;
  line += "): " + (older.title.empty() ? older.document_id : older.title) + " · klausul " +
          older.clause_id;
  return line;
}

std::string region_heading(const Hit& hit) {
  if (!hit.document.region_name.empty()) return hit.document.region_name;
  return hit.document.region.empty() ? "(okänd region)" : hit.document.region;
}

std::string hit_details(const Hit& hit) {
  std::vector<std::string> parts;
  const DocumentInfo& d = hit.document;
  const Clause& c = hit.clause;
  std::string kind = d.doc_type;
  if (d.year > 0) kind += (kind.empty() ? "" : ", ") + std::to_string(d.year);
  if (!kind.empty()) parts.push_back(kind);
  if (!hit.status.empty()) parts.push_back(hit.status);
  if (!d.organisation.empty()) parts.push_back(d.organisation);
  if (!c.section.empty()) parts.push_back(section_label(c.section));
  if (c.slide > 0) parts.push_back("bild " + std::to_string(c.slide));
  else if (c.page > 0) parts.push_back("sida " + std::to_string(c.page));
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : " · ") + part;
  return out;
}

std::string document_line(const Hit& hit) {
  std::string line = hit.document.title.empty() ? hit.document.path : hit.document.title;
  if (const std::string details = hit_details(hit); !details.empty()) line += " · " + details;
  return line;
}

RegionSpool::~RegionSpool() {
  for (Group& group : groups_) {
    if (group.file) std::fclose(group.file);
  }
}

void RegionSpool::add(const std::string& heading, const std::string& rendered) {
  Group* group = nullptr;
  for (Group& g : groups_) {
    if (g.heading == heading) group = &g;
  }
  if (!group) {
    std::FILE* file = std::tmpfile();
    if (!file) throw UsageError("cannot create a temporary file for the report");
    groups_.push_back({heading, 0, file});
    group = &groups_.back();
  }
  if (std::fwrite(rendered.data(), 1, rendered.size(), group->file) != rendered.size()) {
    throw UsageError("cannot write the report's temporary file (disk full?)");
  }
  ++group->rows;
}

void RegionSpool::drain(const std::function<void(const std::string&, long)>& group_start,
                        const std::function<void(const std::string&)>& text) {
  char buffer[1 << 16];
  for (Group& group : groups_) {
    group_start(group.heading, group.rows);
    std::rewind(group.file);
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, group.file)) > 0;) {
      text(std::string(buffer, n));
    }
  }
}

}  // namespace klausul
