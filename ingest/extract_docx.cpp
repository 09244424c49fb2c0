#include "ingest/extract_docx.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "ingest/error.h"
#include "ingest/office_common.h"
#include "ingest/xml_reader.h"

namespace klausul {
namespace {

// What a paragraph style contributes (after following w:basedOn).
struct StyleInfo {
  std::string name;
  std::string based_on;
  int outline = -1;       // w:outlineLvl (0 = top), -1 when none
  bool numbered = false;  // the style itself carries w:numPr (List Bullet, List Number)
};

using Styles = std::map<std::string, StyleInfo>;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int outline_of(const XmlNode* ppr) {
  const XmlNode* lvl = ppr != nullptr ? ppr->child("outlineLvl") : nullptr;
  if (lvl == nullptr) return -1;
  const int value = std::atoi(lvl->attr("val").c_str());
  return value >= 0 && value < 9 ? value : -1;  // 9 means "body text"
}

Styles parse_styles(std::string_view xml, const std::string& part) {
  Styles styles;
  const XmlNode root = parse_xml(xml, part);
  for (const XmlNode* style : root.children_named("style")) {
    if (style->attr("type") != "paragraph") continue;
    StyleInfo info;
    if (const XmlNode* name = style->child("name")) info.name = name->attr("val");
    if (const XmlNode* base = style->child("basedOn")) info.based_on = base->attr("val");
    const XmlNode* ppr = style->child("pPr");
    info.outline = outline_of(ppr);
    info.numbered = ppr != nullptr && ppr->child("numPr") != nullptr;
    styles[style->attr("styleId")] = info;
  }
  return styles;
}

// "heading 2", "Heading2", "Rubrik 2" (Swedish Word), "Title": the level, 0 when not a heading.
int level_from_name(const std::string& raw) {
  const std::string name = lower(raw);
  if (name == "title" || name == "rubrik") return 1;
  for (const char* prefix : {"heading", "rubrik"}) {
    const std::string p = prefix;
    if (name.rfind(p, 0) != 0) continue;
    std::string rest = name.substr(p.size());
    if (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  }
  return 0;
}

// Heading level of a paragraph style (0 = not a heading), following w:basedOn a few steps.
int style_heading_level(const Styles& styles, std::string id) {
  for (int step = 0; step < 10 && !id.empty(); ++step) {
    if (int level = level_from_name(id)) return level;
    auto it = styles.find(id);
    if (it == styles.end()) return 0;
    if (it->second.outline >= 0) return it->second.outline + 1;
    if (int level = level_from_name(it->second.name)) return level;
    id = it->second.based_on;
  }
  return 0;
}

// Text of a paragraph (or of any run container), collecting cited foot/endnote keys.
void run_text(const XmlNode& node, std::string& text, std::vector<std::string>& notes) {
  for (const XmlNode& c : node.children) {
    if (c.is_text()) continue;
    const std::string& n = c.name;
    if (n == "t")
      text += c.all_text();
    else if (n == "tab" || n == "br" || n == "cr")
      text += ' ';
    else if (n == "noBreakHyphen")
      text += '-';
    else if (n == "footnoteReference")
      notes.push_back("f" + c.attr("id"));
    else if (n == "endnoteReference")
      notes.push_back("e" + c.attr("id"));
    // Deleted revisions, properties, and text boxes / fallbacks (drawn twice) are not the text.
    else if (n != "del" && n != "pPr" && n != "rPr" && n != "Fallback" && n != "txbxContent") {
      run_text(c, text, notes);
    }
  }
}

// The text boxes anchored in a paragraph (w:txbxContent), in order. A box is drawn twice, as
// DrawingML and as a VML fallback: the fallback is skipped, so each box is read once.
void find_text_boxes(const XmlNode& node, std::vector<const XmlNode*>& boxes) {
  for (const XmlNode& c : node.children) {
    if (c.is_text() || c.name == "Fallback") continue;
    if (c.name == "txbxContent") {
      boxes.push_back(&c);
    } else {
      find_text_boxes(c, boxes);
    }
  }
}

class DocxWalker {
 public:
  DocxWalker(Document& doc, const Styles& styles, std::map<std::string, std::string> notes)
      : doc_(doc), styles_(styles), notes_(std::move(notes)) {}

  void body(const XmlNode& container) {
    for (const XmlNode& c : container.children) {
      if (c.name == "p")
        paragraph(c);
      else if (c.name == "tbl")
        table(c);
      else if (c.name == "sdt" || c.name == "sdtContent" || c.name == "customXml")
        body(c);
    }
  }

  // Notes never cited (or cited from places we do not read) still belong to the document.
  void remaining_notes() {
    for (const auto& [key, text] : notes_) {
      if (!emitted_.count(key)) append_block(doc_, BlockKind::paragraph, text, 0, 0, true);
    }
  }

 private:
  void paragraph(const XmlNode& p) {
    std::string text;
    std::vector<std::string> cited;
    run_text(p, text, cited);
    const XmlNode* ppr = p.child("pPr");
    const XmlNode* style = ppr != nullptr ? ppr->child("pStyle") : nullptr;
    const std::string style_id = style != nullptr ? style->attr("val") : "";
    int heading = outline_of(ppr) + 1;
    if (heading == 0) heading = style_heading_level(styles_, style_id);
    const XmlNode* num = ppr != nullptr ? ppr->child("numPr") : nullptr;
    const XmlNode* num_id = num != nullptr ? num->child("numId") : nullptr;
    auto s = styles_.find(style_id);
    const bool listed = (num_id != nullptr && num_id->attr("val") != "0") ||
                        (num == nullptr && s != styles_.end() && s->second.numbered);
    if (heading > 0) {
      append_block(doc_, BlockKind::heading, text, heading);
    } else if (listed) {
      const XmlNode* ilvl = num != nullptr ? num->child("ilvl") : nullptr;
      const int level =
          ilvl != nullptr ? std::clamp(std::atoi(ilvl->attr("val").c_str()), 0, 8) : 0;
      append_block(doc_, BlockKind::list_item, text, level + 1);
    } else {
      append_block(doc_, BlockKind::paragraph, text);
    }
    cite(cited);
    // Text boxes (fact boxes, pull quotes) follow the paragraph they are anchored in.
    std::vector<const XmlNode*> boxes;
    find_text_boxes(p, boxes);
    for (const XmlNode* box : boxes) body(*box);
  }

  void table(const XmlNode& tbl) {
    for (const XmlNode* row : tbl.children_named("tr")) {
      std::vector<std::string> cells;
      std::vector<std::string> cited;
      for (const XmlNode* cell : row->children_named("tc")) {
        std::string text;
        run_text(*cell, text, cited);  // nested tables read as part of their cell
        cells.push_back(std::move(text));
      }
      append_table_row(doc_, cells);
      cite(cited);
    }
  }

  void cite(const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
      auto it = notes_.find(key);
      if (it == notes_.end() || !emitted_.insert(key).second) continue;
      append_block(doc_, BlockKind::paragraph, it->second, 0, 0, true);
    }
  }

  Document& doc_;
  const Styles& styles_;
  std::map<std::string, std::string> notes_;  // "f3" / "e1" -> note text
  std::set<std::string> emitted_;
};

// Foot- or endnotes of one part keyed "f<id>" / "e<id>"; separators are not notes.
void parse_notes(std::string_view xml, const std::string& part, char prefix,
                 std::map<std::string, std::string>& out) {
  const XmlNode root = parse_xml(xml, part);
  for (const XmlNode& note : root.children) {
    if (note.is_text()) continue;
    const std::string& type = note.attr("type");
    if (!type.empty() && type != "normal") continue;  // separators
    std::string text;
    std::vector<std::string> ignored;
    for (const XmlNode* p : note.children_named("p")) {
      run_text(*p, text, ignored);
      text += ' ';
    }
    out[std::string(1, prefix) + note.attr("id")] = text;
  }
}

}  // namespace

Document extract_docx(ZipReader& zip, const std::string& main_part) {
  Document doc;
  doc.info.format = "docx";
  std::string styles_part = "word/styles.xml", footnotes_part, endnotes_part;
  if (auto rels_xml = zip.read(rels_part_of(main_part))) {
    for (const auto& [id, rel] : parse_relationships(*rels_xml, main_part)) {
      if (rel.external) continue;
      if (is_relationship_type(rel, "styles")) styles_part = rel.target;
      if (is_relationship_type(rel, "footnotes")) footnotes_part = rel.target;
      if (is_relationship_type(rel, "endnotes")) endnotes_part = rel.target;
    }
  }
  const std::set<std::string> wanted = {main_part, styles_part, footnotes_part, endnotes_part,
                                        "docProps/core.xml"};
  auto parts = zip.read([&](const std::string& n) { return wanted.count(n) > 0; });
  if (!parts.count(main_part)) throw IngestError("DOCX without " + main_part);

  Styles styles;
  if (parts.count(styles_part)) styles = parse_styles(parts[styles_part], styles_part);
  std::map<std::string, std::string> notes;
  if (parts.count(footnotes_part)) parse_notes(parts[footnotes_part], footnotes_part, 'f', notes);
  if (parts.count(endnotes_part)) parse_notes(parts[endnotes_part], endnotes_part, 'e', notes);
  if (parts.count("docProps/core.xml")) read_core_properties(parts["docProps/core.xml"], doc.info);

  const XmlNode root = parse_xml(parts[main_part], main_part);
  const XmlNode* body = root.child("body");
  if (body == nullptr) throw IngestError("DOCX without a document body");
  DocxWalker walker(doc, styles, std::move(notes));
  walker.body(*body);
  walker.remaining_notes();
  return doc;
}

Document DocxExtractor::extract(std::string_view bytes, const std::string&,
                                const ExtractOptions&) const {
  ZipReader zip(bytes);
  return extract_docx(zip);
}

}  // namespace klausul
