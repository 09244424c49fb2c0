#include "ingest/extract_text.h"

#include <cctype>
#include <string>
#include <vector>

#include "ingest/decode_text.h"
#include "ingest/heading_guess.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

struct Line {
  std::string text;  // without trailing spaces
  int indent = 0;
  int page = 1;
};

bool is_blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\f\v") == std::string::npos;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Markdown emphasis markers are layout, not text.
std::string strip_emphasis(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != '*') out += c;
  }
  return out;
}

// "- text", "* text", "• text", "▪ text", "– text", "1. text", "a) text": the item text, or
// empty when the line is not a list item.
std::string list_item_text(std::string_view line) {
  size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) return "";
  line.remove_prefix(i);
  for (std::string_view bullet : {"- ", "* ", "• ", "▪ ", "– ", "· ", "o "}) {
    if (starts_with(line, bullet) && !starts_with(line, "**")) {
      return std::string(line.substr(bullet.size()));
    }
  }
  size_t digits = 0;
  while (digits < line.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(line[digits]))) {
    ++digits;
  }
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      line[digits + 1] == ' ') {
    return std::string(line.substr(digits + 2));
  }
  return "";
}

// "## Title" -> level 2; 0 when not a Markdown heading.
int markdown_heading_level(std::string_view line) {
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
  if (level == 0 || level > 6 || level >= static_cast<int>(line.size()) || line[level] != ' ') {
    return 0;
  }
  return level;
}

std::vector<Line> split_lines(const std::string& text) {
  std::vector<Line> lines;
  int page = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string raw = text.substr(start, end - start);
    // A form feed is a page break (pdftotext output, printed reports).
    for (size_t ff; (ff = raw.find('\f')) != std::string::npos;) {
      raw.erase(ff, 1);
      ++page;
    }
    while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back()))) raw.pop_back();
    Line line{raw, static_cast<int>(raw.find_first_not_of(" \t")), page};
    if (line.indent < 0) line.indent = 0;
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

class BlockBuilder {
 public:
  void add_line(const Line& line) {
    std::string bare = line.text.substr(static_cast<size_t>(line.indent));
    if (int level = markdown_heading_level(bare)) {
      flush();
      push(BlockKind::heading, bare.substr(static_cast<size_t>(level) + 1), level, line.page);
      return;
    }
    std::string item = list_item_text(line.text);
    if (!item.empty()) {
      flush();
      current_ = Block{BlockKind::list_item, item, line.indent >= 2 ? 2 : 1, line.page, 0};
      open_ = true;
      lines_in_current_ = 1;
      return;
    }
    bool bold_line = starts_with(bare, "**") && bare.size() > 4 && bare.ends_with("**") &&
                     bare.find("**", 2) == bare.size() - 2;
    if (bold_line && !starts_with(bare, "**att**")) {
      flush();
      push(BlockKind::heading, bare, 3, line.page);
      return;
    }
    if (!open_) {
      current_ = Block{BlockKind::paragraph, bare, 0, line.page, 0};
      open_ = true;
      lines_in_current_ = 1;
      return;
    }
    current_.text += ' ';
    current_.text += bare;
    ++lines_in_current_;
  }

  void end_paragraph() { flush(); }

  std::vector<Block> take() {
    flush();
    return std::move(blocks_);
  }

 private:
  void push(BlockKind kind, const std::string& text, int level, int page) {
    std::string clean = collapse_whitespace(to_nfc(strip_emphasis(text)));
    if (clean.empty()) return;
    blocks_.push_back(Block{kind, clean, level, page, 0});
  }

  void flush() {
    if (!open_) return;
    open_ = false;
    BlockKind kind = current_.kind;
    std::string clean = collapse_whitespace(to_nfc(strip_emphasis(current_.text)));
    if (kind == BlockKind::paragraph && lines_in_current_ == 1 && looks_like_heading(clean)) {
      kind = BlockKind::heading;
      current_.level = 2;
    }
    if (clean.empty()) return;
    blocks_.push_back(Block{kind, clean, current_.level, current_.page, 0});
  }

  std::vector<Block> blocks_;
  Block current_;
  bool open_ = false;
  int lines_in_current_ = 0;
};

}  // namespace

Document TextExtractor::extract(std::string_view bytes, const std::string& /*name*/,
                                const ExtractOptions& options) const {
  DecodedText decoded = decode_text(bytes, options.charset_hint);
  std::vector<Line> lines = split_lines(decoded.utf8);

  Document doc;
  doc.info.format = "text";
  BlockBuilder builder;
  int last_page = 1;
  for (const Line& line : lines) {
    if (line.page != last_page) builder.end_paragraph();  // a page break ends a paragraph
    last_page = line.page;
    if (is_blank(line.text)) {
      builder.end_paragraph();
    } else {
      builder.add_line(line);
    }
  }
  doc.blocks = builder.take();
  doc.info.pages = last_page > 1 ? last_page : 0;
  if (doc.info.pages == 0) {
    for (Block& block : doc.blocks) block.page = 0;
  }
  return doc;
}

}  // namespace klausul
