#include "service/watermarksource.h"

#include "storage/storageclientcache.h"

namespace mort {

WatermarkSource bucketWatermarkSource(const BucketConfig *bucket, const QString &bucketName,
                                      StorageClientCache *storages)
{
    return [bucket, bucketName, storages](const QString &image) -> Expected<QByteArray> {
        if (image.startsWith(QLatin1String("http:")) || image.startsWith(QLatin1String("https:")))
            return Error::badRequest("image.watermark_unavailable",
                                     QStringLiteral("watermark URLs are not allowed; use a key of the bucket"));
        const StorageConfig *basic = bucket->storage(QStringLiteral("basic"));
        if (!basic)
            return Error::badRequest("image.watermark_unavailable", QStringLiteral("no basic storage"));
        auto storage = storages->client(*basic, bucketName);
        if (!storage)
            return storage.takeError();
        auto object = (*storage)->get(image.startsWith(QLatin1Char('/')) ? image : QLatin1Char('/') + image);
        if (!object)
            return Error::badRequest("image.watermark_unavailable", object.error().toString());
        return object->body;
    };
}

} // namespace mort
