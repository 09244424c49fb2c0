#include "ingest/extract_html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ingest/error.h"
#include "ingest/html_charset.h"
#include "ingest/html_dom.h"
#include "ingest/html_main_content.h"
#include "ingest/normalize.h"

namespace klausul {
namespace {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

bool is_heading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

bool is_list(std::string_view tag) { return tag == "ul" || tag == "ol" || tag == "dl"; }

// Elements that end the text before them and start a new block.
bool is_block(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",   "section", "article", "main",   "header", "blockquote", "pre",
      "dd",      "dt",    "li",      "tr",      "table",  "caption", "figcaption", "address",
      "center",  "body",  "details", "summary", "fieldset", "ul",  "ol",         "dl",
      "hr",      "figure", "aside",  "footer",  "nav",    "form"};
  if (is_heading(tag)) return true;
  for (std::string_view b : kBlocks) {
    if (tag == b) return true;
  }
  return false;
}

// The kind and level the text of the innermost open block gets.
struct Context {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;
};

class BlockEmitter {
 public:
  explicit BlockEmitter(const MainContent& main) : main_(main) {}

  bool enter(xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      const std::string_view text = html::content(node);
      text_ += text;
      if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) last_br_ = false;
      return false;
    }
    if (node->type != XML_ELEMENT_NODE || main_.is_noise(node)) return false;
    const std::string_view tag = html::name(node);
    if (tag == "br") {
      if (last_br_) flush();  // <br><br>: the old way of separating paragraphs
      text_ += ' ';
      last_br_ = true;
      return false;
    }
    if ((tag == "td" || tag == "th") && contexts_.back().kind == BlockKind::table_cell &&
        text_.find_first_not_of(" \t\r\n") != std::string::npos) {
      text_ += " | ";
    }
    if (!is_block(tag)) return true;
    flush();
    Context context;
    if (is_heading(tag)) {
      context = {BlockKind::heading, tag[1] - '0'};
    } else if (tag == "li") {
      context = {BlockKind::list_item, std::max(list_depth_, 1)};
    } else if (tag == "tr") {
      context = {BlockKind::table_cell, 0};
    }
    if (is_list(tag)) ++list_depth_;
    contexts_.push_back(context);
    return true;
  }

  void leave(xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE || main_.is_noise(node)) return;
    const std::string_view tag = html::name(node);
    if (!is_block(tag)) return;
    flush();
    if (is_list(tag)) --list_depth_;
    if (contexts_.size() > 1) contexts_.pop_back();
  }

  std::vector<Block> take() {
    flush();
    return std::move(blocks_);
  }

 private:
  void flush() {
    last_br_ = false;
    if (text_.empty()) return;
    std::string clean = collapse_whitespace(to_nfc(text_));
    text_.clear();
    if (clean.empty() || clean == "|") return;
    Block block;
    block.kind = contexts_.back().kind;
    block.level = contexts_.back().level;
    block.text = std::move(clean);
    blocks_.push_back(std::move(block));
  }

  const MainContent& main_;
  std::vector<Context> contexts_{Context{}};
  std::vector<Block> blocks_;
  std::string text_;
  int list_depth_ = 0;
  bool last_br_ = false;
};

// All text below `node` (for <title> and <h1>), without recursion.
std::string text_of(xmlNode* node) {
  std::string text;
  html::walk(
      node,
      [&](xmlNode* n, int) {
        if (n->type == XML_TEXT_NODE) text += html::content(n);
        return n->type == XML_ELEMENT_NODE;
      },
      [](xmlNode*) {});
  return collapse_whitespace(to_nfc(text));
}

std::string page_title(xmlNode* root) {
  xmlNode* title = nullptr;
  xmlNode* h1 = nullptr;
  html::walk(
      root,
      [&](xmlNode* n, int) {
        if (html::name(n) == "title" && title == nullptr) title = n;
        if (html::name(n) == "h1" && h1 == nullptr) h1 = n;
        return n->type == XML_ELEMENT_NODE && title == nullptr;
      },
      [](xmlNode*) {});
  std::string text = title != nullptr ? text_of(title) : "";
  if (text.empty() && h1 != nullptr) text = text_of(h1);
  return text;
}

}  // namespace

Document HtmlExtractor::extract(std::string_view bytes, const std::string& name,
                                const ExtractOptions& options) const {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  const DecodedText decoded = decode_html(bytes, options.charset_hint);
  if (decoded.utf8.size() > static_cast<size_t>(INT_MAX)) throw IngestError("HTML too large");
  // The page's own <meta charset> was honoured while decoding; the parser gets UTF-8 and is
  // told to ignore the declaration. No network, no entity loading (HTML has no DTD loading).
  const int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                    HTML_PARSE_IGNORE_ENC;
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(decoded.utf8.data(),
                                                      static_cast<int>(decoded.utf8.size()),
                                                      name.c_str(), "UTF-8", flags));
  if (!doc) throw IngestError("damaged HTML (libxml2 could not read it)");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  Document out;
  out.info.format = "html";
  if (root == nullptr) return out;

  MainContent main(root);
  BlockEmitter emitter(main);
  html::walk(
      main.root(), [&](xmlNode* node, int) { return emitter.enter(node); },
      [&](xmlNode* node) { emitter.leave(node); });
  out.blocks = emitter.take();
  out.info.title = page_title(root);
  return out;
}

}  // namespace klausul
