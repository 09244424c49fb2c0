// Plain argv parsing for the klausul subcommands: positionals, --name VALUE / --name=VALUE
// options (repeatable), and --flags. Unknown options are usage errors.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace klausul::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values;  // "db" -> {"/tmp/x"}
  std::set<std::string> flags;                             // "force"

  /// The last value of an option, or `fallback` when absent.
  std::string get(const std::string& name, const std::string& fallback = "") const;
  /// All values of a repeatable option, in order.
  std::vector<std::string> all(const std::string& name) const;
  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
  /// An option's value as a positive integer; throws UsageError when it is not one.
  int get_int(const std::string& name, int fallback) const;
  /// An option's value as a count from 0 to `most`; throws UsageError when it is not one.
  int get_count(const std::string& name, int fallback, int most = 100) const;
};

/// --csv-delimiter (default ','). Throws UsageError unless it is one character.
char csv_delimiter(const Args& args);

/// Parses argv[first..argc). `value_options` take a value, `flag_options` do not (names
/// without the leading "--"). Throws UsageError for unknown options or missing values.
Args parse_args(int argc, char** argv, int first, const std::set<std::string>& value_options,
                const std::set<std::string>& flag_options);

}  // namespace klausul::cli
