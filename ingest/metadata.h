// Metadata heuristics from a document's text: title, document type, year, diarienummer,
// organisation. Applied after the extractor and before the manifest overrides.
#pragma once

#include "ingest/document.h"
#include "ingest/regions.h"

namespace klausul {

/// Fills the empty fields of doc.info from the blocks and the file name: region (through
/// `regions`), title (first heading or title-like line), doc_type (words such as
/// "riktlinjer", "policy", "tjänsteutlåtande", "presentation" in the title, the text start or
/// the file name), year (a decision date such as "2012-10-02" or a 20xx year in the title or
/// file name), diarienummer ("LS 1103-0413", "Dnr LK11-0212"), organisation (a
/// "...förvaltning", "Landstingsstyrelsen", "...kansliet" letterhead line).
void detect_metadata(Document& doc, const RegionTable& regions);

}  // namespace klausul
