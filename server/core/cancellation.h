#pragma once
// A deadline plus a cancel flag, shared by every step of one request.
// The HTTP layer cancels it when the client leaves; workers poll it between
// steps and libvips' eval callback polls it inside a transform.
#include <QDeadlineTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace mort {

class CancelToken
{
public:
    CancelToken() : m_state(std::make_shared<State>()) {}
    explicit CancelToken(QDeadlineTimer deadline) : CancelToken() { m_state->deadline = deadline; }

    void cancel() const { m_state->cancelled.store(true, std::memory_order_relaxed); }
    // Once abandoned, cancelled for good: work may already have stopped half
    // way (a libvips kill), so a waiter arriving later must not turn that
    // stop into an error of the image (it was "corrupt" under load).
    bool isCancelled() const
    {
        if (m_state->cancelled.load(std::memory_order_relaxed))
            return true;
        if (!m_state->abandoned || !m_state->abandoned())
            return false;
        cancel();
        return true;
    }
    bool isExpired() const { return m_state->deadline.hasExpired(); }
    // True when work on behalf of this request should stop.
    bool shouldStop() const { return isCancelled() || isExpired(); }
    QDeadlineTimer deadline() const { return m_state->deadline; }
    // Only before the token is shared with another thread.
    void setDeadline(QDeadlineTimer deadline) { m_state->deadline = deadline; }
    // Extra cancellation condition, polled by isCancelled(): shared work (a
    // collapsed transform) stops only when nobody wants it any more; the
    // first true is final. Set before sharing.
    void setAbandonedWhen(std::function<bool()> abandoned) { m_state->abandoned = std::move(abandoned); }

private:
    struct State
    {
        std::atomic<bool> cancelled{false};
        QDeadlineTimer deadline{QDeadlineTimer::Forever};
        std::function<bool()> abandoned;
    };
    std::shared_ptr<State> m_state;
};

} // namespace mort
