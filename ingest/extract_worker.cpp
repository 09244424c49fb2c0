#include "ingest/extract_worker.h"
#include "ingest/address_sanitizer.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <new>
#include <thread>
#include <vector>

#include "ingest/error.h"
#include "ingest/regions.h"
#include "ingest/subprocess.h"

namespace klausul::worker {
namespace {

int reply_fd = -1;  // where frames go; set once by run_extract_worker

// Writes all of `data`; false when the supervisor is gone.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

void send_frame(const std::string& frame) {
  if (!write_all(reply_fd, frame)) std::_Exit(0);  // nobody listens any more
}

void report_helper(int process_group) {
  send_frame(encode_frame(MessageKind::helper, encode_number(process_group)));
}

// Test-only faults, so that the end-to-end tests can make a worker misbehave on purpose:
// KLAUSUL_TEST_FAULT="crash:NAME,hang:NAME,oom:NAME,helper:NAME,garble:NAME" applies each
// fault to every file whose path contains NAME. Without the variable nothing happens.
void inject_fault(const std::string& path) {
  const char* spec = std::getenv("KLAUSUL_TEST_FAULT");
  if (spec == nullptr) return;
  std::string rest = spec;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string item = rest.substr(0, comma);
    rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    const size_t colon = item.find(':');
    if (colon == std::string::npos || path.find(item.substr(colon + 1)) == std::string::npos) {
      continue;
    }
    const std::string action = item.substr(0, colon);
    if (action == "crash") {  // as a library's SIGSEGV (also past a sanitizer's handler)
      ::signal(SIGSEGV, SIG_DFL);
      ::raise(SIGSEGV);
    }
    if (action == "hang") {
      while (true) std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    if (action == "oom") {
      std::vector<std::unique_ptr<char[]>> hog;
      while (true) hog.emplace_back(new char[64 << 20]);  // untouched: address space only
    }
    if (action == "helper") {  // a helper that outlives its budget, like a stuck soffice
      run_process({"sleep", "297"}, std::chrono::steady_clock::now() + std::chrono::hours(1));
    }
    if (action == "garble") {  // dies in the middle of a frame
      const std::string frame = encode_frame(MessageKind::document, std::string(100, 'x'));
      write_all(reply_fd, std::string_view(frame).substr(0, 40));
      std::_Exit(0);
    }
  }
}

// Reads until one whole frame is in `buffer`. False at end of input.
bool read_frame(int fd, std::string& buffer, Frame& frame) {
  char chunk[65536];
  while (true) {
    if (std::optional<Frame> f = take_frame(buffer)) {
      frame = std::move(*f);
      return true;
    }
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<size_t>(n));
  }
}


void limit_address_space(std::int64_t megabytes) {
  if (megabytes <= 0 || kAddressSanitizer) return;
  rlimit limit{};
  ::getrlimit(RLIMIT_AS, &limit);
  // Only the soft limit: helpers (soffice, tesseract) inherit it, and may raise it again.
  limit.rlim_cur = static_cast<rlim_t>(megabytes) << 20;
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_cur > limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
  }
  ::setrlimit(RLIMIT_AS, &limit);
}

}  // namespace

IngestOptions ingest_options(const ExtractRequest& request) {
  IngestOptions options;
  options.regions = &RegionTable::builtin();
  options.manifest_entry = request.manifest;
  options.region_override = request.region_override;
  options.ocr = request.ocr;
  options.max_file_bytes = request.max_file_bytes;
  if (request.budget_ms > 0) options.time_budget = std::chrono::milliseconds(request.budget_ms);
  options.ocr_time_per_page = std::chrono::milliseconds(std::max<std::int64_t>(0, request.ocr_ms_per_page));
  return options;
}

std::string extract_reply(const std::string& bytes, const std::string& path,
                          IngestOptions options,
                          const std::function<void(const std::string& frame)>& send) {
  options.on_budget_extended = [&send](std::chrono::milliseconds more) {
    send(encode_frame(MessageKind::extend, encode_number(more.count())));
  };
  try {
    IngestedFile file = ingest_bytes(bytes, path, options);
    return encode_frame(MessageKind::document, encode_document(file));
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {  // IngestError, UsageError (a bad --region), others
    return encode_frame(MessageKind::failure, encode_text(e.what()));
  }
}

int run_extract_worker(int in, int out, std::int64_t memory_limit_mb) {
  // Die with the supervisor, even when stuck inside a parser; it may already be gone.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() == 1) return 0;
  limit_address_space(memory_limit_mb);
  // Frames travel on private copies of the descriptors; whatever a library prints to stdout
  // goes to stderr instead of into the frame stream.
  in = ::fcntl(in, F_DUPFD_CLOEXEC, 3);
  reply_fd = ::fcntl(out, F_DUPFD_CLOEXEC, 3);
  const int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  ::dup2(devnull, 0);
  ::dup2(2, 1);
  set_helper_observer(report_helper);

  std::string buffer;
  Frame frame;
  try {
    while (read_frame(in, buffer, frame)) {
      if (frame.kind != MessageKind::request) return 2;
      const ExtractRequest request = decode_request(frame.payload);
      inject_fault(request.path);
      std::string reply;
      try {
        const std::string bytes = read_source_file(request.path, request.max_file_bytes);
        reply = extract_reply(bytes, request.path, ingest_options(request), send_frame);
      } catch (const IngestError& e) {  // the file could not be read
        reply = encode_frame(MessageKind::failure, encode_text(e.what()));
      }
      send_frame(reply);
    }
  } catch (const std::bad_alloc&) {
    std::_Exit(kExitOutOfMemory);
  } catch (const MessageError&) {
    return 2;
  }
  return 0;
}

}  // namespace klausul::worker
