#pragma once
// The last stages of every public request: finish (header rules, CORS, fill
// the response cache, release collapsed waiters), deliver (conditionals,
// Range, plugins, debug headers, request metrics) and answer (access log,
// Activity summary, served/client-left counts). Also the task boundary: work
// run through runGuarded() that throws still ends in an answer (500).
#include "cache/usecounter.h"
#include "monitoring/logring.h"
#include "service/pipelineflow.h"
#include "service/placeholderrenderer.h"

#include <QThreadPool>

#include <atomic>
#include <functional>

namespace mort {

struct AccessSummary;

class PipelineResponder
{
public:
    PipelineResponder(const PipelineServices &services, PlaceholderRenderer &placeholders);

    // Header rules + CORS, then: hand it to collapsed waiters, cache it, deliver it.
    void finish(const FlowPtr &flow, HttpResponse response);
    // An error answer (or the placeholder, spec §10); server-side errors are
    // not shared with collapsed waiters: they retry (spec §6.1).
    // `extraHeaders` go on whatever answers (error or placeholder).
    void finishError(const FlowPtr &flow, const Error &error, const HeaderList &extraHeaders = {});
    // An error from reading `key` of the bucket's storage `storageName`: an
    // archived original gets Mort's glacier answer (service/glacieranswer.h).
    void finishStorageError(const FlowPtr &flow, const Error &error, Storage &storage, const QString &bucket,
                            const QString &storageName, const QString &key);
    // A storage call for `object` failed: 504/499 (stoppedError) when it failed
    // because `stop` ran out or the client left, else finishStorageError.
    void finishStorageFailure(const FlowPtr &flow, const CancelToken &stop, const Error &error, Storage &storage,
                              const ObjectRef &object);
    // Per-request last steps on a finished response: conditionals, plugins, metrics.
    void deliver(const FlowPtr &flow, HttpResponse response);
    // Every answer to a public request goes out here, whatever produced it
    // (pipeline, URL parser, write refusal, a caught exception).
    void answer(const HttpExchangePtr &exchange, HttpResponse response, const Config &config);
    // A request whose client left before anything answered it.
    void countClientLeft() { m_metrics.requestsClientLeft.inc(); }
    // A request the transport refused leaves its summary too (Activity tab).
    void rejected(const HttpRejection &rejection);
    void setActivityLog(LogRing *ring) { m_activityLog.store(ring, std::memory_order_release); }

    // Runs `job` on `pool`, turning any exception into a 500 (seed: no panic recovery).
    void runGuarded(QThreadPool &pool, const FlowPtr &flow, std::function<void()> job);

private:
    void writeActivity(const AccessSummary &summary);

    const PipelineServices &m_services;
    MortMetrics &m_metrics;
    PlaceholderRenderer &m_placeholders;
    UseCounter m_useCounter; // minUseCount
    std::atomic<LogRing *> m_activityLog{nullptr};
};

} // namespace mort
