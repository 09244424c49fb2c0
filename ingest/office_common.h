// Pieces the office extractors (DOCX, PPTX, ODT, ODP) share: adding normalised blocks,
// OOXML relationships and part paths, document properties.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "ingest/document.h"
#include "ingest/xml_reader.h"

namespace klausul {

/// Appends a block with its text whitespace-collapsed and NFC; drops blocks with no text.
void append_block(Document& doc, BlockKind kind, std::string_view text, int level = 0,
                  int slide = 0, bool note = false);

/// One row of an OOXML table as a single block: "cell | cell | cell" (empty cells left out).
void append_table_row(Document& doc, const std::vector<std::string>& cells, int slide = 0);

/// One OOXML relationship (from a part's `_rels/NAME.rels`).
struct Relationship {
  std::string type;    // full type URI; compare its tail ("/slide", "/notesSlide")
  std::string target;  // part path inside the package, already resolved ("ppt/slides/slide3.xml")
  bool external = false;
};

/// The rels part that belongs to `part`: "ppt/presentation.xml" ->
/// "ppt/_rels/presentation.xml.rels".
std::string rels_part_of(const std::string& part);

/// Parses a .rels part of `source_part`, resolving relative targets against its folder.
std::map<std::string, Relationship> parse_relationships(std::string_view xml,
                                                        const std::string& source_part);

/// True when a relationship type URI ends with "/" + tail ("…/relationships/slide").
bool is_relationship_type(const Relationship& rel, std::string_view tail);

/// Title and dates from OOXML docProps/core.xml (dc:title, dcterms:created, dcterms:modified).
void read_core_properties(std::string_view xml, DocumentInfo& info);

/// Sets info.date (YYYY-MM-DD) and info.year from an ISO 8601 timestamp; ignores anything else.
void set_document_date(DocumentInfo& info, std::string_view timestamp);

/// Text of a number attribute ("12700", "2.5cm") as a number; 0 when absent or unreadable.
double leading_number(std::string_view text);

}  // namespace klausul
