#pragma once
// The answer of RequestCollapser::acquire(): the request either leads (runs
// the flow for everyone), waits (its callback will fire), or is refused
// (Busy: the collapser is at its bounds; answer 503).
#include "cache/cachedresponse.h"
#include "core/error.h"

#include <QString>

#include <memory>

namespace mort {

class CollapserCore;

// Move-only; one thread uses a ticket at a time (move it into the worker's
// lambda). The collapser behind it is thread-safe.
class CollapseTicket
{
public:
    enum class Role { Busy, Leader, Waiter };

    CollapseTicket() = default; // Busy
    CollapseTicket(CollapseTicket &&other) noexcept;
    CollapseTicket &operator=(CollapseTicket &&other) noexcept;
    CollapseTicket(const CollapseTicket &) = delete;
    CollapseTicket &operator=(const CollapseTicket &) = delete;
    // A Leader ticket destroyed without complete()/fail() fails the key with
    // lock.abandoned, so waiters never hang on a leader that vanished (an
    // exception, an early return). A Waiter ticket's destruction changes
    // nothing: its callback still fires; the ticket is only needed to cancel.
    ~CollapseTicket();

    Role role() const { return m_role; }
    bool isLeader() const { return m_role == Role::Leader; }
    bool isWaiter() const { return m_role == Role::Waiter; }
    bool isBusy() const { return m_role == Role::Busy; }
    QString key() const { return m_key; }

    // Leader only; the first of complete()/fail() wins, later calls are no-ops.
    // complete(): every current waiter receives `response` (the same shared_ptr);
    // the key is released. The engine must call this even when the leader's own
    // client has gone: other requests are waiting for it.
    void complete(SharedResponse response);
    // fail(): every current waiter receives LeaderFailed + `error` at once; the
    // key is released, so the next acquire() leads again (a retry).
    void fail(const Error &error);

    // Waiter only: stop waiting now; the callback fires with Cancelled on this
    // thread unless the wait was already resolved. Idempotent.
    void cancel();

private:
    friend class CollapserCore;
    CollapseTicket(std::weak_ptr<CollapserCore> core, Role role, QString key, quint64 id);
    void resolveLeader(SharedResponse response, const Error *error);

    std::weak_ptr<CollapserCore> m_core; // the collapser may be gone: then all calls are no-ops
    Role m_role = Role::Busy;
    QString m_key;
    quint64 m_id = 0; // Leader: generation of the key's slot; Waiter: waiter id
    bool m_done = false;
};

} // namespace mort
