#include "service/objecthandler.h"

#include "core/threadhandoff.h"
#include "http/errorresponse.h"
#include "lock/collapseoutcome.h"
#include "service/cloudinaryupload.h"
#include "service/debugmode.h"
#include "service/internalapi.h"

#include <QFileDevice>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcPipeline, "mort.pipeline")

namespace mort {

ObjectHandler::ObjectHandler(ConfigPtr config, PipelineServices services)
    : m_services(services), m_metrics(*services.metrics)
{
    Q_ASSERT_X(services.metrics, "ObjectHandler", "the pipeline always counts: pass a MortMetrics");
    m_ioPool.setObjectName(QStringLiteral("mort-io"));
    m_ioPool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    m_transformPool.setObjectName(QStringLiteral("mort-transform"));
    m_transformPool.setMaxThreadCount(std::max(1, services.transformThreads));
    setConfig(std::move(config));
}

ObjectHandler::~ObjectHandler()
{
    {
        std::lock_guard lock(m_redisGate->mutex);
        m_redisGate->open = false; // Redis answers from now on resume nothing
    }
    waitForDone(-1); // the pools' jobs use the stages below
}

std::function<void()> ObjectHandler::resumeAfterRedis(const FlowPtr &flow, std::function<void()> job)
{
    return [this, gate = m_redisGate, flow, job = std::move(job)]() mutable {
        std::lock_guard lock(gate->mutex);
        if (gate->open)
            m_responder.runGuarded(m_ioPool, flow, std::move(job));
    };
}

void ObjectHandler::waitForDone(int timeoutMs)
{
    joinPool(m_ioPool, timeoutMs);
    joinPool(m_transformPool, timeoutMs);
}

void ObjectHandler::setConfig(ConfigPtr config, PlaceholderPtr placeholder)
{
    auto snap = std::make_shared<const PipelineSnapshot>(std::move(config), std::move(placeholder), m_services);
    QMutexLocker lock(&m_snapshotMutex);
    m_snapshot = std::move(snap);
}

ConfigPtr ObjectHandler::config() const
{
    return snapshot()->config;
}

SnapshotPtr ObjectHandler::snapshot() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_snapshot;
}

void ObjectHandler::handle(const HttpExchangePtr &exchange)
{
    const HttpRequest &request = exchange->request();
    if (request.internalListener) {
        if (m_internalApi)
            m_internalApi->handle(exchange);
        else
            exchange->respond(errorResponse(Error::notFound()));
        return;
    }
    auto flow = std::make_shared<PipelineFlow>();
    flow->exchange = exchange;
    flow->snap = snapshot();
    const bool debug = debugRequested(request, flow->snap->config->server);
    // Intercepted before the URL is parsed and before S3 auth (spec s3-api.md §7).
    if (const BucketConfig *uploadBucket = cloudinaryUploadBucket(*flow->snap->config, request)) {
        flow->object.bucket = uploadBucket->name;
        m_responder.runGuarded(m_ioPool, flow,
                               [this, flow, uploadBucket] { handleCloudinaryUpload(flow, *uploadBucket); });
        return;
    }
    if (m_s3.route(flow))
        return; // the S3 API (s3/s3api.h): listings, writes, signed requests
    Expected<ObjectRef> parsed = flow->snap->parser->parse(request.path, request.rawQuery);
    if (!parsed) {
        // Parse errors get neither header rules nor CORS (spec http-behaviour.md §2).
        m_responder.answer(exchange, errorResponse(parsed.error(), debug), flow->config());
        return;
    }
    flow->object = std::move(parsed).value();
    flow->debug = debug;
    const ServerConfig &server = flow->snap->config->server;

    if (request.method == "GET" || request.method == "HEAD") {
        if (flow->object.hasTransforms()) {
            // requestTimeout bounds transform requests end to end (spec config.md §2).
            CancelToken token = exchange->cancelToken();
            token.setDeadline(QDeadlineTimer(qint64(server.requestTimeoutSec) * 1000));
            if (server.plugins.webp)
                applyWebpAccept(flow->object, request.header("Accept"));
        }
        flow->workToken = exchange->cancelToken();
        // Range requests and HEAD bypass the cache: we cache whole GET responses only.
        // Debug requests bypass it too: they show what the pipeline does now.
        if (m_services.cache && request.method == "GET" && !hasHeader(request.headers, "Range") && !flow->debug)
            flow->cacheKey = wholeResponseCacheKey(flow->object);
        // A memory-cache hit is answered here, on the HTTP thread: one hash
        // lookup and a shared buffer cost less than the two thread hand-offs of
        // a trip through the I/O pool (tests/bench/RESULTS.md, hot path).
        if (serveFromCache(flow))
            return;
        m_responder.runGuarded(m_ioPool, flow, [this, flow] { handleGet(flow); });
        return;
    }
    if (request.method == "OPTIONS") {
        // Mort answers 405 to OPTIONS (no preflight support); kept until CORS is configurable.
        m_responder.finishError(flow,
                                Error::client("http.method_not_allowed", 405, QStringLiteral("method not allowed")));
        return;
    }
    // s3::route() answers every other method.
    m_responder.finishError(flow, Error::client("http.method_not_allowed", 405, QStringLiteral("method not allowed")));
}

