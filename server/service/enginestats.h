#pragma once
// One cheap snapshot of everything the engine counts: the studio's dashboard,
// the admin API and /metrics all read this.
#include "core/taskregistry.h"
#include "http/httpserver.h"

#include <QDateTime>
#include <QStringList>

namespace mort {

struct EngineStats
{
    bool running = false;
    QDateTime startedAt;
    QStringList publicAddresses;
    QStringList internalAddresses;
    HttpServerStats http;
    QList<TaskCounts> tasks;
    quint64 transformsExecuted = 0;
    quint64 transformsFailed = 0;
    quint64 throttled = 0;
    quint64 collapsed = 0;
    quint64 cacheHits = 0;
    quint64 downloads = 0;
    quint64 resultsStored = 0;
    quint64 storeFailures = 0;
    quint64 taskExceptions = 0;
    qint64 transformsInFlight = 0;
    qint64 backgroundPending = 0;
    quint64 backgroundDropped = 0;
    quint64 backgroundExpired = 0;
    int storageClients = 0;
    qint64 residentBytes = 0;
    qint64 imagingMemoryBytes = 0;
    int openFds = 0;
    // Response cache (ResponseCache::stats()), for the studio dashboard's cache
    // chart. cacheHits above counts responses served from the cache by the
    // object handler; these are the cache's own lookup counters and size.
    quint64 responseCacheHits = 0;
    quint64 responseCacheMisses = 0;
    qint64 cacheBytes = 0;
    qint64 cacheItems = 0;
    qint64 cacheCapacityBytes = 0;
};

} // namespace mort
