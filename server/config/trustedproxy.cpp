#include "config/trustedproxy.h"

namespace mort {

namespace {

// QHostAddress takes inet_aton's short forms ("1.2.3" is 1.2.0.3): in a
// config they are typos, so IPv4 needs all four parts.
bool isFullForm(const QHostAddress &address, QStringView text)
{
    return address.protocol() != QAbstractSocket::IPv4Protocol || text.count(QLatin1Char('.')) == 3;
}

} // namespace

std::optional<TrustedProxy> TrustedProxy::parse(const QString &entry)
{
    const QString text = entry.trimmed();
    TrustedProxy proxy;
    if (text == QLatin1String("unix")) {
        proxy.unixSocket = true;
        return proxy;
    }
    if (text.contains(QLatin1Char('/'))) {
        const std::pair<QHostAddress, int> subnet = QHostAddress::parseSubnet(text);
        if (subnet.first.isNull() || subnet.second < 0
            || !isFullForm(subnet.first, QStringView(text).left(text.indexOf(QLatin1Char('/')))))
            return std::nullopt;
        proxy.network = subnet.first;
        proxy.prefixLength = subnet.second;
        return proxy;
    }
    proxy.network = QHostAddress(text);
    if (proxy.network.isNull() || !isFullForm(proxy.network, text))
        return std::nullopt;
    proxy.prefixLength = proxy.network.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    return proxy;
}

bool TrustedProxy::contains(const QHostAddress &peer) const
{
    if (unixSocket || peer.isNull())
        return unixSocket && peer.isNull();
    bool mapped = false;
    const quint32 v4 = peer.toIPv4Address(&mapped);
    const QHostAddress address = mapped ? QHostAddress(v4) : peer;
    return address.isInSubnet(network, prefixLength);
}

} // namespace mort
