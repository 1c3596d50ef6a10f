#pragma once
// What a request path names (spec urls-and-transforms.md §1-§4): bucket, key,
// which storage holds it, its transforms and its parent chain.
#include "object/transforms.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace mort {

struct ObjectRef
{
    QString uri;         // request path as received (decoded), for logs/debug
    QString bucket;      // first path segment
    QString key;         // with leading '/', "" for bucket-level requests
    QString storageName; // "basic", "transform", "noop" or parentStorage for parents
    Transforms transforms;
    bool hasTransforms() const { return !transforms.isEmpty(); }
    std::shared_ptr<const ObjectRef> parent; // immediate parent (for a transform)
    bool hasParent() const { return parent != nullptr; }
    bool checkParent = false;
    bool webpConverted = false; // webp plugin forced webp and appended "webp" to the key

    // "/" -> no bucket: the service-level request (list buckets, s3-api.md).
    bool isServiceLevel() const { return bucket.isEmpty() && key.isEmpty(); }
    // "/bucket" -> bucket-level request (listing), key "".
    bool isBucketLevel() const { return !bucket.isEmpty() && key.isEmpty(); }

    // Root-most first: the transforms of this object and its ancestors, as
    // mergeChain() expects them.
    QList<Transforms> transformChain() const;
    // The end of the parent chain (the original image).
    const ObjectRef &root() const;
    // Number of ancestors (0 = original).
    int depth() const;
};

// Key for request collapsing (lock) and the response cache. Mort locks on the
// key alone; we qualify it with the bucket so equal keys in two buckets never
// share a lock or a cached body (peer-differences C2). Already includes the
// "webp" suffix once applyWebpAccept() ran (spec §4).
QString collapseKey(const ObjectRef &object);
// Response-cache key: collapse key plus the Range header, as Mort caches
// ranged responses separately.
QString responseCacheKey(const ObjectRef &object, const QByteArray &rangeHeader);
// The key a whole GET of `object` is cached under. A transform whose result
// key equals the request key (resultKey: "") must not share an entry with the
// original it is made from, hence the "transform:" prefix.
QString wholeResponseCacheKey(const ObjectRef &object);

// webp plugin pre-processing (spec §7): when `acceptHeader` names image/webp
// as acceptable (acceptsMediaType(): case-insensitive, q=0 refuses -- Mort
// only tests for the substring) and the object has transforms, force webp output -- the format write enters the hash
// accumulator, but the key is not recomputed -- and append "webp" to the key.
// Returns true when the object was converted. Idempotent.
bool applyWebpAccept(ObjectRef &object, const QByteArray &acceptHeader);

} // namespace mort
