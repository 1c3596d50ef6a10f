#pragma once
// Where watermark images may come from (peer-differences S6): only keys of the
// bucket's own `basic` storage — never URLs or local paths, which Mort fetched
// on every request (SSRF, local file oracle). Shared by the server pipeline and
// the studio's preview, so both render the same.
#include "config/config.h"
#include "imaging/imageprocessor.h"

namespace mort {

class StorageClientCache;

// `bucket` must stay alive as long as the returned source (it lives in a Config
// snapshot the caller keeps); `storages` likewise.
WatermarkSource bucketWatermarkSource(const BucketConfig *bucket, const QString &bucketName,
                                      StorageClientCache *storages);

} // namespace mort
