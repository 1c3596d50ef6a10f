#pragma once
// The dashboard's leak indicator. Every asynchronous unit of work is a counted
// task (core/taskregistry.h); once the server has had no public request in
// flight for a while, every task kind should be back at its idle baseline (0).
// A kind that stays above it is flagged: a task that never ends is how Mort's
// goroutine leaks looked from outside. `admin` tasks are the observers' own
// calls (this studio's event stream, another dashboard, a Prometheus scrape):
// how many are open says nothing about the image pipeline, so they are not judged.
#include "service/enginestats.h"

#include <QList>

#include <array>

namespace mort {

class LeakDetector
{
public:
    static constexpr int kDefaultIdleSeconds = 10;

    struct Flag
    {
        TaskKind kind;
        qint64 live;     // live tasks of this kind
        qint64 baseline; // what an idle server should show
        friend bool operator==(const Flag &, const Flag &) = default;
    };

    void setIdleSeconds(int seconds) { m_idleMs = qint64(seconds) * 1000; }
    int idleSeconds() const { return int(m_idleMs / 1000); }

    // Feeds one snapshot taken at `nowMs`; true when flags() changed.
    bool feed(const EngineStats &stats, qint64 nowMs);
    void reset();

    bool isIdle() const { return m_idleSinceMs >= 0; }
    // Idle for at least idleSeconds() at the last feed.
    bool idleLongEnough() const { return m_idleLongEnough; }
    QList<Flag> flags() const { return m_flags; }
    static constexpr qint64 kBaseline = 0; // live tasks of any judged kind on an idle server

private:
    qint64 m_idleMs = qint64(kDefaultIdleSeconds) * 1000;
    qint64 m_idleSinceMs = -1;
    bool m_idleLongEnough = false;
    QList<Flag> m_flags;
};

} // namespace mort
