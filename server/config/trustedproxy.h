#pragma once
// server.trustedProxies (ours): the peers whose forwarded-client headers
// (Forwarded, X-Forwarded-For, X-Real-IP) are believed -- reverse proxies in
// front of the server. Entries are an address ("127.0.0.1", "::1"), a subnet
// ("10.0.0.0/8", "fd00::/8") or "unix" (clients of a unix-socket listener).
#include <QHostAddress>
#include <QString>

#include <optional>

namespace mort {

struct TrustedProxy
{
    QHostAddress network; // null for "unix"
    int prefixLength = -1;
    bool unixSocket = false;

    // std::nullopt when `entry` is none of the forms above (host names are
    // not resolved: no DNS for a security decision).
    static std::optional<TrustedProxy> parse(const QString &entry);
    // `peer`: the connection's remote address, null on a unix socket;
    // IPv4-mapped IPv6 addresses match IPv4 entries.
    bool contains(const QHostAddress &peer) const;
};

} // namespace mort
