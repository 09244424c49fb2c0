#include "ingest/segment.h"

#include <string>

#include "ingest/sentences.h"

namespace klausul {
namespace {

// Paragraphs longer than this are cut at sentence boundaries: a clause should be one
// commitment a reader can compare, not a page.
constexpr size_t kMaxClauseChars = 200;

bool is_page_number(const std::string& text) {
  if (text.empty() || text.size() > 12) return false;
  for (char c : text) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '(' || c == ')' ||
          c == '/' || c == '-')) {
      return false;
    }
  }
  return true;
}

bool starts_with_att(const std::string& text) {
  return text.rfind("att ", 0) == 0 || text.rfind("Att ", 0) == 0;
}

class Segmenter {
 public:
  explicit Segmenter(const Document& document) : document_(document) {}

  std::vector<Clause> run() {
    for (const Block& block : document_.blocks) {
      if (is_page_number(block.text)) continue;
      switch (block.kind) {
        case BlockKind::heading:
        case BlockKind::slide_title:
          enter_section(block);
          emit(block, block.text, block.kind);
          lead_in_.clear();
          break;
        case BlockKind::list_item:
          emit(block, block.text, BlockKind::list_item, lead_in_);
          break;
        default:
          paragraph(block);
          break;
      }
    }
    return std::move(clauses_);
  }

 private:
  // Heading levels are absolute (a document may start at level 2): close every open
  // section at the same or a deeper level, then open this one.
  void enter_section(const Block& block) {
    const int level = block.level > 0 ? block.level : 1;
    while (!levels_.empty() && levels_.back() >= level) {
      levels_.pop_back();
      section_.pop_back();
    }
    levels_.push_back(level);
    section_.push_back(block.text);
  }

  void paragraph(const Block& block) {
    // A decision list: "att fastställa ...", "att uppdra åt ...".
    BlockKind kind = starts_with_att(block.text) ? BlockKind::att_decision : block.kind;
    for (const std::string& piece : cut_at_sentences(block.text, kMaxClauseChars)) {
      emit(block, piece, kind);
    }
    // A paragraph ending in ':' introduces the list that follows it.
    lead_in_ = block.text.ends_with(":") ? block.text : std::string();
  }

  void emit(const Block& block, const std::string& text, BlockKind kind,
            const std::string& context = "") {
    Clause clause;
    clause.ordinal = static_cast<int>(clauses_.size()) + 1;
    clause.document_id = document_.info.id;
    clause.id = document_.info.id + ":" + std::to_string(clause.ordinal);
    clause.text = text;
    clause.context = context;
    clause.section = section_;
    if (kind == BlockKind::heading || kind == BlockKind::slide_title) clause.section.pop_back();
    clause.page = block.page;
    clause.slide = block.slide;
    clause.note = block.note;
    clause.ocr = block.ocr;
    clause.kind = kind;
    clauses_.push_back(std::move(clause));
  }

  const Document& document_;
  std::vector<std::string> section_;
  std::vector<int> levels_;  // heading level of each entry of section_
  std::string lead_in_;
  std::vector<Clause> clauses_;
};

}  // namespace

std::vector<Clause> segment(const Document& document) { return Segmenter(document).run(); }

}  // namespace klausul