BodyAdmission ObjectHandler::admitBody(const RequestHead &head, bool internalListener)
{
    return internalListener ? BodyAdmission() : m_s3.admitBody(head, *snapshot()->config);
}

void ObjectHandler::handleCloudinaryUpload(const FlowPtr &flow, const BucketConfig &bucket)
{
    // `bucket` lives in flow->snap's config, which the flow keeps alive.
    auto storage = flow->snap->storage(bucket.name, QStringLiteral("basic"), StorageObjectType::Parent);
    const UploadStore store = [&](const QString &key, const QByteArray &body, const ObjectMetadata &meta) {
        if (!storage)
            return Expected<void>(storage.error());
        return (*storage)->put(key, body, meta);
    };
    // Mort's interceptor answers directly: no header rules, no CORS.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const HttpRequest &request = flow->exchange->request();
    if (!request.bodyFile || request.bodyFileSize == 0)
        return m_responder.deliver(flow, cloudinaryUpload(request, bucket, store, now));
    // A spooled form is read through a memory map of its file: the form parser
    // hands out views, and the pages are the page cache's, not the heap's.
    auto *file = qobject_cast<QFileDevice *>(request.bodyFile.get());
    uchar *mapped = file ? file->map(0, request.bodyFileSize) : nullptr;
    if (!mapped)
        return m_responder.finishError(
            flow, Error::internal("http.body_unreadable", QStringLiteral("cannot map the spooled upload")));
    HttpRequest view = request;
    view.body = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), request.bodyFileSize);
    HttpResponse response = cloudinaryUpload(view, bucket, store, now);
    view.body.clear();
    file->unmap(mapped);
    m_responder.deliver(flow, std::move(response));
}

void ObjectHandler::handleGet(const FlowPtr &flow)
{
    if (flow->exchange->cancelToken().isCancelled()) {
        m_responder.countClientLeft();
        return; // the client left while we were queued: nobody to answer
    }
    // handle() tried the memory cache already.
    if (lookupSharedCache(flow))
        return; // continueGet() runs when Redis answered (or did not in time)
    continueGet(flow);
}

void ObjectHandler::continueGet(const FlowPtr &flow)
{
    if (flow->transformed())
        collapseOrLead(flow);
    else
        m_origin.serve(flow);
}

bool ObjectHandler::serveFromCache(const FlowPtr &flow)
{
    if (flow->cacheKey.isEmpty())
        return false;
    SharedResponse hit = m_services.cache->get(flow->cacheKey);
    if (!hit) {
        m_metrics.cacheMiss.inc();
        return false;
    }
    m_metrics.cacheHit.inc();
    // A hit is returned as stored plus x-mort-cache; header rules are not re-run (spec §7).
    HttpResponse response = hit->toHttpResponse();
    response.setHeader("x-mort-cache", "hit");
    m_responder.deliver(flow, std::move(response));
    return true;
}

// A Redis that is down or slow answers Unavailable within its command timeout
// and the request goes on without it (degraded, counted by the cache). No
// thread waits: the flow resumes on the I/O pool from the Redis callback.
bool ObjectHandler::lookupSharedCache(const FlowPtr &flow)
{
    if (!m_services.sharedCache || flow->cacheKey.isEmpty())
        return false;
    m_services.sharedCache->get(flow->cacheKey, [this, flow](RedisCacheLookup lookup) {
        resumeAfterRedis(flow, [this, flow, lookup = std::move(lookup)] {
            if (lookup.status == RedisCacheLookup::Status::Hit) {
                m_metrics.cacheHit.inc();
                HttpResponse response = lookup.response->toHttpResponse();
                response.setHeader("x-mort-cache", "hit");
                m_responder.deliver(flow, std::move(response));
                return;
            }
            if (flow->exchange->cancelToken().isCancelled())
                return m_responder.countClientLeft();
            continueGet(flow);
        })();
    });
    return true;
}

