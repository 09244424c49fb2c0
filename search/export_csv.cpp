// CSV: RFC 4180 (CRLF, quotes doubled), UTF-8 with BOM, the columns of export_columns.h.
#include "search/export_columns.h"
#include "search/export_writers.h"

namespace klausul {
namespace {

// A text a spreadsheet would run as a formula gets a leading ' (see looks_like_formula).
std::string csv_field(const std::string& value, char delimiter) {
  std::string text = looks_like_formula(value) ? "'" + value : value;
  if (text.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

class CsvWriter : public ExportWriter {
 public:
  CsvWriter(std::ostream& out, char delimiter) : out_(out), delimiter_(delimiter) {}

  void begin(const ExportContext& context) override {
    kind_ = context.kind;
    context_ = context;
    context_.query_clause = nullptr;
    out_ << "\xEF\xBB\xBF";  // BOM: Excel reads the file as UTF-8 only with it
    bool first = true;
    for (const Column& column : export_columns(kind_)) {
      out_ << (first ? "" : std::string(1, delimiter_)) << column.name;
      first = false;
    }
    out_ << "\r\n";
    // The similar sheet starts with the clause compared with; other kinds keep it in the header.
    if (context.query_clause && kind_ == ExportKind::similar) {
      put(hit_cells(*context.query_clause, kind_, "query"));
    }
  }
  void hit(const Hit& hit) override { put(hit_cells(hit, kind_, row_role(context_, hit))); }
  void pair(const AlignedPair& pair) override { put(pair_cells(pair)); }
  void region(const CoverageLine& line) override { put(coverage_cells(line)); }
  void end() override { out_.flush(); }

 private:
  void put(const std::vector<Cell>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out_ << delimiter_;
      out_ << csv_field(cells[i].text, delimiter_);
    }
    out_ << "\r\n";
  }
  std::ostream& out_;
  char delimiter_;
  ExportKind kind_ = ExportKind::search;
  ExportContext context_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_csv_writer(std::ostream& out, char delimiter) {
  return std::make_unique<CsvWriter>(out, delimiter);
}

}  // namespace klausul
