#include "index/stored_data.h"

#include <nlohmann/json.hpp>

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <new>
#include <optional>

#include "index/document_id_bytes.h"
#include "index/schema.h"
#include "index/value_codec.h"
#include "index/varint.h"
#include "ingest/error.h"

namespace klausul {
namespace {

// A whole-number field of stored JSON, `fallback` when it is absent. A number out of Int's
// range (a damaged index: "ord": 2e24) is an IndexError; converting it would be undefined.
template <typename Int>
Int whole_number(const nlohmann::json& j, const char* key, Int fallback) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  constexpr auto lowest = std::numeric_limits<Int>::min();
  constexpr auto highest = std::numeric_limits<Int>::max();
  if (it->is_number_float()) {
    const double value = it->get<double>();
    if (value >= static_cast<double>(lowest) && value < static_cast<double>(highest)) {
      return static_cast<Int>(value);
    }
  } else if (it->is_number_unsigned()) {
    if (it->get<std::uint64_t>() <= static_cast<std::uint64_t>(highest)) return it->get<Int>();
  } else if (it->is_number_integer()) {
    const std::int64_t value = it->get<std::int64_t>();
    if (value >= static_cast<std::int64_t>(lowest) && value <= static_cast<std::int64_t>(highest)) {
      return static_cast<Int>(value);
    }
  } else {
    return it->get<Int>();  // not a number: nlohmann's type_error, as j.value() gives
  }
  throw IndexError(std::string("corrupt record in index: '") + key + "' out of range");
}

BlockKind kind_from_name(const std::string& name) {
  for (BlockKind kind : {BlockKind::heading, BlockKind::paragraph, BlockKind::list_item,
                         BlockKind::table_cell, BlockKind::slide_title, BlockKind::att_decision}) {
    if (block_kind_name(kind) == name) return kind;
  }
  return BlockKind::paragraph;
}

nlohmann::json fact_to_json(const ValidityFact& fact) {
  nlohmann::json j = {{"value", fact.value}};
  if (fact.clause > 0) j["clause"] = fact.clause;
  if (!fact.quote.empty()) j["quote"] = fact.quote;
  return j;
}

ValidityFact fact_from_json(const nlohmann::json& j) {
  ValidityFact fact;
  if (!j.is_object()) return fact;
  fact.value = j.value("value", "");
  fact.clause = whole_number(j, "clause", 0);
  fact.quote = j.value("quote", "");
  return fact;
}

// Only the facts that are known are stored; records written before validity have none.
nlohmann::json validity_to_json(const Validity& v) {
  nlohmann::json j = nlohmann::json::object();
  auto put = [&j](const char* key, const ValidityFact& fact) {
    if (!fact.empty()) j[key] = fact_to_json(fact);
  };
  put("decided", v.decided);
  put("decided_by", v.decided_by);
  put("valid_from", v.valid_from);
  put("valid_to", v.valid_to);
  put("revise_by", v.revise_by);
  put("diarienummer", v.diarienummer);
  put("replaced_by", v.replaced_by);
  put("status", v.status);
  if (!v.replaces.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const ValidityFact& fact : v.replaces) list.push_back(fact_to_json(fact));
    j["replaces"] = list;
  }
  return j;
}

Validity validity_from_json(const nlohmann::json& j) {
  Validity v;
  if (!j.is_object()) return v;
  auto get = [&j](const char* key) {
    return j.contains(key) ? fact_from_json(j.at(key)) : ValidityFact{};
  };
  v.decided = get("decided");
  v.decided_by = get("decided_by");
  v.valid_from = get("valid_from");
  v.valid_to = get("valid_to");
  v.revise_by = get("revise_by");
  v.diarienummer = get("diarienummer");
  v.replaced_by = get("replaced_by");
  v.status = get("status");
  if (j.contains("replaces") && j.at("replaces").is_array()) {
    for (const nlohmann::json& fact : j.at("replaces")) v.replaces.push_back(fact_from_json(fact));
  }
  return v;
}

}  // namespace

