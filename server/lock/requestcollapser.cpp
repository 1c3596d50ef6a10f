#include "lock/requestcollapser.h"

#include "lock/collapsercore.h"

#include "config/config.h"

#include <QElapsedTimer>

#if defined(Q_OS_LINUX)
#include <pthread.h>
#endif

namespace mort {

namespace {

std::function<qint64()> monotonicClock()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer] { return timer->elapsed(); };
}

CollapserOptions withDefaults(CollapserOptions options)
{
    if (!options.nowMs)
        options.nowMs = monotonicClock();
    options.lockTimeoutMs = qMax<qint64>(0, options.lockTimeoutMs);
    options.cancelPollMs = qMax(1, options.cancelPollMs);
    return options;
}

} // namespace

CollapserOptions CollapserOptions::fromConfig(const ServerConfig &config)
{
    CollapserOptions options;
    // config.md §2: lockTimeout 0 -> 30 s, as Mort.
    options.lockTimeoutMs = qint64(config.lockTimeoutSec > 0 ? config.lockTimeoutSec : 30) * 1000;
    return options;
}

RequestCollapser::RequestCollapser(CollapserOptions options, TaskRegistry *tasks)
    : m_options(withDefaults(std::move(options))), m_core(std::make_shared<CollapserCore>(m_options, tasks))
{
    if (m_options.timerThread) {
        CollapserCore *core = m_core.get(); // outlives the thread: joined in the destructor
        m_timer = std::thread([core] {
#if defined(Q_OS_LINUX)
            pthread_setname_np(pthread_self(), "mort-collapse"); // visible in top -H, gdb
#endif
            core->runTimerLoop();
        });
    }
}

RequestCollapser::~RequestCollapser()
{
    if (m_timer.joinable()) {
        m_core->stopTimer();
        m_timer.join();
    }
    m_core->shutdown();
}

CollapseTicket RequestCollapser::acquire(const QString &key, const CancelToken &cancel, CollapseCallback onOutcome)
{
    return m_core->acquire(key, cancel, std::move(onOutcome));
}

void RequestCollapser::poll()
{
    m_core->poll();
}

CollapserStats RequestCollapser::stats() const
{
    return m_core->stats();
}

} // namespace mort
