#include "ingest/validity.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace klausul {
namespace {

// Decisions describe the document itself only in its head (letterhead, approval block) or foot.
constexpr int kHeadClauses = 25;
constexpr int kFootClauses = 5;
constexpr std::size_t kMaxQuote = 240;

// Lowercase without changing byte offsets: ASCII, and the two-byte Latin-1 capitals
// (Å Ä Ö É Ü ...) whose lowercase is also two bytes (U+00C0..U+00DE -> +0x20).
std::string lower_same_length(const std::string& text) {
  std::string out = text;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      out[i] = static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const unsigned char next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

const char* const kMonths[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                               "juli",    "augusti",  "september", "oktober", "november", "december"};

bool plausible_year(int year) { return year >= 1950 && year <= 2100; }

// Whether the lowercase text holds one of `words`. Every pattern below needs one of its
// keywords literally, and std::regex tries a pattern at every position of a clause: the
// plain search first makes the common clause, which states no validity at all, cheap (the
// regexes were a fifth of the time to read a PDF).
bool mentions(const std::string& lower, std::initializer_list<const char*> words) {
  for (const char* word : words) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// The sentence of `text` around [at, at+length), cut to kMaxQuote bytes.
std::string quote_around(const std::string& text, std::size_t at, std::size_t length) {
  std::size_t start = 0;
  for (std::size_t i = at; i > 0; --i) {
    if ((text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?') && i < text.size() &&
        text[i] == ' ' && i >= 2 && std::isalpha(static_cast<unsigned char>(text[i - 2])) &&
        !(i >= 4 && text[i - 3] == '.')) {  // "t.o.m." and "fr.o.m." do not end a sentence
      start = i + 1;
      break;
    }
  }
  std::size_t end = text.size();
  for (std::size_t i = at + length; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' && i >= 1 &&
        std::isalpha(static_cast<unsigned char>(text[i - 1])) && !(i >= 2 && text[i - 2] == '.') &&
        !(i + 2 < text.size() && std::islower(static_cast<unsigned char>(text[i + 2])))) {
      end = i + 1;
      break;
    }
  }
  if (end - start > kMaxQuote) {
    start = at > kMaxQuote / 2 ? at - kMaxQuote / 2 : 0;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    end = std::min(text.size(), start + kMaxQuote);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  return text.substr(start, end - start);
}

ValidityFact fact(std::string value, const Clause& clause, std::size_t at, std::size_t length) {
  return ValidityFact{std::move(value), clause.ordinal, quote_around(clause.text, at, length)};
}

// The first date that starts within `lead` bytes of `pos` in the lowercase text, after filler
// words ("den", "och med", ":"). Returns it with its end offset, or an empty value.
std::pair<std::string, std::size_t> date_after(const std::string& lower, std::size_t pos,
                                               std::size_t lead = 12) {
  static const std::regex filler(R"(^[\s:,\[]*(?:(?:den|d\.|datum|senast|år|dock)\s*)*)");
  std::smatch m;
  const std::string rest = lower.substr(std::min(pos, lower.size()));
  std::size_t skip = 0;
  if (std::regex_search(rest, m, filler)) skip = static_cast<std::size_t>(m.length(0));
  if (skip > lead) return {};
  std::size_t consumed = 0;
  std::string date = parse_swedish_date(rest.substr(skip), &consumed);
  if (date.empty()) return {};
  return {date, pos + skip + consumed};
}

bool in_head_or_foot(const Clause& clause, int clause_count) {
  return clause.ordinal <= kHeadClauses || clause.ordinal > clause_count - kFootClauses;
}

// A deciding body: the words between "av" and the date, without "den" and punctuation.
std::string clean_body(std::string body) {
  static const std::regex trailing(R"([\s,:;\-–]*(?:den|datum)?[\s,:;\-–]*$)");
  body = std::regex_replace(body, trailing, "");
  const auto start = body.find_first_not_of(" ,:;");
  return start == std::string::npos ? std::string{} : body.substr(start);
}

void read_decision(const Clause& clause, const std::string& lower, int clause_count, Validity& v) {
  // "Beslutad av landstingsfullmäktige den 24 september 2012", "fastställd av regionstyrelsen
  // 2015-06-10 § 123", "Antagen av regionfullmäktige 2016-11-29".
  static const std::regex decided_by(
      R"((?:^|[^a-zåäö])(beslutad|beslutade|beslutat|fastställd|fastställda|fastställt|antagen|antagna|antaget|har fastställts|har antagits|har beslutats)\s+av\s+([a-zåäöé \-]{3,60}?)(?=\s*(?:,|den|datum|\d|dnr|diarie|§)))");
  // Labels in an approval block: "Beslutsdatum: 2015-06-10", "Fastställd: 2015-06-10",
  // "Beslutad av: Regionstyrelsen", "Beslutsinstans: Regionfullmäktige".
  static const std::regex date_label(
      R"((?:^|[^a-zåäö])(beslutsdatum|datum för beslut|beslutad|fastställd|antagen|fastställelsedatum)\s*:)");
  static const std::regex body_label(
      R"((?:^|[^a-zåäö])(beslutad av|fastställd av|antagen av|beslutsinstans|beslutande organ|beslutsfattare)\s*:\s*([a-zåäöé \-]{3,60}?)(?=\s*(?:$|[,.;]|\d|beslut|giltig|gäller|dnr|diarie|dokument|ansvarig|reviderad|fastställd|antagen|version)))");
  if (!in_head_or_foot(clause, clause_count)) return;
  if (!mentions(lower, {"beslut", "fastst", "antag"})) return;
  std::smatch m;
  if (v.decided.empty() && std::regex_search(lower, m, decided_by)) {
    const auto at = static_cast<std::size_t>(m.position(1));
    auto [date, end] = date_after(lower, static_cast<std::size_t>(m.position(2) + m.length(2)));
    const std::string body = clean_body(clause.text.substr(static_cast<std::size_t>(m.position(2)),
                                                           static_cast<std::size_t>(m.length(2))));
    if (!date.empty()) {
      v.decided = fact(date, clause, at, end - at);
      if (v.decided_by.empty() && !body.empty()) v.decided_by = fact(body, clause, at, end - at);
    }
  }
  if (v.decided.empty() && std::regex_search(lower, m, date_label)) {
    const auto at = static_cast<std::size_t>(m.position(1));
    auto [date, end] = date_after(lower, static_cast<std::size_t>(m.position(0) + m.length(0)), 4);
    if (!date.empty()) v.decided = fact(date, clause, at, end - at);
  }
  if (v.decided_by.empty() && std::regex_search(lower, m, body_label)) {
    const auto at = static_cast<std::size_t>(m.position(1));
    const std::string body = clean_body(clause.text.substr(static_cast<std::size_t>(m.position(2)),
                                                           static_cast<std::size_t>(m.length(2))));
    if (!body.empty()) v.decided_by = fact(body, clause, at, m.length(0));
  }
}

// The words naming this document in a sentence about its own end.
const char* const kThisDocument =
    R"((?:dessa|denna|detta|riktlinjerna|policyn|planen|strategin|programmet|dokumentet|reglementet|handlingsplanen|styrdokumentet|beslutet))";

// An end date is this document's when its verb has no other subject: a field label or a
// sentence without a subject ("Giltig t o m: 2017-05-31", "Gäller till och med ..."), or
// the words just before name this document ("Policyn gäller t.o.m."). "Avtalet gäller till
// och med 2021-12-31" ends an agreement, not the policy that mentions it.
bool names_this_document(const std::string& text, const std::string& lower, std::size_t verb) {
  if (verb < text.size() && std::isupper(static_cast<unsigned char>(text[verb]))) return true;
  static const std::regex this_document(std::string("(?:^|[^a-zåäö])") + kThisDocument +
                                        R"((?:\s+[a-zåäö]+){0,2}\s*$)");
  const std::size_t from = verb > 50 ? verb - 50 : 0;
  return std::regex_search(lower.substr(from, verb - from), this_document);
}

void read_period(const Clause& clause, const std::string& lower, Validity& v) {
  static const std::regex from(
      R"((?:^|[^a-zåäö])(?:gäller|giltig|giltigt|giltiga|gällande|giltighet)\s*(?:från och med|fr\.?\s?o\.?\s?m\.?|from|från)\s*:?)");
  static const std::regex in_force(R"((?:^|[^a-zåäö])(?:träder i kraft|träda i kraft|ikraftträdande\s*:?))");
  static const std::regex to(
      R"((?:^|[^a-zåäö])(gäller|giltig|giltigt|giltiga|gällande|giltighetstid)(?:\s+[a-zåäö]+){0,3}?\s*(?:till och med|t\.?\s?o\.?\s?m\.?|till|längst till|intill)\s*:?)");
  static const std::regex open_ended(R"((?:^|[^a-zåäö])(?:gäller|giltig|giltigt|giltiga)\s+(?:[a-zåäö]+\s+){0,3}?tills vidare)");
  static const std::regex period(R"((?:^|[^a-zåäö])(?:för |under )?perioden\s+)");
  static const std::regex own_end(std::string(R"((?:^|[^a-zåäö]))") + kThisDocument +
                                  R"((?:\s+[a-zåäö]+){0,3}\s+upphör att gälla)");
  std::smatch m;
  const auto end_of = [](const std::smatch& match) {
    return static_cast<std::size_t>(match.position(0) + match.length(0));
  };
  const bool valid_words = mentions(lower, {"gäll", "gilt"});
  if (v.valid_from.empty() &&
      ((valid_words && std::regex_search(lower, m, from)) ||
       (mentions(lower, {"kraft"}) && std::regex_search(lower, m, in_force)))) {
    auto [date, end] = date_after(lower, end_of(m));
    if (!date.empty()) v.valid_from = fact(date, clause, m.position(0), end - m.position(0));
  }
  if (v.valid_to.empty() && valid_words && std::regex_search(lower, m, to) &&
      names_this_document(clause.text, lower, m.position(1))) {
    auto [date, end] = date_after(lower, end_of(m));
    if (!date.empty()) v.valid_to = fact(date, clause, m.position(0), end - m.position(0));
  }
  // A period belongs to this document when the sentence names it or decides on a document
  // ("att fastställa riktlinjer ... för perioden 1 januari 2013 till senast 2017"), not to an
  // agreement or project it mentions.
  static const std::regex decides(
      R"((?:fastställa|anta|antaga|besluta om)\s[^.]*(?:riktlinje|policy|strategi|plan|program|reglemente))");
  const auto period_is_own = [&](std::size_t at) {
    const std::size_t from = at > 160 ? at - 160 : 0;
    return names_this_document(clause.text, lower, at) ||
           std::regex_search(lower.substr(from, at - from), decides);
  };
  if (mentions(lower, {"perioden"}) && std::regex_search(lower, m, period) &&
      period_is_own(static_cast<std::size_t>(m.position(0)))) {
    // "för perioden 1 januari 2013 till senast 2017", "perioden 2013–2016".
    auto [first, first_end] = date_after(lower, end_of(m), 2);
    static const std::regex link(R"(^\s*(?:till och med|t\.\s?o\.\s?m\.?|till|–|-|—)\s*)");
    std::smatch l;
    const std::string rest = first.empty() ? std::string{} : lower.substr(first_end);
    if (!first.empty() && std::regex_search(rest, l, link)) {
      auto [second, second_end] = date_after(lower, first_end + static_cast<std::size_t>(l.length(0)));
      if (!second.empty() && second >= first) {
        const std::size_t at = static_cast<std::size_t>(m.position(0));
        if (v.valid_from.empty()) v.valid_from = fact(first, clause, at, second_end - at);
        if (v.valid_to.empty()) v.valid_to = fact(second, clause, at, second_end - at);
      }
    }
  }
  if (v.valid_to.empty() && mentions(lower, {"upphör att gälla"}) &&
      std::regex_search(lower, m, own_end)) {
    // "dessa riktlinjer upphör att gälla den 31 december 2017", or the date before:
    // "senast år 2017 då dessa riktlinjer upphör att gälla".
    const std::size_t at = static_cast<std::size_t>(m.position(0));
    auto [date, end] = date_after(lower, end_of(m));
    if (date.empty()) {
      static const std::regex before(R"(((?:19|20)\d\d(?:-\d\d-\d\d)?)\s+(?:då|när)\s+$)");
      std::smatch b;
      const std::string head = lower.substr(0, at + 1);
      if (std::regex_search(head, b, before)) date = parse_swedish_date(b.str(1));
      end = end_of(m);
    }
    if (!date.empty()) v.valid_to = fact(date, clause, at, end - at);
  }
  if (v.valid_to.empty() && valid_words && mentions(lower, {"tills vidare"}) &&
      std::regex_search(lower, m, open_ended)) {
    v.valid_to = fact("tills vidare", clause, m.position(0), m.length(0));
  }
}

void read_revision(const Clause& clause, const std::string& lower, Validity& v) {
  static const std::regex revise(
      R"((?:^|[^a-zåäö])(?:revideras|revidering|omprövas|aktualitetsprövas|ses över|följas upp och revideras|nästa revidering|revideringsdatum)(?:[\s,]+[a-zåäö]+){0,4}?[\s,]*(?:senast|före|innan|inför|:|år)\s*)");
  std::smatch m;
  if (!v.revise_by.empty() || !mentions(lower, {"revider", "prövas", "ses över"}) ||
      !std::regex_search(lower, m, revise)) {
    return;
  }
  auto [date, end] = date_after(lower, static_cast<std::size_t>(m.position(0) + m.length(0)), 8);
  if (!date.empty()) {
    v.revise_by = fact(date, clause, static_cast<std::size_t>(m.position(0)),
                       end - static_cast<std::size_t>(m.position(0)));
  }
}

// Case numbers in the original text: "LS 0510-1724", "RS 2015-123", "Dnr LK11-0212".
std::vector<std::pair<std::string, std::size_t>> diarienummer_in(const std::string& text) {
  static const std::regex series(
      R"((?:^|[\s(,:;])([A-Z]{2,5} ?[0-9]{2,4}(?:[-/] ?[0-9]{2,6})+)(?![0-9A-Za-z]))");
  std::vector<std::pair<std::string, std::size_t>> found;
  for (std::sregex_iterator it(text.begin(), text.end(), series), end; it != end; ++it) {
    std::string number = (*it).str(1);
    // A line break after the hyphen leaves "LS 0510- 1724" in the text.
    for (std::size_t at; (at = number.find("- ")) != std::string::npos;) number.erase(at + 1, 1);
    for (std::size_t at; (at = number.find("/ ")) != std::string::npos;) number.erase(at + 1, 1);
    found.emplace_back(number, static_cast<std::size_t>((*it).position(1)));
  }
  return found;
}

// A title-like object after "ersätter": "Policy för internationellt arbete" in "Denna policy
// ersätter Policy för internationellt arbete, beslutad 2011". Only when it names a kind of
// document; cut at a comma, "från", "beslutad", "(", "dnr".
std::string replaced_title(const std::string& original, const std::string& lower, std::size_t from) {
  static const std::regex object(
      R"(^\s*(?:den |de |det |tidigare |nuvarande |befintliga |befintlig |gamla |gällande |landstingets |regionens |[a-zåäö]+s )*((?:[a-zåäö\-]*(?:riktlinje|policy|strategi|plan|program|reglemente|handlingsplan|styrdokument|föreskrift|instruktion|rutin))[a-zåäö]*(?:\s+(?!från|beslutad|antagen|fastställd|som|och|dnr|med)[a-zåäö0-9\-]+){0,8}))");
  std::smatch m;
  const std::string rest = lower.substr(from);
  if (!std::regex_search(rest, m, object)) return {};
  std::string title = original.substr(from + static_cast<std::size_t>(m.position(1)),
                                      static_cast<std::size_t>(m.length(1)));
  // "riktlinjer" alone names no document: at least three words ("Policy för X").
  if (std::count(title.begin(), title.end(), ' ') < 2) return {};
  return title;
}

void add_replaced(Validity& v, ValidityFact replaced) {
  for (const ValidityFact& known : v.replaces) {
    if (diarienummer_key(known.value) == diarienummer_key(replaced.value)) return;
  }
  v.replaces.push_back(std::move(replaced));
}

void read_replacement(const Clause& clause, const std::string& lower, const std::string& own_key,
                      Validity& v) {
  static const std::regex verb(
      R"((?:^|[^a-zåäö])(ersätter|ersätta|ersätts av|ersättas av|upphäver|upphävs|upphävas|upphäva|upphör att gälla|upphöra att gälla)(?![a-zåäö]))");
  static const std::regex older(R"((?:^|[^a-zåäö])(?:tidigare|befintliga|befintlig|nuvarande|gamla|föregående|gällande)\s)");
  static const std::regex this_document(std::string("(?:^|[^a-zåäö])") + kThisDocument + R"(\s)");
  if (!mentions(lower, {"ersätt", "upphäv", "upphör att gälla", "upphöra att gälla"})) return;
  for (std::sregex_iterator it(lower.begin(), lower.end(), verb), end; it != end; ++it) {
    const std::smatch& m = *it;
    const std::string word = m.str(1);
    const std::size_t at = static_cast<std::size_t>(m.position(1));
    const std::size_t after = at + static_cast<std::size_t>(m.length(1));
    const std::string sentence = quote_around(clause.text, at, m.length(1));
    std::vector<std::string> numbers;
    for (const auto& [number, pos] : diarienummer_in(sentence)) {
      if (diarienummer_key(number) != own_key) numbers.push_back(number);
    }
    if (word.starts_with("ersätts") || word.starts_with("ersättas")) {
      if (v.replaced_by.empty()) {
        std::string by = numbers.empty() ? replaced_title(clause.text, lower, after) : numbers.front();
        if (!by.empty()) v.replaced_by = fact(by, clause, at, m.length(1));
      }
      continue;
    }
    // "dessa riktlinjer upphör att gälla": the words just before the verb name this document.
    const std::string before = lower.substr(at > 60 ? at - 60 : 0, std::min<std::size_t>(at, 60));
    const bool about_own_end = word.starts_with("upphör") && std::regex_search(before, this_document);
    if (word.starts_with("upphör") && numbers.empty() &&
        (about_own_end || !std::regex_search(lower_same_length(sentence), older))) {
      continue;  // this document's own end (read_period), or nothing named
    }
    if (!numbers.empty()) {
      for (const std::string& number : numbers) add_replaced(v, fact(number, clause, at, m.length(1)));
      continue;
    }
    const std::string title = replaced_title(clause.text, lower, after);
    if (!title.empty()) add_replaced(v, fact(title, clause, at, m.length(1)));
  }
}

void read_own_diarienummer(const std::vector<Clause>& clauses, const std::string& own,
                           Validity& v) {
  if (own.empty()) return;
  const std::string key = diarienummer_key(own);
  for (const Clause& clause : clauses) {
    const std::string text = diarienummer_key(clause.text);
    const auto at = text.find(key);
    if (at == std::string::npos) continue;
    const auto original = clause.text.find(own);
    v.diarienummer = ValidityFact{own, clause.ordinal,
                                  quote_around(clause.text, original == std::string::npos ? 0 : original,
                                               own.size())};
    return;
  }
  v.diarienummer = ValidityFact{own, 0, ""};
}

}  // namespace

std::string parse_swedish_date(const std::string& text, std::size_t* consumed) {
  static const std::regex iso(R"(^\s*((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d))");
  static const std::regex written(
      R"(^\s*(\d{1,2})(?:-\d{1,2})?\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+((?:19|20)\d\d)(?!\d))");
  // A year alone, not the start of a case number ("2014/304") or a range of dates.
  static const std::regex year(R"(^\s*(?:år\s+)?((?:19|20)\d\d)(?![\d/:]|-\d))");
  const std::string lower = lower_same_length(text.substr(0, 64));
  std::smatch m;
  std::string out;
  if (std::regex_search(lower, m, iso)) {
    const int month = std::stoi(m.str(2)), day = std::stoi(m.str(3));
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) out = m.str(1) + "-" + m.str(2) + "-" + m.str(3);
  } else if (std::regex_search(lower, m, written)) {
    int month = 0;
    for (int i = 0; i < 12; ++i) {
      if (m.str(2) == kMonths[i]) month = i + 1;
    }
    const int day = std::stoi(m.str(1));
    if (day >= 1 && day <= 31) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%s-%02d-%02d", m.str(3).c_str(), month, day);
      out = buffer;
    }
  } else if (std::regex_search(lower, m, year) && plausible_year(std::stoi(m.str(1)))) {
    out = m.str(1);
  }
  if (consumed) *consumed = out.empty() ? 0 : static_cast<std::size_t>(m.length(0));
  return out;
}

std::string diarienummer_key(const std::string& diarienummer) {
  std::string key;
  for (char c : diarienummer) {
    if (c == ' ') continue;
    key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return key;
}

Validity detect_validity(const std::vector<Clause>& clauses, const std::string& own_diarienummer) {
  Validity v;
  const std::string own_key = diarienummer_key(own_diarienummer);
  const int count = static_cast<int>(clauses.size());
  for (const Clause& clause : clauses) {
    const std::string lower = lower_same_length(clause.text);
    read_decision(clause, lower, count, v);
    read_period(clause, lower, v);
    read_revision(clause, lower, v);
    read_replacement(clause, lower, own_key, v);
  }
  read_own_diarienummer(clauses, own_diarienummer, v);
  return v;
}

}  // namespace klausul
