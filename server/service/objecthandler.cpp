#include "service/objecthandler.h"

#include "core/threadhandoff.h"
#include "cache/cacheability.h"
#include "http/conditionalresponse.h"
#include "http/errorresponse.h"
#include "service/accesslog.h"
#include "service/activecontent.h"
#include "service/cloudinaryupload.h"
#include "service/debugmode.h"
#include "service/internalapi.h"
#include "service/responseheaders.h"
#include "service/responseplugins.h"
#include "service/watermarksource.h"
#include "storage/contenttype.h"
#include "storage/noopstorage.h"
#include "lock/collapseoutcome.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QIODevice>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcPipeline, "mort.pipeline")

namespace mort {

struct ObjectHandler::Snapshot
{
    ConfigPtr config;
    std::unique_ptr<ObjectParser> parser;
    // One processor per bucket: limits can differ per bucket and never come from the URL.
    QHash<QString, std::shared_ptr<ImageProcessor>> processors;
    std::shared_ptr<Storage> noop = std::make_shared<NoopStorage>();
    PlaceholderPtr placeholder; // server.placeholder, loaded; null when not configured

    const ImageProcessor &processor(const QString &bucket) const { return *processors.value(bucket); }
};

namespace {

HttpResponse responseFromStored(const ObjectMetadata &meta, QByteArray body)
{
    HttpResponse r;
    r.status = 200;
    if (!meta.contentType.isEmpty())
        r.setHeader("Content-Type", meta.contentType);
    if (!meta.etag.isEmpty())
        r.setHeader("ETag", meta.etag);
    if (meta.lastModified.isValid())
        r.setHeader("Last-Modified", httpDate(meta.lastModified));
    for (const auto &h : meta.headers)
        r.setHeader(h.first, h.second);
    r.body = std::move(body);
    return r;
}

// GET of a key that is a directory: Mort answers 404 with an empty XML-typed body.
HttpResponse directoryResponse()
{
    HttpResponse r(404);
    r.setHeader("Content-Type", "application/xml");
    return r;
}

Error stoppedError(const CancelToken &token)
{
    if (token.isCancelled())
        return Error::client("request.cancelled", 499, QStringLiteral("client closed request"));
    // Peer R3: a deadline is 504 for a client that is still there, not 499.
    return Error::upstream("request.timeout", 504, QStringLiteral("request timed out"),
                           QStringLiteral("requestTimeout passed"));
}

} // namespace


// Everything one request carries through the pipeline, across threads.
struct ObjectHandler::Flow
{
    HttpExchangePtr exchange;
    std::shared_ptr<const Snapshot> snap;
    ObjectRef object;
    QString cacheKey; // empty: this response is neither looked up nor stored
    // Set while this request leads a collapsed transform: its response goes to every waiter.
    std::shared_ptr<CollapseTicket> leader;
    // Set while this request also leads the key for every instance (lock.type redis*);
    // released as failed when the flow ends without complete().
    std::shared_ptr<RedisLockLease> distributedLease;
    // What transform work obeys: the client's token, or for a leader a token that
    // only gives up when the client left and nobody else waits (spec §6.1).
    CancelToken workToken;
    bool debug = false; // X-Mort-Debug from a local client (service/debugmode.h)

