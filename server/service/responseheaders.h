#pragma once
// Headers every pipeline response gets (spec http-behaviour.md §3, config.md §3):
// bucket `headers`, then the first matching global rule, then CORS and
// Accept-Ranges. Mort's quirks are kept on purpose (noted per function).
#include "config/config.h"
#include "http/httpmessage.h"

namespace mort {

// Go's CanonicalMIMEHeaderKey: "cache-control" -> "Cache-Control".
QByteArray canonicalHeaderName(const QByteArray &name);

// Bucket headers and global header rules, as Mort applies them.
void applyHeaderRules(const Config &config, const BucketConfig *bucket, HttpResponse &response);

// The four CORS headers and Accept-Ranges (every response that reached the
// object handler, spec §3.1; not the 400 parse error).
void applyCorsHeaders(HttpResponse &response);

} // namespace mort
