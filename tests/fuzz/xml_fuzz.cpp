// Fuzz target: the safe XML reader (ingest/xml_reader.h) on raw bytes, then the tree walks the
// office extractors do.
#include <string>

#include "ingest/xml_reader.h"
#include "tests/fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  klausul::fuzz::expect_only_documented_errors([&] {
    const klausul::XmlNode root = klausul::parse_xml(klausul::fuzz::as_view(data, size), "fuzz.xml");
    (void)root.all_text();
    (void)root.find("t");
    (void)root.children_named("p");
    (void)root.attr("r:id");
    (void)root.attr("val");
    (void)root.has_attr("id");
  });
  return 0;
}
