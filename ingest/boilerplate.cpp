#include "ingest/boilerplate.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/normalize.h"

namespace klausul {
namespace {

// ------------------------------------------------------------------------------ helpers

// Patterns are matched against the case-folded text: std::regex's icase folds ASCII only, not
// Å, Ä, Ö, so "ANSVARIG REDAKTÖR" would slip through.
std::string folded(std::string_view text) { return collapse_whitespace(fold_for_index(text)); }

// Every byte of a multi-byte UTF-8 character counts as a letter: std::regex's \b treats the
// bytes of "ö" as non-word characters, so word ends are checked by hand.
bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

// A match ending at `end` does not stop in the middle of a word ("ladda ner" in "ladda nerladdat").
bool at_word_end(const std::string& s, size_t end) {
  return end >= s.size() || end == 0 || !is_word_byte(s[end]) || !is_word_byte(s[end - 1]);
}

bool starts_with_words(std::string_view text, std::string_view prefix) {
  return !prefix.empty() && text.size() > prefix.size() && text.starts_with(prefix) &&
         text[prefix.size()] == ' ';
}

void erase_flagged(std::vector<Block>& blocks, const std::vector<bool>& drop) {
  std::vector<Block> kept;
  kept.reserve(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(blocks[i]));
  }
  blocks = std::move(kept);
}

// ------------------------------------------------------------ rule: web and viewer chrome

enum class Extent {
  line,  // the pattern is the whole line ("Kontakt"), so "Kontakt med regionerna ..." is text
  rest,  // the pattern starts a line whose rest is free text ("Ladda ner ppt "<title>"")
};

struct ChromePattern {
  const char* regex;  // on folded text, anchored where a line starts
  Extent extent;
};

// The furniture scrapers copy along with a page. Hard-wrapped lines are joined into one block
// by the extractor ("Senast uppdaterad: 2011-02-01 Ansvarig redaktör: X Epost"), so a block is
// chrome when it is a sequence of these lines and nothing else.
const ChromePattern kChrome[] = {
    // Slide viewers (slideplayer.se and the like) around a scraped presentation.
    {"presentation(en)? laddar\\.?( vänta\\.?)?", Extent::line},
    {"storlek: ?([0-9]+ ?)?px", Extent::line},
    {"starta visningen från sidan:?( [0-9]+)?", Extent::line},
    {"transkript:?", Extent::line},
    {"presentationens avskrift:?", Extent::line},
    // En presentation över ämnet: "<title>"— Presentationens avskrift:
    {"(en )?presentation över ämnet:", Extent::rest},
    {"ladda ner", Extent::rest},  // Ladda ner ppt "<title>"
    {"download", Extent::rest},   // Download "<title>"
    {"liknande (presentationer|dokument)", Extent::line},
    {"google-annonser|annonser|annons", Extent::line},
    // The same viewers in English (docplayer.net, slideplayer.com): a transcript scraped from
    // them carries "Save this PDF as: WORD PNG TXT JPG" and its siblings.
    {"save this (pdf|document|presentation) as:?( (word|png|txt|jpg|pdf|ppt))*", Extent::line},
    {"(the )?presentation is loading\\.?( please wait\\.?)?", Extent::line},
    {"size: ?([0-9]+ ?)?px", Extent::line},
    {"start (display|the show) at page:?( [0-9]+)?", Extent::line},
    {"(presentation )?transcript(ion)?:?", Extent::line},
    {"(a )?presentation on (the )?theme:", Extent::rest},
    {"similar (presentations|documents)", Extent::line},
    {"ads by google", Extent::line},
    {"(report|share|embed|upload|log in|sign up|about project)"
     "( (report|share|embed|upload|log in|sign up|about project))*", Extent::line},
    {"to make this website work, we log user data", Extent::rest},
    // Page furniture of county web sites.
    {"senast (uppdaterad|ändrad|granskad):?( [0-9]{4}-[0-9]{2}-[0-9]{2})?", Extent::line},
    {"publicerad:?( [0-9]{4}-[0-9]{2}-[0-9]{2})?", Extent::line},
    {"(ansvarig (redaktör|utgivare)|sidansvarig|innehållsansvarig):", Extent::rest},
    {"e-?post:?|kontakt(a oss)?:?", Extent::line},
    {"du kan kontakta oss", Extent::rest},  // ... på e-post info@...
    {"dela( sidan)?|skriv ut( sidan)?|till toppen|tipsa en vän|lyssna", Extent::line},
    // Skip links and the site's own navigation, which a scraped page starts with (and which
    // would otherwise become its title).
    {"((navigera|gå|hoppa)( direkt)?|direkt) till (sidans )?(huvud)?innehåll(et)?",
     Extent::line},
    {"skriv ut( den här| denna)? sida(n)?", Extent::line},
    // A feedback form's receipt.
    {"tack för att du (kontaktar|kontaktat) oss", Extent::rest},
    {"till startsidan|stäng( meny(n)?)?|(under|huvud)?meny(n)?|sök|top of page", Extent::line},
    {"du är på [^.]{1,80} webbplats\\.?", Extent::line},
    {"(denna|den här) webbplats använder teknik som (troligen )?inte stöds", Extent::rest},
    // Cookie notices and their buttons.
    {"(vi|webbplatsen|den här webbplatsen|denna webbplats|[^ ]+\\.se) använder (cookies|kakor)",
     Extent::rest},
    {"we use cookies|this (web)?site uses cookies", Extent::rest},
    {"(jag )?(godkänn(er)?|acceptera|tillåt) (alla )?(cookies|kakor)|(mer )?om (cookies|kakor)"
     "|(läs mer|mer information) om (cookies|kakor)|(cookie|kak)-?inställningar",
     Extent::line},
};

// A real paragraph that happens to start like chrome ("Ladda ner blanketten och ...") is long.
constexpr size_t kMaxChromeBytes = 400;

const std::vector<std::pair<std::regex, Extent>>& chrome_patterns() {
  static const auto patterns = [] {
    std::vector<std::pair<std::regex, Extent>> out;
    for (const ChromePattern& p : kChrome) out.emplace_back(std::regex(p.regex), p.extent);
    return out;
  }();
  return patterns;
}

// True when s from pos on is nothing but chrome lines.
bool chrome_from(const std::string& s, size_t pos) {
  if (pos >= s.size()) return true;
  for (const auto& [re, extent] : chrome_patterns()) {
    std::smatch m;
    if (!std::regex_search(s.begin() + static_cast<std::ptrdiff_t>(pos), s.end(), m, re,
                           std::regex_constants::match_continuous)) {
      continue;
    }
    size_t end = pos + static_cast<size_t>(m.length(0));
    if (m.length(0) == 0 || !at_word_end(s, end)) continue;
    if (extent == Extent::rest || end == s.size()) return true;
    if (s[end] == ' ' && chrome_from(s, end + 1)) return true;
  }
  return false;
}

}  // namespace

