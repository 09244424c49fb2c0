#include "ingest/boilerplate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/extract_pdf.h"
#include "ingest/extract_text.h"
#include "ingest/metadata.h"
#include "ingest/regions.h"

namespace klausul {
namespace {

std::string read_corpus(const std::string& name) {
  std::ifstream in(std::string(KLAUSUL_SOURCE_DIR "/corpus/") + name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Document extract_corpus(const std::string& name) {
  Document doc = TextExtractor().extract(read_corpus(name), name, ExtractOptions{});
  EXPECT_FALSE(doc.blocks.empty()) << name;
  return doc;
}

// As ingest does it: metadata (the document type) first, then cleaning and numbering.
Document cleaned_corpus(const std::string& name) {
  Document doc = extract_corpus(name);
  detect_metadata(doc, RegionTable::builtin());
  remove_boilerplate(doc);
  number_transcript_slides(doc);
  return doc;
}

bool contains(const Document& doc, const std::string& needle) {
  for (const Block& block : doc.blocks) {
    if (block.text.find(needle) != std::string::npos) return true;
  }
  return false;
}

const Block* find_block(const Document& doc, const std::string& prefix) {
  for (const Block& block : doc.blocks) {
    if (block.text.rfind(prefix, 0) == 0) return &block;
  }
  return nullptr;
}

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& block : doc.blocks) out.push_back(block.text);
  return out;
}

Block on_page(int page, const std::string& text, BlockKind kind = BlockKind::paragraph) {
  return Block{kind, text, 0, page, 0};
}

// A paged document whose pages carry `header` at the top and `footer(page)` at the bottom.
Document paged(int pages, const std::string& header, const std::string& footer_format) {
  Document doc;
  doc.info.pages = pages;
  for (int p = 1; p <= pages; ++p) {
    // Body lines differ from page to page in letters, not only in digits.
    const std::string tag(1, static_cast<char>('A' + p));
    doc.blocks.push_back(on_page(p, header));
    doc.blocks.push_back(on_page(p, "Avsnitt " + tag + " om EU-frågor."));
    doc.blocks.push_back(on_page(p, "Landstinget ska samverka med andra aktörer i länet."));
    doc.blocks.push_back(on_page(p, "Stycke " + tag + " slutar här."));
    std::string footer = footer_format;
    if (auto at = footer.find('%'); at != std::string::npos)
      footer.replace(at, 1, std::to_string(p));
    doc.blocks.push_back(on_page(p, footer));
  }
  return doc;
}

// --- Rule 1: running headers, footers and page numbers of paged documents -------------------

TEST(Boilerplate, RunningHeaderAndFooterOnEveryPageAreRemoved) {
  Document doc = paged(4, "Stockholms läns landsting 2012-10-02", "LS 1103-0413");
  remove_boilerplate(doc);
  EXPECT_FALSE(contains(doc, "Stockholms läns landsting 2012-10-02"));
  EXPECT_FALSE(contains(doc, "LS 1103-0413"));
  EXPECT_EQ(doc.blocks.size(), 12u);  // the three body blocks of each page remain
  EXPECT_EQ(doc.blocks[0].text, "Avsnitt B om EU-frågor.");
}

TEST(Boilerplate, RunningFootersMatchWhenOnlyTheirNumbersDiffer) {
  // Not a lone page number: only the digit masking makes these lines equal.
  Document doc = paged(3, "Tjänsteutlåtande", "LS 1103-0413 Sida % (3)");
  remove_boilerplate(doc);
  EXPECT_FALSE(contains(doc, "Sida"));
  EXPECT_FALSE(contains(doc, "Tjänsteutlåtande"));
  EXPECT_EQ(doc.blocks.size(), 9u);
}

TEST(Boilerplate, HeaderOnBothPagesOfATwoPageDocumentIsRemoved) {
  Document doc = paged(2, "Region Jönköpings län", "Dnr LK11-0212");
  remove_boilerplate(doc);
  EXPECT_FALSE(contains(doc, "Region Jönköpings län"));
  EXPECT_FALSE(contains(doc, "Dnr LK11-0212"));
  EXPECT_EQ(doc.blocks.size(), 6u);
}

TEST(Boilerplate, LineAtThePageEdgeOfTooFewPagesIsKept) {
  // Ten pages need the line on three of them; a heading that starts two pages is content.
  Document doc = paged(10, "Landstingets internationella arbete", "Sida % av 10");
  doc.blocks[0].text = "Bevaka och påverka EU";
  doc.blocks[5].text = "Bevaka och påverka EU";
  remove_boilerplate(doc);
  int kept = 0;
  for (const Block& block : doc.blocks) kept += block.text == "Bevaka och påverka EU";
  EXPECT_EQ(kept, 2);
  EXPECT_FALSE(contains(doc, "Landstingets internationella arbete"));
  EXPECT_FALSE(contains(doc, "Sida"));
}

TEST(Boilerplate, RepeatedTextInTheMiddleOfPagesIsKept) {
  // Only the outer two blocks of a page can be headers or footers.
  Document doc;
  int page = 0;
  for (std::string section : {"Inledning", "Bakgrund", "Syfte"}) {
    ++page;
    for (std::string text :
         {section, "Första stycket om " + section + ".", std::string("Dra nytta av EU"),
          "Andra stycket om " + section + ".", "Slutet av avsnittet " + section + "."}) {
      doc.blocks.push_back(on_page(page, text));
    }
  }
  remove_boilerplate(doc);
  EXPECT_EQ(doc.blocks.size(), 15u);
}

TEST(Boilerplate, LonePageNumbersAnywhereOnAPageAreRemoved) {
  Document doc;
  const std::vector<std::string> numbers = {"3",           "- 3 -", "– 3 –", "Sida 3 (8)",
                                            "Sida 3 av 8", "3 (8)", "3/8",   "sida 3"};
  for (const std::string& number : numbers) {
    doc.blocks.push_back(on_page(3, "Ett stycke före sidnumret."));
    doc.blocks.push_back(on_page(3, number));
    doc.blocks.push_back(on_page(3, "Ett stycke efter sidnumret."));
  }
  doc.blocks.push_back(on_page(3, "3 000 kronor avsätts."));
  remove_boilerplate(doc);
  for (const std::string& number : numbers) {
    for (const Block& block : doc.blocks) EXPECT_NE(block.text, number);
  }
  EXPECT_TRUE(contains(doc, "3 000 kronor avsätts."));
  EXPECT_EQ(doc.blocks.size(), 2 * numbers.size() + 1);
}

TEST(Boilerplate, NumbersInDocumentsWithoutPagesAreNotPageNumbers) {
  Document doc;
  doc.blocks = {on_page(0, "Ett stycke."), on_page(0, "3"), on_page(0, "Ett till.")};
  remove_boilerplate(doc);
  EXPECT_EQ(doc.blocks.size(), 3u);
}

TEST(Boilerplate, RealPdfLosesNoText) {
  const std::string name = "stockholm-riktlinjer-internationellt-arbete-2012.pdf";
  Document doc = PdfExtractor().extract(read_corpus(name), name, ExtractOptions{});
  ASSERT_GT(doc.info.pages, 1);
  const std::vector<std::string> before = texts(doc);
  remove_boilerplate(doc);
  EXPECT_EQ(texts(doc), before);
}

// --- Rule 2: web-scrape and viewer chrome ----------------------------------------------------

TEST(Boilerplate, SlideViewerChromeIsRemoved) {
  Document doc = cleaned_corpus("stockholm-pa-vag-mot-nya-riktlinjer-slides.txt");
  EXPECT_FALSE(contains(doc, "Presentation laddar"));
  EXPECT_FALSE(contains(doc, "Liknande presentationer"));
  EXPECT_FALSE(contains(doc, "En presentation över ämnet"));
  EXPECT_FALSE(contains(doc, "Presentationens avskrift"));
  EXPECT_FALSE(contains(doc, "Ladda ner ppt"));
  EXPECT_FALSE(contains(doc, "Google-annonser"));
  EXPECT_TRUE(contains(doc, "Uppföljning av internationellt arbete inom SLL"));
}

TEST(Boilerplate, ViewerChromeJoinedIntoOneBlockIsRemoved) {
  // "Storlek: px" and "Starta visningen från sidan:" are one block after line joining.
  Document doc = cleaned_corpus("orebro-riktlinjer-internationellt-engagemang.txt");
  EXPECT_FALSE(contains(doc, "Storlek"));
  EXPECT_FALSE(contains(doc, "Starta visningen"));
  EXPECT_FALSE(contains(doc, "Download"));
  EXPECT_FALSE(contains(doc, "Transkript"));
  EXPECT_TRUE(contains(doc, "ÖREBRO LÄNS LANDSTING Ledningskansliet Riktlinjer för"));
}

TEST(Boilerplate, WebPageFurnitureIsRemoved) {
  Document doc = cleaned_corpus("stockholm-internationella-funktionen-webb.txt");
  EXPECT_FALSE(contains(doc, "Senast uppdaterad"));
  EXPECT_FALSE(contains(doc, "Ansvarig redaktör"));
  EXPECT_FALSE(contains(doc, "Epost"));
  EXPECT_FALSE(contains(doc, "Du kan kontakta oss"));
  for (const Block& block : doc.blocks) EXPECT_NE(block.text, "Kontakt");
  EXPECT_EQ(doc.blocks.back().text,
            "Läs handlingsplan för landstingets internationella arbete 2013 och de nya "
            "riktlinjerna här.");
  EXPECT_TRUE(contains(doc, "Den 4 december 2012 godkändes de nya internationella riktlinjerna"));
}

TEST(Boilerplate, ChromeIsCaseInsensitiveAndCookieNoticesGo) {
  Document doc;
  doc.blocks = {on_page(0, "LADDA NER PPT \"RIKTLINJER\""),
                on_page(0, "ANSVARIG REDAKTÖR: CAMILLA KARLSSON"),
                on_page(0, "Vi använder kakor (cookies) för att webbplatsen ska fungera bra."),
                on_page(0, "Den här webbplatsen använder cookies. Läs mer om cookies"),
                on_page(0, "Godkänn cookies"),
                on_page(0, "Kontakt med andra regioner ska prioriteras."),
                on_page(0, "Ladda ner")};
  // A long paragraph that starts like chrome is text.
  for (int i = 0; i < 12; ++i) doc.blocks.back().text += " riktlinjerna och handlingsplanen, som";
  doc.blocks.back().text += " gäller för alla verksamheter i landstinget från och med 2013.";
  remove_boilerplate(doc);
  ASSERT_EQ(doc.blocks.size(), 2u) << doc.blocks[0].text;
  EXPECT_EQ(doc.blocks[0].text, "Kontakt med andra regioner ska prioriteras.");
  EXPECT_EQ(doc.blocks[1].text.rfind("Ladda ner riktlinjerna", 0), 0u);
}

TEST(Boilerplate, SkipLinksAndSiteNavigationGoButSentencesStay) {
  // How transcripts of county web pages start; the first would otherwise be the title.
  Document doc;
  doc.blocks = {on_page(0, "Navigera till sidans huvudinnehåll"),
                on_page(0, "Gå direkt till huvudinnehållet"),
                on_page(0, "Hoppa till innehåll"),
                on_page(0, "Direkt till innehållet"),
                on_page(0, "Undermeny"),
                on_page(0, "top of page"),
                on_page(0, "Skriv ut den här sidan"),
                on_page(0, "Tack för att du kontaktar oss, vi har tagit emot dina synpunkter"),
                on_page(0, "Till startsidan"),
                on_page(0, "Stäng"),
                on_page(0, "Du är på Region Örebro läns webbplats."),
                on_page(0, "Denna webbplats använder teknik som troligen inte stöds i din "
                           "webbläsare, därför kan vissa saker se konstiga ut."),
                on_page(0, "Patientsäkerhet"),
                on_page(0, "Gå till vårdcentralen om du blir sjuk under resan."),
                on_page(0, "Stäng av telefonen i väntrummet."),
                on_page(0, "Skriv ut blanketten och skicka den till oss.")};
  remove_boilerplate(doc);
  ASSERT_EQ(doc.blocks.size(), 4u) << doc.blocks[0].text;
  EXPECT_EQ(doc.blocks[0].text, "Patientsäkerhet");
  EXPECT_EQ(doc.blocks[1].text, "Gå till vårdcentralen om du blir sjuk under resan.");
  EXPECT_EQ(doc.blocks[2].text, "Stäng av telefonen i väntrummet.");
  EXPECT_EQ(doc.blocks[3].text, "Skriv ut blanketten och skicka den till oss.");
}

TEST(Boilerplate, LinkLabelsBetweenParagraphsGo) {
  Document doc;
  doc.blocks = {on_page(0, "Regionen ska ha en god krisberedskap."),
                on_page(0, "Läs mer om krisberedskap."),
                on_page(0, "Läs mer på www.vgregion.se/covid-19"),
                on_page(0, "Läs mer:"),
                on_page(0, "Läs mer om hur vi arbetar. Regionen ska öva varje år."),
                on_page(0, "Läs mera böcker, säger bibliotekarien.")};
  remove_boilerplate(doc);
  ASSERT_EQ(doc.blocks.size(), 3u) << doc.blocks[1].text;
  EXPECT_EQ(doc.blocks[0].text, "Regionen ska ha en god krisberedskap.");
  // A label that runs on into a sentence is text, as is a sentence that starts alike.
  EXPECT_EQ(doc.blocks[1].text, "Läs mer om hur vi arbetar. Regionen ska öva varje år.");
  EXPECT_EQ(doc.blocks[2].text, "Läs mera böcker, säger bibliotekarien.");
}

TEST(Boilerplate, EnglishViewerChromeIsRemovedLikeTheSwedish) {
  // A docplayer.net / slideplayer.com transcript of a Swedish document.
  Document doc;
  doc.blocks = {on_page(0, "Save this PDF as: WORD PNG TXT JPG"),
                on_page(0, "Size: px Start display at page:"),
                on_page(0, "Download \"Riktlinjer för internationellt arbete\""),
                on_page(0, "Transcription"),
                on_page(0, "Presentation is loading. Please wait."),
                on_page(0, "Presentation on theme: \"Riktlinjer\"— Presentation transcript:"),
                on_page(0, "Similar presentations"),
                on_page(0, "Report Share Embed"),
                on_page(0, "Ads by Google"),
                on_page(0, "Landstinget ska bevaka och påverka EU:s politik."),
                on_page(0, "Share the results with the other regions, says the plan.")};
  remove_boilerplate(doc);
  ASSERT_EQ(doc.blocks.size(), 2u) << doc.blocks[0].text;
  EXPECT_EQ(doc.blocks[0].text, "Landstinget ska bevaka och påverka EU:s politik.");
  EXPECT_EQ(doc.blocks[1].text, "Share the results with the other regions, says the plan.");
}

// --- Rule 3: trailing listing of other documents --------------------------------------------

TEST(Boilerplate, OrebroListingOfOtherDocumentsIsDroppedAndGuidelinesKept) {
  Document doc = extract_corpus("orebro-riktlinjer-internationellt-engagemang.txt");
  ASSERT_TRUE(contains(doc, "Digital strategi för Uppsala kommun 2014-2017"));
  remove_boilerplate(doc);
  EXPECT_FALSE(contains(doc, "Uppsala"));
  EXPECT_FALSE(contains(doc, "Ronneby"));
  EXPECT_FALSE(contains(doc, "VÄSTRA GÖTALAND"));
  EXPECT_FALSE(contains(doc, "Läs mer"));
  EXPECT_FALSE(contains(doc, "Nationell strategi för arbetet med att digitalisera"));
  EXPECT_TRUE(contains(doc,
                       "Det internationella engagemanget ska i görligaste mån samordnas "
                       "med andra aktörer i länet"));
  EXPECT_TRUE(contains(doc,
                       "Landstingsfullmäktige antog i juni 2003 en policy för Örebro läns "
                       "landstings internationella arbete."));
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks.back().text.rfind("8 Postadress: Ledningskansliet, Örebro läns", 0), 0u);
}

TEST(Boilerplate, ListingHeadingAndEntriesWithoutRepeatedTitlesGo) {
  Document doc;
  doc.blocks = {on_page(0, "Landstinget ska samverka med andra aktörer i länet."),
                on_page(0, "Relaterade dokument", BlockKind::heading),
                on_page(0, "Strategi för Ronneby", BlockKind::heading),
                on_page(0, "Ronneby kommun är en del av en globaliserad värld ..."),
                on_page(0, "Läs mer"),
                on_page(0, "Plan för Östersund", BlockKind::heading),
                on_page(0, "Brukare och inflytande ..."),
                on_page(0, "Läs mer »")};
  remove_boilerplate(doc);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "Landstinget ska samverka med andra aktörer i länet.");
}

