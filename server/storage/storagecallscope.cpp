#include "storage/storagecallscope.h"

namespace mort {

namespace {
thread_local const CancelToken *t_current = nullptr;
thread_local StorageCallScope::Deadline t_deadline = StorageCallScope::Deadline::WholeCall;
} // namespace

StorageCallScope::StorageCallScope(const CancelToken &token, Deadline deadline)
    : m_token(token), m_previous(t_current), m_previousDeadline(t_deadline)
{
    t_current = &m_token;
    t_deadline = deadline;
}

StorageCallScope::~StorageCallScope()
{
    t_current = m_previous;
    t_deadline = m_previousDeadline;
}

StorageCallScope::Deadline StorageCallScope::currentDeadline()
{
    return t_deadline;
}

const CancelToken *StorageCallScope::current()
{
    return t_current;
}

} // namespace mort