bool is_chrome(const Block& block) {
  return block.text.size() <= kMaxChromeBytes && chrome_from(folded(block.text), 0);
}

namespace {

// ------------------------------------------------ rule: running headers/footers, page numbers

// Headers and footers differ only in their numbers from page to page ("Sida 3 (8)",
// "Utskrivet 2012-10-0#"), so digits are masked before comparing.
std::string running_key(const std::string& text) {
  std::string key = folded(text);
  for (char& c : key) {
    if (std::isdigit(static_cast<unsigned char>(c))) c = '#';
  }
  return key;
}

// Block indices of the first and last two blocks of each page: where the extractor puts what
// was printed in the page margins.
std::map<int, std::vector<size_t>> page_edges(const std::vector<Block>& blocks) {
  std::map<int, std::vector<size_t>> by_page;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].page > 0) by_page[blocks[i].page].push_back(i);
  }
  for (auto& [page, indices] : by_page) {
    if (indices.size() > 4) indices.erase(indices.begin() + 2, indices.end() - 2);
  }
  return by_page;
}

void remove_running_lines(Document& doc) {
  auto edges = page_edges(doc.blocks);
  const int pages = static_cast<int>(edges.size());
  if (pages < 2) return;
  // Headers need not be on every page (not on the title page, not on the appendix), but a
  // line at the edge of only one page is content.
  const size_t needed = static_cast<size_t>(std::max(2, std::min(3, (pages + 1) / 2)));
  std::map<std::string, std::set<int>> pages_of;
  for (const auto& [page, indices] : edges) {
    for (size_t i : indices) pages_of[running_key(doc.blocks[i].text)].insert(page);
  }
  std::vector<bool> drop(doc.blocks.size(), false);
  for (const auto& [page, indices] : edges) {
    for (size_t i : indices) drop[i] = pages_of[running_key(doc.blocks[i].text)].size() >= needed;
  }
  erase_flagged(doc.blocks, drop);
}

// "3", "- 3 -", "Sida 3 (8)", "Sida 3 av 8", "3 (8)", "3/8", "Page 3 of 8".
bool is_page_number(const Block& block) {
  if (block.page == 0 || block.text.size() > 24) return false;
  if (block.kind != BlockKind::paragraph && block.kind != BlockKind::heading) return false;
  static const std::regex page_number(
      "(-|–|—)? ?(sida |sid\\.? ?|s\\. ?|page )?[0-9]{1,4}"
      "( ?\\([0-9]{1,4}\\)| ?/ ?[0-9]{1,4}| (av|of) [0-9]{1,4})? ?(-|–|—)?");
  return std::regex_match(folded(block.text), page_number);
}