TEST(Boilerplate, ListingStartsAtATitleThatItsExcerptRepeats) {
  // Most entries here are a bare excerpt; the first has its title above the excerpt.
  Document doc;
  doc.blocks = {on_page(0, "Landstinget ska samverka med andra aktörer i länet."),
                on_page(0, "Ytterligare ett stycke om samverkan."),
                on_page(0, "Digital strategi för Uppsala kommun 2014-2017", BlockKind::heading),
                on_page(0, "Digital strategi för Uppsala kommun 2014-2017 KOMMUNLEDNINGSKONTORET"),
                on_page(0, "Läs mer"),
                on_page(0, "Nämnden för tillväxt, kultur och bildning BILAGA 4"),
                on_page(0, "Läs mer"),
                on_page(0, "Regionförbundets delårsrapport 2013-08-31 Tjänsteställe"),
                on_page(0, "Läs mer")};
  remove_boilerplate(doc);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[1].text, "Ytterligare ett stycke om samverkan.");
}

TEST(Boilerplate, ReadMoreLinksInsideOrAloneAtTheEndAreKept) {
  Document inside;
  inside.blocks = {on_page(0, "Om fonderna. Läs mer"),   on_page(0, "Om programmen. Läs mer"),
                   on_page(0, "Ett avslutande stycke."), on_page(0, "Och ett till."),
                   on_page(0, "Och ett sista."),         on_page(0, "Fortsättning.")};
  remove_boilerplate(inside);
  EXPECT_EQ(inside.blocks.size(), 6u);

  Document alone;
  alone.blocks = {on_page(0, "Riktlinjerna gäller till 2017."), on_page(0, "Läs mer")};
  remove_boilerplate(alone);
  EXPECT_EQ(alone.blocks.size(), 2u);
}

