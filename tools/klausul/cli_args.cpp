#include "tools/klausul/cli_args.h"

#include "ingest/error.h"

namespace klausul::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

int Args::get_int(const std::string& name, int fallback) const {
  const std::string text = get(name);
  if (text.empty()) return fallback;
  if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(text) <= 0) {
    throw UsageError("--" + name + " needs a positive number, not '" + text + "'");
  }
  return std::stoi(text);
}

int Args::get_count(const std::string& name, int fallback, int most) const {
  const std::string text = get(name);
  if (text.empty()) return fallback;
  if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(text) > most) {
    throw UsageError("--" + name + " needs a number from 0 to " + std::to_string(most) +
                     ", not '" + text + "'");
  }
  return std::stoi(text);
}

char csv_delimiter(const Args& args) {
  const std::string delimiter = args.get("csv-delimiter", ",");
  if (delimiter.size() != 1) throw UsageError("--csv-delimiter must be one character");
  return delimiter[0];
}

Args parse_args(int argc, char** argv, int first, const std::set<std::string>& value_options,
                const std::set<std::string>& flag_options) {
  Args args;
  bool options_done = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (options_done || arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      if (arg == "--") {
        options_done = true;
        continue;
      }
      args.positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::string value;
    bool inline_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    if (flag_options.count(name)) {
      if (inline_value) throw UsageError("--" + name + " takes no value");
      args.flags.insert(name);
    } else if (value_options.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argc) throw UsageError("--" + name + " needs a value");
        value = argv[++i];
      }
      args.values[name].push_back(value);
    } else {
      throw UsageError("unknown option --" + name);
    }
  }
  return args;
}

}  // namespace klausul::cli
