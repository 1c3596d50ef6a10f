#pragma once
// The request a storage call on this thread works for. Network storages stop
// their exchange as soon as that request is cancelled (the client left) or
// its deadline passes, so a slow origin never holds an I/O worker past the
// request deadline. The pipeline sets it around each storage call (RAII,
// nests); without one only the storage's own timeouts apply.
// With `Deadline::UntilOriginAnswers` the deadline bounds only the wait for
// the origin's response head: a large body that keeps flowing may take
// longer (its stalls are bounded by the storage's idle timeout).
#include "core/cancellation.h"

namespace mort {

class StorageCallScope
{
public:
    enum class Deadline { WholeCall, UntilOriginAnswers };
    explicit StorageCallScope(const CancelToken &token, Deadline deadline = Deadline::WholeCall);
    ~StorageCallScope();
    StorageCallScope(const StorageCallScope &) = delete;
    StorageCallScope &operator=(const StorageCallScope &) = delete;

    // The innermost scope's token on this thread, or null.
    static const CancelToken *current();
    // How the innermost scope's deadline applies (WholeCall without a scope).
    static Deadline currentDeadline();

private:
    CancelToken m_token;
    const CancelToken *m_previous;
    Deadline m_previousDeadline;
};

} // namespace mort
