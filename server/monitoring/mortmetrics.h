#pragma once
// The metric set /metrics exposes: Mort's own families with its exact names,
// types, labels and microsecond buckets (spec §11.1), plus ours in base units.
// One instance per Engine, built on the Engine's registry. Families with fixed
// label values come pre-resolved as handles, so counting them is one atomic.
#include "monitoring/metricsregistry.h"

#include <QByteArray>

#include <chrono>

namespace mort {

class TaskRegistry;

enum class StorageMethod { Get, Head, Set, Delete, Presign };
enum class StorageObjectType { Parent, Transform };

QByteArray storageMethodName(StorageMethod method);
QByteArray storageObjectTypeName(StorageObjectType type);

class MortMetrics
{
public:
    using Duration = std::chrono::nanoseconds;

    // Registers every family on `registry` plus the process and task
    // collectors; both must outlive this object (the destructor removes the
    // collectors again).
    MortMetrics(MetricsRegistry &registry, const TaskRegistry &tasks);
    ~MortMetrics();
    MortMetrics(const MortMetrics &) = delete;
    MortMetrics &operator=(const MortMetrics &) = delete;

    static QList<double> requestDurationBuckets();   // seconds
    static QList<double> transformDurationBuckets(); // seconds

    // Whole request in the object handler: mort_response_time{method} (µs)
    // and, when `bucket` is not empty, mort_request_duration_seconds{bucket}.
    void observeRequest(const QByteArray &httpMethod, const QByteArray &bucket, Duration elapsed);
    // One storage call: mort_storage_request, mort_storage_time (µs) and, for
    // get/set with bytes > 0, mort_storage_throughput. `storageBucket` is the
    // storage's `bucket` setting (usually empty), `storageKind` e.g. "local-meta".
    void observeStorage(StorageMethod method, const QByteArray &storageBucket, const QByteArray &storageKind,
                        StorageObjectType objectType, Duration elapsed, qint64 bytes = 0);
    // One libvips generation: mort_generation_time (µs), mort_transforms_total
    // or mort_transforms_failed_total.
    void observeTransform(Duration elapsed, bool succeeded = true);
    // One named pipeline step: mort_transform_duration_seconds{operation}.
    void observeTransformStep(const QByteArray &operation, Duration elapsed);

    // --- Mort's families (spec §11.1) ---
    HistogramFamily &responseTime;         // mort_response_time{method}, µs
    HistogramFamily &generationTime;       // mort_generation_time, µs
    HistogramFamily &storageTime;          // mort_storage_time{method,storage}, µs
    CounterFamily &cacheRatio;             // mort_cache_ratio{status}
    CounterFamily &requestType;            // mort_request_type_count{type}
    CounterFamily &storageRequest;         // mort_storage_request{method,bucket,storage,object_type}
    GaugeFamily &storageThroughput;        // mort_storage_throughput{method,storage}, bytes, only increases
    const Counter cacheHit;                // status="hit"
    const Counter cacheMiss;               // status="miss"
    const Counter cacheSet;                // status="set"
    const Counter requestDownload;         // type="download": result/original served from storage
    const Counter requestTransform;        // type="transform": image generated
    const Counter requestCollapsed;        // mort_request_collapsed_count
    const Counter requestThrottled;        // mort_request_throttled_count
    const Counter vipsCleanup;             // mort_vips_cleanup_count
    const Counter glacierErrorDetected;    // mort_glacier_error_detected
    const Counter glacierRestoreInitiated; // mort_glacier_restore_initiated

    // --- ours ---
    HistogramFamily &requestDuration;   // mort_request_duration_seconds{bucket}
    HistogramFamily &transformDuration; // mort_transform_duration_seconds{operation}
    const Counter transforms;           // mort_transforms_total
    const Counter transformsFailed;     // mort_transforms_failed_total
    const Counter transformsStarted;    // mort_transforms_started_total: libvips runs begun
    // The object pipeline's own outcomes (EngineStats reads them from here).
    const Counter resultsStored;       // mort_results_stored_total
    const Counter resultStoreFailures; // mort_result_store_failures_total
    const Counter pipelineExceptions;  // mort_pipeline_exceptions_total (part of mort_task_exceptions_total)
    const Counter requestsServed;      // mort_requests_served_total: answered, client still connected
    const Counter requestsClientLeft;  // mort_requests_client_left_total: the client left first

private:
    MetricsRegistry &m_registry;
    int m_processCollector = 0;
    int m_taskCollector = 0;
};

} // namespace mort
