// Suspended compounds: Swedish writes a shared last part once, with a hyphen marking where
// it is left out: "hälso- och sjukvård" = hälsovård och sjukvård, "EU-finansiering och
// -program" = EU-finansiering och EU-program.
#include "index/suspended_compounds.h"

#include <algorithm>
#include <optional>

#include "index/compound_splitter.h"

namespace klausul {

namespace {

// Words that join the conjuncts of a suspended compound.
bool is_connective(std::string_view w) {
  return w == "och" || w == "eller" || w == "samt" || w == "respektive" || w == "resp." ||
         w == "resp" || w == "till";
}

bool is_letter_byte(char c) {
  return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

bool letters_only(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), is_letter_byte);
}

// Whitespace-separated tokens, with a trailing comma removed (the comma of a list
// "natur-, kultur- och ..." separates conjuncts just like the spaces do).
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::string_view(" \t\r\n").find(text[i]) != std::string_view::npos) ++i;
    std::size_t start = i;
    while (i < text.size() && std::string_view(" \t\r\n").find(text[i]) == std::string_view::npos) ++i;
    std::string_view token = text.substr(start, i - start);
    if (token.ends_with(',')) token.remove_suffix(1);
    if (!token.empty()) out.push_back(token);
  }
  return out;
}

// A token without trailing sentence punctuation or closing brackets/quotes.
std::string_view strip_trailing_punctuation(std::string_view w) {
  while (!w.empty() && std::string_view(".,;:!?)\"'»”").find(w.back()) != std::string_view::npos)
    w.remove_suffix(1);
  return w;
}

// "hälso-" -> "hälso"; "eu-" is fine too. Only letters (and inner hyphens) before the dash.
std::optional<std::string_view> suspended_first_part(std::string_view token) {
  if (token.size() < 3 || !token.ends_with('-')) return std::nullopt;
  std::string_view part = token.substr(0, token.size() - 1);
  if (!is_letter_byte(part.front()) || !is_letter_byte(part.back())) return std::nullopt;
  return part;
}

// What follows the first part of a compound, as written: "sjukvård" -> "vård",
// "uppföljningsprocessen" -> "processen". For 3+ parts the rest is the shortest prefix-cut
// whose own split equals the remaining parts.
std::optional<std::string> compound_rest(std::string_view word) {
  std::vector<std::string> parts = split_compound_permissive(word);
  if (parts.size() < 2) return std::nullopt;
  if (parts.size() == 2) return parts.back();
  std::vector<std::string> rest(parts.begin() + 1, parts.end());
  for (std::size_t k = 3; k + 3 <= word.size(); ++k) {
    if (split_compound(word.substr(k)) == rest) return std::string(word.substr(k));
  }
  return parts.back();
}

// Forward pattern at tokens[i]: "A- [, B-] och C" -> A+rest(C), B+rest(C).
void expand_forward(const std::vector<std::string_view>& t, std::size_t i,
                    std::vector<std::string>& out) {
  std::vector<std::string_view> firsts;
  std::size_t j = i;
  for (; j < t.size(); ++j) {
    auto part = suspended_first_part(t[j]);
    if (!part) break;
    firsts.push_back(*part);
  }
  if (firsts.empty() || j + 1 >= t.size() || !is_connective(t[j])) return;
  std::string_view last = strip_trailing_punctuation(t[j + 1]);
  if (!letters_only(last)) return;
  auto rest = compound_rest(last);
  if (!rest) return;
  for (std::string_view first : firsts) out.push_back(std::string(first) + *rest);
}

// Backward pattern at tokens[i]: "X-Y och -Z" -> X-Z; "vårdplaner och -rutiner" -> vårdrutiner.
void expand_backward(const std::vector<std::string_view>& t, std::size_t i,
                     std::vector<std::string>& out) {
  if (i + 2 >= t.size() || !is_connective(t[i + 1])) return;
  std::string_view last = strip_trailing_punctuation(t[i + 2]);
  if (last.size() < 4 || last.front() != '-' || !letters_only(last.substr(1))) return;
  std::string_view first = strip_trailing_punctuation(t[i]);
  std::size_t dash = first.rfind('-');
  if (dash != std::string_view::npos && dash > 0 && letters_only(first.substr(0, dash)) &&
      letters_only(first.substr(dash + 1))) {
    out.push_back(std::string(first.substr(0, dash + 1)) + std::string(last.substr(1)));
    return;
  }
  if (!letters_only(first)) return;
  std::vector<std::string> parts = split_compound_permissive(first);
  if (parts.size() < 2 || !first.ends_with(parts.back())) return;
  out.push_back(std::string(first.substr(0, first.size() - parts.back().size())) +
                std::string(last.substr(1)));
}

}  // namespace

std::vector<std::string> expand_suspended_compounds(std::string_view text) {
  std::vector<std::string_view> t = tokens(text);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i == 0 || !suspended_first_part(t[i - 1])) expand_forward(t, i, out);
    expand_backward(t, i, out);
  }
  std::vector<std::string> unique;
  for (std::string& w : out) {
    if (std::find(unique.begin(), unique.end(), w) == unique.end()) unique.push_back(std::move(w));
  }
  return unique;
}

}  // namespace klausul
