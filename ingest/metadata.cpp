#include "ingest/metadata.h"

#include "ingest/boilerplate.h"
#include "ingest/normalize.h"
#include "ingest/regions.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>

namespace klausul {
namespace {

// Letterheads, titles, dates and diarienummer live at the top: only this much of the text is
// searched for them (std::regex is slow, and later text is body or appendices).
constexpr std::size_t kHeadBytes = 2000;
constexpr std::size_t kHeadBlocks = 15;
constexpr std::size_t kShortLine = 120;

// The first blocks joined, up to about `limit` bytes.
std::string head_text(const std::vector<Block>& blocks, std::size_t limit) {
  std::string out;
  for (const Block& block : blocks) {
    if (out.size() >= limit) break;
    out += block.text;
    out += '\n';
  }
  return out.size() > limit ? out.substr(0, limit) : out;
}

std::string join_all(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& block : blocks) {
    out += block.text;
    out += '\n';
  }
  return out;
}

// Markdown-ish decoration some converters leave: "## **Title**" -> "Title".
std::string clean_line(std::string_view text) {
  std::string s(text);
  s.erase(std::remove(s.begin(), s.end(), '*'), s.end());
  const auto start = s.find_first_not_of("# \t");
  if (start == std::string::npos) return {};
  return collapse_whitespace(s.substr(start));
}

std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Document types, as stored, and their folded stem.
struct TypeWord {
  const char* name;
  const char* stem;
};
constexpr TypeWord kTypes[] = {
    {"tjänsteutlåtande", "tjansteutlatande"}, {"riktlinjer", "riktlinje"},
    {"policy", "policy"},                     {"handlingsplan", "handlingsplan"},
    {"verksamhetsplan", "verksamhetsplan"},   {"strategi", "strategi"},
    {"protokoll", "protokoll"},               {"reglemente", "reglemente"},
    {"presentation", "presentation"},         {"webbsida", "webbsida"},
};

// "riktlinjerna", "policyn", "utvecklingsstrategi" are forms of a type word; "strategiska"
// (an adjective) is not.
bool is_form_of(std::string_view word, std::string_view stem) {
  static const char* const kEndings[] = {"", "n", "en", "r", "er", "na", "rna", "erna", "et",
                                         "s", "ns", "ens", "ets", "ernas", "rnas"};
  const auto at = word.rfind(stem);
  if (at == std::string_view::npos) return false;
  const std::string_view ending = word.substr(at + stem.size());
  return std::any_of(std::begin(kEndings), std::end(kEndings),
                     [&](const char* e) { return ending == e; });
}

// The type named by the earliest type word in `text`; empty when none.
std::string type_in(std::string_view text) {
  for (const std::string& word : words_of(ascii_key(text))) {
    for (const TypeWord& type : kTypes) {
      if (is_form_of(word, type.stem)) return type.name;
    }
  }
  return {};
}

bool contains(std::string_view folded, std::string_view needle) {
  return folded.find(needle) != std::string_view::npos;
}

// The form of the document, which beats the subject its title names: a "TJÄNSTEUTLÅTANDE"
// letterhead about riktlinjer is a tjänsteutlåtande; a scraped slide viewer is a presentation.
std::string form_marker(const Document& doc, std::string_view head, std::string_view tail) {
  for (std::size_t i = 0; i < doc.blocks.size() && i < kHeadBlocks; ++i) {
    const std::string line = ascii_key(clean_line(doc.blocks[i].text));
    // A form word heading a short line: "TJÄNSTEUTLÅTANDE 2012-10-02", "PROTOKOLL".
    const std::vector<std::string> words = words_of(line);
    const auto lettered = std::count_if(words.begin(), words.end(), [](const std::string& w) {
      return std::any_of(w.begin(), w.end(), [](char c) { return !std::isdigit(static_cast<unsigned char>(c)); });
    });
    if (words.empty() || lettered > 3) continue;
    if (words.front() == "tjansteutlatande") return "tjänsteutlåtande";
    if (is_form_of(words.front(), "protokoll")) return "protokoll";
  }
  const std::string h = ascii_key(head);
  if (contains(h, "presentation laddar") || contains(h, "presentationens avskrift") ||
      contains(h, "ladda ner ppt")) {
    return "presentation";
  }
  const std::string t = ascii_key(std::string(head) + "\n" + std::string(tail));
  if (contains(t, "senast uppdaterad") || contains(t, "ansvarig redaktor") ||
      contains(t, "sidansvarig") || doc.info.format == "html") {
    return "webbsida";
  }
  return {};
}

std::string detect_doc_type(const Document& doc, const std::string& head,
                            const std::string& tail, const std::string& stem) {
  std::string type = form_marker(doc, head, tail);
  if (type.empty()) type = type_in(doc.info.title);
  if (type.empty()) type = type_in(head);
  if (type.empty()) type = type_in(stem);
  return type;
}

bool plausible_date(int year, int month, int day) {
  return year >= 1950 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Whether `text` has a digit, '-' or '/', and a digit in a row: what an ISO date and a case
// number need. std::regex tries its pattern at every position, so texts without it are
// not given to it.
bool has_number_group(std::string_view text) {
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if ((text[i] == '-' || text[i] == '/') && std::isdigit(static_cast<unsigned char>(text[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      return true;
    }
  }
  return false;
}

// First ISO date "YYYY-MM-DD" in `text`, or empty.
std::string first_date(std::string_view text) {
  static const std::regex date(R"((^|[^0-9])((19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])($|[^0-9]))");
  if (!has_number_group(text)) return {};
  const std::string s(text);
  for (std::sregex_iterator it(s.begin(), s.end(), date), end; it != end; ++it) {
    const std::smatch& m = *it;
    if (plausible_date(std::stoi(m[2]), std::stoi(m[4]), std::stoi(m[5]))) {
      return m[2].str() + "-" + m[4].str() + "-" + m[5].str();
    }
  }
  return {};
}

// A 19xx/20xx year standing alone ("Policy 2011", "plan-2013-2015" gives 2013).
int year_in(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    const bool before = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    const bool after = i + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 4]));
    const std::string_view y = text.substr(i, 4);
    if (!before || !after || !std::all_of(y.begin(), y.end(), ::isdigit)) continue;
    const int year = std::stoi(std::string(y));
    if (year >= 1950 && year <= 2100) return year;
  }
  return 0;
}

