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

} // namespace mort
