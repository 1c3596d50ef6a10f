#include "service/adminbackend.h"

namespace mort {

QList<ConfigIssue> AdminBackend::validateConfig(const QString &yaml) const
{
    QList<ConfigIssue> issues;
    (void)ConfigLoader::parse(yaml, issues);
    return issues;
}

Error AdminBackend::notAvailable(const QString &what)
{
    return Error::client("admin.not_available", 501,
                         QStringLiteral("%1 is not available from this engine yet").arg(what));
}

Expected<QList<CacheEntryInfo>> AdminBackend::cacheEntries(int) const
{
    return notAvailable(QStringLiteral("cache browsing"));
}

Expected<CacheEntryDetail> AdminBackend::cacheEntry(const QString &) const
{
    return notAvailable(QStringLiteral("cache browsing"));
}

Expected<bool> AdminBackend::evict(const QString &)
{
    return notAvailable(QStringLiteral("cache eviction"));
}

Expected<void> AdminBackend::clearCache()
{
    return notAvailable(QStringLiteral("clearing the cache"));
}

Expected<void> AdminBackend::applyConfig(const QString &)
{
    return notAvailable(QStringLiteral("applying a config (hot reload)"));
}

Expected<QStringList> AdminBackend::listObjects(const QString &, int)
{
    return notAvailable(QStringLiteral("listing a bucket"));
}

Expected<QByteArray> AdminBackend::readObject(const QString &, const QString &)
{
    return notAvailable(QStringLiteral("reading objects"));
}

Expected<QList<StalePreset>> AdminBackend::stalePresets() const
{
    return notAvailable(QStringLiteral("deleting results of changed presets"));
}

Expected<StalePreset> AdminBackend::startStaleResultsPurge(quint64, int)
{
    return notAvailable(QStringLiteral("deleting results of changed presets"));
}

Expected<bool> AdminBackend::cancelStaleResultsPurge(quint64)
{
    return notAvailable(QStringLiteral("deleting results of changed presets"));
}

std::optional<QList<AdminLogLine>> AdminBackend::logLinesSince(quint64, int) const
{
    return std::nullopt;
}

} // namespace mort
