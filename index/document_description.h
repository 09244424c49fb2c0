// Document descriptions: a sentence whose subject is a document and whose verb says what the
// document does ("Programmet beskriver de långsiktiga målen för kollektivtrafiken", "Planen
// innehåller sex områden", "Strategin utgår från den nationella politiken", "Den regionala
// trafiken beskrivs i ett trafikförsörjningsprogram", "Policyn är ett vägledande dokument").
// It names the subject of a commitment, often with the commitment's own words, and leaves
// the commitment to the document: like a navigation sentence it is an open clause
// (index/open_clause.h), context and not an answer, unless the query describes a document too.
#pragma once

#include <string_view>

namespace klausul {

/// True when `text` has a document noun ending a word (…programmet, …planen, …strategin,
/// …policyn, …dokumentet, …riktlinjen, …riktlinjerna) followed, within 40 bytes of the same
/// sentence, by a verb of description (beskriver, innehåller, handlar om, utgår från, är
/// antagen, har tagits fram, är ett … dokument, ...), or says that something "beskrivs i"
/// a document.
bool is_document_description(std::string_view text);

}  // namespace klausul
