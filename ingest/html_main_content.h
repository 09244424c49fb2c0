// Finds the part of a web page that is the document: not the navigation, menus, cookie
// banners, headers and footers around it.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <unordered_map>

namespace klausul {

/// Decides, for one parsed page, which element holds the main content and which elements are
/// page chrome to leave out.
class MainContent {
 public:
  explicit MainContent(xmlNode* root);

  /// The element to extract from: the first <main> or role="main", else the <article> with
  /// the most text, else the element with the most paragraph text directly in it (climbing to
  /// its parent while the parent adds only headings and chrome, so an <h1> just outside the
  /// paragraphs' container comes along).
  xmlNode* root() const { return main_; }

  /// True for chrome: script/style/template/svg/iframe/noscript always; nav, header, footer,
  /// aside, form, and elements whose id, class or role says nav, menu, cookie, banner,
  /// breadcrumb, footer, sidebar or share, unless they hold at least half of the page's text
  /// (ASP.NET pages wrap the whole body in one <form>; "has-sidebar" may sit on the wrapper).
  bool is_noise(const xmlNode* node) const;

 private:
  std::size_t text_length(const xmlNode* node) const;
  xmlNode* choose_root(xmlNode* body) const;
  bool only_headings_beside(const xmlNode* child) const;

  std::unordered_map<const xmlNode*, std::size_t> text_;  // all text below an element
  std::size_t page_text_ = 0;
  xmlNode* main_ = nullptr;
};

}  // namespace klausul
