// The extraction worker: the process side of supervised extraction.
//
// `klausul ingest` starts a few workers (`klausul-extract`, the program beside klausul; see
// ingest/worker_process.h for the supervisor). Every third-party parser — Poppler, libarchive,
// libxml2, ICU charset detection, Tesseract and LibreOffice as helpers — runs here, never in
// the process that holds the index, because only a process can be stopped from outside when a
// parser loops, crashes or eats memory. A worker:
//   1. limits its own address space (RLIMIT_AS) and dies with its parent (PR_SET_PDEATHSIG);
//   2. reads one ExtractRequest at a time (ingest/worker_message.h) from its input;
//   3. reads the file and runs the whole ingest of it (ingest_bytes: extract, metadata,
//      boilerplate, segmentation), telling the supervisor on the way about helper programs it
//      starts and about extra budget for scanned pages;
//   4. answers with the document's clauses or a one-line failure, and takes the next request.
// Running out of memory ends the worker with kExitOutOfMemory; the supervisor replaces it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "ingest/worker_message.h"

namespace klausul::worker {

/// Exit status of a worker whose allocation failed under its memory limit.
inline constexpr int kExitOutOfMemory = 86;

/// The ingest options a request asks for (OCR by Tesseract, legacy conversion by LibreOffice).
IngestOptions ingest_options(const ExtractRequest& request);

/// Ingests `bytes` (the file at `path`, already read) with `options` and returns the final
/// frame: a `document` frame, or a `failure` frame with the error's one-line reason. Frames
/// the supervisor must see before that (`extend`, for scanned pages) go to `send` as they
/// happen. std::bad_alloc propagates (the worker then ends); other errors become failures.
std::string extract_reply(const std::string& bytes, const std::string& path,
                          IngestOptions options,
                          const std::function<void(const std::string& frame)>& send);

/// The worker's main loop over file descriptors `in` and `out` (stdin/stdout of the worker):
/// serves requests until `in` closes. `memory_limit_mb` > 0 sets RLIMIT_AS first.
/// Returns the process exit status (0 at end of input, 2 on a bad request).
int run_extract_worker(int in, int out, std::int64_t memory_limit_mb);

}  // namespace klausul::worker