// --- Rule 4: slide transcripts --------------------------------------------------------------

TEST(Boilerplate, StockholmSlidesAreNumberedAndTitlesSplitOff) {
  Document doc = cleaned_corpus("stockholm-pa-vag-mot-nya-riktlinjer-slides.txt");
  EXPECT_EQ(doc.info.slides, 8);
  const Block* title = find_block(doc, "Mål för det internationella arbetet");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->text, "Mål för det internationella arbetet");
  EXPECT_EQ(title->kind, BlockKind::slide_title);
  EXPECT_EQ(title->level, 1);
  EXPECT_EQ(title->slide, 3);
  const Block& body = *(title + 1);
  EXPECT_EQ(body.kind, BlockKind::paragraph);
  EXPECT_EQ(body.slide, 3);
  EXPECT_EQ(body.text.rfind("Det internationella arbetet ska bidra till att nå landstingets "
                            "långsiktiga mål:",
                            0),
            0u);

  const Block* first = find_block(doc, "På väg mot nya riktlinjer");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->slide, 0);  // the page title above the transcript is no slide
  const Block* slide1 = find_block(doc, "PH");
  ASSERT_NE(slide1, nullptr);
  EXPECT_EQ(slide1->slide, 1);
  EXPECT_EQ((slide1 - 1)->kind, BlockKind::slide_title);

  const Block* slide2 = find_block(doc, "Tillväxt, miljö och regionplanering Detta har hänt");
  ASSERT_NE(slide2, nullptr);  // no repeated title: one paragraph, number stripped
  EXPECT_EQ(slide2->slide, 2);
  EXPECT_EQ(doc.blocks.back().text, "Tillväxt, miljö och regionplanering");
  EXPECT_EQ(doc.blocks.back().slide, 8);
}

