#include "imaging/heavylane.h"

#include <algorithm>

namespace mort {

HeavyLane::HeavyLane(int slots) : m_slots(std::max(1, slots)) {}

HeavyLane::Ticket HeavyLane::tryEnter()
{
    int running = m_running.load(std::memory_order_relaxed);
    do {
        if (running >= m_slots) {
            m_refused.fetch_add(1, std::memory_order_relaxed);
            return Ticket();
        }
    } while (!m_running.compare_exchange_weak(running, running + 1, std::memory_order_acq_rel));
    m_admitted.fetch_add(1, std::memory_order_relaxed);
    return Ticket(this);
}

HeavyLane::Ticket &HeavyLane::Ticket::operator=(Ticket &&other) noexcept
{
    if (this != &other) {
        release();
        m_lane = other.m_lane;
        other.m_lane = nullptr;
    }
    return *this;
}

void HeavyLane::Ticket::release()
{
    if (m_lane)
        m_lane->m_running.fetch_sub(1, std::memory_order_acq_rel);
    m_lane = nullptr;
}

} // namespace mort
