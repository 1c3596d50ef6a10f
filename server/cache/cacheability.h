#pragma once
// Mort's rule for what the response cache may keep (http-behaviour.md §7),
// as pure functions so the memory and the redis cache apply the same rule.
#include "http/httpmessage.h"

namespace mort {

// `max-age` of a Cache-Control value in seconds; -1 when there is none or the
// header is malformed. Mort parses the header as a whole and gives up on any
// error, so a broken max-age makes the response uncacheable. Directives are
// case-insensitive; a quoted value is accepted (RFC 9111 §5.2); values beyond
// INT_MAX are clamped. Other directives (no-store, private, ...) are ignored,
// exactly as in Mort: header rules decide Cache-Control, the cache obeys it.
int cacheControlMaxAge(QByteArrayView cacheControl);

// True when `response` may be cached: status 2xx, Cache-Control max-age=N with
// N > 0, and body size < `maxItemBytes` (CacheConfig::maxCacheItemBytes(),
// which carries Mort's 2·N MiB quirk). A Content-Length header that disagrees
// with the body (a HEAD or truncated response) is never cacheable: serving it
// later as a full GET would be wrong. On true, *ttlSeconds (if given) = N.
bool isCacheable(const HttpResponse &response, qint64 maxItemBytes, int *ttlSeconds = nullptr);

} // namespace mort
