// A minimal PDF writer: numbered objects in, a file with a correct cross-reference table out.
// For the PDFs klausul builds itself (warming Poppler up) and for tests that need a PDF of an
// exact shape (a title in some encoding, a hostile drawing).
#pragma once

#include <string>
#include <vector>

namespace klausul {

/// A PDF 1.4 file of `objects`, where objects[i] is object i + 1 (its body, without
/// "N 0 obj"); object 1 must be the catalog. `trailer_entries` go into the trailer dictionary
/// after /Size and /Root (e.g. "/Info 6 0 R").
std::string write_pdf(const std::vector<std::string>& objects,
                      const std::string& trailer_entries = "");

/// A stream object's body: `dictionary` entries (may be empty) with /Length, then `data`.
std::string pdf_stream(const std::string& dictionary, const std::string& data);

}  // namespace klausul
