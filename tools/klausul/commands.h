// The klausul subcommands. Each returns the process exit code of DESIGN.md and throws
// UsageError / IndexError, which main() turns into one line and exit code 2 / 4.
#pragma once

#include <xapian.h>

#include <string>

namespace klausul::cli {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitSomeFilesFailed = 3;
constexpr int kExitIndex = 4;

int run_ingest(int argc, char** argv);
int run_search(int argc, char** argv);
int run_similar(int argc, char** argv);
int run_compare(int argc, char** argv);
int run_list(int argc, char** argv);
int run_show(int argc, char** argv);
int run_versions(int argc, char** argv);
int run_remove(int argc, char** argv);
int run_stats(int argc, char** argv);
int run_compact(int argc, char** argv);
int run_shards(int argc, char** argv);
/// `serve`: run by the helper program klausul-serve (tools/klausul/serve_main.cpp).
int run_serve(int argc, char** argv);
int run_coverage(int argc, char** argv);

struct Args;
/// `show CLAUSE_ID [--context N]`: the clause among N neighbours each side (default 2).
int run_show_context(const Args& args, const Xapian::Database& db, const std::string& database);

}  // namespace klausul::cli
