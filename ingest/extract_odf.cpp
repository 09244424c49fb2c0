#include "ingest/extract_odf.h"

#include <algorithm>
#include <vector>

#include "ingest/error.h"
#include "ingest/normalize.h"
#include "ingest/office_common.h"
#include "ingest/xml_reader.h"

namespace klausul {
namespace {

// Generated indexes repeat the headings (table of contents) or list words: not clauses.
bool is_generated_index(const std::string& name) {
  return name == "table-of-content" || name.ends_with("-index");
}

// Inline text of a paragraph or heading; footnote bodies are set aside in `notes`.
void inline_text(const XmlNode& node, std::string& text, std::vector<std::string>& notes) {
  for (const XmlNode& c : node.children) {
    if (c.is_text()) {
      text += c.text;
    } else if (c.name == "s") {
      const int count = c.has_attr("c") ? std::clamp(std::atoi(c.attr("c").c_str()), 1, 100) : 1;
      text.append(static_cast<std::size_t>(count), ' ');
    } else if (c.name == "tab" || c.name == "line-break") {
      text += ' ';
    } else if (c.name == "note") {
      if (const XmlNode* body = c.child("note-body")) {
        std::string note;
        std::vector<std::string> nested;
        for (const XmlNode& p : body->children) {
          if (p.is_text()) continue;
          inline_text(p, note, nested);
          note += ' ';
        }
        notes.push_back(note);
      }
    } else if (c.name != "annotation" && c.name != "frame" && c.name != "note-citation") {
      inline_text(c, text, notes);  // spans, links, fields; paragraphs of a title box
      if (c.name == "p" || c.name == "h") text += ' ';
    }
  }
}

// Walks ODF text flow: the ODT body, an ODP text box, or ODP notes.
class FlowWalker {
 public:
  FlowWalker(Document& doc, int slide, bool note) : doc_(doc), slide_(slide), note_(note) {}

  void flow(const XmlNode& container, int list_depth = 0) {
    for (const XmlNode& c : container.children) {
      if (c.name == "h")
        block(c, BlockKind::heading, list_depth);
      else if (c.name == "p")
        block(c, BlockKind::paragraph, list_depth);
      else if (c.name == "list")
        list(c, list_depth + 1);
      else if (c.name == "table")
        table(c);
      else if (c.name == "section" || c.name == "text-box")
        flow(c, list_depth);
      // tracked changes, generated indexes, declarations: skipped
    }
  }

  void table(const XmlNode& node) {
    for (const XmlNode& c : node.children) {
      if (c.name == "table-header-rows" || c.name == "table-rows" || c.name == "table-row-group") {
        table(c);
      } else if (c.name == "table-row") {
        std::vector<std::string> cells;
        std::vector<std::string> notes;
        for (const XmlNode* cell : c.children_named("table-cell")) {
          std::string text;
          for (const XmlNode& p : cell->children) {
            if (p.is_text() || is_generated_index(p.name)) continue;
            inline_text(p, text, notes);
            text += ' ';
          }
          cells.push_back(std::move(text));
        }
        append_table_row(doc_, cells, slide_);
        append_notes(notes);
      }
    }
  }

 private:
  void list(const XmlNode& node, int depth) {
    for (const XmlNode& item : node.children) {
      if (item.name == "list-item" || item.name == "list-header") flow(item, depth);
    }
  }

  void block(const XmlNode& node, BlockKind kind, int list_depth) {
    std::string text;
    std::vector<std::string> notes;
    inline_text(node, text, notes);
    int level = 0;
    if (kind == BlockKind::heading) {
      level = node.has_attr("outline-level")
                  ? std::clamp(std::atoi(node.attr("outline-level").c_str()), 1, 10)
                  : 1;
    } else if (list_depth > 0 && !note_) {
      kind = BlockKind::list_item;
      level = list_depth;
    }
    append_block(doc_, kind, text, level, slide_, note_);
    append_notes(notes);
  }

  void append_notes(const std::vector<std::string>& notes) {
    for (const std::string& note : notes)
      append_block(doc_, BlockKind::paragraph, note, 0, slide_, true);
  }

