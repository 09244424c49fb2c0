// Shared by every fuzz target in tests/fuzz: the libFuzzer entry point and the rule for what
// counts as an expected outcome.
//
// A target feeds arbitrary bytes to one untrusted-input entry point. The project's documented
// error types (ingest/error.h) are expected outcomes of hostile input: they become the one-line
// message of DESIGN.md. Anything else (another exception, a crash, a sanitizer report, a hang,
// unbounded memory) is a bug, so other exceptions are deliberately NOT caught here: they reach
// std::terminate, which libFuzzer and the replay driver both report as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace klausul::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Runs `body`, swallowing only klausul's documented error types.
template <typename Body>
void expect_only_documented_errors(Body&& body) {
  try {
    body();
  } catch (const IngestError&) {
  } catch (const UsageError&) {
  } catch (const IndexError&) {
  }
}

}  // namespace klausul::fuzz
