#include "index/document_id_bytes.h"

namespace klausul {

bool is_hex_document_id(const std::string& id) {
  return id.size() == kHexDocumentIdDigits &&
         id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string hex_document_id_to_bytes(const std::string& id) {
  std::string bytes(kHexDocumentIdDigits / 2, '\0');
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<char>(nibble(id[2 * i]) << 4 | nibble(id[2 * i + 1]));
  }
  return bytes;
}

std::string bytes_to_hex_document_id(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : bytes) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 15];
  }
  return hex;
}

std::string document_id_value(const std::string& id) {
  if (!is_hex_document_id(id)) return id;
  return std::string(1, '\0') + hex_document_id_to_bytes(id);
}

std::string document_id_of_value(const std::string& value) {
  if (value.size() == 1 + kHexDocumentIdDigits / 2 && value[0] == '\0') {
    return bytes_to_hex_document_id(value.substr(1));
  }
  return value;
}

}  // namespace klausul