// "Dnr LK11-0212", "Dnr: 12/345", "LS 1103-0413", "LS1103-0413". An explicit "Dnr" wins;
// otherwise an uppercase series prefix followed by number groups.
std::string detect_diarienummer(const std::string& head) {
  static const std::regex with_label(
      R"((?:^|[\s(])(?:Dnr|DNR|Diarienummer|Diarienr)\.?[ \t]*:?[ \t]*([A-Z]{0,5} ?[0-9]{1,4}(?:[-/:][0-9]{1,6})+)(?![0-9A-Za-z]))");
  // Delimited by ASCII whitespace or punctuation: std::regex's \b treats the bytes of "Å" as
  // boundaries, which would find "TANDE" inside "TJÄNSTEUTLÅTANDE".
  static const std::regex series(
      R"((?:^|[\s(,:;])([A-Z]{2,5} ?[0-9]{2,4}(?:[-/][0-9]{2,6})+)(?![0-9A-Za-z]))");
  std::smatch m;
  const bool labelled = head.find("Dnr") != std::string::npos ||
                        head.find("DNR") != std::string::npos ||
                        head.find("Diarie") != std::string::npos;
  if (labelled && std::regex_search(head, m, with_label)) return m[1].str();
  if (has_number_group(head) && std::regex_search(head, m, series)) return m[1].str();
  return {};
}

// Words ending an organisation's name in a letterhead: "Landstingsstyrelsens förvaltning",
// "Ledningskansliet", "Landstingsstyrelsen", "Hälso- och sjukvårdsnämnden".
bool organisation_word(std::string_view folded) {
  static const char* const kEnds[] = {"forvaltning", "forvaltningen", "kansliet", "kansli",
                                      "styrelsen", "namnden", "staben", "fullmaktige",
                                      "direktoren", "kontoret", "avdelningen", "enheten"};
  return std::any_of(std::begin(kEnds), std::end(kEnds), [&](const char* e) {
    const std::string_view end(e);
    return folded.size() >= end.size() && folded.substr(folded.size() - end.size()) == end;
  });
}

