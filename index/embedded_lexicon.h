// The Swedish lexicon (index/data/swedish_lexicon.txt, built by tools/make-lexicon) as text.
#pragma once

#include <string_view>

namespace klausul::embedded {

/// The whole text of index/data/swedish_lexicon.txt: one `word` or `word/TAGS` a line.
/// The view stays valid for the life of the program. Throws std::runtime_error when the
/// lexicon cannot be read (only possible while it is read from the source tree).
std::string_view swedish_lexicon();

}  // namespace klausul::embedded
