// klausul-extract: the extraction worker `klausul ingest` starts, one per lane
// (ingest/extract_worker.h). Frames on stdin/stdout; `--memory-limit-mb N` sets its
// address-space limit. Not a command for people: it is a program of its own so that the
// parsers it links (Poppler, libarchive, libxml2) are loaded by the workers only.
#include <string>

#include "ingest/extract_worker.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/error_boundary.h"

int main(int argc, char** argv) {
  using namespace klausul::cli;
  return run_guarded("extract", [&] {
    Args args = parse_args(argc, argv, 1, {"memory-limit-mb"}, {});
    return klausul::worker::run_extract_worker(0, 1, args.get_int("memory-limit-mb", 2048));
  });
}
