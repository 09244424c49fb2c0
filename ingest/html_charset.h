// The charset an HTML page declares for itself, and decoding a page to UTF-8 with it.
#pragma once

#include <string>
#include <string_view>

#include "ingest/decode_text.h"

namespace klausul {

/// The charset named by the first `<meta charset=...>` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=...">` in the first 4 KiB (the HTML standard's prescan window),
/// lowercased; empty when there is none.
std::string declared_html_charset(std::string_view bytes);

/// Decodes a page: a BOM wins, then `hint` (a manifest's charset), then the page's own
/// declaration, then detection; valid UTF-8 is always read as UTF-8 (decode_text's rules),
/// because pages saved as UTF-8 often keep a stale windows-1252 meta tag. A declared charset
/// iconv does not know falls back to detection.
DecodedText decode_html(std::string_view bytes, const std::string& hint);

}  // namespace klausul
