// Typed errors of klausul. Each command catches them at ONE boundary (tools/klausul) and turns
// them into a one-line message and the exit code of DESIGN.md.
#pragma once

#include <stdexcept>
#include <string>

namespace klausul {

/// A file could not be read or understood. what() is the reason, without the file name;
/// the caller prefixes the path ("corpus/x.pdf: not a PDF (starts with 'PK')").
class IngestError : public std::runtime_error {
 public:
  explicit IngestError(const std::string& reason) : std::runtime_error(reason) {}
};

/// Bad command line or configuration (exit code 2).
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

/// The index could not be opened or written (exit code 4).
class IndexError : public std::runtime_error {
 public:
  explicit IndexError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace klausul
