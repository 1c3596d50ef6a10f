#pragma once
// Mort's access log (spec http-behaviour.md §12, `accessLogs: true`): two JSON
// lines per request on stderr, "Request: ..." and "Response: ...", with
// authorization and cookie headers masked.
#include "http/httpmessage.h"

#include <chrono>

namespace mort {

// The two lines for one request, each ending in '\n'.
QByteArray formatAccessLog(const HttpRequest &request, const HttpResponse &response,
                           std::chrono::nanoseconds elapsed);
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

} // namespace mort
