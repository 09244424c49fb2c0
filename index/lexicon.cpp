#include "index/lexicon.h"

#include <cstring>
#include <limits>
#include <stdexcept>
#include <utility>

namespace klausul {
namespace {

// FNV-1a: the table is built by one program and read by another, so the hash is spelled
// out rather than left to the standard library.
std::uint64_t hash_of(std::string_view w) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : w) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}
std::uint8_t check_bits(std::uint64_t hash) { return static_cast<std::uint8_t>(hash >> 56); }

// table(): magic, capacity, words, text size (8 bytes each, host order), the slots, the text.
constexpr char kMagic[8] = {'K', 'L', 'X', 'L', 'E', 'X', '0', '1'};
constexpr std::size_t kHeaderBytes = 32;

std::uint64_t read_u64(const char* at) {
  std::uint64_t value;
  std::memcpy(&value, at, sizeof value);
  return value;
}
void append_u64(std::string& out, std::uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

}  // namespace

Lexicon::Lexicon(std::string_view text) {
  static_assert(sizeof(Slot) == 8, "slot_at() reads a slot as 4 + 2 + 1 + 1 bytes");
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a lexicon text of 4 GB or more");
  }
  auto built = std::make_shared<Built>();
  built->text = text;
  text_ = built->text;
  // Lines are counted first so that the table is sized once: at least twice the words.
  std::size_t lines = 1;
  for (char c : text_) lines += c == '\n';
  capacity_ = 16;
  while (capacity_ < 2 * lines) capacity_ *= 2;
  built->slots.resize(capacity_);
  slots_ = reinterpret_cast<const char*>(built->slots.data());

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
    const std::uint64_t hash = hash_of(word);
    Slot& slot = built->slots[find_slot(word, hash)];
    if (slot.length == 0) {
      slot.offset = static_cast<std::uint32_t>(word.data() - text_.data());
      slot.length = static_cast<std::uint16_t>(word.size());
      slot.check = check_bits(hash);
      ++size_;
    }
    slot.tags |= t;
  }
  built_ = std::move(built);
}

std::optional<Lexicon> Lexicon::from_table(std::string_view table) {
  if (table.size() < kHeaderBytes || std::memcmp(table.data(), kMagic, sizeof kMagic) != 0) {
    return std::nullopt;
  }
  const std::uint64_t capacity = read_u64(table.data() + 8);
  const std::uint64_t words = read_u64(table.data() + 16);
  const std::uint64_t text_size = read_u64(table.data() + 24);
  const bool power_of_two = capacity >= 2 && (capacity & (capacity - 1)) == 0;
  if (!power_of_two || words * 2 > capacity || capacity > table.size() / sizeof(Slot) ||
      text_size > std::numeric_limits<std::uint32_t>::max() ||
      table.size() != kHeaderBytes + capacity * sizeof(Slot) + text_size) {
    return std::nullopt;
  }
  Lexicon lexicon;
  lexicon.capacity_ = capacity;
  lexicon.size_ = words;
  lexicon.slots_ = table.data() + kHeaderBytes;
  lexicon.text_ = table.substr(kHeaderBytes + capacity * sizeof(Slot));
  return lexicon;
}

std::string Lexicon::table() const {
  std::string out(kMagic, sizeof kMagic);
  append_u64(out, capacity_);
  append_u64(out, size_);
  append_u64(out, text_.size());
  for (std::size_t i = 0; i < capacity_; ++i) {
    const Slot slot = slot_at(i);
    // Field by field: the padding of a struct is no part of the format.
    out.append(reinterpret_cast<const char*>(&slot.offset), sizeof slot.offset);
    out.append(reinterpret_cast<const char*>(&slot.length), sizeof slot.length);
    out.push_back(static_cast<char>(slot.tags));
    out.push_back(static_cast<char>(slot.check));
  }
  out.append(text_);
  return out;
}

Lexicon::Slot Lexicon::slot_at(std::size_t i) const {
  Slot slot;
  const char* at = slots_ + i * sizeof(Slot);
  std::memcpy(&slot.offset, at, sizeof slot.offset);
  std::memcpy(&slot.length, at + 4, sizeof slot.length);
  slot.tags = static_cast<std::uint8_t>(at[6]);
  slot.check = static_cast<std::uint8_t>(at[7]);
  return slot;
}

std::size_t Lexicon::find_slot(std::string_view w, std::uint64_t hash) const {
  const std::size_t mask = capacity_ - 1;
  const std::uint8_t check = check_bits(hash);
  std::size_t i = hash & mask;
  for (std::size_t probes = 0; probes < capacity_; ++probes, i = (i + 1) & mask) {
    const Slot slot = slot_at(i);
    if (slot.length == 0) return i;
    if (slot.check == check && slot.length == w.size() && slot.offset + w.size() <= text_.size() &&
        text_.compare(slot.offset, w.size(), w) == 0) {
      return i;
    }
  }
  return capacity_;
}

std::uint8_t Lexicon::tags(std::string_view w) const {
  if (w.empty() || capacity_ == 0) return 0;
  const std::size_t i = find_slot(w, hash_of(w));
  return i == capacity_ ? 0 : slot_at(i).tags;
}

bool Lexicon::is_word(std::string_view w) const { return tags(w) & kWord; }
bool Lexicon::is_compound_form(std::string_view w) const { return tags(w) & kCompoundForm; }
bool Lexicon::is_adjective(std::string_view w) const { return tags(w) & kAdjective; }
bool Lexicon::has_definite_suffix(std::string_view w) const { return tags(w) & kDefinite; }

}  // namespace klausul
