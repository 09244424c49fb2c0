// Validity facts read from a document's own words: when and by whom it was decided, the period
// it applies, when it is to be revised, and which earlier documents it replaces or repeals.
//
// How it reads (precision first: a fact read wrongly can hide a text that is in force):
//  1. Each clause is lowercased without changing its byte offsets (ASCII and ÅÄÖÉÜ), so a
//     match found in the lowercase text quotes the original words.
//  2. Decisions ("Beslutad av landstingsfullmäktige den 24 september 2012", "Fastställd:
//     2015-06-10") count only in the document's head or foot (letterhead, approval line),
//     where they describe the document itself; a tjänsteutlåtande's body quotes older
//     decisions.
//  3. Periods: "gäller från/fr.o.m.", "träder i kraft", "gäller till/t.o.m.", "giltig till",
//     "gäller tills vidare", "för perioden A till B", and "upphör att gälla" when the sentence
//     is about this document ("dessa riktlinjer ... upphör att gälla"). "revideras senast" is a
//     review date, never an end of validity.
//  4. Replacements: "ersätter", "ersätta", "upphäver", "upphävs", and "upphör att gälla" about
//     an older document (a diarienummer other than the document's own, or "tidigare",
//     "befintliga", "nuvarande" riktlinjer ...). The older document is named by its
//     diarienummer when the sentence has one, else by the title-like words after the verb.
// Dates are ISO ("2012-10-02") when the day is known, else the year ("2017").
#pragma once

#include <string>
#include <vector>

#include "ingest/document.h"

namespace klausul {

/// The validity facts of a document's clauses (in order). `own_diarienummer` is the
/// document's own case number (DocumentInfo::diarienummer), never taken for a replaced one.
Validity detect_validity(const std::vector<Clause>& clauses, const std::string& own_diarienummer);

/// A date as written in Swedish policy texts, made ISO: "2012-10-02", "2 oktober 2012",
/// "31 december 2012" -> "YYYY-MM-DD"; a bare year "2017" or "år 2017" -> "2017".
/// Returns the empty string when `text` does not start (after spaces) with a date.
/// `consumed` gets the number of bytes read.
std::string parse_swedish_date(const std::string& text, std::size_t* consumed = nullptr);

/// A diarienummer in comparable form: uppercase, without spaces ("ls 0510-1724" -> "LS0510-1724").
std::string diarienummer_key(const std::string& diarienummer);

}  // namespace klausul
