// Helpers for the ZIP/XML office format tests: fixtures, in-memory ZIPs, block lookup.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "ingest/document.h"

namespace klausul::testing {

inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(std::string(KLAUSUL_SOURCE_DIR) + "/tests/fixtures/" + relative,
                   std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + relative + " (run tools/make-fixtures)");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// A deflated ZIP in memory holding the given (name, content) entries, written by libarchive.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::vector<char> buffer(64 << 20);
  size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open_memory(a, buffer.data(), buffer.size(), &used);
  for (const auto& [name, content] : entries) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_write_header(a, e);
    archive_write_data(a, content.data(), content.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buffer.data(), used);
}

/// The first block whose text contains needle (optionally only notes / only non-notes).
inline const Block* find_block(const Document& doc, const std::string& needle) {
  for (const Block& b : doc.blocks) {
    if (b.text.find(needle) != std::string::npos) return &b;
  }
  return nullptr;
}

inline const Clause* find_clause(const std::vector<Clause>& clauses, const std::string& needle) {
  for (const Clause& c : clauses) {
    if (c.text.find(needle) != std::string::npos) return &c;
  }
  return nullptr;
}

inline std::string dump(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    // Appended piecewise: GCC 12 warns (-Wrestrict, a false positive) on one long "a" + s chain.
    out += '[';
    out += block_kind_name(b.kind);
    out += " L";
    out += std::to_string(b.level);
    out += " s";
    out += std::to_string(b.slide);
    out += b.note ? " note] " : "] ";
    out += b.text;
    out += '\n';
  }
  return out;
}

/// Titles of the slide_title blocks by slide number (index 0 = slide 1).
inline std::vector<std::string> slide_titles(const Document& doc) {
  std::vector<std::string> titles;
  for (const Block& b : doc.blocks) {
    if (b.kind != BlockKind::slide_title) continue;
    if (static_cast<int>(titles.size()) < b.slide) titles.resize(static_cast<size_t>(b.slide));
    titles[static_cast<size_t>(b.slide) - 1] = b.text;
  }
  return titles;
}

}  // namespace klausul::testing