    const QString &bucket() const { return object.bucket; }
    bool transformed() const { return object.hasTransforms(); }
};

ObjectHandler::ObjectHandler(ConfigPtr config, PipelineServices services)
    : m_services(services), m_tasks(services.tasks)
{
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
    waitForDone(-1);
}

std::function<void()> ObjectHandler::resumeAfterRedis(const FlowPtr &flow, std::function<void()> job)
{
    return [this, gate = m_redisGate, flow, job = std::move(job)]() mutable {
        std::lock_guard lock(gate->mutex);
        if (gate->open)
            runGuarded(m_ioPool, flow->exchange, std::move(job));
    };
}

void ObjectHandler::waitForDone(int timeoutMs)
{
    joinPool(m_ioPool, timeoutMs);
    joinPool(m_transformPool, timeoutMs);
}

void ObjectHandler::setConfig(ConfigPtr config, PlaceholderPtr placeholder)
{
    auto snap = std::make_shared<Snapshot>();
    snap->config = config;
    snap->placeholder = std::move(placeholder);
    snap->parser = std::make_unique<ObjectParser>(config);
    for (auto it = config->buckets.cbegin(); it != config->buckets.cend(); ++it) {
        const LimitsConfig limits = it->effectiveLimits(config->server.limits);
        const QString bucket = it.key();
        // The bucket config lives in `config`, which the snapshot keeps alive.
        snap->processors.insert(bucket, std::make_shared<ImageProcessor>(
                                            limits, bucketWatermarkSource(&*it, bucket, m_services.storages)));
    }
    QMutexLocker lock(&m_snapshotMutex);
    m_snapshot = std::move(snap);
}

ConfigPtr ObjectHandler::config() const
{
    return snapshot()->config;
}

std::shared_ptr<const ObjectHandler::Snapshot> ObjectHandler::snapshot() const
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
    auto flow = std::make_shared<Flow>();
    flow->exchange = exchange;
    flow->snap = snapshot();
    const bool debug = debugRequested(request, flow->snap->config->server);
    // Intercepted before the URL is parsed and before S3 auth (spec s3-api.md §7).
    if (const BucketConfig *uploadBucket = cloudinaryUploadBucket(*flow->snap->config, request)) {
        flow->object.bucket = uploadBucket->name;
        runGuarded(m_ioPool, exchange, [this, flow, uploadBucket] { handleCloudinaryUpload(flow, *uploadBucket); });
        return;
    }
    Expected<ObjectRef> parsed = flow->snap->parser->parse(request.path, request.rawQuery);
    if (!parsed) {
        // Parse errors get neither header rules nor CORS (spec http-behaviour.md §2).
        answer(exchange, errorResponse(parsed.error(), debug), *flow->snap->config);
        return;
    }
    flow->object = std::move(parsed).value();
    flow->debug = debug;
    const ServerConfig &server = flow->snap->config->server;

    if (request.method == "GET" || request.method == "HEAD") {
        if (flow->object.key.isEmpty()) {
            finishError(flow, Error::client("s3.listing_unsupported", 501,
                                            QStringLiteral("bucket listing is not supported yet")));
            return;
        }
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
            // A transform whose result key equals the request key (resultKey: "") must
            // not share an entry with the original it is made from.
            flow->cacheKey = (flow->object.hasTransforms() ? QStringLiteral("transform:") : QString())
                             + responseCacheKey(flow->object, {});
        runGuarded(m_ioPool, exchange, [this, flow] { handleGet(flow); });
        return;
    }
    if (request.method == "OPTIONS") {
        // Mort answers 405 to OPTIONS (no preflight support); kept until CORS is configurable.
        finishError(flow, Error::client("http.method_not_allowed", 405, QStringLiteral("method not allowed")));
        return;
    }
    // Writes need S3 authentication, which is not implemented yet: Mort answers an
    // unsigned write with 401 and an empty body.
    HttpResponse unauthorized(401, {}, "text/plain");
    unauthorized.setHeader("X-Mort-Error", "s3.auth_required");
    answer(exchange, std::move(unauthorized), *flow->snap->config);
}

void ObjectHandler::handleCloudinaryUpload(const FlowPtr &flow, const BucketConfig &bucket)
{
    // `bucket` lives in flow->snap's config, which the flow keeps alive.
    auto storage = storageFor(*flow->snap, bucket.name, QStringLiteral("basic"));
    const UploadStore store = [&](const QString &key, const QByteArray &body, const ObjectMetadata &meta) {
        if (!storage)
            return Expected<void>(storage.error());
        return storagePut(**storage, key, body, meta, StorageObjectType::Parent);
    };
    // Mort's interceptor answers directly: no header rules, no CORS.
    deliver(flow, cloudinaryUpload(flow->exchange->request(), bucket, store, QDateTime::currentDateTimeUtc()));
}

void ObjectHandler::runGuarded(QThreadPool &pool, const HttpExchangePtr &exchange, std::function<void()> job)
{
    startInPool(pool, [this, exchange, job = std::move(job)] {
        try {
            job();
        } catch (const std::exception &e) {
            m_counters.taskExceptions++;
            qCWarning(lcPipeline) << "request" << exchange->request().id << "failed:" << e.what();
            answer(exchange, errorResponse(Error::internal("internal.exception", QString::fromUtf8(e.what()))),
                   *snapshot()->config);
        } catch (...) {
            m_counters.taskExceptions++;
            qCWarning(lcPipeline) << "request" << exchange->request().id << "failed with an unknown exception";
            answer(exchange, errorResponse(Error::internal("internal.exception", QStringLiteral("unknown"))),
                   *snapshot()->config);
        }
    });
}

