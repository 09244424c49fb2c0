// Reads a klausul CSV or XLSX export back with independent parsers (tests/e2e/read_export.py:
// Python's csv module and openpyxl) and the JSON Lines of the rows, for the e2e tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/run_command.h"

namespace klausul::testing {

inline const std::string kReader = KLAUSUL_SOURCE_DIR "/tests/e2e/read_export.py";

inline std::vector<nlohmann::json> parse_lines(const std::string& text) {
  std::vector<nlohmann::json> objects;
  for (const std::string& line : lines_of(text)) objects.push_back(nlohmann::json::parse(line));
  return objects;
}

// Debian's python3 (bootstrap installs python3-openpyxl for it) before any other on PATH.
// Empty when there is none: the tests then fail, they never skip.
inline std::string find_python() {
  if (std::filesystem::exists("/usr/bin/python3")) return "/usr/bin/python3";
  TempDir dir;
  const std::string command = "command -v python3 > " + shell_quote(dir / "p") + " 2>/dev/null";
  if (std::system(command.c_str()) != 0) return "";
  std::ifstream in(dir / "p");
  std::string path;
  std::getline(in, path);
  return path;
}

// The rows of a csv/xlsx export as read back by read_export.py.
inline std::vector<nlohmann::json> read_back(const std::string& file,
                                             const std::string& delimiter = ",") {
  const std::string python = find_python();
  EXPECT_FALSE(python.empty()) << "python3 is missing: run tools/bootstrap";
  if (python.empty()) return {};
  TempDir capture;
  const std::string command = shell_quote(python) + " " + shell_quote(kReader) + " " +
                              shell_quote(file) + " " + shell_quote(delimiter) + " >" +
                              shell_quote(capture / "out") + " 2>" + shell_quote(capture / "err");
  const int status = std::system(command.c_str());
  std::ifstream out(capture / "out"), err(capture / "err");
  std::stringstream out_text, err_text;
  out_text << out.rdbuf();
  err_text << err.rdbuf();
  EXPECT_EQ(status, 0) << file << ": " << err_text.str();
  return parse_lines(out_text.str());
}

}  // namespace klausul::testing
