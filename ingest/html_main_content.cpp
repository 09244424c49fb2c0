#include "ingest/html_main_content.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "ingest/html_dom.h"

namespace klausul {
namespace {

bool is_code(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "template" || tag == "svg" ||
         tag == "iframe" || tag == "noscript" || tag == "object" || tag == "canvas";
}

bool is_chrome_tag(std::string_view tag) {
  return tag == "nav" || tag == "header" || tag == "footer" || tag == "aside" || tag == "form" ||
         tag == "select" || tag == "button" || tag == "menu" || tag == "dialog";
}

bool names_chrome(std::string value) {
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : {"nav", "menu", "cookie", "banner", "breadcrumb", "footer", "sidebar",
                           "share", "skip-link", "skiplink"}) {
    if (value.find(word) != std::string::npos) return true;
  }
  return false;
}

bool is_main_marker(const xmlNode* node) {
  return html::name(node) == "main" || html::attribute(node, "role") == "main";
}

size_t visible_length(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !std::isspace(static_cast<unsigned char>(c));
  }));
}

xmlNode* find_body(xmlNode* root) {
  for (xmlNode* n = root; n != nullptr; n = n->next) {
    if (html::name(n) == "body") return n;
    if (html::name(n) == "html") {
      if (xmlNode* body = find_body(n->children)) return body;  // one level: html > body
    }
  }
  return root;
}

}  // namespace

MainContent::MainContent(xmlNode* root) {
  // Text below every element (script and style excluded), non-recursively.
  std::vector<size_t> sums{0};
  html::walk(
      root,
      [&](xmlNode* node, int) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
          sums.back() += visible_length(html::content(node));
          return false;
        }
        if (node->type != XML_ELEMENT_NODE || is_code(html::name(node))) return false;
        sums.push_back(0);
        return true;
      },
      [&](xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE || is_code(html::name(node))) return;
        const size_t total = sums.back();
        sums.pop_back();
        sums.back() += total;
        text_[node] = total;
      });
  xmlNode* body = find_body(root);
  page_text_ = text_length(body);
  main_ = choose_root(body);
}

size_t MainContent::text_length(const xmlNode* node) const {
  auto it = text_.find(node);
  return it == text_.end() ? 0 : it->second;
}

bool MainContent::is_noise(const xmlNode* node) const {
  if (node->type != XML_ELEMENT_NODE) return false;
  const std::string_view tag = html::name(node);
  if (is_code(tag)) return true;
  if (tag == "body" || tag == "html" || tag == "main" || tag == "article" || is_main_marker(node)) {
    return false;
  }
  const bool chrome = is_chrome_tag(tag) || names_chrome(html::attribute(node, "id")) ||
                      names_chrome(html::attribute(node, "class")) ||
                      names_chrome(html::attribute(node, "role"));
  return chrome && text_length(node) * 2 < std::max<size_t>(page_text_, 1);
}

bool MainContent::only_headings_beside(const xmlNode* child) const {
  for (const xmlNode* c = child->parent->children; c != nullptr; c = c->next) {
    if (c == child) continue;
    if (c->type == XML_TEXT_NODE && visible_length(html::content(c)) > 0) return false;
    if (c->type != XML_ELEMENT_NODE || is_noise(c)) continue;
    const std::string_view tag = html::name(c);
    const bool heading = tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
    if (!heading && tag != "hgroup" && text_length(c) > 0) return false;
  }
  return true;
}

xmlNode* MainContent::choose_root(xmlNode* body) const {
  xmlNode* marked = nullptr;
  xmlNode* article = nullptr;
  xmlNode* densest = nullptr;
  size_t densest_score = 0;
  html::walk(
      body,
      [&](xmlNode* node, int) {
        if (node->type != XML_ELEMENT_NODE || is_noise(node)) return false;
        if (marked == nullptr && is_main_marker(node)) marked = node;
        if (html::name(node) == "article" && text_length(node) > text_length(article)) {
          article = node;
        }
        // Paragraph text directly in this element: its <p> children and its own text.
        size_t score = 0;
        for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
          if (c->type == XML_TEXT_NODE) score += visible_length(html::content(c));
          if (html::name(c) == "p") score += text_length(c);
        }
        if (score > densest_score) {
          densest_score = score;
          densest = node;
        }
        return true;
      },
      [](xmlNode*) {});
  if (marked != nullptr) return marked;
  if (article != nullptr) return article;
  if (densest == nullptr) return body;
  // Climb while what the parent adds beside the element is headings or chrome: the page's
  // <h1> often sits just outside the paragraphs' container, the search box never does.
  while (densest->parent != nullptr && densest->parent != body &&
         densest->parent->type == XML_ELEMENT_NODE && only_headings_beside(densest)) {
    densest = densest->parent;
  }
  return densest;
}

}  // namespace klausul
