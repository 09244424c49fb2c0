#include "ingest/office_common.h"

#include <cctype>
#include <cstdlib>
#include <vector>

#include "ingest/normalize.h"

namespace klausul {

void append_block(Document& doc, BlockKind kind, std::string_view text, int level, int slide,
                  bool note) {
  std::string clean = to_nfc(collapse_whitespace(text));
  if (clean.empty()) return;
  Block block;
  block.kind = kind;
  block.text = std::move(clean);
  block.level = level;
  block.slide = slide;
  block.note = note;
  doc.blocks.push_back(std::move(block));
}

// A row is one clause: in policy tables a row is one statement (goal | responsible | date);
// a lone cell ("2013", "Regionstyrelsen") means nothing in a search hit without its row.
void append_table_row(Document& doc, const std::vector<std::string>& cells, int slide) {
  std::string row;
  for (const std::string& cell : cells) {
    const std::string clean = collapse_whitespace(cell);
    if (clean.empty()) continue;
    if (!row.empty()) row += " | ";
    row += clean;
  }
  append_block(doc, BlockKind::table_cell, row, 0, slide);
}

std::string rels_part_of(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + file + ".rels";
}

namespace {

// Resolves "../notesSlides/notesSlide1.xml" against the folder of "ppt/slides/slide1.xml".
std::string resolve_target(const std::string& source_part, const std::string& target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    const std::size_t slash = source_part.rfind('/');
    path = (slash == std::string::npos ? "" : source_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string piece = path.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& piece : parts) out += (out.empty() ? "" : "/") + piece;
  return out;
}

}  // namespace

std::map<std::string, Relationship> parse_relationships(std::string_view xml,
                                                        const std::string& source_part) {
  std::map<std::string, Relationship> rels;
  const XmlNode root = parse_xml(xml, rels_part_of(source_part));
  for (const XmlNode* rel : root.children_named("Relationship")) {
    Relationship r;
    r.type = rel->attr("Type");
    r.external = rel->attr("TargetMode") == "External";
    r.target = r.external ? rel->attr("Target") : resolve_target(source_part, rel->attr("Target"));
    rels.emplace(rel->attr("Id"), std::move(r));
  }
  return rels;
}

bool is_relationship_type(const Relationship& rel, std::string_view tail) {
  return rel.type.size() > tail.size() && rel.type.ends_with(tail) &&
         rel.type[rel.type.size() - tail.size() - 1] == '/';
}

void set_document_date(DocumentInfo& info, std::string_view timestamp) {
  // "2011-09-05T10:00:00Z": only a full date is trusted.
  if (timestamp.size() < 10) return;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(timestamp[i]))) return;
  }
  if (timestamp[4] != '-' || timestamp[7] != '-') return;
  const int year = std::atoi(std::string(timestamp.substr(0, 4)).c_str());
  if (year < 1900) return;  // producers write 1601-01-01 for "never"
  info.date = std::string(timestamp.substr(0, 10));
  info.year = year;
}

void read_core_properties(std::string_view xml, DocumentInfo& info) {
  const XmlNode root = parse_xml(xml, "docProps/core.xml");
  if (const XmlNode* title = root.child("title")) {
    const std::string text = to_nfc(collapse_whitespace(title->all_text()));
    if (!text.empty()) info.title = text;
  }
  // Created is when the document was written; modified may be a later re-save or conversion.
  const XmlNode* created = root.child("created");
  const XmlNode* modified = root.child("modified");
  if (created != nullptr) set_document_date(info, collapse_whitespace(created->all_text()));
  if (info.date.empty() && modified != nullptr) {
    set_document_date(info, collapse_whitespace(modified->all_text()));
  }
}

double leading_number(std::string_view text) {
  return std::strtod(std::string(text).c_str(), nullptr);
}

}  // namespace klausul
