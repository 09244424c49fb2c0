// Markdown review document: the export's header, then the clauses grouped by region with the
// matched words in bold and where each clause comes from. Every text is escaped.
#include <cstdio>

#include "search/export_report.h"
#include "search/export_writers.h"
#include "search/pair_change.h"

namespace klausul {
namespace {

// Backslash-escapes what Markdown would read as inline markup; line breaks become spaces.
std::string md_inline(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>#|&~!").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// At the start of a line "- ", "+ ", "= " or "1. " would become a list or a heading.
std::string md_line(std::string escaped) {
  if (escaped.empty()) return escaped;
  if (escaped[0] == '-' || escaped[0] == '+' || escaped[0] == '=') return "\\" + escaped;
  const size_t digits = escaped.find_first_not_of("0123456789");
  if (digits > 0 && digits != std::string::npos && (escaped[digits] == '.' || escaped[digits] == ')')) {
    return escaped.substr(0, digits) + '\\' + escaped.substr(digits);
  }
  return escaped;
}

std::string md(const std::string& text) { return md_line(md_inline(text)); }

std::string marked_text(const Hit& hit) {
  std::string out;
  for (const TextSpan& span : highlight(hit)) {
    out += span.marked ? "**" + md_inline(span.text) + "**" : md_inline(span.text);
  }
  return md_line(out);
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

std::string render_hit(const Hit& hit, bool with_score, bool focus = false) {
  std::string out = "### ";
  if (focus) out += "► ";
  if (hit.rank > 0) out += std::to_string(hit.rank) + ". ";
  out += md(hit.document.title.empty() ? hit.document.path : hit.document.title);
  out += "\n\n";
  if (const std::string details = hit_details(hit); !details.empty()) {
    out.append("*").append(md(details)).append("*\n\n");
  }
  out.append("> ").append(marked_text(hit)).append("\n\n");
  out.append("Källa: ").append(md_inline(hit.document.path));
  out.append(" · klausul ").append(md_inline(hit.clause.id));
  if (with_score) out.append(" · poäng ").append(score_text(hit.score));
  for (const Place& other : hit.duplicates) {
    out.append("  \nFinns även i: ").append(md_inline(other.path));
    out.append(" · klausul ").append(md_inline(other.clause_id));
  }
  for (const OlderVersion& older : hit.older_versions) {
    out.append("  \n").append(md_inline(older_version_line(older)));
  }
  return out + "\n\n";
}

// A changed pair's new text with the words removed struck through and the added in bold.
std::string md_diff(const AlignedPair& pair) {
  const std::vector<DiffPiece> diff = pair_diff(pair);
  if (diff.empty()) return md(pair.b.text);
  std::string out;
  for (const DiffPiece& piece : diff) {
    if (!out.empty()) out += ' ';
    if (piece.kind == DiffPiece::Kind::removed) out += "~~" + md_inline(piece.text) + "~~";
    else if (piece.kind == DiffPiece::Kind::added) out += "**" + md_inline(piece.text) + "**";
    else out += md_inline(piece.text);
  }
  return md_line(out);
}

class MarkdownWriter : public ExportWriter {
 public:
  explicit MarkdownWriter(std::ostream& out) : out_(out) {}

  void begin(const ExportContext& context) override {
    kind_ = context.kind;
    focus_ = context.focus_clause_id;
    out_ << "# " << export_title(context.kind) << "\n\n";
    for (const auto& [label, value] : context_lines(context)) {
      out_ << "- **" << md(label) << ":** " << md(value) << '\n';
    }
    out_ << '\n';
    if (context.query_clause) {
      out_ << "## Jämförs med\n\n" << render_hit(*context.query_clause, false);
    }
    if (context.kind == ExportKind::compare) {
      out_ << "| status | ändring | A | B (~~borttaget~~ **tillagt**) | poäng |\n"
              "|---|---|---|---|---|\n";
    }
    if (context.kind == ExportKind::coverage) {
      out_ << "| region | bedömning | bästa klausul | dokument | poäng |\n|---|---|---|---|---|\n";
    }
  }
  void hit(const Hit& hit) override {
    if (kind_ == ExportKind::review) {
      // The reader's order, each clause with the note and where it was added from.
      out_ << render_hit(hit, false);
      if (!hit.note.empty()) out_ << "**Anteckning:** " << md(hit.note) << "\n\n";
      if (!hit.origin.empty() || !hit.added.empty()) {
        out_ << "*Tillagd " << md(hit.added) << (hit.origin.empty() ? "" : " från " + md(hit.origin))
             << "*\n\n";
      }
      ++rows_;
      return;
    }
    if (kind_ == ExportKind::context) {
      // One document: the clauses in order, the one asked for marked, nothing grouped.
      out_ << render_hit(hit, false, hit.clause.id == focus_);
      ++rows_;
      return;
    }
    spool_.add(region_heading(hit), render_hit(hit, true));
  }
  // Coverage: the regions' best clauses as one table, the extra clauses after it by region.
  void region(const CoverageLine& line) override {
    if (line.rank > 1) {
      spool_.add(line.row->region.name, render_hit(*line.hit, true));
      return;
    }
    const Hit* hit = line.hit;
    const std::string document = hit ? document_line(*hit) : std::string();
    out_ << "| " << md(line.row->region.name) << (line.row->query_region ? " (frågans region)" : "")
         << " | **" << verdict_label(line.row->verdict) << "** | " << (hit ? md(hit->clause.text) : "")
         << " | " << md(document) << " | " << (hit ? score_text(hit->score) : "") << " |\n";
    ++rows_;
  }
  void pair(const AlignedPair& pair) override {
    static const char* const kStatus[] = {"matchad", "bara i A", "bara i B"};
    out_ << "| " << kStatus[static_cast<int>(pair.status)] << " | "
         << pair_change_name(pair_change(pair)) << " | " << md(pair.a.text) << " | "
         << md_diff(pair) << " | " << score_text(pair.score) << " |\n";
    ++rows_;
  }
  void end() override {
    if (kind_ == ExportKind::coverage) out_ << "\n## Fler klausuler per region\n\n";
    spool_.drain(
        [this](const std::string& heading, long rows) {
          out_ << (kind_ == ExportKind::coverage ? "### " : "## ") << md(heading) << " (" << rows
               << ")\n\n";
          rows_ += rows;
        },
        [this](const std::string& text) { out_ << text; });
    out_ << "\n---\n" << rows_ << " rader.\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  RegionSpool spool_;
  long rows_ = 0;
  ExportKind kind_ = ExportKind::search;
  std::string focus_;
};

}  // namespace

std::unique_ptr<ExportWriter> make_markdown_writer(std::ostream& out) {
  return std::make_unique<MarkdownWriter>(out);
}

}  // namespace klausul
