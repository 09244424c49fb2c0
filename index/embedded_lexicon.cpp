// The Swedish lexicon's lookup table compiled into the binary with the assembler's .incbin,
// so klausul needs no data files at run time and builds no table when it starts.
#include "index/embedded_lexicon.h"

#include <stdexcept>
#include <utility>

#include "index/lexicon.h"

#ifndef KLAUSUL_LEXICON_TABLE_FILE
#error "KLAUSUL_LEXICON_TABLE_FILE must name the table made from index/data/swedish_lexicon.txt (see CMakeLists.txt)"
#endif

__asm__(".section .rodata\n"
        ".balign 16\n"
        "klausul_lexicon_table_begin:\n"
        ".incbin \"" KLAUSUL_LEXICON_TABLE_FILE "\"\n"
        "klausul_lexicon_table_end:\n"
        ".previous\n");

extern "C" const char klausul_lexicon_table_begin[];
extern "C" const char klausul_lexicon_table_end[];

namespace klausul {

std::string_view embedded::swedish_lexicon_table() {
  return std::string_view(
      klausul_lexicon_table_begin,
      static_cast<size_t>(klausul_lexicon_table_end - klausul_lexicon_table_begin));
}

const Lexicon& swedish_lexicon() {
  // Made once (thread-safe) and never destroyed: it only views the embedded table.
  static const Lexicon* const lexicon = [] {
    std::optional<Lexicon> embedded = Lexicon::from_table(embedded::swedish_lexicon_table());
    // Only a broken build gets here: the table is made from the lexicon by the build.
    if (!embedded) throw std::logic_error("the embedded Swedish lexicon table is damaged");
    return new Lexicon(std::move(*embedded));
  }();
  return *lexicon;
}

}  // namespace klausul
