#pragma once
// What a collapsed (waiting) request learns, exactly once, from the
// RequestCollapser (http-behaviour.md §6.1).
#include "cache/cachedresponse.h"
#include "core/error.h"

#include <functional>

namespace mort {

struct CollapseOutcome
{
    enum class Status {
        Completed,    // `response` is the leader's response: the very object every waiter gets
        LeaderFailed, // the leader produced nothing shareable; `error` is its error. Spec §6.1:
                      // try the response cache, then run the flow yourself (acquire again)
        TimedOut,     // lockTimeout or the request's own deadline passed: `error` = lock.timeout 504
                      // (spec: try the response cache first, else answer it)
        Cancelled,    // the request's CancelToken was cancelled (client gone) or the collapser shut
                      // down: `error` = lock.cancelled 499, for logs only -- nobody is listening
    };

    Status status = Status::Cancelled;
    SharedResponse response; // set only for Completed
    Error error;             // set for every other status

    bool ok() const { return status == Status::Completed; }
};

// Invoked exactly once per waiter, on whichever thread resolved the wait: the
// leader's thread (complete/fail), the collapser's timer thread (timeout,
// cancel noticed by polling) or the thread calling CollapseTicket::cancel().
// Never under an internal lock. Keep it short: post to the owning thread.
using CollapseCallback = std::function<void(CollapseOutcome)>;

} // namespace mort
