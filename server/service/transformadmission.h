#pragma once
// concurrentImageProcessing (spec config.md §2): how many transforms may be
// queued or running at once, placeholder renders included. A request that
// finds every slot taken is answered 503 at once instead of queueing without
// bound. Thread-safe.
#include <QtGlobal>

#include <atomic>

namespace mort {

class TransformAdmission
{
public:
    // Takes one of `limit` slots; false, taking nothing, when all are in use.
    bool tryAdmit(int limit)
    {
        if (m_inFlight.fetch_add(1) < limit)
            return true;
        m_inFlight.fetch_sub(1);
        return false;
    }
    void release() { m_inFlight.fetch_sub(1); }
    // Transforms queued or running (mort_transforms_in_flight).
    qint64 inFlight() const { return m_inFlight.load(); }

private:
    std::atomic<qint64> m_inFlight{0};
};

} // namespace mort
