#pragma once
// Mort's debug mode (spec http-behaviour.md §9): a request with a non-empty
// `X-Mort-Debug` header learns the resolved key, storage and parent, gets the
// error text instead of {"message": "error"}, and bypasses the response cache.
// Mort grants it to anyone (peer-differences S8); we grant it only to clients
// on this host (loopback or a unix socket; behind a reverse proxy as
// localclient.h decides with server.trustedProxies), so internal keys and
// error texts never reach the public.
#include "config/config.h"
#include "http/httpmessage.h"
#include "object/objectref.h"

namespace mort {

bool debugRequested(const HttpRequest &request, const ServerConfig &server);

// Cache-Control: no-cache, x-mort-key, x-mort-storage, x-mort-transform,
// x-mort-parent-key/-bucket/-storage (when there is a parent), X-Mort-Version.
void addDebugHeaders(HttpResponse &response, const Config &config, const ObjectRef &object);

} // namespace mort
