#include "ingest/pdf_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/extract_pdf.h"

namespace klausul {
namespace {

TEST(PdfWriter, CrossReferenceOffsetsPointAtTheObjects) {
  const std::string pdf = write_pdf({"<< /Type /Catalog >>", "<< /A 1 >>"}, "/Info 2 0 R");
  EXPECT_EQ(pdf.rfind("%PDF-1.4\n", 0), 0u);
  // The second xref entry (object 2) holds the byte offset where "2 0 obj" starts.
  const size_t table = pdf.find("xref\n0 3\n");
  ASSERT_NE(table, std::string::npos);
  const size_t entries = table + std::string("xref\n0 3\n").size();
  EXPECT_EQ(pdf.substr(entries, 20), "0000000000 65535 f \n");
  const size_t second = std::stoul(pdf.substr(entries + 40, 10));
  EXPECT_EQ(pdf.compare(second, 7, "2 0 obj"), 0);
  EXPECT_NE(pdf.find("trailer\n<< /Size 3 /Root 1 0 R /Info 2 0 R >>\nstartxref\n" +
                     std::to_string(table) + "\n%%EOF\n"),
            std::string::npos);
}

TEST(PdfWriter, StreamLengthIsTheDataLength) {
  EXPECT_EQ(pdf_stream("", "abc"), "<< /Length 3 >>\nstream\nabc\nendstream");
  EXPECT_EQ(pdf_stream("/Type /XObject", "x"),
            "<< /Type /XObject /Length 1 >>\nstream\nx\nendstream");
}

TEST(PdfWriter, PopplerReadsWhatItWrites) {
  const std::string pdf = write_pdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
       "/Resources << /Font << /F1 5 0 R >> >> >>",
       pdf_stream("", "BT /F1 12 Tf 72 720 Td (Regionen ska bevaka utvecklingen.) Tj ET"),
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
  const Document doc = PdfExtractor().extract(pdf, "x.pdf", ExtractOptions{});
  EXPECT_EQ(doc.info.pages, 1);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "Regionen ska bevaka utvecklingen.");
}

}  // namespace
}  // namespace klausul