void ObjectHandler::handleGet(const FlowPtr &flow)
{
    if (flow->exchange->cancelToken().isCancelled()) {
        m_counters.clientLeft++;
        return; // the client left while we were queued: nobody to answer
    }
    if (serveFromCache(flow))
        return;
    if (lookupSharedCache(flow))
        return; // continueGet() runs when Redis answered (or did not in time)
    continueGet(flow);
}

void ObjectHandler::continueGet(const FlowPtr &flow)
{
    if (!flow->object.hasTransforms()) {
        if (flow->object.parent)
            serveParentUnchanged(flow);
        else
            serveStored(flow);
        return;
    }
    collapseOrLead(flow);
}

// cache.type redis*: after a miss of the in-process cache, the shared one. No
// thread waits: the flow resumes on the I/O pool from the Redis callback; a
// Redis that is down or slow answers Unavailable within its command timeout
// and the request goes on without it (degraded, counted by the cache).
bool ObjectHandler::lookupSharedCache(const FlowPtr &flow)
{
    if (!m_services.sharedCache || flow->cacheKey.isEmpty())
        return false;
    m_services.sharedCache->get(flow->cacheKey, [this, flow](RedisCacheLookup lookup) {
        resumeAfterRedis(flow, [this, flow, lookup = std::move(lookup)] {
            if (lookup.status == RedisCacheLookup::Status::Hit) {
                m_counters.cacheHits++;
                if (m_services.metrics)
                    m_services.metrics->cacheHit.inc();
                HttpResponse response = lookup.response->toHttpResponse();
                response.setHeader("x-mort-cache", "hit");
                deliver(flow, std::move(response));
                return;
            }
            if (flow->exchange->cancelToken().isCancelled()) {
                m_counters.clientLeft++;
                return;
            }
            continueGet(flow);
        })();
    });
    return true;
}

bool ObjectHandler::serveFromCache(const FlowPtr &flow)
{
    if (flow->cacheKey.isEmpty())
        return false;
    SharedResponse hit = m_services.cache->get(flow->cacheKey);
    if (!hit) {
        if (m_services.metrics)
            m_services.metrics->cacheMiss.inc();
        return false;
    }
    m_counters.cacheHits++;
    if (m_services.metrics)
        m_services.metrics->cacheHit.inc();
    // A hit is returned as stored plus x-mort-cache; header rules are not re-run (spec §7).
    HttpResponse response = hit->toHttpResponse();
    response.setHeader("x-mort-cache", "hit");
    deliver(flow, std::move(response));
    return true;
}