// A short, capitalised line (or a '.'-separated part of one) that ends in an organisation word.
std::string detect_organisation(const std::vector<Block>& blocks) {
  for (std::size_t i = 0; i < blocks.size() && i < kHeadBlocks; ++i) {
    const std::string line = clean_line(blocks[i].text);
    std::size_t start = 0;
    while (start <= line.size()) {
      const std::size_t end = std::min(line.find('.', start), line.size());
      const std::string part = collapse_whitespace(line.substr(start, end - start));
      const std::vector<std::string> words = words_of(ascii_key(part));
      if (!words.empty() && words.size() <= 4 && std::isupper(static_cast<unsigned char>(part[0])) &&
          organisation_word(words.back())) {
        return part;
      }
      start = end + 1;
    }
  }
  return {};
}

}  // namespace

namespace {

// Or a word like "eHälsa", "iPhone": lowercase first, a capital within its first few letters.
bool starts_upper_or_digit(std::string_view text) {
  if (text.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  if (c >= 0 && (u_isupper(c) || u_isdigit(c))) return true;
  if (c < 0 || !u_islower(c) || i >= static_cast<int32_t>(text.size())) return false;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isupper(c);
}

// Viewer chrome of scraped pages and tables of contents: never a title.
bool noise_line(const std::string& folded) {
  static const char* const kNoise[] = {"presentation laddar", "las mer", "ladda ner", "download",
                                       "storlek", "transkript", "starta visningen",
                                       "liknande presentationer", "innehall", "sida "};
  return std::any_of(std::begin(kNoise), std::end(kNoise),
                     [&](const char* n) { return folded.rfind(n, 0) == 0; });
}

// A page's header and pictures, not its title: the site's name alone ("Region Östergötland",
// "REGION JÄMTLAND HÄRJEDALEN"), a logo, an image file or description ("Region Halland Bild
// 1.jpg", "Bilden visar den svenska skärgården") or a contact line with a phone number.
bool page_furniture(const std::string& line, const std::string& folded) {
  if (RegionTable::builtin().find(line)) return true;
  static const std::regex kPicture(
      "(^| )(logotyp(en)?|logga|bilden visar)( |$)|\\.(jpe?g|png|gif|svg|webp)( |$)"
      "|(^| )0[0-9]{1,3}-[0-9]{2,3} ?[0-9]{2} ?[0-9]{2}( |$)");
  return std::regex_search(folded, kPicture);
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// The part of a block that could be a title, or empty: short, capitalised, not a sentence,
// label, date, diarienummer or letterhead. A letterhead prefix ("1 ÖREBRO LÄNS LANDSTING
// Ledningskansliet Riktlinjer för ...") is cut off at the organisation.
std::string title_part(const Block& block, const std::string& organisation, const std::string& dnr) {
  if (block.kind == BlockKind::list_item || block.kind == BlockKind::table_cell) return {};
  if (is_chrome(block)) return {};  // "Navigera till sidans huvudinnehåll", "Stäng", ...
  std::string line = clean_line(block.text);
  if (!organisation.empty()) {
    const auto at = line.find(organisation);
    if (at != std::string::npos) line = clean_line(line.substr(at + organisation.size()));
  }
  if (line.size() < 3 || line.size() > kShortLine || !starts_upper_or_digit(line)) return {};
  if (line.find(':') != std::string::npos || std::string(".,;").find(line.back()) != std::string::npos) return {};
  const std::string folded = ascii_key(line);
  if (noise_line(folded) || page_furniture(line, folded)) return {};
  if (!first_date(line).empty()) return {};
  if (!dnr.empty() && without_spaces(line).find(without_spaces(dnr)) != std::string::npos) return {};
  const std::vector<std::string> words = words_of(folded);
  // A type word alone ("TJÄNSTEUTLÅTANDE") labels the form; a compound ("Folkhälsostrategi")
  // names the document.
  auto bare_type_word = [&](const TypeWord& type) {
    return words[0].rfind(type.stem, 0) == 0 && is_form_of(words[0], type.stem);
  };
  if (words.size() == 1 && std::any_of(std::begin(kTypes), std::end(kTypes), bare_type_word)) {
    return {};
  }
  return line;
}

// Within the first `n` blocks: the first heading; else the first title-like line naming a
// document type; else the first title-like line.
std::string title_among(const std::vector<Block>& blocks, std::size_t n,
                        const std::string& organisation, const std::string& dnr) {
  for (std::size_t i = 0; i < n; ++i) {
    if (blocks[i].kind != BlockKind::heading && blocks[i].kind != BlockKind::slide_title) continue;
    std::string title = title_part(blocks[i], organisation, dnr);
    if (!title.empty()) return title;
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::string title = title_part(blocks[i], organisation, dnr);
    if (!title.empty() && !type_in(title).empty()) return title;
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::string title = title_part(blocks[i], organisation, dnr);
    if (!title.empty()) return title;
  }
  return {};
}

// The title sits above the body: search the blocks before the first long paragraph first
// (a scraped page's listing of other documents comes after the body and has headings too),
// then the first few blocks whatever they are.
std::string detect_title(const std::vector<Block>& blocks, const std::string& organisation,
                         const std::string& dnr) {
  constexpr std::size_t kBodyParagraph = 200;
  const std::size_t n = std::min(blocks.size(), kHeadBlocks);
  std::size_t body = 0;
  while (body < n && blocks[body].text.size() <= kBodyParagraph) ++body;
  std::string title = title_among(blocks, body, organisation, dnr);
  return title.empty() ? title_among(blocks, n, organisation, dnr) : title;
}

// The last blocks joined, about `limit` bytes: web pages put "Senast uppdaterad" at the end.
std::string tail_text(const std::vector<Block>& blocks, std::size_t limit) {
  std::string out;
  for (auto it = blocks.rbegin(); it != blocks.rend() && out.size() < limit; ++it) {
    out.insert(0, it->text + "\n");
  }
  return out;
}

void detect_region(DocumentInfo& info, const std::vector<Block>& blocks,
                   const RegionTable& regions, const std::string& file_words) {
  if (!info.region.empty()) {
    if (info.region_name.empty()) {
      if (auto region = regions.find(info.region)) info.region_name = region->name;
    }
    return;
  }
  auto region = regions.detect(join_all(blocks));
  if (!region) region = regions.detect(file_words);  // "jonkoping-policy-2011.txt", folder
  if (!region) return;
  info.region = region->key;
  info.region_name = region->name;
}

void detect_date(DocumentInfo& info, const std::string& head, const std::string& stem) {
  if (info.date.empty()) info.date = first_date(head);
  if (info.year != 0) return;
  if (!info.date.empty()) info.year = std::stoi(info.date.substr(0, 4));
  if (info.year == 0) info.year = year_in(info.title);
  if (info.year == 0) info.year = year_in(stem);
}

}  // namespace

void detect_metadata(Document& doc, const RegionTable& regions) {
  DocumentInfo& info = doc.info;
  const std::filesystem::path path(info.path);
  const std::string stem = path.stem().string();
  const std::string head = head_text(doc.blocks, kHeadBytes);
  detect_region(info, doc.blocks, regions, path.parent_path().filename().string() + " " + stem);
  if (info.organisation.empty()) info.organisation = detect_organisation(doc.blocks);
  if (info.diarienummer.empty()) info.diarienummer = detect_diarienummer(head);
  if (info.title.empty()) info.title = detect_title(doc.blocks, info.organisation, info.diarienummer);
  if (info.doc_type.empty()) {
    info.doc_type = detect_doc_type(doc, head, tail_text(doc.blocks, kHeadBytes), stem);
  }
  detect_date(info, head, stem);
}

}  // namespace klausul
