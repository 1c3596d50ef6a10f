#include "service/transformrunner.h"

#include "service/originserver.h"
#include "storage/storagecallscope.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPipeline)

namespace mort {

TransformRunner::TransformRunner(const PipelineServices &services, QThreadPool &transformPool,
                                 TransformAdmission &admission, PipelineResponder &responder)
    : m_services(services), m_metrics(*services.metrics), m_transformPool(transformPool), m_admission(admission),
      m_responder(responder)
{
}

void TransformRunner::serve(const FlowPtr &flow)
{
    // Network storages stop as soon as the work is abandoned or the deadline passes.
    const StorageCallScope callScope(flow->workToken);
    const PipelineSnapshot &snap = *flow->snap;
    const ObjectRef &object = flow->object;
    const ObjectRef &root = object.root();
    {
        // 1. A stored result from an earlier request.
        auto results = snap.storage(object.bucket, object.storageName, StorageObjectType::Transform);
        if (!results)
            return m_responder.finishError(flow, results.error());
        auto stored = (*results)->get(object.key);
        if (stored && !stored->meta.isDirectory) {
            if (object.checkParent) {
                auto parentStorage = snap.storage(root.bucket, root.storageName, StorageObjectType::Parent);
                if (!parentStorage)
                    return m_responder.finishError(flow, parentStorage.error());
                auto parentMeta = (*parentStorage)->head(root.key);
                if (!parentMeta)
                    return m_responder.finishStorageError(flow, parentMeta.error(), **parentStorage, root.bucket,
                                                          root.storageName, root.key);
            }
            m_metrics.requestDownload.inc();
            return m_responder.finish(flow, storedObjectResponse(stored->meta, std::move(stored->body)));
        }
        if (!stored && !stored.error().isNotFound())
            return m_responder.finishError(flow, stored.error());
    }

    // 2. Admission: concurrentImageProcessing bounds transforms queued or running.
    // Admitted before the original is read, and the original is read by the
    // worker itself: a queued transform holds no image bytes, so memory does
    // not grow with the queue (bench: 24 MP sources queued behind 2 workers).
    // (Remote storages will want an async prefetch with a byte budget here.)
    if (!m_admission.tryAdmit(snap.config->server.concurrentImageProcessing)) {
        m_metrics.requestThrottled.inc();
        return m_responder.finishError(flow,
                                       Error::upstream("request.throttled", 503, QStringLiteral("server busy, retry"),
                                                       QStringLiteral("concurrentImageProcessing reached")));
    }
    // The transform is a live task from admission on: queued jobs count too,
    // so "every task back to idle" also means "no transform waiting".
    auto admitted = std::make_shared<TaskScope>(m_services.tasks, TaskKind::Transform);
    m_responder.runGuarded(m_transformPool, flow, [this, flow, admitted] { run(flow, *admitted); });
}

void TransformRunner::run(const FlowPtr &flow, TaskScope &admitted)
{
    // The slot (and its task) is released before the response goes out: a
    // client's next request must find it free (bench: 503s at exactly c = the limit).
    struct Slot
    {
        TransformAdmission *admission;
        TaskScope *task;
        void release()
        {
            if (admission)
                admission->release();
            admission = nullptr;
            task->release();
        }
        ~Slot() { release(); }
    } slot{&m_admission, &admitted};
    const CancelToken &token = flow->workToken;
    const StorageCallScope callScope(token);
    if (token.shouldStop()) {
        slot.release();
        return m_responder.finishError(flow, stoppedError(token));
    }
    const PipelineSnapshot &snap = *flow->snap;
    const ObjectRef &object = flow->object;
    const ObjectRef &root = object.root();
    auto fail = [&](const Error &error) {
        slot.release();
        m_responder.finishError(flow, error);
    };

    // 3. The original at the end of the parent chain.
    auto parentStorage = snap.storage(root.bucket, root.storageName, StorageObjectType::Parent);
    if (!parentStorage)
        return fail(parentStorage.error());
    Expected<StoredObject> parent = (*parentStorage)->get(root.key);
    // An origin still answering when the deadline passed (or the client left)
    // is the request's stop, not a storage fault: 504 / 499.
    if (!parent) {
        slot.release();
        return m_responder.finishStorageFailure(flow, token, parent.error(), **parentStorage, root);
    }
    if (parent->meta.isDirectory || !parent->meta.contentType.contains("image/"))
        return fail(Error::notFound(QStringLiteral("parent is not an image")));
    const LimitsConfig &limits = snap.processor(object.bucket).limits();
    if (parent->body.size() > limits.maxParentBytes)
        return fail(Error::client(
            "image.source_too_large", 422, QStringLiteral("the source image is larger than the server accepts"),
            QStringLiteral("%1 bytes > limits.maxParentBytes %2").arg(parent->body.size()).arg(limits.maxParentBytes)));
    QByteArray source = std::move(parent->body);

    // 4. libvips.
    const auto started = std::chrono::steady_clock::now();
    m_metrics.transformsStarted.inc(); // the studio's "executed": counted as libvips begins
    Expected<ProcessedImage> image =
        snap.processor(object.bucket).process(source, mergeChain(object.transformChain()), token);
    slot.release();
    m_metrics.observeTransform(std::chrono::steady_clock::now() - started, image.ok());
    source = QByteArray(); // the original is no longer needed: free it before the response is written
    if (!image)
        return m_responder.finishError(flow, image.error());
    m_metrics.requestTransform.inc();

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
    m_responder.finish(flow, std::move(r));
}

void TransformRunner::storeResult(const FlowPtr &flow, QByteArray body, ObjectMetadata meta)
{
    // The job holds what it uses (not the runner): it may run after the request ended.
    const bool queued = m_services.background->post([metrics = &m_metrics, snap = flow->snap,
                                                     object = std::make_shared<const ObjectRef>(flow->object),
                                                     body = std::move(body), meta = std::move(meta)] {
        auto storage = snap->storage(object->bucket, object->storageName, StorageObjectType::Transform);
        if (!storage) {
            metrics->resultStoreFailures.inc();
            return;
        }
        Expected<void> written = (*storage)->put(object->key, body, meta);
        if (written) {
            metrics->resultsStored.inc();
        } else {
            // Mort only logs a failed store: the client already has its image.
            metrics->resultStoreFailures.inc();
            qCWarning(lcPipeline) << "storing result" << object->key << "failed:" << written.error().toString();
        }
    });
    if (!queued)
        qCWarning(lcPipeline) << "background queue full: result" << flow->object.key << "not stored";
}

} // namespace mort
