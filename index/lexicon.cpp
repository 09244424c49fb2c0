#include "index/lexicon.h"

#include <functional>
#include <limits>
#include <stdexcept>

#include "index/embedded_lexicon.h"

namespace klausul {

Lexicon::Lexicon(std::string_view text) : text_(text) {
  if (text_.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a lexicon text of 4 GB or more");
  }
  // Lines are counted first so that the table is sized once: at least twice the words.
  std::size_t lines = 1;
  for (char c : text_) lines += c == '\n';
  std::size_t capacity = 16;
  while (capacity < 2 * lines) capacity *= 2;
  slots_.resize(capacity);

  std::string_view rest = text_;
  while (!rest.empty()) {
    const std::size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t slash = line.find('/');
    const std::string_view word = line.substr(0, slash);
    const std::string_view tag_text = slash == std::string_view::npos ? "" : line.substr(slash + 1);
    // A word too long for a slot is no Swedish word: left out rather than cut.
    if (word.empty() || word.size() > std::numeric_limits<std::uint16_t>::max()) continue;
    std::uint8_t t = tag_text.find('c') == std::string_view::npos ? kWord : kCompoundForm;
    if (tag_text.find('a') != std::string_view::npos) t |= kAdjective;
    if (tag_text.find('d') != std::string_view::npos) t |= kDefinite;
    Slot& slot = slots_[find_slot(word)];
    if (slot.length == 0) {
      slot.offset = static_cast<std::uint32_t>(word.data() - text_.data());
      slot.length = static_cast<std::uint16_t>(word.size());
      ++size_;
    }
    slot.tags |= t;
  }
}

std::size_t Lexicon::find_slot(std::string_view w) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = std::hash<std::string_view>{}(w) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.length == 0 || word_at(slot) == w) return i;
  }
}

std::uint8_t Lexicon::tags(std::string_view w) const {
  if (w.empty()) return 0;
  return slots_[find_slot(w)].tags;
}

bool Lexicon::is_word(std::string_view w) const { return tags(w) & kWord; }
bool Lexicon::is_compound_form(std::string_view w) const { return tags(w) & kCompoundForm; }
bool Lexicon::is_adjective(std::string_view w) const { return tags(w) & kAdjective; }
bool Lexicon::has_definite_suffix(std::string_view w) const { return tags(w) & kDefinite; }

const Lexicon& swedish_lexicon() {
  // Built once (thread-safe) and never destroyed: dropping it at exit is work for nothing.
  static const Lexicon* const lexicon = new Lexicon(embedded::swedish_lexicon());
  return *lexicon;
}

}  // namespace klausul
