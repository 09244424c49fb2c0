// XLSX export (libxlsxwriter). The workbook is written by the library itself, so it takes a
// file path rather than a stream; give it a temporary path and rename on success.
#pragma once

#include <memory>
#include <string>

#include "search/export.h"

namespace klausul {

/// A writer of an XLSX workbook at `path`: the sheet "Klausuler" (or "Jämförelse") with the
/// columns of export_columns.h, header frozen and filtered, and the sheet "Om exporten".
/// Rows go to disk as they come (libxlsxwriter's constant_memory mode). The file is complete
/// only after end(). Throws UsageError when the file cannot be created or written.
std::unique_ptr<ExportWriter> make_xlsx_writer(const std::string& path);

}  // namespace klausul
