#pragma once
// One listener from Mort's `listens` / `internalListen`: "host:port", ":port",
// "[::1]:port" or "unix:/abs/path.sock".
#include "core/expected.h"

#include <QHostAddress>
#include <QString>

namespace mort {

struct ListenAddress
{
    QString text; // as configured
    bool isUnix = false;
    QString unixPath;      // for unix:
    QHostAddress host;     // Any for ":port"
    quint16 port = 0;      // 0 = ephemeral (tests)
    bool internal = false; // the internal listener (metrics, admin API)

    static Expected<ListenAddress> parse(const QString &text, bool internal = false);
    bool isLoopback() const { return isUnix || host.isLoopback(); }
    // The same configured listener (hot reload compares configs by this).
    bool sameListener(const ListenAddress &other) const { return text == other.text && internal == other.internal; }
};

} // namespace mort
