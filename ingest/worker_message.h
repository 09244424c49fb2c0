// THE message format between `klausul ingest` and its extraction workers (ingest/extract_worker.h,
// ingest/worker_process.h): every frame, every field, in one header.
//
// A frame is a 6-byte header and a payload:
//   byte 0     kMessageVersion (a worker from another build is refused, never misread)
//   byte 1     MessageKind
//   bytes 2-5  payload length, unsigned little-endian, at most kMaxPayloadBytes
// Payload fields are unsigned LEB128 varints (signed numbers zigzag-encoded) and strings (a
// varint byte count, then the bytes). A frame is read whole or not at all: a worker that dies
// mid-write leaves a truncated frame, which is an error for that file, never half a document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/error.h"
#include "ingest/ingest_file.h"
#include "ingest/manifest.h"

namespace klausul::worker {

inline constexpr std::uint8_t kMessageVersion = 1;
inline constexpr std::size_t kHeaderBytes = 6;
// A document's clauses are far below this (a 5,000-page PDF gives some 50 MB of text); a
// larger length is a corrupt header, refused before anything is allocated for it.
inline constexpr std::uint32_t kMaxPayloadBytes = 256u << 20;

enum class MessageKind : std::uint8_t {
  request = 1,   // supervisor -> worker: ExtractRequest
  helper = 2,    // worker -> supervisor: a helper program started in process group N (varint)
  extend = 3,    // worker -> supervisor: N more seconds of budget for this file (OCR pages)
  document = 4,  // worker -> supervisor: the file's IngestedFile; ends the file
  failure = 5,   // worker -> supervisor: the file's one-line IngestError reason; ends the file
};

/// A malformed or truncated message. what() is the reason ("truncated message").
class MessageError : public IngestError {
 public:
  explicit MessageError(const std::string& reason) : IngestError("bad worker message: " + reason) {}
};

/// One frame: its kind and its payload, still encoded.
struct Frame {
  MessageKind kind = MessageKind::failure;
  std::string payload;
};

/// What the supervisor asks a worker to do with one file.
struct ExtractRequest {
  std::string path;                      // absolute path; the worker reads the file itself
  std::optional<ManifestEntry> manifest; // the manifest's entry for the path, if any
  std::string region_override;           // --region
  bool ocr = true;                       // --no-ocr turns it off
  std::int64_t max_file_bytes = 512LL * 1024 * 1024;
  std::int64_t budget_ms = 0;            // the file's budget for OCR and conversion steps
  std::int64_t ocr_ms_per_page = 0;      // budget added per scanned page read by OCR
};

/// The header and payload as bytes ready to write.
std::string encode_frame(MessageKind kind, std::string_view payload);

/// Takes the first whole frame off the front of `buffer`. Returns nullopt when the buffer
/// holds only part of one (read more); throws MessageError on a wrong version, an unknown
/// kind or a length above kMaxPayloadBytes.
std::optional<Frame> take_frame(std::string& buffer);

std::string encode_request(const ExtractRequest& request);
/// Throws MessageError when the payload is not exactly one request.
ExtractRequest decode_request(std::string_view payload);

/// Clause ids and document ids are not sent: they are rebuilt from info.id and the ordinal,
/// and a clause's section is sent as the part that differs from the clause before it.
std::string encode_document(const IngestedFile& file);
/// Throws MessageError when the payload is not exactly one document.
IngestedFile decode_document(std::string_view payload);

std::string encode_number(std::int64_t value);
/// Throws MessageError when the payload is not exactly one number.
std::int64_t decode_number(std::string_view payload);

std::string encode_text(std::string_view text);
/// Throws MessageError when the payload is not exactly one string.
std::string decode_text(std::string_view payload);

}  // namespace klausul::worker
