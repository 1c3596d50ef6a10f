#include "ui/dashboard/leakdetector.h"

namespace mort {

bool LeakDetector::feed(const EngineStats &stats, qint64 nowMs)
{
    const bool idle = stats.running && stats.requests.inFlight == 0;
    if (!idle)
        m_idleSinceMs = -1;
    else if (m_idleSinceMs < 0)
        m_idleSinceMs = nowMs;
    m_idleLongEnough = idle && nowMs - m_idleSinceMs >= m_idleMs;

    QList<Flag> flags;
    // Only judged after the idle period: under load every kind is legitimately busy.
    if (m_idleLongEnough) {
        for (const TaskCounts &t : stats.tasks) {
            if (t.kind != TaskKind::Admin && t.live > kBaseline)
                flags.append(Flag{t.kind, t.live, kBaseline});
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
