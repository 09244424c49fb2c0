// Small helpers over libxml2's HTML tree: a depth-bounded, non-recursive walk and attribute
// access. Shared by main-content selection and HTML block extraction.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace klausul::html {

/// Elements nested deeper than this are not entered: real pages stay far below it, and a
/// hostile page with 100,000 nested <div>s must cost neither stack nor time.
constexpr int kMaxDepth = 512;

/// Lowercase element name ("" for non-elements); libxml2's HTML parser lowercases tags.
inline std::string_view name(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return "";
  return reinterpret_cast<const char*>(node->name);
}

/// The value of attribute `attr` (no namespace), "" when absent.
inline std::string attribute(const xmlNode* node, std::string_view attr) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || reinterpret_cast<const char*>(a->name) != attr) continue;
    std::string value;
    for (const xmlNode* t = a->children; t != nullptr; t = t->next) {
      if (t->content != nullptr) value += reinterpret_cast<const char*>(t->content);
    }
    return value;
  }
  return "";
}

inline std::string_view content(const xmlNode* node) {
  return node->content == nullptr ? std::string_view()
                                  : std::string_view(reinterpret_cast<const char*>(node->content));
}

/// Visits `root` and its descendants in document order without recursion. `enter(node,
/// depth)` returns whether to descend into the node's children; `leave(node)` is called for
/// every entered node after its children (or right away when not descended).
template <class Enter, class Leave>
void walk(xmlNode* root, Enter&& enter, Leave&& leave) {
  xmlNode* node = root;
  int depth = 0;
  while (node != nullptr) {
    const bool descend = enter(node, depth) && node->children != nullptr && depth < kMaxDepth;
    if (descend) {
      node = node->children;
      ++depth;
      continue;
    }
    leave(node);
    while (node != root && node->next == nullptr) {
      node = node->parent;
      --depth;
      leave(node);
    }
    if (node == root) break;
    node = node->next;
  }
}

}  // namespace klausul::html
