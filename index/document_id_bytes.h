// A document id as the index stores it on every clause. Ids made by ingest are content ids:
// 16 lowercase hex digits, which are the 8 bytes they spell. Stored as digits they cost a
// clause 8 more bytes in its clause value and in its document id value (kDocumentSlot).
// Other ids (given by a caller, or made by older versions) are stored as they are.
#pragma once

#include <optional>
#include <string>

namespace klausul {

inline constexpr size_t kHexDocumentIdDigits = 16;

/// Whether `id` is 16 lowercase hex digits.
bool is_hex_document_id(const std::string& id);
/// The 8 bytes a hex document id spells (`id` must be one).
std::string hex_document_id_to_bytes(const std::string& id);
/// The 16 hex digits of 8 bytes.
std::string bytes_to_hex_document_id(const std::string& bytes);

/// A clause's kDocumentSlot value for `id`: a NUL byte and the 8 bytes when `id` is hex (no
/// id begins with NUL), else the id itself. Written since 2026-12-05; earlier clauses hold
/// the id as text, which document_id_of_value reads as it is.
std::string document_id_value(const std::string& id);
/// The document id a clause's kDocumentSlot value holds (either form).
std::string document_id_of_value(const std::string& value);

}  // namespace klausul
