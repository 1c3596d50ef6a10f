#pragma once
// The dashboard's leak indicator. Every asynchronous unit of work is a counted
// task (core/taskregistry.h); once the server has had no request in flight for
// a while, every task kind should be back at its idle baseline (0). A kind
// that stays above it is flagged: a task that never ends is how Mort's
// goroutine leaks looked from outside.
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
    // Exchanges the observer keeps in flight itself (a remote client's stream):
    // they do not make the server busy, and their Request tasks are expected.
    void setOwnExchanges(int n) { m_ownExchanges = n; }

    // Feeds one snapshot taken at `nowMs`; true when flags() changed.
    bool feed(const EngineStats &stats, qint64 nowMs);
    void reset();

    bool isIdle() const { return m_idleSinceMs >= 0; }
    // Idle for at least idleSeconds() at the last feed.
    bool idleLongEnough() const { return m_idleLongEnough; }
    QList<Flag> flags() const { return m_flags; }
    qint64 baseline(TaskKind kind) const;

private:
    qint64 m_idleMs = qint64(kDefaultIdleSeconds) * 1000;
    int m_ownExchanges = 0;
    qint64 m_idleSinceMs = -1;
    bool m_idleLongEnough = false;
    QList<Flag> m_flags;
};

} // namespace mort
