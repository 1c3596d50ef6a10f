#include "service/pipelineflow.h"

#include "service/watermarksource.h"
#include "storage/noopstorage.h"

namespace mort {

PipelineSnapshot::PipelineSnapshot(ConfigPtr config_, PlaceholderPtr placeholder_, const PipelineServices &services)
    : config(std::move(config_)), parser(std::make_unique<ObjectParser>(config)), placeholder(std::move(placeholder_)),
      m_storages(services.storages)
{
    const auto noop = std::make_shared<NoopStorage>();
    m_noopParent = m_storages->handOut(noop, StorageObjectType::Parent);
    m_noopTransform = m_storages->handOut(noop, StorageObjectType::Transform);
    for (auto it = config->buckets.cbegin(); it != config->buckets.cend(); ++it) {
        const LimitsConfig limits = it->effectiveLimits(config->server.limits);
        const QString bucket = it.key();
        // The bucket config lives in `config`, which the snapshot keeps alive.
        processors.insert(bucket,
                          std::make_shared<ImageProcessor>(
                              limits, bucketWatermarkSource(&*it, bucket, services.storages), services.heavyLane));
    }
}

Expected<std::shared_ptr<Storage>> PipelineSnapshot::storage(const QString &bucket, const QString &storageName,
                                                             StorageObjectType objectType) const
{
    if (storageName == QLatin1String("noop"))
        return objectType == StorageObjectType::Parent ? m_noopParent : m_noopTransform;
    const StorageConfig *cfg = config->storage(bucket, storageName);
    if (!cfg)
        return Error::upstream("storage.not_configured", 503, QStringLiteral("storage unavailable"),
                               QStringLiteral("bucket %1 has no storage named %2").arg(bucket, storageName));
    return m_storages->client(*cfg, bucket, objectType);
}

Error stoppedError(const CancelToken &token)
{
    if (token.isCancelled())
        return Error::client("request.cancelled", 499, QStringLiteral("client closed request"));
    // Peer R3: a deadline is 504 for a client that is still there, not 499.
    return Error::upstream("request.timeout", 504, QStringLiteral("request timed out"),
                           QStringLiteral("requestTimeout passed"));
}

} // namespace mort
