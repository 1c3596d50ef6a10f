#pragma once
// One cheap snapshot of everything the engine counts: the studio's dashboard,
// the admin API and /metrics all read this.
#include "core/taskregistry.h"
#include "http/httpserver.h"

#include <QDateTime>
#include <QStringList>

namespace mort {

// Requests on the public listeners: the image server's own traffic. Admin
// API, /metrics and event-stream calls are `admin` tasks and not in here, so
// a watching studio or Prometheus does not count itself. Kept by the engine
// (task registry and pipeline), so they run on across Stop/Start as the
// transform counters do; received = inFlight + served + dropped once settled.
struct RequestCounts
{
    quint64 received = 0; // started `request` tasks
    qint64 inFlight = 0;  // live `request` tasks
    quint64 served = 0;   // answered while the client was still there
    quint64 dropped = 0;  // the client left before its answer
};

struct EngineStats
{
    bool running = false;
    QDateTime startedAt;
    QStringList publicAddresses;
    QStringList internalAddresses;
    RequestCounts requests;
    // The transport's own counters, every listener together, since this start.
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
