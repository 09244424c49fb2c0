// Swedish compound splitting against a lexicon. Swedish writes compounds as one word; the
// first parts (modifiers) often carry a linking morpheme ("landsting-s-fullmäktige") or a
// special compound form ("hälso-" for hälsa, "arbets-" for arbete); the last part (head)
// carries the inflection of the whole word. See compound_splitter.h for the contract.
#include "index/compound_splitter.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>


namespace klausul {

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

using Parts = std::vector<std::string>;

// How strict a split is. A word that is itself in the lexicon ("sjukvård") is split only
// into two parts with long enough surfaces, since short parts inside known words are mostly
// accidental ("kompetens" is not komp + etens).
struct Rules {
  std::size_t min_modifier;        // letters of the first part as written (with linking -s)
  std::size_t min_head;            // letters of the last part
  std::size_t max_modifier_parts;  // first parts before the head
  bool vowel_links;                // linking -e-, -a-, -u- (rare, so only in unknown words)
  std::size_t min_sum;             // letters of first part + head together
};
constexpr Rules kUnknownWordRules{3, 3, 4, true, 0};
constexpr Rules kKnownWordRules{4, 4, 1, false, 10};
constexpr Rules kPermissiveRules{3, 3, 1, false, 0};  // heads of suspended compounds

constexpr std::size_t kMinPart = 3;
constexpr std::size_t kMinUnknownHead = 6;
constexpr std::size_t kMinUnknownModifier = 4;

// Words that look like compounds of two words but mean something else: never split.
const std::unordered_set<std::string_view> kLexicalised = {
    "landsting", "fullmäktige", "översikt", "fortsätta", "fortsatt", "landskap", "tillväxt",
    "ordförande", "verkställa", "verkställande", "förvaltning", "samhälle", "anslag",
    "inflytande", "avseende", "tillgång", "framgång", "ansvar", "medlem", "medlemskap",
    "omvärld", "arbetsgivare", "kommun", "region", "information", "uppdrag", "områden",
    "område", "utgångspunkt", "angeläget", "angelägen", "gemensam", "allmän", "allmänhet",
    "verksamhet", "verksam", "riktlinje", "handling", "landshövding", "länsstyrelse",
    "kvinnor", "människa", "människor", "väsentlig", "tjänsteman", "tjänstemän", "ledamot",
    "ledamöter", "finansiering", "handläggare", "betänkande", "rapport", "bolag", "patient",
    "mandat", "perspektiv", "målsättning", "skrivelse", "överenskommelse", "erfarenhet",
    "huvudsaklig", "grundläggande", "fastställa", "fastställd", "fastställande", "allteftersom",
    "riktlinjer", "beskrivning", "gemensamma", "gemensamt", "solidarisk", "transkript", "gemensamhet", "samtliga", "tillsammans",
    // place names the word list splits ("öre|bro"); surnames in -sson are caught by rule
    "örebro", "uppsala", "gotland", "västerbotten", "norrbotten", "östersund", "köpenhamn",
    "jönköping", "stockholm", "göteborg", "västerås", "halland", "blekinge", "dalarna",
    "gävleborg", "jämtland", "kronoberg", "skåne", "sörmland", "värmland", "västernorrland",
    "östergötland", "norrköping", "linköping", "helsingborg", "helsingfors", "karlstad"};

// Particles and prefixes: Swedish particle verbs and their nouns ("övergripande",
// "genomförande", "sammanhållning") and learned prefixes ("interregional") are derivations,
// not compounds of two words.
const std::unordered_set<std::string_view> kNotModifiers = {
    "över", "under", "genom", "samman", "efter", "till", "från", "mellan", "inom", "utom",
    "bakom", "emot", "fram", "bort", "kring", "utan", "före", "inter", "trans", "multi",
    "anti", "super", "ultra", "mega", "mikro", "makro", "pseudo", "kontra", "extra", "infra",
    "intra", "proto", "semi", "hyper", "bio", "geo", "auto", "tele", "socio", "icke",
    "olika", "själv", "sådan", "annan", "andra", "någon", "ingen", "varje", "alla", "denna",
    "detta", "dessa", "vilken", "vilket", "vilka", "varandra", "sedan", "redan", "därför",
    "förut", "inför", "framför", "framåt", "tillhanda", "tills", "bakåt", "uppåt", "åter",
    "fort", "besk", "fast", "upp", "sam", "för", "med", "mot", "vid", "åt", "ute", "inne",
    "uppe", "nere", "bland", "ihop", "isär", "omkring", "ned", "ner", "hem", "miss", "van"};

// Derivational endings that are also words ("het" hot, "skap" cupboard, "dom" judgement):
// "verksamhet", "partnerskap", "sjukdom" are not compounds.
const std::unordered_set<std::string_view> kNotHeads = {
    "het", "skap", "dom", "ande", "ende", "else", "inna", "ism", "ist", "isk", "lig", "ning",
    "ling", "ion", "tion", "ing", "ell", "era", "erat", "ate", "ant", "ent", "ens",
    "ans", "ment", "ur", "är", "ör", "ella", "ellt", "ala", "alt", "iv", "ig", "bar",
    "sam", "aktig", "artad", "mässig", "vis", "lös", "full", "fri", "rik", "ena", "are",
    "heter", "ring", "kap", "ska", "ras", "men", "ingen", "inget", "inga", "öre", "eras", "rad", "och", "att", "samt"};

// Inflectional endings of a head, longest first (plural, definite, genitive, adjective).
constexpr std::array<std::string_view, 24> kHeadEndings = {
    "ernas", "arnas", "ornas", "erna", "arna", "orna", "ena", "ens", "ets", "ers", "ars",
    "ors", "er",  "ar",  "or",   "en",  "et",  "na",  "ns",  "ts",  "n",   "t",   "s", "a"};

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Letters only: ASCII a-z or a UTF-8 multi-byte letter (folded text has no uppercase).
bool letters_only(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool has_vowel(std::string_view w) {
  return w.find_first_of("aeiouyåäöé") != std::string_view::npos;  // bytes suffice here
}

// The lexicon word an (inflected) head stands for, or nullopt: "kommunikatörer" ->
// "kommunikatör", "politiken" (itself a listed form).
std::optional<std::string_view> head_base(std::string_view head) {
  const Lexicon& lex = swedish_lexicon();
  if (lex.is_word(head)) return head;
  for (std::string_view ending : kHeadEndings) {
    if (head.size() <= ending.size() || !head.ends_with(ending)) continue;
    std::string_view base = head.substr(0, head.size() - ending.size());
    if (utf8_length(base) >= kMinPart && lex.is_word(base)) return base;
  }
  return std::nullopt;
}

// True when the word or any of its ending-stripped forms is in `list` ("heter" -> "het").
bool form_in(std::string_view w, const std::unordered_set<std::string_view>& list) {
  if (list.count(w)) return true;
  for (std::string_view ending : kHeadEndings) {
    if (w.size() > ending.size() && w.ends_with(ending) &&
        list.count(w.substr(0, w.size() - ending.size())))
      return true;
  }
  return false;
}

bool acceptable_head(std::string_view head) {
  return head_base(head) && !form_in(head, kNotHeads);
}

// Nouns in -ning, -het, -tion, -else, -skap, -dom, -itet, -nad always take linking -s- as
// first parts ("utvecklings|samarbete"), so without it the boundary is wrong
// ("befolkning|sökningen" is really befolknings|ökningen).
bool needs_linking_s(std::string_view base) {
  for (std::string_view suffix : {"ning", "ing", "het", "tion", "sion", "else", "skap", "dom",
                                  "itet", "nad"}) {
    if (base.ends_with(suffix)) return true;
  }
  return false;
}

std::string concat(std::string_view a, std::string_view b) {
  std::string s(a);
  s += b;
  return s;
}

// A compound-only form mapped back to its word, when the word is listed: "arbets-" ->
// arbete (-s replaces -e), "hälso-"/"gatu-" -> hälsa/gata (-o/-u replace -a), "lärar-" ->
// lärare, "skol-" -> skola (final vowel dropped); else the form itself ("folkhälso-" ->
// folkhälsa, but an unlisted one stays as written).
std::string compound_form_base(std::string_view m) {
  const Lexicon& lex = swedish_lexicon();
  std::string_view b = m.substr(0, m.size() - 1);
  char last = m.back();
  if (last == 's' && lex.is_word(concat(b, "e"))) return concat(b, "e");
  if (last == 's' && lex.is_word(b)) return std::string(b);
  if ((last == 'o' || last == 'u') && lex.is_word(concat(b, "a"))) return concat(b, "a");
  if (last == 'e' && lex.is_word(b)) return std::string(b);  // "tjänste-" -> tjänst
  if (lex.is_word(concat(m, "e"))) return concat(m, "e");
  if (lex.is_word(concat(m, "a"))) return concat(m, "a");
  return std::string(m);
}

// A noun in its definite singular ("föret" = före + t, "mötet", "hälsan"): never a first
// part, since Swedish compounds take the bare or linking form ("företrädarna" is not
// föret + rädarna).
bool is_definite_form(std::string_view m) {
  const Lexicon& lex = swedish_lexicon();
  for (std::string_view suffix : {"et", "t", "n"}) {
    if (m.size() > suffix.size() + 2 && m.ends_with(suffix) &&
        lex.has_definite_suffix(m.substr(0, m.size() - suffix.size()))) {
      return true;
    }
  }
  return false;
}

// A first part (modifier) in its base form, or nullopt. Swedish first parts appear as the
// word itself ("vård|modeller"), with linking -s- ("landstings|fullmäktige", which also
// covers genitive-looking forms the word list has), with linking -e-/-a-/-u- after a word of
// 4+ letters, or as a compound-only form from the lexicon ("arbets|marknad").
std::optional<std::string> first_part_base(std::string_view m, const Rules& rules) {
  const Lexicon& lex = swedish_lexicon();
  if (utf8_length(m) < rules.min_modifier || kNotModifiers.count(m)) return std::nullopt;
  std::string_view b = m.substr(0, m.size() - 1);
  char last = m.back();
  bool usable_base = utf8_length(b) >= std::max<std::size_t>(rules.min_modifier, 4) &&
                     !kNotModifiers.count(b) && lex.is_word(b);
  if (last == 's' && usable_base) return std::string(b);
  if (lex.is_word(m)) {
    if (needs_linking_s(m) || is_definite_form(m)) return std::nullopt;
    return std::string(m);
  }
  if (lex.is_compound_form(m)) return compound_form_base(m);
  if (rules.vowel_links && (last == 'e' || last == 'a' || last == 'u') && usable_base) return std::string(b);
  return std::nullopt;
}

// A modifier that is one first part or, recursively, several ("verksamhets|utvecklings-").
// Fewest parts first, then the longest last part.
std::optional<Parts> parse_modifier(std::string_view m, const Rules& rules, std::size_t depth) {
  if (auto base = first_part_base(m, rules)) return Parts{*base};
  if (depth + 1 >= rules.max_modifier_parts) return std::nullopt;
  std::optional<Parts> best;
  for (std::size_t i = 1; i < m.size(); ++i) {
    if (is_continuation_byte(m[i])) continue;
    if (utf8_length(m.substr(i)) < rules.min_modifier) break;
    if (best && best->size() == 2) break;  // two parts with a longer last part found
    auto tail = first_part_base(m.substr(i), rules);
    if (!tail) continue;
    auto front = parse_modifier(m.substr(0, i), rules, depth + 1);
    if (!front) continue;
    front->push_back(*tail);
    if (!best || front->size() < best->size()) best = std::move(front);
  }
  return best;
}

// The best split into known modifiers + known head: fewest parts, then the longest head.
std::optional<Parts> known_split(std::string_view w, const Rules& rules) {
  std::optional<Parts> best;
  for (std::size_t i = 1; i < w.size(); ++i) {
    if (is_continuation_byte(w[i])) continue;
    std::string_view head = w.substr(i);
    if (utf8_length(head) < rules.min_head) break;
    if (best && best->size() == 2) break;  // two parts with a longer head already found
    if (!acceptable_head(head)) continue;
    auto parts = parse_modifier(w.substr(0, i), rules, 0);
    if (!parts || utf8_length(w.substr(0, i)) + utf8_length(head) < rules.min_sum) continue;
    parts->push_back(std::string(head));
    if (!best || parts->size() < best->size()) best = std::move(parts);
  }
  return best;
}

// An unknown first part before a long known head: "mazovie|regionen". Proper names and
// foreign words are first parts the lexicon cannot know.
std::optional<Parts> unknown_modifier_split(std::string_view w) {
  for (std::size_t i = 1; i < w.size(); ++i) {
    if (is_continuation_byte(w[i])) continue;
    std::string_view head = w.substr(i), modifier = w.substr(0, i);
    if (utf8_length(head) < kMinUnknownHead) break;
    if (utf8_length(modifier) < kMinUnknownModifier || !has_vowel(modifier)) continue;
    if (kNotModifiers.count(modifier) || !acceptable_head(head)) continue;
    // A name before a head is mostly a genitive with -s ("stockholms|regionen").
    if (modifier.ends_with('s') && utf8_length(modifier) > kMinUnknownModifier)
      modifier.remove_suffix(1);
    return Parts{std::string(modifier), std::string(head)};
  }
  return std::nullopt;
}

bool is_known_word(std::string_view w) { return head_base(w).has_value(); }

bool is_lexicalised(std::string_view w) {
  return form_in(w, kLexicalised) || w.ends_with("sson");  // and surnames: andersson
}

Parts split(std::string_view w, bool permissive);

// Parts that are themselves compounds in the lexicon are split again
// ("kompetensutveckling" inside "kompetensutvecklingsinsatser").
Parts expand_parts(const Parts& parts) {
  Parts out;
  for (const std::string& part : parts) {
    Parts sub = split(part, false);
    if (sub.empty()) out.push_back(part);
    else out.insert(out.end(), sub.begin(), sub.end());
  }
  return out;
}

Parts split(std::string_view w, bool permissive) {
  if (utf8_length(w) < 2 * kMinPart || !letters_only(w) || is_lexicalised(w)) return {};
  bool known = is_known_word(w);
  const Rules& rules = !known ? kUnknownWordRules : permissive ? kPermissiveRules
                                                               : kKnownWordRules;
  auto parts = known_split(w, rules);
  if (!parts && !known) parts = unknown_modifier_split(w);
  if (!parts) return {};
  return expand_parts(*parts);
}

}  // namespace

std::vector<std::string> split_compound(std::string_view folded_word) {
  return split(folded_word, false);
}

std::vector<std::string> split_compound_permissive(std::string_view folded_word) {
  return split(folded_word, true);
}

}  // namespace klausul
