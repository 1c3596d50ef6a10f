#pragma once
// The cache and lock backends in words, for the status and the dashboard:
// which backend each uses and, with Redis, whether it answers and how fast
// (issue 20 item 4).
#include "service/enginestats.h"

#include <QCoreApplication>
#include <QString>

namespace mort {

class SharedBackendsText
{
    Q_DECLARE_TR_FUNCTIONS(SharedBackendsText)

public:
    static bool usesRedis(const SharedBackendStats &s);
    // "cache: redis · lock: memory"
    static QString backends(const SharedBackendStats &s);
    // "127.0.0.1:6379 reachable · round trip 0.21 ms (average 0.30 ms)", or
    // unreachable with what it costs and what to check; "" without Redis.
    static QString redisState(const SharedBackendStats &s);
    // "Redis reachable, 0.21 ms" / "Redis unreachable"; "" without Redis.
    static QString redisShort(const SharedBackendStats &s);
};

} // namespace mort
