#include "ui/leakdetector.h"

namespace mort {

qint64 LeakDetector::baseline(TaskKind kind) const
{
    return kind == TaskKind::Request ? m_ownExchanges : 0;
}

bool LeakDetector::feed(const EngineStats &stats, qint64 nowMs)
{
    const bool idle = stats.running && stats.http.exchangesInFlight <= m_ownExchanges;
    if (!idle)
        m_idleSinceMs = -1;
    else if (m_idleSinceMs < 0)
        m_idleSinceMs = nowMs;
    m_idleLongEnough = idle && nowMs - m_idleSinceMs >= m_idleMs;

    QList<Flag> flags;
    // Only judged after the idle period: under load every kind is legitimately busy.
    if (m_idleLongEnough) {
        for (const TaskCounts &t : stats.tasks) {
            if (t.live > baseline(t.kind))
                flags.append(Flag{t.kind, t.live, baseline(t.kind)});
        }
    }
    if (flags == m_flags)
        return false;
    m_flags = flags;
    return true;
}

void LeakDetector::reset()
{
    m_idleSinceMs = -1;
    m_idleLongEnough = false;
    m_flags.clear();
}

} // namespace mort
