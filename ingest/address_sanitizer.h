// Whether this translation unit is built with AddressSanitizer. ASan reserves terabytes of
// address space for its shadow memory at startup, so a sanitized build (tools/sanitize,
// tools/fuzz) cannot run workers under an address-space limit, and its tests cannot provoke
// memory exhaustion safely.
#pragma once

namespace klausul {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace klausul
