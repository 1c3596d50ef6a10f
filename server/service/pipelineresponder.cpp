#include "service/pipelineresponder.h"

#include "cache/cacheability.h"
#include "core/threadhandoff.h"
#include "http/conditionalresponse.h"
#include "http/errorresponse.h"
#include "service/accesslog.h"
#include "service/debugmode.h"
#include "service/glacieranswer.h"
#include "service/responseheaders.h"
#include "service/responseplugins.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPipeline)

namespace mort {

PipelineResponder::PipelineResponder(const PipelineServices &services, PlaceholderRenderer &placeholders)
    : m_services(services), m_metrics(*services.metrics), m_placeholders(placeholders)
{
}

void PipelineResponder::finishStorageError(const FlowPtr &flow, const Error &error, Storage &storage,
                                           const QString &bucket, const QString &storageName, const QString &key)
{
    if (error.code != "storage.archived")
        return finishError(flow, error);
    finishError(
        flow, error,
        glacierAnswerHeaders(flow->config(), bucket, storageName, key, error, storage, m_services.glacier, m_metrics));
}

void PipelineResponder::finishStorageFailure(const FlowPtr &flow, const CancelToken &stop, const Error &error,
                                             Storage &storage, const ObjectRef &object)
{
    if (stop.shouldStop())
        return finishError(flow, stoppedError(stop));
    finishStorageError(flow, error, storage, object.bucket, object.storageName, object.key);
}

void PipelineResponder::finishError(const FlowPtr &flow, const Error &error, const HeaderList &extraHeaders)
{
    const HttpRequest &request = flow->exchange->request();
    if (error.httpStatus >= 500)
        qCWarning(lcPipeline) << "request" << request.id << request.path << error.toString();
    // A server-side failure or a stop (499: the work was abandoned) says
    // nothing about the image: waiters do the work themselves. Client errors
    // of the image (422, 400) are shared.
    const bool notShareable = error.httpStatus >= 500 || error.httpStatus == 499;
    if (flow->leader && notShareable)
        flow->leader->fail(error);
    if (flow->distributedLease && notShareable) {
        flow->distributedLease->fail();
        flow->distributedLease.reset();
    }
    HttpResponse response = PlaceholderRenderer::answers(*flow, error) ? m_placeholders.response(flow, error)
                                                                       : errorResponse(error, flow->debug);
    for (const auto &[name, value] : extraHeaders)
        response.setHeader(name, value);
    finish(flow, std::move(response));
}

void PipelineResponder::finish(const FlowPtr &flow, HttpResponse response)
{
    const PipelineSnapshot &snap = *flow->snap;
    applyHeaderRules(*snap.config, snap.config->bucket(flow->bucket()), response);
    applyCorsHeaders(response);
    // Cache first, then release the waiters: a request arriving in between finds
    // the cache filled instead of becoming a second leader.
    if (!flow->cacheKey.isEmpty() && isCacheable(response, m_services.cache->maxItemBytes())
        && m_useCounter.reached(flow->cacheKey, snap.config->server.cache.minUseCount)
        && m_services.cache->insert(flow->cacheKey, response, requestTarget(flow->exchange->request())))
        m_metrics.cacheSet.inc();
    if (!flow->cacheKey.isEmpty() && m_services.sharedCache)
        m_services.sharedCache->insert(flow->cacheKey, response); // cacheability and minUseCount inside
    if (flow->leader || flow->distributedLease) {
        const SharedResponse shared = CachedResponse::fromResponse(response);
        if (flow->leader) {
            flow->leader->complete(shared); // no-op after fail()
            flow->leader.reset();
        }
        // Other instances get what our own waiters get; server-side errors were
        // failed in finishError() and are not handed over (spec §6.1).
        if (flow->distributedLease) {
            if (response.status < 500)
                flow->distributedLease->complete(shared);
            flow->distributedLease.reset(); // unreleased: released as failed
        }
    }
    deliver(flow, std::move(response));
}

void PipelineResponder::deliver(const FlowPtr &flow, HttpResponse response)
{
    const HttpRequest &request = flow->exchange->request();
    // HEAD of an original carries an explicit Content-Length and no body: Mort
    // ignores conditionals there (spec http-behaviour.md §5).
    if (response.stream) {
        ByteRange range;
        response = applyConditionalAndRangeToStream(request, std::move(response), response.stream->length, &range);
        if (response.status == 200 || response.status == 206) {
            response.stream->offset = range.start;
            response.stream->length = range.length;
        } else {
            response.stream.reset(); // 304/412/416: no body
        }
    } else if (response.status == 200 && !hasHeader(response.headers, "Content-Length")
               && isConditionalOrRange(request)) {
        response = applyConditionalAndRange(request, std::move(response));
    }
    const ConfigPtr &config = flow->snap->config;
    applyResponsePlugins(config->server.plugins, request, flow->transformed(), response);
    if (flow->debug)
        addDebugHeaders(response, *config, flow->object); // after the header rules: overrides Cache-Control
    const auto elapsed = std::chrono::steady_clock::now() - request.received;
    m_metrics.observeRequest(request.method, config->bucket(flow->bucket()) ? flow->bucket().toUtf8() : QByteArray(),
                             elapsed);
    answer(flow->exchange, std::move(response), *config);
}

void PipelineResponder::answer(const HttpExchangePtr &exchange, HttpResponse response, const Config &config)
{
    const HttpRequest &request = exchange->request();
    const auto elapsed = std::chrono::steady_clock::now() - request.received;
    if (config.server.accessLogs)
        writeAccessLog(request, response, elapsed);
    if (m_activityLog.load(std::memory_order_acquire))
        writeActivity(summarizeAccess(request, response, elapsed));
    (exchange->cancelToken().isCancelled() ? m_metrics.requestsClientLeft : m_metrics.requestsServed).inc();
    exchange->respond(std::move(response));
}

void PipelineResponder::rejected(const HttpRejection &rejection)
{
    if (m_activityLog.load(std::memory_order_acquire))
        writeActivity(summarizeRejection(rejection));
}

void PipelineResponder::writeActivity(const AccessSummary &summary)
{
    if (LogRing *ring = m_activityLog.load(std::memory_order_acquire))
        ring->append(summary.level, QStringLiteral("mort.access"), summary.message);
}

void PipelineResponder::runGuarded(QThreadPool &pool, const FlowPtr &flow, std::function<void()> job)
{
    startInPool(pool, [this, flow, job = std::move(job)] {
        const HttpExchangePtr &exchange = flow->exchange;
        try {
            job();
        } catch (const std::exception &e) {
            m_metrics.pipelineExceptions.inc();
            qCWarning(lcPipeline) << "request" << exchange->request().id << "failed:" << e.what();
            answer(exchange, errorResponse(Error::internal("internal.exception", QString::fromUtf8(e.what()))),
                   flow->config());
        } catch (...) {
            m_metrics.pipelineExceptions.inc();
            qCWarning(lcPipeline) << "request" << exchange->request().id << "failed with an unknown exception";
            answer(exchange, errorResponse(Error::internal("internal.exception", QStringLiteral("unknown"))),
                   flow->config());
        }
    });
}

} // namespace mort