// --------------------------------------------------- rule: trailing listing of other documents

// "Läs mer", "Läs mer »", "<excerpt> Läs mer": the link that closes an entry of a listing.
bool ends_with_read_more(const Block& block) {
  std::string s = folded(block.text);
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view tail : {" ", ".", ">", "»", "›", "→", "…"}) {
      if (s.ends_with(tail)) {
        s.resize(s.size() - tail.size());
        trimmed = true;
      }
    }
  }
  constexpr std::string_view kReadMore = "läs mer";
  return s.ends_with(kReadMore) &&
         (s.size() == kReadMore.size() || s[s.size() - kReadMore.size() - 1] == ' ');
}

// A link's label on a line of its own: "Läs mer om krisberedskap.", "Läs mer på
// www.vgregion.se/covid-19", "Läs mer:". On county web pages they come between paragraphs.
// A bare "Läs mer" is left to the listing rule. A full stop inside a web address is part of
// the label; one that ends a sentence with more text after it is not.
bool is_link_label(const Block& block) {
  static const std::regex label("läs mer(:| (om|på|här|hos|i) ([^.]|\\.[^ ]){0,150}\\.?)");
  if (block.text.empty() || block.text.size() > 200) return false;
  if (block.text[0] != 'L' && block.text[0] != 'l') return false;
  return std::regex_match(folded(block.text), label);  // folding only the few that may be
}

bool is_listing_heading(const Block& block) {
  static const std::regex heading(
      "(liknande|relaterade|andra|fler|populära) (dokument|presentationer|sidor|länkar)"
      "|se även|andra har också (läst|tittat på):?");
  return block.text.size() < 60 && std::regex_match(folded(block.text), heading);
}

// An entry is a title, an excerpt and "Läs mer"; more blocks between two "Läs mer" are text.
constexpr size_t kMaxEntryBlocks = 3;

// Indices of the "Läs mer" blocks of the run that ends the document, in document order.
std::vector<size_t> trailing_read_more_run(const std::vector<Block>& blocks) {
  std::vector<size_t> marks;
  size_t gap = 0;
  for (size_t i = blocks.size(); i-- > 0;) {
    if (ends_with_read_more(blocks[i])) {
      marks.insert(marks.begin(), i);
      gap = 0;
    } else if (marks.empty() || ++gap > kMaxEntryBlocks) {
      break;
    }
  }
  return marks;
}

// How many blocks before the first "Läs mer" belong to its entry. A scraped excerpt starts
// with the entry's title, which tells exactly where the entry starts; otherwise it is as long
// as most entries of the run.
size_t first_entry_size(const std::vector<Block>& blocks, const std::vector<size_t>& marks) {
  const size_t first = marks.front();
  if (first >= 1 && starts_with_words(blocks[first].text, blocks[first - 1].text)) return 1;
  if (first >= 2 && starts_with_words(blocks[first - 1].text, blocks[first - 2].text)) return 2;
  std::map<size_t, int> gaps;
  for (size_t k = 1; k < marks.size(); ++k) ++gaps[marks[k] - marks[k - 1] - 1];
  auto most = std::max_element(gaps.begin(), gaps.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  return std::min(most->first, first);
}

void remove_trailing_listing(Document& doc) {
  const std::vector<size_t> marks = trailing_read_more_run(doc.blocks);
  // A single "Läs mer" at the end can be the document's own link to its full text.
  if (marks.size() < 2) return;
  size_t start = marks.front() - first_entry_size(doc.blocks, marks);
  while (start > 0 && is_listing_heading(doc.blocks[start - 1])) --start;
  doc.blocks.erase(doc.blocks.begin() + static_cast<std::ptrdiff_t>(start), doc.blocks.end());
}

// --------------------------------------------------------------- slide transcript numbering

// "12 Mål för ..." -> 12 and rest "Mål för ..."; "2" -> 2 and "". 0 when there is no number.
int slide_number(const Block& block, std::string* rest = nullptr) {
  if (block.kind != BlockKind::paragraph && block.kind != BlockKind::heading) return 0;
  const std::string& t = block.text;
  size_t digits = 0;
  while (digits < t.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(t[digits]))) {
    ++digits;
  }
  if (digits == 0 || (digits < t.size() && t[digits] != ' ')) return 0;
  if (rest != nullptr) *rest = digits < t.size() ? t.substr(digits + 1) : "";
  return std::stoi(t.substr(0, digits));
}

