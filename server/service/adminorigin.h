#pragma once
// Browsers and the admin API (CSRF, issue 23 finding 7). A page open in the
// user's browser can send requests to any address, loopback included, and a
// "simple" request (GET/HEAD/POST with a text/plain, form or multipart body)
// goes out without asking the server first. Without an admin token that would
// let any web page reconfigure a local server. The rules:
//   * a request that carries an Origin other than the server's own is refused
//     (403 admin.cross_origin) -- browsers send Origin on every cross-origin
//     POST and on every preflight;
//   * a body must be JSON, YAML or an image as application/octet-stream
//     (application/json, application/yaml, application/x-yaml, text/yaml,
//     text/x-yaml, application/octet-stream, parameters allowed): types a
//     browser sends cross-origin only after a preflight (415
//     admin.unsupported_media_type);
//   * preflights are never granted: no response of the admin API carries
//     Access-Control-* headers.
// The studio, mort-server's own tools, curl and scripts send no Origin and are
// not affected.
#include "config/config.h"
#include "http/httpmessage.h"

#include <optional>

namespace mort {

// The origin a browser gives a page of this listener is "http://" + the Host
// it asked for. It counts as the server's own only when that host names this
// machine by address (a loopback address, "localhost") or is internalListen's
// own host, so a DNS-rebinding name (evil.example resolved to 127.0.0.1) is
// never own. "null" (sandboxed documents, data: URLs) is never own.
bool isOwnAdminOrigin(const QByteArray &origin, const QByteArray &host, const ServerConfig &server);

// Whether `contentType` is one the admin API takes for a body (see above).
bool isAdminBodyType(const QByteArray &contentType);

// std::nullopt when a browser may not have forged `request`; else the 403 or
// 415 to answer.
std::optional<HttpResponse> refuseBrowserForgery(const HttpRequest &request, const ServerConfig &server);

} // namespace mort
