#include "client/configcheck.h"

namespace mort {

QStringList restartKeysBetween(const Config &running, const Config &next)
{
    QStringList keys;
    if (next.server.cache.type != running.server.cache.type)
        keys << QStringLiteral("server.cache.type");
    if (next.server.cache.cacheSize != running.server.cache.cacheSize)
        keys << QStringLiteral("server.cache.cacheSize");
    if (next.server.lock.type != running.server.lock.type)
        keys << QStringLiteral("server.lock.type");
    return keys;
}

} // namespace mort
