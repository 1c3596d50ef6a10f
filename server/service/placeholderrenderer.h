#pragma once
// server.placeholder at request time (spec http-behaviour.md §10): a failed
// transform request is answered with the placeholder image under the error's
// status; the placeholder rendered with the request's transforms replaces it
// once that render is in the response cache (10 min, as Mort). Renders are
// bounded like every transform: one per key at a time, and only with a free
// concurrentImageProcessing slot (Mort: one unbounded goroutine per error).
#include "service/pipelineflow.h"
#include "service/transformadmission.h"

#include <QMutex>
#include <QSet>
#include <QThreadPool>

namespace mort {

class PlaceholderRenderer
{
public:
    PlaceholderRenderer(const PipelineServices &services, QThreadPool &transformPool, TransformAdmission &admission);

    // Whether `error` of this request is answered with the placeholder:
    // configured, a transform request, not a debug request (spec §9), a
    // server-side status.
    static bool answers(const PipelineFlow &flow, const Error &error);
    // The error's headers (X-Mort-Error, Retry-After) with the placeholder as body.
    HttpResponse response(const FlowPtr &flow, const Error &error);

private:
    void render(const FlowPtr &flow, const QString &cacheKey);
    // On the transform pool, holding a slot: the render into the response cache.
    void run(const PipelineSnapshot &snap, const QString &cacheKey, const QString &bucket, const Transforms &transforms,
             const CancelToken &token);

    const PipelineServices &m_services;
    QThreadPool &m_transformPool;
    TransformAdmission &m_admission;
    QMutex m_mutex;
    QSet<QString> m_rendering; // keys being rendered; at most concurrentImageProcessing
};

} // namespace mort
