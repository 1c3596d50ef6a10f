#pragma once
// Whether the client behind a request is on this host (issue 23 finding 4).
// Directly connected: a loopback peer or a unix-socket one. Behind a reverse
// proxy the peer is the proxy, so when the request carries Forwarded,
// X-Forwarded-For or X-Real-IP the peer alone proves nothing:
//   * a peer that is not one of server.trustedProxies -> remote (its
//     forwarded headers may be anyone's invention);
//   * a trusted peer -> each of those headers names the client: the first
//     address from the right that is not itself a trusted proxy (the left-most
//     when all are). The client is local only when every such header names a
//     loopback address; "unknown", obfuscated names ("_hidden") and anything
//     unparsable count as remote.
#include "config/trustedproxy.h"
#include "http/httpmessage.h"

namespace mort {

bool isLocalClient(const HttpRequest &request, const QList<TrustedProxy> &trustedProxies);

} // namespace mort
