#pragma once
// Mort's access log (spec http-behaviour.md §12, `accessLogs: true`): two JSON
// lines per request on stderr, "Request: ..." and "Response: ...", with
// authorization and cookie headers masked.
#include "http/httpexchange.h"
#include "http/httpmessage.h"

#include <chrono>

namespace mort {

// The path (percent-decoded, as Mort splits it) and the raw query, as one
// string: "/demo/small/a.jpg", "/demo/a.jpg?width=300".
QString requestTarget(const HttpRequest &request);

// The two lines for one request, each ending in '\n'.
QByteArray formatAccessLog(const HttpRequest &request, const HttpResponse &response, std::chrono::nanoseconds elapsed);
void writeAccessLog(const HttpRequest &request, const HttpResponse &response, std::chrono::nanoseconds elapsed);

// One short line per request for the recent-log ring (the studio's Activity
// tab, the admin stream): "GET /demo/small/a.jpg 200 3.1 ms 12345 B", at the
// level Mort's response line would have (info, warn for 4xx, error for 5xx).
struct AccessSummary
{
    QString level;
    QString message;
};
AccessSummary summarizeAccess(const HttpRequest &request, const HttpResponse &response,
                              std::chrono::nanoseconds elapsed);
// The same for a request the HTTP transport refused before it was parsed
// (no method or path to name): "400 Bad Request from 127.0.0.1, refused by
// the HTTP transport: missing Host header".
AccessSummary summarizeRejection(const HttpRejection &rejection);

} // namespace mort
