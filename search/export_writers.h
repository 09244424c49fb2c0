// The writers behind make_stream_writer, one file per format (export_json.cpp, export_csv.cpp,
// export_markdown.cpp, export_html.cpp). Internal to search/; users go through export.h.
#pragma once

#include <memory>
#include <ostream>

#include "search/export.h"

namespace klausul {

std::unique_ptr<ExportWriter> make_json_writer(std::ostream& out, bool lines);
std::unique_ptr<ExportWriter> make_csv_writer(std::ostream& out, char delimiter);
std::unique_ptr<ExportWriter> make_markdown_writer(std::ostream& out);
std::unique_ptr<ExportWriter> make_html_writer(std::ostream& out);

}  // namespace klausul
