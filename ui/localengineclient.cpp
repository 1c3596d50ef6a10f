#include "ui/localengineclient.h"

#include <QFileInfo>

namespace mort {

LocalEngineClient::LocalEngineClient(ConfigPtr config, QString configPath, QObject *parent)
    : EngineClient(parent), m_engine(std::make_unique<Engine>(std::move(config))), m_configPath(std::move(configPath))
{
    // Cache operations are operator-driven and rare; one thread keeps them in order.
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("studio-cache"));
}

LocalEngineClient::~LocalEngineClient()
{
    m_pool.waitForDone(); // jobs hold a raw Engine pointer
    stop();
}

QString LocalEngineClient::description() const
{
    return tr("Embedded server (%1)").arg(QFileInfo(m_configPath).fileName());
}

bool LocalEngineClient::isRunning() const
{
    return m_engine->isRunning();
}

bool LocalEngineClient::start()
{
    Expected<void> started = m_engine->start();
    if (!started) {
        Q_EMIT errorOccurred(tr("The embedded server could not start: %1\n"
                                "Free the port or change \"listens\" in %2, then restart.")
                                 .arg(started.error().detail, m_configPath));
        return false;
    }
    Q_EMIT stateChanged(true);
    refresh();
    return true;
}

void LocalEngineClient::stop()
{
    if (!m_engine->isRunning())
        return;
    m_engine->stop();
    Q_EMIT stateChanged(false);
}

void LocalEngineClient::refresh()
{
    // A snapshot is atomics, one short cache lock and one /proc read: cheap
    // enough for the GUI thread.
    Q_EMIT statsUpdated(m_engine->stats());
    // The log ring is bounded (1000 lines); a copy of the new ones is cheap.
    if (std::optional<QList<LogLine>> lines = m_engine->logLinesSince(m_logSeq, 1000); lines && !lines->isEmpty()) {
        m_logSeq = lines->constLast().seq;
        Q_EMIT logLinesReceived(*lines);
    }
}

template<typename Result>
void LocalEngineClient::runJob(std::function<Result()> work, std::function<void(const Result &)> deliver)
{
    // The destructor joins m_pool, so `this` outlives the job; the queued
    // delivery is discarded by Qt if the client is destroyed before it runs.
    m_pool.start([this, work = std::move(work), deliver = std::move(deliver)] {
        QMetaObject::invokeMethod(this, [result = work(), deliver] { deliver(result); }, Qt::QueuedConnection);
    });
}

void LocalEngineClient::listCache(int limit)
{
    Engine *engine = m_engine.get();
    runJob<Expected<QList<CacheEntryInfo>>>([engine, limit] { return engine->cacheEntries(limit); },
                                            [this](const Expected<QList<CacheEntryInfo>> &entries) {
        if (entries)
            Q_EMIT cacheListed(*entries);
        else
            Q_EMIT errorOccurred(tr("Cannot list the cache: %1").arg(entries.error().detail));
    });
}

void LocalEngineClient::evict(const QString &key)
{
    Engine *engine = m_engine.get();
    runJob<Expected<bool>>([engine, key] { return engine->evict(key); }, [this, key](const Expected<bool> &removed) {
        if (removed)
            Q_EMIT cacheEvicted(key, *removed);
        else
            Q_EMIT errorOccurred(tr("Cannot evict %1: %2").arg(key, removed.error().detail));
    });
}

void LocalEngineClient::fetchCacheEntry(const QString &key)
{
    Engine *engine = m_engine.get();
    runJob<Expected<CacheEntryDetail>>([engine, key] { return engine->cacheEntry(key); },
                                       [this, key](const Expected<CacheEntryDetail> &entry) {
        if (entry)
            Q_EMIT cacheEntryFetched(*entry);
        else
            Q_EMIT errorOccurred(tr("Cannot show %1: %2").arg(key, entry.error().detail));
    });
}

void LocalEngineClient::clearCache()
{
    Engine *engine = m_engine.get();
    runJob<Expected<void>>([engine] { return engine->clearCache(); }, [this](const Expected<void> &cleared) {
        if (cleared)
            Q_EMIT cacheCleared();
        else
            Q_EMIT errorOccurred(tr("Cannot clear the cache: %1").arg(cleared.error().detail));
    });
}

} // namespace mort