  Document& doc_;
  int slide_;
  bool note_;
};

void read_meta(ZipReader& zip, DocumentInfo& info) {
  auto xml = zip.read("meta.xml");
  if (!xml) return;
  const XmlNode root = parse_xml(*xml, "meta.xml");
  const XmlNode* meta = root.child("meta");
  if (meta == nullptr) return;
  if (const XmlNode* title = meta->child("title"))
    info.title = to_nfc(collapse_whitespace(title->all_text()));
  if (const XmlNode* created = meta->child("creation-date"))
    set_document_date(info, created->all_text());
  if (const XmlNode* date = meta->child("date"); date != nullptr && info.date.empty()) {
    set_document_date(info, date->all_text());
  }
}

// office:body's child of the given kind ("text", "presentation").
const XmlNode& body_of(const XmlNode& content, const char* kind) {
  const XmlNode* body = content.child("body");
  const XmlNode* inner = body != nullptr ? body->child(kind) : nullptr;
  if (inner == nullptr) throw IngestError(std::string("ODF content.xml without office:") + kind);
  return *inner;
}

XmlNode read_content(ZipReader& zip) {
  auto xml = zip.read("content.xml");
  if (!xml) throw IngestError("OpenDocument without content.xml");
  return parse_xml(*xml, "content.xml");
}

// ------------------------------------------------------------------------------------- ODP

struct Frame {
  const XmlNode* node = nullptr;
  std::string cls;  // presentation:class
  bool positioned = false;
  double x = 0, y = 0;
};

void collect_frames(const XmlNode& container, std::vector<Frame>& out) {
  for (const XmlNode& c : container.children) {
    if (c.name == "g") {
      collect_frames(c, out);
    } else if (c.name == "frame" || c.name == "custom-shape" || c.name == "rect") {
      Frame frame{&c, c.attr("presentation:class"), c.has_attr("svg:y"),
                  leading_number(c.attr("svg:x")), leading_number(c.attr("svg:y"))};
      if (frame.cls == "page-number" || frame.cls == "footer" || frame.cls == "date-time" ||
          frame.cls == "header") {
        continue;  // chrome repeated on every slide
      }
      out.push_back(frame);
    }
  }
}

// Title first, then top to bottom when every frame has a position (see extract_pptx.cpp).
void order_frames(std::vector<Frame>& frames) {
  const bool all =
      std::all_of(frames.begin(), frames.end(), [](const Frame& f) { return f.positioned; });
  std::stable_sort(frames.begin(), frames.end(), [all](const Frame& a, const Frame& b) {
    const bool ta = a.cls == "title", tb = b.cls == "title";
    if (ta != tb) return ta;
    if (!all || ta) return false;
    return a.y != b.y ? a.y < b.y : a.x < b.x;
  });
}

void append_page(Document& doc, const XmlNode& page, int slide) {
  std::vector<Frame> frames;
  collect_frames(page, frames);
  order_frames(frames);
  FlowWalker walker(doc, slide, false);
  for (const Frame& frame : frames) {
    if (frame.cls == "title") {
      std::string title;
      std::vector<std::string> ignored;
      inline_text(*frame.node, title, ignored);
      append_block(doc, BlockKind::slide_title, title, 1, slide);
    } else if (const XmlNode* table = frame.node->child("table")) {
      walker.table(*table);
    } else {
      walker.flow(*frame.node);
    }
  }
  if (const XmlNode* notes = page.child("notes")) {
    std::vector<Frame> note_frames;
    collect_frames(*notes, note_frames);
    FlowWalker note_walker(doc, slide, true);
    for (const Frame& frame : note_frames) {
      if (frame.cls == "notes" || frame.cls.empty()) note_walker.flow(*frame.node);
    }
  }
}

}  // namespace

Document extract_odt(ZipReader& zip) {
  Document doc;
  doc.info.format = "odt";
  const XmlNode content = read_content(zip);
  read_meta(zip, doc.info);
  FlowWalker(doc, 0, false).flow(body_of(content, "text"));
  return doc;
}

Document extract_odp(ZipReader& zip) {
  Document doc;
  doc.info.format = "odp";
  const XmlNode content = read_content(zip);
  read_meta(zip, doc.info);
  int slide = 0;
  for (const XmlNode* page : body_of(content, "presentation").children_named("page")) {
    append_page(doc, *page, ++slide);
  }
  doc.info.slides = slide;
  return doc;
}

Document OdtExtractor::extract(std::string_view bytes, const std::string&,
                               const ExtractOptions&) const {
  ZipReader zip(bytes);
  return extract_odt(zip);
}

Document OdpExtractor::extract(std::string_view bytes, const std::string&,
                               const ExtractOptions&) const {
  ZipReader zip(bytes);
  return extract_odp(zip);
}

}  // namespace klausul
