// The web page's files (tools/klausul/web/assets/), compiled into the binary with the
// assembler's .incbin, so `klausul serve` works from any directory and never reads a file
// it serves from disk: the assets below are the only paths outside /api/ and /source/ (the
// source files of indexed documents, web/source_file.h) that exist.
#pragma once

#include <string_view>
#include <vector>

namespace klausul::web {

struct Asset {
  std::string_view path;          // URL path, e.g. "/app.js"
  std::string_view content_type;  // with charset
  std::string_view body;
};

/// Every embedded asset ("/" is the page).
const std::vector<Asset>& assets();

}  // namespace klausul::web
