#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "index/compaction.h"
#include "index/database.h"
#include "index/schema.h"
#include "index/stored_data.h"
#include "index/stub_file.h"
#include "index/failed_files.h"
#include "search/open_database.h"
#include "index/writer.h"
#include "ingest/error.h"
#include "search/clause_context.h"
#include "search/compare.h"
#include "search/export.h"
#include "search/version_store.h"
#include "search/versions.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/term_model_update.h"
#include "tools/klausul/file_walk.h"
#include "tools/klausul/output.h"

namespace klausul::cli {
namespace {

// Bytes of clause text the index holds. Records written before text_bytes existed have 0:
// their clauses are read (once, for `stats` only).
std::int64_t clause_text_bytes(const Xapian::Database& db,
                               const std::vector<DocumentInfo>& documents) {
  std::int64_t total = 0;
  for (const DocumentInfo& d : documents) {
    if (d.text_bytes > 0 || d.clauses == 0) {
      total += d.text_bytes;
      continue;
    }
    const std::string term = schema::document_term(d.id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      try {
        total += static_cast<std::int64_t>(clause_of_document(db.get_document(*it)).text.size());
      } catch (const IndexError&) {
        // the document record (or another kind of entry): no clause text
      }
    }
  }
  return total;
}

// The table sizes of an index folder, or the sum over the local folders of a stub's shards
// (remote shards cannot be measured from here: `complete` is then false).
TableSizes index_table_sizes(const std::string& db_path, bool& complete) {
  complete = true;
  if (!is_stub_file(db_path)) return table_sizes(db_path);
  TableSizes sum;
  for (const ShardLocation& shard : read_stub(db_path)) {
    if (shard.kind != ShardLocation::Kind::local || is_stub_file(shard.path)) {
      complete = false;
      continue;
    }
    sum += table_sizes(shard.path);
  }
  return sum;
}

void print_index_size(std::ostream& out, const TableSizes& sizes, std::int64_t text,
                      bool complete) {
  auto megabytes = [](std::int64_t bytes) {
    char number[32];
    std::snprintf(number, sizeof number, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return std::string(number);
  };
  auto ratio = [text](std::int64_t bytes) {
    if (text <= 0) return std::string();
    char number[32];
    std::snprintf(number, sizeof number, " (%.1fx the text)",
                  static_cast<double>(bytes) / static_cast<double>(text));
    return std::string(number);
  };
  out << "clause text: " << megabytes(text) << '\n';
  out << "index size: " << megabytes(sizes.total()) << ratio(sizes.total())
      << (complete ? "" : " (local shards only)") << '\n';
  const std::pair<const char*, std::int64_t> tables[] = {{"postlist", sizes.postlist},
                                                          {"termlist", sizes.termlist},
                                                          {"position", sizes.position},
                                                          {"docdata", sizes.docdata},
                                                          {"other", sizes.other}};
  for (const auto& [name, bytes] : tables) {
    if (bytes > 0) out << "  " << name << ": " << megabytes(bytes) << ratio(bytes) << '\n';
  }
}

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

// A validity fact and where it came from: "2012-10-02 (klausul ID: «...»)".
void print_fact(std::ostream& out, const char* label, const DocumentInfo& d,
                const ValidityFact& fact) {
  if (fact.empty()) return;
  out << label << ": " << fact.value;
  if (fact.clause > 0) out << "  (klausul " << d.id << ':' << fact.clause << ": «" << fact.quote << "»)";
  else if (!fact.quote.empty()) out << "  (" << fact.quote << ')';
  out << '\n';
}

void print_validity(std::ostream& out, const DocumentInfo& d, const VersionIndex& versions) {
  const Validity& v = d.validity;
  print_fact(out, "beslutad", d, v.decided);
  print_fact(out, "beslutad av", d, v.decided_by);
  print_fact(out, "gäller från", d, v.valid_from);
  print_fact(out, "gäller till", d, v.valid_to);
  print_fact(out, "revideras senast", d, v.revise_by);
  print_fact(out, "diarienummer (källa)", d, v.diarienummer);
  for (const ValidityFact& replaced : v.replaces) print_fact(out, "ersätter", d, replaced);
  print_fact(out, "ersätts av", d, v.replaced_by);
  const VersionState& state = versions.state(d.id);
  out << "status: " << version_status_name(state.status) << '\n';
  if (!state.reason.empty()) out << "skäl: " << state.reason << '\n';
  if (!state.replaced_by.empty()) out << "ersatt av: " << state.replaced_by << '\n';
  if (versions.chain(d.id).size() > 1) out << "versioner: klausul versions " << d.id << '\n';
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
  const std::string database = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(database);
  Output output(args.get("output"));
  std::ostream& out = output.stream();
  auto documents = list_documents(db);
  const auto shared_versions = load_versions(db, database);
  const VersionIndex& versions = *shared_versions;
  if (format == "json") out << '[';
  for (size_t i = 0; i < documents.size(); ++i) {
    const DocumentInfo& d = documents[i];
    const VersionState& state = versions.state(d.id);
    const std::string status = version_status_name(state.status);
    if (format == "jsonl") {
      out << document_to_json(d, status, state.reason) << '\n';
    } else if (format == "json") {
      out << (i ? ",\n " : "") << document_to_json(d, status, state.reason);
    } else {
      out << d.id << "  " << (d.region.empty() ? "-" : d.region) << "  "
          << (d.year > 0 ? std::to_string(d.year) : "----") << "  " << status << "  "
          << d.clauses << " klausuler  " << (d.title.empty() ? "(utan titel)" : d.title)
          << "\n    " << d.path << '\n';
    }
  }
  if (format == "json") out << "]\n";
  if (format == "text") out << documents.size() << " dokument\n";
  output.commit();
  return kExitOk;
}

int run_show(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db", "format", "output", "context", "csv-delimiter"}, {});
  if (args.positional.size() != 1) throw UsageError("show needs one document id or path");
  const std::string format = args.get("format", "text");
  const std::string database = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(database);
  // A clause id (document id ':' ordinal), or --context: the clause among its neighbours.
  if (args.values.count("context") || is_clause_id(db, args.positional[0])) {
    return run_show_context(args, db, database);
  }
  DocumentInfo info = resolve_document(db, args.positional[0]);
  const auto shared_versions = load_versions(db, database);
  const VersionIndex& versions = *shared_versions;
  const VersionState& state = versions.state(info.id);
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
      hit.status = version_status_name(state.status);
      hits.push_back(std::move(hit));
    }
    out << document_to_json(info, version_status_name(state.status), state.reason) << '\n';
    write_jsonl(out, hits);
  } else if (format == "text") {
    print_document(out, info);
    print_validity(out, info, versions);
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

int run_versions(int argc, char** argv) {
  Args args = common_args(argc, argv);
  if (args.positional.size() != 1) throw UsageError("versions needs one document id or path");
  const std::string format = args.get("format", "text");
  if (format != "text" && format != "jsonl" && format != "json") {
    throw UsageError("versions supports --format text, json or jsonl");
  }
  const std::string database = resolve_database_path(args.get("db"));
  Xapian::Database db = open_for_reading(database);
  const DocumentInfo info = resolve_document(db, args.positional[0]);
  const auto shared_versions = load_versions(db, database);
  const VersionIndex& versions = *shared_versions;
  const std::vector<const DocumentInfo*> chain = versions.chain(info.id);
  Output output(args.get("output"));
  std::ostream& out = output.stream();
  if (format == "json") out << '[';
  for (size_t i = 0; i < chain.size(); ++i) {
    const DocumentInfo& d = *chain[i];
    const VersionState& state = versions.state(d.id);
    const std::string status = version_status_name(state.status);
    if (format != "text") {
      out << (format == "json" && i ? ",\n " : "") << document_to_json(d, status, state.reason);
      if (format == "jsonl") out << '\n';
      continue;
    }
    out << (d.id == info.id ? "* " : "  ") << (state.order_date.empty() ? "----------" : state.order_date)
        << "  " << status << "  " << (d.title.empty() ? "(utan titel)" : d.title) << "  ["
        << d.id << "]\n    " << d.path << '\n';
    if (!d.diarienummer.empty()) out << "    diarienummer: " << d.diarienummer << '\n';
    if (!state.reason.empty()) out << "    skäl: " << state.reason << '\n';
  }
  if (format == "json") out << "]\n";
  if (format == "text") {
    out << chain.size() << (chain.size() == 1 ? " version (inga andra versioner i arkivet)\n"
                                              : " versioner, äldst först\n");
  }
  output.commit();
  return kExitOk;
}

int run_remove(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db", "learn"}, {});
  if (args.positional.empty()) throw UsageError("remove needs a PATH");
  const LearnMode learn = learn_mode_from(args.get("learn"));
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
  if (missing < static_cast<int>(args.positional.size())) refresh_term_model(db, db_path, learn);
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
  bool complete = true;
  const TableSizes sizes = index_table_sizes(db_path, complete);
  print_index_size(out, sizes, clause_text_bytes(db, documents), complete);
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
