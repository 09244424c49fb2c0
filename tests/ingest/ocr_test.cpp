// Scanned PDFs: pages without a text layer go through an OcrEngine (a fake here, Tesseract when
// installed), and the blocks carry their page and the ocr flag.
#include <gtest/gtest.h>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <string>
#include <vector>

#include "ingest/extract_pdf.h"
#include "ingest/ingest_file.h"
#include "ingest/normalize.h"
#include "ingest/ocr.h"
#include "ingest/subprocess.h"
#include "tests/ingest/document_test_util.h"

namespace klausul {
namespace {

using namespace klausul::testing;

// Answers each page with its own paragraphs (text repeated on every page would be removed as a
// running header) and remembers the images it was shown.
class FakeOcr : public OcrEngine {
 public:
  std::string recognise(const GrayImage& image,
                        std::chrono::steady_clock::time_point) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    sizes.emplace_back(image.width, image.height);
    if (sizes.size() % 2 == 1) {
      return "Landstinget ska bevaka EU-frå-\ngor i hela länet.\n\nDet här är stycke ett av "
             "den skannade policyn.\n\f";
    }
    return "Regionen ska dra nytta av EU-medel.\n\nKompetensutveckling inom vården.\n\f";
  }
  mutable std::vector<std::pair<int, int>> sizes;

 private:
  mutable std::mutex mutex_;
};

std::string dump(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    out += "[" + block_kind_name(b.kind) + " p" + std::to_string(b.page) + (b.ocr ? " ocr" : "") +
           "] " + b.text + "\n";
  }
  return out;
}

TEST(OcrText, ParagraphsHyphenationAndBullets) {
  std::vector<Block> blocks = ocr_text_blocks(
      "Strategiska mål\n\n« Utveckling av internationellt\nsamarbete.\n\n"
      "- Landstinget ska vara aktivt.\n\nFör Landstinget innebär det givande och tagande\n"
      "– i solidarisk samverkan.\n\nutveck-\nlingen av hälso-\noch sjukvård\n\f",
      3);
  ASSERT_EQ(blocks.size(), 5u) << dump(blocks);
  EXPECT_EQ(blocks[0].text, "Strategiska mål");
  EXPECT_EQ(blocks[0].kind, BlockKind::heading);  // a lone short title line
  EXPECT_EQ(blocks[0].level, 2);
  EXPECT_TRUE(blocks[0].ocr);
  EXPECT_EQ(blocks[1].kind, BlockKind::list_item);
  EXPECT_EQ(blocks[1].text, "Utveckling av internationellt samarbete.");
  EXPECT_EQ(blocks[2].kind, BlockKind::list_item);  // a dash right after an item
  EXPECT_EQ(blocks[3].kind, BlockKind::paragraph);  // a dash going on with a sentence
  EXPECT_EQ(blocks[3].text,
            "För Landstinget innebär det givande och tagande – i solidarisk samverkan.");
  EXPECT_EQ(blocks[4].text, "utvecklingen av hälso- och sjukvård");
  for (const Block& b : blocks) {
    EXPECT_TRUE(b.ocr);
    EXPECT_EQ(b.page, 3);
  }
}

TEST(ScannedPdf, PagesWithoutTextGoThroughTheEngine) {
  FakeOcr ocr;
  ExtractOptions options;
  options.ocr = &ocr;
  Document doc = PdfExtractor().extract(read_repo_file("tests/fixtures/scanned.pdf"), "scanned.pdf",
                                        options);
  ASSERT_EQ(ocr.sizes.size(), 2u);
  EXPECT_GT(ocr.sizes[0].first, 2000);  // A4 at 300 dpi: 2480 x 3508
  EXPECT_GT(ocr.sizes[0].second, 3000);
  EXPECT_EQ(doc.info.pages, 2);
  EXPECT_EQ(doc.info.ocr_pages, 2);
  EXPECT_EQ(doc.info.skipped_pages, 0);
  ASSERT_EQ(doc.blocks.size(), 4u) << dump(doc.blocks);
  EXPECT_EQ(doc.blocks[0].text, "Landstinget ska bevaka EU-frågor i hela länet.");
  EXPECT_EQ(doc.blocks[1].text, "Det här är stycke ett av den skannade policyn.");
  EXPECT_EQ(doc.blocks[1].page, 1);
  EXPECT_EQ(doc.blocks[3].page, 2);
  for (const Block& b : doc.blocks) EXPECT_TRUE(b.ocr);
}

TEST(ScannedPdf, TextPagesNeverCallTheEngine) {
  FakeOcr ocr;
  ExtractOptions options;
  options.ocr = &ocr;
  Document doc = PdfExtractor().extract(read_repo_file("tests/fixtures/jonkoping-policy.pdf"),
                                        "jonkoping-policy.pdf", options);
  EXPECT_TRUE(ocr.sizes.empty());
  EXPECT_EQ(doc.info.ocr_pages, 0);
  for (const Block& b : doc.blocks) EXPECT_FALSE(b.ocr);
}

