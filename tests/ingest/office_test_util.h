// Helpers for the ZIP/XML office format tests: fixtures, in-memory ZIPs, clause lookup,
// slide titles (and, through document_test_util.h, block lookup and dumps).
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "ingest/document.h"
#include "tests/ingest/document_test_util.h"

namespace klausul::testing {

inline std::string read_fixture(const std::string& relative) {
  return read_repo_file("tests/fixtures/" + relative);
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

inline const Clause* find_clause(const std::vector<Clause>& clauses, const std::string& needle) {
  for (const Clause& c : clauses) {
    if (c.text.find(needle) != std::string::npos) return &c;
  }
  return nullptr;
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