TEST(Boilerplate, OrebroTranscriptIsNumberedAsPagesOfADocument) {
  // A document viewer's transcript of riktlinjer: the numbers are pages, not slides.
  Document doc = cleaned_corpus("orebro-riktlinjer-internationellt-engagemang.txt");
  EXPECT_EQ(doc.info.doc_type, "riktlinjer");
  EXPECT_EQ(doc.info.pages, 8);
  EXPECT_EQ(doc.info.slides, 0);
  const Block* slide3 = find_block(doc, "Riktlinjer för internationellt engagemang Inledning");
  ASSERT_NE(slide3, nullptr);
  EXPECT_EQ(slide3->page, 3);
  EXPECT_EQ(slide3->slide, 0);
  EXPECT_TRUE(slide3->text.ends_with("mervärde för den egna verksamheten och för länet."))
      << slide3->text;
  const Block* slide8 = find_block(doc, "Postadress: Ledningskansliet");
  ASSERT_NE(slide8, nullptr);
  EXPECT_EQ(slide8->page, 8);
  // The viewer's title line above the transcript heads nothing.
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks.front().text, "ÖREBRO LÄNS LANDSTING. Ledningskansliet");
  EXPECT_EQ(doc.blocks.front().kind, BlockKind::paragraph);
  EXPECT_EQ(doc.blocks.front().page, 0);
  for (const Block& block : doc.blocks) {
    EXPECT_NE(block.text, "2");  // slide 2 holds nothing but its page number
    EXPECT_NE(block.text, "2 2");
  }
}

