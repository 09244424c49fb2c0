// Fuzz target: the extraction worker's path for one file, from the bytes it read to the frames
// it sends: extract_reply() (detect + PDF/ZIP/HTML/text extractor + metadata + boilerplate +
// segmentation, all of ingest_bytes()), then the supervisor's side of the message format
// (take_frame, decode_document / decode_text / decode_number). A document must come back from
// its frame exactly as it was encoded, and must be the only final frame.
#include <string>

#include "ingest/convert_legacy.h"
#include "ingest/extract_worker.h"
#include "ingest/ocr.h"
#include "ingest/worker_message.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

using namespace klausul;
using worker::MessageKind;

// Scanned pages are still rendered by Poppler (hostile MediaBoxes are part of the attack
// surface); only the Tesseract subprocess is replaced, by canned text that exercises the OCR
// block builder (hyphenation, list items) at the speed a fuzzer needs.
class CannedOcr : public OcrEngine {
 public:
  std::string recognise(const GrayImage&, std::chrono::steady_clock::time_point) const override {
    return "Rubrik\n\nEn mening om utveck-\nlingen av vården.\n- en punkt\n";
  }
};

// No LibreOffice subprocess per input: legacy DOC/PPT stop after the OLE2 sniffing.
class NoConverter : public DocumentConverter {
 public:
  bool available() const override { return true; }
  std::string convert(std::string_view, const std::string&, const std::string&,
                      std::chrono::steady_clock::time_point) const override {
    throw IngestError("no converter while fuzzing");
  }
};

// A broken round trip is a bug: it reaches std::terminate like any undocumented exception.
void check(bool ok, const char* what) {
  if (!ok) throw std::logic_error(what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const CannedOcr ocr;
  static const NoConverter converter;
  worker::ExtractRequest request;
  // A name without extension: the content alone decides the format, as for most files.
  request.path = "/fuzz/input";
  request.budget_ms = 20000;  // a fuzzer reports slower inputs as timeouts
  request.ocr_ms_per_page = 1;
  IngestOptions options = worker::ingest_options(request);
  options.ocr_engine = &ocr;
  options.converter = &converter;
  const std::string bytes(fuzz::as_view(data, size));

  std::string stream;  // what the supervisor reads, frame after frame
  const std::string last = worker::extract_reply(
      bytes, request.path, options, [&](const std::string& frame) { stream += frame; });
  stream += last;
  int finals = 0;
  while (std::optional<worker::Frame> frame = worker::take_frame(stream)) {
    switch (frame->kind) {
      case MessageKind::extend: check(worker::decode_number(frame->payload) == 1, "extend"); break;
      case MessageKind::failure: ++finals; check(!worker::decode_text(frame->payload).empty(), "reason"); break;
      case MessageKind::document: {
        ++finals;
        const IngestedFile file = worker::decode_document(frame->payload);
        check(static_cast<int>(file.clauses.size()) == file.info.clauses, "clause count");
        check(worker::encode_document(file) == frame->payload, "document round trip");
        break;
      }
      default: check(false, "unexpected frame kind");
    }
  }
  check(stream.empty() && finals == 1, "exactly one final frame, nothing left over");
  return 0;
}
