// The Swedish lexicon (index/data/swedish_lexicon.txt, made by tools/make-lexicon) compiled
// into the binary with the assembler's .incbin, so klausul needs no data files at run time.
#include "index/embedded_lexicon.h"

#ifndef KLAUSUL_LEXICON_FILE
#error "KLAUSUL_LEXICON_FILE must name index/data/swedish_lexicon.txt (see CMakeLists.txt)"
#endif

__asm__(".section .rodata\n"
        ".balign 16\n"
        "klausul_lexicon_begin:\n"
        ".incbin \"" KLAUSUL_LEXICON_FILE "\"\n"
        "klausul_lexicon_end:\n"
        ".previous\n");

extern "C" const char klausul_lexicon_begin[];
extern "C" const char klausul_lexicon_end[];

namespace klausul::embedded {

std::string_view swedish_lexicon() {
  return std::string_view(klausul_lexicon_begin,
                          static_cast<size_t>(klausul_lexicon_end - klausul_lexicon_begin));
}

}  // namespace klausul::embedded
