#pragma once
// Which network addresses count as internal for the http storage's redirect
// guard: loopback, private (RFC 1918, RFC 4193), link-local (cloud metadata
// at 169.254.169.254), CGNAT, unspecified and multicast, including their
// IPv4-mapped IPv6 forms (::ffff:127.0.0.1).
#include <QHostAddress>
#include <QUrl>

namespace mort {

bool isInternalAddress(const QHostAddress &address);

// True when `host` is an internal address or resolves to at least one
// (a name that resolves to nothing counts as internal: refused).
bool hostIsInternal(const QString &host);

// Whether a fetch may follow a redirect from its configured origin to
// `target`: http(s) only, no userinfo; the same origin (scheme, host, port),
// or else only a public address. The configured origin is the config's
// explicit allowance: an internal origin (the operator wrote it) is fetched,
// but it cannot send us on to another internal address or port.
bool redirectAllowed(const QUrl &origin, const QUrl &target);

// Same scheme, host and port (default ports filled in).
bool sameOrigin(const QUrl &a, const QUrl &b);

} // namespace mort
