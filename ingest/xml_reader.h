// Safe XML parsing for the office formats: libxml2's reader with no network, no entity
// expansion, no DTD loading and a nesting limit, into a small tree the extractors walk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace klausul {

/// An element or a text node. Elements are matched by LOCAL name ("t" for <a:t>): OOXML and ODF
/// producers use fixed prefixes in practice, but the local names never collide within the
/// parts we read, and matching by them also copes with a producer choosing other prefixes.
struct XmlNode {
  std::string name;                                             // local name; empty for a text node
  std::string text;                                             // text nodes only (CDATA included)
  std::vector<std::pair<std::string, std::string>> attributes;  // qualified name -> value
  std::vector<XmlNode> children;                                // elements and text, in order

  bool is_text() const { return name.empty(); }
  /// Value of an attribute, or "" when absent. "r:id" matches exactly that qualified name, else
  /// any prefixed attribute with local name "id"; "val" matches "val" exactly, else any "x:val".
  const std::string& attr(std::string_view name) const;
  bool has_attr(std::string_view name) const;
  /// First child element with this local name, or nullptr.
  const XmlNode* child(std::string_view local) const;
  /// First descendant element (depth-first, document order) with this local name, or nullptr.
  const XmlNode* find(std::string_view local) const;
  /// All child elements with this local name.
  std::vector<const XmlNode*> children_named(std::string_view local) const;
  /// Concatenated text of all descendant text nodes.
  std::string all_text() const;
};

/// Deepest element nesting accepted. Real documents stay below 30; libxml2's own default
/// limit without XML_PARSE_HUGE is also 256.
constexpr int kMaxXmlDepth = 256;

/// Parses one XML part (`part` names it in error messages). Throws IngestError for malformed
/// XML, a document type declaration (entities are how XXE and billion-laughs attacks work, and
/// OOXML/ODF never need one), or nesting deeper than kMaxXmlDepth. Never prints to stderr.
XmlNode parse_xml(std::string_view xml, const std::string& part);

}  // namespace klausul
