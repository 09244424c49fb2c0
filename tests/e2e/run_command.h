// Runs the real klausul binary the way a user does and captures what it prints.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/temp_dir.h"

namespace klausul::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Single-quotes an argument for /bin/sh.
inline std::string shell_quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// Runs `PROGRAM ARGS...` with stdout and stderr captured separately, with `env`
/// ("NAME=value") added to its environment.
inline CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                                 const std::vector<std::string>& env = {}) {
  TempDir capture;
  std::string command;
  if (!env.empty()) {
    command = "env";
    for (const std::string& e : env) command += " " + shell_quote(e);
    command += " ";
  }
  command += shell_quote(program);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command += " >" + shell_quote(capture / "out") + " 2>" + shell_quote(capture / "err");
  CommandResult result;
  const int status = std::system(command.c_str());
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  result.out = slurp(capture / "out");
  result.err = slurp(capture / "err");
  return result;
}

/// Runs `klausul ARGS...` (the binary under test) as run_program does.
inline CommandResult run_klausul(const std::vector<std::string>& args,
                                 const std::vector<std::string>& env = {}) {
  return run_program(KLAUSUL_BINARY, args, env);
}

/// Splits text into its non-empty lines.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace klausul::testing
