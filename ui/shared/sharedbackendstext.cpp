#include "ui/shared/sharedbackendstext.h"

#include <QLocale>

namespace mort {

namespace {

bool isRedis(const QString &backend)
{
    return backend.startsWith(QLatin1String("redis"));
}

QString milliseconds(qint64 us)
{
    return QLocale().toString(double(us) / 1000.0, 'f', 2);
}

} // namespace

bool SharedBackendsText::usesRedis(const SharedBackendStats &s)
{
    return isRedis(s.cacheBackend) || isRedis(s.lockBackend);
}

QString SharedBackendsText::backends(const SharedBackendStats &s)
{
    return tr("cache: %1 · lock: %2").arg(s.cacheBackend, s.lockBackend);
}

QString SharedBackendsText::redisState(const SharedBackendStats &s)
{
    if (!usesRedis(s))
        return {};
    const QString nodes = s.redisNodes.join(QStringLiteral(", "));
    if (!s.redisReachable)
        return tr("%1 unreachable: requests go on without it (shared cache skipped %2 times, lock %3 times). "
                  "Check that redis-server runs there and that server.cache.address names it.")
            .arg(nodes, QLocale().toString(s.degradedCache), QLocale().toString(s.degradedLock));
    return tr("%1 reachable · round trip %2 ms (average %3 ms) · %4 commands, %5 failed")
        .arg(nodes, milliseconds(s.redisRttLastUs), milliseconds(s.redisRttAvgUs), QLocale().toString(s.redisCommands),
             QLocale().toString(s.redisFailures));
}

QString SharedBackendsText::redisShort(const SharedBackendStats &s)
{
    if (!usesRedis(s))
        return {};
    if (!s.redisReachable)
        return tr("Redis unreachable");
    return tr("Redis reachable, %1 ms").arg(milliseconds(s.redisRttLastUs));
}

} // namespace mort
