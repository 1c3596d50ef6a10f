#include "service/idlecleanup.h"

namespace mort {

IdleCleanup::IdleCleanup(qint64 idleTimeoutMs, std::function<quint64()> activity, std::function<void()> cleanup,
                         qint64 minIntervalMs, QObject *parent)
    : QObject(parent), m_idleTimeoutMs(idleTimeoutMs), m_activity(std::move(activity)), m_cleanup(std::move(cleanup))
{
    m_lastActivity = m_activity();
    m_sinceActivity.start();
    connect(&m_timer, &QTimer::timeout, this, &IdleCleanup::check);
    m_timer.start(int(std::max(minIntervalMs, idleTimeoutMs / 3)));
}

void IdleCleanup::check()
{
    const quint64 now = m_activity();
    if (now != m_lastActivity) {
        m_lastActivity = now;
        m_sinceActivity.restart();
        m_cleanedSinceActivity = false;
        return;
    }
    if (m_cleanedSinceActivity || m_sinceActivity.elapsed() < m_idleTimeoutMs)
        return;
    m_cleanup();
    m_cleanedSinceActivity = true; // once per idle period, not every tick
    ++m_cleanups;
}

} // namespace mort
