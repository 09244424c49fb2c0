#include "index/stem_list.h"

#include <charconv>
#include <cstdint>
#include <optional>

#include "index/schema.h"
#include "index/value_codec.h"
#include "index/varint.h"

namespace klausul {
namespace {

constexpr char kWdfSeparator = '\x01';  // text format of older indexes
// Front-coded format: this first byte, then per entry the bytes shared with the previous
// term, the length of the rest, the rest, and the wdf as a varint. Terms come sorted (term
// list order), so neighbours share their "Z" and often more: a third smaller than the text
// format, and the value is stored on every clause.
constexpr char kFrontCodedFormat = '\x02';
constexpr size_t kMaxTermBytes = 245;  // Xapian's term limit: lengths fit one byte
// Deflated format (since 2026-12-03 evening): this first byte, the plain form's length
// (varint), then the plain form deflated against the stem dictionary (index/value_codec.h).
// The plain form is per entry the term without its "Z", then one byte: ' ' for a frequency of
// 1, 1..30 for 2..31, 31 followed by the frequency as a varint. Stems are letters and digits,
// so the byte ends the term; the dictionary holds "stem " for the commonest stems. About half
// the front-coded size on real county texts.
constexpr char kDeflatedFormat = '\x03';
constexpr unsigned char kFrequencyOne = ' ';
constexpr unsigned char kLongFrequency = 31;
constexpr size_t kLongestPlainList = 1 << 20;  // a clause's stems, with room to spare

// Reads a frequency (a varint of at most 32 bits) at `at`; false when it is truncated or larger.
bool read_frequency(std::string_view value, size_t& at, std::uint64_t& wdf) {
  return read_varint(value, at, wdf) && wdf <= 0xffffffffu;
}

// The plain form of the deflated format, or "" when an entry cannot be written in it (a term
// without its "Z" or with a byte that would end it early).
std::string plain_stem_list(
    const std::vector<std::pair<std::string, Xapian::termcount>>& entries) {
  std::string plain;
  for (const auto& [term, wdf] : entries) {
    if (term.empty() || term.size() > kMaxTermBytes || wdf == 0) continue;
    if (term[0] != 'Z' || term.size() < 2) return {};
    for (char c : term) {
      if (static_cast<unsigned char>(c) <= kFrequencyOne) return {};
    }
    plain.append(term, 1, std::string::npos);
    if (wdf == 1) {
      plain += static_cast<char>(kFrequencyOne);
    } else if (wdf < kLongFrequency + 1) {
      plain += static_cast<char>(wdf - 1);
    } else {
      plain += static_cast<char>(kLongFrequency);
      put_varint(plain, wdf);
    }
  }
  return plain;
}

std::vector<std::pair<std::string, Xapian::termcount>> parse_plain_stem_list(
    std::string_view plain) {
  std::vector<std::pair<std::string, Xapian::termcount>> entries;
  size_t at = 0;
  while (at < plain.size()) {
    size_t end = at;
    while (end < plain.size() && static_cast<unsigned char>(plain[end]) > kFrequencyOne) ++end;
    if (end == plain.size() || end == at) break;  // malformed: keep what came before
    std::string term = "Z";
    term.append(plain.substr(at, end - at));
    const auto marker = static_cast<unsigned char>(plain[end]);
    at = end + 1;
    std::uint64_t wdf = 0;
    if (marker == kFrequencyOne) {
      wdf = 1;
    } else if (marker >= 1 && marker < kLongFrequency) {
      wdf = marker + 1u;
    } else if (marker == kLongFrequency) {
      if (!read_frequency(plain, at, wdf) || wdf == 0) break;
    } else {
      break;
    }
    entries.emplace_back(std::move(term), static_cast<Xapian::termcount>(wdf));
  }
  return entries;
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

bool is_vector_term(std::string_view term) {
  if (term.size() < 2 || term[0] != 'Z') return false;
  if (!is_upper_ascii(term[1])) return true;  // body stem
  const std::string_view rest = term.substr(1);
  return rest.starts_with(schema::kSectionPrefix) && rest.size() > schema::kSectionPrefix.size() &&
         !is_upper_ascii(rest[schema::kSectionPrefix.size()]);
}

std::string stem_list_of(const Xapian::Document& doc) {
  std::vector<std::pair<std::string, Xapian::termcount>> entries;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    std::string term = *it;
    if (is_vector_term(term)) entries.emplace_back(std::move(term), it.get_wdf());
  }
  return encode_stem_list(entries);
}

std::string encode_stem_list(const std::vector<std::pair<std::string, Xapian::termcount>>& entries) {
  std::string front_coded = front_coded_stem_list(entries);
  const std::string plain = plain_stem_list(entries);
  if (plain.empty()) return front_coded;
  std::string list = deflate_framed(kDeflatedFormat, plain, ValueDictionary::stems);
  return !list.empty() && list.size() < front_coded.size() ? list : front_coded;
}

std::string front_coded_stem_list(
    const std::vector<std::pair<std::string, Xapian::termcount>>& entries) {
  std::string list(1, kFrontCodedFormat);
  std::string_view previous;
  for (const auto& [term, wdf] : entries) {
    if (term.empty() || term.size() > kMaxTermBytes || wdf == 0) continue;
    size_t shared = 0;
    while (shared < previous.size() && shared < term.size() && previous[shared] == term[shared]) {
      ++shared;
    }
    list += static_cast<char>(shared);
    list += static_cast<char>(term.size() - shared);
    list.append(term, shared, std::string::npos);
    put_varint(list, wdf);
    previous = term;
  }
  return list;
}

namespace {

// The text format of indexes written before the front-coded one: "term\x01wdf\n" per entry.
std::vector<std::pair<std::string, Xapian::termcount>> parse_text_stem_list(std::string_view value) {
  std::vector<std::pair<std::string, Xapian::termcount>> entries;
  while (!value.empty()) {
    const size_t end = value.find('\n');
    const std::string_view entry = value.substr(0, end);
    value = end == std::string_view::npos ? std::string_view() : value.substr(end + 1);
    const size_t separator = entry.find(kWdfSeparator);
    if (separator == 0 || separator == std::string_view::npos) continue;
    Xapian::termcount wdf = 0;
    const std::string_view number = entry.substr(separator + 1);
    auto [ptr, error] = std::from_chars(number.data(), number.data() + number.size(), wdf);
    if (error != std::errc() || ptr != number.data() + number.size() || wdf == 0) continue;
    entries.emplace_back(std::string(entry.substr(0, separator)), wdf);
  }
  return entries;
}

}  // namespace

std::vector<std::pair<std::string, Xapian::termcount>> parse_stem_list(std::string_view value) {
  if (!value.empty() && value[0] == kDeflatedFormat) {
    const std::optional<std::string> plain =
        inflate_framed(value, ValueDictionary::stems, kLongestPlainList);
    if (!plain) return {};  // damaged: no stems, as for other malformed lists
    return parse_plain_stem_list(*plain);
  }
  if (value.empty() || value[0] != kFrontCodedFormat) return parse_text_stem_list(value);
  std::vector<std::pair<std::string, Xapian::termcount>> entries;
  std::string term;
  size_t at = 1;
  while (at + 2 <= value.size()) {
    const auto shared = static_cast<unsigned char>(value[at]);
    const auto suffix = static_cast<unsigned char>(value[at + 1]);
    at += 2;
    if (shared > term.size() || suffix > value.size() - at) break;  // malformed: stop here
    term.resize(shared);
    term.append(value.substr(at, suffix));
    at += suffix;
    std::uint64_t wdf = 0;
    if (!read_frequency(value, at, wdf)) break;
    if (wdf > 0 && !term.empty()) entries.emplace_back(term, static_cast<Xapian::termcount>(wdf));
  }
  return entries;
}

}  // namespace klausul
