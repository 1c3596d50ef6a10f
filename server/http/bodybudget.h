#pragma once
// A server-wide bound on request-body bytes held in memory at once
// (limits.maxBufferedBodyBytes). Each body is also bounded on its own
// (maxBodyBytes -> 413), but without this, N connections could hold N times
// that. A connection reserves a body's bytes when its header announces them
// (or as chunks arrive) and the reservation is released when the request's
// exchange is gone -- the body is no longer referenced by then.
#include <QtGlobal>

#include <atomic>
#include <memory>

namespace mort {

class BodyBudget
{
    struct State
    {
        explicit State(qint64 c) : capacity(c) {}
        const qint64 capacity;
        std::atomic<qint64> used{0};
    };

public:
    // Bytes taken from one budget; given back when destroyed. Move-only.
    class Reservation
    {
    public:
        Reservation() = default;
        Reservation(Reservation &&other) noexcept;
        Reservation &operator=(Reservation &&other) noexcept;
        Reservation(const Reservation &) = delete;
        Reservation &operator=(const Reservation &) = delete;
        ~Reservation() { release(); }

        qint64 bytes() const { return m_bytes; }
        void release();

    private:
        friend class BodyBudget;
        std::shared_ptr<State> m_state; // keeps the counter alive past the server
        qint64 m_bytes = 0;
    };

    explicit BodyBudget(qint64 capacity) : m_state(std::make_shared<State>(capacity)) {}

    // Adds `bytes` to `reservation` when the total stays within the capacity;
    // otherwise takes nothing and returns false.
    bool reserve(Reservation &reservation, qint64 bytes);
    qint64 used() const { return m_state->used.load(std::memory_order_relaxed); }
    qint64 capacity() const { return m_state->capacity; }

private:
    std::shared_ptr<State> m_state;
};

} // namespace mort
