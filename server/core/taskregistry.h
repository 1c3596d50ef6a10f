#pragma once
// Every asynchronous unit of work is a task, counted by kind through an RAII
// scope (DESIGN §2): live counts are exact, so tests and the studio can see a
// task that never finishes -- our answer to Mort's goroutine leaks.
#include <QByteArray>
#include <QList>

#include <array>
#include <atomic>
#include <cstdint>

namespace mort {

enum class TaskKind : int {
    Request,      // one HTTP request on a public listener, from parse to last byte written
    Transform,    // an admitted transform: queued for or running on a worker (holds a concurrentImageProcessing slot)
    Fetch,        // storage read
    Store,        // storage write (incl. background result store)
    CacheFill,    // response-cache insert
    CollapseWait, // a request waiting for another's identical transform
    LockRefresh,
    PubSub,
    Background, // a job in the bounded background queue
    Admin,      // one request on the internal listener (admin API, /metrics, event stream): observers' calls
    Purge,      // deleting the stored results of a changed preset (service/staleresultspurge.h)
    Count
};

QByteArray taskKindName(TaskKind kind);

struct TaskCounts
{
    TaskKind kind;
    qint64 live;
    quint64 started;
    quint64 finished;
};

class TaskRegistry
{
public:
    TaskRegistry() = default;
    TaskRegistry(const TaskRegistry &) = delete;
    TaskRegistry &operator=(const TaskRegistry &) = delete;

    void begin(TaskKind kind);
    void end(TaskKind kind);

    qint64 live(TaskKind kind) const;
    qint64 liveTotal() const;
    quint64 started(TaskKind kind) const;
    QList<TaskCounts> snapshot() const;

private:
    struct Counter
    {
        std::atomic<qint64> live{0};
        std::atomic<quint64> started{0};
        std::atomic<quint64> finished{0};
    };
    std::array<Counter, static_cast<int>(TaskKind::Count)> m_counters;
};

// Registers one task for its lifetime. Movable, so it can travel with the work
// (into a lambda, a std::shared_ptr, across threads).
class TaskScope
{
public:
    TaskScope() = default;
    TaskScope(TaskRegistry *registry, TaskKind kind) : m_registry(registry), m_kind(kind)
    {
        if (m_registry)
            m_registry->begin(m_kind);
    }
    TaskScope(TaskScope &&other) noexcept : m_registry(other.m_registry), m_kind(other.m_kind)
    {
        other.m_registry = nullptr;
    }
    TaskScope &operator=(TaskScope &&other) noexcept
    {
        if (this != &other) {
            release();
            m_registry = other.m_registry;
            m_kind = other.m_kind;
            other.m_registry = nullptr;
        }
        return *this;
    }
    TaskScope(const TaskScope &) = delete;
    TaskScope &operator=(const TaskScope &) = delete;
    ~TaskScope() { release(); }

    void release()
    {
        if (m_registry)
            m_registry->end(m_kind);
        m_registry = nullptr;
    }

private:
    TaskRegistry *m_registry = nullptr;
    TaskKind m_kind = TaskKind::Request;
};

} // namespace mort
