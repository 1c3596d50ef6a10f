#include "service/objecthandler.h"

#include "http/conditionalresponse.h"
#include "http/errorresponse.h"
#include "service/internalapi.h"
#include "service/responseheaders.h"
#include "service/responseplugins.h"
#include "storage/noopstorage.h"

#include <QCryptographicHash>
#include <QDateTime>
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

ObjectHandler::ObjectHandler(ConfigPtr config, TaskRegistry *tasks, StorageClientCache *storages,
                             BackgroundQueue *background, int transformThreads)
    : m_tasks(tasks), m_storages(storages), m_background(background)
{
    m_ioPool.setObjectName(QStringLiteral("mort-io"));
    m_ioPool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    m_transformPool.setObjectName(QStringLiteral("mort-transform"));
    m_transformPool.setMaxThreadCount(std::max(1, transformThreads));
    setConfig(std::move(config));
}

ObjectHandler::~ObjectHandler()
{
    waitForDone(-1);
}

void ObjectHandler::waitForDone(int timeoutMs)
{
    m_ioPool.waitForDone(timeoutMs);
    m_transformPool.waitForDone(timeoutMs);
}

void ObjectHandler::setConfig(ConfigPtr config)
{
    auto snap = std::make_shared<Snapshot>();
    snap->config = config;
    snap->parser = std::make_unique<ObjectParser>(config);
    for (auto it = config->buckets.cbegin(); it != config->buckets.cend(); ++it) {
        const LimitsConfig limits = it->effectiveLimits(config->server.limits);
        const QString bucket = it.key();
        // Watermarks only from the bucket's own originals (peer S6: no local paths, no URLs).
        auto source = [this, config, bucket](const QString &image) -> Expected<QByteArray> {
            if (image.startsWith(QLatin1String("http:")) || image.startsWith(QLatin1String("https:")))
                return Error::badRequest("image.watermark_unavailable",
                                         QStringLiteral("watermark URLs are not allowed; use a key of the bucket"));
            const BucketConfig *b = config->bucket(bucket);
            const StorageConfig *basic = b ? b->storage(QStringLiteral("basic")) : nullptr;
            if (!basic)
                return Error::badRequest("image.watermark_unavailable", QStringLiteral("no basic storage"));
            auto storage = m_storages->client(*basic, bucket);
            if (!storage)
                return storage.takeError();
            auto object = (*storage)->get(image.startsWith(QLatin1Char('/')) ? image : QLatin1Char('/') + image);
            if (!object)
                return Error::badRequest("image.watermark_unavailable", object.error().toString());
            return object->body;
        };
        snap->processors.insert(bucket, std::make_shared<ImageProcessor>(limits, source));
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
    std::shared_ptr<const Snapshot> snap = snapshot();
    Expected<ObjectRef> parsed = snap->parser->parse(request.path, request.rawQuery);
    if (!parsed) {
        // Parse errors get neither header rules nor CORS (spec http-behaviour.md §2).
        exchange->respond(errorResponse(parsed.error()));
        return;
    }
    ObjectRef object = std::move(parsed).value();

    if (request.method == "GET" || request.method == "HEAD") {
        if (object.key.isEmpty()) {
            finishError(exchange, *snap, object.bucket,
                        Error::client("s3.listing_unsupported", 501, QStringLiteral("bucket listing is not supported yet")));
            return;
        }
        if (object.hasTransforms()) {
            // requestTimeout bounds transform requests end to end (spec config.md §2).
            CancelToken token = exchange->cancelToken();
            token.setDeadline(QDeadlineTimer(qint64(snap->config->server.requestTimeoutSec) * 1000));
            if (snap->config->server.plugins.webp)
                applyWebpAccept(object, request.header("Accept"));
        }
        runGuarded(m_ioPool, exchange, [this, exchange, snap, object = std::move(object)]() mutable {
            handleGet(exchange, snap, std::move(object));
        });
        return;
    }
    if (request.method == "OPTIONS") {
        // Mort answers 405 to OPTIONS (no preflight support); kept until CORS is configurable.
        finishError(exchange, *snap, object.bucket,
                    Error::client("http.method_not_allowed", 405, QStringLiteral("method not allowed")));
        return;
    }
    // Writes need S3 authentication, which is not implemented yet: Mort answers an
    // unsigned write with 401 and an empty body.
    HttpResponse unauthorized(401, {}, "text/plain");
    unauthorized.setHeader("X-Mort-Error", "s3.auth_required");
    exchange->respond(std::move(unauthorized));
}

void ObjectHandler::runGuarded(QThreadPool &pool, const HttpExchangePtr &exchange, std::function<void()> job)
{
    pool.start([this, exchange, job = std::move(job)] {
        try {
            job();
        } catch (const std::exception &e) {
            m_counters.taskExceptions++;
            qCWarning(lcPipeline) << "request" << exchange->request().id << "failed:" << e.what();
            exchange->respond(errorResponse(Error::internal("internal.exception", QString::fromUtf8(e.what()))));
        } catch (...) {
            m_counters.taskExceptions++;
            qCWarning(lcPipeline) << "request" << exchange->request().id << "failed with an unknown exception";
            exchange->respond(errorResponse(Error::internal("internal.exception", QStringLiteral("unknown"))));
        }
    });
}

void ObjectHandler::handleGet(const HttpExchangePtr &exchange, std::shared_ptr<const Snapshot> snap, ObjectRef object)
{
    if (exchange->cancelToken().isCancelled())
        return; // the client left while we were queued: nobody to answer
    if (!object.hasTransforms()) {
        if (object.parent)
            serveParentUnchanged(exchange, *snap, object);
        else
            serveStored(exchange, *snap, object);
        return;
    }
    serveTransform(exchange, std::move(snap), std::move(object));
}

Expected<std::shared_ptr<Storage>> ObjectHandler::storageFor(const Snapshot &snap, const QString &bucket,
                                                             const QString &storageName)
{
    if (storageName == QLatin1String("noop"))
        return snap.noop;
    const BucketConfig *b = snap.config->bucket(bucket);
    const StorageConfig *cfg = b ? b->storage(storageName) : nullptr;
    if (!cfg)
        return Error::upstream("storage.not_configured", 503, QStringLiteral("storage unavailable"),
                               QStringLiteral("bucket %1 has no storage named %2").arg(bucket, storageName));
    return m_storages->client(*cfg, bucket);
}

void ObjectHandler::serveStored(const HttpExchangePtr &exchange, const Snapshot &snap, const ObjectRef &object)
{
    auto storage = storageFor(snap, object.bucket, object.storageName);
    if (!storage)
        return finishError(exchange, snap, object.bucket, storage.error());
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    if (exchange->request().isHead()) {
        // HEAD of an original: metadata only, no body read (spec §4).
        auto meta = (*storage)->head(object.key);
        if (!meta)
            return finishError(exchange, snap, object.bucket, meta.error());
        if (meta->isDirectory)
            return finish(exchange, snap, object.bucket, directoryResponse());
        HttpResponse r = responseFromStored(*meta, {});
        r.setHeader("Content-Length", QByteArray::number(meta->size));
        m_counters.downloads++;
        return finish(exchange, snap, object.bucket, std::move(r));
    }
    auto stored = (*storage)->get(object.key);
    if (!stored)
        return finishError(exchange, snap, object.bucket, stored.error());
    if (stored->meta.isDirectory)
        return finish(exchange, snap, object.bucket, directoryResponse());
    m_counters.downloads++;
    finish(exchange, snap, object.bucket, responseFromStored(stored->meta, std::move(stored->body)));
}

// A parent without transforms is served unchanged, but only when it is an image (spec §4).
void ObjectHandler::serveParentUnchanged(const HttpExchangePtr &exchange, const Snapshot &snap, const ObjectRef &object)
{
    const ObjectRef &parent = *object.parent;
    auto storage = storageFor(snap, parent.bucket, parent.storageName);
    if (!storage)
        return finishError(exchange, snap, object.bucket, storage.error());
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    auto stored = (*storage)->get(parent.key);
    if (!stored)
        return finishError(exchange, snap, object.bucket, stored.error());
    if (stored->meta.isDirectory || !stored->meta.contentType.contains("image/"))
        return finishError(exchange, snap, object.bucket, Error::notFound(QStringLiteral("parent is not an image")));
    m_counters.downloads++;
    finish(exchange, snap, object.bucket, responseFromStored(stored->meta, std::move(stored->body)));
}

void ObjectHandler::serveTransform(const HttpExchangePtr &exchange, std::shared_ptr<const Snapshot> snap,
                                   ObjectRef object)
{
    const CancelToken &token = exchange->cancelToken();
    const ObjectRef &root = object.root();
    {
        // 1. A stored result from an earlier request.
        auto results = storageFor(*snap, object.bucket, object.storageName);
        if (!results)
            return finishError(exchange, *snap, object.bucket, results.error(), true);
        TaskScope fetch(m_tasks, TaskKind::Fetch);
        auto stored = (*results)->get(object.key);
        if (stored && !stored->meta.isDirectory) {
            if (object.checkParent) {
                auto parentStorage = storageFor(*snap, root.bucket, root.storageName);
                if (!parentStorage)
                    return finishError(exchange, *snap, object.bucket, parentStorage.error(), true);
                auto parentMeta = (*parentStorage)->head(root.key);
                if (!parentMeta)
                    return finishError(exchange, *snap, object.bucket, parentMeta.error(), true);
            }
            m_counters.downloads++;
            return finish(exchange, *snap, object.bucket, responseFromStored(stored->meta, std::move(stored->body)),
                          true);
        }
        if (!stored && !stored.error().isNotFound())
            return finishError(exchange, *snap, object.bucket, stored.error(), true);
    }

    // 2. Generate it from the original at the end of the parent chain.
    auto parentStorage = storageFor(*snap, root.bucket, root.storageName);
    if (!parentStorage)
        return finishError(exchange, *snap, object.bucket, parentStorage.error(), true);
    Expected<StoredObject> parent = [&] {
        TaskScope fetch(m_tasks, TaskKind::Fetch);
        return (*parentStorage)->get(root.key);
    }();
    if (!parent)
        return finishError(exchange, *snap, object.bucket, parent.error(), true);
    if (parent->meta.isDirectory || !parent->meta.contentType.contains("image/"))
        return finishError(exchange, *snap, object.bucket, Error::notFound(QStringLiteral("parent is not an image")), true);
    const LimitsConfig &limits = snap->processor(object.bucket).limits();
    if (parent->body.size() > limits.maxParentBytes)
        return finishError(exchange, *snap, object.bucket,
                           Error::client("image.source_too_large", 422,
                                         QStringLiteral("the source image is larger than the server accepts"),
                                         QStringLiteral("%1 bytes > limits.maxParentBytes %2")
                                             .arg(parent->body.size())
                                             .arg(limits.maxParentBytes)));
    if (token.shouldStop())
        return finishError(exchange, *snap, object.bucket, stoppedError(token), true);

    // 3. Admission: concurrentImageProcessing bounds transforms queued or running.
    const qint64 inFlight = m_counters.transformsInFlight.fetch_add(1);
    if (inFlight >= snap->config->server.concurrentImageProcessing) {
        m_counters.transformsInFlight--;
        m_counters.throttled++;
        return finishError(exchange, *snap, object.bucket,
                           Error::upstream("request.throttled", 503, QStringLiteral("server busy, retry"),
                                           QStringLiteral("concurrentImageProcessing reached")));
    }
    auto shared = std::make_shared<const ObjectRef>(std::move(object));
    runGuarded(m_transformPool, exchange, [this, exchange, snap, shared, body = std::move(parent->body)]() mutable {
        runTransform(exchange, snap, shared, std::move(body));
    });
}

void ObjectHandler::runTransform(const HttpExchangePtr &exchange, std::shared_ptr<const Snapshot> snap,
                                 std::shared_ptr<const ObjectRef> object, QByteArray source)
{
    struct InFlight
    {
        std::atomic<qint64> &counter;
        ~InFlight() { counter--; }
    } inFlight{m_counters.transformsInFlight};
    const CancelToken &token = exchange->cancelToken();
    if (token.shouldStop())
        return finishError(exchange, *snap, object->bucket, stoppedError(token), true);

    Expected<ProcessedImage> image = [&] {
        TaskScope transform(m_tasks, TaskKind::Transform);
        m_counters.transformsExecuted++;
        return snap->processor(object->bucket).process(source, mergeChain(object->transformChain()), token);
    }();
    source = QByteArray(); // the original is no longer needed: free it before the response is written
    if (!image) {
        m_counters.transformsFailed++;
        return finishError(exchange, *snap, object->bucket, image.error(), true);
    }
    HttpResponse r;
    r.status = 200;
    const QByteArray md5 = QCryptographicHash::hash(image->body, QCryptographicHash::Md5).toHex();
    // Peer C4: a quoted strong ETag, so If-None-Match works on fresh results too.
    const QByteArray etag = '"' + md5 + '"';
    const QDateTime now = QDateTime::currentDateTimeUtc();
    r.setHeader("Content-Type", image->contentType);
    r.setHeader("ETag", etag);
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
    storeResult(snap, object, image->body, std::move(meta));
    finish(exchange, *snap, object->bucket, std::move(r), true);
}

void ObjectHandler::storeResult(std::shared_ptr<const Snapshot> snap, std::shared_ptr<const ObjectRef> object,
                                QByteArray body, ObjectMetadata meta)
{
    const bool queued = m_background->post([this, snap, object, body = std::move(body), meta = std::move(meta)] {
        auto storage = storageFor(*snap, object->bucket, object->storageName);
        if (!storage) {
            m_counters.storeFailures++;
            return;
        }
        TaskScope store(m_tasks, TaskKind::Store);
        Expected<void> written = (*storage)->put(object->key, body, meta);
        if (written) {
            m_counters.resultsStored++;
        } else {
            // Mort only logs a failed store: the client already has its image.
            m_counters.storeFailures++;
            qCWarning(lcPipeline) << "storing result" << object->key << "failed:" << written.error().toString();
        }
    });
    if (!queued)
        qCWarning(lcPipeline) << "background queue full: result" << object->key << "not stored";
}

void ObjectHandler::finishError(const HttpExchangePtr &exchange, const Snapshot &snap, const QString &bucket,
                                const Error &error, bool transformed)
{
    if (error.httpStatus >= 500)
        qCWarning(lcPipeline) << "request" << exchange->request().id << exchange->request().path << error.toString();
    if (error.isNotFound() && error.code == "object.directory")
        return finish(exchange, snap, bucket, directoryResponse(), transformed);
    finish(exchange, snap, bucket, errorResponse(error), transformed);
}

void ObjectHandler::finish(const HttpExchangePtr &exchange, const Snapshot &snap, const QString &bucket,
                           HttpResponse response, bool transformed)
{
    applyHeaderRules(*snap.config, snap.config->bucket(bucket), response);
    applyCorsHeaders(response);
    const HttpRequest &request = exchange->request();
    // HEAD of an original carries an explicit Content-Length and no body: Mort
    // ignores conditionals there (spec http-behaviour.md §5).
    if (response.status == 200 && !hasHeader(response.headers, "Content-Length") && isConditionalOrRange(request))
        response = applyConditionalAndRange(request, std::move(response));
    applyResponsePlugins(snap.config->server.plugins, request, transformed, response);
    exchange->respond(std::move(response));
}

} // namespace mort
