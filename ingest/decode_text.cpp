#include "ingest/decode_text.h"

#include <iconv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cctype>
#include <memory>

#include "ingest/error.h"

namespace klausul {

namespace {

constexpr std::string_view kWestern = "windows-1252";
// The detector only needs a sample; whole files can be large.
constexpr std::size_t kDetectWindow = 64 * 1024;
// ICU gives UTF-16 without BOM some confidence from a handful of NULs; require near certainty.
constexpr int32_t kUtf16Confidence = 90;
// Non-Western 8-bit answers on Swedish text are usually noise; accept them only when sure.
constexpr int32_t kOtherEightBitConfidence = 50;

// RAII for an iconv descriptor converting `charset` to UTF-8.
class Iconv {
 public:
  explicit Iconv(const std::string& charset)
      : charset_(charset), cd_(iconv_open("UTF-8", charset.c_str())) {
    if (cd_ == reinterpret_cast<iconv_t>(-1)) throw IngestError("unknown charset " + charset);
  }
  ~Iconv() { iconv_close(cd_); }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;

  std::string convert(std::string_view bytes) {
    std::string out;
    std::array<char, 16384> buffer;
    auto* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
    std::size_t in_left = bytes.size();
    // The second round flushes any shift state (in == nullptr), as iconv(3) asks.
    for (bool flushing = false;;) {
      char* out_ptr = buffer.data();
      std::size_t out_left = buffer.size();
      const auto rc = flushing ? iconv(cd_, nullptr, nullptr, &out_ptr, &out_left)
                               : iconv(cd_, &in, &in_left, &out_ptr, &out_left);
      out.append(buffer.data(), out_ptr);
      if (rc != static_cast<std::size_t>(-1)) {
        if (flushing) return out;
        flushing = true;
      } else if (errno != E2BIG) {
        // EILSEQ: a byte sequence invalid in the charset; EINVAL: truncated at the end.
        throw IngestError("cannot decode as " + charset_);
      }
    }
  }

 private:
  std::string charset_;
  iconv_t cd_;
};

DecodedText convert(std::string_view bytes, const std::string& charset) {
  return {Iconv(charset).convert(bytes), charset};
}

std::string upper_ascii(std::string_view name) {
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

bool is_utf8_name(const std::string& name) {
  const auto upper = upper_ascii(name);
  return upper == "UTF-8" || upper == "UTF8";
}

// Labels that mean windows-1252 in practice: HTML (per the WHATWG encoding standard) and
// manifests say "iso-8859-1" or "us-ascii" for text that uses the 0x80..0x9F punctuation.
bool is_latin1_label(const std::string& name) {
  const auto upper = upper_ascii(name);
  return upper == "ISO-8859-1" || upper == "ISO8859-1" || upper == "LATIN1" ||
         upper == "L1" || upper == "US-ASCII" || upper == "ASCII" || upper == "CP1252" ||
         upper == "WINDOWS-1252";
}

// 8-bit charsets the detector may name that we accept for Swedish public-sector text,
// besides the Western ones. Multi-byte East Asian and EBCDIC answers are never sensible here.
bool is_other_eight_bit(std::string_view name) {
  static constexpr std::array<std::string_view, 11> kAccepted = {
      "ISO-8859-2", "windows-1250", "ISO-8859-5", "windows-1251", "KOI8-R", "ISO-8859-7",
      "windows-1253", "ISO-8859-9", "windows-1254", "ISO-8859-6", "windows-1256"};
  return std::find(kAccepted.begin(), kAccepted.end(), name) != kAccepted.end();
}

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// Asks ICU's detector for a charset. Returns windows-1252 unless the detector is sure of
// something else: it cannot tell CP850 or Mac Roman from windows-1252, so it is only a hint.
std::string detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return std::string(kWestern);
  const auto sample = bytes.substr(0, kDetectWindow);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return std::string(kWestern);
  for (int32_t i = 0; i < count; ++i) {
    const std::string_view name = ucsdet_getName(matches[i], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status)) break;
    if (name == "ISO-8859-1" || name == "windows-1252") return std::string(kWestern);
    const bool utf16 = name == "UTF-16LE" || name == "UTF-16BE";
    if (utf16 && confidence >= kUtf16Confidence && bytes.size() % 2 == 0) return std::string(name);
    if (is_other_eight_bit(name) && confidence >= kOtherEightBitConfidence) {
      return std::string(name);
    }
  }
  return std::string(kWestern);
}

// A detected charset is a guess: when it rejects a byte, fall back to windows-1252 and then
// to ISO-8859-1, which maps every byte (0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in 1252).
DecodedText convert_detected(std::string_view bytes, const std::string& charset) {
  try {
    return convert(bytes, charset);
  } catch (const IngestError&) {
    if (charset == kWestern) return convert(bytes, "ISO-8859-1");
  }
  return convert_detected(bytes, std::string(kWestern));
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const unsigned char c = *p++;
    if (c < 0x80) continue;
    int trailing = 0;
    // The allowed range of the first trailing byte excludes overlongs (E0, F0), surrogates
    // (ED) and code points above U+10FFFF (F4); C0, C1 and F5..FF never start a sequence.
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      trailing = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      trailing = 2;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      trailing = 3;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (end - p < trailing) return false;
    if (*p < low || *p > high) return false;
    for (int i = 1; i < trailing; ++i) {
      if (p[i] < 0x80 || p[i] > 0xBF) return false;
    }
    p += trailing;
  }
  return true;
}

DecodedText decode_text(std::string_view bytes, const std::string& charset_hint) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!is_valid_utf8(bytes)) throw IngestError("cannot decode as UTF-8");
    return {std::string(bytes), "UTF-8"};
  }
  if (bytes.starts_with("\xFF\xFE")) return convert(bytes.substr(2), "UTF-16LE");
  if (bytes.starts_with("\xFE\xFF")) return convert(bytes.substr(2), "UTF-16BE");
  if (is_valid_utf8(bytes)) {
    // NULs are valid UTF-8 but in a text file they mean BOM-less UTF-16; let ICU judge.
    if (bytes.find('\0') == std::string_view::npos) return {std::string(bytes), "UTF-8"};
    const auto detected = detect_charset(bytes);
    if (detected.starts_with("UTF-16")) {
      try {
        return convert(bytes, detected);
      } catch (const IngestError&) {
        // Not well-formed UTF-16 after all: keep the valid UTF-8 reading.
      }
    }
    return {std::string(bytes), "UTF-8"};
  }
  // A hint of UTF-8 is wrong here (the bytes are not UTF-8): a stale HTML <meta> or a
  // manifest default. Detect instead of failing the file.
  if (!charset_hint.empty() && !is_utf8_name(charset_hint)) {
    if (is_latin1_label(charset_hint)) return convert_detected(bytes, std::string(kWestern));
    return convert(bytes, charset_hint);
  }
  return convert_detected(bytes, detect_charset(bytes));
}

}  // namespace klausul
