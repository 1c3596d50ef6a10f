#include "storage/storagecallscope.h"

namespace mort {

namespace {
thread_local const CancelToken *t_current = nullptr;
} // namespace

StorageCallScope::StorageCallScope(const CancelToken &token) : m_token(token), m_previous(t_current)
{
    t_current = &m_token;
}

StorageCallScope::~StorageCallScope()
{
    t_current = m_previous;
}

const CancelToken *StorageCallScope::current()
{
    return t_current;
}

} // namespace mort
