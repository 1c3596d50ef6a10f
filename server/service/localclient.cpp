#include "service/localclient.h"

#include <QByteArrayList>

#include <algorithm>

namespace mort {

namespace {

// Loopback, also as IPv4-mapped IPv6 (::ffff:127.x.y.z); the null address is a
// unix-socket peer, which only local processes reach.
bool isLoopbackPeer(const QHostAddress &address)
{
    if (address.isNull())
        return true;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return (v4 >> 24) == 127;
    return address.isLoopback();
}

bool isTrusted(const QHostAddress &address, const QList<TrustedProxy> &trusted)
{
    return std::any_of(trusted.cbegin(), trusted.cend(), [&](const TrustedProxy &p) { return p.contains(address); });
}

// "192.0.2.1", "192.0.2.1:4711", "[2001:db8::1]", "[2001:db8::1]:4711",
// "2001:db8::1"; a null address for anything else ("unknown", "_hidden").
QHostAddress nodeAddress(QByteArray node)
{
    node = node.trimmed();
    if (node.size() >= 2 && node.startsWith('"') && node.endsWith('"'))
        node = node.mid(1, node.size() - 2);
    if (node.startsWith('[')) {
        const qsizetype close = node.indexOf(']');
        node = close > 0 ? node.mid(1, close - 1) : QByteArray();
    } else if (node.count(':') == 1) {
        node = node.left(node.indexOf(':')); // IPv4 with a port
    }
    return QHostAddress(QString::fromLatin1(node));
}

// Every value of the header `name`, in order, split at commas.
QByteArrayList listValues(const HttpHeaders &headers, QByteArrayView name)
{
    QByteArrayList out;
    for (const auto &h : headers) {
        if (h.first.compare(name.toByteArray(), Qt::CaseInsensitive) == 0)
            out += h.second.split(',');
    }
    return out;
}

// RFC 7239: `for=` of each element (pairs split at ';', names case-insensitive).
QByteArrayList forwardedFor(const HttpHeaders &headers)
{
    QByteArrayList nodes;
    for (const QByteArray &element : listValues(headers, "Forwarded")) {
        QByteArray node = "unknown"; // an element without for= names no one we know
        for (const QByteArray &pair : element.split(';')) {
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && pair.left(eq).trimmed().toLower() == "for")
                node = pair.mid(eq + 1);
        }
        nodes.append(node);
    }
    return nodes;
}

// Whether `chain` (nearest hop last), reported by the trusted `peer`, names a
// client on this host: the client must be a loopback address and so must
// every hop between it and us -- a proxy elsewhere that saw 127.0.0.1 saw a
// client on its own host.
bool chainNamesLocalClient(const QByteArrayList &chain, const QHostAddress &peer, const QList<TrustedProxy> &trusted)
{
    bool hopsLocal = isLoopbackPeer(peer);
    for (qsizetype i = chain.size() - 1; i >= 0; --i) {
        const QHostAddress hop = nodeAddress(chain.at(i));
        if (hop.isNull())
            return false;
        if (i == 0 || !isTrusted(hop, trusted))
            return hopsLocal && isLoopbackPeer(hop);
        hopsLocal = hopsLocal && isLoopbackPeer(hop);
    }
    return false; // unreachable: split() yields at least one element
}

} // namespace

bool isLocalClient(const HttpRequest &request, const QList<TrustedProxy> &trustedProxies)
{
    // A header that is present but empty yields one empty hop: remote.
    const QByteArrayList chains[] = {forwardedFor(request.headers), listValues(request.headers, "X-Forwarded-For"),
                                     listValues(request.headers, "X-Real-IP")};
    const auto present = [](const QByteArrayList &chain) { return !chain.isEmpty(); };
    if (std::none_of(std::begin(chains), std::end(chains), present))
        return isLoopbackPeer(request.remoteAddress);
    if (!isTrusted(request.remoteAddress, trustedProxies))
        return false;
    return std::all_of(std::begin(chains), std::end(chains), [&](const QByteArrayList &chain) {
        return chain.isEmpty() || chainNamesLocalClient(chain, request.remoteAddress, trustedProxies);
    });
}

} // namespace mort
