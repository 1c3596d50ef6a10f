#pragma once
// What one RedisClient counts, written on its thread and read from any
// thread (stats snapshot, /metrics, studio).
#include <QtGlobal>

#include <atomic>

namespace mort {

struct RedisCounters
{
    std::atomic<quint64> commands{0};        // sent to a node (incl. handshake and redirects)
    std::atomic<quint64> failures{0};        // no reply: timeout, disconnect, unavailable, overloaded
    std::atomic<quint64> errorReplies{0};    // the server answered with an error (MOVED/ASK not counted)
    std::atomic<quint64> timeouts{0};        // commands without a reply within commandTimeoutMs
    std::atomic<quint64> connectFailures{0}; // refused, unreachable or no handshake within connectTimeoutMs
    std::atomic<quint64> reconnects{0};      // connection attempts after a failure
    std::atomic<quint64> overloaded{0};      // refused at maxPending
    std::atomic<quint64> redirects{0};       // cluster MOVED/ASK followed
    std::atomic<quint64> messages{0};        // pub/sub messages received
    std::atomic<qint64> pending{0};          // commands waiting for a reply, all connections
    std::atomic<qint64> rttLastUs{0};        // round trip of the last answered command
    std::atomic<qint64> rttTotalUs{0};
    std::atomic<quint64> rttCount{0};
};

} // namespace mort
