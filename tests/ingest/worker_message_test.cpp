// The worker message format: round trips, and every way a dying or confused worker can break a
// frame (truncation anywhere, wrong version, unknown kind, absurd lengths, padded numbers).
#include "ingest/worker_message.h"

#include <gtest/gtest.h>

namespace klausul::worker {
namespace {

IngestedFile sample_file() {
  IngestedFile file;
  file.info.id = "0123456789abcdef";
  file.info.path = "/arkiv/örebro/riktlinjer.pdf";
  file.info.format = "pdf";
  file.info.title = "Riktlinjer för internationellt engagemang";
  file.info.region = "orebro";
  file.info.region_name = "Region Örebro län";
  file.info.doc_type = "riktlinjer";
  file.info.year = 2011;
  file.info.date = "2011-05-01";
  file.info.diarienummer = "LS 1103-0413";
  file.info.pages = 3;
  file.info.clauses = 4;
  file.info.size = 123456789012;
  file.info.mtime = -5;  // before the epoch: signed numbers survive
  file.info.ocr_pages = 1;
  file.info.skipped_pages = 2;
  file.info.pages_awaiting_ocr = 2;
  file.info.validity.decided = {"2011-05-01", 3, "Beslutad av landstingsfullmäktige 2011-05-01"};
  file.info.validity.valid_to = {"tills vidare", 0, "manifest klausul.csv rad 2"};
  file.info.validity.replaces = {{"LS 0901-0012", 4, "ersätter"}, {"Policy 2003", 4, "och"}};
  const std::vector<std::vector<std::string>> sections = {
      {}, {"Inledning"}, {"Inledning", "Syfte"}, {"Ansvar"}};
  for (int i = 0; i < 4; ++i) {
    Clause c;
    c.ordinal = i + 1;
    c.document_id = file.info.id;
    c.id = file.info.id + ":" + std::to_string(c.ordinal);
    c.text = "Klausul " + std::to_string(i) + " om hälso- och sjukvård";
    c.context = i == 2 ? "Landstinget ska:" : "";
    c.section = sections[static_cast<size_t>(i)];
    c.page = i + 1;
    c.slide = i == 3 ? 7 : 0;
    c.kind = i == 2 ? BlockKind::list_item : BlockKind::paragraph;
    c.note = i == 1;
    c.ocr = i == 3;
    file.clauses.push_back(c);
  }
  return file;
}

void expect_same(const IngestedFile& a, const IngestedFile& b) {
  EXPECT_EQ(a.info.id, b.info.id);
  EXPECT_EQ(a.info.path, b.info.path);
  EXPECT_EQ(a.info.title, b.info.title);
  EXPECT_EQ(a.info.region_name, b.info.region_name);
  EXPECT_EQ(a.info.diarienummer, b.info.diarienummer);
  EXPECT_EQ(a.info.year, b.info.year);
  EXPECT_EQ(a.info.size, b.info.size);
  EXPECT_EQ(a.info.mtime, b.info.mtime);
  EXPECT_EQ(a.info.skipped_pages, b.info.skipped_pages);
  EXPECT_EQ(a.info.pages_awaiting_ocr, b.info.pages_awaiting_ocr);
  EXPECT_EQ(a.info.validity.decided.value, b.info.validity.decided.value);
  EXPECT_EQ(a.info.validity.decided.clause, b.info.validity.decided.clause);
  EXPECT_EQ(a.info.validity.decided.quote, b.info.validity.decided.quote);
  EXPECT_EQ(a.info.validity.valid_to.value, b.info.validity.valid_to.value);
  ASSERT_EQ(a.info.validity.replaces.size(), b.info.validity.replaces.size());
  EXPECT_EQ(a.info.validity.replaces[1].value, b.info.validity.replaces[1].value);
  ASSERT_EQ(a.clauses.size(), b.clauses.size());
  for (size_t i = 0; i < a.clauses.size(); ++i) {
    const Clause& x = a.clauses[i];
    const Clause& y = b.clauses[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.document_id, y.document_id);
    EXPECT_EQ(x.ordinal, y.ordinal);
    EXPECT_EQ(x.text, y.text);
    EXPECT_EQ(x.context, y.context);
    EXPECT_EQ(x.section, y.section);
    EXPECT_EQ(x.page, y.page);
    EXPECT_EQ(x.slide, y.slide);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.note, y.note);
    EXPECT_EQ(x.ocr, y.ocr);
  }
}

TEST(WorkerMessage, DocumentRoundTripRebuildsClauseIdsAndSections) {
  const IngestedFile file = sample_file();
  std::string stream = encode_frame(MessageKind::document, encode_document(file));
  std::optional<Frame> frame = take_frame(stream);
  ASSERT_TRUE(frame);
  EXPECT_TRUE(stream.empty());
  EXPECT_EQ(frame->kind, MessageKind::document);
  expect_same(decode_document(frame->payload), file);
}

TEST(WorkerMessage, RequestRoundTripWithAndWithoutManifestEntry) {
  ExtractRequest request;
  request.path = "/arkiv/a b/ö.pdf";
  request.region_override = "jonkoping";
  request.ocr = false;
  request.budget_ms = 54000;
  request.ocr_ms_per_page = 30000;
  ExtractRequest back = decode_request(encode_request(request));
  EXPECT_EQ(back.path, request.path);
  EXPECT_FALSE(back.manifest);
  EXPECT_EQ(back.region_override, "jonkoping");
  EXPECT_FALSE(back.ocr);
  EXPECT_EQ(back.max_file_bytes, request.max_file_bytes);
  EXPECT_EQ(back.budget_ms, 54000);
  EXPECT_EQ(back.ocr_ms_per_page, 30000);

  ManifestEntry entry;
  entry.path = "ö.pdf";
  entry.region = "orebro";
  entry.organisation = "Regionstyrelsen";
  entry.year = 2012;
  entry.charset = "cp850";
  entry.valid_to = "tills vidare";
  entry.origin = "manifest klausul.csv rad 3";
  request.manifest = entry;
  back = decode_request(encode_request(request));
  ASSERT_TRUE(back.manifest);
  EXPECT_EQ(back.manifest->region, "orebro");
  EXPECT_EQ(back.manifest->organisation, "Regionstyrelsen");
  EXPECT_EQ(back.manifest->year, 2012);
  EXPECT_EQ(back.manifest->charset, "cp850");
  EXPECT_EQ(back.manifest->valid_to, "tills vidare");
  EXPECT_EQ(back.manifest->origin, "manifest klausul.csv rad 3");
}

TEST(WorkerMessage, NumbersAndTextsRoundTrip) {
  for (std::int64_t n : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{300},
                         std::int64_t{-300}, INT64_MAX, INT64_MIN}) {
    EXPECT_EQ(decode_number(encode_number(n)), n);
  }
  EXPECT_EQ(decode_text(encode_text("")), "");
  EXPECT_EQ(decode_text(encode_text(std::string(70000, 'x'))), std::string(70000, 'x'));
}

