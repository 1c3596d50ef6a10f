#include "http/inflightexchanges.h"

namespace mort {

void InFlightExchanges::ended()
{
    if (m_count.fetch_sub(1) != 1)
        return;
    // Taking the mutex first means a waiter is either before its check (and
    // sees 0) or already asleep (and is woken): the wake-up cannot be lost.
    std::lock_guard lock(m_mutex);
    m_none.notify_all();
}

bool InFlightExchanges::waitUntilNone(QDeadlineTimer deadline)
{
    const auto none = [this] { return m_count.load() <= 0; };
    std::unique_lock lock(m_mutex);
    if (deadline.isForever()) {
        m_none.wait(lock, none);
        return true;
    }
    return m_none.wait_until(lock, deadline.deadline<std::chrono::steady_clock>(), none);
}

} // namespace mort