// Identical transform requests share one leader (spec §6.1); the lock key is
// bucket-qualified (peer C2).
void ObjectHandler::collapseOrLead(const FlowPtr &flow)
{
    if (!m_services.collapser)
        return serveTransform(flow);
    CollapseTicket ticket = m_services.collapser->acquire(
        collapseKey(flow->object), flow->exchange->cancelToken(),
        [this, flow](CollapseOutcome outcome) { onCollapseOutcome(flow, outcome); });
    if (ticket.isBusy())
        return finishError(flow, Error::upstream("lock.busy", 503, QStringLiteral("server busy, retry"),
                                                 QStringLiteral("too many requests waiting for identical work")));
    if (ticket.isWaiter()) {
        m_counters.collapsed++;
        if (m_services.metrics)
            m_services.metrics->requestCollapsed.inc();
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
    serveTransform(flow);
}

// lock.type redis*: this instance's leader asks Redis who leads the key over
// all instances. Another instance's result is served (and handed to our own
// waiters) without a transform here; Redis not answering degrades to local
// collapsing: we run the flow ourselves.
void ObjectHandler::leadAcrossInstances(const FlowPtr &flow)
{
    m_services.distributedLock->acquire(collapseKey(flow->object), flow->workToken, [this, flow](RedisLockOutcome outcome) {
        resumeAfterRedis(flow, [this, flow, outcome = std::move(outcome)] {
            switch (outcome.status) {
            case RedisLockOutcome::Status::Acquired:
                flow->distributedLease = outcome.lease;
                serveTransform(flow);
                return;
            case RedisLockOutcome::Status::Result: {
                m_counters.collapsed++;
                if (m_services.metrics)
                    m_services.metrics->requestCollapsed.inc();
                if (flow->leader) {
                    flow->leader->complete(outcome.response);
                    flow->leader.reset();
                }
                deliver(flow, outcome.response->toHttpResponse());
                return;
            }
            case RedisLockOutcome::Status::Released:
            case RedisLockOutcome::Status::Unavailable:
                serveTransform(flow);
                return;
            case RedisLockOutcome::Status::TimedOut:
                if (!serveFromCache(flow))
                    finishError(flow, Error::upstream("lock.timeout", 504, QStringLiteral("timeout"),
                                                      QStringLiteral("another instance did not finish within lockTimeout")));
                return;
            case RedisLockOutcome::Status::Cancelled:
                if (flow->leader)
                    flow->leader->fail(Error::client("lock.cancelled", 499, QStringLiteral("client closed request")));
                m_counters.clientLeft++;
                return;
            }
        })();
    });
}

void ObjectHandler::onCollapseOutcome(const FlowPtr &flow, const CollapseOutcome &outcome)
{
    switch (outcome.status) {
    case CollapseOutcome::Status::Completed:
        deliver(flow, outcome.response->toHttpResponse());
        return;
    case CollapseOutcome::Status::LeaderFailed:
        // Nothing shareable: try the cache, else do the work ourselves (spec §6.1).
        runGuarded(m_ioPool, flow->exchange, [this, flow] {
            if (!serveFromCache(flow))
                serveTransform(flow);
        });
        return;
    case CollapseOutcome::Status::TimedOut:
        runGuarded(m_ioPool, flow->exchange, [this, flow, error = outcome.error] {
            if (!serveFromCache(flow))
                finishError(flow, error);
        });
        return;
    case CollapseOutcome::Status::Cancelled:
        m_counters.clientLeft++;
        return; // the client left: nobody to answer
    }
}

Expected<std::shared_ptr<Storage>> ObjectHandler::storageFor(const Snapshot &snap, const QString &bucket,
                                                             const QString &storageName)
{
    if (storageName == QLatin1String("noop"))
        return snap.noop;
    const StorageConfig *cfg = snap.config->storage(bucket, storageName);
    if (!cfg)
        return Error::upstream("storage.not_configured", 503, QStringLiteral("storage unavailable"),
                               QStringLiteral("bucket %1 has no storage named %2").arg(bucket, storageName));
    return m_services.storages->client(*cfg, bucket);
}

void ObjectHandler::serveStored(const FlowPtr &flow)
{
    const ObjectRef &object = flow->object;
    auto storage = storageFor(*flow->snap, object.bucket, object.storageName);
    if (!storage)
        return finishError(flow, storage.error());
    if (flow->exchange->request().isHead()) {
        // HEAD of an original: metadata only, no body read (spec §4).
        auto meta = storageHead(**storage, object.key, StorageObjectType::Parent);
        if (!meta)
            return finishError(flow, meta.error());
        if (meta->isDirectory)
            return finish(flow, directoryResponse());
        HttpResponse r = responseFromStored(*meta, {});
        r.setHeader("Content-Length", QByteArray::number(meta->size));
        guardActiveContent(r, {}); // by the declared type: HEAD reads no bytes
        countDownload();
        return finish(flow, std::move(r));
    }
    // One storage call gives metadata and a readable body (seed 13: Mort did HEAD then GET).
    ObjectMetadata meta;
    auto device = storageOpen(**storage, object.key, &meta);
    if (!device)
        return finishError(flow, device.error());
    if (meta.isDirectory)
        return finish(flow, directoryResponse());
    // maxFileSize (config.md §2): Mort redirects larger originals to a presigned
    // storage URL (307); only S3 presigns, and our storages cannot: 503 as Mort
    // answers for storages without presign support.
    const qint64 maxFileSize = flow->snap->config->server.maxFileSize;
    if (maxFileSize > 0 && meta.size > maxFileSize)
        return finishError(flow, Error::upstream("storage.presign_unsupported", 503,
                                                 QStringLiteral("storage unavailable"),
                                                 QStringLiteral("%1 bytes > maxFileSize %2 and storage %3 cannot presign")
                                                     .arg(meta.size)
                                                     .arg(maxFileSize)
                                                     .arg((*storage)->kind())));
    countDownload();
    if (meta.size <= flow->snap->config->server.cache.maxCacheItemBytes()) {
        HttpResponse response = responseFromStored(meta, (*device)->readAll());
        guardActiveContent(response, response.body);
        return finish(flow, std::move(response));
    }
    // Too large to cache (spec §7) or to hold: stream it from storage to the socket
    // in bounded pieces (seed 9: Mort copied large files several times).
    HttpResponse response = responseFromStored(meta, {});
    guardActiveContent(response, (*device)->peek(contenttype::SniffLength));
    std::shared_ptr<QIODevice> body(device->release());
    body->moveToThread(nullptr); // read on the HTTP thread from now on
    response.stream = std::make_shared<BodyStream>(BodyStream{std::move(body), 0, meta.size});
    flow->cacheKey.clear();
    finish(flow, std::move(response));
}

// A parent without transforms is served unchanged, but only when it is an image (spec §4).
void ObjectHandler::serveParentUnchanged(const FlowPtr &flow)
{
    const ObjectRef &parent = *flow->object.parent;
    auto storage = storageFor(*flow->snap, parent.bucket, parent.storageName);
    if (!storage)
        return finishError(flow, storage.error());
    auto stored = storageGet(**storage, parent.key, StorageObjectType::Parent);
    if (!stored)
        return finishError(flow, stored.error());
    if (stored->meta.isDirectory || !stored->meta.contentType.contains("image/"))
        return finishError(flow, Error::notFound(QStringLiteral("parent is not an image")));
    countDownload();
    HttpResponse response = responseFromStored(stored->meta, std::move(stored->body));
    guardActiveContent(response, response.body);
    finish(flow, std::move(response));
}

void ObjectHandler::serveTransform(const FlowPtr &flow)
{
    const Snapshot &snap = *flow->snap;
    const ObjectRef &object = flow->object;
    const ObjectRef &root = object.root();
    {
        // 1. A stored result from an earlier request.
        auto results = storageFor(snap, object.bucket, object.storageName);
        if (!results)
            return finishError(flow, results.error());
        auto stored = storageGet(**results, object.key, StorageObjectType::Transform);
        if (stored && !stored->meta.isDirectory) {
            if (object.checkParent) {
                auto parentStorage = storageFor(snap, root.bucket, root.storageName);
                if (!parentStorage)
                    return finishError(flow, parentStorage.error());
                auto parentMeta = storageHead(**parentStorage, root.key, StorageObjectType::Parent);
                if (!parentMeta)
                    return finishError(flow, parentMeta.error());
            }
            countDownload();
            return finish(flow, responseFromStored(stored->meta, std::move(stored->body)));
        }
        if (!stored && !stored.error().isNotFound())
            return finishError(flow, stored.error());
    }

    // 2. Admission: concurrentImageProcessing bounds transforms queued or running.
    // Admitted before the original is read, and the original is read by the
    // worker itself: a queued transform holds no image bytes, so memory does
    // not grow with the queue (bench: 24 MP sources queued behind 2 workers).
    // (Remote storages will want an async prefetch with a byte budget here.)
    if (!admitTransform(snap.config->server)) {
        m_counters.throttled++;
        if (m_services.metrics)
            m_services.metrics->requestThrottled.inc();
        return finishError(flow, Error::upstream("request.throttled", 503, QStringLiteral("server busy, retry"),
                                                 QStringLiteral("concurrentImageProcessing reached")));
    }
    // The transform is a live task from admission on: queued jobs count too,
    // so "every task back to idle" also means "no transform waiting".
    auto admitted = std::make_shared<TaskScope>(m_tasks, TaskKind::Transform);
    runGuarded(m_transformPool, flow->exchange, [this, flow, admitted] { runTransform(flow, *admitted); });
}

bool ObjectHandler::admitTransform(const ServerConfig &server)
{
    if (m_counters.transformsInFlight.fetch_add(1) < server.concurrentImageProcessing)
        return true;
    m_counters.transformsInFlight--;
    return false;
}

void ObjectHandler::runTransform(const FlowPtr &flow, TaskScope &admitted)
{
    // The slot (and its task) is released before the response goes out: a
    // client's next request must find it free (bench: 503s at exactly c = the limit).
    struct Slot
    {
        std::atomic<qint64> *counter;
        TaskScope *task;
        void release()
        {
            if (counter)
                (*counter)--;
            counter = nullptr;
            task->release();
        }
        ~Slot() { release(); }
    } slot{&m_counters.transformsInFlight, &admitted};
    const CancelToken &token = flow->workToken;
    if (token.shouldStop()) {
        slot.release();
        return finishError(flow, stoppedError(token));
    }
    const Snapshot &snap = *flow->snap;
    const ObjectRef &object = flow->object;
    const ObjectRef &root = object.root();
    auto fail = [&](const Error &error) {
        slot.release();
        finishError(flow, error);
    };

    // 3. The original at the end of the parent chain.
    auto parentStorage = storageFor(snap, root.bucket, root.storageName);
    if (!parentStorage)
        return fail(parentStorage.error());
    Expected<StoredObject> parent = storageGet(**parentStorage, root.key, StorageObjectType::Parent);
    if (!parent)
        return fail(parent.error());
    if (parent->meta.isDirectory || !parent->meta.contentType.contains("image/"))
        return fail(Error::notFound(QStringLiteral("parent is not an image")));
    const LimitsConfig &limits = snap.processor(object.bucket).limits();
    if (parent->body.size() > limits.maxParentBytes)
        return fail(Error::client("image.source_too_large", 422,
                                  QStringLiteral("the source image is larger than the server accepts"),
                                  QStringLiteral("%1 bytes > limits.maxParentBytes %2")
                                      .arg(parent->body.size())
                                      .arg(limits.maxParentBytes)));
    QByteArray source = std::move(parent->body);

    // 4. libvips.
    const auto started = std::chrono::steady_clock::now();
    Expected<ProcessedImage> image = [&] {
        m_counters.transformsExecuted++;
        return snap.processor(object.bucket).process(source, mergeChain(object.transformChain()), token);
    }();
    slot.release();
    if (m_services.metrics) {
        m_services.metrics->observeTransform(std::chrono::steady_clock::now() - started, image.ok());
        if (image.ok())
            m_services.metrics->requestTransform.inc();
    }
    source = QByteArray(); // the original is no longer needed: free it before the response is written
    if (!image) {
        m_counters.transformsFailed++;
        return finishError(flow, image.error());
    }
    HttpResponse r;
    r.status = 200;
    const QByteArray md5 = QCryptographicHash::hash(image->body, QCryptographicHash::Md5).toHex();
    // Peer C4: a quoted strong ETag, so If-None-Match works on fresh results too.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    r.setHeader("Content-Type", image->contentType);
    r.setHeader("ETag", '"' + md5 + '"');
    r.setHeader("Last-Modified", httpDate(now));
    r.setHeader("x-amz-meta-public-width", QByteArray::number(image->width));
    r.setHeader("x-amz-meta-public-height", QByteArray::number(image->height));
    r.body = image->body; // shared, not copied: the store below holds the same bytes

    ObjectMetadata meta;
    meta.contentType = image->contentType;
    meta.etag = md5;
    meta.lastModified = now;
    meta.size = image->body.size();
    meta.headers = {{"etag", md5},
                    {"x-amz-meta-public-width", QByteArray::number(image->width)},
                    {"x-amz-meta-public-height", QByteArray::number(image->height)}};
    storeResult(flow, image->body, std::move(meta));
    finish(flow, std::move(r));
}

void ObjectHandler::storeResult(const FlowPtr &flow, QByteArray body, ObjectMetadata meta)
{
    auto snap = flow->snap;
    auto object = std::make_shared<const ObjectRef>(flow->object);
    const bool queued = m_services.background->post([this, snap, object, body = std::move(body),
                                                     meta = std::move(meta)] {
        auto storage = storageFor(*snap, object->bucket, object->storageName);
        if (!storage) {
            m_counters.storeFailures++;
            return;
        }
        Expected<void> written = storagePut(**storage, object->key, body, meta);
        if (written) {
            m_counters.resultsStored++;
        } else {
            // Mort only logs a failed store: the client already has its image.
            m_counters.storeFailures++;
            qCWarning(lcPipeline) << "storing result" << object->key << "failed:" << written.error().toString();
        }
    });
    if (!queued)
        qCWarning(lcPipeline) << "background queue full: result" << flow->object.key << "not stored";
}

Expected<StoredObject> ObjectHandler::storageGet(Storage &storage, const QString &key, StorageObjectType type)
{
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    const auto started = std::chrono::steady_clock::now();
    Expected<StoredObject> result = storage.get(key);
    if (m_services.metrics)
        m_services.metrics->observeStorage(StorageMethod::Get, {}, storage.kind().toLatin1(), type,
                                           std::chrono::steady_clock::now() - started,
                                           result ? result->body.size() : 0);
    return result;
}

Expected<std::unique_ptr<QIODevice>> ObjectHandler::storageOpen(Storage &storage, const QString &key,
                                                               ObjectMetadata *meta)
{
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    const auto started = std::chrono::steady_clock::now();
    Expected<std::unique_ptr<QIODevice>> result = storage.openRead(key, meta);
    if (m_services.metrics)
        m_services.metrics->observeStorage(StorageMethod::Get, {}, storage.kind().toLatin1(),
                                           StorageObjectType::Parent, std::chrono::steady_clock::now() - started,
                                           result ? meta->size : 0);
    return result;
}

Expected<ObjectMetadata> ObjectHandler::storageHead(Storage &storage, const QString &key, StorageObjectType type)
{
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    const auto started = std::chrono::steady_clock::now();
    Expected<ObjectMetadata> result = storage.head(key);
    if (m_services.metrics)
        m_services.metrics->observeStorage(StorageMethod::Head, {}, storage.kind().toLatin1(), type,
                                           std::chrono::steady_clock::now() - started);
    return result;
}

Expected<void> ObjectHandler::storagePut(Storage &storage, const QString &key, const QByteArray &body,
                                         const ObjectMetadata &meta, StorageObjectType type)
{
    TaskScope store(m_tasks, TaskKind::Store);
    const auto started = std::chrono::steady_clock::now();
    Expected<void> result = storage.put(key, body, meta);
    if (m_services.metrics)
        m_services.metrics->observeStorage(StorageMethod::Set, {}, storage.kind().toLatin1(), type,
                                           std::chrono::steady_clock::now() - started,
                                           body.size());
    return result;
}

void ObjectHandler::countDownload()
{
    m_counters.downloads++;
    if (m_services.metrics)
        m_services.metrics->requestDownload.inc();
}

void ObjectHandler::finishError(const FlowPtr &flow, const Error &error)
{
    const HttpRequest &request = flow->exchange->request();
    if (error.httpStatus >= 500)
        qCWarning(lcPipeline) << "request" << request.id << request.path << error.toString();
    // Server-side trouble is not shared with collapsed waiters: they retry (spec §6.1).
    if (flow->leader && error.httpStatus >= 500)
        flow->leader->fail(error);
    if (flow->distributedLease && error.httpStatus >= 500) {
        flow->distributedLease->fail();
        flow->distributedLease.reset();
    }
    // Debug requests see the real error (spec §9: debug disables the placeholder).
    if (flow->snap->placeholder && flow->transformed() && !flow->debug && placeholderAnswers(error.httpStatus))
        return finish(flow, placeholderResponse(flow, error));
    finish(flow, errorResponse(error, flow->debug));
}

HttpResponse ObjectHandler::placeholderResponse(const FlowPtr &flow, const Error &error)
{
    const PlaceholderImage &placeholder = *flow->snap->placeholder;
    // Mort's key: the placeholder as configured + the object's transform hash in hex.
    const QString key = placeholder.source + QString::number(flow->object.transforms.hash(), 16);
    // The error's headers (X-Mort-Error, Retry-After) with an image body.
    HttpResponse response = errorResponse(error, false);
    if (SharedResponse rendered = m_services.cache ? m_services.cache->get(key) : SharedResponse()) {
        const HttpResponse cached = rendered->toHttpResponse(); // body shared, not copied
        response.body = cached.body;
        response.setHeader("Content-Type", cached.header("Content-Type"));
    } else {
        response.body = placeholder.body;
        response.setHeader("Content-Type", placeholder.contentType);
        renderPlaceholder(flow, key);
    }
    return response;
}

void ObjectHandler::renderPlaceholder(const FlowPtr &flow, const QString &cacheKey)
{
    if (!m_services.cache)
        return; // nowhere to keep the render: the plain placeholder is served
    std::shared_ptr<const Snapshot> snap = flow->snap;
    const ServerConfig &server = snap->config->server;
    {
        QMutexLocker lock(&m_placeholderMutex);
        if (m_placeholderRenders.contains(cacheKey))
            return; // another error is rendering it (Mort: a collapse lock on the key)
        if (!admitTransform(server))
            return; // busy: a later error tries again
        m_placeholderRenders.insert(cacheKey);
    }
    auto task = std::make_shared<TaskScope>(m_tasks, TaskKind::Transform);
    CancelToken token(QDeadlineTimer(qint64(server.requestTimeoutSec) * 1000));
    startInPool(m_transformPool, [this, snap, task, token, cacheKey, bucket = flow->bucket(),
                                  transforms = flow->object.transforms] {
        try {
            Expected<ProcessedImage> image =
                snap->processor(bucket).process(snap->placeholder->body, mergeChain({transforms}), token);
            if (image) {
                HttpResponse rendered(200, image->body, image->contentType);
                m_services.cache->insert(cacheKey, CachedResponse::fromResponse(rendered), 600);
            } else {
                qCWarning(lcPipeline) << "rendering the placeholder for" << cacheKey << "failed:"
                                      << image.error().toString();
            }
        } catch (const std::exception &e) {
            m_counters.taskExceptions++;
            qCWarning(lcPipeline) << "rendering the placeholder failed:" << e.what();
        }
        m_counters.transformsInFlight--;
        task->release();
        QMutexLocker lock(&m_placeholderMutex);
        m_placeholderRenders.remove(cacheKey);
    });
}

void ObjectHandler::finish(const FlowPtr &flow, HttpResponse response)
{
    const Snapshot &snap = *flow->snap;
    applyHeaderRules(*snap.config, snap.config->bucket(flow->bucket()), response);
    applyCorsHeaders(response);
    // Cache first, then release the waiters: a request arriving in between finds
    // the cache filled instead of becoming a second leader.
    if (!flow->cacheKey.isEmpty() && isCacheable(response, m_services.cache->maxItemBytes())
        && m_useCounter.reached(flow->cacheKey, snap.config->server.cache.minUseCount)
        && m_services.cache->insert(flow->cacheKey, response, requestTarget(flow->exchange->request()))
        && m_services.metrics)
        m_services.metrics->cacheSet.inc();
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

void ObjectHandler::deliver(const FlowPtr &flow, HttpResponse response)
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
    if (m_services.metrics)
        m_services.metrics->observeRequest(request.method,
                                           config->bucket(flow->bucket()) ? flow->bucket().toUtf8() : QByteArray(),
                                           elapsed);
    answer(flow->exchange, std::move(response), *config);
}

void ObjectHandler::answer(const HttpExchangePtr &exchange, HttpResponse response, const Config &config)
{
    const HttpRequest &request = exchange->request();
    const auto elapsed = std::chrono::steady_clock::now() - request.received;
    if (config.server.accessLogs)
        writeAccessLog(request, response, elapsed);
    if (m_activityLog.load(std::memory_order_acquire))
        writeActivity(summarizeAccess(request, response, elapsed));
    (exchange->cancelToken().isCancelled() ? m_counters.clientLeft : m_counters.answered)++;
    exchange->respond(std::move(response));
}

void ObjectHandler::rejected(const HttpRejection &rejection)
{
    if (m_activityLog.load(std::memory_order_acquire))
        writeActivity(summarizeRejection(rejection));
}

void ObjectHandler::writeActivity(const AccessSummary &summary)
{
    if (LogRing *ring = m_activityLog.load(std::memory_order_acquire))
        ring->append(summary.level, QStringLiteral("mort.access"), summary.message);
}

} // namespace mort
