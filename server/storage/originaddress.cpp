#include "storage/originaddress.h"

#include <QHostInfo>

namespace mort {

namespace {

bool inV4(quint32 ip, quint32 net, int bits)
{
    const quint32 mask = bits == 0 ? 0 : ~quint32(0) << (32 - bits);
    return (ip & mask) == (net & mask);
}

bool isInternalV4(quint32 ip)
{
    return inV4(ip, 0x00000000, 8)  // 0.0.0.0/8 "this network"
        || inV4(ip, 0x0A000000, 8)  // 10/8
        || inV4(ip, 0x64400000, 10) // 100.64/10 CGNAT
        || inV4(ip, 0x7F000000, 8)  // loopback
        || inV4(ip, 0xA9FE0000, 16) // link-local, cloud metadata
        || inV4(ip, 0xAC100000, 12) // 172.16/12
        || inV4(ip, 0xC0A80000, 16) // 192.168/16
        || inV4(ip, 0xE0000000, 4)  // multicast
        || inV4(ip, 0xF0000000, 4); // reserved, broadcast
}

} // namespace

bool isInternalAddress(const QHostAddress &address)
{
    if (address.isNull())
        return true;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also unwraps ::ffff:a.b.c.d
    if (isV4)
        return isInternalV4(v4);
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    const bool allZeroPrefix = [&] {
        for (int i = 0; i < 12; ++i)
            if (v6[i] != 0)
                return false;
        return true;
    }();
    if (allZeroPrefix) // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        return true;
    return address.isLoopback() || address.isLinkLocal() || address.isSiteLocal() || address.isUniqueLocalUnicast()
        || address.isMulticast();
}

bool hostIsInternal(const QString &host)
{
    const QHostAddress literal(host);
    if (!literal.isNull())
        return isInternalAddress(literal);
    const QHostInfo info = QHostInfo::fromName(host);
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
        return true;
    for (const QHostAddress &address : info.addresses())
        if (isInternalAddress(address))
            return true;
    return false;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    auto port = [](const QUrl &u) {
        return u.port(u.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

bool redirectAllowed(const QUrl &origin, const QUrl &target)
{
    const QString scheme = target.scheme().toLower();
    if ((scheme != QLatin1String("http") && scheme != QLatin1String("https")) || !target.userInfo().isEmpty()
        || target.host().isEmpty())
        return false;
    if (sameOrigin(origin, target))
        return true;
    return !hostIsInternal(target.host());
}

} // namespace mort
