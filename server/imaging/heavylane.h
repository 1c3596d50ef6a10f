#pragma once
// The share of the transform workers that heavy passes may take (issue 23,
// finding 2): at most `slots` passes costing more than
// limits.heavyTransformCost run at once, so however many heavy requests
// arrive, the other workers stay free for everyday transforms. A heavy pass
// that finds the lane full is refused at once (503, Retry-After) instead of
// holding a worker while it waits.
#include <QtGlobal>

#include <atomic>
#include <memory>

namespace mort {

class HeavyLane
{
public:
    // `slots` < 1 is taken as 1.
    explicit HeavyLane(int slots);

    // Held while a heavy pass runs; the slot is free again when it is destroyed.
    class Ticket
    {
    public:
        Ticket() = default;
        explicit Ticket(HeavyLane *lane) : m_lane(lane) {}
        Ticket(Ticket &&other) noexcept : m_lane(other.m_lane) { other.m_lane = nullptr; }
        Ticket &operator=(Ticket &&other) noexcept;
        Ticket(const Ticket &) = delete;
        Ticket &operator=(const Ticket &) = delete;
        ~Ticket() { release(); }
        bool isValid() const { return m_lane != nullptr; }

    private:
        void release();
        HeavyLane *m_lane = nullptr;
    };

    // A valid ticket when a slot was free; an invalid one (counted as refused) when not.
    Ticket tryEnter();

    int slots() const { return m_slots; }
    int running() const { return m_running.load(std::memory_order_relaxed); }
    quint64 admitted() const { return m_admitted.load(std::memory_order_relaxed); }
    quint64 refused() const { return m_refused.load(std::memory_order_relaxed); }

private:
    const int m_slots;
    std::atomic<int> m_running{0};
    std::atomic<quint64> m_admitted{0};
    std::atomic<quint64> m_refused{0};
};

using HeavyLanePtr = std::shared_ptr<HeavyLane>;

} // namespace mort