// Identical transform requests share one leader (spec §6.1); the lock key is
// bucket-qualified (peer C2).
void ObjectHandler::collapseOrLead(const FlowPtr &flow)
{
    if (!m_services.collapser)
        return m_transforms.serve(flow);
    CollapseTicket ticket =
        m_services.collapser->acquire(collapseKey(flow->object), flow->exchange->cancelToken(),
                                      [this, flow](CollapseOutcome outcome) { onCollapseOutcome(flow, outcome); });
    if (ticket.isBusy())
        return m_responder.finishError(flow,
                                       Error::upstream("lock.busy", 503, QStringLiteral("server busy, retry"),
                                                       QStringLiteral("too many requests waiting for identical work")));
    if (ticket.isWaiter()) {
        m_metrics.requestCollapsed.inc();
        return; // the callback answers
    }
    flow->leader = std::make_shared<CollapseTicket>(std::move(ticket));
    // The leader's work serves every waiter: it stops for a departed client only
    // when nobody else is waiting (any key: cheap and conservative).
    CancelToken work(flow->exchange->cancelToken().deadline());
    RequestCollapser *collapser = m_services.collapser;
    work.setAbandonedWhen([client = flow->exchange->cancelToken(), collapser] {
        return client.isCancelled() && collapser->stats().liveWaiters == 0;
    });
    flow->workToken = work;
    if (m_services.distributedLock)
        return leadAcrossInstances(flow);
    m_transforms.serve(flow);
}

// Another instance's result is served (and handed to our own waiters) without
// a transform here; Redis not answering degrades to local collapsing.
void ObjectHandler::leadAcrossInstances(const FlowPtr &flow)
{
    auto onOutcome = [this, flow](RedisLockOutcome outcome) {
        resumeAfterRedis(flow, [this, flow, outcome = std::move(outcome)] {
            switch (outcome.status) {
            case RedisLockOutcome::Status::Acquired:
                flow->distributedLease = outcome.lease;
                return m_transforms.serve(flow);
            case RedisLockOutcome::Status::Result:
                m_metrics.requestCollapsed.inc();
                if (flow->leader) {
                    flow->leader->complete(outcome.response);
                    flow->leader.reset();
                }
                return m_responder.deliver(flow, outcome.response->toHttpResponse());
            case RedisLockOutcome::Status::Released:
            case RedisLockOutcome::Status::Unavailable: return m_transforms.serve(flow);
            case RedisLockOutcome::Status::TimedOut:
                if (!serveFromCache(flow))
                    m_responder.finishError(
                        flow,
                        Error::upstream("lock.timeout", 504, QStringLiteral("timeout"),
                                        QStringLiteral("another instance did not finish within lockTimeout")));
                return;
            case RedisLockOutcome::Status::Cancelled:
                if (flow->leader)
                    flow->leader->fail(Error::client("lock.cancelled", 499, QStringLiteral("client closed request")));
                return m_responder.countClientLeft();
            }
        })();
    };
    m_services.distributedLock->acquire(collapseKey(flow->object), flow->workToken, std::move(onOutcome));
}

void ObjectHandler::onCollapseOutcome(const FlowPtr &flow, const CollapseOutcome &outcome)
{
    switch (outcome.status) {
    case CollapseOutcome::Status::Completed: m_responder.deliver(flow, outcome.response->toHttpResponse()); return;
    case CollapseOutcome::Status::LeaderFailed:
        // Nothing shareable: try the cache, else do the work ourselves (spec §6.1).
        m_responder.runGuarded(m_ioPool, flow, [this, flow] {
            if (!serveFromCache(flow))
                m_transforms.serve(flow);
        });
        return;
    case CollapseOutcome::Status::TimedOut:
        m_responder.runGuarded(m_ioPool, flow, [this, flow, error = outcome.error] {
            if (!serveFromCache(flow))
                m_responder.finishError(flow, error);
        });
        return;
    case CollapseOutcome::Status::Cancelled: m_responder.countClientLeft(); return; // the client left: nobody to answer
    }
}

void ObjectHandler::rejected(const HttpRejection &rejection)
{
    m_responder.rejected(rejection);
}

} // namespace mort
