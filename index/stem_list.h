// The stems of a clause with their within-clause frequencies, stored in the clause's value
// slot schema::kStemsSlot. `similar` and `compare` build clause vectors from it: values come
// with the document (MSet::fetch prefetches a whole candidate list from a remote shard in one
// exchange), while a term list costs one round trip per document on xapian-tcpsrv.
//
// Kept: body stems ("Z" + lowercase stem) and section stems ("Z" + XS + stem), the terms a
// clause vector uses; not title stems, words or boolean terms.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace klausul {

/// True for the terms a stem list keeps (see above).
bool is_vector_term(std::string_view term);

/// The stem list of an indexed (or about to be indexed) clause document, from its terms, in
/// term order (encode_stem_list).
std::string stem_list_of(const Xapian::Document& doc);

/// The stem list value of (term, wdf) entries in term order: deflated against the stem
/// dictionary (index/value_codec.h), or front-coded when that is not smaller (see
/// stem_list.cpp).
std::string encode_stem_list(const std::vector<std::pair<std::string, Xapian::termcount>>& entries);

/// The front-coded form alone, as indexes written before 2026-12-03 evening hold every stem list.
std::string front_coded_stem_list(
    const std::vector<std::pair<std::string, Xapian::termcount>>& entries);

/// The (term, wdf) entries of a stem list value, deflated, front-coded or in the text format
/// of older indexes; malformed entries (and, front-coded or deflated, what follows them) are
/// skipped, and a damaged deflated list has none.
std::vector<std::pair<std::string, Xapian::termcount>> parse_stem_list(std::string_view value);

}  // namespace klausul
