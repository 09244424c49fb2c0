// GET /source/DOCUMENT_ID: the source file of an indexed document, so "Öppna källan" opens it
// at the clause's page (PDF: #page=N, which the browser's viewer honours). Only files that are
// in the index are served, found by document id (never by a path from the request), read-only;
// HTML and text are sent as plain text so nothing from a document runs on the page's origin.
#pragma once

#include <string>

#include "tools/klausul/web/index_pool.h"

namespace klausul::web {

struct SourceFile {
  std::string body;
  std::string content_type;
  std::string filename;     // ASCII, for Content-Disposition
  bool attachment = false;  // office files are downloaded, not shown
};

/// The file of the document `document_id`. 404 when no indexed document has that id or its
/// file is gone; 413 when it is larger than kMaxSourceBytes.
SourceFile read_source(IndexPool& pool, const std::string& document_id);

inline constexpr size_t kMaxSourceBytes = 200u * 1024 * 1024;

}  // namespace klausul::web
