// A region key as stored in the region-copy value of every clause (index/schema.h,
// kRegionCopySlot): one byte for each of the 21 regions, the key itself for any other region
// (a key of a region table given by the user, or "" for no region). The key was stored as
// text until 2026-12-05: 9 bytes a clause on average, 2% of an index.
//
// The codes are frozen: indexes hold them. A region added later gets the next code; a code is
// never reused or moved. Keys are lowercase ASCII, so a stored key never starts with a code
// byte (1-31), and values written before read as the keys they are.
#pragma once

#include <string>
#include <string_view>

namespace klausul {

/// The stored form of a region key: its code byte, or the key itself when it has none.
std::string stored_region(std::string_view key);

/// The region key of a stored form (either kind).
std::string region_of_stored(std::string_view stored);

}  // namespace klausul
