#include "config/listensyntax.h"

#include <algorithm>

namespace mort {

namespace {

bool isHostNameChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('.')
        || c == QLatin1Char('_');
}

bool isIpv6Char(QChar c)
{
    // hex digits, separators, an embedded IPv4 tail and a %zone suffix
    return isHostNameChar(c) || c == QLatin1Char(':') || c == QLatin1Char('%');
}

} // namespace

QString listenSyntaxProblem(const QString &address)
{
    static const QLatin1String unixPrefix("unix:");
    if (address.startsWith(unixPrefix)) {
        const QString path = address.mid(unixPrefix.size());
        if (!path.startsWith(QLatin1Char('/')) || path.size() < 2)
            return QStringLiteral("unix socket path must be absolute");
        return {};
    }

    QString port;
    if (address.startsWith(QLatin1Char('['))) {
        const qsizetype close = address.indexOf(QStringLiteral("]:"));
        if (close < 0)
            return QStringLiteral("expected [ipv6]:port");
        const QString host = address.mid(1, close - 1);
        if (host.isEmpty() || !host.contains(QLatin1Char(':')) || !std::all_of(host.begin(), host.end(), isIpv6Char))
            return QStringLiteral("invalid IPv6 address");
        port = address.mid(close + 2);
    } else {
        const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return QStringLiteral("missing :port");
        const QString host = address.left(colon);
        if (host.contains(QLatin1Char(':')))
            return QStringLiteral("IPv6 hosts need brackets: [addr]:port");
        // Host names are allowed (Go's net.Listen resolves them); http/ decides whether it can bind one.
        if (!std::all_of(host.begin(), host.end(), isHostNameChar))
            return QStringLiteral("invalid host name");
        port = address.mid(colon + 1);
    }

    bool ok = false;
    const uint number = port.toUInt(&ok, 10);
    // toUInt accepts a leading '+' or spaces; a port is plain digits. 0 = ephemeral (tests).
    const bool digitsOnly = !port.isEmpty() && std::all_of(port.begin(), port.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
    if (!ok || !digitsOnly || number > 65535)
        return QStringLiteral("port must be a number from 0 to 65535");
    return {};
}

} // namespace mort
