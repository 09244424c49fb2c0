// The one place where a command's errors become a message on stderr and an exit code, shared
// by the klausul binary and its helper programs (klausul-serve, klausul-extract).
#pragma once

#include <functional>
#include <string>

namespace klausul::cli {

/// Runs `command_body` and returns its exit code; a UsageError becomes "klausul COMMAND:
/// reason" and kExitUsage, an IndexError, Xapian::Error or other exception the same line and
/// kExitIndex.
int run_guarded(const std::string& command, const std::function<int()>& command_body);

}  // namespace klausul::cli
