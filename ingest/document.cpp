#include "ingest/document.h"

namespace klausul {

std::string format_name(Format format) {
  switch (format) {
    case Format::text: return "text";
    case Format::pdf: return "pdf";
    case Format::zip: return "zip";
    case Format::html: return "html";
    case Format::ole2: return "ole2";
    case Format::empty: return "empty";
    case Format::unknown: break;
  }
  return "unknown";
}

std::string block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list_item";
    case BlockKind::table_cell: return "table_cell";
    case BlockKind::slide_title: return "slide_title";
    case BlockKind::att_decision: return "att";
  }
  return "paragraph";
}

std::string section_label(const std::vector<std::string>& section) {
  std::string label;
  for (const auto& part : section) {
    if (!label.empty()) label += " > ";
    label += part;
  }
  return label;
}

}  // namespace klausul
