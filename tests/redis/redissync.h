#pragma once
// Waiting for a RedisClient callback from the test thread, bounded.
#include "redis/redisclient.h"

#include <QElapsedTimer>

#include <future>
#include <memory>

namespace mort::test {

struct TimedResult
{
    RedisResult result;
    qint64 elapsedMs = -1; // -1: no callback within the wait
};

inline TimedResult redisCall(RedisClient &client, QList<QByteArray> args, QByteArray key = {}, int waitMs = 5000)
{
    auto promise = std::make_shared<std::promise<RedisResult>>();
    std::future<RedisResult> future = promise->get_future();
    QElapsedTimer t;
    t.start();
    client.command(std::move(key), std::move(args), [promise](RedisResult r) { promise->set_value(std::move(r)); });
    TimedResult out;
    if (future.wait_for(std::chrono::milliseconds(waitMs)) != std::future_status::ready)
        return out;
    out.result = future.get();
    out.elapsedMs = t.elapsed();
    return out;
}

} // namespace mort::test
