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
    int storageClients = 0;
    qint64 residentBytes = 0;
    qint64 imagingMemoryBytes = 0;
    int openFds = 0;
};

} // namespace mort
