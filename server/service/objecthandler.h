#pragma once
// The object pipeline (spec http-behaviour.md §1, §6): every request on a
// public listener is /<bucket>/<key>. Runs on the HTTP thread only long enough
// to parse the URL; storage I/O runs on the I/O pool, libvips on the bounded
// transform pool, result stores on the bounded background queue.
#include "config/config.h"
#include "core/backgroundqueue.h"
#include "core/taskregistry.h"
#include "http/httpexchange.h"
#include "imaging/imageprocessor.h"
#include "object/objectparser.h"
#include "storage/storageclientcache.h"

#include <QHash>
#include <QMutex>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace mort {

class InternalApi;

struct PipelineCounters
{
    std::atomic<quint64> transformsExecuted{0}; // libvips runs (mort_transforms_total)
    std::atomic<quint64> transformsFailed{0};
    std::atomic<quint64> throttled{0};          // 503 by concurrentImageProcessing
    std::atomic<quint64> downloads{0};          // served from storage
    std::atomic<quint64> resultsStored{0};
    std::atomic<quint64> storeFailures{0};
    std::atomic<quint64> taskExceptions{0};     // exceptions caught at a task boundary
    std::atomic<qint64> transformsInFlight{0};
};

class ObjectHandler : public HttpHandler
{
public:
    ObjectHandler(ConfigPtr config, TaskRegistry *tasks, StorageClientCache *storages, BackgroundQueue *background,
                  int transformThreads);
    ~ObjectHandler() override;

    void handle(const HttpExchangePtr &exchange) override;

    // Hot reload: new requests use the new snapshot, in-flight ones keep theirs.
    void setConfig(ConfigPtr config);
    ConfigPtr config() const;
    void setInternalApi(InternalApi *api) { m_internalApi = api; }

    const PipelineCounters &counters() const { return m_counters; }
    // Waits for queued and running pipeline work (shutdown).
    void waitForDone(int timeoutMs);

private:
    struct Snapshot;
    std::shared_ptr<const Snapshot> snapshot() const;

    void handleGet(const HttpExchangePtr &exchange, std::shared_ptr<const Snapshot> snap, ObjectRef object);
    void serveStored(const HttpExchangePtr &exchange, const Snapshot &snap, const ObjectRef &object);
    void serveParentUnchanged(const HttpExchangePtr &exchange, const Snapshot &snap, const ObjectRef &object);
    void serveTransform(const HttpExchangePtr &exchange, std::shared_ptr<const Snapshot> snap, ObjectRef object);
    void runTransform(const HttpExchangePtr &exchange, std::shared_ptr<const Snapshot> snap,
                      std::shared_ptr<const ObjectRef> object, QByteArray source);
    void storeResult(std::shared_ptr<const Snapshot> snap, std::shared_ptr<const ObjectRef> object,
                     QByteArray body, ObjectMetadata meta);
    Expected<std::shared_ptr<Storage>> storageFor(const Snapshot &snap, const QString &bucket,
                                                  const QString &storageName);

    // Header rules + CORS + conditionals, then hands the response to the transport.
    void finish(const HttpExchangePtr &exchange, const Snapshot &snap, const QString &bucket, HttpResponse response,
                bool transformed = false);
    void finishError(const HttpExchangePtr &exchange, const Snapshot &snap, const QString &bucket, const Error &error,
                     bool transformed = false);
    // Runs `job` on `pool`, turning any exception into a 500 (seed: no panic recovery).
    void runGuarded(QThreadPool &pool, const HttpExchangePtr &exchange, std::function<void()> job);

    TaskRegistry *m_tasks;
    StorageClientCache *m_storages;
    BackgroundQueue *m_background;
    InternalApi *m_internalApi = nullptr;
    QThreadPool m_ioPool;
    QThreadPool m_transformPool;
    mutable QMutex m_snapshotMutex;
    std::shared_ptr<const Snapshot> m_snapshot;
    PipelineCounters m_counters;
};

} // namespace mort