// Indices of the paragraphs numbered 1, 2, 3, ... of a transcript, or empty.
std::vector<size_t> find_slide_run(const std::vector<Block>& blocks) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (slide_number(blocks[i]) != 1) continue;
    std::vector<size_t> run{i};
    for (size_t j = i + 1; j < blocks.size(); ++j) {
      if (slide_number(blocks[j]) == static_cast<int>(run.size()) + 1) run.push_back(j);
    }
    // A transcript is about one paragraph per slide; numbered section headings ("1 Inledning")
    // have their body paragraphs between them.
    const size_t span = run.back() - run.front() + 1;
    if (run.size() >= 3 && run.size() * 2 >= span) return run;
  }
  return {};
}

// The title of a slide is repeated by the scraper: the title line, then the slide text that
// starts with it ("Mål för X Mål för X Det ..."). Returns {title, rest}, or {"", text}. The
// longest immediately repeated prefix of words wins.
std::pair<std::string, std::string> split_repeated_title(const std::string& text) {
  std::vector<size_t> starts;  // byte offset of each word; text has single spaces
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 0 || text[i - 1] == ' ') starts.push_back(i);
  }
  starts.push_back(text.size() + 1);  // sentinel: where a word after the last would start
  const size_t words = starts.size() - 1;
  for (size_t k = std::min<size_t>(words / 2, 20); k >= 1; --k) {
    std::string_view first(text.data(), starts[k] - 1);
    std::string_view second(text.data() + starts[k], starts[2 * k] - 1 - starts[k]);
    if (first == second) {
      return {std::string(first), 2 * k < words ? text.substr(starts[2 * k]) : ""};
    }
  }
  return {"", text};
}

// The numbered paragraph of slide n without its number, without a trailing page number equal
// to n ("... för länet. 3"), and with a repeated title split off into a slide_title block.
void append_slide_start(std::vector<Block>& out, Block block, int n) {
  std::string text;
  slide_number(block, &text);
  const std::string page = std::to_string(n);
  if (text == page) text.clear();
  if (text.ends_with(" " + page)) text.resize(text.size() - page.size() - 1);
  auto [title, body] = split_repeated_title(text);
  block.slide = n;
  if (!title.empty()) {
    out.push_back(Block{BlockKind::slide_title, title, 1, block.page, n});
    block.kind = BlockKind::paragraph;
    block.level = 0;
  }
  if (body.empty()) return;  // "2 2": a slide with nothing but its number
  block.text = body;
  out.push_back(std::move(block));
}

}  // namespace

void remove_boilerplate(Document& doc) {
  std::erase_if(doc.blocks, is_chrome);
  remove_running_lines(doc);
  std::erase_if(doc.blocks, is_page_number);
  // The listing is recognised by ending the document, which it does once the chrome after it
  // is gone, and by its "Läs mer" lines, so link labels go only after it.
  remove_trailing_listing(doc);
  std::erase_if(doc.blocks, is_link_label);
}

void number_transcript_slides(Document& doc) {
  // Paged documents have page numbers and numbered sections, not scraped slide numbers.
  for (const Block& block : doc.blocks) {
    if (block.page > 0) return;
  }
  const std::vector<size_t> run = find_slide_run(doc.blocks);
  if (run.empty()) return;
  std::vector<Block> out(doc.blocks.begin(),
                         doc.blocks.begin() + static_cast<std::ptrdiff_t>(run.front()));
  // The viewer's page title above the transcript is not a section of what follows.
  for (Block& block : out) {
    if (block.kind == BlockKind::heading) {
      block.kind = BlockKind::paragraph;
      block.level = 0;
    }
  }
  size_t slide = 0;
  for (size_t i = run.front(); i < doc.blocks.size(); ++i) {
    if (slide < run.size() && i == run[slide]) {
      ++slide;
      append_slide_start(out, doc.blocks[i], static_cast<int>(slide));
    } else {
      out.push_back(doc.blocks[i]);
      out.back().slide = static_cast<int>(slide);
    }
  }
  doc.blocks = std::move(out);
  doc.info.slides = static_cast<int>(run.size());
  // A document viewer's transcript ("Starta visningen från sidan", "Download") numbers the
  // pages of a document; only a presentation's numbers slides.
  if (doc.info.doc_type != "presentation") {
    for (Block& block : doc.blocks) {
      block.page = block.slide;
      block.slide = 0;
      if (block.kind == BlockKind::slide_title) block.kind = BlockKind::heading;
    }
    doc.info.pages = doc.info.slides;
    doc.info.slides = 0;
  }
}

}  // namespace klausul
