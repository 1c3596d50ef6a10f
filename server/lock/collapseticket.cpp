#include "lock/collapseticket.h"

#include "lock/collapsercore.h"

namespace mort {

CollapseTicket::CollapseTicket(std::weak_ptr<CollapserCore> core, Role role, QString key, quint64 id)
    : m_core(std::move(core)), m_role(role), m_key(std::move(key)), m_id(id)
{
}

CollapseTicket::CollapseTicket(CollapseTicket &&other) noexcept
    : m_core(std::move(other.m_core)), m_role(other.m_role), m_key(std::move(other.m_key)), m_id(other.m_id),
      m_done(other.m_done)
{
    other.m_role = Role::Busy;
    other.m_done = true;
}

CollapseTicket &CollapseTicket::operator=(CollapseTicket &&other) noexcept
{
    if (this != &other) {
        // Overwriting an unresolved Leader abandons it, like destruction.
        if (m_role == Role::Leader && !m_done)
            resolveLeader(nullptr, nullptr);
        m_core = std::move(other.m_core);
        m_role = other.m_role;
        m_key = std::move(other.m_key);
        m_id = other.m_id;
        m_done = other.m_done;
        other.m_role = Role::Busy;
        other.m_done = true;
    }
    return *this;
}

CollapseTicket::~CollapseTicket()
{
    if (m_role == Role::Leader && !m_done)
        resolveLeader(nullptr, nullptr);
}

void CollapseTicket::complete(SharedResponse response)
{
    if (m_role != Role::Leader || m_done)
        return;
    if (!response) { // nothing shareable: waiters must not be handed a null response
        const Error error = Error::internal("lock.no_response", QStringLiteral("leader completed without a response"));
        resolveLeader(nullptr, &error);
        return;
    }
    resolveLeader(std::move(response), nullptr);
}

void CollapseTicket::fail(const Error &error)
{
    if (m_role != Role::Leader || m_done)
        return;
    resolveLeader(nullptr, &error);
}

void CollapseTicket::cancel()
{
    if (m_role != Role::Waiter || m_done)
        return;
    m_done = true;
    if (const auto core = m_core.lock())
        core->cancelWaiter(m_id);
}

// response == nullptr && error == nullptr: abandoned (destroyed unresolved).
void CollapseTicket::resolveLeader(SharedResponse response, const Error *error)
{
    m_done = true;
    const auto core = m_core.lock();
    if (!core)
        return;
    if (!response && !error) {
        const Error abandoned = Error::internal(
            "lock.abandoned", QStringLiteral("collapse leader for %1 ended without a result").arg(m_key));
        core->resolveLeader(m_key, m_id, nullptr, &abandoned, true);
        return;
    }
    core->resolveLeader(m_key, m_id, std::move(response), error, false);
}

} // namespace mort