// Stored clauses are compact binary (the first byte, kClauseFormat, tells it from the JSON of
// indexes written before): the clause is read for every hit shown and stored once per clause,
// so its keys and quoting cost a million times over. Layout after the format byte:
//   flags (1 byte: kOcr, kNote, kOwnId, kHexDocumentId), kind (1 byte), ordinal, page,
//   slide (varints), document id, text, context (strings), section count (varint) and the
//   headings (strings), and the clause id (string) only when it is not
//   "<document id>:<ordinal>" (kOwnId).
// A document id of 16 lowercase hex digits (ingest's content_id: every id but a test's or a
// bench's) is stored as the 8 bytes they spell (kHexDocumentId, since 2026-12-05): as digits it
// was a sixth of a deflated clause, which no dictionary shrinks.
// A string is its byte length (varint) and its bytes.
// A clause is stored deflated against the clause-word dictionary (index/value_codec.h) when
// that saves at least a tenth (glass compressed the document data that held clauses before
// kClauseSlot, but not values): kDictionaryFormat, the plain form's length (varint), then the
// deflated plain form. Clauses written on 2026-12-03 may be kDeflatedFormat instead: the same
// layout, deflated without a dictionary in a 512-byte window (about 11% of real county
// clauses saved a tenth that way).
namespace {

constexpr char kClauseFormat = '\x01';
constexpr char kDeflatedFormat = '\x02';    // read only
constexpr char kDictionaryFormat = '\x03';
constexpr unsigned char kOcr = 1, kNote = 2, kOwnId = 4, kHexDocumentId = 8;
constexpr std::uint64_t kLongestClause = 64u << 20;  // more is a corrupt length
constexpr int kDeflatedWindowBits = 9;  // kDeflatedFormat's

void put_string(std::string& out, const std::string& text) {
  put_varint(out, text.size());
  out += text;
}

[[noreturn]] void corrupt_clause() {
  throw IndexError("corrupt clause data in index: truncated or malformed");
}

// Reads what put_varint/put_string wrote; throws IndexError at a truncated or bad value.
class ClauseReader {
 public:
  explicit ClauseReader(const std::string& data) : data_(data) {}

  unsigned char byte() {
    if (at_ >= data_.size()) corrupt();
    return static_cast<unsigned char>(data_[at_++]);
  }
  std::uint64_t varint() {
    std::uint64_t value = 0;
    if (!read_varint(data_, at_, value)) corrupt();
    return value;
  }
  int small_int() {
    const std::uint64_t value = varint();
    if (value > 100000000) corrupt();
    return static_cast<int>(value);
  }
  std::string string() {
    const std::uint64_t length = varint();
    if (length > data_.size() - at_) corrupt();
    std::string text = data_.substr(at_, length);
    at_ += length;
    return text;
  }
  size_t position() const { return at_; }

