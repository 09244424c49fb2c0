// Helpers for the extractor tests: files of the source tree, block lookup, a readable dump.
#pragma once

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "ingest/document.h"

namespace klausul::testing {

/// A file of the source tree (e.g. "tests/fixtures/x.pdf", "corpus/y.txt"), as bytes.
inline std::string read_repo_file(const std::string& relative) {
  std::ifstream in(std::string(KLAUSUL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("missing file " + relative + " (run tools/make-fixtures)");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The first block whose text contains needle, or nullptr.
inline const Block* find_block(const Document& doc, const std::string& needle) {
  for (const Block& b : doc.blocks) {
    if (b.text.find(needle) != std::string::npos) return &b;
  }
  return nullptr;
}

/// One line per block with kind, level, page, slide and note flag (for failure messages).
inline std::string dump(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    // Appended piecewise: GCC 12 warns (-Wrestrict, a false positive) on one long "a" + s chain.
    out += '[';
    out += block_kind_name(b.kind);
    out += " L";
    out += std::to_string(b.level);
    out += " p";
    out += std::to_string(b.page);
    out += " s";
    out += std::to_string(b.slide);
    out += b.note ? " note] " : "] ";
    out += b.text;
    out += '\n';
  }
  return out;
}

}  // namespace klausul::testing
