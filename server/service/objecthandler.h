#pragma once
// The object pipeline's router (spec http-behaviour.md §1, §6): every request
// on a public listener is /<bucket>/<key>. On the HTTP thread it only parses
// the URL; then, on the I/O pool: response cache lookup, collapse-or-lead for
// transforms, dispatch to a stage, finish. The stages live beside it:
//   service/originserver        stored objects, parents unchanged, listings
//   service/transformrunner     stored results, admission, libvips, result store
//   service/placeholderrenderer server.placeholder answers for failed transforms
//   service/pipelineresponder   header rules, cache fill, waiters, delivery, answer
//   service/cloudinaryupload    Cloudinary-style uploads
//   service/s3gateway           hands requests to the S3 API (s3/s3api.h): signatures, listings, writes
#include "service/originserver.h"
#include "service/pipelineflow.h"
#include "service/pipelineresponder.h"
#include "service/placeholderrenderer.h"
#include "service/s3gateway.h"
#include "service/transformadmission.h"
#include "service/transformrunner.h"

#include <QMutex>
#include <QThreadPool>

#include <memory>
#include <mutex>

namespace mort {

class InternalApi;
struct CollapseOutcome;

class ObjectHandler : public HttpHandler
{
public:
    // `services.metrics` must not be null.
    ObjectHandler(ConfigPtr config, PipelineServices services);
    ~ObjectHandler() override;

    void handle(const HttpExchangePtr &exchange) override;
    // Uploads (S3, Cloudinary) are spooled to disk; S3's are judged before their body is read.
    BodyAdmission admitBody(const RequestHead &head, bool internalListener) override;
    // A request the transport refused leaves its summary too (Activity tab).
    void rejected(const HttpRejection &rejection) override;

    // Hot reload: new requests use the new snapshot, in-flight ones keep theirs.
    // `placeholder`: the loaded `server.placeholder` image, null when none.
    void setConfig(ConfigPtr config, PlaceholderPtr placeholder = {});
    ConfigPtr config() const;
    void setInternalApi(InternalApi *api) { m_internalApi = api; }
    // Each answered request also leaves a one-line summary in `ring` (the
    // studio's Activity tab, the admin stream); null = none.
    void setActivityLog(LogRing *ring) { m_responder.setActivityLog(ring); }

    // Transforms queued or running (admitted against concurrentImageProcessing).
    qint64 transformsInFlight() const { return m_admission.inFlight(); }
    // Waits for queued and running pipeline work (shutdown).
    void waitForDone(int timeoutMs);

private:
    SnapshotPtr snapshot() const;

    void handleGet(const FlowPtr &flow);
    // After the cache lookups: originals from storage, transforms through the collapser.
    void continueGet(const FlowPtr &flow);
    void handleCloudinaryUpload(const FlowPtr &flow, const BucketConfig &bucket);
    // The cache-lookup stage: the one place a response is looked up (a
    // network cache will sit behind it, issue #20). True when it answered.
    bool serveFromCache(const FlowPtr &flow);
    // cache.type redis*: the shared cache after a local miss. True when the
    // flow now waits for Redis (continueGet() runs from its answer).
    bool lookupSharedCache(const FlowPtr &flow);
    // The collapse stage: the one place a transform request becomes the
    // leader or waits for one (a distributed lock will sit behind it).
    void collapseOrLead(const FlowPtr &flow);
    void onCollapseOutcome(const FlowPtr &flow, const CollapseOutcome &outcome);
    // lock.type redis*: the local leader asks which instance leads the key.
    void leadAcrossInstances(const FlowPtr &flow);
    // For Redis callbacks (the Redis thread): runs `job` for `flow` on the I/O
    // pool, unless this handler is being destroyed (the gate is closed first).
    std::function<void()> resumeAfterRedis(const FlowPtr &flow, std::function<void()> job);

    const PipelineServices m_services;
    MortMetrics &m_metrics;
    InternalApi *m_internalApi = nullptr;
    QThreadPool m_ioPool;
    QThreadPool m_transformPool;
    mutable QMutex m_snapshotMutex;
    SnapshotPtr m_snapshot;
    // The stages, in the order they depend on each other.
    TransformAdmission m_admission;
    PlaceholderRenderer m_placeholders{m_services, m_transformPool, m_admission};
    PipelineResponder m_responder{m_services, m_placeholders};
    OriginServer m_origin{m_services, m_responder};
    TransformRunner m_transforms{m_services, m_transformPool, m_admission, m_responder};
    S3Gateway m_s3{m_services, m_ioPool, m_responder};
    struct RedisGate
    {
        std::mutex mutex;
        bool open = true;
    };
    std::shared_ptr<RedisGate> m_redisGate = std::make_shared<RedisGate>();
};

} // namespace mort
