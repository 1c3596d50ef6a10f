#include "core/taskregistry.h"

namespace mort {

QByteArray taskKindName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Request: return "request";
    case TaskKind::Transform: return "transform";
    case TaskKind::Fetch: return "fetch";
    case TaskKind::Store: return "store";
    case TaskKind::CacheFill: return "cache-fill";
    case TaskKind::CollapseWait: return "collapse-wait";
    case TaskKind::LockRefresh: return "lock-refresh";
    case TaskKind::PubSub: return "pubsub";
    case TaskKind::Background: return "background";
    case TaskKind::Admin: return "admin";
    case TaskKind::Purge: return "purge";
    case TaskKind::Count: break;
    }
    return "unknown";
}

void TaskRegistry::begin(TaskKind kind)
{
    auto &c = m_counters[static_cast<int>(kind)];
    c.started.fetch_add(1, std::memory_order_relaxed);
    c.live.fetch_add(1, std::memory_order_relaxed);
}

void TaskRegistry::end(TaskKind kind)
{
    auto &c = m_counters[static_cast<int>(kind)];
    c.finished.fetch_add(1, std::memory_order_relaxed);
    c.live.fetch_sub(1, std::memory_order_relaxed);
}

qint64 TaskRegistry::live(TaskKind kind) const
{
    return m_counters[static_cast<int>(kind)].live.load(std::memory_order_relaxed);
}

qint64 TaskRegistry::liveTotal() const
{
    qint64 total = 0;
    for (const auto &c : m_counters)
        total += c.live.load(std::memory_order_relaxed);
    return total;
}

quint64 TaskRegistry::started(TaskKind kind) const
{
    return m_counters[static_cast<int>(kind)].started.load(std::memory_order_relaxed);
}

QList<TaskCounts> TaskRegistry::snapshot() const
{
    QList<TaskCounts> out;
    out.reserve(static_cast<int>(TaskKind::Count));
    for (int i = 0; i < static_cast<int>(TaskKind::Count); ++i) {
        const auto &c = m_counters[i];
        out.append({static_cast<TaskKind>(i), c.live.load(std::memory_order_relaxed),
                    c.started.load(std::memory_order_relaxed), c.finished.load(std::memory_order_relaxed)});
    }
    return out;
}

} // namespace mort
