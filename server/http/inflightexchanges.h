#pragma once
// Exchanges handed to the handler and not yet answered or dropped. A graceful
// stop waits on it: the last exchange to end wakes the waiter, so the drain
// returns the moment the server is idle, with no polling. Thread-safe.
#include <QDeadlineTimer>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace mort {

class InFlightExchanges
{
public:
    void started() { m_count.fetch_add(1); }
    void ended();
    qint64 count() const { return m_count.load(); }
    // Blocks until no exchange is in flight or `deadline` passes; true when
    // none is. A forever deadline waits as long as it takes.
    bool waitUntilNone(QDeadlineTimer deadline);

private:
    std::atomic<qint64> m_count{0};
    std::mutex m_mutex; // orders "count reached 0" against a waiter going to sleep
    std::condition_variable m_none;
};

} // namespace mort
