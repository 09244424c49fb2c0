// HTML review document: self-contained (inline CSS, no scripts, nothing fetched), printable,
// every text escaped. Clauses grouped by region with matched words in <mark>; compare rows as
// a two-column table coloured by status.
#include <cstdio>

#include "search/export_report.h"
#include "search/export_writers.h"
#include "search/pair_change.h"

namespace klausul {
namespace {

const char* const kStyle = R"(<style>
body{font-family:Georgia,'DejaVu Serif',serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{border-bottom:2px solid #2a5d84;color:#2a5d84;margin-top:2em}
h3{font-size:1.05em;margin:1.4em 0 .2em}
dl.about{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;font-size:.9em}
dl.about dt{font-weight:bold}dl.about dd{margin:0}
.details{color:#555;font-size:.9em;margin:.1em 0}
blockquote{margin:.4em 0;padding:.3em .8em;border-left:4px solid #9bb7cc;background:#f6f8fa}
mark{background:#ffe27a;padding:0 .1em}
del{background:#fbd3cb;color:#7a1d0c}ins{background:#d2f0cb;color:#1d5c12;text-decoration:none;font-weight:bold}
.source{color:#666;font-size:.8em;word-break:break-all}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
tr.matched td{background:#e7f4e4}tr.only_a td{background:#fde8e4}tr.only_b td{background:#e4ecfd}
tr.motsvarighet td{background:#c6e0b4}tr.narliggande td{background:#ffe699}
tr.ingen_traff td{background:#f8cbad}tr.inga_dokument td{background:#ededed;color:#555}
article.focus{border:3px solid #2a5d84;padding:0 .6em}
@media print{body{max-width:none;margin:0}h2{break-after:avoid}article,tr{break-inside:avoid}
blockquote{background:none}}
</style>)";

std::string html(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

std::string render_hit(const Hit& hit, bool with_score, bool focus = false) {
  std::string out = std::string(focus ? "<article class=\"focus\">\n<h3>► " : "<article>\n<h3>") +
                    (hit.rank > 0 ? std::to_string(hit.rank) + ". " : "") +
                    html(hit.document.title.empty() ? hit.document.path : hit.document.title) +
                    "</h3>\n";
  if (const std::string details = hit_details(hit); !details.empty()) {
    out += "<p class=\"details\">" + html(details) + "</p>\n";
  }
  out += "<blockquote>";
  for (const TextSpan& span : highlight(hit)) {
    out += span.marked ? "<mark>" + html(span.text) + "</mark>" : html(span.text);
  }
  out += "</blockquote>\n<p class=\"source\">Källa: " + html(hit.document.path) +
         " · klausul " + html(hit.clause.id);
  if (with_score) out += " · poäng " + score_text(hit.score);
  out += "</p>\n";
  for (const Place& other : hit.duplicates) {
    out += "<p class=\"source\">Finns även i: " + html(other.path) + " · klausul " +
           html(other.clause_id) + "</p>\n";
  }
  for (const OlderVersion& older : hit.older_versions) {
    out += "<p class=\"source\">" + html(older_version_line(older)) + "</p>\n";
  }
  return out + "</article>\n";
}

// A changed pair's new text with <del>removed</del> and <ins>added</ins> words.
std::string html_diff(const AlignedPair& pair) {
  const std::vector<DiffPiece> diff = pair_diff(pair);
  if (diff.empty()) return html(pair.b.text);
  std::string out;
  for (const DiffPiece& piece : diff) {
    if (!out.empty()) out += ' ';
    if (piece.kind == DiffPiece::Kind::removed) out += "<del>" + html(piece.text) + "</del>";
    else if (piece.kind == DiffPiece::Kind::added) out += "<ins>" + html(piece.text) + "</ins>";
    else out += html(piece.text);
  }
  return out;
}

class HtmlWriter : public ExportWriter {
 public:
  explicit HtmlWriter(std::ostream& out) : out_(out) {}

  void begin(const ExportContext& context) override {
    const std::string title = export_title(context.kind);
    kind_ = context.kind;
    focus_ = context.focus_clause_id;
    out_ << "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
         << html(title + (context.query.empty() ? "" : ": " + context.query)) << "</title>\n"
         << kStyle << "\n</head>\n<body>\n<h1>" << html(title) << "</h1>\n<dl class=\"about\">\n";
    for (const auto& [label, value] : context_lines(context)) {
      out_ << "<dt>" << html(label) << "</dt><dd>" << html(value) << "</dd>\n";
    }
    out_ << "</dl>\n";
    if (context.query_clause) {
      out_ << "<h2>Jämförs med</h2>\n" << render_hit(*context.query_clause, false);
    }
    if (context.kind == ExportKind::compare) {
      out_ << "<table>\n<thead><tr><th>status</th><th>ändring</th><th>A</th><th>B</th>"
              "<th>poäng</th></tr>"
              "</thead>\n<tbody>\n";
    }
    if (context.kind == ExportKind::coverage) {
      out_ << "<table>\n<thead><tr><th>region</th><th>bedömning</th><th>bästa klausul</th>"
              "<th>dokument</th><th>poäng</th></tr></thead>\n<tbody>\n";
    }
    compare_ = context.kind == ExportKind::compare;
  }
  void hit(const Hit& hit) override {
    if (kind_ == ExportKind::review) {
      out_ << render_hit(hit, false);
      if (!hit.note.empty()) out_ << "<p><strong>Anteckning:</strong> " << html(hit.note) << "</p>\n";
      if (!hit.origin.empty() || !hit.added.empty()) {
        out_ << "<p class=\"details\">Tillagd " << html(hit.added)
             << (hit.origin.empty() ? "" : " från " + html(hit.origin)) << "</p>\n";
      }
      ++rows_;
      return;
    }
    if (kind_ == ExportKind::context) {
      out_ << render_hit(hit, false, hit.clause.id == focus_);
      ++rows_;
      return;
    }
    spool_.add(region_heading(hit), render_hit(hit, true));
  }
  // Coverage: one table row per region, coloured by verdict with the verdict also written;
  // the extra clauses after the table, by region.
  void region(const CoverageLine& line) override {
    if (line.rank > 1) {
      spool_.add(line.row->region.name, render_hit(*line.hit, true));
      return;
    }
    const Hit* hit = line.hit;
    const std::string document = hit ? document_line(*hit) : std::string();
    out_ << "<tr class=\"" << verdict_key(line.row->verdict) << "\"><td>"
         << html(line.row->region.name) << (line.row->query_region ? " (frågans region)" : "")
         << "</td><td><strong>" << html(verdict_label(line.row->verdict)) << "</strong></td><td>"
         << (hit ? html(hit->clause.text) : "") << "</td><td>" << html(document) << "</td><td>"
         << (hit ? score_text(hit->score) : "") << "</td></tr>\n";
    ++rows_;
  }
  void pair(const AlignedPair& pair) override {
    static const char* const kStatus[] = {"matchad", "bara i A", "bara i B"};
    out_ << "<tr class=\"" << alignment_status_name(pair.status) << "\"><td>"
         << kStatus[static_cast<int>(pair.status)] << "</td><td>"
         << pair_change_name(pair_change(pair)) << "</td><td>" << html(pair.a.text)
         << "</td><td>" << html_diff(pair) << "</td><td>" << score_text(pair.score)
         << "</td></tr>\n";
    ++rows_;
  }
  void end() override {
    if (compare_ || kind_ == ExportKind::coverage) out_ << "</tbody>\n</table>\n";
    if (kind_ == ExportKind::coverage) out_ << "<h2>Fler klausuler per region</h2>\n";
    spool_.drain(
        [this](const std::string& heading, long rows) {
          out_ << "<h2>" << html(heading) << " (" << rows << ")</h2>\n";
          rows_ += rows;
        },
        [this](const std::string& text) { out_ << text; });
    out_ << "<p class=\"details\">" << rows_ << " rader.</p>\n</body>\n</html>\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  RegionSpool spool_;
  bool compare_ = false;
  long rows_ = 0;
  ExportKind kind_ = ExportKind::search;
  std::string focus_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_html_writer(std::ostream& out) {
  return std::make_unique<HtmlWriter>(out);
}

}  // namespace klausul
