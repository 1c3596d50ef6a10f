#include "service/originserver.h"

#include "service/activecontent.h"
#include "storage/contenttype.h"
#include "storage/storagecallscope.h"

namespace mort {

HttpResponse storedObjectResponse(const ObjectMetadata &meta, QByteArray body)
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

namespace {

// How long Mort's presigned redirects stay valid (spec http-behaviour.md §2).
constexpr int kPresignSeconds = 5 * 3600;

// GET of a key that is a directory: Mort answers 404 with an empty XML-typed body.
HttpResponse directoryResponse()
{
    HttpResponse r(404);
    r.setHeader("Content-Type", "application/xml");
    return r;
}

} // namespace

OriginServer::OriginServer(const PipelineServices &services, PipelineResponder &responder)
    : m_metrics(*services.metrics), m_responder(responder)
{
}

void OriginServer::serve(const FlowPtr &flow)
{
    // Mort puts no deadline on originals; we bound the wait for the origin's
    // answer by requestTimeout (a silent origin: 504), while a body that keeps
    // flowing may take longer, its stalls bounded by the storage's idle
    // timeout. Network storages also stop as soon as the client leaves.
    CancelToken stop(QDeadlineTimer(qint64(flow->config().server.requestTimeoutSec) * 1000));
    stop.setAbandonedWhen([client = flow->workToken] { return client.isCancelled(); });
    const StorageCallScope callScope(stop, StorageCallScope::Deadline::UntilOriginAnswers);
    if (flow->object.parent)
        serveParentUnchanged(flow, stop);
    else
        serveStored(flow, stop);
}

void OriginServer::serveStored(const FlowPtr &flow, const CancelToken &stop)
{
    const ObjectRef &object = flow->object;
    auto storage = flow->snap->storage(object.bucket, object.storageName, StorageObjectType::Parent);
    if (!storage)
        return m_responder.finishError(flow, storage.error());
    if (flow->exchange->request().isHead()) {
        // HEAD of an original: metadata only, no body read (spec §4).
        auto meta = (*storage)->head(object.key);
        if (!meta)
            return m_responder.finishStorageFailure(flow, stop, meta.error(), **storage, object);
        if (meta->isDirectory)
            return m_responder.finish(flow, directoryResponse());
        HttpResponse r = storedObjectResponse(*meta, {});
        r.setHeader("Content-Length", QByteArray::number(meta->size));
        guardActiveContent(r, {}); // by the declared type: HEAD reads no bytes
        m_metrics.requestDownload.inc();
        return m_responder.finish(flow, std::move(r));
    }
    // maxFileSize (config.md §2): Mort HEADs the original first and redirects a
    // larger one to a presigned storage URL (307, valid 5 h); a storage that
    // cannot presign answers 503.
    const qint64 maxFileSize = flow->config().server.maxFileSize;
    if (maxFileSize > 0) {
        auto head = (*storage)->head(object.key);
        if (!head)
            return m_responder.finishStorageFailure(flow, stop, head.error(), **storage, object);
        if (!head->isDirectory && head->size > maxFileSize)
            return redirectToPresigned(flow, **storage, head->size, maxFileSize);
    }
    // One storage call gives metadata and a readable body (seed 13: Mort did HEAD then GET).
    // Too large to cache (spec §7) or to hold, it is streamed; a network storage
    // offers its body while still downloading it, so the client's first byte
    // does not wait for the origin's last one.
    const qint64 cacheable = flow->config().server.cache.maxCacheItemBytes();
    bool streamedEarly = false;
    const EarlyBodyReader startStreaming = [&](const ObjectMetadata &early, std::unique_ptr<QIODevice> &body) {
        if (early.isDirectory || early.size <= cacheable)
            return; // cached whole: wait for the last byte
        streamedEarly = true;
        streamStored(flow, early, std::move(body));
    };
    ObjectMetadata meta;
    auto device = (*storage)->openRead(object.key, &meta, startStreaming);
    if (streamedEarly)
        return; // answered; a download that broke afterwards cuts the client's connection
    if (!device)
        return m_responder.finishStorageFailure(flow, stop, device.error(), **storage, object);
    if (meta.isDirectory)
        return m_responder.finish(flow, directoryResponse());
    if (meta.size <= cacheable) {
        m_metrics.requestDownload.inc();
        HttpResponse response = storedObjectResponse(meta, (*device)->readAll());
        guardActiveContent(response, response.body);
        return m_responder.finish(flow, std::move(response));
    }
    streamStored(flow, meta, std::move(*device));
}

void OriginServer::streamStored(const FlowPtr &flow, const ObjectMetadata &meta, std::unique_ptr<QIODevice> body)
{
    // In bounded pieces (seed 9: Mort copied large files several times).
    m_metrics.requestDownload.inc();
    HttpResponse response = storedObjectResponse(meta, {});
    guardActiveContent(response, body->peek(contenttype::SniffLength));
    std::shared_ptr<QIODevice> shared(body.release());
    shared->moveToThread(nullptr); // read on the HTTP thread from now on
    response.stream = std::make_shared<BodyStream>(BodyStream{std::move(shared), 0, meta.size});
    flow->cacheKey.clear();
    m_responder.finish(flow, std::move(response));
}

// A parent without transforms is served unchanged, but only when it is an image (spec §4).
void OriginServer::serveParentUnchanged(const FlowPtr &flow, const CancelToken &stop)
{
    const ObjectRef &parent = *flow->object.parent;
    auto storage = flow->snap->storage(parent.bucket, parent.storageName, StorageObjectType::Parent);
    if (!storage)
        return m_responder.finishError(flow, storage.error());
    auto stored = (*storage)->get(parent.key);
    if (!stored)
        return m_responder.finishStorageFailure(flow, stop, stored.error(), **storage, parent);
    if (stored->meta.isDirectory || !stored->meta.contentType.contains("image/"))
        return m_responder.finishError(flow, Error::notFound(QStringLiteral("parent is not an image")));
    m_metrics.requestDownload.inc();
    HttpResponse response = storedObjectResponse(stored->meta, std::move(stored->body));
    guardActiveContent(response, response.body);
    m_responder.finish(flow, std::move(response));
}

void OriginServer::redirectToPresigned(const FlowPtr &flow, Storage &storage, qint64 size, qint64 maxFileSize)
{
    Expected<QUrl> url = storage.presignGet(flow->object.key, kPresignSeconds);
    if (!url)
        return m_responder.finishError(
            flow,
            Error::upstream("storage.presign_unsupported", 503, QStringLiteral("storage unavailable"),
                            QStringLiteral("%1 bytes > maxFileSize %2 and storage %3 cannot presign: %4")
                                .arg(size)
                                .arg(maxFileSize)
                                .arg(storage.kind(), url.error().toString())));
    HttpResponse r(307);
    r.setHeader("Location", url->toEncoded());
    flow->cacheKey.clear(); // a presigned URL expires: never cached
    m_responder.finish(flow, std::move(r));
}

} // namespace mort
