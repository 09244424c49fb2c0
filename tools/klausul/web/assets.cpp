#include "tools/klausul/web/assets.h"

#ifndef KLAUSUL_WEB_ASSETS_DIR
#error "KLAUSUL_WEB_ASSETS_DIR must name tools/klausul/web/assets (see CMakeLists.txt)"
#endif

// One symbol pair per file; .previous returns to the section the compiler was in.
#define KLAUSUL_INCBIN(name, file)                                           \
  __asm__(".section .rodata\n"                                               \
          ".balign 16\n"                                                     \
          "klausul_web_" #name "_begin:\n"                                   \
          ".incbin \"" KLAUSUL_WEB_ASSETS_DIR "/" file "\"\n"                \
          "klausul_web_" #name "_end:\n"                                     \
          ".previous\n");                                                    \
  extern "C" const char klausul_web_##name##_begin[];                        \
  extern "C" const char klausul_web_##name##_end[];

KLAUSUL_INCBIN(index_html, "index.html")
KLAUSUL_INCBIN(app_css, "app.css")
KLAUSUL_INCBIN(app_js, "app.js")
KLAUSUL_INCBIN(review_js, "review.js")
KLAUSUL_INCBIN(coverage_js, "coverage.js")

namespace klausul::web {
namespace {

std::string_view span(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<size_t>(end - begin));
}

}  // namespace

const std::vector<Asset>& assets() {
  static const std::vector<Asset> list = {
      {"/", "text/html; charset=utf-8",
       span(klausul_web_index_html_begin, klausul_web_index_html_end)},
      {"/app.css", "text/css; charset=utf-8",
       span(klausul_web_app_css_begin, klausul_web_app_css_end)},
      {"/app.js", "text/javascript; charset=utf-8",
       span(klausul_web_app_js_begin, klausul_web_app_js_end)},
      {"/review.js", "text/javascript; charset=utf-8",
       span(klausul_web_review_js_begin, klausul_web_review_js_end)},
      {"/coverage.js", "text/javascript; charset=utf-8",
       span(klausul_web_coverage_js_begin, klausul_web_coverage_js_end)},
  };
  return list;
}

}  // namespace klausul::web
