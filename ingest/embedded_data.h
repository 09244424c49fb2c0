// Data files of corpus/ compiled into the binary (see CMakeLists.txt).
#pragma once

#include <string_view>

namespace klausul::embedded {

/// The text of corpus/regions.tsv at build time.
std::string_view regions_tsv();

/// The text of corpus/synonyms.tsv at build time.
std::string_view synonyms_tsv();

/// The text of corpus/related.tsv at build time.
std::string_view related_tsv();

}  // namespace klausul::embedded
