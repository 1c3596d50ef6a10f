#include "http/listenaddress.h"

#include <QHostInfo>

namespace mort {

Expected<ListenAddress> ListenAddress::parse(const QString &text, bool internal)
{
    ListenAddress a;
    a.text = text;
    a.internal = internal;
    auto bad = [&](const QString &why) {
        return Error::internal("config.bad_listen_address", QStringLiteral("listen address \"%1\": %2").arg(text, why));
    };
    if (text.startsWith(QLatin1String("unix:"))) {
        a.isUnix = true;
        a.unixPath = text.mid(5);
        if (!a.unixPath.startsWith(QLatin1Char('/')))
            return bad(QStringLiteral("a unix socket path must be absolute"));
        return a;
    }
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return bad(QStringLiteral("expected host:port, :port or unix:/path"));
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return bad(QStringLiteral("invalid port"));
    a.port = static_cast<quint16>(port);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || host == QLatin1String("0.0.0.0")) {
        a.host = host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(QHostAddress::AnyIPv4);
    } else if (host == QLatin1String("localhost")) {
        a.host = QHostAddress(QHostAddress::LocalHost);
    } else if (!a.host.setAddress(host)) {
        // A host name, as Go's net.Listen accepts: resolved once, at start-up.
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return bad(QStringLiteral("cannot resolve host %1: %2").arg(host, info.errorString()));
        a.host = info.addresses().constFirst();
    }
    return a;
}

} // namespace mort
