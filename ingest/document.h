// The plain value types that cross the ingest -> index -> search boundaries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace klausul {

/// The source formats klausul recognises by content (never by file name).
enum class Format { unknown, text, pdf, zip, html, ole2, empty };

/// Name of a format as stored in the index and shown to users ("pdf", "text", ...).
std::string format_name(Format format);

/// What a block of text is in its document. Drives segmentation and the clause kind.
// Stored by number in the index (index/stored_data.cpp): add new kinds at the end only.
enum class BlockKind { heading, paragraph, list_item, table_cell, slide_title, att_decision };

/// Name of a block kind as stored in the index ("heading", "paragraph", "list_item", ...).
std::string block_kind_name(BlockKind kind);

/// A run of text as the extractor found it, in reading order.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;   // UTF-8, NFC, whitespace collapsed, no line breaks
  int level = 0;      // heading level (1 = top) or list nesting level (1 = outermost)
  int page = 0;       // 1-based page, 0 when the format has no pages
  int slide = 0;      // 1-based slide, 0 when the document is not a slide deck
  bool ocr = false;   // read by OCR from a page image (a scanned page): may hold misreadings
  bool note = false;  // speaker notes or a footnote, not the running text
};

/// One fact about a document's validity and where it came from: a clause of the document
/// (its ordinal and the sentence quoted) or a manifest line. Empty value = not known.
struct ValidityFact {
  std::string value;   // ISO date, a year "2017", "tills vidare", a body, a diarienummer, a title
  int clause = 0;      // ordinal of the clause it was read from; 0 when it came from elsewhere
  std::string quote;   // the words it was read from, or "manifest FILE rad N"
  bool empty() const { return value.empty(); }
};

/// What a document says (or its manifest says) about when and by whom it was decided and how
/// long it applies. Read by ingest/validity.h; turned into a status by search/versions.h.
struct Validity {
  ValidityFact decided;       // decision date (ISO date or year)
  ValidityFact decided_by;    // deciding body, e.g. "landstingsfullmäktige"
  ValidityFact valid_from;    // "gäller från", "träder i kraft"
  ValidityFact valid_to;      // "gäller till / t.o.m.", "giltig till", "upphör att gälla";
                              // "tills vidare" when open-ended
  ValidityFact revise_by;     // "revideras senast": a review date, not an end of validity
  ValidityFact diarienummer;  // the document's own case number and where it stands
  std::vector<ValidityFact> replaces;  // what it replaces or repeals: a diarienummer or a title
  ValidityFact replaced_by;   // "ersätts av" / manifest: what replaces it
  ValidityFact status;        // manifest only: gällande, ersatt, utgången or okänd, forced
};

/// Metadata of one source document. Empty strings / zero mean "unknown".
struct DocumentInfo {
  std::string id;            // stable content hash (hex), also the prefix of its clause ids
  std::string path;          // source path as given to ingest (absolute, normalised)
  std::string format;        // format_name() of the detected format
  std::string title;
  std::string region;        // canonical region key from regions.tsv, e.g. "jonkoping"
  std::string region_name;   // display name, e.g. "Region Jönköpings län"
  std::string organisation;  // e.g. "Landstingsstyrelsens förvaltning"
  std::string doc_type;      // riktlinjer, policy, strategi, tjänsteutlåtande, presentation, ...
  int year = 0;
  std::string date;          // ISO date of decision or issue when known
  std::string diarienummer;  // e.g. "LS 1103-0413"
  int pages = 0;
  int slides = 0;
  int clauses = 0;           // number of clauses indexed
  std::int64_t text_bytes = 0;  // bytes of its clauses' texts, for `stats` (0: not known,
                                // records written before it)
  std::int64_t size = 0;     // source file size in bytes
  std::int64_t mtime = 0;    // source modification time, seconds since the epoch
  int ocr_pages = 0;         // pages read by OCR (for the ingest summary; not stored)
  int skipped_pages = 0;     // pages without a text layer left unread: OCR off or out of time
  int pages_awaiting_ocr = 0;  // of those, left unread because OCR was off (--no-ocr): the
                               // next ingest with OCR on reads the file again (stored)
  Validity validity;           // decision, period, replacements, each with its source
};

/// A document as extracted: its metadata and its blocks in reading order.
struct Document {
  DocumentInfo info;
  std::vector<Block> blocks;
};

/// The unit of search: a paragraph, list item, heading or sentence group with its provenance.
struct Clause {
  std::string id;                    // "<document-id>:<ordinal>"
  std::string document_id;
  int ordinal = 0;                   // 1-based position in the document
  std::string text;                  // as shown to people (NFC)
  std::string context;               // lead-in sentence of a list, empty otherwise
  std::vector<std::string> section;  // heading trail, outermost first
  int page = 0;
  int slide = 0;
  BlockKind kind = BlockKind::paragraph;
  bool note = false;                 // from speaker notes or a footnote
  bool ocr = false;                  // from a scanned page (Block::ocr)
};

/// Joins a section trail for display: "Inledning > Syfte".
std::string section_label(const std::vector<std::string>& section);

}  // namespace klausul
