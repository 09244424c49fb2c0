#include "ingest/extract_pptx.h"

#include <algorithm>
#include <set>
#include <vector>

#include "ingest/error.h"
#include "ingest/office_common.h"
#include "ingest/xml_reader.h"

namespace klausul {
namespace {

// A real deck has at most a few hundred slides; this bounds work on a hostile sldIdLst.
constexpr std::size_t kMaxSlides = 5000;

enum class ShapeRole { title, body, text, table, skip };

struct Shape {
  const XmlNode* node = nullptr;
  ShapeRole role = ShapeRole::text;
  bool positioned = false;
  double x = 0, y = 0;
};

ShapeRole placeholder_role(const XmlNode& sp) {
  const XmlNode* nv = sp.child("nvSpPr");
  const XmlNode* nvpr = nv != nullptr ? nv->child("nvPr") : nullptr;
  const XmlNode* ph = nvpr != nullptr ? nvpr->child("ph") : nullptr;
  if (ph == nullptr) return ShapeRole::text;
  const std::string& type = ph->attr("type");
  if (type == "title" || type == "ctrTitle") return ShapeRole::title;
  if (type == "sldNum" || type == "dt" || type == "ftr" || type == "hdr" || type == "sldImg") {
    return ShapeRole::skip;  // chrome repeated on every slide
  }
  if (type.empty() || type == "body" || type == "obj") return ShapeRole::body;
  return ShapeRole::text;  // subTitle and the rest: plain paragraphs
}

void set_position(Shape& shape, const XmlNode& node) {
  const XmlNode* xfrm = node.find("xfrm");
  const XmlNode* off = xfrm != nullptr ? xfrm->child("off") : nullptr;
  if (off == nullptr) return;
  shape.positioned = true;
  shape.x = leading_number(off->attr("x"));
  shape.y = leading_number(off->attr("y"));
}

// Shapes of a shape tree in tree (z-)order; groups are flattened.
void collect_shapes(const XmlNode& tree, std::vector<Shape>& out) {
  for (const XmlNode& node : tree.children) {
    Shape shape;
    shape.node = &node;
    if (node.name == "sp") {
      shape.role = placeholder_role(node);
    } else if (node.name == "graphicFrame" && node.find("tbl") != nullptr) {
      shape.role = ShapeRole::table;
    } else if (node.name == "grpSp") {
      collect_shapes(node, out);
      continue;
    } else if (node.name == "AlternateContent" && !node.children.empty()) {
      collect_shapes(node.children.front(), out);  // mc:Choice; the fallback repeats it
      continue;
    } else {
      continue;  // pictures, connectors, charts
    }
    if (shape.role == ShapeRole::skip) continue;
    set_position(shape, node);
    out.push_back(shape);
  }
}

// Titles first; then, when every shape carries its position, top to bottom and left to right
// (tree order is z-order, which follows editing history, not reading). Shapes that inherit
// their position from the layout leave tree order as the best guess.
void order_shapes(std::vector<Shape>& shapes) {
  const bool all_positioned = std::all_of(shapes.begin(), shapes.end(), [](const Shape& s) {
    return s.role == ShapeRole::title || s.positioned;
  });
  std::stable_sort(shapes.begin(), shapes.end(), [all_positioned](const Shape& a, const Shape& b) {
    const bool ta = a.role == ShapeRole::title, tb = b.role == ShapeRole::title;
    if (ta != tb) return ta;
    if (!all_positioned || ta) return false;
    return a.y != b.y ? a.y < b.y : a.x < b.x;
  });
}

std::string paragraph_text(const XmlNode& p) {
  std::string text;
  for (const XmlNode& run : p.children) {
    if (run.name == "r" || run.name == "fld") {
      if (const XmlNode* t = run.child("t")) text += t->all_text();
    } else if (run.name == "br") {
      text += ' ';
    }
  }
  return text;
}

// Body placeholders are bulleted by the master unless a paragraph says buNone; free text boxes
// are bulleted only when a paragraph asks for a bullet.
bool is_bulleted(const XmlNode* ppr, bool bulleted_by_default) {
  if (ppr == nullptr) return bulleted_by_default;
  if (ppr->child("buNone") != nullptr) return false;
  if (ppr->child("buChar") != nullptr || ppr->child("buAutoNum") != nullptr) return true;
  return bulleted_by_default;
}

void append_text_body(Document& doc, const XmlNode& sp, bool bulleted, int slide, bool note) {
  const XmlNode* body = sp.child("txBody");
  if (body == nullptr) return;
  for (const XmlNode* p : body->children_named("p")) {
    const XmlNode* ppr = p->child("pPr");
    const int level = ppr != nullptr ? std::clamp(std::atoi(ppr->attr("lvl").c_str()), 0, 8) : 0;
    const bool item = !note && is_bulleted(ppr, bulleted);
    append_block(doc, item ? BlockKind::list_item : BlockKind::paragraph, paragraph_text(*p),
                 item ? level + 1 : 0, slide, note);
  }
}

void append_title(Document& doc, const XmlNode& sp, int slide) {
  std::string title;
  if (const XmlNode* body = sp.child("txBody")) {
    for (const XmlNode* p : body->children_named("p")) title += paragraph_text(*p) + " ";
  }
  append_block(doc, BlockKind::slide_title, title, 1, slide);
}

void append_table(Document& doc, const XmlNode& frame, int slide) {
  const XmlNode* table = frame.find("tbl");
  for (const XmlNode* row : table->children_named("tr")) {
    std::vector<std::string> cells;
    for (const XmlNode* cell : row->children_named("tc")) {
      std::string text;
      if (const XmlNode* body = cell->child("txBody")) {
        for (const XmlNode* p : body->children_named("p")) text += paragraph_text(*p) + " ";
      }
      cells.push_back(std::move(text));
    }
    append_table_row(doc, cells, slide);
  }
}

void append_slide(Document& doc, const XmlNode& root, int slide) {
  const XmlNode* tree = root.find("spTree");
  if (tree == nullptr) return;
  std::vector<Shape> shapes;
  collect_shapes(*tree, shapes);
  order_shapes(shapes);
  for (const Shape& shape : shapes) {
    switch (shape.role) {
      case ShapeRole::title:
        append_title(doc, *shape.node, slide);
        break;
      case ShapeRole::body:
        append_text_body(doc, *shape.node, true, slide, false);
        break;
      case ShapeRole::text:
        append_text_body(doc, *shape.node, false, slide, false);
        break;
      case ShapeRole::table:
        append_table(doc, *shape.node, slide);
        break;
      case ShapeRole::skip:
        break;
    }
  }
}

// Speaker notes are the body placeholder of the notes slide, or text boxes some producers put
// there instead; the slide image, header and page number are skipped as on slides.
void append_notes(Document& doc, const XmlNode& root, int slide) {
  const XmlNode* tree = root.find("spTree");
  if (tree == nullptr) return;
  std::vector<Shape> shapes;
  collect_shapes(*tree, shapes);
  for (const Shape& shape : shapes) {
    if (shape.role == ShapeRole::body || shape.role == ShapeRole::text) {
      append_text_body(doc, *shape.node, false, slide, true);
    }
  }
}

// Slide parts in presentation order.
std::vector<std::string> slide_order(ZipReader& zip, const std::string& main_part) {
  auto parts = zip.read(
      [&](const std::string& n) { return n == main_part || n == rels_part_of(main_part); });
  if (!parts.count(main_part)) throw IngestError("PPTX without " + main_part);
  if (!parts.count(rels_part_of(main_part)))
    throw IngestError("PPTX without " + rels_part_of(main_part));
  const auto rels = parse_relationships(parts[rels_part_of(main_part)], main_part);
  const XmlNode presentation = parse_xml(parts[main_part], main_part);
  std::vector<std::string> slides;
  const XmlNode* list = presentation.child("sldIdLst");
  if (list == nullptr) return slides;
  for (const XmlNode* id : list->children_named("sldId")) {
    auto rel = rels.find(id->attr("r:id"));
    if (rel == rels.end() || rel->second.external) continue;
    if (slides.size() >= kMaxSlides)
      throw IngestError("more than " + std::to_string(kMaxSlides) + " slides");
    slides.push_back(rel->second.target);
  }
  return slides;
}

// Notes part of each slide (empty when the slide has none), from the slides' rels.
std::vector<std::string> notes_parts(const std::vector<std::string>& slides,
                                     std::map<std::string, std::string>& parts) {
  std::vector<std::string> notes;
  for (const std::string& slide : slides) {
    std::string target;
    auto rels_xml = parts.find(rels_part_of(slide));
    if (rels_xml != parts.end()) {
      for (const auto& [id, rel] : parse_relationships(rels_xml->second, slide)) {
        if (!rel.external && is_relationship_type(rel, "notesSlide")) target = rel.target;
      }
    }
    notes.push_back(target);
  }
  return notes;
}

}  // namespace

Document extract_pptx(ZipReader& zip, const std::string& main_part) {
  Document doc;
  doc.info.format = "pptx";
  const std::vector<std::string> slides = slide_order(zip, main_part);
  std::set<std::string> wanted(slides.begin(), slides.end());
  for (const std::string& slide : slides) wanted.insert(rels_part_of(slide));
  wanted.insert("docProps/core.xml");
  auto parts = zip.read([&](const std::string& n) { return wanted.count(n) > 0; });
  const std::vector<std::string> notes = notes_parts(slides, parts);
  auto notes_xml = zip.read([&](const std::string& n) {
    return std::find(notes.begin(), notes.end(), n) != notes.end();
  });

  if (parts.count("docProps/core.xml")) read_core_properties(parts["docProps/core.xml"], doc.info);
  for (std::size_t i = 0; i < slides.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    auto slide = parts.find(slides[i]);
    if (slide == parts.end()) throw IngestError("PPTX slide " + slides[i] + " is missing");
    const XmlNode root = parse_xml(slide->second, slides[i]);
    // A hidden slide (show="0") is not part of the presentation as given: not indexed. The
    // numbers of the others stay those of the deck, as PowerPoint shows them.
    if (root.attr("show") == "0") continue;
    append_slide(doc, root, number);
    auto note = notes_xml.find(notes[i]);
    if (note != notes_xml.end()) append_notes(doc, parse_xml(note->second, notes[i]), number);
  }
  doc.info.slides = static_cast<int>(slides.size());
  return doc;
}

Document PptxExtractor::extract(std::string_view bytes, const std::string&,
                                const ExtractOptions&) const {
  ZipReader zip(bytes);
  return extract_pptx(zip);
}

}  // namespace klausul
