// Fuzz target: the MyThes thesaurus reader (search/thesaurus.h). Its contract is stronger than
// the others': it never throws on content, so no exception is expected at all.
#include <sstream>
#include <string>

#include "search/thesaurus.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in{std::string(klausul::fuzz::as_view(data, size))};
  const klausul::Thesaurus thesaurus(in);
  (void)thesaurus.size();
  (void)thesaurus.available();
  (void)thesaurus.related("vård");
  (void)thesaurus.related("");
  return 0;
}
