#include <string>
#include <string_view>
#include <vector>

#include "ingest/extract_pdf.h"
#include "ingest/heading_guess.h"
#include "ingest/normalize.h"
#include "ingest/ocr.h"

namespace klausul {
namespace {

// How Tesseract reads the usual bullet glyphs ("•" often comes back as "«" or "e").
constexpr std::string_view kStrongBullets[] = {"• ", "« ", "» ", "· ", "* ", "▪ ", "■ "};
// A dash, "o" or "e" opens an item only where a list is expected: after a line ending in ':'
// or inside a list; elsewhere "– i samverkan med ..." is a sentence going on.
constexpr std::string_view kWeakBullets[] = {"- ", "– ", "— ", "o ", "e "};

std::string trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\f");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\f");
  return std::string(s.substr(b, e - b + 1));
}

// The item text when the line opens with a bullet, else empty.
std::string strip_bullet(const std::string& line, bool list_expected) {
  auto after = [&](std::string_view bullet) -> std::string {
    if (!line.starts_with(bullet) || line.size() <= bullet.size()) return "";
    return trim(std::string_view(line).substr(bullet.size()));
  };
  for (std::string_view bullet : kStrongBullets) {
    if (std::string item = after(bullet); !item.empty()) return item;
  }
  if (!list_expected) return "";
  for (std::string_view bullet : kWeakBullets) {
    if (std::string item = after(bullet); !item.empty()) return item;
  }
  return "";
}

class OcrBlockBuilder {
 public:
  explicit OcrBlockBuilder(int page) : page_(page) {}

  void add_line(const std::string& line) {
    const bool after_item =
        lines_.empty() && !blocks_.empty() && blocks_.back().kind == BlockKind::list_item;
    const bool list_expected =
        kind_ == BlockKind::list_item || after_item || previous_.ends_with(":");
    previous_ = line;
    std::string item = strip_bullet(line, list_expected);
    if (!item.empty()) {
      flush();
      kind_ = BlockKind::list_item;
      lines_.push_back(item);
      return;
    }
    lines_.push_back(line);
  }

  void flush() {
    std::string text = collapse_whitespace(to_nfc(join_pdf_lines(lines_)));
    if (!text.empty()) {
      Block block;
      block.kind = kind_;
      block.level = kind_ == BlockKind::list_item ? 1 : 0;
      // A scan has no font sizes: a lone short title line is the best sign of a heading.
      if (kind_ == BlockKind::paragraph && lines_.size() == 1 && looks_like_heading(text)) {
        block.kind = BlockKind::heading;
        block.level = 2;
      }
      block.text = std::move(text);
      block.page = page_;
      block.ocr = true;
      blocks_.push_back(std::move(block));
    }
    lines_.clear();
    kind_ = BlockKind::paragraph;
  }

  std::vector<Block> take() {
    flush();
    return std::move(blocks_);
  }

 private:
  int page_;
  BlockKind kind_ = BlockKind::paragraph;
  std::vector<std::string> lines_;
  std::string previous_;  // the last line read, across paragraph breaks
  std::vector<Block> blocks_;
};

}  // namespace

std::vector<Block> ocr_text_blocks(const std::string& text, int page) {
  OcrBlockBuilder builder(page);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = trim(std::string_view(text).substr(start, end - start));
    if (line.empty()) {
      builder.flush();
    } else {
      builder.add_line(line);
    }
    start = end + 1;
  }
  return builder.take();
}

}  // namespace klausul