// A worker that dies mid-write leaves a prefix of a frame: never a frame, never a document.
TEST(WorkerMessage, EveryTruncatedFrameIsIncompleteAndEveryTruncatedPayloadAnError) {
  const std::string payload = encode_document(sample_file());
  const std::string whole = encode_frame(MessageKind::document, payload);
  for (size_t n = 0; n < whole.size(); ++n) {
    std::string prefix = whole.substr(0, n);
    EXPECT_FALSE(take_frame(prefix)) << "frame cut after " << n << " bytes";
    EXPECT_EQ(prefix.size(), n) << "an incomplete frame is left in the buffer";
  }
  for (size_t n = 0; n < payload.size(); ++n) {
    EXPECT_THROW(decode_document(payload.substr(0, n)), MessageError) << "payload cut at " << n;
  }
  EXPECT_THROW(decode_document(payload + "x"), MessageError);
  const std::string request = encode_request(ExtractRequest{});
  for (size_t n = 0; n < request.size(); ++n) {
    EXPECT_THROW(decode_request(request.substr(0, n)), MessageError);
  }
}

TEST(WorkerMessage, FramesAreTakenOneByOneFromAStream) {
  std::string stream = encode_frame(MessageKind::extend, encode_number(30000)) +
                       encode_frame(MessageKind::failure, encode_text("not a PDF"));
  std::optional<Frame> first = take_frame(stream);
  std::optional<Frame> second = take_frame(stream);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->kind, MessageKind::extend);
  EXPECT_EQ(decode_number(first->payload), 30000);
  EXPECT_EQ(second->kind, MessageKind::failure);
  EXPECT_EQ(decode_text(second->payload), "not a PDF");
  EXPECT_FALSE(take_frame(stream));
}

TEST(WorkerMessage, WrongVersionUnknownKindAndAbsurdLengthAreRefused) {
  std::string other_version = encode_frame(MessageKind::failure, "x");
  other_version[0] = static_cast<char>(kMessageVersion + 1);
  EXPECT_THROW(take_frame(other_version), MessageError);
  std::string unknown_kind = encode_frame(MessageKind::failure, "x");
  unknown_kind[1] = 9;
  EXPECT_THROW(take_frame(unknown_kind), MessageError);
  // A length of 4 GB is refused from the header alone, before waiting for (or allocating) it.
  std::string huge = encode_frame(MessageKind::document, "");
  for (int i = 2; i < 6; ++i) huge[static_cast<size_t>(i)] = '\xff';
  EXPECT_THROW(take_frame(huge), MessageError);
}

TEST(WorkerMessage, OnlyOneEncodingPerMessageIsAccepted) {
  EXPECT_THROW(decode_number(std::string("\x80\x00", 2)), MessageError);  // padded zero
  EXPECT_THROW(decode_text(std::string("\x05" "ab", 3)), MessageError);   // text past the end
  // A clause count larger than the bytes left is refused before anything is reserved.
  IngestedFile empty;
  std::string payload = encode_document(empty);
  payload.back() = '\x7f';
  EXPECT_THROW(decode_document(payload), MessageError);
}

}  // namespace
}  // namespace klausul::worker
