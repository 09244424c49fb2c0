// A source file's bytes and the content id they give the document. Apart from ingest_file.h
// (which includes this header), so that the index side — the importer decides unchanged,
// renamed and duplicate files by content — does not link the parsers.
#pragma once

#include <cstdint>
#include <string>

namespace klausul {

/// The bytes of a source file. Throws IngestError when it cannot be read or is larger than
/// `max_bytes` (checked before reading, so a huge file never reaches memory).
std::string read_source_file(const std::string& path, std::int64_t max_bytes);

/// Stable content id of a file's bytes: 16 hex digits of XXH3-128.
std::string content_id(const std::string& bytes);

}  // namespace klausul
