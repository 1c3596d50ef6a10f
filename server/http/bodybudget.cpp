#include "http/bodybudget.h"

#include <utility>

namespace mort {

BodyBudget::Reservation::Reservation(Reservation &&other) noexcept
    : m_state(std::move(other.m_state)), m_bytes(std::exchange(other.m_bytes, 0))
{
}

BodyBudget::Reservation &BodyBudget::Reservation::operator=(Reservation &&other) noexcept
{
    if (this != &other) {
        release();
        m_state = std::move(other.m_state);
        m_bytes = std::exchange(other.m_bytes, 0);
    }
    return *this;
}

void BodyBudget::Reservation::release()
{
    if (m_state && m_bytes > 0)
        m_state->used.fetch_sub(m_bytes, std::memory_order_acq_rel);
    m_bytes = 0;
    m_state.reset();
}

bool BodyBudget::reserve(Reservation &reservation, qint64 bytes)
{
    if (bytes <= 0)
        return true;
    if (reservation.m_state && reservation.m_state != m_state)
        return false; // a reservation belongs to one budget
    qint64 used = m_state->used.load(std::memory_order_relaxed);
    do {
        if (used + bytes > m_state->capacity)
            return false;
    } while (!m_state->used.compare_exchange_weak(used, used + bytes, std::memory_order_acq_rel));
    reservation.m_state = m_state;
    reservation.m_bytes += bytes;
    return true;
}

} // namespace mort
