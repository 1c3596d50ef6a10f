#pragma once
// An original in an S3 archive class (storage.archived, spec config.md §4.3,
// http-behaviour.md §2): counted as mort_glacier_error_detected; with the
// bucket's `glacier.enabled`, S3 is asked to restore it once however many
// requests want it (GlacierRestorer; mort_glacier_restore_initiated), and the
// 503 carries Retry-After and the X-Mort-Glacier-* headers.
#include "service/pipelineflow.h"
#include "storage/glacierrestorer.h"

namespace mort {

// The headers for the answer to `archived`, the storage.archived error of
// `key` in `storage` (storage `storageName` of `bucket`); empty when glacier
// is off for the bucket or `restorer` is null.
HeaderList glacierAnswerHeaders(const Config &config, const QString &bucket, const QString &storageName,
                                const QString &key, const Error &archived, Storage &storage, GlacierRestorer *restorer,
                                MortMetrics &metrics);

} // namespace mort
