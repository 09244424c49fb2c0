// Fuzz target: the values an index stores per clause, read back (index/stored_data.h,
// index/stem_list.h, index/value_codec.h). A damaged or foreign index must give an IndexError
// or no stems, never a crash, a hang or an allocation of what a damaged length claims.
#include <string>

#include "index/stem_list.h"
#include "index/stored_data.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string value(klausul::fuzz::as_view(data, size));
  klausul::fuzz::expect_only_documented_errors([&] { (void)klausul::clause_from_data(value); });
  for (const auto& [term, wdf] : klausul::parse_stem_list(value)) {
    (void)klausul::encode_stem_list({{term, wdf}});
  }
  return 0;
}
