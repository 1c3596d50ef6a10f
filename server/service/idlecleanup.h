#pragma once
// Mort's idleCleanup (spec config.md §2.3): after `idleTimeoutMin` without image
// processing, drop libvips caches and hand freed heap pages back to the OS, so
// RSS falls after a burst instead of staying at its peak. Lives in a thread
// with an event loop (the engine's owner thread).
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mort {

class IdleCleanup : public QObject
{
    Q_OBJECT
public:
    // `activity` returns a counter that grows with every transform; `cleanup`
    // runs the release. Check interval = timeout / 3, at least `minIntervalMs`
    // (Mort: one minute; tests pass less).
    IdleCleanup(qint64 idleTimeoutMs, std::function<quint64()> activity, std::function<void()> cleanup,
                qint64 minIntervalMs = 60'000, QObject *parent = nullptr);

    quint64 cleanups() const { return m_cleanups; }

private:
    void check();

    qint64 m_idleTimeoutMs;
    std::function<quint64()> m_activity;
    std::function<void()> m_cleanup;
    QTimer m_timer;
    QElapsedTimer m_sinceActivity;
    quint64 m_lastActivity = 0;
    bool m_cleanedSinceActivity = true; // nothing to release before the first transform
    quint64 m_cleanups = 0;
};

} // namespace mort
