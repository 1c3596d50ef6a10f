#pragma once
// What the object pipeline's stages share: the configuration snapshot a
// request runs on, the request's own state as it crosses threads, and the
// engine services behind them. The stages (service/originserver,
// transformrunner, placeholderrenderer, pipelineresponder) and the router
// (service/objecthandler) all speak in these types.
#include "cache/redisresponsecache.h"
#include "cache/responsecache.h"
#include "config/config.h"
#include "core/backgroundqueue.h"
#include "core/cancellation.h"
#include "core/taskregistry.h"
#include "http/httpexchange.h"
#include "imaging/heavylane.h"
#include "imaging/imageprocessor.h"
#include "lock/redislock.h"
#include "lock/requestcollapser.h"
#include "monitoring/mortmetrics.h"
#include "object/objectparser.h"
#include "service/placeholder.h"
#include "storage/glacierrestorer.h"
#include "storage/storageclientcache.h"

#include <QHash>

#include <memory>

namespace mort {

// What the pipeline shares with the rest of the engine; all outlive it.
struct PipelineServices
{
    TaskRegistry *tasks = nullptr;
    // Hands out metered storages: storage calls count themselves.
    StorageClientCache *storages = nullptr;
    BackgroundQueue *background = nullptr;
    GlacierRestorer *glacier = nullptr;        // restores of archived originals; null: archived is a plain 503
    ResponseCache *cache = nullptr;            // null: response caching off
    RequestCollapser *collapser = nullptr;     // null: no collapsing
    RedisResponseCache *sharedCache = nullptr; // cache.type redis*: looked up after a local miss; null: none
    RedisLock *distributedLock = nullptr;      // lock.type redis*: the local leader leads all instances; null: none
    MortMetrics *metrics = nullptr;            // never null: tests pass one on a registry nobody scrapes
    int transformThreads = 1;
    // Bounds how many transform workers heavy passes may hold (limits.heavyTransformCost);
    // null: no lane, heavy passes run like any other.
    HeavyLanePtr heavyLane;
};

// One configuration version as the pipeline uses it; a reload makes a new
// one, and in-flight requests finish on theirs.
struct PipelineSnapshot
{
    PipelineSnapshot(ConfigPtr config, PlaceholderPtr placeholder, const PipelineServices &services);

    ConfigPtr config;
    std::unique_ptr<ObjectParser> parser;
    // One processor per bucket: limits can differ per bucket and never come from the URL.
    QHash<QString, std::shared_ptr<ImageProcessor>> processors;
    PlaceholderPtr placeholder; // server.placeholder, loaded; null when not configured

    const ImageProcessor &processor(const QString &bucket) const { return *processors.value(bucket); }
    // The storage `storageName` of `bucket`, handed out by the client cache
    // (`noop` needs no config: Mort's implicit storage for plain parents).
    Expected<std::shared_ptr<Storage>> storage(const QString &bucket, const QString &storageName,
                                               StorageObjectType objectType) const;

private:
    StorageClientCache *m_storages;
    std::shared_ptr<Storage> m_noopParent;
    std::shared_ptr<Storage> m_noopTransform;
};
using SnapshotPtr = std::shared_ptr<const PipelineSnapshot>;

// Everything one request carries through the pipeline, across threads.
struct PipelineFlow
{
    HttpExchangePtr exchange;
    SnapshotPtr snap;
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
    const Config &config() const { return *snap->config; }
};
using FlowPtr = std::shared_ptr<PipelineFlow>;

// 499 for a client that left, 504 for a deadline that passed (peer R3).
Error stoppedError(const CancelToken &token);

} // namespace mort
