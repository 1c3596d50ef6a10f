#include "monitoring/mortmetrics.h"

#include "monitoring/standardcollectors.h"

namespace mort {

QByteArray storageMethodName(StorageMethod method)
{
    switch (method) {
    case StorageMethod::Get: return "get";
    case StorageMethod::Head: return "head";
    case StorageMethod::Set: return "set";
    case StorageMethod::Delete: return "delete";
    case StorageMethod::Presign: return "presign";
    }
    return "unknown";
}

QByteArray storageObjectTypeName(StorageObjectType type)
{
    return type == StorageObjectType::Parent ? "parent" : "transform";
}

namespace {

// Mort reports durations in microseconds (as a float) against buckets that
// read like milliseconds; we keep that so Mort's dashboards stay correct.
double micros(MortMetrics::Duration d)
{
    return double(d.count()) / 1e3;
}

double seconds(MortMetrics::Duration d)
{
    return double(d.count()) / 1e9;
}

} // namespace

QList<double> MortMetrics::requestDurationBuckets()
{
    // From a response-cache hit (~ms) to a slow origin plus a large transform.
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
}

QList<double> MortMetrics::transformDurationBuckets()
{
    // Single libvips steps: sub-millisecond crops up to huge decodes.
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
}

MortMetrics::MortMetrics(MetricsRegistry &registry, const TaskRegistry &tasks)
    : responseTime(registry.histogram(
        "mort_response_time", "Whole request in the object handler, in microseconds, by HTTP method.", {"method"})),
      generationTime(registry.histogram("mort_generation_time", "Image generation time in microseconds.")),
      storageTime(
          registry.histogram("mort_storage_time", "Storage call duration in microseconds.", {"method", "storage"})),
      cacheRatio(registry.counter("mort_cache_ratio", "Response cache lookups and stores, by status (hit, miss, set).",
                                  {"status"})),
      requestType(registry.counter("mort_request_type_count",
                                   "Requests by type: download (served from storage) or transform (image generated).",
                                   {"type"})),
      storageRequest(
          registry.counter("mort_storage_request", "Storage calls.", {"method", "bucket", "storage", "object_type"})),
      storageThroughput(registry.gauge("mort_storage_throughput", "Bytes read from (get) and written to (set) storage.",
                                       {"method", "storage"})),
      cacheHit(cacheRatio.labels({"hit"})), cacheMiss(cacheRatio.labels({"miss"})),
      cacheSet(cacheRatio.labels({"set"})), requestDownload(requestType.labels({"download"})),
      requestTransform(requestType.labels({"transform"})),
      requestCollapsed(
          registry.counter("mort_request_collapsed_count", "Requests that waited for an identical request's result.")
              .labels()),
      requestThrottled(
          registry.counter("mort_request_throttled_count", "Requests answered 503 by the transform throttle.")
              .labels()),
      vipsCleanup(registry.counter("mort_vips_cleanup_count", "Idle libvips cache cleanups.").labels()),
      glacierErrorDetected(
          registry.counter("mort_glacier_error_detected", "Storage errors caused by an archived (Glacier) object.")
              .labels()),
      glacierRestoreInitiated(
          registry.counter("mort_glacier_restore_initiated", "Restores requested for archived (Glacier) objects.")
              .labels()),
      requestDuration(registry.histogram("mort_request_duration_seconds",
                                         "Whole request in the object handler, in seconds, by Mort bucket.", {"bucket"},
                                         requestDurationBuckets())),
      transformDuration(registry.histogram("mort_transform_duration_seconds",
                                           "libvips pipeline step duration in seconds, by operation.", {"operation"},
                                           transformDurationBuckets())),
      transforms(registry.counter("mort_transforms_total", "Image transforms executed by libvips.").labels()),
      transformsFailed(
          registry.counter("mort_transforms_failed_total", "Image transforms that ended in an error.").labels()),
      transformsStarted(
          registry
              .counter("mort_transforms_started_total", "Image transforms begun in libvips (running ones included).")
              .labels()),
      resultsStored(
          registry.counter("mort_results_stored_total", "Transform results written to their storage.").labels()),
      resultStoreFailures(registry
                              .counter("mort_result_store_failures_total",
                                       "Transform results that could not be written to their storage.")
                              .labels()),
      pipelineExceptions(
          registry
              .counter("mort_pipeline_exceptions_total", "Exceptions caught at a task boundary of the object pipeline.")
              .labels()),
      requestsServed(
          registry
              .counter("mort_requests_served_total", "Public requests answered while the client was still connected.")
              .labels()),
      requestsClientLeft(
          registry.counter("mort_requests_client_left_total", "Public requests whose client left before the answer.")
              .labels()),
      m_registry(registry)
{
    m_processCollector = registry.addCollector(processStatsCollector());
    m_taskCollector = registry.addCollector(taskCollector(tasks));
}

MortMetrics::~MortMetrics()
{
    m_registry.removeCollector(m_taskCollector);
    m_registry.removeCollector(m_processCollector);
}

void MortMetrics::observeRequest(const QByteArray &httpMethod, const QByteArray &bucket, Duration elapsed)
{
    responseTime.labels({httpMethod}).observe(micros(elapsed));
    if (!bucket.isEmpty())
        requestDuration.labels({bucket}).observe(seconds(elapsed));
}

void MortMetrics::observeStorage(StorageMethod method, const QByteArray &storageBucket, const QByteArray &storageKind,
                                 StorageObjectType objectType, Duration elapsed, qint64 bytes)
{
    const QByteArray methodName = storageMethodName(method);
    storageRequest.labels({methodName, storageBucket, storageKind, storageObjectTypeName(objectType)}).inc();
    storageTime.labels({methodName, storageKind}).observe(micros(elapsed));
    if (bytes > 0 && (method == StorageMethod::Get || method == StorageMethod::Set))
        storageThroughput.labels({methodName, storageKind}).add(double(bytes));
}

void MortMetrics::observeTransform(Duration elapsed, bool succeeded)
{
    generationTime.labels().observe(micros(elapsed));
    (succeeded ? transforms : transformsFailed).inc();
}

void MortMetrics::observeTransformStep(const QByteArray &operation, Duration elapsed)
{
    transformDuration.labels({operation}).observe(seconds(elapsed));
}

} // namespace mort