TEST(Boilerplate, NumberedSectionsWithBodiesAreNoTranscript) {
  Document doc;
  for (int n = 1; n <= 3; ++n) {
    doc.blocks.push_back(on_page(0, std::to_string(n) + " Avsnitt"));
    doc.blocks.push_back(on_page(0, "Första stycket."));
    doc.blocks.push_back(on_page(0, "Andra stycket."));
  }
  number_transcript_slides(doc);
  EXPECT_EQ(doc.info.slides, 0);
  EXPECT_EQ(doc.blocks[0].text, "1 Avsnitt");
  EXPECT_EQ(doc.blocks[0].slide, 0);
}

TEST(Boilerplate, NumberedSectionsOfPagedDocumentsAreNoTranscript) {
  // One short paragraph per section looks like a transcript, but PDFs have real pages.
  Document doc;
  for (int n = 1; n <= 3; ++n) {
    doc.blocks.push_back(on_page(n, std::to_string(n) + " Avsnitt"));
    doc.blocks.push_back(on_page(n, "Ett stycke."));
  }
  number_transcript_slides(doc);
  EXPECT_EQ(doc.info.slides, 0);
  EXPECT_EQ(doc.blocks[2].text, "2 Avsnitt");
}

TEST(Boilerplate, TranscriptNeedsThreeConsecutiveNumbers) {
  Document doc;
  doc.blocks = {on_page(0, "1 Inledning till det hela"), on_page(0, "2 Fortsättning"),
                on_page(0, "4 Hoppar över tre")};
  number_transcript_slides(doc);
  EXPECT_EQ(doc.info.slides, 0);
  EXPECT_EQ(doc.blocks[0].text, "1 Inledning till det hela");
}

}  // namespace
}  // namespace klausul