TEST(ScannedPdf, NoOcrSkipsAndCountsThePages) {
  Document doc = PdfExtractor().extract(read_repo_file("tests/fixtures/scanned.pdf"), "scanned.pdf",
                                        ExtractOptions{});
  EXPECT_TRUE(doc.blocks.empty());
  EXPECT_EQ(doc.info.ocr_pages, 0);
  EXPECT_EQ(doc.info.skipped_pages, 2);
}

TEST(ScannedPdf, AnExhaustedTimeBudgetSkipsTheRest) {
  FakeOcr ocr;
  ExtractOptions options;
  options.ocr = &ocr;
  options.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  Document doc = PdfExtractor().extract(read_repo_file("tests/fixtures/scanned.pdf"), "scanned.pdf",
                                        options);
  EXPECT_TRUE(ocr.sizes.empty());
  EXPECT_EQ(doc.info.skipped_pages, 2);
}

// OCR of a long scan gets time per page: each page read moves the deadline (and tells the
// supervisor, through on_budget_extended), so a page that alone outlasts the file's budget
// does not cost the pages after it.
TEST(ScannedPdf, EveryPageReadByOcrAddsItsOwnBudget) {
  class SlowOcr : public FakeOcr {
   public:
    std::string recognise(const GrayImage& image,
                          std::chrono::steady_clock::time_point deadline) const override {
      deadlines.push_back(deadline);
      std::this_thread::sleep_for(std::chrono::milliseconds(1200));
      return FakeOcr::recognise(image, deadline);
    }
    mutable std::vector<std::chrono::steady_clock::time_point> deadlines;
  } ocr;
  std::vector<std::chrono::milliseconds> extensions;
  ExtractOptions options;
  options.ocr = &ocr;
  options.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  options.ocr_time_per_page = std::chrono::seconds(3);
  options.on_budget_extended = [&](std::chrono::milliseconds more) { extensions.push_back(more); };
  Document doc = PdfExtractor().extract(read_repo_file("tests/fixtures/scanned.pdf"), "scanned.pdf",
                                        options);
  EXPECT_EQ(doc.info.ocr_pages, 2);  // without the per-page budget page 2 would be skipped
  EXPECT_EQ(doc.info.skipped_pages, 0);
  ASSERT_EQ(extensions.size(), 2u);
  EXPECT_EQ(extensions[0], std::chrono::seconds(3));
  ASSERT_EQ(ocr.deadlines.size(), 2u);
  EXPECT_EQ(ocr.deadlines[0], options.deadline + std::chrono::seconds(3));
  EXPECT_EQ(ocr.deadlines[1], options.deadline + std::chrono::seconds(6));
}

TEST(ScannedPdf, IngestCarriesTheFlagToClausesAndHonoursNoOcr) {
  FakeOcr ocr;
  IngestOptions options;
  options.regions = &RegionTable::builtin();
  options.ocr_engine = &ocr;
  const std::string bytes = read_repo_file("tests/fixtures/scanned.pdf");
  IngestedFile file = ingest_bytes(bytes, "/arkiv/jonkoping/scanned.pdf", options);
  ASSERT_FALSE(file.clauses.empty());
  bool page_two = false;
  for (const Clause& c : file.clauses) {
    EXPECT_TRUE(c.ocr) << c.text;
    page_two = page_two || (c.page == 2 && c.text.find("EU-medel") != std::string::npos);
  }
  EXPECT_TRUE(page_two);
  EXPECT_EQ(file.info.ocr_pages, 2);

  options.ocr = false;
  ocr.sizes.clear();
  IngestedFile skipped = ingest_bytes(bytes, "/arkiv/jonkoping/scanned.pdf", options);
  EXPECT_TRUE(ocr.sizes.empty());
  EXPECT_TRUE(skipped.clauses.empty());
  EXPECT_EQ(skipped.info.skipped_pages, 2);
}

// Lowercase, letters and digits only, single spaces: OCR noise in punctuation and case must
// not fail the test, misread words still do.
std::string normalise(const std::string& text) {
  std::string folded = fold_for_index(text), out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(folded);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length(); ++i) {
    const UChar c = u[i];
    kept += (u_isalnum(c) ? c : static_cast<UChar>(' '));
  }
  kept.toUTF8String(out);
  return collapse_whitespace(out);
}

TEST(ScannedPdf, TesseractReadsSwedishOnPageOne) {
  if (find_program("tesseract").empty()) GTEST_SKIP() << "tesseract not installed";
  Document doc = PdfExtractor().extract(read_repo_file("tests/fixtures/scanned.pdf"), "scanned.pdf",
                                        [] {
                                          ExtractOptions o;
                                          o.ocr = &TesseractCli::shared();
                                          return o;
                                        }());
  EXPECT_EQ(doc.info.ocr_pages, 2);
  std::string page_one;
  for (const Block& b : doc.blocks) {
    EXPECT_TRUE(b.ocr);
    if (b.page == 1) page_one += normalise(b.text) + " ";
  }
  for (const char* words : {"kunskapsintensiv organisation", "omvärldskontakter",
                            "landstingets internationella arbete ska bidra till utveckling",
                            "hälso och sjukvård", "jönköpings län"}) {
    EXPECT_NE(page_one.find(words), std::string::npos) << words << "\n" << page_one;
  }
}

}  // namespace
}  // namespace klausul
