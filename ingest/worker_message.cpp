#include "ingest/worker_message.h"

#include <utility>
#include <vector>

namespace klausul::worker {
namespace {

// Appends fields to a payload.
class Writer {
 public:
  void unsigned_number(std::uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void number(std::int64_t v) {  // zigzag: small negative numbers stay short
    unsigned_number((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void text(std::string_view s) {
    unsigned_number(s.size());
    out_.append(s);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads fields from a payload; every read is bounds-checked.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t unsigned_number() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) throw MessageError("truncated number");
      const auto byte = static_cast<std::uint8_t>(in_[pos_++]);
      // One encoding per number (no padding bytes, nothing past 64 bits): a decoded message
      // encodes back to the same bytes.
      if ((shift > 0 && byte == 0) || (shift == 63 && byte > 1)) {
        throw MessageError("non-canonical number");
      }
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    throw MessageError("number too long");
  }
  std::int64_t number() {
    const std::uint64_t z = unsigned_number();
    return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  int small_number() {  // page, ordinal, count: must fit an int
    const std::int64_t v = number();
    if (v < -(1LL << 31) || v >= (1LL << 31)) throw MessageError("number out of range");
    return static_cast<int>(v);
  }
  std::string text() {
    const std::uint64_t n = unsigned_number();
    if (n > in_.size() - pos_) throw MessageError("truncated text");
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items that each take at least one byte: never more than the bytes left.
  std::size_t count() {
    const std::uint64_t n = unsigned_number();
    if (n > in_.size() - pos_) throw MessageError("count beyond the message");
    return static_cast<std::size_t>(n);
  }
  void expect_end() const {
    if (pos_ != in_.size()) throw MessageError("trailing bytes");
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

void write_fact(Writer& w, const ValidityFact& f) {
  w.text(f.value);
  w.number(f.clause);
  w.text(f.quote);
}

ValidityFact read_fact(Reader& r) {
  ValidityFact f;
  f.value = r.text();
  f.clause = r.small_number();
  f.quote = r.text();
  return f;
}

void write_validity(Writer& w, const Validity& v) {
  for (const ValidityFact* f : {&v.decided, &v.decided_by, &v.valid_from, &v.valid_to,
                                &v.revise_by, &v.diarienummer, &v.replaced_by, &v.status}) {
    write_fact(w, *f);
  }
  w.unsigned_number(v.replaces.size());
  for (const ValidityFact& f : v.replaces) write_fact(w, f);
}

Validity read_validity(Reader& r) {
  Validity v;
  for (ValidityFact* f : {&v.decided, &v.decided_by, &v.valid_from, &v.valid_to, &v.revise_by,
                          &v.diarienummer, &v.replaced_by, &v.status}) {
    *f = read_fact(r);
  }
  for (std::size_t n = r.count(); n > 0; --n) v.replaces.push_back(read_fact(r));
  return v;
}

void write_info(Writer& w, const DocumentInfo& d) {
  for (const std::string* s : {&d.id, &d.path, &d.format, &d.title, &d.region, &d.region_name,
                               &d.organisation, &d.doc_type, &d.date, &d.diarienummer}) {
    w.text(*s);
  }
  for (std::int64_t n : {std::int64_t{d.year}, std::int64_t{d.pages}, std::int64_t{d.slides},
                         std::int64_t{d.clauses}, d.size, d.mtime, std::int64_t{d.ocr_pages},
                         std::int64_t{d.skipped_pages}, std::int64_t{d.pages_awaiting_ocr}}) {
    w.number(n);
  }
  write_validity(w, d.validity);
}

DocumentInfo read_info(Reader& r) {
  DocumentInfo d;
  for (std::string* s : {&d.id, &d.path, &d.format, &d.title, &d.region, &d.region_name,
                         &d.organisation, &d.doc_type, &d.date, &d.diarienummer}) {
    *s = r.text();
  }
  for (int* n : {&d.year, &d.pages, &d.slides, &d.clauses}) *n = r.small_number();
  d.size = r.number();
  d.mtime = r.number();
  for (int* n : {&d.ocr_pages, &d.skipped_pages, &d.pages_awaiting_ocr}) *n = r.small_number();
  d.validity = read_validity(r);
  return d;
}

constexpr int kNoteFlag = 1;
constexpr int kOcrFlag = 2;
constexpr int kLastKind = static_cast<int>(BlockKind::att_decision);

void write_clause(Writer& w, const Clause& c, const std::vector<std::string>& previous_section) {
  w.number(c.ordinal);
  w.text(c.text);
  w.text(c.context);
  std::size_t shared = 0;
  while (shared < c.section.size() && shared < previous_section.size() &&
         c.section[shared] == previous_section[shared]) {
    ++shared;
  }
  w.unsigned_number(shared);
  w.unsigned_number(c.section.size() - shared);
  for (std::size_t i = shared; i < c.section.size(); ++i) w.text(c.section[i]);
  w.number(c.page);
  w.number(c.slide);
  w.unsigned_number(static_cast<std::uint64_t>(c.kind));
  w.unsigned_number((c.note ? kNoteFlag : 0) | (c.ocr ? kOcrFlag : 0));
}

Clause read_clause(Reader& r, const std::string& document_id,
                   const std::vector<std::string>& previous_section) {
  Clause c;
  c.ordinal = r.small_number();
  c.document_id = document_id;
  c.id = document_id + ":" + std::to_string(c.ordinal);
  c.text = r.text();
  c.context = r.text();
  const std::uint64_t shared = r.unsigned_number();
  if (shared > previous_section.size()) throw MessageError("section shares more than it has");
  c.section.assign(previous_section.begin(), previous_section.begin() + static_cast<long>(shared));
  for (std::size_t n = r.count(); n > 0; --n) c.section.push_back(r.text());
  if (c.section.size() > shared && shared < previous_section.size() &&
      c.section[shared] == previous_section[shared]) {
    throw MessageError("section shares less than it could");  // one encoding per document
  }
  c.page = r.small_number();
  c.slide = r.small_number();
  const std::uint64_t kind = r.unsigned_number();
  if (kind > kLastKind) throw MessageError("unknown clause kind");
  c.kind = static_cast<BlockKind>(kind);
  const std::uint64_t flags = r.unsigned_number();
  if (flags > (kNoteFlag | kOcrFlag)) throw MessageError("unknown clause flags");
  c.note = (flags & kNoteFlag) != 0;
  c.ocr = (flags & kOcrFlag) != 0;
  return c;
}

}  // namespace

std::string encode_frame(MessageKind kind, std::string_view payload) {
  std::string frame;
  frame.reserve(kHeaderBytes + payload.size());
  frame += static_cast<char>(kMessageVersion);
  frame += static_cast<char>(kind);
  const auto n = static_cast<std::uint32_t>(payload.size());
  for (int i = 0; i < 4; ++i) frame += static_cast<char>((n >> (8 * i)) & 0xff);
  frame.append(payload);
  return frame;
}

std::optional<Frame> take_frame(std::string& buffer) {
  if (buffer.size() < kHeaderBytes) return std::nullopt;
  if (static_cast<std::uint8_t>(buffer[0]) != kMessageVersion) {
    throw MessageError("version " + std::to_string(static_cast<std::uint8_t>(buffer[0])) +
                       ", expected " + std::to_string(kMessageVersion));
  }
  const auto kind = static_cast<std::uint8_t>(buffer[1]);
  if (kind < static_cast<std::uint8_t>(MessageKind::request) ||
      kind > static_cast<std::uint8_t>(MessageKind::failure)) {
    throw MessageError("unknown kind " + std::to_string(kind));
  }
  std::uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(buffer[2 + i])) << (8 * i);
  if (n > kMaxPayloadBytes) throw MessageError("payload of " + std::to_string(n) + " bytes");
  if (buffer.size() - kHeaderBytes < n) return std::nullopt;
  Frame frame{static_cast<MessageKind>(kind), buffer.substr(kHeaderBytes, n)};
  buffer.erase(0, kHeaderBytes + n);
  return frame;
}

std::string encode_request(const ExtractRequest& q) {
  Writer w;
  w.text(q.path);
  w.unsigned_number(q.manifest ? 1 : 0);
  if (q.manifest) {
    const ManifestEntry& m = *q.manifest;
    for (const std::string* s : {&m.path, &m.region, &m.organisation, &m.doc_type, &m.title,
                                 &m.charset, &m.decided, &m.decided_by, &m.valid_from, &m.valid_to,
                                 &m.revise_by, &m.diarienummer, &m.replaces, &m.replaced_by,
                                 &m.status, &m.origin}) {
      w.text(*s);
    }
    w.number(m.year);
  }
  w.text(q.region_override);
  w.unsigned_number(q.ocr ? 1 : 0);
  w.number(q.max_file_bytes);
  w.number(q.budget_ms);
  w.number(q.ocr_ms_per_page);
  return w.take();
}

ExtractRequest decode_request(std::string_view payload) {
  Reader r(payload);
  ExtractRequest q;
  q.path = r.text();
  const std::uint64_t has_manifest = r.unsigned_number();
  if (has_manifest > 1) throw MessageError("bad manifest flag");
  if (has_manifest == 1) {
    ManifestEntry m;
    for (std::string* s : {&m.path, &m.region, &m.organisation, &m.doc_type, &m.title,
                           &m.charset, &m.decided, &m.decided_by, &m.valid_from, &m.valid_to,
                           &m.revise_by, &m.diarienummer, &m.replaces, &m.replaced_by, &m.status,
                           &m.origin}) {
      *s = r.text();
    }
    m.year = r.small_number();
    q.manifest = std::move(m);
  }
  q.region_override = r.text();
  const std::uint64_t ocr = r.unsigned_number();
  if (ocr > 1) throw MessageError("bad OCR flag");
  q.ocr = ocr == 1;
  q.max_file_bytes = r.number();
  q.budget_ms = r.number();
  q.ocr_ms_per_page = r.number();
  r.expect_end();
  return q;
}

std::string encode_document(const IngestedFile& file) {
  Writer w;
  write_info(w, file.info);
  w.unsigned_number(file.clauses.size());
  const std::vector<std::string> none;
  const std::vector<std::string>* previous = &none;
  for (const Clause& c : file.clauses) {
    write_clause(w, c, *previous);
    previous = &c.section;
  }
  return w.take();
}

IngestedFile decode_document(std::string_view payload) {
  Reader r(payload);
  IngestedFile file;
  file.info = read_info(r);
  const std::size_t n = r.count();
  file.clauses.reserve(n);
  const std::vector<std::string> none;
  const std::vector<std::string>* previous = &none;  // stable: the clauses are reserved
  for (std::size_t i = 0; i < n; ++i) {
    file.clauses.push_back(read_clause(r, file.info.id, *previous));
    previous = &file.clauses.back().section;
  }
  r.expect_end();
  return file;
}

std::string encode_number(std::int64_t value) {
  Writer w;
  w.number(value);
  return w.take();
}

std::int64_t decode_number(std::string_view payload) {
  Reader r(payload);
  const std::int64_t v = r.number();
  r.expect_end();
  return v;
}

std::string encode_text(std::string_view text) {
  Writer w;
  w.text(text);
  return w.take();
}

std::string decode_text(std::string_view payload) {
  Reader r(payload);
  std::string s = r.text();
  r.expect_end();
  return s;
}

}  // namespace klausul::worker
