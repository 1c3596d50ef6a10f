#pragma once
// The request a storage call on this thread works for. Network storages stop
// their exchange as soon as that request is cancelled (the client left) or
// its deadline passes, so a slow origin never holds an I/O worker past the
// request deadline. The pipeline sets it around each storage call (RAII,
// nests); without one only the storage's own timeouts apply.
#include "core/cancellation.h"

namespace mort {

class StorageCallScope
{
public:
    explicit StorageCallScope(const CancelToken &token);
    ~StorageCallScope();
    StorageCallScope(const StorageCallScope &) = delete;
    StorageCallScope &operator=(const StorageCallScope &) = delete;

    // The innermost scope's token on this thread, or null.
    static const CancelToken *current();

private:
    CancelToken m_token;
    const CancelToken *m_previous;
};

} // namespace mort
