#pragma once
// Transform running (spec http-behaviour.md §6): a result stored by an earlier
// request is served as is; otherwise the request is admitted against
// concurrentImageProcessing (503 when every slot is taken), the original is
// read and run through libvips on the transform pool, the answer gets its
// ETag and size metadata, and the result is stored on the bounded background
// queue. Called by the collapse leader (or a request that does not collapse).
#include "service/pipelineresponder.h"
#include "service/transformadmission.h"

#include <QThreadPool>

namespace mort {

class TransformRunner
{
public:
    TransformRunner(const PipelineServices &services, QThreadPool &transformPool, TransformAdmission &admission,
                    PipelineResponder &responder);

    // Runs on the I/O pool; the transform itself moves to the transform pool.
    void serve(const FlowPtr &flow);

private:
    // On the transform pool, holding an admitted slot and its `transform` task.
    void run(const FlowPtr &flow, TaskScope &admitted);
    void storeResult(const FlowPtr &flow, QByteArray body, ObjectMetadata meta);

    const PipelineServices &m_services;
    MortMetrics &m_metrics;
    QThreadPool &m_transformPool;
    TransformAdmission &m_admission;
    PipelineResponder &m_responder;
};

} // namespace mort
