// Format detection by content: magic bytes and a look at the first kilobytes, never the name.
#pragma once

#include <string>
#include <string_view>

#include "ingest/document.h"

namespace klausul {

/// Detects the format of a file from its first bytes. Text is anything without NUL bytes
/// in the sniffed prefix (or with a UTF-16 BOM); HTML is text that starts (after a BOM and
/// whitespace) with "<!doctype html", "<html" or contains "<html" / "<body" near the start.
Format detect_format(std::string_view bytes);

/// A short printable description of the first bytes, for error messages: "starts with 'PK'".
std::string describe_start(std::string_view bytes);

}  // namespace klausul
