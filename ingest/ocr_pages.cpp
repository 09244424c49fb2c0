#include "ingest/ocr_pages.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "ingest/error.h"
#include "ingest/ocr.h"

namespace klausul {
namespace {

constexpr double kDpi = 300;             // Tesseract's sweet spot for body text
constexpr double kMaxPixels = 40e6;      // a hostile MediaBox must not ask for gigabytes

GrayImage render_gray(poppler::page& page) {
  const poppler::rectf box = page.page_rect(poppler::media_box);
  const double area_in2 = std::max(box.width(), 1.0) * std::max(box.height(), 1.0) / (72.0 * 72.0);
  const double dpi = std::min(kDpi, std::floor(std::sqrt(kMaxPixels / area_in2)));
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid()) throw IngestError("scanned page could not be rendered");
  GrayImage gray;
  gray.width = image.width();
  gray.height = image.height();
  gray.dpi = static_cast<int>(dpi);
  gray.pixels.resize(static_cast<size_t>(gray.width) * static_cast<size_t>(gray.height));
  const char* data = image.const_data();
  for (int y = 0; y < gray.height; ++y) {  // rows are padded to bytes_per_row
    std::copy_n(data + static_cast<size_t>(y) * static_cast<size_t>(image.bytes_per_row()),
                gray.width, gray.pixels.begin() + static_cast<long>(y) * gray.width);
  }
  return gray;
}

// A page with no dark pixel at all is blank: no need to wake Tesseract for it.
bool is_blank(const GrayImage& image) {
  return std::none_of(image.pixels.begin(), image.pixels.end(),
                      [](std::uint8_t p) { return p < 160; });
}

// Inserts a page's blocks after the blocks of earlier pages (the text-layer blocks are in
// page order already).
void merge_page(std::vector<Block>& blocks, std::vector<Block> page_blocks, int page) {
  auto at = std::find_if(blocks.begin(), blocks.end(),
                         [page](const Block& b) { return b.page > page; });
  blocks.insert(at, std::make_move_iterator(page_blocks.begin()),
                std::make_move_iterator(page_blocks.end()));
}

}  // namespace

void read_textless_pages(poppler::document& pdf, const std::vector<int>& pages,
                         const ExtractOptions& options, Document& out) {
  auto deadline = options.deadline;
  for (size_t i = 0; i < pages.size(); ++i) {
    const bool out_of_time = std::chrono::steady_clock::now() >= deadline;
    if (options.ocr == nullptr || out_of_time) {
      out.info.skipped_pages += static_cast<int>(pages.size() - i);
      if (options.ocr == nullptr) out.info.pages_awaiting_ocr += static_cast<int>(pages.size() - i);
      return;
    }
    std::unique_ptr<poppler::page> page(pdf.create_page(pages[i]));
    if (!page) continue;
    GrayImage image = render_gray(*page);
    if (is_blank(image)) continue;
    if (options.ocr_time_per_page.count() > 0) {
      deadline += options.ocr_time_per_page;
      if (options.on_budget_extended) options.on_budget_extended(options.ocr_time_per_page);
    }
    std::string text;
    try {
      text = options.ocr->recognise(image, deadline);
    } catch (const OcrTimeout&) {
      out.info.skipped_pages += static_cast<int>(pages.size() - i);
      return;
    }
    ++out.info.ocr_pages;
    merge_page(out.blocks, ocr_text_blocks(text, pages[i] + 1), pages[i] + 1);
  }
}

}  // namespace klausul
