#include "service/placeholderrenderer.h"

#include "core/threadhandoff.h"
#include "http/errorresponse.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPipeline)

namespace mort {

PlaceholderRenderer::PlaceholderRenderer(const PipelineServices &services, QThreadPool &transformPool,
                                         TransformAdmission &admission)
    : m_services(services), m_transformPool(transformPool), m_admission(admission)
{
}

bool PlaceholderRenderer::answers(const PipelineFlow &flow, const Error &error)
{
    return flow.snap->placeholder && flow.transformed() && !flow.debug && placeholderAnswers(error.httpStatus);
}

HttpResponse PlaceholderRenderer::response(const FlowPtr &flow, const Error &error)
{
    const PlaceholderImage &placeholder = *flow->snap->placeholder;
    // Mort's key: the placeholder as configured + the object's transform hash in hex.
    const QString key = placeholder.source + QString::number(flow->object.transforms.hash(), 16);
    HttpResponse response = errorResponse(error, false);
    if (SharedResponse rendered = m_services.cache ? m_services.cache->get(key) : SharedResponse()) {
        const HttpResponse cached = rendered->toHttpResponse(); // body shared, not copied
        response.body = cached.body;
        response.setHeader("Content-Type", cached.header("Content-Type"));
    } else {
        response.body = placeholder.body;
        response.setHeader("Content-Type", placeholder.contentType);
        render(flow, key);
    }
    return response;
}

void PlaceholderRenderer::render(const FlowPtr &flow, const QString &cacheKey)
{
    if (!m_services.cache)
        return; // nowhere to keep the render: the plain placeholder is served
    SnapshotPtr snap = flow->snap;
    const ServerConfig &server = snap->config->server;
    {
        QMutexLocker lock(&m_mutex);
        if (m_rendering.contains(cacheKey))
            return; // another error is rendering it (Mort: a collapse lock on the key)
        if (!m_admission.tryAdmit(server.concurrentImageProcessing))
            return; // busy: a later error tries again
        m_rendering.insert(cacheKey);
    }
    auto task = std::make_shared<TaskScope>(m_services.tasks, TaskKind::Transform);
    CancelToken token(QDeadlineTimer(qint64(server.requestTimeoutSec) * 1000));
    // The job holds copies, not the flow: the request (and its connection) may end first.
    startInPool(m_transformPool,
                [this, snap, task, token, cacheKey, bucket = flow->bucket(), transforms = flow->object.transforms] {
                    run(*snap, cacheKey, bucket, transforms, token);
                    m_admission.release();
                    task->release();
                    QMutexLocker lock(&m_mutex);
                    m_rendering.remove(cacheKey);
                });
}

void PlaceholderRenderer::run(const PipelineSnapshot &snap, const QString &cacheKey, const QString &bucket,
                              const Transforms &transforms, const CancelToken &token)
{
    try {
        Expected<ProcessedImage> image =
            snap.processor(bucket).process(snap.placeholder->body, mergeChain({transforms}), token);
        if (image) {
            HttpResponse rendered(200, image->body, image->contentType);
            m_services.cache->insert(cacheKey, CachedResponse::fromResponse(rendered), 600);
        } else {
            qCWarning(lcPipeline) << "rendering the placeholder for" << cacheKey
                                  << "failed:" << image.error().toString();
        }
    } catch (const std::exception &e) {
        m_services.metrics->pipelineExceptions.inc();
        qCWarning(lcPipeline) << "rendering the placeholder failed:" << e.what();
    }
}

} // namespace mort
