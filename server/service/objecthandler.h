#pragma once
// The object pipeline (spec http-behaviour.md §1, §6): every request on a
// public listener is /<bucket>/<key>. Runs on the HTTP thread only long enough
// to parse the URL; storage I/O runs on the I/O pool, libvips on the bounded
// transform pool, result stores on the bounded background queue. Identical
// transform requests collapse onto one leader; responses with a max-age land
// in the bounded response cache.
#include "cache/responsecache.h"
#include "cache/usecounter.h"
#include "config/config.h"
#include "core/backgroundqueue.h"
#include "core/taskregistry.h"
#include "http/httpexchange.h"
#include "imaging/imageprocessor.h"
#include "lock/requestcollapser.h"
#include "lock/redislock.h"
#include "cache/redisresponsecache.h"
#include "monitoring/logring.h"
#include "monitoring/mortmetrics.h"
#include "object/objectparser.h"
#include "service/placeholder.h"
#include "storage/storageclientcache.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <mutex>

namespace mort {

class InternalApi;

struct PipelineCounters
{
    std::atomic<quint64> transformsExecuted{0}; // libvips runs (mort_transforms_total)
    std::atomic<quint64> transformsFailed{0};
    std::atomic<quint64> throttled{0};          // 503 by concurrentImageProcessing
    std::atomic<quint64> collapsed{0};          // requests that waited for an identical leader
    std::atomic<quint64> downloads{0};          // served from storage
    std::atomic<quint64> cacheHits{0};
    std::atomic<quint64> resultsStored{0};
    std::atomic<quint64> storeFailures{0};
    std::atomic<quint64> taskExceptions{0};     // exceptions caught at a task boundary
    std::atomic<qint64> transformsInFlight{0};
    // Public requests by how they ended (the Status tab's "served" and
    // "dropped"); together with the live `request` tasks they add up to the
    // requests received, over the engine's lifetime.
    std::atomic<quint64> answered{0};   // an answer went to a client still connected
    std::atomic<quint64> clientLeft{0}; // the client left before its answer
};

// What the handler shares with the rest of the engine; all outlive it.
struct PipelineServices
{
    TaskRegistry *tasks = nullptr;
    StorageClientCache *storages = nullptr;
    BackgroundQueue *background = nullptr;
    ResponseCache *cache = nullptr;         // null: response caching off
    RequestCollapser *collapser = nullptr;  // null: no collapsing
    RedisResponseCache *sharedCache = nullptr; // cache.type redis*: looked up after a local miss; null: none
    RedisLock *distributedLock = nullptr;      // lock.type redis*: the local leader leads all instances; null: none
    MortMetrics *metrics = nullptr;         // null: no metrics (tests)
    int transformThreads = 1;
};

class ObjectHandler : public HttpHandler
{
public:
    ObjectHandler(ConfigPtr config, PipelineServices services);
    ~ObjectHandler() override;

    void handle(const HttpExchangePtr &exchange) override;
    // A request the transport refused leaves its summary too (Activity tab).
    void rejected(const HttpRejection &rejection) override;

    // Hot reload: new requests use the new snapshot, in-flight ones keep theirs.
    // `placeholder`: the loaded `server.placeholder` image, null when none.
    void setConfig(ConfigPtr config, PlaceholderPtr placeholder = {});
    ConfigPtr config() const;
    void setInternalApi(InternalApi *api) { m_internalApi = api; }
    // Each answered request also leaves a one-line summary in `ring` (the
    // studio's Activity tab, the admin stream); null = none.
    void setActivityLog(LogRing *ring) { m_activityLog.store(ring, std::memory_order_release); }

    const PipelineCounters &counters() const { return m_counters; }
    // Waits for queued and running pipeline work (shutdown).
    void waitForDone(int timeoutMs);

private:
    struct Snapshot;
    struct Flow;
    using FlowPtr = std::shared_ptr<Flow>;
    std::shared_ptr<const Snapshot> snapshot() const;