 private:
  [[noreturn]] static void corrupt() { corrupt_clause(); }
  const std::string& data_;
  size_t at_ = 0;
};

// One inflate stream per thread, reset for each clause: setting a stream up allocates its
// window and tables, which per clause would cost more than the inflating.
struct InflateStream {
  z_stream z{};
  InflateStream() {
    if (inflateInit2(&z, -kDeflatedWindowBits) != Z_OK) throw std::bad_alloc();
  }
  ~InflateStream() { inflateEnd(&z); }
};

// The plain form of a kDeflatedFormat clause, which must be exactly `length` bytes.
std::string inflated(const char* data, size_t size, std::uint64_t length) {
  if (length > kLongestClause || length > 1032 * (size + 1)) corrupt_clause();  // see value_codec
  thread_local InflateStream stream;
  z_stream& z = stream.z;
  inflateReset(&z);
  std::string out(length, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
  z.avail_in = static_cast<uInt>(size);
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (inflate(&z, Z_FINISH) != Z_STREAM_END || z.avail_out != 0) corrupt_clause();
  return out;
}

BlockKind kind_from_index(unsigned char index) {
  for (BlockKind kind : {BlockKind::heading, BlockKind::paragraph, BlockKind::list_item,
                         BlockKind::table_cell, BlockKind::slide_title, BlockKind::att_decision}) {
    if (static_cast<unsigned char>(kind) == index) return kind;
  }
  return BlockKind::paragraph;
}


std::string default_clause_id(const std::string& document_id, int ordinal) {
  return document_id + ":" + std::to_string(ordinal);
}

// Indexes written before the binary format stored the clause as JSON.
Clause clause_from_json(const std::string& data) {
  try {
    nlohmann::json j = nlohmann::json::parse(data);
    Clause clause;
    clause.id = j.at("id").get<std::string>();
    clause.document_id = j.at("doc").get<std::string>();
    clause.ordinal = whole_number(j, "ord", 0);
    clause.text = j.value("text", "");
    clause.context = j.value("context", "");
    clause.section = j.value("section", std::vector<std::string>{});
    clause.page = whole_number(j, "page", 0);
    clause.slide = whole_number(j, "slide", 0);
    clause.kind = kind_from_name(j.value("kind", "paragraph"));
    clause.ocr = j.value("ocr", false);
    clause.note = j.value("note", false);
    return clause;
  } catch (const nlohmann::json::exception& e) {
    throw IndexError(std::string("corrupt clause data in index: ") + e.what());
  }
}

}  // namespace

std::string clause_to_data(const Clause& clause) {
  const bool own_id = clause.id != default_clause_id(clause.document_id, clause.ordinal);
  const bool hex_id = is_hex_document_id(clause.document_id);
  std::string out;
  out.reserve(clause.text.size() + clause.document_id.size() + 16);
  out += kClauseFormat;
  out += static_cast<char>((clause.ocr ? kOcr : 0) | (clause.note ? kNote : 0) |
                           (own_id ? kOwnId : 0) | (hex_id ? kHexDocumentId : 0));
  out += static_cast<char>(static_cast<unsigned char>(clause.kind));
  put_varint(out, static_cast<std::uint64_t>(std::max(clause.ordinal, 0)));
  put_varint(out, static_cast<std::uint64_t>(std::max(clause.page, 0)));
  put_varint(out, static_cast<std::uint64_t>(std::max(clause.slide, 0)));
  put_string(out, hex_id ? hex_document_id_to_bytes(clause.document_id) : clause.document_id);
  put_string(out, clause.text);
  put_string(out, clause.context);
  put_varint(out, clause.section.size());
  for (const std::string& heading : clause.section) put_string(out, heading);
  if (own_id) put_string(out, clause.id);
  std::string stored = deflate_framed(kDictionaryFormat, out, ValueDictionary::clause_words);
  return !stored.empty() && stored.size() < out.size() ? stored : out;
}

Clause clause_of_document(const Xapian::Document& doc) {
  const std::string value = doc.get_value(schema::kClauseSlot);
  return clause_from_data(value.empty() ? doc.get_data() : value);
}

Clause clause_from_data(const std::string& data) {
  if (!data.empty() && data[0] == kDictionaryFormat) {
    const std::optional<std::string> plain =
        inflate_framed(data, ValueDictionary::clause_words, kLongestClause);
    if (!plain || (*plain)[0] != kClauseFormat) corrupt_clause();
    return clause_from_data(*plain);
  }
  if (!data.empty() && data[0] == kDeflatedFormat) {
    ClauseReader in(data);
    in.byte();  // the format
    const std::uint64_t length = in.varint();
    const size_t at = in.position();
    const std::string plain = inflated(data.data() + at, data.size() - at, length);
    if (plain.empty() || plain[0] != kClauseFormat) corrupt_clause();
    return clause_from_data(plain);
  }
  if (data.empty() || data[0] != kClauseFormat) return clause_from_json(data);
  ClauseReader in(data);
  in.byte();  // the format
  const unsigned char flags = in.byte();
  Clause clause;
  clause.kind = kind_from_index(in.byte());
  clause.ocr = (flags & kOcr) != 0;
  clause.note = (flags & kNote) != 0;
  clause.ordinal = in.small_int();
  clause.page = in.small_int();
  clause.slide = in.small_int();
  clause.document_id = in.string();
  if ((flags & kHexDocumentId) != 0) {
    if (clause.document_id.size() != kHexDocumentIdDigits / 2) corrupt_clause();
    clause.document_id = bytes_to_hex_document_id(clause.document_id);
  }
  clause.text = in.string();
  clause.context = in.string();
  const int headings = in.small_int();
  for (int i = 0; i < headings; ++i) clause.section.push_back(in.string());
  clause.id = (flags & kOwnId) != 0 ? in.string()
                                    : default_clause_id(clause.document_id, clause.ordinal);
  return clause;
}

std::string validity_to_data(const Validity& validity) {
  return validity_to_json(validity).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string document_info_to_data(const DocumentInfo& info) {
  nlohmann::json j = {{"id", info.id},           {"path", info.path},
                      {"format", info.format},   {"title", info.title},
                      {"region", info.region},   {"region_name", info.region_name},
                      {"organisation", info.organisation},
                      {"doc_type", info.doc_type}, {"year", info.year},
                      {"date", info.date},       {"diarienummer", info.diarienummer},
                      {"pages", info.pages},     {"slides", info.slides},
                      {"clauses", info.clauses}, {"text_bytes", info.text_bytes},
                      {"size", info.size},
                      {"mtime", info.mtime},
                      {"pages_awaiting_ocr", info.pages_awaiting_ocr}};
  const nlohmann::json validity = validity_to_json(info.validity);
  if (!validity.empty()) j["validity"] = validity;
  return j.dump();
}

DocumentInfo document_info_from_data(const std::string& data) {
  try {
    nlohmann::json j = nlohmann::json::parse(data);
    DocumentInfo info;
    info.id = j.at("id").get<std::string>();
    info.path = j.value("path", "");
    info.format = j.value("format", "");
    info.title = j.value("title", "");
    info.region = j.value("region", "");
    info.region_name = j.value("region_name", "");
    info.organisation = j.value("organisation", "");
    info.doc_type = j.value("doc_type", "");
    info.year = whole_number(j, "year", 0);
    info.date = j.value("date", "");
    info.diarienummer = j.value("diarienummer", "");
    info.pages = whole_number(j, "pages", 0);
    info.slides = whole_number(j, "slides", 0);
    info.clauses = whole_number(j, "clauses", 0);
    info.text_bytes = whole_number(j, "text_bytes", std::int64_t{0});
    info.size = whole_number(j, "size", std::int64_t{0});
    info.mtime = whole_number(j, "mtime", std::int64_t{0});
    info.pages_awaiting_ocr = whole_number(j, "pages_awaiting_ocr", 0);
    if (j.contains("validity")) info.validity = validity_from_json(j.at("validity"));
    return info;
  } catch (const nlohmann::json::exception& e) {
    throw IndexError(std::string("corrupt document record in index: ") + e.what());
  }
}

}  // namespace klausul
