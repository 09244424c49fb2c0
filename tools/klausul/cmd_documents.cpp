#include <filesystem>
#include <iostream>
#include <map>

#include "index/database.h"
#include "index/failed_files.h"
#include "search/open_database.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/compare.h"
#include "search/export.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/term_model_update.h"
#include "tools/klausul/file_walk.h"
#include "tools/klausul/output.h"

namespace klausul::cli {
namespace {

void print_field(std::ostream& out, const char* label, const std::string& value) {
  if (!value.empty()) out << label << ": " << value << '\n';
}

void print_document(std::ostream& out, const DocumentInfo& d) {
  print_field(out, "id", d.id);
  print_field(out, "path", d.path);
  print_field(out, "title", d.title);
  print_field(out, "region", d.region_name.empty() ? d.region : d.region_name + " (" + d.region + ")");
  print_field(out, "organisation", d.organisation);
  print_field(out, "type", d.doc_type);
  print_field(out, "year", d.year > 0 ? std::to_string(d.year) : "");
  print_field(out, "date", d.date);
  print_field(out, "diarienummer", d.diarienummer);
  print_field(out, "format", d.format);
  print_field(out, "pages", d.pages > 0 ? std::to_string(d.pages) : "");
  print_field(out, "slides", d.slides > 0 ? std::to_string(d.slides) : "");
  print_field(out, "clauses", std::to_string(d.clauses));
}

Args common_args(int argc, char** argv) {
  return parse_args(argc, argv, 2, {"db", "format", "output"}, {});
}

}  // namespace

int run_list(int argc, char** argv) {
  Args args = common_args(argc, argv);
  const std::string format = args.get("format", "text");
  if (format != "text" && format != "jsonl" && format != "json") {
    throw UsageError("list supports --format text, json or jsonl");
  }
  Xapian::Database db = open_for_reading(resolve_database_path(args.get("db")));
  Output output(args.get("output"));
  std::ostream& out = output.stream();
  auto documents = list_documents(db);
  if (format == "json") out << '[';
  for (size_t i = 0; i < documents.size(); ++i) {
    const DocumentInfo& d = documents[i];
    if (format == "jsonl") {
      out << document_to_json(d) << '\n';
    } else if (format == "json") {
      out << (i ? ",\n " : "") << document_to_json(d);
    } else {
      out << d.id << "  " << (d.region.empty() ? "-" : d.region) << "  "
          << (d.year > 0 ? std::to_string(d.year) : "----") << "  " << d.clauses
          << " klausuler  " << (d.title.empty() ? "(utan titel)" : d.title) << "\n    "
          << d.path << '\n';
    }
  }
  if (format == "json") out << "]\n";
  if (format == "text") out << documents.size() << " dokument\n";
  output.commit();
  return kExitOk;
}

int run_show(int argc, char** argv) {
  Args args = common_args(argc, argv);
  if (args.positional.size() != 1) throw UsageError("show needs one document id or path");
  const std::string format = args.get("format", "text");
  Xapian::Database db = open_for_reading(resolve_database_path(args.get("db")));
  DocumentInfo info = resolve_document(db, args.positional[0]);
  std::vector<Clause> clauses;
  for (auto& [clause, doc] : document_clauses(db, info.id)) clauses.push_back(std::move(clause));
  Output output(args.get("output"));
  std::ostream& out = output.stream();
  if (format == "jsonl" || format == "json") {
    std::vector<Hit> hits;
    for (const Clause& clause : clauses) {
      Hit hit;
      hit.rank = clause.ordinal;
      hit.clause = clause;
      hit.document = info;
      hits.push_back(std::move(hit));
    }
    out << document_to_json(info) << '\n';
    write_jsonl(out, hits);
  } else if (format == "text") {
    print_document(out, info);
    out << '\n';
    for (const Clause& clause : clauses) {
      std::string where = section_label(clause.section);
      if (clause.page > 0) where += (where.empty() ? "" : " · ") + ("sida " + std::to_string(clause.page));
      out << clause.id << "  [" << block_kind_name(clause.kind) << "]  " << where << '\n'
          << "    " << clause.text << '\n';
    }
  } else {
    throw UsageError("show supports --format text, json or jsonl");
  }
  output.commit();
  return kExitOk;
}

int run_remove(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db"}, {});
  if (args.positional.empty()) throw UsageError("remove needs a PATH");
  const std::string db_path = resolve_database_path(args.get("db"));
  Xapian::WritableDatabase db = open_for_writing(db_path);
  IndexWriter writer(db);
  int missing = 0;
  for (const std::string& path : args.positional) {
    if (writer.remove_path(absolute_normal(path))) {
      std::cerr << "removed " << path << '\n';
    } else {
      std::cerr << path << ": not in the index\n";
      ++missing;
    }
  }
  // What the model learned from the removed clauses goes with them.
  if (missing < static_cast<int>(args.positional.size())) update_term_model(db, db_path, false);
  return missing > 0 ? kExitUsage : kExitOk;
}

int run_stats(int argc, char** argv) {
  Args args = common_args(argc, argv);
  const std::string db_path = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(db_path);
  auto documents = list_documents(db);
  std::map<std::string, std::pair<int, long>> per_region;
  long clauses = 0;
  for (const DocumentInfo& d : documents) {
    auto& [docs, count] = per_region[d.region_name.empty() ? "(okänd region)" : d.region_name];
    ++docs;
    count += d.clauses;
    clauses += d.clauses;
  }
  Output output(args.get("output"));
  std::ostream& out = output.stream();
  out << "index: " << db_path << '\n';
  if (is_stub_file(db_path)) out << "shards: " << read_stub(db_path).size() << '\n';
  out << "documents: " << documents.size() << '\n'
      << "clauses: " << clauses << '\n';
  for (const auto& [name, counts] : per_region) {
    out << "  " << name << ": " << counts.first << " documents, " << counts.second
        << " clauses\n";
  }
  // Files whose extraction hung, crashed or ran out of memory: not in the index, not retried
  // until they change (ingest --retry-failed).
  const auto failed = read_failed_files(db);
  std::map<std::string, int> per_kind;
  for (const auto& [path, file] : failed) ++per_kind[failure_kind(file.reason)];
  out << "failed files: " << failed.size();
  const char* separator = " (";
  for (const auto& [kind, count] : per_kind) {
    out << separator << count << ' ' << kind;
    separator = ", ";
  }
  out << (failed.empty() ? "" : ")") << '\n';
  constexpr size_t kListed = 50;  // enough to act on; the rest is counted
  size_t listed = 0;
  for (const auto& [path, file] : failed) {
    if (listed++ == kListed) {
      out << "  ... and " << failed.size() - kListed << " more\n";
      break;
    }
    out << "  " << path << ": " << file.reason << '\n';
  }
  output.commit();
  return kExitOk;
}

}  // namespace klausul::cli
