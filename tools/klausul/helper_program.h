// The helper programs installed beside the klausul binary. The binary itself links only what
// its commands need (Xapian, ICU, fastText, libxlsxwriter); the parsers and the web server live
// in helpers, so that a command does not spend 9 ms of its start binding Poppler, OpenSSL and
// their libraries: 17.7 ms instead of 26.2 for `klausul --version` (tools/bench/RESULTS.md,
// "Startup"):
//   klausul-extract  the extraction worker `ingest` starts (ingest/extract_worker.h)
//   klausul-serve    the web page (`klausul serve` becomes it)
#pragma once

#include <string>

namespace klausul::cli {

inline constexpr const char* kExtractProgram = "klausul-extract";
inline constexpr const char* kServeProgram = "klausul-serve";

/// The path of helper `name` in the folder of the running executable (/proc/self/exe).
std::string helper_program_path(const std::string& name);

/// Replaces this process by helper `name` with the same arguments (argv[0] becomes its path).
/// Returns only by throwing UsageError naming the helper's path and the reason.
[[noreturn]] void become_helper_program(const std::string& name, char** argv);

}  // namespace klausul::cli
