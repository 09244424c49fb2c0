// Fuzz target: the supervisor's decoder of the worker message format (ingest/worker_message.h)
// on arbitrary bytes — what a worker that went wrong could send. Every frame and payload is
// either decoded or refused with MessageError (an IngestError); whatever decodes must encode
// back to the same bytes. The first input byte picks how the payload is read, so seeds are
// plain frames with one byte in front.
#include <string>

#include "ingest/worker_message.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::logic_error(what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace klausul::worker;
  if (size == 0) return 0;
  std::string stream(klausul::fuzz::as_view(data + 1, size - 1));
  const int as = data[0] % 5;
  klausul::fuzz::expect_only_documented_errors([&] {
    while (std::optional<Frame> frame = take_frame(stream)) {
      // The payload is read as the frame says, and also as the first byte says (a frame's
      // kind can lie about its payload).
      for (int k : {static_cast<int>(frame->kind), as + 1}) {
        try {
          switch (static_cast<MessageKind>(k)) {
            case MessageKind::request:
              check(encode_request(decode_request(frame->payload)) == frame->payload, "request");
              break;
            case MessageKind::helper:
            case MessageKind::extend:
              (void)decode_number(frame->payload);  // several encodings of one number exist
              break;
            case MessageKind::document:
              check(encode_document(decode_document(frame->payload)) == frame->payload,
                    "document");
              break;
            case MessageKind::failure:
              check(encode_text(decode_text(frame->payload)) == frame->payload, "text");
              break;
          }
        } catch (const MessageError&) {
        }
      }
    }
  });
  return 0;
}
