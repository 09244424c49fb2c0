// Folding a hit list by document version: what `search`, `similar` (and `coverage`) show by
// default is the text in force, with the older versions of the same clause listed under it.
//
//  1. Every hit gets its document's status and reason (search/versions.h).
//  2. Unless all versions are asked for, hits of ersatt and utgången documents leave the list.
//     One whose words are those of a hit kept from a newer version of its chain (the same
//     fingerprint, or nearly the same words) is listed under that hit (Hit::older_versions);
//     the others are counted as hidden. Ranks close up.
//  3. Copies listed with a hit (Hit::duplicates) that sit in hidden documents become older
//     versions too; with a database, each kept hit also gets, from every hidden document of
//     its chain, the clause with most of its words (the same clause, maybe reworded), so a
//     search that leaves those documents out still shows how the clause read before.
#pragma once

#include <xapian.h>

#include <vector>

#include "search/hit.h"
#include "search/versions.h"

namespace klausul {

struct FoldSummary {
  int folded = 0;  // hits of older versions now listed under the current one
  int hidden = 0;  // hits of ersatt / utgången documents left out, no current one to go under
};

/// Folds `hits` in place as above. `db` may be null (then step 3 only moves duplicates).
/// With `all_versions`, only step 1 runs.
FoldSummary fold_versions(std::vector<Hit>& hits, const VersionIndex& versions, bool all_versions,
                          const Xapian::Database* db = nullptr);

}  // namespace klausul
