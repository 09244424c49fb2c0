// XLSX: one row per clause (or compare pair) from the shared column list. Every text cell is
// written with worksheet_write_string, so a clause starting with "=" is text, never a formula.
#include "search/export_xlsx.h"

#include <xlsxwriter.h>

#include <map>
#include <tuple>

#include "ingest/error.h"
#include "search/export_columns.h"
#include "search/export_report.h"
#include "search/pair_change.h"

namespace klausul {
namespace {

// Excel's limit for one cell, in bytes as libxlsxwriter counts; longer text is cut at a
// character boundary rather than failing the whole export.
std::string fit_cell(const std::string& text) {
  constexpr size_t kMax = 32767 - 4;  // LXW_STR_MAX, not exported by 1.1.4
  if (text.size() <= kMax) return text;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

constexpr lxw_color_t kQueryFill = 0xFFF2B3;
constexpr lxw_color_t kBandFill = 0xEEF3F8;
constexpr lxw_color_t kStatusFill[] = {0xE2F0D9, 0xFBE2D5, 0xDDEBF7};  // matched, only_a, only_b
// motsvarighet, närliggande, ingen träff, inga dokument (the order of Verdict)
constexpr lxw_color_t kVerdictFill[] = {0xC6E0B4, 0xFFE699, 0xF8CBAD, 0xEDEDED};

const char* sheet_name(ExportKind kind) {
  switch (kind) {
    case ExportKind::compare: return "Jämförelse";
    case ExportKind::coverage: return "Täckning";
    case ExportKind::context: return "Sammanhang";
    case ExportKind::review: return "Granskningslista";
    case ExportKind::search:
    case ExportKind::similar: break;
  }
  return "Klausuler";
}

// The look of a cell: wrapped or not, background, bold, a rule above (first row of a block).
using Style = std::tuple<bool, lxw_color_t, bool, bool>;

class XlsxWriter : public ExportWriter {
 public:
  explicit XlsxWriter(const std::string& path) : path_(path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows are flushed to disk in order, memory stays flat
    options.use_zip64 = LXW_TRUE;        // a 100,000-row sheet can pass 4 GB uncompressed
    workbook_ = workbook_new_opt(path_.c_str(), &options);
    if (!workbook_) throw UsageError("cannot write " + path_ + ": cannot create the workbook");
  }
  ~XlsxWriter() override {
    if (workbook_) lxw_workbook_free(workbook_);  // end() not reached: nothing is written
  }

  void begin(const ExportContext& context) override {
    context_ = context;
    context_.query_clause = nullptr;  // not kept: it points into the caller's data
    kind_ = context.kind;
    sheet_ = workbook_add_worksheet(workbook_, sheet_name(kind_));
    about_ = workbook_add_worksheet(workbook_, "Om exporten");
    if (!sheet_ || !about_) throw UsageError("cannot write " + path_ + ": cannot add a sheet");
    const std::vector<Column>& columns = export_columns(kind_);
    for (size_t i = 0; i < columns.size(); ++i) {
      check(worksheet_set_column(sheet_, i, i, columns[i].width, nullptr));
      check(worksheet_write_string(sheet_, 0, i, columns[i].name, header_format()));
    }
    worksheet_freeze_panes(sheet_, 1, 0);
    if (context.query_clause && kind_ == ExportKind::similar) {
      put(hit_cells(*context.query_clause, kind_, "query"), {false, kQueryFill, true, false});
    }
  }

  void hit(const Hit& hit) override {
    // similar: the hits come grouped by region; each region is a block with its own shade.
    bool new_block = false;
    if (kind_ == ExportKind::similar && hit.document.region != region_) {
      new_block = !region_.empty() || row_ > 1;
      if (!region_.empty()) band_ = !band_;
      region_ = hit.document.region;
    }
    const bool focus = kind_ == ExportKind::context && hit.clause.id == context_.focus_clause_id;
    put(hit_cells(hit, kind_, row_role(context_, hit)),
        {false, focus ? kQueryFill : band_ ? kBandFill : 0, focus, new_block});
  }

  // Coverage: the verdict is written in its column and also shades the row.
  void region(const CoverageLine& line) override {
    const bool first_extra = line.rank > 1 && !extras_started_;
    if (line.rank > 1) extras_started_ = true;
    put(coverage_cells(line),
        {false, kVerdictFill[static_cast<int>(line.row->verdict)], false, first_extra});
  }

  void pair(const AlignedPair& pair) override {
    diff_ = pair_diff(pair);
    put(pair_cells(pair), {false, kStatusFill[static_cast<int>(pair.status)], false, false});
    diff_.clear();
  }

  void end() override {
    const lxw_col_t last = static_cast<lxw_col_t>(export_columns(kind_).size() - 1);
    check(worksheet_autofilter(sheet_, 0, 0, row_ > 1 ? row_ - 1 : 1, last));
    write_about();
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;  // workbook_close frees it, whatever the outcome
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
      throw UsageError("cannot write " + path_ + ": " + lxw_strerror(error));
    }
  }

 private:
  void put(const std::vector<Cell>& cells, Style style) {
    const std::vector<Column>& columns = export_columns(kind_);
    for (size_t i = 0; i < cells.size(); ++i) {
      Style cell_style = style;
      std::get<0>(cell_style) = columns[i].wrap;
      lxw_format* format = format_for(cell_style);
      const Cell& cell = cells[i];
      if (!diff_.empty() && std::string(columns[i].name) == "diff") {
        write_diff(i, format);
      } else if (cell.is_number) {
        check(worksheet_write_number(sheet_, row_, i, cell.number, format));
      } else if (!cell.text.empty()) {
        check(worksheet_write_string(sheet_, row_, i, fit_cell(cell.text).c_str(), format));
      } else {
        check(worksheet_write_blank(sheet_, row_, i, format));
      }
    }
    ++row_;
  }

  // An ändrad pair's diff as a rich string: removed words red and struck through, added words
  // green and bold, the rest plain.
  void write_diff(size_t column, lxw_format* cell_format) {
    if (!removed_) {
      removed_ = workbook_add_format(workbook_);
      format_set_font_strikeout(removed_);
      format_set_font_color(removed_, 0xC00000);
      added_ = workbook_add_format(workbook_);
      format_set_bold(added_);
      format_set_font_color(added_, 0x217A1B);
    }
    std::vector<std::string> texts;
    texts.reserve(diff_.size());
    for (size_t i = 0; i < diff_.size(); ++i) texts.push_back((i ? " " : "") + diff_[i].text);
    std::vector<lxw_rich_string_tuple> tuples(diff_.size());
    std::vector<lxw_rich_string_tuple*> pointers;
    for (size_t i = 0; i < diff_.size(); ++i) {
      tuples[i].format = diff_[i].kind == DiffPiece::Kind::removed ? removed_
                         : diff_[i].kind == DiffPiece::Kind::added ? added_
                                                                   : nullptr;
      tuples[i].string = texts[i].data();
      pointers.push_back(&tuples[i]);
    }
    pointers.push_back(nullptr);
    if (diff_.size() < 2) {  // libxlsxwriter wants two fragments at least
      check(worksheet_write_string(sheet_, row_, column, fit_cell(diff_to_text(diff_)).c_str(), cell_format));
      return;
    }
    check(worksheet_write_rich_string(sheet_, row_, column, pointers.data(), cell_format));
  }

  void write_about() {
    lxw_format* bold = format_for({false, 0, true, false});
    lxw_format* wrap = format_for({true, 0, false, false});
    check(worksheet_set_column(about_, 0, 0, 16, nullptr));
    check(worksheet_set_column(about_, 1, 1, 90, nullptr));
    lxw_row_t row = 0;
    auto line = [&](const std::string& label, const std::string& value) {
      check(worksheet_write_string(about_, row, 0, label.c_str(), bold));
      check(worksheet_write_string(about_, row, 1, fit_cell(value).c_str(), wrap));
      ++row;
    };
    for (const auto& [label, value] : context_lines(context_)) line(label, value);
    line("Rader", std::to_string(row_ - 1));
    line("Kolumner", "Rubrikerna är samma nycklar som i JSON-exporten (se README, Exporter).");
  }

  lxw_format* header_format() {
    if (!header_) {
      header_ = workbook_add_format(workbook_);
      format_set_bold(header_);
      format_set_pattern(header_, LXW_PATTERN_SOLID);
      format_set_bg_color(header_, 0xD9E1F2);
      format_set_bottom(header_, LXW_BORDER_THIN);
    }
    return header_;
  }

  lxw_format* format_for(const Style& style) {
    auto it = formats_.find(style);
    if (it != formats_.end()) return it->second;
    const auto& [wrap, fill, bold, rule] = style;
    lxw_format* format = workbook_add_format(workbook_);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    if (wrap) format_set_text_wrap(format);
    if (fill) {
      format_set_pattern(format, LXW_PATTERN_SOLID);
      format_set_bg_color(format, fill);
    }
    if (bold) format_set_bold(format);
    if (rule) format_set_top(format, LXW_BORDER_MEDIUM);
    return formats_.emplace(style, format).first->second;
  }

  void check(lxw_error error) {
    if (error != LXW_NO_ERROR) throw UsageError("cannot write " + path_ + ": " + lxw_strerror(error));
  }

  std::string path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_worksheet* about_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* removed_ = nullptr;  // diff fragments
  lxw_format* added_ = nullptr;
  std::vector<DiffPiece> diff_;    // the diff of the pair being written
  std::map<Style, lxw_format*> formats_;
  ExportContext context_;
  ExportKind kind_ = ExportKind::search;
  lxw_row_t row_ = 1;  // row 0 is the header
  std::string region_;
  bool band_ = false;
  bool extras_started_ = false;
};

}  // namespace

std::unique_ptr<ExportWriter> make_xlsx_writer(const std::string& path) {
  return std::make_unique<XlsxWriter>(path);
}

}  // namespace klausul