    void handleGet(const FlowPtr &flow);
    // After the cache lookups: originals from storage, transforms through the collapser.
    void continueGet(const FlowPtr &flow);
    bool lookupSharedCache(const FlowPtr &flow);
    void collapseOrLead(const FlowPtr &flow);
    void leadAcrossInstances(const FlowPtr &flow);
    // For Redis callbacks (the Redis thread): runs `job` for `flow` on the I/O
    // pool, unless this handler is being destroyed (the gate is closed first).
    std::function<void()> resumeAfterRedis(const FlowPtr &flow, std::function<void()> job);
    void onCollapseOutcome(const FlowPtr &flow, const struct CollapseOutcome &outcome);
    bool serveFromCache(const FlowPtr &flow);
    void serveStored(const FlowPtr &flow);
    void serveParentUnchanged(const FlowPtr &flow);
    void serveTransform(const FlowPtr &flow);
    // Takes one of concurrentImageProcessing's slots (transformsInFlight);
    // false, taking nothing, when all are in use. Released by decrementing.
    bool admitTransform(const ServerConfig &server);
    void handleCloudinaryUpload(const FlowPtr &flow, const BucketConfig &bucket);
    void runTransform(const FlowPtr &flow, TaskScope &admitted);
    void storeResult(const FlowPtr &flow, QByteArray body, ObjectMetadata meta);
    Expected<std::shared_ptr<Storage>> storageFor(const Snapshot &snap, const QString &bucket,
                                                  const QString &storageName);
    // Storage calls with mort_storage_* metrics and a `fetch`/`store` task.
    Expected<StoredObject> storageGet(Storage &storage, const QString &key, StorageObjectType type);
    Expected<ObjectMetadata> storageHead(Storage &storage, const QString &key, StorageObjectType type);
    Expected<std::unique_ptr<QIODevice>> storageOpen(Storage &storage, const QString &key, ObjectMetadata *meta);
    Expected<void> storagePut(Storage &storage, const QString &key, const QByteArray &body,
                              const ObjectMetadata &meta, StorageObjectType type = StorageObjectType::Transform);
    void countDownload();

    // Header rules + CORS, then: hand it to collapsed waiters, cache it, deliver it.
    void finish(const FlowPtr &flow, HttpResponse response);
    void finishError(const FlowPtr &flow, const Error &error);
    // server.placeholder (spec http-behaviour.md §10): the placeholder, rendered
    // with the request's transforms once that render is cached, with the error's status.
    HttpResponse placeholderResponse(const FlowPtr &flow, const Error &error);
    // Renders the placeholder with the object's transforms into the response
    // cache (10 min, as Mort). Bounded like every transform: one render per key
    // at a time, and only with a free concurrentImageProcessing slot.
    void renderPlaceholder(const FlowPtr &flow, const QString &cacheKey);
    // Per-request last steps on a finished response: conditionals, plugins, metrics.
    void deliver(const FlowPtr &flow, HttpResponse response);
    // Every answer to a public request goes out here, whatever produced it
    // (pipeline, URL parser, write refusal, a caught exception): access log,
    // the one-line summary for the Activity tab, served/dropped counters.
    void answer(const HttpExchangePtr &exchange, HttpResponse response, const Config &config);
    // The one-line summary into the Activity log ring, when there is one.
    void writeActivity(const struct AccessSummary &summary);
    // Runs `job` on `pool`, turning any exception into a 500 (seed: no panic recovery).
    void runGuarded(QThreadPool &pool, const HttpExchangePtr &exchange, std::function<void()> job);

    PipelineServices m_services;
    TaskRegistry *m_tasks;
    InternalApi *m_internalApi = nullptr;
    std::atomic<LogRing *> m_activityLog{nullptr};
    QThreadPool m_ioPool;
    QThreadPool m_transformPool;
    mutable QMutex m_snapshotMutex;
    std::shared_ptr<const Snapshot> m_snapshot;
    PipelineCounters m_counters;
    UseCounter m_useCounter; // minUseCount
    struct RedisGate
    {
        std::mutex mutex;
        bool open = true;
    };
    std::shared_ptr<RedisGate> m_redisGate = std::make_shared<RedisGate>();
    QMutex m_placeholderMutex;
    QSet<QString> m_placeholderRenders; // keys being rendered; at most concurrentImageProcessing
};

} // namespace mort
