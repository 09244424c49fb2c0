#include "index/value_codec.h"

#include <zlib.h>

#include <new>

#include "index/varint.h"

#ifndef KLAUSUL_CLAUSE_WORDS_FILE
#error "KLAUSUL_CLAUSE_WORDS_FILE must name index/data/value_dictionary_clause_words_v1.txt"
#endif
#ifndef KLAUSUL_STEMS_FILE
#error "KLAUSUL_STEMS_FILE must name index/data/value_dictionary_stems_v1.txt"
#endif

// Compiled in as the lexicon is (index/embedded_lexicon.cpp): byte for byte, no data files
// at run time.
__asm__(".section .rodata\n"
        "klausul_clause_words_begin:\n"
        ".incbin \"" KLAUSUL_CLAUSE_WORDS_FILE "\"\n"
        "klausul_clause_words_end:\n"
        "klausul_stems_begin:\n"
        ".incbin \"" KLAUSUL_STEMS_FILE "\"\n"
        "klausul_stems_end:\n"
        ".previous\n");

extern "C" const char klausul_clause_words_begin[];
extern "C" const char klausul_clause_words_end[];
extern "C" const char klausul_stems_begin[];
extern "C" const char klausul_stems_end[];

namespace klausul {
namespace {

// A 4 KB window holds the stem dictionary and most of the clause-word one within reach of a
// clause; a small hash (memLevel) suits values of a few hundred bytes. Both keep a stream
// small, and copying it cheap: with zlib's defaults (32 KB window, memLevel 8) a copy cost
// 60 microseconds, here about 1. Measured on real county texts' stem lists and clauses, a
// larger window or hash saved under 1%. Inflating needs a window at least as large; it uses
// the largest, so any window size deflated with is read back.
constexpr int kWindowBits = 12;
constexpr int kMemLevel = 4;
constexpr int kLargestWindowBits = 15;

const Bytef* bytes_of(std::string_view text) {
  return reinterpret_cast<const Bytef*>(text.data());
}

// A stream primed with a dictionary: priming hashes every byte of it, which cost more than
// deflating a value; copying a primed stream costs a fraction of that.
struct PrimedStream {
  z_stream z{};
  explicit PrimedStream(std::string_view dictionary) {
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -kWindowBits, kMemLevel,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::bad_alloc();
    }
    if (deflateSetDictionary(&z, bytes_of(dictionary), static_cast<uInt>(dictionary.size())) !=
        Z_OK) {
      deflateEnd(&z);
      throw std::bad_alloc();
    }
  }
  ~PrimedStream() { deflateEnd(&z); }
};

struct InflateStream {
  z_stream z{};
  InflateStream() {
    if (inflateInit2(&z, -kLargestWindowBits) != Z_OK) throw std::bad_alloc();
  }
  ~InflateStream() { inflateEnd(&z); }
};

}  // namespace

std::string_view value_dictionary(ValueDictionary dictionary) {
  if (dictionary == ValueDictionary::clause_words) {
    return {klausul_clause_words_begin,
            static_cast<size_t>(klausul_clause_words_end - klausul_clause_words_begin)};
  }
  return {klausul_stems_begin, static_cast<size_t>(klausul_stems_end - klausul_stems_begin)};
}

std::string deflate_value(std::string_view plain, ValueDictionary dictionary) {
  if (plain.empty()) return {};
  // A primed stream per thread and dictionary, copied for each value.
  thread_local PrimedStream clause_words(value_dictionary(ValueDictionary::clause_words));
  thread_local PrimedStream stems(value_dictionary(ValueDictionary::stems));
  z_stream z{};
  if (deflateCopy(&z, dictionary == ValueDictionary::stems ? &stems.z : &clause_words.z) !=
      Z_OK) {
    return {};
  }
  struct StreamEnd {
    z_stream& z;
    ~StreamEnd() { deflateEnd(&z); }
  } stream_end{z};
  std::string out(plain.size() - plain.size() / 10, '\0');
  z.next_in = const_cast<Bytef*>(bytes_of(plain));
  z.avail_in = static_cast<uInt>(plain.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) return {};  // out of room: not worth it
  out.resize(out.size() - z.avail_out);
  return out;
}

std::optional<std::string> inflate_value(std::string_view packed, std::uint64_t length,
                                         ValueDictionary dictionary, std::uint64_t max_length) {
  // Deflate expands at most 1032-fold: a longer claimed length is damage, refused before
  // it is allocated.
  if (length == 0 || length > max_length || length > 1032 * (packed.size() + 1)) {
    return std::nullopt;
  }
  thread_local InflateStream stream;
  z_stream& z = stream.z;
  const std::string_view words = value_dictionary(dictionary);
  if (inflateReset(&z) != Z_OK ||
      inflateSetDictionary(&z, bytes_of(words), static_cast<uInt>(words.size())) != Z_OK) {
    return std::nullopt;
  }
  std::string out(length, '\0');
  z.next_in = const_cast<Bytef*>(bytes_of(packed));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (inflate(&z, Z_FINISH) != Z_STREAM_END || z.avail_out != 0 || z.avail_in != 0) {
    return std::nullopt;
  }
  return out;
}

std::string deflate_framed(char format, std::string_view plain, ValueDictionary dictionary) {
  const std::string packed = deflate_value(plain, dictionary);
  if (packed.empty()) return {};
  std::string framed(1, format);
  put_varint(framed, plain.size());
  return framed + packed;
}

std::optional<std::string> inflate_framed(std::string_view framed, ValueDictionary dictionary,
                                          std::uint64_t max_length) {
  size_t at = 1;
  std::uint64_t length = 0;
  if (framed.empty() || !read_varint(framed, at, length)) return std::nullopt;
  return inflate_value(framed.substr(at), length, dictionary, max_length);
}

}  // namespace klausul
