// Build step: hashes index/data/swedish_lexicon.txt into the lookup table klausul embeds
// (index/embedded_lexicon.cpp), so that no klausul command builds it when it starts.
//   make_lexicon_table LEXICON.txt TABLE
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "index/lexicon.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_lexicon_table LEXICON.txt TABLE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string text =
      in ? std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()} : "";
  if (text.empty()) {
    std::fprintf(stderr, "make_lexicon_table: cannot read %s\n", argv[1]);
    return 1;
  }
  const std::string table = klausul::Lexicon(text).table();
  // Written beside and renamed, so that an interrupted build leaves no half table.
  const std::string partial = std::string(argv[2]) + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(table.data(), static_cast<std::streamsize>(table.size()));
    if (!out.flush()) {
      std::fprintf(stderr, "make_lexicon_table: cannot write %s\n", partial.c_str());
      return 1;
    }
  }
  std::error_code error;
  std::filesystem::rename(partial, argv[2], error);
  if (error) {
    std::fprintf(stderr, "make_lexicon_table: cannot write %s: %s\n", argv[2],
                 error.message().c_str());
    return 1;
  }
  return 0;
}
