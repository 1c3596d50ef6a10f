#include "service/glacieranswer.h"

namespace mort {

HeaderList glacierAnswerHeaders(const Config &config, const QString &bucket, const QString &storageName,
                                const QString &key, const Error &archived, Storage &storage, GlacierRestorer *restorer,
                                MortMetrics &metrics)
{
    metrics.glacierErrorDetected.inc();
    const BucketConfig *bucketConfig = config.bucket(bucket);
    if (!restorer || !bucketConfig)
        return {};
    // One restore per object of one storage configuration.
    const QString storageId = bucket + QLatin1Char('/') + storageName;
    const GlacierAnswer answer = restorer->answer(archived, storage, storageId, key, bucketConfig->glacier);
    if (answer.restoreRequested)
        metrics.glacierRestoreInitiated.inc();
    return answer.headers;
}

} // namespace mort
