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

// The cache and lock shared between instances (server/service/sharedbackends.h).
// With `memory` types only the two backend names are set.
struct SharedBackendStats
{
    QString cacheBackend = QStringLiteral("memory"); // memory | redis | redis-cluster
    QString lockBackend = QStringLiteral("memory");
    QStringList redisNodes;      // configured addresses of the cache and lock clients
    bool redisReachable = false; // every Redis client in use has a node answering
    qint64 redisRttLastUs = 0;   // round trip of the last answered command (slowest client)
    qint64 redisRttAvgUs = 0;
    quint64 redisCommands = 0;
    quint64 redisFailures = 0; // commands without an answer (timeout, down, overloaded)
    quint64 redisTimeouts = 0;
    quint64 redisReconnects = 0;
    qint64 redisPending = 0;
    quint64 sharedCacheHits = 0;
    quint64 sharedCacheMisses = 0;
    quint64 sharedCacheSets = 0;
    quint64 lockAcquired = 0; // this instance led a key for all instances
    quint64 lockWaited = 0;   // waited for another instance's leader
    quint64 lockResults = 0;  // ... and received its result: a transform saved
    quint64 lockLost = 0;     // lock expired under a running leader
    // Requests that went on without Redis because it did not answer in time:
    // served without the shared cache / collapsed only on this instance.
    quint64 degradedCache = 0;
    quint64 degradedLock = 0;
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
    int heavyRunning = 0;     // passes in the heavy lane now (imaging/heavylane.h)
    quint64 heavyRefused = 0; // heavy passes refused 503 because the lane was full
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
    SharedBackendStats shared;
};

} // namespace mort
