#include "service/staleresultspurge.h"

#include "object/objectparser.h"
#include "storage/storage.h"
#include "storage/storageclientcache.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPurge, "mort.purge")

namespace mort {

namespace {

PurgeProgress failed(PurgeProgress p, const Error &error)
{
    p.state = PurgeProgress::State::Failed;
    p.errorCode = error.code;
    p.errorMessage =
        error.detail.isEmpty() ? error.publicMessage : error.publicMessage + QStringLiteral(": ") + error.detail;
    return p;
}

// The request path that applies `preset` of `bucket` to `original` (a key of
// the parent bucket): the capture is a key in parentBucket when one is set,
// else a full "/bucket/key" path (spec urls-and-transforms.md §2.2.3).
QString requestPath(const QString &bucket, const QString &preset, const TransformConfig &transform,
                    const QString &parentBucket, const QString &original)
{
    const QString parent = transform.parentBucket.isEmpty() ? QLatin1Char('/') + parentBucket + original : original;
    return QLatin1Char('/') + bucket + QLatin1Char('/') + preset + parent;
}

} // namespace

PurgeProgress StaleResultsPurge::run(const StalePreset &stale, const PurgeRun &run)
{
    PurgeProgress p;
    p.state = PurgeProgress::State::Running;
    const Config &before = *stale.before;
    const BucketConfig *bucket = before.bucket(stale.bucket);
    if (!bucket || !bucket->transform)
        return failed(p,
                      Error::client("purge.no_transform", 422,
                                    QStringLiteral("bucket \"%1\" had no transforms").arg(stale.bucket)));
    const TransformConfig &transform = *bucket->transform;
    const QString parentBucket = transform.parentBucket.isEmpty() ? stale.bucket : transform.parentBucket;
    const StorageConfig *originalsConfig = before.storage(parentBucket, transform.parentStorage);
    const StorageConfig *resultsConfig = before.storage(stale.bucket, QStringLiteral("transform"));
    if (!originalsConfig || !resultsConfig)
        return failed(p,
                      Error::client("purge.no_storage", 422,
                                    QStringLiteral("bucket \"%1\" had no %2 storage")
                                        .arg(originalsConfig ? stale.bucket : parentBucket,
                                             originalsConfig ? QStringLiteral("transform") : transform.parentStorage)));
    Expected<std::shared_ptr<Storage>> originals = run.storages->client(*originalsConfig, parentBucket);
    if (!originals)
        return failed(p, originals.error());
    Expected<std::shared_ptr<Storage>> results =
        run.storages->client(*resultsConfig, stale.bucket, StorageObjectType::Transform);
    if (!results)
        return failed(p, results.error());

    // One more than allowed: finding it means the bucket is over the bound.
    Expected<QStringList> keys = (*originals)->listKeys(run.maxOriginals + 1);
    if (!keys)
        return failed(p, keys.error());
    if (keys->size() > run.maxOriginals)
        return failed(p,
                      Error::client("purge.too_many_originals", 422,
                                    QStringLiteral("bucket \"%1\" has more than %2 originals; nothing was deleted")
                                        .arg(parentBucket)
                                        .arg(run.maxOriginals)));
    p.total = int(keys->size());
    if (run.progress)
        run.progress(p);

    const ObjectParser parser(stale.before);
    for (const QString &original : std::as_const(*keys)) {
        if (run.cancel.isCancelled()) {
            p.state = PurgeProgress::State::Cancelled;
            return p;
        }
        Expected<ObjectRef> object =
            parser.parse(requestPath(stale.bucket, stale.preset, transform, parentBucket, original), {});
        // Not this preset on this original: the path regex cannot name it, so no result exists.
        if (!object || !object->hasTransforms() || !object->parent || object->parent->key != original) {
            ++p.skipped;
        } else {
            QList<ObjectRef> variants{*object};
            if (before.server.plugins.webp) {
                ObjectRef webp = *object; // what an Accept: image/webp request stored
                if (applyWebpAccept(webp, "image/webp"))
                    variants.append(webp);
            }
            for (const ObjectRef &variant : std::as_const(variants)) {
                // A result key that is its original's own key names the original
                // (both storages one folder): never deleted from here.
                if (variant.key == object->parent->key
                    && StorageClientCache::fingerprint(*resultsConfig)
                        == StorageClientCache::fingerprint(*originalsConfig))
                    continue;
                Expected<void> removed = (*results)->remove(variant.key);
                if (removed)
                    ++p.deleted;
                else if (!removed.error().isNotFound()) {
                    ++p.failed;
                    qCWarning(lcPurge).noquote() << "could not delete" << variant.key << removed.error().toString();
                }
                if (run.evict)
                    run.evict(wholeResponseCacheKey(variant));
            }
        }
        ++p.done;
        if (run.progress)
            run.progress(p);
    }
    p.state = PurgeProgress::State::Done;
    return p;
}

} // namespace mort
